// The worker bundle runs a scenario off the calling thread with the same result as in-process, reports
// progress, and stops when the caller aborts. The model crosses the boundary as plain data.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { rttBetween } from '../../language/semantics/latency.js';
import { SimulationError } from '../../simulation/errors.js';
import { fromPlainModel, toPlainModel } from '../../simulation/plain-model.js';
import { runInWorker } from '../../simulation/worker-client.js';
import { ROOT } from '../helpers/bundles.js';
import { designOf, example, expectValidReport, runModel } from './helpers.js';

const WORKER = path.join(ROOT, 'dist', 'simulation-worker.cjs');

beforeAll(() => {
    if (!existsSync(WORKER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
});

describe('simulation worker', () => {
    it('turns a model into plain JSON data and back without losing anything', async () => {
        const model = await designOf(example('fintech'), true);
        const plain = JSON.parse(JSON.stringify(toPlainModel(model)));
        const back = fromPlainModel(plain);
        expect([...back.stores.keys()]).toEqual([...model.stores.keys()]);
        expect(rttBetween(back, 'us-east-1', 'us-west-2')).toEqual(rttBetween(model, 'us-east-1', 'us-west-2'));
        expect(rttBetween(back, 'eu-west-3', 'us-east-2')).toEqual(rttBetween(model, 'eu-west-3', 'us-east-2'));
        expect(() => fromPlainModel({ ...plain, stores: undefined })).toThrow(
            "not a serialized model: 'stores' is missing",
        );
    });

    it('gives the same report as an in-process run, with progress along the way', async () => {
        const model = await designOf(example('aurora-warm-standby'));
        const fractions: number[] = [];
        const report = await runInWorker(WORKER, model, 'lose-primary', {
            onProgress: (p) => fractions.push(p.fraction),
        });
        expectValidReport(report);
        expect(JSON.stringify(report)).toBe(JSON.stringify(runModel(model, 'lose-primary')));
        expect(fractions.length).toBeGreaterThan(10);
        expect(fractions.at(-1)).toBe(1);
    });

    it('rejects with a cancelled error when aborted', async () => {
        const model = await designOf(example('aurora-warm-standby'));
        const abort = new AbortController();
        const running = runInWorker(WORKER, model, 'lose-primary', {
            signal: abort.signal,
            onProgress: () => abort.abort(),
        });
        await expect(running).rejects.toThrow(SimulationError);
        await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    });

    it('passes the engine errors through with their kind', async () => {
        const model = await designOf(example('aurora-warm-standby'));
        await expect(runInWorker(WORKER, model, 'nope')).rejects.toMatchObject({
            kind: 'unknown-scenario',
            message: "no scenario 'nope'; the design declares 'lose-primary'",
        });
    });
});
