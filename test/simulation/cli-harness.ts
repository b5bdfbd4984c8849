// The bundled CLI (dist/cli.cjs with its simulation worker, built if missing) as the simulate tests run it, and
// a scratch folder for their designs, removed after the file's tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundle, ROOT } from '../helpers/bundles.js';

export interface CliHarness {
    /** dist/cli.cjs, once the file's tests have started. */
    readonly cli: () => string;
    readonly scratch: string;
    /** Runs `mregion ARGS` from the repository root without colour. */
    mregion(...args: string[]): { status: number | null; stdout: string; stderr: string };
    /** Writes a design into the scratch folder and returns its path. */
    design(name: string, text: string): string;
}

export function cliHarness(prefix: string): CliHarness {
    let cli = '';
    const scratch = mkdtempSync(path.join(tmpdir(), prefix));
    beforeAll(() => {
        cli = bundle('cli');
        if (!existsSync(path.join(ROOT, 'dist', 'simulation-worker.cjs')))
            execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    return {
        cli: () => cli,
        scratch,
        mregion(...args) {
            const r = spawnSync(process.execPath, [cli, ...args], {
                cwd: ROOT,
                encoding: 'utf8',
                env: { ...process.env, NO_COLOR: '1' },
            });
            return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        },
        design(name, text) {
            const file = path.join(scratch, `${name}.mregion`);
            writeFileSync(file, text);
            return file;
        },
    };
}
