// Whether a folder may take an export, and replacing an earlier export in it, for the CLI and the editor alike. The
// manifest beside the generated files names the files a later export may replace; it lives in the user's folder,
// so it is read as untrusted input. Every path is checked, removed and written by writer.ts: links are never
// followed and nothing outside the folder is touched.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../protocol/index.js';
import {
    checkWritablePaths,
    ExportWriteError,
    lstatOrUndefined,
    removeGeneratedFiles,
    unsafePathReason,
    writeGeneratedFiles,
} from './writer.js';

/** Written beside the generated files so a later export may replace exactly those files and nothing else. */
export const manifestName = '.mregion-export.json';

/** A manifest is a list of paths; one larger than this was not written by the command. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface ExportManifest {
    readonly source: string;
    readonly files: readonly string[];
}

/** What the chosen folder holds: nothing (missing or empty), only an earlier export, or anything else (and why it cannot be used). */
export type FolderState =
    | { readonly kind: 'empty' }
    | { readonly kind: 'previous'; readonly manifest: ExportManifest }
    | { readonly kind: 'refused'; readonly reason: string };

export function inspectExportFolder(folder: string): FolderState {
    const stat = lstatOrUndefined(folder);
    if (stat === undefined) return { kind: 'empty' };
    if (stat.isSymbolicLink())
        return { kind: 'refused', reason: 'the folder is a link; choose the folder it points to, or another folder' };
    if (!stat.isDirectory()) return { kind: 'refused', reason: 'it is not a folder' };
    let entries: string[];
    try {
        entries = readdirSync(folder);
    } catch (error) {
        return {
            kind: 'refused',
            reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        };
    }
    if (entries.length === 0) return { kind: 'empty' };
    const manifest = readManifest(path.join(folder, manifestName));
    return typeof manifest === 'string' ? { kind: 'refused', reason: manifest } : { kind: 'previous', manifest };
}

const NOT_EMPTY = 'the folder is not empty';

/** The manifest, or why the folder does not hold an earlier export that may be replaced. */
function readManifest(file: string): ExportManifest | string {
    const stat = lstatOrUndefined(file);
    // No manifest, or not a plain file (a link, a FIFO, a device): the folder is the user's.
    if (stat === undefined || !stat.isFile()) return NOT_EMPTY;
    if (stat.size > MAX_MANIFEST_BYTES)
        return `${NOT_EMPTY} (its ${manifestName} is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB, so this command did not write it)`;
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        return NOT_EMPTY;
    }
    const candidate = parsed as Partial<ExportManifest> | null;
    if (
        typeof candidate?.source !== 'string' ||
        !Array.isArray(candidate.files) ||
        !candidate.files.every((f) => typeof f === 'string')
    )
        return NOT_EMPTY;
    for (const listed of candidate.files) {
        const reason = unsafePathReason(listed);
        if (reason !== undefined)
            return `its ${manifestName} lists '${listed}', which is not a file inside the folder (${reason}); nothing was removed`;
    }
    return { source: candidate.source, files: candidate.files };
}

/**
 * Removes the files of `previous`, then writes `files` and the new manifest. Every path to remove and to write is
 * checked first (none may lie outside the folder, be a link or sit behind one): when one is unsafe this throws an
 * ExportWriteError having changed nothing.
 */
export function replaceExport(
    folder: string,
    source: string,
    files: readonly GeneratedFile[],
    previous?: ExportManifest,
): void {
    if (files.some((f) => f.path === manifestName)) {
        throw new ExportWriteError(
            'unsafe-path',
            `refusing to write '${manifestName}': the export keeps its list of files there`,
        );
    }
    const manifest: ExportManifest = { source, files: files.map((f) => f.path) };
    const all = [...files, { path: manifestName, content: `${JSON.stringify(manifest, null, 2)}\n` }];
    checkWritablePaths(
        folder,
        all.map((f) => f.path),
    );
    if (previous) removeGeneratedFiles(folder, previous.files);
    writeGeneratedFiles(folder, all, { force: true });
}
