// The language of partial faults (`degrade`, `fail`) and health-check depth: what lands in the model, and a
// clear diagnostic at the right place for each mistake.
import { describe, expect, test } from 'vitest';
import type { FaultM } from '../../language/semantics/model.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { errors, modelOf } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));

const DESIGN = `
topology T
region eu-west-1 { provider aws }
region eu-central-1 { provider aws }
region us-east-1 { provider aws }
store orders { engine dynamodb  regions eu-west-1, eu-central-1  holds per-user rows  replication async lag 1s }
service gateway { regions eu-west-1, eu-central-1  posture active-active }
service checkout { regions eu-west-1, eu-central-1  posture active-active  uses orders  depends-on gateway }
workload w for checkout { writes 10/s from eu-west-1 100% }
`;

function scenario(...faults: string[]): string {
    return `${DESIGN}\nscenario s {\n    workload w\n    duration 1h\n${faults.map((f) => `    ${f}\n`).join('')}}\n`;
}

async function faultsOf(text: string): Promise<readonly FaultM[]> {
    const { model, diagnostics } = await modelOf(text);
    expect(
        errors(diagnostics)
            .filter((d) => STANDARD.has(String(d.code)))
            .map((d) => d.message),
    ).toEqual([]);
    return model.scenarios.get('s')!.faults;
}

describe('partial faults in the model', () => {
    test.each([
        [
            'at 10m degrade gateway in eu-west-1 errors 30% latency +2s for 20m',
            {
                kind: 'degrade',
                target: { kind: 'service', name: 'gateway' },
                region: 'eu-west-1',
                errorShare: 0.3,
                addedLatencyMs: 2_000,
                atMs: 600_000,
                durationMs: 1_200_000,
            },
        ],
        [
            'at 10m degrade gateway in eu-west-1 errors 100% for 1m',
            { kind: 'degrade', errorShare: 1, addedLatencyMs: 0 },
        ],
        [
            'at 10m degrade orders in eu-central-1 latency +250ms for 5m',
            {
                kind: 'degrade',
                target: { kind: 'store', name: 'orders' },
                region: 'eu-central-1',
                errorShare: 0,
                addedLatencyMs: 250,
            },
        ],
        [
            'at 5m fail gateway in eu-central-1 for 15m',
            {
                kind: 'fail',
                target: { kind: 'service', name: 'gateway' },
                region: 'eu-central-1',
                atMs: 300_000,
                durationMs: 900_000,
            },
        ],
    ])('reads `%s`', async (fault, expected) => {
        const [f] = await faultsOf(scenario(fault));
        expect(f).toMatchObject(expected);
    });
});

describe('partial-fault mistakes get a clear diagnostic', () => {
    test.each([
        {
            name: 'an error rate above 100%',
            fault: 'at 10m degrade gateway in eu-west-1 errors 130% for 5m',
            code: 'value-out-of-range',
            message: 'error rate must be at most 100%, got 130%',
            text: '130%',
        },
        {
            name: 'an error rate without a percent sign',
            fault: 'at 10m degrade gateway in eu-west-1 errors 30 for 5m',
            code: 'missing-unit',
            message: /error rate/,
            text: '30',
        },
        {
            name: 'a latency written as a rate',
            fault: 'at 10m degrade gateway in eu-west-1 latency +2/s for 5m',
            code: 'wrong-unit',
            message: /added latency/,
            text: '2/s',
        },
        {
            name: 'a latency without its plus',
            fault: 'at 10m degrade gateway in eu-west-1 latency 2s for 5m',
            code: 'missing-unit',
            message:
                "write 'latency +2s': a degrade adds latency to each request (there is no absolute latency to set)",
            text: '2s',
        },
        {
            name: 'a degrade that says nothing of what it does',
            fault: 'at 10m degrade gateway in eu-west-1 for 5m',
            code: 'missing-property',
            message: /say how gateway is degraded: 'errors 30%'.*'latency \+2s'/,
            text: 'degrade',
        },
        {
            name: 'a fail of a store',
            fault: 'at 10m fail orders in eu-west-1 for 5m',
            code: 'inapplicable-property',
            message:
                "'fail' takes a service; orders is a store: write 'degrade orders in eu-west-1 errors 100%' for a store that fails every request",
            text: 'orders',
        },
        {
            name: 'a region the target does not run in',
            fault: 'at 10m fail gateway in us-east-1 for 5m',
            code: 'value-out-of-range',
            message:
                'service gateway does not run in us-east-1 (its regions: eu-west-1 and eu-central-1), so this fault would hit nothing',
            text: 'us-east-1',
        },
        {
            name: 'a zero duration',
            fault: 'at 10m degrade gateway in eu-west-1 errors 30% for 0s',
            code: 'value-out-of-range',
            message: 'fault duration must be greater than 0, got 0s',
            text: '0s',
        },
        {
            name: 'an unknown service',
            fault: 'at 10m fail gatewey in eu-west-1 for 5m',
            code: 'unresolved-reference',
            message: /gatewey/,
            text: 'gatewey',
        },
    ])('reports $name at the offending text', async ({ fault, code, message, text }) => {
        const source = scenario(fault);
        const { diagnostics } = await modelOf(source);
        const found = errors(diagnostics).filter((d) => d.code === code);
        expect(found, JSON.stringify(errors(diagnostics).map((d) => [d.code, d.message]))).toHaveLength(1);
        if (typeof message === 'string') expect(found[0]!.message).toBe(message);
        else expect(found[0]!.message).toMatch(message);
        const line = source.split('\n')[found[0]!.range.start.line]!;
        expect(line.slice(found[0]!.range.start.character, found[0]!.range.end.character)).toBe(text);
    });
});

describe('health-check depth', () => {
    const failover = (detect: string) =>
        `${DESIGN}\nfailover checkout { ${detect}  route dns ttl 60s  drill every 30d }\n`;
    test.each([
        ['detect health-check every 10s threshold 3', 'shallow'],
        ['detect health-check every 10s threshold 3 shallow', 'shallow'],
        ['detect health-check every 10s threshold 3 timeout 4s deep', 'deep'],
        ['detect health-check deep', 'deep'],
    ])('`%s` checks %s', async (detect, depth) => {
        const { model } = await modelOf(failover(detect));
        expect(model.failovers[0]!.detection).toMatchObject({ method: 'health-check', depth });
    });

    test('a failover without a detect clause keeps the shallow check every existing design had', async () => {
        const { model } = await modelOf(`${DESIGN}\nfailover checkout { route dns ttl 60s }\n`);
        expect(model.failovers[0]!.detection).toMatchObject({ method: 'health-check', depth: 'shallow' });
    });
});
