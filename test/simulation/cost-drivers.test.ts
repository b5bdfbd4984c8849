// Every cost driver of a run is in the budget's estimate: the estimate's work units are an upper bound of the work
// the engine counts while it runs (an oracle over a table of scenarios), designs whose structure alone is beyond
// the budget are refused before the plan's quadratic parts are built, and reports of designs with hundreds of
// regions are built and printed with loops, never with spreads over arrays the design's size controls.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import {
    chooseResolution,
    DEFAULT_EVENT_BUDGET,
    estimateEvents,
    MAX_KEY_STATE_CELLS,
    type EventEstimate,
} from '../../simulation/budget.js';
import { Simulation } from '../../simulation/engine/simulation.js';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import { compileStructure, completePlan } from '../../simulation/plan.js';
import type { SimulationReport } from '../../simulation/report.js';
import { sampleInterval } from '../../simulation/run.js';
import { ROOT } from '../helpers/bundles.js';
import { pathologicalDesign } from '../robustness/pathological-designs.js';
import { designOf, example, runModel } from './helpers.js';

describe('reports of designs with hundreds of regions', () => {
    let report: SimulationReport;
    beforeAll(async () => {
        report = runModel(await designOf(example('control-plane-2021'), true));
    });

    it('prints a store replicated between 500 regions (249,500 links) as text and Markdown', () => {
        const lag = report.stores.find((s) => s.lag.length > 0)!.lag[0]!;
        const links = Array.from({ length: 500 * 499 }, (_, i) => ({ ...lag, maxMs: i === 1_234 ? 987_654 : 100 }));
        const big: SimulationReport = {
            ...report,
            stores: report.stores.map((s) => (s.lag.length > 0 ? { ...s, lag: links } : s)),
        };
        expect(formatText(big)).toContain('max lag 16 m 28 s');
        expect(formatMarkdown(big)).toContain('| 16 m 28 s |');
    });
});

/** Runs a scenario as `simulate` does, and returns the budget's estimate next to the engine's own counts. */
function estimateAndRun(model: Model, scenario: string): { estimate: EventEstimate; sim: Simulation } {
    const structure = compileStructure(model, model.scenarios.get(scenario)!);
    const interval = sampleInterval(structure.durationMs);
    const estimate = estimateEvents(structure, interval);
    const resolution = chooseResolution(structure, estimate, DEFAULT_EVENT_BUDGET);
    const sim = new Simulation(completePlan(structure), {
        seed: 1,
        sampling: resolution.sampling,
        sampleIntervalMs: interval,
        maxKeyStateCells: MAX_KEY_STATE_CELLS,
    });
    sim.run();
    return { estimate, sim };
}

const outagesAcross = (regions: readonly string[], n: number, spacing: string) =>
    Array.from(
        { length: n },
        (_, i) => `at ${i * Number.parseInt(spacing, 10)}s outage region ${regions[i % regions.length]} for 20s`,
    ).join('\n');
const DC = Array.from({ length: 8 }, (_, i) => `dc-${i}`);
const ORIGINS = `from ${['us-east-1', 'us-west-2', ...DC].map((r) => `${r} 10%`).join(', ')}`;

const ORACLE_CASES: readonly { name: string; text: string }[] = [
    ...readdirSync(path.join(ROOT, 'examples'))
        .filter((f) => f.endsWith('.mregion'))
        .sort()
        .map((f) => ({ name: `the example ${f}`, text: example(f.replace(/\.mregion$/, '')) })),
    {
        name: 'outages of ten regions, one after another, with users of every region',
        text: pathologicalDesign({
            extraRegions: 8,
            workload: `writes 20/s ${ORIGINS}  reads 50/s  keys 1000 shared 10%`,
            scenario: `workload w  duration 30m\n${outagesAcross(['us-east-1', 'us-west-2', ...DC], 40, '40')}`,
        }),
    },
    {
        name: 'a health-check flap with a period',
        text: pathologicalDesign({
            detect: 'detect health-check every 5s threshold 1',
            workload: 'writes 10/s from us-east-1 50%, us-west-2 50%  reads 10/s',
            scenario: 'workload w  duration 20m  at 1m flap health-check shop in us-east-1 every 20s for 10m',
        }),
    },
    {
        name: 'a health-check flap without a period, probed every second',
        text: pathologicalDesign({
            detect: 'detect health-check every 1s threshold 1',
            workload: 'writes 10/s from us-east-1 50%, us-west-2 50%',
            scenario:
                'workload w  duration 10m  at 1m flap health-check shop in us-west-2 for 5m\nat 2m impair control-plane us-east-1 for 3m',
        }),
    },
    {
        name: 'manual detection of overlapping outages and a partition',
        text: pathologicalDesign({
            detect: 'detect manual after 2m',
            workload: 'writes 10/s from us-east-1 50%, us-west-2 50%  reads 5/s',
            scenario:
                'workload w  duration 1h  at 5m outage region us-east-1 for 20m\nat 10m outage region us-east-1 for 5m\nat 30m partition us-east-1 <-> us-west-2 for 10m',
        }),
    },
    {
        name: 'a fault that lasts beyond the scenario',
        text: pathologicalDesign({
            workload: 'writes 10/s from us-east-1 100%',
            scenario: 'workload w  duration 10m  at 5m outage region us-east-1 for 1d',
        }),
    },
];

describe("the budget's estimate bounds the work the engine does", () => {
    it.each(ORACLE_CASES)('bounds every driver and the state changes for $name', async ({ text }) => {
        const model = await designOf(text, true);
        for (const scenario of model.scenarios.keys()) {
            const { estimate, sim } = estimateAndRun(model, scenario);
            const bound = estimate.work;
            expect(sim.stateChanges).toBeLessThanOrEqual(bound.stateChanges);
            for (const driver of ['tables', 'reads', 'scans', 'state', 'series'] as const) {
                expect(sim.work[driver], `${scenario}: ${driver}`).toBeLessThanOrEqual(bound.work[driver]);
            }
        }
    });
});
