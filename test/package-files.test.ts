// What the npm package and the .vsix ship: every file the bundles read at run time, and nothing else (no
// sources, tests, benchmarks, source maps or node_modules). Both come from package.json's `files` list (vsce
// refuses to package when a .vscodeignore exists beside it); the listings come from the real tools, the .vsix
// from packaging one as `npm run package` does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULE_CODES } from '../language/validation/rules/catalog.js';
import { bundle, ROOT } from './helpers/bundles.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const strip = (p: string) => p.replace(/^\.\//, '');

/** What the extension, the server and the CLI open at run time (and npm's README). */
function runtimeFiles(options: { npm: boolean }): string[] {
    const webviews = readdirSync(path.join(ROOT, 'dist'))
        .filter((f) => /^webview-.*\.(js|css)$/.test(f))
        .map((f) => `dist/${f}`);
    return [
        'package.json',
        ...(options.npm ? ['README.md', strip(manifest.bin.mregion)] : []),
        strip(manifest.main),
        'dist/server.cjs',
        'dist/simulation-worker.cjs',
        ...webviews,
        manifest.icon,
        ...manifest.contributes.languages.map((l: { configuration: string }) => strip(l.configuration)),
        ...manifest.contributes.grammars.map((g: { path: string }) => strip(g.path)),
        // Diagnostics link to the rule pages; the "open rule documentation" command reads them.
        ...RULE_CODES.map((code) => `docs/rules/${code}.md`),
        // Hovers and inlay-hint tooltips link to the facts reference the numbers cite.
        'docs/facts.md',
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
    return execFileSync(command, args, {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'mregion-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files of a .vsix packaged with the options of `npm run package` (from the current bundles). */
function vsixFiles(): string[] {
    const vsix = path.join(scratch, 'mregion.vsix');
    run(process.execPath, [
        path.join(ROOT, 'node_modules/@vscode/vsce/vsce'),
        'package',
        '--no-dependencies',
        '--no-rewrite-relative-links',
        '--skip-license',
        '--out',
        vsix,
    ]);
    return run('unzip', ['-Z1', vsix])
        .split('\n')
        .filter((f) => f.startsWith('extension/'))
        .map((f) => f.slice('extension/'.length));
}

describe.each([
    {
        what: 'the npm package',
        npm: true,
        // --ignore-scripts: listing must not rebuild (the prepare script runs esbuild).
        list: () =>
            (
                JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']))[0].files as {
                    path: string;
                }[]
            ).map((f) => f.path),
    },
    {
        what: 'the .vsix',
        npm: false,
        list: vsixFiles,
    },
])('$what', ({ npm, list }) => {
    let files: string[];
    beforeAll(() => {
        bundle('server');
        files = list();
    });

    test('holds every file the bundles read at run time', () => {
        expect(runtimeFiles({ npm }).filter((f) => !files.includes(f))).toEqual([]);
    });

    test.each(FORBIDDEN)('holds no $why', ({ pattern }) => {
        expect(files.filter((f) => pattern.test(f))).toEqual([]);
    });
});
