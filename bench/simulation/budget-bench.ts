// Does the event budget bound time? For pathological and ordinary scenarios: the budget's estimate (events plus
// the work besides them, simulation/work.ts), and the time `simulate` takes to refuse or to finish, against the
// time the budget states ("about five seconds of work on one core" for 50,000,000 events) at the event rate
// measured here. Goal: every run finishes within 2× the budget's time, or is refused up front (milliseconds).
// Run through bench/robustness/simulation-budget.mjs.
import '../../language/polyfill/object-group-by.cjs';
import { modelOf } from './model-of.js';
import { DEFAULT_EVENT_BUDGET, estimateEvents } from '../../simulation/budget.js';
import { SimulationError } from '../../simulation/errors.js';
import { compileStructure } from '../../simulation/plan.js';
import { sampleInterval, simulate } from '../../simulation/run.js';
import { dominantDriver } from '../../simulation/work.js';
import {
    fromEach,
    outagesRoundRobin,
    pathologicalDesign,
    REFUSED,
    type DesignParts,
} from '../../test/robustness/pathological-designs.js';

interface Case {
    readonly name: string;
    readonly design: DesignParts;
    readonly eventBudget?: number;
    /** Regions declared besides the design's, used by nothing (the plan does not index them: simulation/regions-used.ts). */
    readonly unusedRegions?: number;
}

const pathological = (name: string): Case => {
    const c = REFUSED.find((r) => r.name === name)!;
    return { name: `${c.name} (issue 15)`, design: c.design, eventBudget: c.eventBudget };
};

const CASES: readonly Case[] = [
    pathological('100 regions with users in each and 2,000 outages'),
    pathological('a store replicated to 500 regions (249,500 replication links)'),
    pathological('2,000 regions with users in each, on an event budget of 1'),
    {
        name: '100 regions with users in each and 200 outages, on a budget of 10^12 (how loose the estimate is)',
        design: {
            extraRegions: 98,
            workload: `writes 1/s ${fromEach(100)}`,
            scenario: `workload w  duration 2h\n${outagesRoundRobin(200, 100)}`,
        },
        eventBudget: 1e12,
    },
    {
        name: 'writes between two regions, near the budget',
        design: {
            workload: 'writes 20000/s from us-east-1 50%, us-west-2 50%',
            scenario: 'workload w  duration 20m  at 10m outage region us-east-1 for 1m',
        },
    },
    {
        name: 'writes between two regions, 10 % on shared keys (conflicts tracked), near the budget',
        design: {
            workload: 'writes 12000/s from us-east-1 50%, us-west-2 50%  keys 10000 shared 10%',
            scenario: 'workload w  duration 20m  at 10m outage region us-east-1 for 1m',
        },
    },
    {
        name: '40 regions with users in each, 120 outages',
        design: {
            extraRegions: 38,
            workload: `writes 1/s ${fromEach(40)}  reads 10/s ${fromEach(40)}  keys 1000`,
            scenario: `workload w  duration 30m\n${outagesRoundRobin(120, 40)}`,
        },
    },
    {
        name: '20 regions with users in each, 400 outages',
        design: {
            extraRegions: 18,
            workload: `writes 10/s ${fromEach(20)}`,
            scenario: `workload w  duration 1h\n${outagesRoundRobin(400, 20)}`,
        },
    },
    {
        name: 'a store in 150 regions (22,350 links) for an hour',
        design: { extraRegions: 148, workload: 'writes 1/s from us-east-1 100%', scenario: 'workload w  duration 1h' },
    },
    {
        name: '1,000 declared regions, two used',
        unusedRegions: 998,
        design: { workload: 'writes 100/s from us-east-1 100%', scenario: 'workload w  duration 10m' },
    },
    {
        name: 'two regions, one outage (an ordinary design)',
        design: {
            workload:
                'writes 500/s from us-east-1 50%, us-west-2 50%  reads 2000/s from us-east-1 50%, us-west-2 50%  keys 10000 shared 10%',
            scenario: 'workload w  duration 1h  at 20m outage region us-east-1 for 10m',
        },
    },
];

function textOf(c: Case): string {
    const text = pathologicalDesign(c.design);
    if (!c.unusedRegions) return text;
    const extra = Array.from(
        { length: c.unusedRegions },
        (_, i) =>
            `region x-${i} { provider on-prem  jurisdiction US  location ${(i % 80) - 40}.5, ${Math.floor(i / 80) * 10 - 170}.5 }`,
    );
    return text.replace('store db {', `${extra.join('\n')}\nstore db {`);
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n).toLocaleString('en-US')} ms`);
const count = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
    // The engine's event rate on this machine: an ordinary run of writes and deliveries.
    const baseline = await modelOf(
        pathologicalDesign({
            workload: 'writes 20000/s from us-east-1 50%, us-west-2 50%',
            scenario: 'workload w  duration 5m',
        }),
        false,
    );
    let t = performance.now();
    const base = simulate(baseline, 's');
    const perMs = base.run.events / (performance.now() - t);
    const rows: string[] = [];
    // An argument reruns only the cases whose name contains it.
    const only = process.argv[2];
    for (const c of CASES.filter((x) => only === undefined || x.name.includes(only))) {
        const model = await modelOf(textOf(c), false);
        const budget = c.eventBudget ?? DEFAULT_EVENT_BUDGET;
        const structure = compileStructure(model, model.scenarios.get('s')!);
        const estimate = estimateEvents(structure, sampleInterval(structure.durationMs));
        const total = estimate.events + estimate.keyed + estimate.workEvents;
        t = performance.now();
        let outcome: string;
        try {
            const report = simulate(model, 's', { eventBudget: budget });
            outcome = `ran: ${count(report.run.events)} events, ${report.run.resolution.mode === 'exact' ? 'exact' : `one write in ${report.run.resolution.sampling}`}`;
        } catch (error) {
            if (!(error instanceof SimulationError)) throw error;
            outcome = `refused: ${error.message
                .split(' — ')[0]!
                .replace(/^scenario s /, '')
                .slice(0, 90)}…`;
        }
        const took = performance.now() - t;
        const estimateMs = total / perMs;
        const ran = outcome.startsWith('ran');
        rows.push(
            `| ${c.name} | ${count(budget)} | ${count(estimate.events)} + ${count(estimate.keyed)} + ${count(estimate.workEvents)} (${dominantDriver(estimate.work.work)}) | ${outcome} | ${ms(took)} | ${ran ? (took / estimateMs).toFixed(2) : '—'} | ${ran ? (took / (budget / perMs)).toFixed(2) : '—'} |`,
        );
    }
    process.stdout.write(
        [
            `Event rate on this machine: ${count(perMs * 1000)} events/s (so the default budget of ${count(DEFAULT_EVENT_BUDGET)} events states ${ms(DEFAULT_EVENT_BUDGET / perMs)}).`,
            '',
            "| scenario | budget | estimate in events: events + conflict tracking + other work (its main driver) | outcome | time to refuse or finish (`simulate`) | time / estimate's time | time / budget's time (goal ≤ 2) |",
            '|---|---:|---:|---|---:|---:|---:|',
            ...rows,
            '',
        ].join('\n'),
    );
}

void main();
