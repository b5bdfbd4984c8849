// Bugs found by the robustness harness, each reduced to its smallest reproduction and written as the behaviour it
// should have. All are fixed now; they stay as regression tests. While a new one is open it is written with
// `it.fails` (green while the bug is there, red once it is fixed) and listed in fuzz/known-issues.ts.
import { ResponseError } from 'vscode-jsonrpc';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { describe, expect, it } from 'vitest';
import { exportCdk } from '../../export/cdk/index.js';
import { SimulationError } from '../../simulation/errors.js';
import { simulate } from '../../simulation/run.js';
import { Requests } from '../../protocol/index.js';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';
import { errors, modelOf, validate } from '../helpers/services.js';

const PRIMARY_OUTSIDE = `topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
store sessions {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       per-user rows
    writes      primary eu-west-1
    replication async lag 1s
    consistency eventual
}
service api { regions us-east-1, us-west-2  posture active-passive  uses sessions }
workload w for api { writes 10/s from us-east-1 100%  reads 10/s  keys 1000 }
scenario s { workload w  duration 1m }
`;

describe('issues the fuzzer found, fixed', () => {
    describe('store-primary-outside-its-regions', () => {
        it("the checker refuses 'writes primary' naming a region the store is not in", async () => {
            const { diagnostics } = await validate(PRIMARY_OUTSIDE);
            expect(errors(diagnostics).map((d) => d.code)).toContain('value-out-of-range');
        });

        it('the engine ends such a design with a report or a SimulationError, not a TypeError', async () => {
            const { model } = await modelOf(PRIMARY_OUTSIDE);
            let thrown: unknown;
            try {
                simulate(model, 's');
            } catch (error) {
                thrown = error;
            }
            // It was: TypeError: Cannot read properties of undefined (reading '0') at Simulation.staleProbability.
            expect(thrown === undefined || thrown instanceof SimulationError, String(thrown)).toBe(true);
        });
    });

    it("export-undefined-write-policy: a forced export never tells the user 'the design lets undefined write'", async () => {
        const { model, diagnostics } = await modelOf(`topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
store ledger { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes us-east-1  consistency session }
`);
        expect(errors(diagnostics).map((d) => d.code)).toContain('syntax-error');
        const result = exportCdk(
            model,
            errors(diagnostics).map((d) => String(d.message)),
            { force: true },
        );
        expect(result.notGenerated.map((n) => n.reason).join('\n')).not.toContain('undefined');
    });

    describe('unparsed-invariant-reaches-the-rules', () => {
        const design = (conflicts: string) => `topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
store carts {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       shared counter
    writes      any-region
    replication async lag 1s
    invariant   consistency eventual
    ${conflicts}
}
`;
        it('an invariant whose kind did not parse is a syntax error, not a failed rule', async () => {
            const { diagnostics } = await validate(design('conflicts   lww'));
            expect(diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message)).toEqual([]);
        });

        it("last-write-wins on such a store never speaks of 'the invariant undefined undefined': it waits for the store to parse", async () => {
            const { diagnostics } = await validate(design('conflicts   lww'));
            expect(diagnostics.map((d) => String(d.message)).filter((m) => m.includes('undefined'))).toEqual([]);
            expect(diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
        });
    });

    it("dns-provider-named-like-a-cloud: 'providers route53, cloudflare' names two DNS providers without a syntax error", async () => {
        const { diagnostics } = await validate(`topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
service api { regions us-east-1, us-west-2  posture active-passive }
failover api { detect health-check every 10s threshold 3  route dns ttl 60s providers route53, cloudflare  drill every 30d }
`);
        expect(diagnostics.filter((d) => d.code === 'syntax-error').map((d) => d.message)).toEqual([]);
    });

    it('number-beyond-a-double: a number too large for a double is called too large, not "not a number with a unit"', async () => {
        const { diagnostics } = await validate(`topology T
region us-east-1 { provider aws  jurisdiction US }
store s { engine dynamodb  regions us-east-1  holds per-user rows }
workload w for s { writes ${'9'.repeat(400)}/s }
`);
        const message = diagnostics.map((d) => String(d.message)).find((m) => m.includes('write rate')) ?? '';
        expect(message).not.toContain('is not a number with a unit');
        expect(message).toMatch(/too large/);
    });

    describe('simulation-requests-answer-internal-errors', () => {
        let client: LspClient;
        serverForSuite((started) => {
            client = started;
        });
        const codeOf = (request: Promise<unknown>) =>
            request.then(
                () => 'result',
                (error: unknown) => (error instanceof ResponseError ? error.code : String(error)),
            );

        for (const method of [Requests.listScenarios, Requests.simulationBlockers, Requests.simulate]) {
            it(`${method} on a document the server does not have is invalid params (-32602), not an internal error`, async () => {
                expect(
                    await codeOf(
                        client.connection.sendRequest(method, {
                            uri: 'file:///virtual/never-opened.mregion',
                            scenario: 's',
                        }),
                    ),
                ).toBe(-32602);
            });
        }

        it('mregion/listScenarios cancelled while its document is built is answered as cancelled (-32800), not an internal error', async () => {
            const uri = 'file:///virtual/large.mregion';
            const built = client.nextDiagnostics(uri);
            await client.open(
                uri,
                `topology T\n${Array.from({ length: 3_000 }, (_, i) => `region r-${i} { provider aws  jurisdiction US }`).join('\n')}\n`,
            );
            const source = new CancellationTokenSource();
            const answer = codeOf(client.connection.sendRequest(Requests.listScenarios, { uri }, source.token));
            source.cancel();
            const code = await answer;
            await built;
            expect(code === 'result' || code === -32800, String(code)).toBe(true);
        });
    });
});
