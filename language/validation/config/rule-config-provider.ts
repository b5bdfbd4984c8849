// The rule configuration of a document: `.mregion.json` (shared with the CLI) overridden by the editor's
// `mregion.rules` setting. When either changes, every document is checked again.
import { DocumentState, type FileSystemProvider, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RuleCode } from '../rules/catalog.js';
import type { RuleSetting } from '../rules/runner.js';
import { mergeRuleSettings, parseRuleSettings, type ParsedRuleSettings } from './rule-settings.js';
import { readWorkspaceFile, WORKSPACE_FILE } from './workspace-file.js';

export interface DocumentRuleConfig extends ParsedRuleSettings {
    settingOf(code: RuleCode): RuleSetting | undefined;
}

export class RuleConfigProvider {
    private readonly fs: FileSystemProvider;

    constructor(private readonly shared: LangiumSharedServices) {
        this.fs = shared.workspace.FileSystemProvider;
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate((update) => {
            if (update.section === 'mregion') this.recheckAll();
        });
        shared.lsp.DocumentUpdateHandler?.onWatchedFilesChange?.((params) => {
            if (params.changes.some((c) => c.uri.endsWith(`/${WORKSPACE_FILE}`))) this.recheckAll();
        });
    }

    async configFor(document: LangiumDocument): Promise<DocumentRuleConfig> {
        const file = readWorkspaceFile(this.fs, document.uri);
        const editorValue: unknown = await this.shared.workspace.ConfigurationProvider.getConfiguration('mregion', 'rules');
        const merged = mergeRuleSettings(file, parseRuleSettings(editorValue, 'setting mregion.rules'));
        return { ...merged, settingOf: (code) => merged.settings.get(code) };
    }

    /** Validates every document again (their text did not change, their configuration did). */
    recheckAll(): Promise<void> {
        const builder = this.shared.workspace.DocumentBuilder;
        return this.shared.workspace.WorkspaceLock.write(async (token) => {
            for (const document of this.shared.workspace.LangiumDocuments.all) {
                if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
            }
            await builder.update([], [], token);
        });
    }
}
