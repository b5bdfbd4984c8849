// Bundles rules-bench.ts (TypeScript sources, as the server bundles them) and runs it.
// Usage: node bench/rules/measure.mjs [sizes=1000,10000,50000] [rounds=9]
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(tmpdir(), `mregion-rules-bench-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(here, 'rules-bench.ts')],
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
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MREGION_ROOT: root },
});
process.exit(result.status ?? 1);
