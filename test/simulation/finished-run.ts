// A finished run's state, before the report is built: the steps of `simulate` (simulation/run.ts) up to
// `buildReport`, so a suite can set the counters, episodes or runs it wants figures of and build the report from
// them — every figure of the report then follows from values the test chose.
import type { Model } from '../../language/semantics/model.js';
import {
    chooseResolution,
    DEFAULT_EVENT_BUDGET,
    estimateEvents,
    MAX_KEY_STATE_CELLS,
    type Resolution,
} from '../../simulation/budget.js';
import { Simulation } from '../../simulation/engine/simulation.js';
import { compileStructure, completePlan } from '../../simulation/plan.js';
import { buildReport } from '../../simulation/report-builder.js';
import type { SimulationReport } from '../../simulation/report.js';
import { sampleInterval } from '../../simulation/run.js';
import { designOf, expectValidReport } from './helpers.js';

export interface FinishedRun {
    readonly sim: Simulation;
    /** The resolution the budget chose (the report's `run.resolution` and event estimate). */
    readonly resolution: Resolution;
    /** Builds the report from the run's state as it is now (checked against the schema), with the budget's
     *  resolution or one the test gives. */
    report(resolution?: Resolution): SimulationReport;
}

/** Runs the design's first scenario on the test's thread and stops before the report. */
export async function finishedRun(text: string, seed = 1): Promise<FinishedRun> {
    return finishedRunOf(await designOf(text, true), seed);
}

export function finishedRunOf(model: Model, seed = 1): FinishedRun {
    const scenario = [...model.scenarios.values()][0]!;
    const structure = compileStructure(model, scenario);
    const sampleIntervalMs = sampleInterval(structure.durationMs);
    const eventBudget = DEFAULT_EVENT_BUDGET;
    const resolution = chooseResolution(structure, estimateEvents(structure, sampleIntervalMs), eventBudget);
    const plan = completePlan(structure);
    const sim = new Simulation(plan, {
        seed,
        sampling: resolution.sampling,
        sampleIntervalMs,
        maxKeyStateCells: MAX_KEY_STATE_CELLS,
    });
    sim.run();
    return {
        sim,
        resolution,
        report(given = resolution) {
            const report = buildReport({ sim, seed, eventBudget, resolution: given });
            expectValidReport(report);
            return report;
        },
    };
}
