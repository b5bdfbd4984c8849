// Worker-thread entry (bundled as dist/simulation-worker.cjs): runs one scenario off the host's main thread,
// posting progress as the simulated clock advances and the report (or a clear error) at the end — or, for a
// seed sweep, runs seeds taken from a shared counter and posts each run's outcome.
import '../language/polyfill/object-group-by.cjs';
import { parentPort } from 'node:worker_threads';
import { SimulationError } from './errors.js';
import { fromPlainModel } from './plain-model.js';
import { simulate } from './run.js';
import { seedOutcome } from './sweep-metrics.js';
import type { RunRequest, SweepRequest, WorkerMessage, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('simulation-worker must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

port.once('message', (request: WorkerRequest) => {
    try {
        if (request.type === 'sweep') sweep(request);
        else run(request);
    } catch (error) {
        if (error instanceof SimulationError) post({ type: 'error', kind: error.kind, message: error.message });
        else
            post({
                type: 'error',
                kind: 'internal',
                message: error instanceof Error ? (error.stack ?? error.message) : String(error),
            });
    }
});

function run(request: RunRequest): void {
    const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
    const report = simulate(fromPlainModel(request.model), request.scenario, {
        seed: request.seed,
        defaultSeed: request.defaultSeed,
        eventBudget: request.eventBudget,
        onProgress: (p) =>
            post({ type: 'progress', fraction: p.fraction, simulatedMs: p.simulatedMs, events: p.events }),
        signal: flag
            ? {
                  get aborted() {
                      return Atomics.load(flag, 0) !== 0;
                  },
              }
            : undefined,
    });
    post({ type: 'report', report });
}

function sweep(request: SweepRequest): void {
    const model = fromPlainModel(request.model);
    const next = new Int32Array(request.next);
    const flag = new Int32Array(request.cancel);
    const signal = {
        get aborted() {
            return Atomics.load(flag, 0) !== 0;
        },
    };
    for (
        let index = Atomics.add(next, 0, 1);
        index < request.seeds.length && !signal.aborted;
        index = Atomics.add(next, 0, 1)
    ) {
        const report = simulate(model, request.scenario, {
            seed: request.seeds[index],
            eventBudget: request.eventBudget,
            signal,
        });
        post({ type: 'outcome', index, outcome: seedOutcome(report) });
    }
    post({ type: 'sweep-done' });
}
