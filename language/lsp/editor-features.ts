// The language features of the editor, registered in mregion-module.ts (`lsp: { ...EditorFeatures }`).
// Every feature goes through the language server, so any LSP editor gets it.
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { MregionServices } from '../mregion-module.js';
import { MregionCodeLensProvider } from './code-lens.js';
import { MregionCompletionProvider } from './completion/completion-provider.js';
import { MregionFoldingRangeProvider } from './folding.js';
import { MregionFormatter } from './formatter.js';
import { MregionHoverProvider } from './hover/hover-provider.js';
import { MregionInlayHintProvider } from './inlay-hints.js';
import { MregionRenameProvider } from './rename-provider.js';
import { MregionSemanticTokenProvider } from './semantic-tokens.js';
import { MregionDocumentSymbolProvider, MregionNodeKindProvider, MregionWorkspaceSymbolProvider } from './symbols.js';

export const EditorFeatures = {
    Formatter: () => new MregionFormatter(),
    HoverProvider: (services: MregionServices) => new MregionHoverProvider(services),
    CompletionProvider: (services: MregionServices) => new MregionCompletionProvider(services),
    RenameProvider: (services: MregionServices) => new MregionRenameProvider(services),
    DocumentSymbolProvider: (services: MregionServices) => new MregionDocumentSymbolProvider(services),
    FoldingRangeProvider: (services: MregionServices) => new MregionFoldingRangeProvider(services),
    SemanticTokenProvider: (services: MregionServices) => new MregionSemanticTokenProvider(services),
    InlayHintProvider: (services: MregionServices) => new MregionInlayHintProvider(services),
    CodeLensProvider: () => new MregionCodeLensProvider(),
};

export const SharedEditorFeatures: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new MregionNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new MregionWorkspaceSymbolProvider(services),
    },
};
