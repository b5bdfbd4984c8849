// The language features of the editor, registered in mregion-module.ts (`lsp: { ...EditorFeatures }`).
// Every feature goes through the language server, so any LSP editor gets it.
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { MregionServices } from '../mregion-module.js';
import { MregionCompletionProvider } from './completion/completion-provider.js';
import { MregionFormatter } from './formatter.js';
import { MregionHoverProvider } from './hover/hover-provider.js';
import { MregionRenameProvider } from './rename-provider.js';

export const EditorFeatures = {
    Formatter: (services: MregionServices) => new MregionFormatter(services),
    HoverProvider: (services: MregionServices) => new MregionHoverProvider(services),
    CompletionProvider: (services: MregionServices) => new MregionCompletionProvider(services),
    RenameProvider: (services: MregionServices) => new MregionRenameProvider(services),
};

export const SharedEditorFeatures: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
};
