// What one run of a seed sweep costs in a worker, without the CLI around it: `simulate` and the reduction to the
// run's outcome, as `worker.ts` does per seed, then the engine alone (plan compiled beforehand, report not
// built). CPU time of this process (every thread: the compiler's too), per run: the first run (cold code), and
// the median and minimum of the later ones. Run through measure.mjs: `node bench/simulation/measure.mjs seeds
// [--runs N] [--file examples/fintech.mregion]`.
import '../../language/polyfill/object-group-by.cjs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { modelOf } from './model-of.js';
import { MAX_KEY_STATE_CELLS } from '../../simulation/budget.js';
import { Simulation } from '../../simulation/engine/simulation.js';
import { compilePlan } from '../../simulation/plan.js';
import { sampleInterval, simulate } from '../../simulation/run.js';
import { seedOutcome } from '../../simulation/sweep-metrics.js';

const ROOT = process.env.MREGION_ROOT ?? process.cwd();
const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`);
    return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
};

/** CPU ms of this process (user + system, every thread) spent in `work`. */
function cpuMs(work: () => void): number {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1_000;
}

function summary(label: string, runs: readonly number[]): string {
    const later = runs.slice(1).sort((a, b) => a - b);
    const median = later[Math.floor(later.length / 2)] ?? NaN;
    return `| ${label} | ${(runs[0] ?? NaN).toFixed(0)} | ${median.toFixed(0)} | ${(later[0] ?? NaN).toFixed(0)} |`;
}

async function main(): Promise<void> {
    const file = arg('file', 'examples/fintech.mregion');
    const runs = Math.max(2, Number(arg('runs', '10')));
    const model = await modelOf(readFileSync(path.join(ROOT, file), 'utf8'), false);
    const declared = [...model.scenarios.values()][0];
    if (declared === undefined) throw new Error(`${file} declares no scenario`);
    const scenario = declared.name;
    const swept: number[] = [];
    for (let i = 0; i < runs; i++) swept.push(cpuMs(() => seedOutcome(simulate(model, scenario, { seed: 1_000 + i }))));
    const engine: number[] = [];
    for (let i = 0; i < runs; i++) {
        const plan = compilePlan(model, declared);
        const sim = new Simulation(plan, {
            seed: 2_000 + i,
            sampling: 1,
            sampleIntervalMs: sampleInterval(plan.durationMs),
            maxKeyStateCells: MAX_KEY_STATE_CELLS,
        });
        engine.push(cpuMs(() => sim.run()));
    }
    console.log(`${file}, scenario ${scenario}, ${runs} runs each, Node ${process.version}; CPU ms per run\n`);
    console.log('| run | first | median of the others | minimum of the others |');
    console.log('|---|---:|---:|---:|');
    console.log(summary('simulate + outcome (a sweep worker, per seed)', swept));
    console.log(summary('engine alone (exact, no report)', engine));
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
