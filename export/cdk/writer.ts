// Writes generated files into a folder, and removes earlier ones from it, and nowhere else: every path is checked
// before anything is written or removed, links are never followed (not even dangling ones, whose targets do not
// exist yet), and a folder with content is only written into when the caller forces it. The CLI and the
// extension both write through this module.
import {
    closeSync,
    constants,
    fstatSync,
    lstatSync,
    mkdirSync,
    openSync,
    readdirSync,
    realpathSync,
    unlinkSync,
    writeFileSync,
    type Stats,
} from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../protocol/index.js';
import { systemReason } from '../../language/semantics/system-errors.js';

export type WriteErrorKind = 'not-empty' | 'unsafe-path' | 'not-a-folder' | 'io';

export class ExportWriteError extends Error {
    constructor(
        readonly kind: WriteErrorKind,
        message: string,
    ) {
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
    if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative))
        return 'the path is absolute';
    const segments = relative.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'the path has an empty, `.` or `..` segment';
    return undefined;
}

/** Writes `files` under `folder` (created if missing); returns the absolute paths written. */
export function writeGeneratedFiles(
    folder: string,
    files: readonly GeneratedFile[],
    options: WriteOptions = {},
): string[] {
    const root = path.resolve(folder);
    const rootStat = lstatOrUndefined(root);
    if (rootStat?.isSymbolicLink())
        throw new ExportWriteError(
            'not-a-folder',
            `${folder} is a link; give the folder it points to, or another folder`,
        );
    if (rootStat && !rootStat.isDirectory())
        throw new ExportWriteError('not-a-folder', `${folder} exists and is not a folder`);
    if (rootStat && !options.force && readdirSync(root).length > 0) {
        throw new ExportWriteError(
            'not-empty',
            `${folder} is not empty; choose an empty folder or force the export to write into it`,
        );
    }
    const targets = files.map((file) => ({
        target: targetInside(root, file.path, 'write'),
        content: file.content,
        relative: file.path,
    }));

    io(`create ${folder}`, () => mkdirSync(root, { recursive: true }));
    const realRoot = realpathSync(root);
    for (const { target, relative } of targets) assertNoLinks(root, target, relative, 'write');

    const written: string[] = [];
    for (const { target, content, relative } of targets) {
        io(`create the folder of '${relative}'`, () => mkdirSync(path.dirname(target), { recursive: true }));
        // Checked again after creating folders: nothing in between may have turned into a link.
        assertNoLinks(root, target, relative, 'write');
        const realFolder = realpathSync(path.dirname(target));
        if (realFolder !== realRoot && !realFolder.startsWith(realRoot + path.sep)) {
            throw new ExportWriteError(
                'unsafe-path',
                `refusing to write '${relative}': its folder resolves outside the output folder`,
            );
        }
        writeNoFollow(target, content, relative);
        written.push(target);
    }
    return written;
}

/** Checks, without writing, that `relatives` may be written under `folder`: plain paths inside it, not through links. */
export function checkWritablePaths(folder: string, relatives: readonly string[]): void {
    const root = path.resolve(folder);
    for (const relative of relatives) assertNoLinks(root, targetInside(root, relative, 'write'), relative, 'write');
}

/**
 * Removes the files at `relatives` under `folder` (an earlier export's files), after checking all of them: a path
 * outside the folder, through a link, or naming a link or anything but a file is refused and nothing is removed.
 * Files already gone are skipped. Returns the absolute paths removed.
 */
export function removeGeneratedFiles(folder: string, relatives: readonly string[]): string[] {
    const root = path.resolve(folder);
    const targets = relatives.map((relative) => ({ target: targetInside(root, relative, 'remove'), relative }));
    for (const { target, relative } of targets) assertNoLinks(root, target, relative, 'remove');
    const removed: string[] = [];
    for (const { target, relative } of targets) if (removeIfPresent(target, relative)) removed.push(target);
    return removed;
}

/** Removes the file at `target`; false when it is already gone (also when it went after the checks). */
function removeIfPresent(target: string, relative: string): boolean {
    try {
        unlinkSync(target);
        return true;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw ioError(`remove '${relative}'`, error);
    }
}

/** The absolute path of `relative` under `root`, refused unless it is a plain relative path inside it. */
function targetInside(root: string, relative: string, verb: 'write' | 'remove'): string {
    const reason = unsafePathReason(relative);
    const target = path.resolve(root, ...relative.split('/'));
    if (reason !== undefined || !target.startsWith(root + path.sep)) {
        throw new ExportWriteError(
            'unsafe-path',
            `refusing to ${verb} '${relative}': ${reason ?? 'it resolves outside the output folder'}`,
        );
    }
    return target;
}

/** Existing parts of the path below the root must be real folders (and the file a real file), never links. */
function assertNoLinks(root: string, target: string, relative: string, verb: 'write' | 'remove'): void {
    let current = root;
    const parts = path.relative(root, target).split(path.sep);
    for (const [i, part] of parts.entries()) {
        current = path.join(current, part);
        const stat = lstatOrUndefined(current);
        if (stat === undefined) return;
        const refuse = (why: string) =>
            new ExportWriteError('unsafe-path', `refusing to ${verb} '${relative}': ${why}`);
        const last = i === parts.length - 1;
        if (stat.isSymbolicLink()) throw refuse(`${path.relative(root, current)} is a link`);
        if (!last && !stat.isDirectory()) throw refuse(`${path.relative(root, current)} is not a folder`);
        if (last && !stat.isFile()) throw refuse('it exists and is not a file');
    }
}

/**
 * Writes without following a link at the file itself, should one appear after the checks (O_NOFOLLOW), without
 * waiting on a FIFO that appeared there (O_NONBLOCK: opening one with no reader fails at once), and only into a
 * regular file (a FIFO with a reader, or a device, that appeared there is refused once open).
 */
function writeNoFollow(target: string, content: string, relative: string): void {
    const flags =
        constants.O_WRONLY |
        constants.O_CREAT |
        constants.O_TRUNC |
        (constants.O_NOFOLLOW ?? 0) |
        (constants.O_NONBLOCK ?? 0);
    let fd: number;
    try {
        fd = openSync(target, flags, 0o666);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP' || code === 'ENXIO') throw becameSomethingElse(relative);
        throw ioError(`write '${relative}'`, error);
    }
    try {
        if (!fstatSync(fd).isFile()) throw becameSomethingElse(relative);
        io(`write '${relative}'`, () => writeFileSync(fd, content));
    } finally {
        closeSync(fd);
    }
}

function becameSomethingElse(relative: string): ExportWriteError {
    return new ExportWriteError(
        'unsafe-path',
        `refusing to write '${relative}': it became a link, a pipe or a device while writing`,
    );
}

/** The file's own status (a link's, not its target's), or undefined when there is nothing there to inspect. */
export function lstatOrUndefined(file: string): Stats | undefined {
    try {
        return lstatSync(file);
    } catch {
        return undefined;
    }
}

/** Runs a file-system call; a failure (no permission, disk full, name too long) becomes an ExportWriteError that says what failed. */
function io<T>(what: string, action: () => T): T {
    try {
        return action();
    } catch (error) {
        throw ioError(what, error);
    }
}

function ioError(what: string, error: unknown): ExportWriteError {
    const e = error as NodeJS.ErrnoException;
    // The codes whose meaning depends on what the writer does: it creates folders (mkdir gives EEXIST or ENOTDIR
    // when a file stands where a folder should be), and opens and removes files.
    const why =
        systemReason(e, {
            ENOENT: 'a folder on its path does not exist (a link whose target is missing?)',
            ENOTDIR: 'something on its path is a file, not a folder',
            EEXIST: 'something on its path is a file, not a folder',
            EISDIR: 'it is a folder, not a file',
        }) ?? e.message;
    return new ExportWriteError('io', `cannot ${what}: ${why}${e.code ? ` (${e.code})` : ''}`);
}
