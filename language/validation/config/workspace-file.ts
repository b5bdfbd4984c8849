// `.mregion.json`: the rule configuration the CLI and the editor share, found by walking up from a design's
// folder. Read through Langium's file system provider, so the CLI, the server and tests read it the same way.
import { URI, UriUtils, type FileSystemProvider } from 'langium';
import { parseRuleSettings, type ParsedRuleSettings } from './rule-settings.js';

export const WORKSPACE_FILE = '.mregion.json';

export interface WorkspaceFileSettings extends ParsedRuleSettings {
    /** The file that was read, when one was found. */
    readonly file?: URI;
}

/** The nearest .mregion.json at or above the folder of `document`, or undefined. */
export function findWorkspaceFile(fs: FileSystemProvider, document: URI): URI | undefined {
    if (document.scheme !== 'file') return undefined;
    let folder = UriUtils.dirname(document);
    for (;;) {
        const candidate = UriUtils.joinPath(folder, WORKSPACE_FILE);
        try {
            if (fs.existsSync(candidate)) return candidate;
        } catch {
            return undefined;
        }
        const parent = UriUtils.dirname(folder);
        if (parent.path === folder.path) return undefined;
        folder = parent;
    }
}

/** Reads the rule settings of the nearest .mregion.json; a missing file is no settings, a broken one a problem. */
export function readWorkspaceFile(fs: FileSystemProvider, document: URI): WorkspaceFileSettings {
    const file = findWorkspaceFile(fs, document);
    if (!file) return { settings: new Map(), problems: [] };
    const shown = file.fsPath;
    let text: string;
    try {
        text = fs.readFileSync(file);
    } catch (error) {
        return { file, settings: new Map(), problems: [`${shown} cannot be read (${error instanceof Error ? error.message : String(error)})`] };
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { file, settings: new Map(), problems: [`${shown} is not valid JSON (${error instanceof Error ? error.message : String(error)}); its rule settings are ignored`] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { file, settings: new Map(), problems: [`${shown} must hold an object such as { "rules": { "dns-ttl-too-long": "error" } }`] };
    }
    return { file, ...parseRuleSettings((json as Record<string, unknown>).rules, `${shown} "rules"`) };
}
