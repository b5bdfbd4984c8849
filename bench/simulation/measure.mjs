// Bundles sim-bench.ts (TypeScript sources, as the product is bundled) and runs it; with `oracles`, runs
// oracle-table.ts instead (the closed-form oracles, expected against measured); with `calibrate`, calibrate.ts
// (the budget's work weights); with `seeds`, seed-runs.ts (what one run of a seed sweep costs in a worker).
// Usage: node bench/simulation/measure.mjs [--quick] | node bench/simulation/measure.mjs oracles | … calibrate [rounds]
//        | … seeds [--runs N] [--file F]
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCRIPTS = { oracles: 'oracle-table.ts', calibrate: 'calibrate.ts', seeds: 'seed-runs.ts' };
const named = SCRIPTS[process.argv[2]];
const outfile = path.join(tmpdir(), `mregion-sim-bench-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(here, named ?? 'sim-bench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
const root = path.resolve(here, '..', '..');
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(named ? 3 : 2)], {
    stdio: 'inherit',
    env: { ...process.env, MREGION_ROOT: root },
});
process.exit(result.status ?? 1);
