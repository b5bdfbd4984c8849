// Seed sweeps against their goals (issue 14 §5): 100 seeds of examples/fintech.mregion's scenario in ≤ 10 s on
// 2 cores, and N seeds costing ≈ N / cores single runs. Runs the bundled CLI (dist/cli.cjs, build it first)
// as a user does, under /usr/bin/time, and prints a Markdown table: wall and CPU time, peak memory, CPU per
// run, and the wall time against N / cores single runs. CPU time is the fair figure on a busy machine; the load
// average is printed with it.
// Usage: node bench/seeds-bench.mjs [--rounds R] [--counts 1,10,100] [--file examples/fintech.mregion]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg('rounds', '3'));
const counts = arg('counts', '1,10,100').split(',').map(Number);
const file = arg('file', 'examples/fintech.mregion');
const cli = path.join(root, 'dist', 'cli.cjs');
if (!existsSync(cli)) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
const cores = availableParallelism();

/** One CLI run under /usr/bin/time: wall s, CPU s (user + system, every thread), peak RSS MB. */
function measure(extra, allowed = [0, 1]) {
    const r = spawnSync(
        '/usr/bin/time',
        ['-f', '%e %U %S %M', process.execPath, cli, 'simulate', file, '--format', 'json', ...extra],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (!allowed.includes(r.status)) throw new Error(`mregion exited ${r.status}: ${r.stderr}`);
    const [wall, user, sys, rssKb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { wall, cpu: user + sys, rss: rssKb / 1024 };
}

/** The median of each measure over the rounds. */
function median(runs) {
    const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)), rss: mid(runs.map((r) => r.rss)) };
}

const before = loadavg()[0];
const rows = [];
// Loading and checking the design, without simulating (an unknown scenario stops right after).
const startUp = median(Array.from({ length: rounds }, () => measure(['--scenario', 'no-such-scenario'], [2])));
const single = median(Array.from({ length: rounds }, () => measure([])));
rows.push({ label: 'start-up only (load and check, no run)', n: 0, ...startUp });
rows.push({ label: 'single run (no --seeds)', n: 1, ...single });
for (const n of counts)
    rows.push({
        label: `--seeds ${n}`,
        n,
        ...median(
            Array.from({ length: n >= 100 ? Math.max(1, Math.ceil(rounds / 3)) : rounds }, () =>
                measure(['--seeds', String(n)]),
            ),
        ),
    });
const after = loadavg()[0];

const f = (x, d = 2) => x.toFixed(d);
console.log(
    `${file}, ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; medians of ${rounds} rounds (1 round for 100 seeds and more when rounds < 4);`,
);
console.log(`load average ${f(before)} before, ${f(after)} after.\n`);
// A run's own cost: CPU beyond the start-up, per run; the single run's is the unit N seeds are compared with.
const perRun = (r) => (r.cpu - startUp.cpu) / r.n;
const singleRow = rows.find((r) => r.n === 1);
console.log(
    "| run | wall s | CPU s | peak RSS MB | CPU s per run after start-up | ÷ single run's | wall ÷ (N ÷ cores × single run wall) | start-up + runs CPU ÷ cores (idle-machine wall) |",
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
    if (r.n === 0) {
        console.log(`| ${r.label} | ${f(r.wall)} | ${f(r.cpu)} | ${f(r.rss, 0)} | — | — | — | — |`);
        continue;
    }
    const ideal = (r.n / Math.min(cores, r.n)) * single.wall;
    const idle = startUp.cpu + (r.cpu - startUp.cpu) / Math.min(cores, r.n);
    console.log(
        `| ${r.label} | ${f(r.wall)} | ${f(r.cpu)} | ${f(r.rss, 0)} | ${f(perRun(r), 3)} | ${f(perRun(r) / perRun(singleRow))} | ${f(r.wall / ideal)} | ${f(idle)} |`,
    );
}
