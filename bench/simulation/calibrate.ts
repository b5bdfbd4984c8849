// Calibrates the budget's work weights (simulation/work.ts, WORK_WEIGHTS): nanoseconds per unit of each cost
// driver, over nanoseconds per event. Each scenario is built so that one driver dominates; the time a run spends
// beyond its events and the drivers calibrated before it (in the order below) is charged to that driver, so the
// weights lean high. simulation/work.ts rounds them up.
// Run through measure.mjs: node bench/simulation/measure.mjs calibrate [rounds=3]
import '../../language/polyfill/object-group-by.cjs';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from './model-of.js';
import { chooseResolution, estimateEvents, MAX_KEY_STATE_CELLS } from '../../simulation/budget.js';
import { Simulation } from '../../simulation/engine/simulation.js';
import { compileStructure, completePlan } from '../../simulation/plan.js';
import { buildReport } from '../../simulation/report-builder.js';
import { sampleInterval } from '../../simulation/run.js';
import { TRACKED_WRITE_EVENTS, WORK_WEIGHTS, type Driver, type Work } from '../../simulation/work.js';
import { fromEach, outagesRoundRobin, pathologicalDesign } from '../../test/robustness/pathological-designs.js';

const rounds = Number(process.argv[2] ?? 3);
interface Run {
    /** The RTT matrix and latency checks (completePlan), then engine, run and report. */
    readonly planMs: number;
    readonly runMs: number;
    readonly events: number;
    readonly work: Work;
    readonly matrix: number;
    /** Replica shares of tracked writes (the estimate's unit for conflict tracking on shared keys). */
    readonly tracked: number;
}

/** Median of `rounds` runs of what `simulate` does, without the budget (every run goes ahead). */
function measure(model: Model): Run {
    const runs: Run[] = [];
    for (let i = 0; i < rounds; i++) {
        const structure = compileStructure(model, model.scenarios.get('s')!);
        const interval = sampleInterval(structure.durationMs);
        const estimate = estimateEvents(structure, interval);
        const resolution = chooseResolution(structure, estimate, Number.MAX_SAFE_INTEGER);
        let t = performance.now();
        const plan = completePlan(structure);
        const planMs = performance.now() - t;
        t = performance.now();
        const sim = new Simulation(plan, {
            seed: 1,
            sampling: resolution.sampling,
            sampleIntervalMs: interval,
            maxKeyStateCells: MAX_KEY_STATE_CELLS,
        });
        sim.run();
        buildReport({ sim, seed: 1, eventBudget: Number.MAX_SAFE_INTEGER, resolution });
        runs.push({
            planMs,
            runMs: performance.now() - t,
            events: sim.events + sim.appliesInBulk,
            work: sim.work,
            matrix: estimate.work.work.matrix,
            tracked: estimate.keyed / TRACKED_WRITE_EVENTS,
        });
    }
    return runs.sort((a, b) => a.runMs - b.runMs)[Math.floor(runs.length / 2)]!;
}

const CASES: readonly {
    driver: Driver | 'events' | 'keyed';
    name: string;
    extra: number;
    workload: string;
    scenario: string;
}[] = [
    {
        driver: 'events',
        name: 'writes between two regions, nothing else',
        extra: 0,
        workload: 'writes 20000/s from us-east-1 50%, us-west-2 50%',
        scenario: 'workload w  duration 5m',
    },
    {
        driver: 'keyed',
        name: 'the same with 10 % of the writes on shared keys (conflicts tracked)',
        extra: 0,
        workload: 'writes 20000/s from us-east-1 50%, us-west-2 50%  keys 10000 shared 10%',
        scenario: 'workload w  duration 5m',
    },
    {
        driver: 'series',
        name: 'a store in 150 regions (22,350 links), no fault',
        extra: 148,
        workload: 'writes 1/s from us-east-1 100%',
        scenario: 'workload w  duration 1h',
    },
    {
        driver: 'state',
        name: 'shared keys tracked over 20 replicas (8,000,000 key-state cells)',
        extra: 18,
        workload: 'writes 1/s from us-east-1 100%  keys 50000 shared 100%',
        scenario: 'workload w  duration 1m',
    },
    {
        driver: 'scans',
        name: 'a store in 150 regions (22,350 links), an outage a minute',
        extra: 148,
        workload: 'writes 1/s from us-east-1 100%',
        scenario: `workload w  duration 1h\n${Array.from({ length: 60 }, (_, i) => `at ${i}m outage region dc-${i} for 10s`).join('\n')}`,
    },
    {
        driver: 'tables',
        name: '40 regions with users in each, 400 outages',
        extra: 38,
        workload: `writes 1/s ${fromEach(40)}`,
        scenario: `workload w  duration 30m\n${outagesRoundRobin(400, 40)}`,
    },
    {
        driver: 'reads',
        name: '40 regions reading from each, 400 outages',
        extra: 38,
        workload: `writes 1/s from us-east-1 100%  reads 100/s ${fromEach(40)}  keys 1000`,
        scenario: `workload w  duration 30m\n${outagesRoundRobin(400, 40)}`,
    },
    {
        driver: 'matrix',
        name: '1,000 regions of a service',
        extra: 998,
        workload: 'writes 1/s from us-east-1 100%',
        scenario: 'workload w  duration 1m',
    },
];

async function main(): Promise<void> {
    const rows: string[] = [];
    let nsPerEvent = 0;
    const weights: Partial<Record<Driver, number>> = {};
    for (const c of CASES) {
        const text =
            c.driver === 'matrix'
                ? // The plan indexes only regions the scenario touches: the service runs in all of them, the store in two.
                  pathologicalDesign({ workload: c.workload, scenario: c.scenario })
                      .replace(
                          'store db {',
                          `${Array.from({ length: c.extra }, (_, i) => `region x-${i} { provider on-prem  jurisdiction US  location ${(i % 80) - 40}.5, ${Math.floor(i / 80) * 10 - 170}.5 }`).join('\n')}\nstore db {`,
                      )
                      .replace(
                          /(service shop \{\n\s+regions\s+us-east-1, us-west-2)/,
                          `$1, ${Array.from({ length: c.extra }, (_, i) => `x-${i}`).join(', ')}`,
                      )
                : pathologicalDesign({ extraRegions: c.extra, workload: c.workload, scenario: c.scenario });
        const r = measure(await modelOf(text, false));
        const units =
            c.driver === 'events'
                ? r.events
                : c.driver === 'matrix'
                  ? r.matrix
                  : c.driver === 'keyed'
                    ? r.tracked
                    : r.work[c.driver];
        const ms = c.driver === 'matrix' ? r.planMs : r.runMs;
        if (c.driver === 'events') nsPerEvent = (ms * 1e6) / r.events;
        let known = 0;
        for (const [d, w] of Object.entries(weights)) if (d !== 'matrix') known += r.work[d as Driver] * w * nsPerEvent;
        const beyond =
            c.driver === 'events' || c.driver === 'matrix'
                ? ms
                : Math.max(0, ms - (r.events * nsPerEvent + known) / 1e6);
        const ns = (beyond * 1e6) / units;
        const weight = c.driver === 'events' ? 1 : c.driver === 'keyed' ? TRACKED_WRITE_EVENTS : WORK_WEIGHTS[c.driver];
        if (c.driver === 'keyed' && ns / nsPerEvent > weight)
            process.stdout.write(
                `warning: keyed measures ${(ns / nsPerEvent).toFixed(3)} events per unit, above its weight ${weight}\n`,
            );
        else if (c.driver !== 'events' && c.driver !== 'keyed') weights[c.driver] = ns / nsPerEvent;
        rows.push(
            `| ${c.driver} | ${c.name} | ${Math.round(ms).toLocaleString('en-US')} ms | ${r.events.toLocaleString('en-US')} | ${Math.round(units).toLocaleString('en-US')} | ${ns.toFixed(2)} | ${c.driver === 'events' ? '1' : (ns / nsPerEvent).toFixed(3)} | ${weight} |`,
        );
    }
    process.stdout.write(
        [
            `Medians of ${rounds} runs (engine, run and report; the matrix row times the RTT matrix and latency checks). ${nsPerEvent.toFixed(1)} ns per event.`,
            '',
            '| driver | scenario | time | events | units of the driver | ns per unit | measured weight (events per unit) | weight in simulation/work.ts |',
            '|---|---|---:|---:|---:|---:|---:|---:|',
            ...rows,
            '',
        ].join('\n'),
    );
    for (const [d, w] of Object.entries(weights))
        if (w > WORK_WEIGHTS[d as Driver])
            process.stdout.write(
                `warning: ${d} measures ${w.toFixed(3)} events per unit, above its weight ${WORK_WEIGHTS[d as Driver]}\n`,
            );
}

void main();
