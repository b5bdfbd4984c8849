// Long simulations in tests run in a worker thread with a hard deadline. The engine is synchronous: on the
// test's own thread no test timeout can fire while it runs, so a run that never ends (a bug, a mutant) would
// spin the test process for good instead of failing. The worker is the product's own (simulation/worker.ts,
// driven by simulation/worker-client.ts), bundled from the current source once per test file, so a test never
// runs a stale dist/.
//
// Under StrykerJS the run stays on the test's thread: the mutant to activate and the coverage it records live
// in that thread's globals, and Stryker ends a run that hangs by itself (the mutant counts as a timeout).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Model } from '../../language/semantics/model.js';
import type { SimulationReport } from '../../simulation/report.js';
import { simulate, type SimulateOptions } from '../../simulation/run.js';
import { runInWorker } from '../../simulation/worker-client.js';
import { ROOT } from './bundles.js';

/** Far above what any test simulation needs on a loaded machine, far below "spins for minutes". */
export const DEFAULT_DEADLINE_S = 120;

export interface DeadlineOptions extends Pick<SimulateOptions, 'seed' | 'defaultSeed' | 'eventBudget'> {
    /** Seconds the run may take before the worker is terminated and the run fails. */
    readonly deadlineS?: number;
    /** The worker script to run (default: simulation/worker.ts bundled from source). */
    readonly workerFile?: string;
}

const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;

let bundled: Promise<string> | undefined;

/** simulation/worker.ts bundled as esbuild.mjs bundles it for dist/, into a temporary folder removed at exit. */
function sourceWorker(): Promise<string> {
    bundled ??= (async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'mregion-test-worker-'));
        process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
        const outfile = path.join(folder, 'simulation-worker.cjs');
        await esbuild.build({
            entryPoints: [path.join(ROOT, 'simulation', 'worker.ts')],
            outfile,
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            logLevel: 'warning',
            define: { 'import.meta.url': 'importMetaUrl' },
            banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
        });
        return outfile;
    })();
    return bundled;
}

/**
 * Runs `scenario` of `model` and resolves with its report, or rejects with "did not finish in N s" once the
 * deadline passes (the worker is terminated, however busy). Engine errors reject as they would in-process.
 */
export async function simulateWithDeadline(
    model: Model,
    scenario: string,
    options: DeadlineOptions = {},
): Promise<SimulationReport> {
    const { deadlineS = DEFAULT_DEADLINE_S, workerFile, ...run } = options;
    if (underStryker && workerFile === undefined) return simulate(model, scenario, run);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), deadlineS * 1_000);
    try {
        return await runInWorker(workerFile ?? (await sourceWorker()), model, scenario, {
            ...run,
            signal: abort.signal,
        });
    } catch (error) {
        if (abort.signal.aborted) throw new Error(`the simulation of ${scenario} did not finish in ${deadlineS} s`);
        throw error;
    } finally {
        clearTimeout(timer);
    }
}
