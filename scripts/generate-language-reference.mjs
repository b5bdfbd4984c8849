// Writes docs/language-reference.md from language/lsp/keyword-docs.ts (the one source of keyword
// documentation). `--check` exits 1 when the committed file is stale instead of writing it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'language-reference.md');

// The renderer is TypeScript: bundle it in memory and load it as a module.
const built = await esbuild.build({
    entryPoints: [join(root, 'language', 'lsp', 'language-reference.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
});
const code = built.outputFiles[0].text;
const { renderLanguageReference } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = renderLanguageReference();

if (process.argv.includes('--check')) {
    let current = '';
    try {
        current = readFileSync(target, 'utf8');
    } catch {
        /* missing counts as stale */
    }
    if (current !== text) {
        process.stderr.write(
            'docs/language-reference.md is stale: run `node scripts/generate-language-reference.mjs`\n',
        );
        process.exit(1);
    }
    process.stdout.write('docs/language-reference.md is up to date\n');
} else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
}
