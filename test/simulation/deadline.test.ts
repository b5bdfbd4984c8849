// Long simulations in tests run in a worker with a hard deadline (test/helpers/simulation-deadline.ts): a run
// that never ends fails its test with a clear message instead of spinning the test process at 100 % CPU.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateWithDeadline } from '../helpers/simulation-deadline.js';
import { auroraDb, designOf, runModel, TWO_US_REGIONS } from './helpers.js';

const DESIGN = `${TWO_US_REGIONS}
${auroraDb()}
workload w for db { writes 100/s from us-east-1 100% }
scenario s { workload w  duration 5m  at 1m outage region us-east-1 for 1m  seed 3 }
`;

/** A worker that takes the run request and then never yields, as an engine caught in an endless loop would. */
function spinningWorker(): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mregion-spin-')), 'spin.cjs');
    writeFileSync(file, "require('node:worker_threads').parentPort.once('message', () => { for (;;) {} });\n");
    return file;
}

describe('simulations with a deadline', () => {
    it('fails a run that never finishes with "did not finish in 1 s", terminating the busy worker', async () => {
        const model = await designOf(DESIGN);
        await expect(simulateWithDeadline(model, 's', { deadlineS: 1, workerFile: spinningWorker() })).rejects.toThrow(
            'the simulation of s did not finish in 1 s',
        );
    });

    it('gives the same report as a run on the test thread', async () => {
        const model = await designOf(DESIGN);
        const report = await simulateWithDeadline(model, 's', { seed: 9 });
        expect(JSON.stringify(report)).toBe(JSON.stringify(runModel(model, 's', { seed: 9 })));
    });

    it('passes the engine errors through with their kind', async () => {
        const model = await designOf(DESIGN);
        await expect(simulateWithDeadline(model, 'nope')).rejects.toMatchObject({ kind: 'unknown-scenario' });
    });
});
