// Runs a scenario in a worker thread and resolves with its report: the language server and the CLI both use
// this, so the host's event loop stays free (diagnostics keep flowing, a progress bar keeps drawing).
import { Worker } from 'node:worker_threads';
import type { Model } from '../language/semantics/model.js';
import { SimulationError } from './errors.js';
import { toPlainModel } from './plain-model.js';
import type { SimulationReport } from './report.js';
import type { Progress } from './run.js';
import type { RunRequest, WorkerMessage } from './worker-protocol.js';

export interface WorkerRunOptions {
    readonly seed?: number;
    readonly defaultSeed?: number;
    readonly eventBudget?: number;
    readonly onProgress?: (progress: Progress) => void;
    /** Aborting stops the run: the worker is asked to stop and then terminated; the promise rejects with 'cancelled'. */
    readonly signal?: AbortSignal;
}

export function runInWorker(
    workerFile: string,
    model: Model,
    scenario: string,
    options: WorkerRunOptions = {},
): Promise<SimulationReport> {
    return new Promise((resolve, reject) => {
        if (options.signal?.aborted)
            return reject(new SimulationError('cancelled', `simulation of ${scenario} cancelled before it started`));
        const cancel = new SharedArrayBuffer(4);
        const flag = new Int32Array(cancel);
        const worker = new Worker(workerFile);
        let settled = false;
        const finish = (outcome: () => void) => {
            if (settled) return;
            settled = true;
            options.signal?.removeEventListener('abort', onAbort);
            void worker.terminate();
            outcome();
        };
        const onAbort = () => {
            Atomics.store(flag, 0, 1);
            finish(() => reject(new SimulationError('cancelled', `simulation of ${scenario} cancelled`)));
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'progress')
                options.onProgress?.({
                    fraction: message.fraction,
                    simulatedMs: message.simulatedMs,
                    events: message.events,
                });
            else if (message.type === 'report') finish(() => resolve(message.report));
            else if (message.type === 'error') finish(() => reject(workerError(message)));
        });
        worker.on('error', (error) => finish(() => reject(error)));
        worker.on('exit', (code) =>
            finish(() => reject(new Error(`the simulation worker stopped unexpectedly (exit code ${code})`))),
        );
        const request: RunRequest = {
            type: 'run',
            model: toPlainModel(model),
            scenario,
            seed: options.seed,
            defaultSeed: options.defaultSeed,
            eventBudget: options.eventBudget,
            cancel,
        };
        worker.postMessage(request);
    });
}

/** A worker's error message as the exception a host throws: a SimulationError the user can act on, or a failure. */
export function workerError(message: Extract<WorkerMessage, { type: 'error' }>): Error {
    return message.kind === 'internal'
        ? new Error(`the simulation failed: ${message.message}`)
        : new SimulationError(message.kind, message.message);
}
