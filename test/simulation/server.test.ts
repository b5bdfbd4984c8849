// The bundled language server simulates in a worker thread: while a long simulation runs, an edit to another
// document still gets its diagnostics; progress arrives as LSP work-done progress; cancelling the request stops
// the worker; a design with errors or an unknown scenario is refused with a message that says why.
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Requests, type ScenarioSummary, type SimulationBlockers } from '../../protocol/index.js';
import type { SimulationReport } from '../../simulation/report.js';
import { LspClient } from '../helpers/lsp-client.js';
import { dynamoStore, example, expectValidReport, TWO_US_REGIONS } from './helpers.js';

// About 20 million writes: seconds of work for the worker, far longer than validating a small document.
const LONG = `${TWO_US_REGIONS}
${dynamoStore('db', { holds: 'per-user rows' })}
workload heavy for db { writes 20000/s from us-east-1 50%, us-west-2 50% }
scenario long { workload heavy  duration 17m  at 5m outage region us-east-1 for 5m  seed 1 }
scenario short { workload heavy  duration 1s  seed 1 }
`;
const OTHER_BROKEN = `${TWO_US_REGIONS}
store carts { engine dynamodb regions us-east-1, us-wset-2 holds per-user rows }
`;

interface ProgressParams {
    readonly token: string | number;
    readonly value: {
        readonly kind: 'begin' | 'report' | 'end';
        readonly percentage?: number;
        readonly message?: string;
    };
}

describe('simulation in the language server', () => {
    let client: LspClient;
    const progress: ProgressParams[] = [];
    const progressWaiters: { token: string; resolve: () => void }[] = [];

    beforeAll(async () => {
        client = await LspClient.start();
        client.connection.onNotification('$/progress', (p: ProgressParams) => {
            progress.push(p);
            for (const w of [...progressWaiters]) {
                if (w.token === p.token && p.value.kind === 'report') {
                    progressWaiters.splice(progressWaiters.indexOf(w), 1);
                    w.resolve();
                }
            }
        });
        const opened = client.nextDiagnostics('file:///sim/long.mregion');
        await client.open('file:///sim/long.mregion', LONG);
        await opened;
    });
    afterAll(async () => {
        await client?.stop();
    });

    const firstReport = (token: string) => new Promise<void>((resolve) => progressWaiters.push({ token, resolve }));

    it('lists the scenarios of a document with their lines', async () => {
        const scenarios = await client.connection.sendRequest<ScenarioSummary[]>(Requests.listScenarios, {
            uri: 'file:///sim/long.mregion',
        });
        const lineOf = (text: string) => LONG.split('\n').findIndex((l) => l.startsWith(text));
        expect(scenarios).toEqual([
            { name: 'long', line: lineOf('scenario long') },
            { name: 'short', line: lineOf('scenario short') },
        ]);
    });

    it('keeps publishing diagnostics for other documents while a long simulation runs', async () => {
        let finished = false;
        const running = client.connection
            .sendRequest<SimulationReport>(Requests.simulate, {
                uri: 'file:///sim/long.mregion',
                scenario: 'long',
                eventBudget: 100_000_000,
                workDoneToken: 'long-run',
            })
            .then((report) => {
                finished = true;
                return report;
            });
        await firstReport('long-run');

        const diagnostics = client.nextDiagnostics('file:///sim/other.mregion');
        await client.open('file:///sim/other.mregion', OTHER_BROKEN);
        const published = await diagnostics;
        expect(published.diagnostics.some((d) => d.code === 'unresolved-reference')).toBe(true);
        expect(finished).toBe(false);

        const report = await running;
        expectValidReport(report);
        expect(report.scenario.name).toBe('long');
        expect(report.stores[0]!.strandedWrites).toBeGreaterThan(0);
        const mine = progress.filter((p) => p.token === 'long-run').map((p) => p.value);
        expect(mine[0]!.kind).toBe('begin');
        expect(mine.at(-1)!.kind).toBe('end');
        const percentages = mine.filter((v) => v.kind === 'report').map((v) => v.percentage!);
        expect(percentages.length).toBeGreaterThan(1);
        expect([...percentages].sort((a, b) => a - b)).toEqual(percentages);
    });

    it('stops the worker when the request is cancelled', async () => {
        const source = new CancellationTokenSource();
        const running = client.connection.sendRequest<SimulationReport>(
            Requests.simulate,
            {
                uri: 'file:///sim/long.mregion',
                scenario: 'long',
                eventBudget: 100_000_000,
                workDoneToken: 'cancelled-run',
            },
            source.token,
        );
        await firstReport('cancelled-run');
        source.cancel();
        const error = await running.then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code).toBe(-32800);
        // The server still answers afterwards.
        const report = await client.connection.sendRequest<SimulationReport>(Requests.simulate, {
            uri: 'file:///sim/long.mregion',
            scenario: 'short',
        });
        expect(report.scenario.name).toBe('short');
    });

    it.each([
        {
            name: 'stops the worker when the client cancels the work-done progress it supplied',
            clientToken: 'client-progress',
        },
        {
            name: 'stops the worker when the client cancels the work-done progress the server created',
            clientToken: undefined,
        },
    ])('$name', async ({ clientToken }) => {
        const created = new Promise<string | number>((resolve) =>
            client.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
                resolve(p.token);
                return null;
            }),
        );
        const running = client.connection.sendRequest<SimulationReport>(Requests.simulate, {
            uri: 'file:///sim/long.mregion',
            scenario: 'long',
            eventBudget: 100_000_000,
            workDoneToken: clientToken,
        });
        const token = clientToken ?? String(await created);
        await firstReport(token);
        await client.connection.sendNotification('window/workDoneProgress/cancel', { token });
        const error = await running.then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code).toBe(-32800);
        expect(progress.filter((p) => p.token === token).at(-1)!.value.kind).toBe('end');
        client.connection.onRequest('window/workDoneProgress/create', () => null);
    });

    it('takes the seed and event budget from the mregion.simulation settings when the request has none', async () => {
        await client.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { mregion: { simulation: { seed: 123, eventBudget: 1_000 } } },
        });
        const refused = await client.connection
            .sendRequest(Requests.simulate, { uri: 'file:///sim/long.mregion', scenario: 'long' })
            .then(
                () => undefined,
                (e: unknown) => e,
            );
        expect((refused as Error).message).toMatch(/more than the event budget of 1,000/);
        const report = await client.connection.sendRequest<SimulationReport>(Requests.simulate, {
            uri: 'file:///sim/long.mregion',
            scenario: 'short',
            eventBudget: 1_000_000,
        });
        expect(report.scenario.seed).toBe(123);
        expect(report.run.eventBudget).toBe(1_000_000);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mregion: {} } });
    });

    it('names the errors that stop a simulation — language errors, not design-rule errors — so the editor can refuse as the server would', async () => {
        const blockers = (uri: string) =>
            client.connection.sendRequest<SimulationBlockers>(Requests.simulationBlockers, { uri });
        expect(await blockers('file:///sim/long.mregion')).toEqual({ errors: [] });
        const broken = await blockers('file:///sim/other.mregion');
        expect(broken.errors).toEqual([
            { uri: 'file:///sim/other.mregion', line: 5, message: expect.stringMatching(/unknown region 'us-wset-2'/) },
        ]);

        const flawed = 'file:///sim/control-plane-2021.mregion';
        const diagnostics = client.nextDiagnostics(flawed);
        await client.open(flawed, example('control-plane-2021'));
        const ruleErrors = (await diagnostics).diagnostics.filter((d) => d.severity === 1);
        expect(ruleErrors.map((d) => d.code)).toEqual(['control-plane-failover', 'control-plane-failover']);
        expect(await blockers(flawed)).toEqual({ errors: [] });
        const report = await client.connection.sendRequest<SimulationReport>(Requests.simulate, {
            uri: flawed,
            scenario: 'december-2021',
        });
        expect(report.summary.passed).toBe(false);
    });

    it.each([
        {
            name: 'refuses a document with errors and names them',
            uri: 'file:///sim/other.mregion',
            scenario: 'any',
            message: /other\.mregion has 1 error; fix it before simulating: line 6: unknown region 'us-wset-2'/,
        },
        {
            name: 'refuses an unknown scenario and lists the known ones',
            uri: 'file:///sim/long.mregion',
            scenario: 'nope',
            message: /has no scenario 'nope' \(it has 'long', 'short'\)/,
        },
        {
            name: 'refuses a scenario beyond the event budget, naming the budget and the estimate',
            uri: 'file:///sim/long.mregion',
            scenario: 'long',
            eventBudget: 1_000_000,
            message: /more than the event budget of 1,000,000/,
        },
    ])('$name', async ({ uri, scenario, eventBudget, message }) => {
        const error = await client.connection.sendRequest(Requests.simulate, { uri, scenario, eventBudget }).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as Error).message).toMatch(message);
    });
});
