// Tests of the shipped bundles (server over stdio, CLI) run what users run: dist/*.cjs, built if missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function bundle(name: 'server' | 'cli' | 'extension'): string {
    const file = path.join(ROOT, 'dist', `${name}.cjs`);
    if (!existsSync(file)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    return file;
}
