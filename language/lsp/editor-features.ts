// The language features of the editor, registered in mregion-module.ts (`lsp: { ...EditorFeatures }`).
// Every feature goes through the language server, so any LSP editor gets it.
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { MregionServices } from '../mregion-module.js';
import { MregionFormatter } from './formatter.js';

export const EditorFeatures = {
    Formatter: (services: MregionServices) => new MregionFormatter(services),
};

export const SharedEditorFeatures: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
};
