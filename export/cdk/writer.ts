// Writes generated files into a folder, and nowhere else: every path is checked before anything is written,
// links are never followed, and a folder with content is only written into when the caller forces it.
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../protocol/index.js';

export type WriteErrorKind = 'not-empty' | 'unsafe-path' | 'not-a-folder';

export class ExportWriteError extends Error {
    constructor(readonly kind: WriteErrorKind, message: string) {
        super(message);
        this.name = 'ExportWriteError';
    }
}

export interface WriteOptions {
    /** Write into a folder that already has content (existing files with the same names are replaced). */
    readonly force?: boolean;
}

/** Why `relative` is not a safe path inside the output folder, or undefined when it is. */
export function unsafePathReason(relative: string): string | undefined {
    if (relative.length === 0) return 'the path is empty';
    if (relative.includes('\0')) return 'the path contains a NUL character';
    if (relative.includes('\\')) return 'the path contains a backslash';
    if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return 'the path is absolute';
    const segments = relative.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'the path has an empty, `.` or `..` segment';
    return undefined;
}

export function isEmptyFolder(folder: string): boolean {
    return !existsSync(folder) || (lstatSync(folder).isDirectory() && readdirSync(folder).length === 0);
}

/** Writes `files` under `folder` (created if missing); returns the absolute paths written. */
export function writeGeneratedFiles(folder: string, files: readonly GeneratedFile[], options: WriteOptions = {}): string[] {
    const root = path.resolve(folder);
    if (existsSync(root)) {
        if (!lstatSync(root).isDirectory()) throw new ExportWriteError('not-a-folder', `${folder} exists and is not a folder`);
        if (!options.force && readdirSync(root).length > 0) {
            throw new ExportWriteError('not-empty', `${folder} is not empty; choose an empty folder or force the export to write into it`);
        }
    }
    const targets = files.map((file) => {
        const reason = unsafePathReason(file.path);
        const target = path.resolve(root, ...file.path.split('/'));
        if (reason !== undefined || !target.startsWith(root + path.sep)) {
            throw new ExportWriteError('unsafe-path', `refusing to write '${file.path}': ${reason ?? 'it resolves outside the output folder'}`);
        }
        return { target, content: file.content, relative: file.path };
    });

    mkdirSync(root, { recursive: true });
    const realRoot = realpathSync(root);
    for (const { target, relative } of targets) assertNoLinks(root, target, relative);

    const written: string[] = [];
    for (const { target, content, relative } of targets) {
        mkdirSync(path.dirname(target), { recursive: true });
        // Checked again after creating folders: nothing in between may have turned into a link.
        assertNoLinks(root, target, relative);
        const realFolder = realpathSync(path.dirname(target));
        if (realFolder !== realRoot && !realFolder.startsWith(realRoot + path.sep)) {
            throw new ExportWriteError('unsafe-path', `refusing to write '${relative}': its folder resolves outside the output folder`);
        }
        writeFileSync(target, content, 'utf8');
        written.push(target);
    }
    return written;
}

/** Existing parts of the path below the root must be real folders (and the file a real file), never links. */
function assertNoLinks(root: string, target: string, relative: string): void {
    let current = root;
    const parts = path.relative(root, target).split(path.sep);
    for (let i = 0; i < parts.length; i++) {
        current = path.join(current, parts[i]!);
        if (!existsSync(current) && !isDanglingLink(current)) return;
        const stat = lstatSync(current);
        const last = i === parts.length - 1;
        if (stat.isSymbolicLink()) throw new ExportWriteError('unsafe-path', `refusing to write '${relative}': ${path.relative(root, current)} is a link`);
        if (!last && !stat.isDirectory()) throw new ExportWriteError('unsafe-path', `refusing to write '${relative}': ${path.relative(root, current)} is not a folder`);
        if (last && !stat.isFile()) throw new ExportWriteError('unsafe-path', `refusing to write '${relative}': it exists and is not a file`);
    }
}

function isDanglingLink(p: string): boolean {
    try {
        return lstatSync(p).isSymbolicLink();
    } catch {
        return false;
    }
}
