// The CLI's output piped into a reader that stops early (`mregion export-cdk … | head -1`): the command finishes its
// work and exits with its own code, without an unhandled EPIPE and a stack trace (found while testing export safety).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, ROOT } from '../helpers/bundles.js';

const sandbox = mkdtempSync(path.join(tmpdir(), 'mregion-cli-pipe-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Runs the CLI with its standard output closed by the reader before anything is written. */
function withClosedOutput(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [bundle('cli'), ...args], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
    });
}

describe('CLI output into a closed pipe', () => {
    it('export-cdk writes every file and exits 0 without a stack trace', async () => {
        const out = path.join(sandbox, 'fintech');
        const { code, stderr } = await withClosedOutput(['export-cdk', 'examples/fintech.mregion', '--out', out]);
        expect(stderr).not.toMatch(/EPIPE|at .*\.cjs:[0-9]+/);
        expect(code).toBe(0);
        expect(existsSync(path.join(out, 'bin', 'app.ts'))).toBe(true);
        expect(readdirSync(path.join(out, 'lib', 'stacks')).length).toBeGreaterThan(1);
    });

    it('check keeps its exit code for a design with errors', async () => {
        const { code, stderr } = await withClosedOutput(['check', 'examples/control-plane-2021.mregion']);
        expect(stderr).not.toMatch(/EPIPE|at .*\.cjs:[0-9]+/);
        expect(code).toBe(1);
    });
});
