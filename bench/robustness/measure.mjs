// Bundles one of the robustness benchmarks (TypeScript sources, as the product is bundled) and runs it. Needs the
// product's bundles (`node esbuild.mjs`), which it builds when missing.
// Usage: node bench/robustness/measure.mjs refusals [rounds=5] [cliRounds=3]
//        node bench/robustness/measure.mjs load [sizes=1000,3000,10000] [edits=1000]
//        node bench/robustness/measure.mjs census FILE [--snapshot OUT.heapsnapshot]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const BENCHES = { refusals: 'refusal-bench.ts', load: 'load-bench.ts', census: 'memory-census.ts' };
// Node options a benchmark needs (the census collects garbage before each measurement).
const NODE_ARGS = { census: ['--expose-gc', '--max-old-space-size=4096'] };
const which = process.argv[2];
if (!(which in BENCHES)) {
    process.stderr.write(`usage: node bench/robustness/measure.mjs ${Object.keys(BENCHES).join('|')} [arguments]\n`);
    process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
if (!existsSync(path.join(root, 'dist', 'server.cjs')) || !existsSync(path.join(root, 'dist', 'cli.cjs'))) {
    spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
}
const outfile = path.join(tmpdir(), `mregion-robustness-bench-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(here, BENCHES[which])],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    // The test helpers locate the repository from their own folder.
    define: {
        'import.meta.url': 'importMetaUrl',
        'import.meta.dirname': JSON.stringify(path.join(root, 'test', 'helpers')),
    },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
const result = spawnSync(process.execPath, [...(NODE_ARGS[which] ?? []), outfile, ...process.argv.slice(3)], {
    stdio: 'inherit',
    env: { ...process.env, MREGION_ROOT: root },
});
rmSync(outfile, { force: true });
process.exit(result.status ?? 1);
