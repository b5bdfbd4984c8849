// The consistency rules, whole findings: message, where it points, and the fixes offered (title, preferred). The
// rule-cases table (consistency-rules.test.ts) checks fragments only. Expected values follow the rule pages and the
// facts they cite: which regions an asynchronous primary replicates to, the MRSC region sets and unsupported features
// (docs/facts.md#dynamodb-mrsc-region-sets, #dynamodb-mrsc-unsupported-features), Cosmos DB's 8,000 km limit and its
// strong write of 2 × RTT + 10 ms (docs/facts.md#cosmos-strong-max-distance, #cosmos-strong-write-latency), and a
// quorum that is a majority of the voters (docs/facts.md#cockroachdb-region-survival). Distances and voters are
// worked by hand in each case's comment; RTTs that matter are links written in the case.
import { describe, expect, it } from 'vitest';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const AWS = `topology Data
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
region eu-west-1 {}
region eu-central-1 {}
region ap-south-1 {}
region sa-east-1 {}
`;

/** The findings of `code`: text it is on, message, and each fix as [title, preferred]. */
async function findings(code: string, text: string) {
    const { text: written, diagnostics } = await diagnosticsOf(text);
    return diagnostics
        .filter((d) => d.code === code)
        .map((d) => ({
            at: textAt(written, d),
            message: d.message,
            fixes: fixesOf(d).map((f) => [f.title, f.preferred ?? false]),
        }));
}

const EVENTUAL: [string, boolean] = ['Declare what the engine gives (consistency eventual)', true];
const SYNC: [string, boolean] = ['Replicate synchronously (replication sync)', false];
const TAIL =
    'a read in another region can miss the latest writes, and an unplanned failover loses the writes not yet replicated. Strong consistency across regions needs synchronous replication or consensus';

describe('strong-needs-sync', () => {
    it.each([
        {
            // The writer is us-east-2, so the others are us-east-1 and us-west-2; Aurora's 1 s lag is its documented
            // typical value. Aurora replicates across regions only asynchronously: no "replicate synchronously" fix.
            name: 'names the regions a primary that is not listed first replicates to, and the lag’s source',
            design: 'store db { engine aurora regions us-east-1, us-east-2, us-west-2 holds shared rows writes primary us-east-2 consistency strong }',
            expected: [
                {
                    at: 'consistency strong',
                    message: `consistency strong, but db replicates to us-east-1 and us-west-2 asynchronously (≈ 1 s behind, docs/facts.md#aurora-global-lag): ${TAIL}`,
                    fixes: [EVENTUAL],
                },
            ],
        },
        {
            // A declared lag cites nothing; postgres can replicate synchronously, so both fixes.
            name: 'gives a declared lag without a citation, and offers synchronous replication',
            design: 'store db { engine postgres regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag 5s consistency strong }',
            expected: [
                {
                    at: 'consistency strong',
                    message: `consistency strong, but db replicates to us-west-2 asynchronously (≈ 5 s behind): ${TAIL}`,
                    fixes: [EVENTUAL, SYNC],
                },
            ],
        },
        {
            // Workers KV is eventually consistent whatever is declared (docs/facts.md#cloudflare-workers-kv).
            name: 'says an engine that only replicates asynchronously ignores a synchronous declaration',
            design: 'store db { engine workers-kv regions us-east-1, us-west-2 holds shared rows writes any-region replication sync consistency strong }',
            expected: [
                {
                    at: 'consistency strong',
                    message: `consistency strong, but workers-kv replicates across regions only asynchronously, whatever the declaration says (Workers KV is eventually consistent (docs/facts.md#cloudflare-workers-kv)): ${TAIL}`,
                    fixes: [EVENTUAL],
                },
            ],
        },
        {
            // One region: nothing to be behind.
            name: 'passes an asynchronous-only engine in one region',
            design: 'store db { engine aurora regions us-east-1 holds shared rows consistency strong }',
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings('strong-needs-sync', `${AWS}${design}`)).toEqual(expected);
    });

    it('judges a store whose engine is missing by its declared replication', async () => {
        // The builder asks for the engine; the rule still reads the declared lag, and fails on nothing.
        const { diagnostics } = await diagnosticsOf(
            `${AWS}store db { regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag 1s consistency strong }`,
        );
        expect(diagnostics.filter((d) => d.code === 'rule-failed')).toEqual([]);
        expect(diagnostics.filter((d) => d.code === 'strong-needs-sync').map((d) => d.message)).toEqual([
            `consistency strong, but db replicates to us-west-2 asynchronously (≈ 1 s behind): ${TAIL}`,
        ]);
    });

    it('leaves out the lag when asynchronous replication declares none', async () => {
        // postgres has no default lag: the builder asks for it, and the rule names no figure.
        const found = await findings(
            'strong-needs-sync',
            `${AWS}store db { engine postgres regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async consistency strong }`,
        );
        expect(found.map((f) => f.message)).toEqual([
            `consistency strong, but db replicates to us-west-2 asynchronously: ${TAIL}`,
        ]);
    });
});

const mrsc = (regions: string, extra = '') =>
    `${AWS}store db { engine dynamodb regions ${regions} holds shared rows replication sync consistency strong conflicts reject${extra} }`;
const SETS =
    'MRSC tables live in US {us-east-1, us-east-2, us-west-2}, EU {eu-west-1, eu-west-2, eu-west-3, eu-central-1} or AP {ap-northeast-1, ap-northeast-2, ap-northeast-3} (docs/facts.md#dynamodb-mrsc-region-sets)';
const UNSUPPORTED =
    '(MRSC does not support TTL, LSIs, transactions (docs/facts.md#dynamodb-mrsc-unsupported-features))';

describe('mrsc-three-regions', () => {
    it.each([
        {
            name: 'counts two regions against three, and names the one unsupported feature',
            text: mrsc('us-east-1, us-east-2', ' features ttl, streams'),
            expected: [
                {
                    at: 'regions us-east-1, us-east-2',
                    message:
                        'DynamoDB multi-region strong consistency (MRSC) needs exactly three regions — three replicas, or two and a witness — but db has 2 (us-east-1 and us-east-2) (MRSC topology (docs/facts.md#dynamodb-mrsc-region-sets))',
                    fixes: [],
                },
                {
                    at: 'features ttl, streams',
                    message: `MRSC does not support TTL ${UNSUPPORTED}; with synchronous replication db cannot use it`,
                    fixes: [],
                },
            ],
        },
        {
            name: 'names one region outside every set, and every unsupported feature',
            text: mrsc('us-east-1, us-east-2, ap-south-1', ' features ttl, local-secondary-index, transactions'),
            expected: [
                {
                    at: 'regions us-east-1, us-east-2, ap-south-1',
                    message: `ap-south-1 is in no MRSC region set: ${SETS}`,
                    fixes: [],
                },
                {
                    at: 'features ttl, local-secondary-index, transactions',
                    message: `MRSC does not support TTL, local secondary indexes and transactions ${UNSUPPORTED}; with synchronous replication db cannot use them`,
                    fixes: [],
                },
            ],
        },
        {
            name: 'names two regions outside every set',
            text: mrsc('us-east-1, ap-south-1, sa-east-1'),
            expected: [
                {
                    at: 'regions us-east-1, ap-south-1, sa-east-1',
                    message: `ap-south-1 and sa-east-1 are in no MRSC region set: ${SETS}`,
                    fixes: [],
                },
            ],
        },
        {
            // The witness is a member: two EU regions and a US witness span two sets.
            name: 'counts the witness among the regions that span two sets',
            text: mrsc('eu-west-1, eu-central-1', ' witness us-east-1'),
            expected: [
                {
                    at: 'regions eu-west-1, eu-central-1',
                    message:
                        'eu-west-1, eu-central-1 and us-east-1 span more than one MRSC region set; an MRSC table cannot span sets (docs/facts.md#dynamodb-mrsc-region-sets)',
                    fixes: [],
                },
            ],
        },
    ])('$name', async ({ text, expected }) => {
        expect(await findings('mrsc-three-regions', text)).toEqual(expected);
    });
});

// a (0°, 0°) to b or c (0°, 75°): 75° of a great circle of radius 6,371 km = 8,339.6 km, "8,340 km". d has no
// location, so its distances are unknown. Links give the RTTs: the farthest by RTT is a ↔ b at 150 ms, so a strong
// write waits 2 × 150 + 10 = 310 ms.
const FAR = `topology Far
region a { provider azure jurisdiction US location 0, 0 }
region b { provider azure jurisdiction US location 0, 75 }
region c { provider azure jurisdiction US location 0, 75 }
region d { provider azure jurisdiction US }
link a <-> b { rtt 150ms }
link a <-> c { rtt 150ms }
link b <-> c { rtt 2ms }
link a <-> d { rtt 20ms }
link b <-> d { rtt 140ms }
link c <-> d { rtt 140ms }
`;
const BOUNDED = 'Use bounded staleness (versions 100000, time 300s, the multi-region minimum)';

describe('strong-distance-limit', () => {
    it.each([
        {
            // Pairs in order: a–d unknown, a–b 8,340, a–c 8,340 (a tie: the first is kept), d–b, d–c unknown, b–c 0.
            name: 'names the first farthest pair, passing over unknown distances, and the write from the primary',
            text: `${FAR}store p { engine cosmosdb regions a, d, b, c holds per-user document writes primary b replication sync consistency strong }`,
            expected: [
                {
                    at: 'regions a, d, b, c',
                    message:
                        'a and b are 8,340 km apart: Cosmos DB blocks strong consistency for regions more than 8,000 km apart (docs/facts.md#cosmos-strong-max-distance), and every write would wait ≈ 310 ms (2 × RTT a ↔ b 150 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency)',
                    fixes: [
                        [BOUNDED, true],
                        ['Drop b from the regions', false],
                    ],
                },
            ],
        },
        {
            name: 'refuses several write regions, offering one writer first',
            text: `${FAR}store p { engine cosmosdb regions a, d holds per-user document writes any-region replication sync consistency strong conflicts lww }`,
            expected: [
                {
                    at: 'writes any-region',
                    message:
                        'Cosmos DB cannot use strong consistency with several write regions (docs/facts.md#cosmos-strong-max-distance), and p accepts writes in a and d',
                    fixes: [
                        ['Write in one region (writes primary a)', true],
                        [BOUNDED, false],
                    ],
                },
            ],
        },
        {
            name: 'passes a single-region account that accepts writes anywhere',
            text: `${FAR}store p { engine cosmosdb regions a holds per-user document writes any-region consistency strong conflicts lww }`,
            expected: [],
        },
        {
            // The 8,000 km limit is Cosmos DB's own.
            name: 'passes another engine’s strong consistency across the same distance',
            text: `${FAR}store p { engine cockroachdb regions a, b, c holds shared rows consistency strong }`,
            expected: [],
        },
    ])('$name', async ({ text, expected }) => {
        expect(await findings('strong-distance-limit', text)).toEqual(expected);
    });
});

// On-prem regions: f has no link (its RTTs are unknown), d is in another jurisdiction. Worst RTT to the store's
// regions a and b: c max(5, 100) = 100 ms, e max(30, 30) = 30 ms, f unknown, d max(3, 3) = 3 ms. Candidates go by
// jurisdiction first, then the lowest worst RTT: e, c, f, then d.
const ONPREM = `topology T
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
region f { provider on-prem jurisdiction US }
region c { provider on-prem jurisdiction US }
region d { provider on-prem jurisdiction EU }
region e { provider on-prem jurisdiction US }
link a <-> b { rtt 10ms }
link a <-> c { rtt 5ms }
link b <-> c { rtt 100ms }
link a <-> d { rtt 3ms }
link b <-> d { rtt 3ms }
link a <-> e { rtt 30ms }
link b <-> e { rtt 30ms }
`;
const SURVIVAL =
    'Surviving a region loss needs voters in at least three regions (or two and a witness) with no region holding enough of them to break the quorum (docs/facts.md#cockroachdb-region-survival)';

describe('consensus-quorum-survival', () => {
    it.each([
        {
            // One voter in each of a and b, quorum 2: either loss leaves 1. A witness in e makes three voters, quorum 2.
            name: 'offers a witness in the same jurisdiction with the lowest worst RTT, then that region',
            design: 'store ledger { engine cockroachdb regions a, b holds shared rows }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a or b leaves 1 of 2 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [
                        ['Add a witness in e (it votes, holds the log, serves no reads)', true],
                        ['Add e to the regions', false],
                    ],
                },
            ],
        },
        {
            // replicas 3 over a and b: a 2, b 1, quorum 2. Losing a leaves 1. A witness makes four voters, whose
            // majority is 3: losing a still leaves 2, so no witness helps. Three replicas over a, b and e (one each,
            // quorum 2) survive any loss.
            name: 'offers no witness that cannot save the quorum, and a third region instead',
            design: 'store ledger { engine cockroachdb regions a, b replicas 3 holds shared rows }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a leaves 1 of 3 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [['Add e to the regions', true]],
                },
            ],
        },
        {
            // The same with a declared quorum of 2 (a majority of 3, so the finding points at the regions): a witness
            // would keep a quorum of 2 of 4 voters, which is no majority.
            name: 'points at the regions when the declared quorum is a majority, and offers no minority quorum',
            design: 'store ledger { engine cockroachdb regions a, b replicas 3 holds shared rows replication consensus quorum 2 }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a leaves 1 of 3 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [['Add e to the regions', true]],
                },
            ],
        },
        {
            // A witness in a: a 2 votes, b 1, quorum 2; losing a leaves 1. The store has a witness, so none is
            // offered; adding e (a, b, e and the witness in a: four voters, majority 3) still loses 2 with a.
            name: 'offers nothing a store with a witness in one of its regions can use',
            design: 'store ledger { engine cockroachdb regions a, b witness a holds shared rows }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a leaves 1 of 3 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [],
                },
            ],
        },
        {
            // replicas 2 stay two voters however many regions: over a, b and e they sit in a and b (round robin),
            // and either loss still leaves 1. A witness makes three voters, quorum 2.
            name: 'offers no region that declared replicas would not reach',
            design: 'store ledger { engine cockroachdb regions a, b replicas 2 holds shared rows }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a or b leaves 1 of 2 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [['Add a witness in e (it votes, holds the log, serves no reads)', true]],
                },
            ],
        },
        {
            // replicas 4 over a, b and c: a 2, b 1, c 1, quorum 3; losing a leaves 2. A witness outside makes five
            // voters, quorum 3: any loss leaves 3. The candidates are f, c, d and e less the store's own regions: e
            // has no link to c and f none at all, so both are unknown (tied, in declaration order: f), d is foreign.
            // A voter added in b would also make five, but b already holds one: it is never a candidate.
            name: 'never offers a region the store already uses',
            design: 'store ledger { engine cockroachdb regions a, b, c replicas 4 holds shared rows }',
            expected: [
                {
                    at: 'regions a, b, c',
                    message: `losing a leaves 2 of 4 voters, short of the quorum of 3: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [
                        ['Add a witness in f (it votes, holds the log, serves no reads)', true],
                        ['Add f to the regions', false],
                    ],
                },
            ],
        },
        {
            // Resident in US: d (EU) is no candidate; e and c are, and e is offered.
            name: 'keeps the candidates within the store’s residency',
            design: 'store ledger { engine cockroachdb regions a, b holds shared rows residency US }',
            expected: [
                {
                    at: 'regions a, b',
                    message: `losing a or b leaves 1 of 2 voters, short of the quorum of 2: ledger stops accepting writes until the region returns. ${SURVIVAL}`,
                    fixes: [
                        ['Add a witness in e (it votes, holds the log, serves no reads)', true],
                        ['Add e to the regions', false],
                    ],
                },
            ],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings('consensus-quorum-survival', `${ONPREM}${design}`)).toEqual(expected);
    });

    it('prefers a region in the store’s jurisdiction even when a foreign one is declared first', async () => {
        // d (EU) and e (US) are equally near; the store is in the US: e comes first.
        const text = `topology T
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
region d { provider on-prem jurisdiction EU }
region e { provider on-prem jurisdiction US }
link a <-> b { rtt 10ms }
link a <-> d { rtt 10ms }
link b <-> d { rtt 10ms }
link a <-> e { rtt 10ms }
link b <-> e { rtt 10ms }
store ledger { engine cockroachdb regions a, b holds shared rows }`;
        expect((await findings('consensus-quorum-survival', text)).map((f) => f.fixes)).toEqual([
            [
                ['Add a witness in e (it votes, holds the log, serves no reads)', true],
                ['Add e to the regions', false],
            ],
        ]);
    });

    it('offers nothing when the only other region is outside the store’s residency', async () => {
        const text = `topology T
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
region d { provider on-prem jurisdiction EU }
link a <-> b { rtt 10ms }
link a <-> d { rtt 10ms }
link b <-> d { rtt 10ms }
store ledger { engine cockroachdb regions a, b holds shared rows residency US }`;
        expect((await findings('consensus-quorum-survival', text)).map((f) => f.fixes)).toEqual([[]]);
    });
});

// residency-violation's fix for a foreign witness says whether removing it stops writes after a region loss: judged
// with the quorum of the voters left (a majority of them), not the one derived with the witness.
describe('residency-violation, removing a foreign witness', () => {
    const REMOVE = 'Remove the witness in eu-west-1';
    it.each([
        {
            // Three US voters and the witness: four voters, quorum 3. Without it, three voters and a quorum of 2:
            // any one loss leaves 2. Removing it raises nothing.
            name: 'raises nothing when three regions are left',
            design: 'store ledger { engine cockroachdb regions us-east-1, us-east-2, us-west-2 witness eu-west-1 holds shared rows residency US }',
            fixes: [[REMOVE, true]],
        },
        {
            // Two US voters and the witness. Without it, two voters and a quorum of 2: a loss leaves 1.
            name: 'says that two regions left cannot outlive a loss',
            design: 'store ledger { engine cockroachdb regions us-east-1, us-west-2 witness eu-west-1 holds shared rows residency US }',
            fixes: [[`${REMOVE} — then consensus-quorum-survival: without it, losing a region stops writes`, true]],
        },
    ])('$name', async ({ design, fixes }) => {
        const found = await findings('residency-violation', `${AWS}${design}`);
        expect(found.filter((f) => f.at === 'witness eu-west-1').map((f) => f.fixes)).toEqual([fixes]);
    });
});
