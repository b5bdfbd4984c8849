// Worker-thread entry (bundled as dist/simulation-worker.cjs): runs one scenario off the host's main thread,
// posting progress as the simulated clock advances and the report (or a clear error) at the end.
import '../language/polyfill/object-group-by.cjs';
import { parentPort } from 'node:worker_threads';
import { SimulationError } from './errors.js';
import { fromPlainModel } from './plain-model.js';
import { simulate } from './run.js';
import type { RunRequest, WorkerMessage } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('simulation-worker must run in a worker thread');

port.once('message', (request: RunRequest) => {
    const post = (message: WorkerMessage) => port.postMessage(message);
    const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
    try {
        const report = simulate(fromPlainModel(request.model), request.scenario, {
            seed: request.seed,
            defaultSeed: request.defaultSeed,
            eventBudget: request.eventBudget,
            onProgress: (p) => post({ type: 'progress', fraction: p.fraction, simulatedMs: p.simulatedMs, events: p.events }),
            signal: flag ? { get aborted() { return Atomics.load(flag, 0) !== 0; } } : undefined,
        });
        post({ type: 'report', report });
    } catch (error) {
        if (error instanceof SimulationError) post({ type: 'error', kind: error.kind, message: error.message });
        else post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
});
