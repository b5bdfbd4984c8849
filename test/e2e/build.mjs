// Bundles the end-to-end suite (one CommonJS file per test file, loaded by mocha inside VS Code's extension
// host) and the Electron runner into out/e2e/. `vscode` comes from the host; mocha and the VS Code test
// helpers load from the repository's node_modules.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const suite = path.join(root, 'test', 'e2e', 'suite');
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: root,
};

await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(
        readdirSync(suite)
            .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
            .map((f) => [f.replace(/\.ts$/, ''), path.join(suite, f)]),
    ),
    outdir: path.join(root, 'out', 'e2e', 'suite'),
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
});
await esbuild.build({
    ...common,
    entryPoints: { 'run-electron': path.join(root, 'test', 'e2e', 'run-electron.ts') },
    outdir: path.join(root, 'out', 'e2e'),
    outExtension: { '.js': '.cjs' },
    external: ['@vscode/test-electron'],
});
