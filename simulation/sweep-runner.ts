// Runs a scenario with many seeds on worker threads (dist/simulation-worker.cjs, the same worker a single run
// uses), one per core and at most one per seed, and resolves with each seed's outcome in seed order. The CLI
// and the language server both call it; without a worker bundle (tests from the sources) the seeds run in
// this thread, one after the other.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '../language/semantics/model.js';
import { SimulationError } from './errors.js';
import { toPlainModel } from './plain-model.js';
import { seedOf, simulate } from './run.js';
import { buildSweep } from './sweep.js';
import type { SweepReport } from './sweep-report.js';
import { seedCountProblem, sweepSeeds } from './sweep-seeds.js';
import { seedOutcome, type SeedOutcome } from './sweep-metrics.js';
import { workerError } from './worker-client.js';
import type { SweepRequest, WorkerMessage } from './worker-protocol.js';

export interface SweepRunOptions {
    readonly seeds: readonly number[];
    readonly eventBudget?: number;
    /** Worker threads to use (default: one per core); never more than there are seeds. */
    readonly workers?: number;
    /** After each finished run: how many of the seeds are done. */
    readonly onProgress?: (done: number, total: number) => void;
    /** Aborting stops every worker; the promise rejects with 'cancelled'. */
    readonly signal?: AbortSignal;
}

export interface SweepOptions extends Omit<SweepRunOptions, 'seeds'> {
    /** How many seeds (1 … MAX_SWEEP_SEEDS). */
    readonly count: number;
    /** The base seed's override and default, as for a single run (`seedOf`). */
    readonly seed?: number;
    readonly defaultSeed?: number;
    /** The worker bundle; without one the seeds run in this thread. */
    readonly workerFile?: string;
    readonly notes?: readonly string[];
}

/** Runs `count` seeds of a scenario (derived from its base seed, `sweepSeeds`) and builds the sweep's report. */
export async function sweepScenario(model: Model, scenario: string, options: SweepOptions): Promise<SweepReport> {
    const declared = model.scenarios.get(scenario);
    if (!declared)
        throw new SimulationError(
            'unknown-scenario',
            `no scenario '${scenario}'; the design declares ${[...model.scenarios.keys()].map((n) => `'${n}'`).join(', ') || 'none'}`,
        );
    const problem = seedCountProblem(options.count);
    if (problem) throw new SimulationError('invalid-options', problem);
    const seeds = sweepSeeds(seedOf(declared, options), options.count);
    const run = { ...options, seeds };
    const outcomes = options.workerFile
        ? await runSweepInWorkers(options.workerFile, model, scenario, run)
        : runSweepHere(model, scenario, run);
    return buildSweep(model, scenario, outcomes, options.notes);
}

export function workerCount(seeds: number, requested?: number): number {
    return Math.max(1, Math.min(seeds, requested ?? availableParallelism()));
}

export function runSweepInWorkers(
    workerFile: string,
    model: Model,
    scenario: string,
    options: SweepRunOptions,
): Promise<SeedOutcome[]> {
    const total = options.seeds.length;
    return new Promise((resolve, reject) => {
        if (options.signal?.aborted) return reject(cancelled(scenario, 0, total));
        const cancel = new SharedArrayBuffer(4);
        const request: SweepRequest = {
            type: 'sweep',
            model: toPlainModel(model),
            scenario,
            seeds: options.seeds,
            eventBudget: options.eventBudget,
            next: new SharedArrayBuffer(4),
            cancel,
        };
        const outcomes: SeedOutcome[] = new Array(total);
        let done = 0;
        let running = workerCount(total, options.workers);
        const workers: Worker[] = [];
        let settled = false;
        const finish = (outcome: () => void) => {
            if (settled) return;
            settled = true;
            Atomics.store(new Int32Array(cancel), 0, 1);
            options.signal?.removeEventListener('abort', onAbort);
            for (const w of workers) void w.terminate();
            outcome();
        };
        const onAbort = () => finish(() => reject(cancelled(scenario, done, total)));
        options.signal?.addEventListener('abort', onAbort, { once: true });
        for (let i = running; i > 0; i--) {
            const worker = new Worker(workerFile);
            workers.push(worker);
            let finished = false;
            worker.on('message', (message: WorkerMessage) => {
                if (message.type === 'outcome') {
                    outcomes[message.index] = message.outcome;
                    options.onProgress?.(++done, total);
                } else if (message.type === 'sweep-done') {
                    finished = true;
                    if (--running === 0) finish(() => resolve(outcomes));
                } else if (message.type === 'error') {
                    finish(() => reject(workerError(message)));
                }
            });
            worker.on('error', (error) => finish(() => reject(error)));
            // A worker that has posted its last outcome exits by itself; any other exit is a failure.
            worker.on('exit', (code) => {
                if (!finished)
                    finish(() => reject(new Error(`a simulation worker stopped unexpectedly (exit code ${code})`)));
            });
            worker.postMessage(request);
        }
    });
}

/** The same sweep in this thread (no worker bundle): for tests from the sources and the API. */
export function runSweepHere(
    model: Model,
    scenario: string,
    options: Omit<SweepRunOptions, 'workers' | 'signal'>,
): SeedOutcome[] {
    return options.seeds.map((seed, i) => {
        const outcome = seedOutcome(simulate(model, scenario, { seed, eventBudget: options.eventBudget }));
        options.onProgress?.(i + 1, options.seeds.length);
        return outcome;
    });
}

function cancelled(scenario: string, done: number, total: number): SimulationError {
    return new SimulationError('cancelled', `seed sweep of ${scenario} cancelled after ${done} of ${total} runs`);
}
