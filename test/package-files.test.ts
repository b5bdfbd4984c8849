// What the npm package and the .vsix ship: every file the bundles read at run time, and nothing else (no
// sources, tests, benchmarks, source maps or node_modules). Both listings come from the real tools.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { RULE_CODES } from '../language/validation/rules/catalog.js';
import { bundle, ROOT } from './helpers/bundles.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const strip = (p: string) => p.replace(/^\.\//, '');

/** What the extension, the server and the CLI open at run time. */
function runtimeFiles(options: { cli: boolean }): string[] {
    const webviews = readdirSync(path.join(ROOT, 'dist')).filter((f) => /^webview-.*\.(js|css)$/.test(f)).map((f) => `dist/${f}`);
    return [
        'package.json',
        'README.md',
        strip(manifest.main),
        'dist/server.cjs',
        'dist/simulation-worker.cjs',
        ...(options.cli ? [strip(manifest.bin.mregion)] : []),
        ...webviews,
        manifest.icon,
        ...manifest.contributes.languages.map((l: { configuration: string }) => strip(l.configuration)),
        ...manifest.contributes.grammars.map((g: { path: string }) => strip(g.path)),
        // Diagnostics link to the rule pages; the "open rule documentation" command reads them.
        ...RULE_CODES.map((code) => `docs/rules/${code}.md`),
    ];
}

const FORBIDDEN = [
    { why: 'tests', pattern: /^test\// },
    { why: 'benchmarks', pattern: /^bench\// },
    { why: 'node_modules', pattern: /(^|\/)node_modules\// },
    { why: 'TypeScript sources', pattern: /\.(ts|mts|cts)$/ },
    { why: 'source maps', pattern: /\.map$/ },
    { why: 'build scripts', pattern: /^(scripts\/|esbuild\.mjs$|tsconfig\.json$|vitest\.config)/ },
];

function run(command: string, args: string[]): string {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

describe.each([
    {
        what: 'the npm package',
        cli: true,
        // --ignore-scripts: listing must not rebuild (the prepare script runs esbuild).
        list: () => (JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']))[0].files as { path: string }[]).map((f) => f.path),
    },
    {
        what: 'the .vsix',
        cli: false,
        list: () => run(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies']).split('\n').filter(Boolean),
    },
])('$what', ({ cli, list }) => {
    let files: string[];
    beforeAll(() => {
        bundle('server');
        files = list();
    });

    test('holds every file the bundles read at run time', () => {
        expect(runtimeFiles({ cli }).filter((f) => !files.includes(f))).toEqual([]);
    });

    test.each(FORBIDDEN)('holds no $why', ({ pattern }) => {
        expect(files.filter((f) => pattern.test(f))).toEqual([]);
    });
});
