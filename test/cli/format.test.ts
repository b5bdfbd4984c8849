import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundles.js';

const cli = path.join(ROOT, 'dist', 'cli.cjs');
let folder: string;

beforeAll(() => {
    // The bundle users run, built from the current sources.
    const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
});

afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
    folder = mkdtempSync(path.join(tmpdir(), 'mregion-format-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
}

function mregion(...args: string[]) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: folder, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MESSY = 'region  a{provider aws}\nstore s {\nengine redis\n  holds shared rows }\n';
const TIDY = 'region a { provider aws }\nstore s {\n    engine redis\n    holds  shared rows\n}\n';

describe('mregion format', () => {
    it('rewrites a file in place and names it', () => {
        workspace({ 'a.mregion': MESSY });
        const run = mregion('format', 'a.mregion');
        expect(run.code).toBe(0);
        expect(run.stdout.trim()).toBe('a.mregion');
        expect(readFileSync(path.join(folder, 'a.mregion'), 'utf8')).toBe(TIDY);
        const again = mregion('format', 'a.mregion');
        expect(again.code).toBe(0);
        expect(again.stdout).toBe('');
        expect(again.stderr).toContain('0 files reformatted, 1 already formatted');
    });

    it('with --check lists the files that would change, writes nothing and exits 1', () => {
        workspace({ 'messy.mregion': MESSY, 'tidy.mregion': TIDY });
        const run = mregion('format', '--check', '.');
        expect(run.code).toBe(1);
        expect(run.stdout.trim()).toBe('messy.mregion');
        expect(run.stderr).toContain('1 file would be reformatted');
        expect(readFileSync(path.join(folder, 'messy.mregion'), 'utf8')).toBe(MESSY);
    });

    it('with --check exits 0 when every file is formatted', () => {
        workspace({ 'tidy.mregion': TIDY });
        const run = mregion('format', '--check', 'tidy.mregion');
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('1 file already formatted');
    });

    it('refuses a file with syntax errors, printing them, and still formats the others', () => {
        const broken = 'region a { provider }\n';
        workspace({ 'broken.mregion': broken, 'messy.mregion': MESSY });
        const run = mregion('format', 'broken.mregion', 'messy.mregion');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/broken\.mregion:1:\d+ error syntax-error /);
        expect(run.stderr).toContain('1 file with syntax errors left untouched');
        expect(readFileSync(path.join(folder, 'broken.mregion'), 'utf8')).toBe(broken);
        expect(readFileSync(path.join(folder, 'messy.mregion'), 'utf8')).toBe(TIDY);
    });

    it('says which file it cannot read', () => {
        workspace({});
        const run = mregion('format', 'missing.mregion');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("cannot read 'missing.mregion'");
    });

    it('formats every example so that a second run finds nothing to change', () => {
        workspace({});
        const examples = ['fintech.mregion', 'netflix.mregion', 'control-plane-2021.mregion'];
        for (const e of examples) copyFileSync(path.join(ROOT, 'examples', e), path.join(folder, e));
        expect(mregion('format', ...examples).code).toBe(0);
        const check = mregion('format', '--check', ...examples);
        expect(check.code).toBe(0);
        expect(check.stdout).toBe('');
    });
});
