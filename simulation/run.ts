// `simulate(model, scenario, options)`: the one entry point the language server's worker, the CLI, the tests
// and the benchmark call. Compiles the plan's structure, checks the budget, adds the RTT matrix, runs the
// engine (`runScenario`), builds the report.
import type { Model, ScenarioM } from '../language/semantics/model.js';
import { chooseResolution, DEFAULT_EVENT_BUDGET, estimateEvents, MAX_KEY_STATE_CELLS } from './budget.js';
import { Simulation } from './engine/simulation.js';
import { SimulationError } from './errors.js';
import { compileStructure, completePlan } from './plan.js';
import { buildReport, type BuildInput } from './report-builder.js';
import type { SimulationReport } from './report.js';

/** Seed of a scenario that declares none, unless a setting or option gives another. */
export const DEFAULT_SEED = 1;
/** At most this many points per series (availability, lag) in a report. */
const MAX_SAMPLES = 240;
const SAMPLE_STEPS_MS = [
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
    7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

export interface Progress {
    /** Share of the scenario's simulated time done, 0–1. */
    readonly fraction: number;
    readonly simulatedMs: number;
    readonly events: number;
}

export interface SimulateOptions {
    /** Overrides the scenario's `seed` (the CLI's --seed, a request's seed). */
    readonly seed?: number;
    /** Seed when the scenario declares none and no override is given (the `mregion.simulation.seed` setting). */
    readonly defaultSeed?: number;
    readonly eventBudget?: number;
    readonly onProgress?: (progress: Progress) => void;
    /** Stops the run (SimulationError 'cancelled') when aborted; polled between batches of events. */
    readonly signal?: { readonly aborted: boolean };
}

export function scenarioNames(model: Model): string[] {
    return [...model.scenarios.keys()];
}

/** The seed a run uses: the override, else the scenario's own, else the default setting, else DEFAULT_SEED. */
export function seedOf(scenario: ScenarioM, options: Pick<SimulateOptions, 'seed' | 'defaultSeed'>): number {
    return options.seed ?? scenario.seed ?? options.defaultSeed ?? DEFAULT_SEED;
}

export function simulate(model: Model, scenarioName: string, options: SimulateOptions = {}): SimulationReport {
    return buildReport(runScenario(model, scenarioName, options));
}

/** A scenario run to its end, before its report: what `buildReport` reads. */
export interface FinishedScenario extends BuildInput {
    readonly sim: Simulation;
}

/** Runs a scenario to its end and stops before the report. */
export function runScenario(model: Model, scenarioName: string, options: SimulateOptions = {}): FinishedScenario {
    const scenario = model.scenarios.get(scenarioName);
    if (!scenario) {
        const known = scenarioNames(model);
        throw new SimulationError(
            'unknown-scenario',
            known.length === 0
                ? `the design declares no scenario (looked for '${scenarioName}')`
                : `no scenario '${scenarioName}'; the design declares ${known.map((n) => `'${n}'`).join(', ')}`,
        );
    }
    const seed = seedOf(scenario, options);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new SimulationError(
            'invalid-options',
            `the seed must be a whole number from 0 to 4294967295, got ${seed}`,
        );
    const eventBudget = options.eventBudget ?? DEFAULT_EVENT_BUDGET;

    // The budget is judged on the plan's structure, before the RTT matrix (regions²) is built.
    const structure = compileStructure(model, scenario);
    const sampleIntervalMs = sampleInterval(structure.durationMs);
    const resolution = chooseResolution(structure, estimateEvents(structure, sampleIntervalMs), eventBudget);
    const plan = completePlan(structure);
    const sim = new Simulation(plan, {
        seed,
        sampling: resolution.sampling,
        sampleIntervalMs,
        maxKeyStateCells: MAX_KEY_STATE_CELLS,
        onProgress: options.onProgress
            ? (fraction) =>
                  options.onProgress!({ fraction, simulatedMs: fraction * plan.durationMs, events: sim.events })
            : undefined,
        shouldStop: options.signal ? () => options.signal!.aborted : undefined,
    });
    sim.run();
    if (sim.stopped)
        throw new SimulationError(
            'cancelled',
            `simulation of ${scenario.name} cancelled at ${Math.round((sim.now / plan.durationMs) * 100)}%`,
        );
    return { sim, seed, eventBudget, resolution };
}

/** The smallest round interval that keeps a series at or under MAX_SAMPLES points. */
export function sampleInterval(durationMs: number): number {
    const wanted = durationMs / MAX_SAMPLES;
    return SAMPLE_STEPS_MS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400_000) * 86_400_000;
}
