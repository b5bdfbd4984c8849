// Dependency injection for the .mregion language: Langium's defaults plus our scoping, validation and the
// semantic-model services shared by every feature.
import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { MregionGeneratedModule, MregionGeneratedSharedModule } from './generated/module.js';
import { EditorFeatures, SharedEditorFeatures } from './lsp/editor-features.js';
import { MregionLexer } from './parser/lexer.js';
import { createMregionParser } from './parser/parser.js';
import { MregionTokenBuilder } from './parser/token-builder.js';
import { MregionValueConverter } from './parser/value-converter.js';
import { MregionLinker } from './scoping/linker.js';
import { MregionScopeComputation } from './scoping/scope-computation.js';
import { MregionScopeProvider } from './scoping/scope-provider.js';
import { MregionCodeActionProvider } from './lsp/code-actions/provider.js';
import { RuleConfigProvider } from './validation/config/rule-config-provider.js';
import { MregionDocumentValidator } from './validation/document-validator.js';
import { allRules } from './validation/rules/registry.js';
import type { Rule } from './validation/rules/rule.js';
import { registerValidationChecks } from './validation/index.js';
import { CoalescingDocumentBuilder } from './workspace/document-builder.js';
import { MregionDocumentFactory } from './workspace/document-factory.js';
import { MregionLangiumDocuments } from './workspace/documents.js';
import { MregionIndexManager } from './workspace/index-manager.js';
import { ImportResolver } from './workspace/imports.js';
import { ModelProvider } from './workspace/model-provider.js';
import { MregionAstNodeDescriptionProvider } from './workspace/node-descriptions.js';
import { MregionReferenceDescriptionProvider } from './workspace/reference-descriptions.js';
import { MregionWorkspaceManager } from './workspace/workspace-manager.js';

export interface MregionAddedServices {
    readonly semantics: {
        readonly Imports: ImportResolver;
        readonly Models: ModelProvider;
        /** Rule severities from .mregion.json and the `mregion.rules` setting. */
        readonly RuleConfig: RuleConfigProvider;
        /** The design rules the checker runs (the registry in validation/rules/registry.ts). */
        readonly Rules: readonly Rule[];
    };
}

export type MregionServices = LangiumServices & MregionAddedServices;

export const MregionModule: Module<MregionServices, PartialLangiumServices & MregionAddedServices> = {
    semantics: {
        Imports: (services) => new ImportResolver(services.shared),
        Models: (services) => new ModelProvider(services.shared, services.semantics.Imports),
        RuleConfig: (services) => new RuleConfigProvider(services.shared),
        Rules: () => allRules(),
    },
    parser: {
        LangiumParser: (services) => createMregionParser(services),
        Lexer: (services) => new MregionLexer(services),
        TokenBuilder: () => new MregionTokenBuilder(),
        ValueConverter: () => new MregionValueConverter(),
    },
    references: {
        Linker: (services) => new MregionLinker(services),
        ScopeComputation: (services) => new MregionScopeComputation(services),
        ScopeProvider: (services) => new MregionScopeProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new MregionDocumentValidator(services),
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new MregionReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: (services) => new MregionAstNodeDescriptionProvider(services),
    },
    lsp: {
        ...EditorFeatures,
        CodeActionProvider: (services) => new MregionCodeActionProvider(services),
    },
};

export const MregionSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new CoalescingDocumentBuilder(services),
        LangiumDocumentFactory: (services) => new MregionDocumentFactory(services),
        LangiumDocuments: (services) => new MregionLangiumDocuments(services),
        IndexManager: (services) => new MregionIndexManager(services),
        WorkspaceManager: (services) => new MregionWorkspaceManager(services),
    },
};

export function createMregionServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Mregion: MregionServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        MregionGeneratedSharedModule,
        MregionSharedModule,
        SharedEditorFeatures,
    );
    const Mregion = inject(createDefaultModule({ shared }), MregionGeneratedModule, MregionModule);
    shared.ServiceRegistry.register(Mregion);
    registerValidationChecks(Mregion);
    if (!context.connection) {
        // Without a language client nothing sends the initial build's configuration; mark it as received.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Mregion };
}
