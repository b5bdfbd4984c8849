// Special files for the file-system safety tests, always made in a temporary folder the test file creates and
// removes, never in the repository.
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A temporary folder for the test file: the returned function gives its path once the tests run. */
export function useTemporaryFolder(prefix: string): () => string {
    let folder: string | undefined;
    beforeAll(() => {
        folder = mkdtempSync(path.join(tmpdir(), prefix));
    });
    afterAll(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
    });
    return () => folder!;
}

export function makeFifo(file: string): void {
    const made = spawnSync('mkfifo', [file], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr}`);
}

/** A file of `size` zero bytes, sparse: instant to make, and no disk space used. */
export function makeSparse(file: string, size: number): void {
    const fd = openSync(file, 'w');
    try {
        ftruncateSync(fd, size);
    } finally {
        closeSync(fd);
    }
}
