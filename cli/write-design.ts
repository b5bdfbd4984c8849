// Writes a formatted design back in place. The text goes to a temporary file beside the design, which then
// replaces it (write-file-atomic): a write can neither block on a FIFO swapped in for the design since it was
// read, nor leave a half-written design if mregion is stopped; the design's mode and owner are kept, and a link
// to a design keeps pointing at it (the file it leads to is the one replaced).
import { closeSync, constants, openSync, writeFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { systemReason } from '../language/semantics/system-errors.js';
import { checkRegularFile, UnreadableFileError } from '../language/workspace/file-system.js';
import { UsageError } from './workspace.js';

export function writeDesign(file: string, text: string, shown: string): void {
    try {
        // Replacing anything but the regular file that was read would turn it into one, unasked.
        checkRegularFile(file, Number.POSITIVE_INFINITY);
        writeFileAtomic.sync(file, text);
    } catch (error) {
        const reason =
            error instanceof UnreadableFileError
                ? `it is no longer a regular file: ${error.reason}`
                : writeFailure(error);
        throw new UsageError(`cannot write '${shown}': ${reason}; it was left as it is`);
    }
}

function writeFailure(error: unknown): string {
    const denied = 'permission denied (mregion writes a temporary file beside it, so its folder must be writable)';
    return (
        systemReason(error, { EACCES: denied, EPERM: denied }) ??
        `the system refused to write it (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))})`
    );
}

/**
 * Writes a new design (`mregion import --out`): the file is created only if nothing is there — an existing
 * design is never overwritten, and a link planted at the path is not followed.
 */
export function createDesign(file: string, text: string, shown: string): void {
    let fd: number;
    try {
        fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    } catch (error) {
        const reason =
            (error as NodeJS.ErrnoException).code === 'EEXIST'
                ? 'it already exists (mregion import never overwrites a file: choose another --out, or remove it)'
                : writeFailure(error);
        throw new UsageError(`cannot write '${shown}': ${reason}`);
    }
    try {
        writeFileSync(fd, text);
    } catch (error) {
        throw new UsageError(`cannot write '${shown}': ${writeFailure(error)}`);
    } finally {
        closeSync(fd);
    }
}
