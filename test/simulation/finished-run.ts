// A finished run's state, before the report is built (`runScenario`, simulation/run.ts: `simulate` without
// `buildReport`), so a suite can set the counters, episodes or runs it wants figures of and build the report from
// them — every figure of the report then follows from values the test chose.
import type { Model } from '../../language/semantics/model.js';
import type { Resolution } from '../../simulation/budget.js';
import type { Simulation } from '../../simulation/engine/simulation.js';
import { buildReport } from '../../simulation/report-builder.js';
import type { SimulationReport } from '../../simulation/report.js';
import { runScenario } from '../../simulation/run.js';
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
    const { sim, eventBudget, resolution } = runScenario(model, scenario.name, { seed });
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
