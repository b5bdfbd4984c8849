// `.mregion.json`: the rule configuration the CLI and the editor share, found by walking up from a design's
// folder to the root of its project (the editor's workspace folder, the CLI's git root), never above: a file
// planted higher up (a FIFO, a link to /dev/zero) once made every check block or fill memory. Read through
// Langium's file system provider, so the CLI, the server and tests read it the same way, and only when it is a
// regular file within CONFIG_FILE_LIMIT. It holds `rules` (severities) and `judge` (which end of a range the rules
// judge, judge-setting.ts).
import { type URI, UriUtils, type FileSystemProvider } from 'langium';
import { CONFIG_FILE_LIMIT, readCapped } from '../../workspace/file-system.js';
import type { Judge } from '../../semantics/estimators/range.js';
import { parseJudge } from './judge-setting.js';
import { parseRuleSettings, type ParsedRuleSettings } from './rule-settings.js';

export const WORKSPACE_FILE = '.mregion.json';

export interface WorkspaceFileSettings extends ParsedRuleSettings {
    /** The file that was read, when one was found. */
    readonly file?: URI;
    /** Its `judge`, when set. */
    readonly judge?: Judge;
}

/**
 * The nearest .mregion.json at or above the folder of `document` and at or below `root`, or undefined. When
 * `root` does not contain the document, only the document's own folder is searched.
 */
export function findWorkspaceFile(fs: FileSystemProvider, document: URI, root: URI): URI | undefined {
    if (document.scheme !== 'file') return undefined;
    let folder = UriUtils.dirname(document);
    const last = contains(root, folder) ? root.path : folder.path;
    for (;;) {
        const candidate = UriUtils.joinPath(folder, WORKSPACE_FILE);
        try {
            if (fs.existsSync(candidate)) return candidate;
        } catch {
            return undefined;
        }
        const parent = UriUtils.dirname(folder);
        if (folder.path === last || parent.path === folder.path) return undefined;
        folder = parent;
    }
}

/** Whether `folder` is `root` or below it. */
export function contains(root: URI, folder: URI): boolean {
    if (root.scheme !== folder.scheme || root.authority !== folder.authority) return false;
    const top = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return folder.path === root.path || folder.path.startsWith(top);
}

/** Reads the rule settings of the nearest .mregion.json up to `root`; a missing file is no settings, a broken one a problem. */
export function readWorkspaceFile(fs: FileSystemProvider, document: URI, root: URI): WorkspaceFileSettings {
    const file = findWorkspaceFile(fs, document, root);
    if (!file) return { settings: new Map(), problems: [] };
    const shown = file.fsPath;
    let text: string;
    try {
        text = readCapped(fs, file, CONFIG_FILE_LIMIT);
    } catch (error) {
        return {
            file,
            settings: new Map(),
            problems: [
                `${shown} cannot be read: ${error instanceof Error ? error.message : String(error)}; its rule settings are ignored`,
            ],
        };
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return {
            file,
            settings: new Map(),
            problems: [
                `${shown} is not valid JSON (${error instanceof Error ? error.message : String(error)}); its rule settings are ignored`,
            ],
        };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return {
            file,
            settings: new Map(),
            problems: [`${shown} must hold an object such as { "rules": { "dns-ttl-too-long": "error" } }`],
        };
    }
    const rules = parseRuleSettings((json as Record<string, unknown>).rules, `${shown} "rules"`);
    const judge = parseJudge((json as Record<string, unknown>).judge, `${shown} "judge"`);
    return {
        file,
        settings: rules.settings,
        problems: [...rules.problems, ...judge.problems],
        ...(judge.judge ? { judge: judge.judge } : {}),
    };
}
