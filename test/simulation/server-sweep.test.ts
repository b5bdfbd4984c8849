// The bundled language server runs seed sweeps (`mregion/simulateSeeds`) on its worker threads: the runs equal
// the single runs of the same seeds, progress counts the runs, cancelling stops the workers, and a bad number
// of seeds is refused as invalid params with the reason.
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Requests } from '../../protocol/index.js';
import type { SimulationReport } from '../../simulation/report.js';
import type { SweepReport } from '../../simulation/sweep-report.js';
import { LspClient } from '../helpers/lsp-client.js';
import { expectValidSweep } from './helpers.js';
import { sweepDesign } from './sweep-design.js';

const URI = 'file:///sweep/design.mregion';

interface ProgressParams {
    readonly token: string | number;
    readonly value: {
        readonly kind: 'begin' | 'report' | 'end';
        readonly percentage?: number;
        readonly message?: string;
    };
}

describe('seed sweeps in the language server', () => {
    let client: LspClient;
    const progress: ProgressParams[] = [];
    const waiters: { token: string; resolve: () => void }[] = [];
    const firstReport = (token: string) => new Promise<void>((resolve) => waiters.push({ token, resolve }));

    beforeAll(async () => {
        client = await LspClient.start();
        client.connection.onNotification('$/progress', (p: ProgressParams) => {
            progress.push(p);
            for (const w of waiters.filter((x) => x.token === p.token && p.value.kind === 'report')) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve();
            }
        });
        const opened = client.nextDiagnostics(URI);
        await client.open(URI, sweepDesign(['expect rto p95 <= 150s']));
        await opened;
    });
    afterAll(async () => {
        await client?.stop();
    });

    it('runs the seeds in its workers; each run equals the single run of its seed', async () => {
        const sweep = await client.connection.sendRequest<SweepReport>(Requests.simulateSeeds, {
            uri: URI,
            scenario: 's',
            seeds: 4,
            workDoneToken: 'sweep-4',
        });
        expectValidSweep(sweep);
        expect(sweep.seeds).toMatchObject({ count: 4, base: 7 });
        expect(sweep.expectations[0]).toMatchObject({ text: 'expect rto p95 <= 150s', passed: true, seedsPassed: 4 });
        for (const run of sweep.runs) {
            const single = await client.connection.sendRequest<SimulationReport>(Requests.simulate, {
                uri: URI,
                scenario: 's',
                seed: run.seed,
            });
            expect({
                rto: run.metrics['rto'],
                lost: run.metrics['lost-writes'],
                availability: run.metrics['availability'],
            }).toEqual({
                rto: single.summary.worstRtoMs,
                lost: single.summary.lostWrites,
                availability: single.summary.availability,
            });
        }
        const mine = progress.filter((p) => p.token === 'sweep-4').map((p) => p.value);
        expect(mine[0]).toMatchObject({ kind: 'begin', message: '0 of 4 runs done' });
        expect(mine.filter((v) => v.kind === 'report').map((v) => v.message)).toEqual([
            '1 of 4 runs done',
            '2 of 4 runs done',
            '3 of 4 runs done',
            '4 of 4 runs done',
        ]);
        expect(mine.at(-1)!.kind).toBe('end');
    });

    it('starts from the seed the request gives', async () => {
        const sweep = await client.connection.sendRequest<SweepReport>(Requests.simulateSeeds, {
            uri: URI,
            scenario: 's',
            seeds: 2,
            seed: 99,
        });
        expect(sweep.runs[0]!.seed).toBe(99);
    });

    it('stops the workers when the request is cancelled', async () => {
        const source = new CancellationTokenSource();
        const running = client.connection.sendRequest<SweepReport>(
            Requests.simulateSeeds,
            { uri: URI, scenario: 's', seeds: 10_000, workDoneToken: 'sweep-cancel' },
            source.token,
        );
        await firstReport('sweep-cancel');
        source.cancel();
        const error = await running.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code).toBe(-32800);
        expect((error as Error).message).toMatch(/^seed sweep of s cancelled after \d+ of 10000 runs$/);
        // The server still answers afterwards.
        const again = await client.connection.sendRequest<SweepReport>(Requests.simulateSeeds, {
            uri: URI,
            scenario: 's',
            seeds: 1,
        });
        expect(again.runs).toHaveLength(1);
    });

    it.each([
        { seeds: 0, message: 'the number of seeds must be a whole number from 1 to 10,000, got 0' },
        { seeds: 10_001, message: 'the number of seeds must be a whole number from 1 to 10,000, got 10001' },
        { seeds: 2.5, message: 'the number of seeds must be a whole number from 1 to 10,000, got 2.5' },
        { seeds: undefined, message: 'the number of seeds is missing' },
    ])('refuses $seeds seeds as invalid params, saying why', async ({ seeds, message }) => {
        const error = await client.connection
            .sendRequest(Requests.simulateSeeds, { uri: URI, scenario: 's', seeds })
            .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect({ code: (error as ResponseError<unknown>).code, message: (error as Error).message }).toEqual({
            code: -32602,
            message,
        });
    });
});
