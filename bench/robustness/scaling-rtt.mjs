// Micro-benchmark of rttBetween: every pair of n located regions asked `rounds` times, against estimating each pair
// directly (estimateRtt, no memo), in one process. Shows whether remembering estimates beside the model pays.
// Usage: node bench/robustness/scaling-rtt.mjs [regions=1300] [rounds=1]
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = path.join(tmpdir(), `mregion-scaling-rtt-${process.pid}.mjs`);
await esbuild.build({
    stdin: { contents: "export * from './language/semantics/latency.ts';", resolveDir: root, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
});
const { estimateRtt, rttBetween, rttEstimatesComputed } = await import(pathToFileURL(outfile).href);

const n = Number(process.argv[2] ?? 1_300);
const rounds = Number(process.argv[3] ?? 1);
const names = Array.from({ length: n }, (_, i) => `r${String(i).padStart(5, '0')}`);
// Locations on a golden-angle spiral, as bench/robustness/scaling-designs.mjs spreads them.
const regions = new Map(
    names.map((name, i) => [
        name,
        {
            name,
            location: {
                lat: Math.asin(1 - (2 * (i + 0.5)) / 10_007) * (180 / Math.PI) * 0.8,
                lon: ((i * 137.508) % 360) - 180,
            },
        },
    ]),
);
const freshModel = () => ({ regions, links: [] });

function run(label, ask) {
    const started = process.cpuUsage();
    let sum = 0;
    for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += ask(names[i], names[j]).ms;
    }
    const used = process.cpuUsage(started);
    return { label, ms: (used.user + used.system) / 1_000, sum };
}

const asks = (rounds * (n * (n - 1))) / 2;
const model = freshModel();
const results = [
    run('rttBetween', (a, b) => rttBetween(model, a, b)),
    run('estimateRtt (no memo)', (a, b) => estimateRtt(regions.get(a), regions.get(b), undefined, a, b)),
];
console.log(
    `${n} regions, every pair asked ${rounds} time(s): ${asks.toLocaleString('en-US')} asks, ${rttEstimatesComputed(model).toLocaleString('en-US')} estimated by rttBetween`,
);
for (const r of results)
    console.log(
        `${r.label.padEnd(24)} ${r.ms.toFixed(0).padStart(6)} ms CPU  (${((r.ms * 1e6) / asks).toFixed(0)} ns per ask)`,
    );
if (results[0].sum !== results[1].sum) throw new Error('rttBetween and estimateRtt disagree');
