// Bundles bench/simulation/budget-bench.ts (TypeScript sources, as the product is bundled) and runs it: does the
// event budget bound the time of every simulation, pathological or not? Output: Markdown.
// Usage: node bench/robustness/simulation-budget.mjs
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const outfile = path.join(tmpdir(), `mregion-budget-bench-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(root, 'bench', 'simulation', 'budget-bench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MREGION_ROOT: root },
});
rmSync(outfile, { force: true });
process.exit(result.status ?? 1);
