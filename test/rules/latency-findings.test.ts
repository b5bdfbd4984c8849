// write-latency-budget and unknown-latency, whole findings: place, severity, message, related location and fix.
// The rule-cases tables (latency-rules.test.ts) check fragments only. The designs declare their RTTs as links
// (a ↔ b 40 ms, b ↔ c 30 ms, a ↔ c 70 ms), so every figure follows from the design and the formulas of
// docs/rules/write-latency-budget.md: a write waits the RTT to the leader (when written elsewhere) plus the
// leader's quorum round trip (the nearest other voter closes a quorum of 2 of 3), or for sync the nearest other
// replica; the fix relaxes the objective to the estimate rounded up to 10 ms. An RTT from the distance formula is
// 1.6 ms per 100 km of great circle (docs/facts.md#rtt-from-distance).
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './rule-cases.js';
import { wholeFindingsWithRelated } from './whole-findings-related.js';

const LINKED = `topology T
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
region c { provider on-prem jurisdiction US }
link a <-> b { rtt 40ms }
link b <-> c { rtt 30ms }
link a <-> c { rtt 70ms }
`;
const CONSENSUS = 'store db { engine cockroachdb regions a, b, c holds shared rows leader a }\n';
const api = (clauses: string) => `service api { regions a, b, c ${clauses} uses db }\n`;

/** The message for a write from `from` waiting `ms` (`formula`) against a `p` objective of `objective`. */
const WAITS = (
    from: string,
    ms: string,
    formula: string,
    p: string,
    objective: string,
    judged: string,
    rtts = '',
    store = 'db',
) =>
    `a write from ${from} to ${store} waits ≈ ${ms} (${formula}), above the ${p} write-latency objective of ${objective} ` +
    `(judged: the ${judged}): every write pays this round trip, before any queueing${rtts}`;
const TYPICAL = 'typical case — no source bounds the worst';
const RELAX = (objective: string, to: string) => [
    {
        title: `Relax the objective to the estimate (${to})`,
        preferred: true,
        edits: [`replace '${objective}' with '${to}'`],
    },
];
// From c: RTT c → a 70 ms to the leader, then a's quorum of 2 of 3 closes at b, 40 ms: 110 ms.
const FROM_C = 'RTT c → a 70 ms + quorum 2 of 3: RTT a → b 40 ms';

describe('write-latency-budget', () => {
    it.each([
        {
            // 110 ms is a multiple of 10: the fix writes it as it is.
            name: 'an active-active service writing from its farthest region, at the objective with the leader’s replication',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective write-latency p99 100ms')}`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p99', '100 ms', TYPICAL),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // The objective's percentile is kept as written: p50, not "p5".
            name: 'a p50 objective is named p50 in the message and kept p50 by the fix',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective write-latency p50 101ms')}`,
            expected: [
                {
                    at: 'write-latency p50 101ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p50', '101 ms', TYPICAL),
                    fixes: RELAX('write-latency p50 101ms', 'write-latency p50 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            name: 'a p90 objective is named p90',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective write-latency p90 100ms')}`,
            expected: [
                {
                    at: 'write-latency p90 100ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p90', '100 ms', TYPICAL),
                    fixes: RELAX('write-latency p90 100ms', 'write-latency p90 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            name: 'a p999 objective is named p999',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective write-latency p999 100ms')}`,
            expected: [
                {
                    at: 'write-latency p999 100ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p999', '100 ms', TYPICAL),
                    fixes: RELAX('write-latency p999 100ms', 'write-latency p999 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // Only its primary writes: c, the farthest, 110 ms.
            name: 'an active-passive service writes from its primary only',
            design: `${LINKED}${CONSENSUS}${api('primary c posture active-passive objective write-latency p99 100ms')}`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p99', '100 ms', TYPICAL),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // Each writer accepts the write itself and waits for its nearest other replica: from a, b at 40 ms; from
            // b, c at 30 ms; from c, b at 30 ms. An active-active service writes from all three: the worst is a, 40 ms,
            // over a 35 ms objective, and 40 ms is written as it is.
            name: 'a synchronously replicated store waits for the nearest other replica of the worst writer',
            design: `${LINKED}store db { engine postgres regions a, b, c holds shared rows writes any-region replication sync consistency strong conflicts reject }\n${api('posture active-active objective write-latency p99 35ms')}`,
            expected: [
                {
                    at: 'write-latency p99 35ms',
                    severity: 'warning',
                    message: WAITS(
                        'a',
                        '40 ms',
                        'sync to the nearest replica: RTT a → b 40 ms',
                        'p99',
                        '35 ms',
                        TYPICAL,
                    ),
                    fixes: RELAX('write-latency p99 35ms', 'write-latency p99 40ms'),
                    related: [['replication sync', "db's replication"]],
                },
            ],
        },
        {
            // 1.6 ms per 100 km over the 2,122 km between 40° N 75° W and 40° N 100° W: 33.96 ms each way to the
            // leader and back for its quorum, 67.9 ms, rounded up to 70 ms by the fix. The one estimated pair is said once.
            name: 'an RTT estimated from the distance is said once, however often the write crosses it',
            design: `topology T
region a { provider on-prem jurisdiction US location 40, -75 }
region b { provider on-prem jurisdiction US location 40, -100 }
store db { engine cockroachdb regions a, b holds shared rows leader a }
service api { regions a, b posture active-active uses db objective write-latency p99 10ms }
`,
            expected: [
                {
                    at: 'write-latency p99 10ms',
                    severity: 'warning',
                    message: WAITS(
                        'b',
                        '67.9 ms',
                        'RTT b → a 34 ms + quorum 2 of 2: RTT a → b 34 ms',
                        'p99',
                        '10 ms',
                        TYPICAL,
                        '. RTT b ↔ a is estimated from 2,122 km (docs/facts.md#rtt-from-distance: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured',
                    ),
                    fixes: RELAX('write-latency p99 10ms', 'write-latency p99 70ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // The leader's quorum closes at c over a declared 5 ms link: only measured RTTs, so nothing is said of b's
            // distance, which this write never crosses.
            name: 'says nothing of an estimated RTT the write does not cross',
            design: `topology T
region a { provider on-prem jurisdiction US location 40, -75 }
region b { provider on-prem jurisdiction US location 40, -100 }
region c { provider on-prem jurisdiction US }
link a <-> c { rtt 5ms }
store db { engine cockroachdb regions a, b, c holds shared rows leader a }
service api { regions a, b posture active-passive primary a uses db objective write-latency p99 1ms }
`,
            expected: [
                {
                    at: 'write-latency p99 1ms',
                    severity: 'warning',
                    message: WAITS('a', '5 ms', 'quorum 2 of 3: RTT a → c 5 ms', 'p99', '1 ms', TYPICAL),
                    fixes: RELAX('write-latency p99 1ms', 'write-latency p99 10ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // Cosmos DB strong: 2 × 76 ms (us-east-1 ↔ eu-west-1, docs/facts.md#cloudping-rtt-matrix) + 10 ms = 162 ms,
            // a p99 bound, so the worst case is judged; 162 ms rounds up to 170 ms.
            name: 'Cosmos DB strong is judged at its documented worst case',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine cosmosdb regions us-east-1, eu-west-1 holds per-user document writes primary us-east-1 replication sync consistency strong }
service api { regions us-east-1, eu-west-1 posture active-passive uses db objective write-latency p99 100ms }
`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS(
                        'us-east-1',
                        '162 ms',
                        '2 × RTT us-east-1 ↔ eu-west-1 76 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
                        'p99',
                        '100 ms',
                        'worst case',
                    ),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 170ms'),
                    related: [['replication sync', "db's replication"]],
                },
            ],
        },
        {
            // Strong consistency makes Cosmos DB wait for the far region whatever replication the design declares.
            name: 'Cosmos DB strong is coordinated even with its replication declared asynchronous',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine cosmosdb regions us-east-1, eu-west-1 holds per-user document writes primary us-east-1 replication async lag 1s consistency strong }
service api { regions us-east-1, eu-west-1 posture active-passive uses db objective write-latency p99 100ms }
`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS(
                        'us-east-1',
                        '162 ms',
                        '2 × RTT us-east-1 ↔ eu-west-1 76 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
                        'p99',
                        '100 ms',
                        'worst case',
                    ),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 170ms'),
                    related: [['replication async lag 1s', "db's replication"]],
                },
            ],
        },
        {
            name: 'passes Cosmos DB with session consistency and asynchronous replication',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine cosmosdb regions us-east-1, eu-west-1 holds per-user document writes primary us-east-1 replication async lag 1s consistency session }
service api { regions us-east-1, eu-west-1 posture active-passive uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
        {
            name: 'passes an active-passive service whose primary is the leader’s nearest writer (40 ms under 50 ms)',
            design: `${LINKED}${CONSENSUS}${api('primary a posture active-passive objective write-latency p99 50ms')}`,
            expected: [],
        },
        {
            name: 'passes an objective equal to the estimate',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective write-latency p99 110ms')}`,
            expected: [],
        },
        {
            name: 'passes a service with objectives but none on write latency',
            design: `${LINKED}${CONSENSUS}${api('posture active-active objective rto 5m')}`,
            expected: [],
        },
        {
            name: 'passes an asynchronously replicated store, acknowledged where it is written',
            design: `${LINKED}store db { engine postgres regions a, b, c holds shared rows writes primary a replication async lag 1s consistency session }\n${api('posture active-active objective write-latency p99 5ms')}`,
            expected: [],
        },
        {
            name: 'passes Cosmos DB strong in one region, which waits for no other',
            design: `topology T
region eastus {}
store db { engine cosmosdb regions eastus holds per-user document consistency strong }
service api { regions eastus posture active-passive uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
        {
            // On the equator a degree of longitude is 6,371 km × π / 180 = 111.19 km (docs/facts.md#haversine-earth-radius),
            // and an estimated RTT is 1.6 ms per 100 km (docs/facts.md#rtt-from-distance): a ↔ b 10° = 1,112 km, 17.8 ms;
            // a ↔ c 30° = 3,336 km, 53.4 ms. Written from c: 53.4 ms to the leader a, then a's quorum of 2 of 3 closes at
            // its nearest other voter, b, 17.8 ms: 71.16 ms, written 71.2 ms, rounded up to 80 ms by the fix. Two
            // different estimated pairs, each said once, in the order the write crosses them.
            name: 'two estimated pairs in one write are each named: the hop to the leader, then its quorum',
            design: `topology T
region a { provider on-prem jurisdiction US location 0, 0 }
region b { provider on-prem jurisdiction US location 0, 10 }
region c { provider on-prem jurisdiction US location 0, -30 }
store db { engine cockroachdb regions a, b, c holds shared rows leader a }
service api { regions a, b, c posture active-passive primary c uses db objective write-latency p99 10ms }
`,
            expected: [
                {
                    at: 'write-latency p99 10ms',
                    severity: 'warning',
                    message: WAITS(
                        'c',
                        '71.2 ms',
                        'RTT c → a 53.4 ms + quorum 2 of 3: RTT a → b 17.8 ms',
                        'p99',
                        '10 ms',
                        TYPICAL,
                        '. RTT c ↔ a is estimated from 3,336 km and RTT a ↔ b is estimated from 1,112 km (docs/facts.md#rtt-from-distance: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured',
                    ),
                    fixes: RELAX('write-latency p99 10ms', 'write-latency p99 80ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
            ],
        },
        {
            // The writer x is the store's primary, between y (20° W) and z (20° E). The farthest pair is y ↔ z, 40° =
            // 4,448 km, 71.2 ms (docs/facts.md#rtt-from-distance); x ↔ y and x ↔ z, 2,224 km each, are never crossed.
            // 2 × 71.16 + 10 = 152.3 ms (docs/facts.md#cosmos-strong-write-latency), a p99 bound; the fix writes 160 ms.
            name: 'Cosmos DB strong names its farthest pair, not the writer’s links to it',
            design: `topology T
region x { provider azure jurisdiction US location 0, 0 }
region y { provider azure jurisdiction US location 0, -20 }
region z { provider azure jurisdiction US location 0, 20 }
store db { engine cosmosdb regions x, y, z holds per-user document writes primary x replication sync consistency strong }
service api { regions x, y, z posture active-passive primary x uses db objective write-latency p99 100ms }
`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS(
                        'x',
                        '152 ms',
                        '2 × RTT y ↔ z 71.2 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
                        'p99',
                        '100 ms',
                        'worst case',
                        '. RTT y ↔ z is estimated from 4,448 km (docs/facts.md#rtt-from-distance: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured',
                    ),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 160ms'),
                    related: [['replication sync', "db's replication"]],
                },
            ],
        },
        {
            // a ↔ bc and ab ↔ c spell the same letters: both pairs are said. From a to the primary bc, 5° = 556 km,
            // 8.9 ms; the farthest pair ab ↔ c, 40° = 4,448 km, 71.2 ms (docs/facts.md#rtt-from-distance):
            // 8.90 + 2 × 71.16 + 10 = 161.2 ms (docs/facts.md#cosmos-strong-write-latency), rounded up to 170 ms.
            name: 'region names that run together still make two pairs (a ↔ bc, ab ↔ c)',
            design: `topology T
region a { provider azure jurisdiction US location 0, 0 }
region ab { provider azure jurisdiction US location 0, -20 }
region bc { provider azure jurisdiction US location 0, 5 }
region c { provider azure jurisdiction US location 0, 20 }
store db { engine cosmosdb regions a, ab, bc, c holds per-user document writes primary bc replication sync consistency strong }
service api { regions a, bc posture active-passive primary a uses db objective write-latency p99 100ms }
`,
            expected: [
                {
                    at: 'write-latency p99 100ms',
                    severity: 'warning',
                    message: WAITS(
                        'a',
                        '161 ms',
                        'RTT a → bc 8.9 ms + 2 × RTT ab ↔ c 71.2 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
                        'p99',
                        '100 ms',
                        'worst case',
                        '. RTT a ↔ bc is estimated from 556 km and RTT ab ↔ c is estimated from 4,448 km (docs/facts.md#rtt-from-distance: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured',
                    ),
                    fixes: RELAX('write-latency p99 100ms', 'write-latency p99 170ms'),
                    related: [['replication sync', "db's replication"]],
                },
            ],
        },
        {
            // Each cell's instances are alike: db from c, 70 + 40 = 110 ms; db2 (leader b) from a, RTT a → b 40 ms +
            // b's quorum at c 30 ms = 70 ms. One finding per store, each said once for both cells, naming no cell.
            name: 'a per-cell service’s two stores, alike in every cell, are two findings naming no cell',
            design: `${LINKED}cell c1 { regions a, b, c }
cell c2 { regions a, b, c }
store db per cell { engine cockroachdb holds shared rows leader a }
store db2 per cell { engine cockroachdb holds shared rows leader b }
service api per cell { posture active-active uses db, db2 objective write-latency p99 10ms }
`,
            expected: [
                {
                    at: 'write-latency p99 10ms',
                    severity: 'warning',
                    message: WAITS('c', '110 ms', FROM_C, 'p99', '10 ms', TYPICAL),
                    fixes: RELAX('write-latency p99 10ms', 'write-latency p99 110ms'),
                    related: [['engine cockroachdb', "db's replication"]],
                },
                {
                    at: 'write-latency p99 10ms',
                    severity: 'warning',
                    message: WAITS(
                        'a',
                        '70 ms',
                        'RTT a → b 40 ms + quorum 2 of 3: RTT b → c 30 ms',
                        'p99',
                        '10 ms',
                        TYPICAL,
                        '',
                        'db2',
                    ),
                    fixes: RELAX('write-latency p99 10ms', 'write-latency p99 70ms'),
                    related: [['engine cockroachdb', "db2's replication"]],
                },
            ],
        },
        {
            // Written from eu-west-1 and forwarded to the primary in us-east-1 (76 ms, docs/facts.md#cloudping-rtt-matrix),
            // but acknowledged there without waiting for another region: strong consistency alone does not make a
            // store other than Cosmos DB wait (strong-needs-sync says what is wrong with it).
            name: 'passes a strongly consistent store replicated asynchronously',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine postgres regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 replication async lag 1s consistency strong }
service api { regions us-east-1, eu-west-1 posture active-passive primary eu-west-1 uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
        {
            // The same 76 ms hop to the primary, with session consistency: Cosmos DB waits for no other region.
            name: 'passes a write forwarded to the primary of Cosmos DB with session consistency',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine cosmosdb regions us-east-1, eu-west-1 holds per-user document writes primary us-east-1 replication async lag 1s consistency session }
service api { regions us-east-1, eu-west-1 posture active-passive primary eu-west-1 uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
        {
            // Written from eu-west-1 into its only region, us-east-1 (76 ms away): strong over one region waits for none.
            name: 'passes a single-region Cosmos DB strong store written from another region',
            design: `topology T
region us-east-1 {}
region eu-west-1 {}
store db { engine cosmosdb regions us-east-1 holds per-user document consistency strong }
service api { regions eu-west-1 uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
        {
            // No link, no table entry, no location: unknown-latency says so; this rule has no figure to judge.
            name: 'passes a store whose RTTs are unknown',
            design: `topology T
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
store db { engine cockroachdb regions a, b holds shared rows leader a }
service api { regions a, b posture active-active uses db objective write-latency p99 1ms }
`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindingsWithRelated('write-latency-budget', design)).toEqual(expected);
    });
});

// A service the builder gives no region writes from nowhere: the builder's error says what is missing, and the
// rule has no write to estimate — it must neither speak nor fail (a rule that throws is a rule-failed error).
describe('write-latency-budget on a service with no region', () => {
    it.each([
        {
            name: 'a service without regions',
            service: 'service api { uses db objective write-latency p99 1ms }',
            expected: ["missing-property: service api needs 'regions' (or 'per cell')"],
        },
        {
            name: 'a per-cell service in a design without cells',
            service: 'service api per cell { uses db objective write-latency p99 1ms }',
            expected: ["per-cell-without-cells: service api is declared 'per cell' but the design declares no cells"],
        },
    ])('$name has the builder’s error only', async ({ service, expected }) => {
        const { diagnostics } = await diagnosticsOf(`${LINKED}${CONSENSUS}${service}\n`);
        const said = diagnostics.filter((d) => d.severity === 1 || d.code === 'write-latency-budget');
        expect(said.map((d) => `${String(d.code)}: ${d.message}`)).toEqual(expected);
    });
});

const UNLINKED = (n: number) =>
    `topology T\n${Array.from({ length: n }, (_, i) => `region r${i + 1} { provider on-prem jurisdiction US }`).join('\n')}\n`;
const postgres = (regions: string, name = 's') =>
    `store ${name} { engine postgres regions ${regions} holds shared rows writes primary r1 replication async lag 1s consistency session }\n`;
/** unknown-latency's message for `pairs` (the text after "no RTT for") of `count` pairs. */
const NO_RTT = (pairs: string, count: number) =>
    `no RTT for ${pairs}: no link, no measured value and no location, so latency rules skip ` +
    `${count > 1 ? 'these pairs' : 'this pair'}; declare ${count > 1 ? 'links' : 'a link'} with a measured RTT, or ` +
    `the regions' locations for a distance estimate (docs/facts.md#rtt-from-distance)`;
const info = (at: string, message: string) => ({ at, severity: 'info', message, fixes: [], related: [] });

describe('unknown-latency', () => {
    it.each([
        {
            name: 'one pair is named alone, in the singular',
            design: `${UNLINKED(2)}${postgres('r1, r2')}`,
            expected: [info('regions r1, r2', NO_RTT('r1 ↔ r2', 1))],
        },
        {
            // C(3, 2) = 3 pairs, all named.
            name: 'three regions are three pairs, counted and named',
            design: `${UNLINKED(3)}${postgres('r1, r2, r3')}`,
            expected: [info('regions r1, r2, r3', NO_RTT('3 region pairs (r1 ↔ r2; r1 ↔ r3; r2 ↔ r3)', 3))],
        },
        {
            // C(4, 2) = 6 pairs, one of them linked: 5, exactly the number named, none counted apart.
            name: 'five pairs are all named',
            design: `${UNLINKED(4)}link r1 <-> r2 { rtt 10ms }\n${postgres('r1, r2, r3, r4')}`,
            expected: [
                info(
                    'regions r1, r2, r3, r4',
                    NO_RTT('5 region pairs (r1 ↔ r3; r1 ↔ r4; r2 ↔ r3; r2 ↔ r4; r3 ↔ r4)', 5),
                ),
            ],
        },
        {
            // C(4, 2) = 6: five named, the sixth (r3 ↔ r4) counted.
            name: 'a sixth pair is counted, not named',
            design: `${UNLINKED(4)}${postgres('r1, r2, r3, r4')}`,
            expected: [
                info(
                    'regions r1, r2, r3, r4',
                    NO_RTT('6 region pairs (r1 ↔ r2; r1 ↔ r3; r1 ↔ r4; r2 ↔ r3; r2 ↔ r4; and 1 more)', 6),
                ),
            ],
        },
        {
            // The replicas' pair at the regions, the witness's two pairs at the witness.
            name: 'a witness’s pairs are said at the witness',
            design: `${UNLINKED(3)}store s { engine cockroachdb regions r1, r2 witness r3 holds shared rows }\n`,
            expected: [
                info('regions r1, r2', NO_RTT('r1 ↔ r2', 1)),
                info('witness r3', NO_RTT('2 region pairs (r1 ↔ r3; r2 ↔ r3)', 2)),
            ],
        },
        {
            name: 'a witness alone is said at the witness when the replicas are linked',
            design: `${UNLINKED(3)}link r1 <-> r2 { rtt 10ms }\nstore s { engine cockroachdb regions r1, r2 witness r3 holds shared rows }\n`,
            expected: [info('witness r3', NO_RTT('2 region pairs (r1 ↔ r3; r2 ↔ r3)', 2))],
        },
        {
            // The store names r1 ↔ r2 first; the failover to r2 adds nothing, the one to r3 names its pair at `r3`.
            name: 'a failover names only a pair no store named, at its destination',
            design: `${UNLINKED(3)}${postgres('r1, r2')}service api { regions r1, r2, r3 posture active-passive }\nfailover api from r1 to r3 { route dns ttl 60s drill every 30d }\nfailover api from r1 to r2 { route dns ttl 60s drill every 30d }\n`,
            expected: [info('regions r1, r2', NO_RTT('r1 ↔ r2', 1)), info('r3', NO_RTT('r1 ↔ r3', 1))],
        },
        {
            // The second store names only the pairs with r4.
            name: 'a second store names only its new pairs',
            design: `${UNLINKED(4)}${postgres('r1, r2, r3')}${postgres('r1, r2, r4', 't')}`,
            expected: [
                info('regions r1, r2, r3', NO_RTT('3 region pairs (r1 ↔ r2; r1 ↔ r3; r2 ↔ r3)', 3)),
                info('regions r1, r2, r4', NO_RTT('2 region pairs (r1 ↔ r4; r2 ↔ r4)', 2)),
            ],
        },
        {
            // r1 and r3 were each named by an earlier store, but never together: u names r1 ↔ r3.
            name: 'a store joining regions that earlier stores named apart names its pair',
            design: `${UNLINKED(4)}${postgres('r1, r2')}store t { engine postgres regions r3, r4 holds shared rows writes primary r3 replication async lag 1s consistency session }\n${postgres('r1, r3', 'u')}`,
            expected: [
                info('regions r1, r2', NO_RTT('r1 ↔ r2', 1)),
                info('regions r3, r4', NO_RTT('r3 ↔ r4', 1)),
                info('regions r1, r3', NO_RTT('r1 ↔ r3', 1)),
            ],
        },
        {
            // One failover declaration, one instance per cell: c1 fails over r1 → r2, c2 r3 → r4, both said at `api`.
            name: 'a per-cell failover names each cell’s pair at the one failover',
            design: `${UNLINKED(4)}cell c1 { regions r1, r2 }\ncell c2 { regions r3, r4 }\nservice api per cell { posture active-passive }\nfailover api { route dns ttl 60s drill every 30d }\n`,
            expected: [info('api', NO_RTT('2 region pairs (r1 ↔ r2; r3 ↔ r4)', 2))],
        },
        {
            // No `to`: the pair is said at the `from` the failover declares.
            name: 'a failover declaring only its from is said there',
            design: `${UNLINKED(2)}service api { regions r1, r2 posture active-passive }\nfailover api from r1 { route dns ttl 60s drill every 30d }\n`,
            expected: [info('r1', NO_RTT('r1 ↔ r2', 1))],
        },
        {
            name: 'passes linked regions',
            design: `${UNLINKED(2)}link r1 <-> r2 { rtt 10ms }\n${postgres('r1, r2')}`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindingsWithRelated('unknown-latency', design)).toEqual(expected);
    });
});
