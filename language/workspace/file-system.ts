// Design files and .mregion.json are read only when they are regular files, and only up to a size cap. A FIFO
// named x.mregion used to block the reader forever, a symlink to /dev/zero to fill memory, and a folder to throw
// EISDIR. The file is opened non-blocking (so opening a FIFO cannot wait for a writer) and its type and size are
// checked on the opened descriptor, so a file swapped or grown between the check and the read cannot get past
// them. Symbolic links to regular files are followed, as repositories use them; links to folders are not
// followed by folder scans, so a link cycle cannot make a scan loop.
import { formatCount } from '../../format/quantities.js';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { FileSystemNode, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { systemReason } from '../semantics/system-errors.js';

const MIB = 1024 * 1024;
/** Twice the largest design the language must accept (8 MB), so any such design is read. */
export const DESIGN_FILE_LIMIT = 16 * MIB;
/** A rule configuration is a few hundred bytes; anything near this is not one. */
export const CONFIG_FILE_LIMIT = 1 * MIB;

/** A file mregion does not read; `reason` completes "cannot read 'x.mregion': …". */
export class UnreadableFileError extends Error {
    constructor(readonly reason: string) {
        super(reason);
        this.name = 'UnreadableFileError';
    }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** The text of a regular file of at most `limit` bytes (UTF-8); anything else is an UnreadableFileError. */
export function readRegularFile(file: string, limit: number): string {
    return readRegularBytes(file, limit).toString('utf8');
}

/** The bytes of a regular file of at most `limit` bytes; anything else is an UnreadableFileError. */
export function readRegularBytes(file: string, limit: number): Buffer {
    // Checked before opening too, so that no device is ever opened (opening some has side effects).
    checkReadable(stat(file), limit);
    let fd: number;
    try {
        fd = openSync(file, OPEN_FLAGS);
    } catch (error) {
        throw unreadable(error);
    }
    try {
        const stats = fstatSync(fd);
        checkReadable(stats, limit);
        // One byte more than the size: a file that holds more than it says (being written, or a /proc pseudo-file
        // that reports size 0) is refused instead of being read without bound.
        const buffer = Buffer.allocUnsafe(stats.size + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
        }
        if (length > stats.size) {
            throw new UnreadableFileError(
                `it holds more than the ${bytes(stats.size)} its size says (it is being written, or it is a pseudo-file such as those in /proc); save it again, or copy it to a regular file`,
            );
        }
        return buffer.subarray(0, length);
    } finally {
        closeSync(fd);
    }
}

/** Throws the UnreadableFileError `readRegularFile` would, without opening the file. */
export function checkRegularFile(file: string, limit: number): void {
    checkReadable(stat(file), limit);
}

function stat(file: string): Stats {
    try {
        return statSync(file);
    } catch (error) {
        throw unreadable(error);
    }
}

function checkReadable(stats: Stats, limit: number): void {
    if (!stats.isFile()) throw new UnreadableFileError(`it is ${kindOf(stats)}, not a regular file`);
    checkSize(stats.size, limit);
}

/** Holds a design text from the editor to the limit of a design file on disk. */
export function checkDesignText(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so most texts are decided without counting.
    if (text.length * 3 > DESIGN_FILE_LIMIT) checkSize(Buffer.byteLength(text, 'utf8'), DESIGN_FILE_LIMIT);
}

function checkSize(size: number, limit: number): void {
    if (size <= limit) return;
    const advice =
        limit === DESIGN_FILE_LIMIT
            ? 'split the design into files that import each other'
            : 'a rule configuration needs only a few hundred bytes';
    throw new UnreadableFileError(
        `it is ${bytes(size)}, more than the ${limit / MIB} MiB (${bytes(limit)}) mregion reads; ${advice}`,
    );
}

function kindOf(stats: Stats): string {
    if (stats.isDirectory()) return 'a folder';
    if (stats.isFIFO()) return 'a FIFO (named pipe)';
    if (stats.isCharacterDevice()) return 'a character device';
    if (stats.isBlockDevice()) return 'a block device';
    if (stats.isSocket()) return 'a socket';
    return 'a special file';
}

function bytes(count: number): string {
    return `${formatCount(count)} bytes`;
}

/** An operating-system error (missing file, no permission) as a reason, without a stack. */
function unreadable(error: unknown): UnreadableFileError {
    const reason = systemReason(error, {
        ENOENT: 'it does not exist',
        ELOOP: 'it is a symbolic link that leads back to itself',
        ENXIO: 'it is a socket or a device, not a regular file',
    });
    return new UnreadableFileError(
        reason ?? `the system refused to read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
}

/**
 * Langium's Node file system with the reads above. Folder listings report a symbolic link as a file when it
 * leads to anything but a folder (so a link to a regular design is loaded, and a link to a FIFO or a device is
 * refused with a diagnostic) and never as a folder.
 */
export class RegularFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        // Synchronous underneath: the read is bounded by the cap, and one implementation keeps the checks in one place.
        return new Promise((resolve) => resolve(this.readFileSync(uri)));
    }

    override readFileSync(uri: URI): string {
        return readRegularFile(uri.fsPath, DESIGN_FILE_LIMIT);
    }

    /** The text of a regular file of at most `limit` bytes. */
    readFileWithin(uri: URI, limit: number): string {
        return readRegularFile(uri.fsPath, limit);
    }

    override readBinary(uri: URI): Promise<Uint8Array> {
        return new Promise((resolve) => resolve(this.readBinarySync(uri)));
    }

    override readBinarySync(uri: URI): Uint8Array {
        return readRegularBytes(uri.fsPath, DESIGN_FILE_LIMIT);
    }

    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }

    override readDirectorySync(uri: URI): FileSystemNode[] {
        return super.readDirectorySync(uri).map((entry) => {
            const { dirent } = entry as FileSystemNode & {
                dirent: { isSymbolicLink(): boolean; isDirectory(): boolean };
            };
            if (dirent.isDirectory()) return entry;
            return {
                isFile: !dirent.isSymbolicLink() || linkLeadsToFile(entry.uri.fsPath),
                isDirectory: false,
                uri: entry.uri,
            };
        });
    }

    // Anything but a folder counts as a file, so that a FIFO created in the workspace is refused with a
    // diagnostic, as the folder scan does, instead of being ignored.
    override async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    override statSync(uri: URI): FileSystemNode {
        const isDirectory = statSync(uri.fsPath).isDirectory();
        return { isFile: !isDirectory, isDirectory, uri };
    }
}

/** Whether a symbolic link leads to something other than a folder; a dangling link leads nowhere. */
export function linkLeadsToFile(link: string): boolean {
    try {
        return !statSync(link).isDirectory();
    } catch {
        return false;
    }
}

/** The text of `uri` through `fs`, capped at `limit` bytes where the provider can cap it. */
export function readCapped(fs: { readFileSync(uri: URI): string }, uri: URI, limit: number): string {
    return fs instanceof RegularFileSystemProvider ? fs.readFileWithin(uri, limit) : fs.readFileSync(uri);
}

/** For `createMregionServices`: the file system of the CLI and the language server. */
export const RegularFileSystem = {
    fileSystemProvider: () => new RegularFileSystemProvider(),
};
