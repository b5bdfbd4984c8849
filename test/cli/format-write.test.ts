// `mregion format` writing designs back: the design is read as `mregion check` reads it, and replaced whole, so
// that a FIFO swapped in for it after the read is refused instead of blocking the write (or receiving the text),
// and the design keeps its mode and the links that lead to it.
import {
    closeSync,
    constants,
    lstatSync,
    mkdirSync,
    openSync,
    readFileSync,
    readlinkSync,
    readSync,
    rmSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { runFormat } from '../../cli/commands/format.js';
import { displayPath } from '../../cli/workspace.js';
import { RegularFileSystemProvider } from '../../language/workspace/file-system.js';
import { makeFifo, useTemporaryFolder } from '../robustness/helpers/special-files.js';

const MESSY = 'region  a{provider aws}\n';
const TIDY = 'region a { provider aws }\n';

const root = useTemporaryFolder('mregion-format-write-');
let counter = 0;

function caseFolder(): string {
    const folder = path.join(root(), `case${++counter}`);
    mkdirSync(folder);
    return folder;
}

async function format(files: string[], fileSystem?: Parameters<typeof runFormat>[3]) {
    const lines: string[] = [];
    const run = runFormat(
        files,
        { check: false },
        { out: (t) => lines.push(t), err: (t) => lines.push(t) },
        fileSystem,
    );
    return { exitCode: await run, lines };
}

/** Reads designs as mregion does, then replaces the file read with a FIFO, as a concurrent program could. */
class SwapForFifoAfterRead extends RegularFileSystemProvider {
    reader: number | undefined;
    override readFileSync(uri: URI): string {
        const text = super.readFileSync(uri);
        rmSync(uri.fsPath);
        makeFifo(uri.fsPath);
        // An open reader: without it the old write blocked forever; with it, the text went into the pipe.
        this.reader = openSync(uri.fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
        return text;
    }
}

describe('mregion format writing a design back', () => {
    it('refuses to write a design replaced by a FIFO since it was read, and writes nothing into the FIFO', async () => {
        const file = path.join(caseFolder(), 'a.mregion');
        writeFileSync(file, MESSY);
        const swapping = new SwapForFifoAfterRead();
        await expect(format([file], { fileSystemProvider: () => swapping })).rejects.toThrow(
            `cannot write '${displayPath(URI.file(file))}': it is no longer a regular file: it is a FIFO (named pipe), not a regular file; it was left as it is`,
        );
        expect(lstatSync(file).isFIFO()).toBe(true);
        let received = 0;
        try {
            received = readSync(swapping.reader!, Buffer.alloc(1024));
        } catch (error) {
            expect((error as NodeJS.ErrnoException).code).toBe('EAGAIN'); // empty, with no writer
        } finally {
            closeSync(swapping.reader!);
        }
        expect(received).toBe(0);
    });

    it("keeps the design's mode", async () => {
        const file = path.join(caseFolder(), 'a.mregion');
        writeFileSync(file, MESSY, { mode: 0o640 });
        expect((await format([file])).exitCode).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(TIDY);
        expect(statSync(file).mode & 0o777).toBe(0o640);
    });

    it('formats the design a link leads to and keeps the link', async () => {
        const folder = caseFolder();
        writeFileSync(path.join(folder, 'real.mregion'), MESSY);
        symlinkSync('real.mregion', path.join(folder, 'link.mregion'));
        expect((await format([path.join(folder, 'link.mregion')])).exitCode).toBe(0);
        expect(readlinkSync(path.join(folder, 'link.mregion'))).toBe('real.mregion');
        expect(readFileSync(path.join(folder, 'real.mregion'), 'utf8')).toBe(TIDY);
    });
});
