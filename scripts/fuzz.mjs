// The large fuzz run: bundles test/robustness/fuzz/large-run.ts with esbuild (as the product is bundled) and runs
// it. Writes bench/results/fuzz-<date>.md unless --out says otherwise; exits 1 when a new failure was found.
// Usage: node scripts/fuzz.mjs [--cases 100000] [--seed N] [--workers 1] [--bound 2000] [--budget 300000]
//                              [--hang 60000] [--out FILE] | node scripts/fuzz.mjs --replay CASE_SEED
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(tmpdir(), `mregion-fuzz-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(root, 'test/robustness/fuzz/large-run.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    logLevel: 'warning', define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, MREGION_ROOT: root } });
rmSync(outfile, { force: true });
process.exit(result.status ?? 1);
