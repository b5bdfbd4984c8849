// The rule configuration of a document: `.mregion.json` (shared with the CLI) overridden by the editor's
// `mregion.rules` and `mregion.judge` settings. When either changes, every document is checked again.
import {
    DocumentState,
    isOperationCancelled,
    URI,
    UriUtils,
    WorkspaceCache,
    type FileSystemProvider,
    type LangiumDocument,
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RuleCode } from '../rules/catalog.js';
import type { RuleSetting } from '../rules/runner.js';
import { DEFAULT_JUDGE, type Judge } from '../../semantics/estimators/range.js';
import { parseJudge } from './judge-setting.js';
import { mergeRuleSettings, parseRuleSettings, type ParsedRuleSettings } from './rule-settings.js';
import { contains, readWorkspaceFile, WORKSPACE_FILE, type WorkspaceFileSettings } from './workspace-file.js';

export interface DocumentRuleConfig extends ParsedRuleSettings {
    settingOf(code: RuleCode): RuleSetting | undefined;
    /** Which end of an estimate's range the rules judge: the setting, else the file's, else the worst. */
    readonly judge: Judge;
}

export class RuleConfigProvider {
    private readonly fs: FileSystemProvider;
    /**
     * The .mregion.json settings of each folder, read once per build rather than once per document (a file of up
     * to 1 MiB, read and parsed for each of a thousand designs, made a build take seconds). Every build, and so
     * every recheck after the file changes, starts afresh.
     */
    private readonly folderSettings: WorkspaceCache<string, WorkspaceFileSettings>;

    constructor(private readonly shared: LangiumSharedServices) {
        this.fs = shared.workspace.FileSystemProvider;
        this.folderSettings = new WorkspaceCache(shared);
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate((update) => {
            if (update.section === 'mregion') this.recheckInBackground();
        });
        shared.lsp.DocumentUpdateHandler?.onWatchedFilesChange?.((params) => {
            if (params.changes.some((c) => c.uri.endsWith(`/${WORKSPACE_FILE}`))) this.recheckInBackground();
        });
    }

    /**
     * The folder above which no .mregion.json is looked for: the editor's workspace folder holding the document
     * (the deepest, when folders nest), or the document's own folder when it is in none. The CLI replaces it.
     */
    searchRoot: (document: URI) => URI = (document) => {
        const folder = UriUtils.dirname(document);
        const roots = (this.shared.workspace.WorkspaceManager.workspaceFolders ?? [])
            .map((f) => URI.parse(f.uri))
            .filter((root) => contains(root, folder));
        return roots.sort((a, b) => b.path.length - a.path.length)[0] ?? folder;
    };

    async configFor(document: LangiumDocument): Promise<DocumentRuleConfig> {
        const root = this.searchRoot(document.uri);
        const file = this.folderSettings.get(`${UriUtils.dirname(document.uri).toString()} ${root.toString()}`, () =>
            readWorkspaceFile(this.fs, document.uri, root),
        );
        const editorValue: unknown = await this.shared.workspace.ConfigurationProvider.getConfiguration(
            'mregion',
            'rules',
        );
        const merged = mergeRuleSettings(file, parseRuleSettings(editorValue, 'setting mregion.rules'));
        const editorJudge = parseJudge(
            await this.shared.workspace.ConfigurationProvider.getConfiguration('mregion', 'judge'),
            'setting mregion.judge',
        );
        return {
            ...merged,
            problems: [...merged.problems, ...editorJudge.problems],
            settingOf: (code) => merged.settings.get(code),
            judge: editorJudge.judge ?? file.judge ?? DEFAULT_JUDGE,
        };
    }

    /** Validates every document again (their text did not change, their configuration did). */
    /** A settings change rechecks every document; a later change cancels it, and any other failure is logged. */
    private recheckInBackground(): void {
        this.recheckAll().catch((error: unknown) => {
            if (!isOperationCancelled(error))
                console.error(`mregion: rechecking after a settings change failed: ${String(error)}`);
        });
    }

    recheckAll(): Promise<void> {
        const builder = this.shared.workspace.DocumentBuilder;
        return this.shared.workspace.WorkspaceLock.write(async (token) => {
            for (const document of this.shared.workspace.LangiumDocuments.all) {
                if (document.state >= DocumentState.Validated)
                    builder.resetToState(document, DocumentState.IndexedReferences);
            }
            await builder.update([], [], token);
        });
    }
}
