// Bundles every entry point into dist/: the extension (client), the language server, the CLI and the
// simulation worker. Everything the product runs is bundled; the .vsix ships no node_modules.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // Langium and its dependencies are ESM using import.meta.url; in a CJS bundle it must resolve to the file.
    define: { 'import.meta.url': 'importMetaUrl', MREGION_VERSION: JSON.stringify(version) },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
    { entryPoints: { extension: 'client/extension.ts' }, external: ['vscode'] },
    { entryPoints: { server: 'server/main.ts' } },
    {
        entryPoints: { cli: 'cli/main.ts' },
        banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    },
    // Runs simulations off the main thread of the server and the CLI (both resolve it next to themselves).
    { entryPoints: { 'simulation-worker': 'simulation/worker.ts' } },
    // Webview pages run in the browser sandbox of VS Code: plain scripts (iife) and their CSS, no Node shims.
    ...['simulation', 'topology'].map((view) => ({
        entryPoints: { [`webview-${view}`]: `webview/${view}/main.ts` },
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        banner: {},
        define: {},
        outExtension: { '.js': '.js' },
    })),
];

const contexts = await Promise.all(
    entries.map((entry) =>
        esbuild.context({
            ...common,
            outdir: 'dist',
            outExtension: { '.js': '.cjs' },
            ...entry,
        }),
    ),
);

if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching client, server and cli');
} else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
}
