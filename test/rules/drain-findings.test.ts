// catch-up-undeclared, whole findings: place, severity and message. The rule-cases table (drain-rules.test.ts) checks
// fragments only. As docs/rules/catch-up-undeclared.md says: an asynchronously replicated store over two regions or
// more, written by a workload of a scenario that cuts its replicas apart and then heals (an outage of one of its
// regions, or a partition between two of them), with no `catch-up` declared, gets the simulation's drain time as a
// lower bound (docs/facts.md#catch-up-rate); the first such scenario in the design's order is named.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './rule-cases.js';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Carts
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
`;
const carts = (replication = 'replication async lag 1s', regions = 'us-east-1, us-west-2') =>
    `store carts { engine dynamodb regions ${regions} holds per-user rows writes any-region ${replication} }\n`;
const SHOPPING =
    'workload shopping for carts { writes 1000/s from us-east-1 50%, us-west-2 50%  keys 100000  item-size 1KB }\n';
const scenario = (name: string, faults: string, workload = 'shopping') =>
    `scenario ${name} { workload ${workload}  duration 40m  ${faults} }\n`;

/** The message for scenario `name` healing `what` after `after`, with a store lag of `lag`. */
const LOWER_BOUND = (name: string, what: string, after: string, lag = '1 s') =>
    `scenario ${name} heals ${what} after ${after}, but store carts declares no 'catch-up': the simulation delivers ` +
    `its backlog at once, so the drain time it reports (one lag, ${lag}) is a lower bound. Declare how fast its ` +
    `replication applies a backlog, in writes per second or as a throughput (docs/facts.md#catch-up-rate)`;
const finding = (at: string, message: string) => ({ at, severity: 'info', message, fixes: [] });

describe('catch-up-undeclared', () => {
    it.each([
        {
            // No replication clause: DynamoDB's default asynchronous replication, so the finding sits on the engine.
            name: 'a store replicated by its engine’s default is flagged at the engine',
            design: `${REGIONS}${carts('')}${SHOPPING}${scenario('split', 'at 5m outage region us-west-2 for 2m')}`,
            expected: [finding('engine dynamodb', LOWER_BOUND('split', 'the outage of us-west-2', '2 m'))],
        },
        {
            // a's outage is of a region the store is not in; b's partition (90 s) is the first heal in order, before c's.
            name: 'names the first scenario in the design’s order that heals a cut between its replicas',
            design: `${REGIONS}${carts()}${SHOPPING}${scenario('a', 'at 5m outage region eu-west-1 for 2m')}${scenario('b', 'at 5m partition us-east-1 <-> us-west-2 for 90s')}${scenario('c', 'at 5m outage region us-east-1 for 1m')}`,
            expected: [
                finding(
                    'replication async lag 1s',
                    LOWER_BOUND('b', 'the partition us-east-1 ↔ us-west-2', '1 m 30 s'),
                ),
            ],
        },
        {
            // A destroyed region never heals: the scenario's next fault, the outage of us-east-1, is the one named.
            name: 'skips a destroyed region for a later fault of the same scenario that heals',
            design: `${REGIONS}${carts()}${SHOPPING}${scenario('a', 'at 5m destroy region us-west-2 at 6m outage region us-east-1 for 3m')}`,
            expected: [finding('replication async lag 1s', LOWER_BOUND('a', 'the outage of us-east-1', '3 m'))],
        },
        {
            name: 'a store written through a service its scenario’s workload is aimed at',
            design: `${REGIONS}${carts()}service shop { regions us-east-1, us-west-2 posture active-active uses carts }\nworkload browse for shop { writes 100/s from us-east-1 100% }\n${scenario('a', 'at 5m outage region us-west-2 for 2m', 'browse')}`,
            expected: [finding('replication async lag 1s', LOWER_BOUND('a', 'the outage of us-west-2', '2 m'))],
        },
        {
            // z runs the second writer and comes first in the design: it is named, though y's writer is found first.
            name: 'orders the scenarios of several writers by the design, not by writer',
            design: `${REGIONS}${carts()}${SHOPPING}workload other for carts { writes 10/s from us-east-1 100% }\n${scenario('z', 'at 5m outage region us-west-2 for 3m', 'other')}${scenario('y', 'at 5m outage region us-east-1 for 4m')}`,
            expected: [finding('replication async lag 1s', LOWER_BOUND('z', 'the outage of us-west-2', '3 m'))],
        },
        {
            // A per-cell store's instances over the same regions say the same thing: one finding.
            name: 'a per-cell store is one finding',
            design: `${REGIONS}cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\nstore carts per cell { engine dynamodb holds per-user rows writes any-region replication async lag 1s }\nservice shop per cell { posture active-active uses carts }\nworkload browse for shop { writes 100/s from us-east-1 100% }\n${scenario('a', 'at 5m outage region us-west-2 for 2m', 'browse')}`,
            expected: [finding('replication async lag 1s', LOWER_BOUND('a', 'the outage of us-west-2', '2 m'))],
        },
        {
            name: 'passes a store with a declared catch-up rate',
            design: `${REGIONS}${carts('replication async lag 1s catch-up 1500/s')}${SHOPPING}${scenario('a', 'at 5m outage region us-west-2 for 2m')}`,
            expected: [],
        },
        {
            name: 'passes a partition with a region the store is not in',
            design: `${REGIONS}${carts()}${SHOPPING}${scenario('a', 'at 5m partition us-west-2 <-> eu-west-1 for 2m')}`,
            expected: [],
        },
        {
            // Either end of the partition outside the store's regions leaves its replicas connected.
            name: 'passes a partition whose first region the store is not in',
            design: `${REGIONS}${carts()}${SHOPPING}${scenario('a', 'at 5m partition eu-west-1 <-> us-west-2 for 2m')}`,
            expected: [],
        },
        {
            name: 'passes a store in one region, which has no replica to fall behind',
            design: `${REGIONS}store carts { engine dynamodb regions us-east-1 holds per-user rows replication async lag 1s }\nworkload shopping for carts { writes 1000/s from us-east-1 100% }\n${scenario('a', 'at 5m outage region us-east-1 for 2m')}`,
            expected: [],
        },
        {
            name: 'passes a scenario whose workload does not write the store',
            design: `${REGIONS}${carts()}store other { engine dynamodb regions us-east-1 holds per-user rows }\nworkload w for other { writes 10/s from us-east-1 100% }\n${scenario('a', 'at 5m outage region us-west-2 for 2m', 'w')}`,
            expected: [],
        },
        {
            name: 'passes a synchronously replicated store, which keeps no backlog',
            design: `${REGIONS}${carts('replication sync consistency strong conflicts reject')}${SHOPPING}${scenario('a', 'at 5m outage region us-west-2 for 2m')}`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('catch-up-undeclared', design)).toEqual(expected);
    });
});

describe('catch-up-undeclared beside the builder’s missing-lag error', () => {
    it('says "its lag" where the design gives no lag to quote', async () => {
        const { diagnostics } = await diagnosticsOf(
            `${REGIONS}store carts { engine postgres regions us-east-1, us-west-2 holds per-user rows writes primary us-east-1 replication async consistency session }\nworkload shopping for carts { writes 1000/s from us-east-1 100% }\n${scenario('a', 'at 5m outage region us-west-2 for 2m')}`,
        );
        expect(diagnostics.filter((d) => d.code === 'catch-up-undeclared').map((d) => d.message)).toEqual([
            LOWER_BOUND('a', 'the outage of us-west-2', '2 m', 'its lag'),
        ]);
    });
});
