// Every path of the write-latency estimate — who accepts the write, what it then waits for, and the words the
// formula shows — on on-prem regions with no location, so each RTT is a link written below (no measured or
// distance figure can stand in) and every figure is worked by hand from those links in the case's comment.
import { describe, expect, it } from 'vitest';
import {
    estimateWriteLatency,
    latencyKindOf,
    worstWriteLatency,
    writeLatencyAfterLeaderLoss,
} from '../../language/semantics/estimators/write-latency.js';
import { errors, modelOf } from '../helpers/services.js';

// a–b 10 ms, b–c 20 ms, a–c 30 ms; o is 40 ms from both b and c and has no known RTT to a; x has no RTT to anything.
const DESIGN = `topology T
${['a', 'b', 'c', 'o', 'x'].map((r) => `region ${r} { provider on-prem  jurisdiction US }`).join('\n')}
link a <-> b { rtt 10ms }
link b <-> c { rtt 20ms }
link a <-> c { rtt 30ms }
link o <-> b { rtt 40ms }
link o <-> c { rtt 40ms }
`;

async function storeOf(store: string, errorCount = 0) {
    const { model, diagnostics } = await modelOf(`${DESIGN}store s { ${store} }`);
    // Designs meant to be valid must be (a typo would test another store); the few that are not say how many errors.
    expect(errors(diagnostics).map((d) => d.message)).toHaveLength(errorCount);
    return { model, store: model.stores.get('s')! };
}

const ASYNC = (regions: string, writes = 'any-region') =>
    `engine custom regions ${regions} holds shared rows writes ${writes} replication async lag 1s consistency eventual conflicts lww`;
const SYNC = (regions: string) =>
    `engine custom regions ${regions} holds shared rows writes any-region replication sync consistency strong conflicts reject`;
const EACH_QUORUM = (regions: string) =>
    `engine cassandra regions ${regions} holds shared rows consistency-level each-quorum`;
const CONSENSUS = (regions: string, extra = '') =>
    `engine cockroachdb regions ${regions} holds shared rows leader a ${extra}`;
const COSMOS = (regions: string) =>
    `engine cosmosdb regions ${regions} holds shared rows writes primary ${regions.split(',')[0]} replication sync consistency strong`;

interface Case {
    name: string;
    store: string;
    from: string;
    errorCount?: number;
    coordinator: string;
    ms: number | undefined;
    kind: string;
    waitsFor: string[];
    formula: string;
    unknownPairs?: string[][];
    /** The quorum and the voters, for a consensus store. */
    counts?: [number, number];
    label: 'typical' | 'p99 bound' | 'none';
}

describe('the latency of one write', () => {
    it.each<Case>([
        {
            name: 'is 0 when the region it is issued in accepts it and replicates asynchronously',
            store: ASYNC('a, b, c'),
            from: 'b',
            coordinator: 'b',
            ms: 0,
            kind: 'local',
            waitsFor: [],
            formula: 'acknowledged in b (async replication)',
            label: 'none',
        },
        {
            // o holds no replica: the nearest is b or c (40 ms each; a's RTT is unknown), b listed first.
            name: 'from outside the store goes to the nearest replica, the first listed on a tie',
            store: ASYNC('a, b, c'),
            from: 'o',
            coordinator: 'b',
            ms: 40,
            kind: 'local',
            waitsFor: [],
            formula: 'RTT o → b 40 ms + acknowledged in b (async replication)',
            label: 'typical',
        },
        {
            // x has no RTT to any replica: the store's first region takes the write, at an unknown distance.
            name: 'from a region with no known RTT goes to the first replica, and is unknown',
            store: ASYNC('a, b, c'),
            from: 'x',
            coordinator: 'a',
            ms: undefined,
            kind: 'local',
            waitsFor: [],
            formula: 'RTT x → a unknown + acknowledged in a (async replication)',
            unknownPairs: [['x', 'a']],
            label: 'typical',
        },
        {
            // a holds a replica but only c writes: a → c 30 ms.
            name: 'goes to the primary even from a region holding a read replica',
            store: ASYNC('a, b, c', 'primary c'),
            from: 'a',
            coordinator: 'c',
            ms: 30,
            kind: 'local',
            waitsFor: [],
            formula: 'RTT a → c 30 ms + acknowledged in c (async replication)',
            label: 'typical',
        },
        {
            // From c the other replicas are a (30 ms) and b (20 ms): b is nearer.
            name: 'with synchronous replication waits for the nearest other replica',
            store: SYNC('a, b, c'),
            from: 'c',
            coordinator: 'c',
            ms: 20,
            kind: 'sync',
            waitsFor: ['b'],
            formula: 'sync to the nearest replica: RTT c → b 20 ms',
            label: 'typical',
        },
        {
            // From o, c and b are both 40 ms away; the store lists c before b.
            name: 'with synchronous replication waits for the replica listed first of two equally near',
            store: SYNC('o, c, b'),
            from: 'o',
            coordinator: 'o',
            ms: 40,
            kind: 'sync',
            waitsFor: ['c'],
            formula: 'sync to the nearest replica: RTT o → c 40 ms',
            label: 'typical',
        },
        {
            // a–o is unknown, a–b 10 ms: the known one is waited for, the unknown one is listed.
            name: 'with synchronous replication waits for the nearest known replica and lists the unknown pair',
            store: SYNC('a, o, b'),
            from: 'a',
            coordinator: 'a',
            ms: 10,
            kind: 'sync',
            waitsFor: ['b'],
            formula: 'sync to the nearest replica: RTT a → b 10 ms',
            unknownPairs: [['a', 'o']],
            label: 'typical',
        },
        {
            name: 'with synchronous replication is unknown when no other replica has a known RTT',
            store: SYNC('x, a, b'),
            from: 'x',
            coordinator: 'x',
            ms: undefined,
            kind: 'sync',
            waitsFor: [],
            formula: 'sync: RTT to the other replicas unknown',
            unknownPairs: [
                ['x', 'a'],
                ['x', 'b'],
            ],
            label: 'typical',
        },
        {
            name: 'with synchronous replication in one region waits for nothing',
            store: SYNC('a'),
            from: 'a',
            coordinator: 'a',
            ms: 0,
            kind: 'sync',
            waitsFor: [],
            formula: 'sync inside a',
            label: 'none',
        },
        {
            // From b: a 10 ms, c 20 ms; EACH_QUORUM waits for both, so for the farther, c.
            name: 'at EACH_QUORUM waits for the farthest datacenter',
            store: EACH_QUORUM('a, b, c'),
            from: 'b',
            coordinator: 'b',
            ms: 20,
            kind: 'sync',
            waitsFor: ['c'],
            formula: 'EACH_QUORUM waits for a quorum in every datacenter: RTT b → c 20 ms',
            label: 'typical',
        },
        {
            // From o, b and c are both 40 ms away; the store lists b first.
            name: 'at EACH_QUORUM names the datacenter listed first of two equally far',
            store: EACH_QUORUM('o, b, c'),
            from: 'o',
            coordinator: 'o',
            ms: 40,
            kind: 'sync',
            waitsFor: ['b'],
            formula: 'EACH_QUORUM waits for a quorum in every datacenter: RTT o → b 40 ms',
            label: 'typical',
        },
        {
            name: 'at EACH_QUORUM is unknown when one datacenter has no known RTT',
            store: EACH_QUORUM('a, b, x'),
            from: 'a',
            coordinator: 'a',
            ms: undefined,
            kind: 'sync',
            waitsFor: [],
            formula: 'EACH_QUORUM: the RTT to a datacenter is unknown',
            unknownPairs: [['a', 'x']],
            label: 'typical',
        },
        {
            // Leader a, voters a, b, c, quorum 2: a votes for itself, b (10 ms) closes the quorum. From c: 30 ms to a first.
            name: 'to a consensus store pays the trip to the leader, then its quorum round trip',
            store: CONSENSUS('a, b, c'),
            from: 'c',
            coordinator: 'a',
            ms: 30 + 10,
            kind: 'quorum',
            waitsFor: ['b'],
            formula: 'RTT c → a 30 ms + quorum 2 of 3: RTT a → b 10 ms',
            counts: [2, 3],
            label: 'typical',
        },
        {
            // All three voters sit in a (zone survival): the quorum closes inside a; from b only the 10 ms trip to a.
            // (Losing a then stops writes, which the region-survival rule reports: the one error.)
            name: 'to a consensus store whose voters share the leader’s region pays only the trip to the leader',
            store: CONSENSUS('a, b, c', 'survive zone'),
            from: 'b',
            errorCount: 1,
            coordinator: 'a',
            ms: 10,
            kind: 'quorum',
            waitsFor: [],
            formula: 'RTT b → a 10 ms + quorum 2 of 3 inside a',
            counts: [2, 3],
            label: 'typical',
        },
        {
            // A GLOBAL table adds the 250 ms max clock offset (docs/facts.md#cockroachdb-multi-region) to the 10 ms quorum.
            name: 'to a GLOBAL table waits out the max clock offset after its quorum',
            store: CONSENSUS('a, b, c', 'locality global'),
            from: 'a',
            coordinator: 'a',
            ms: 10 + 250,
            kind: 'quorum',
            waitsFor: ['b'],
            formula:
                'quorum 2 of 3: RTT a → b 10 ms + 250 ms commit wait of a GLOBAL table (max clock offset, docs/facts.md#cockroachdb-multi-region)',
            counts: [2, 3],
            label: 'typical',
        },
        {
            name: 'to a consensus store is unknown when a voter has no known RTT from the leader',
            store: CONSENSUS('a, b, x'),
            from: 'a',
            coordinator: 'a',
            ms: undefined,
            kind: 'quorum',
            waitsFor: [],
            formula: 'quorum 2 of 3: an RTT is unknown',
            counts: [2, 3],
            unknownPairs: [['a', 'x']],
            label: 'typical',
        },
        {
            // A quorum of 4 out of 3 voters: no write can ever be acknowledged (the checker reports it, twice).
            name: 'to a consensus store with a quorum larger than its voters never completes',
            store: CONSENSUS('a, b, c', 'replication consensus quorum 4'),
            from: 'a',
            errorCount: 2,
            coordinator: 'a',
            ms: undefined,
            kind: 'quorum',
            waitsFor: [],
            formula: 'quorum 4 of 3 voters can never be reached',
            counts: [4, 3],
            label: 'typical',
        },
        {
            // The farthest pair is a–c, 30 ms: 2 × 30 + 10 = 70 ms (docs/facts.md#cosmos-strong-write-latency).
            name: 'to Cosmos DB strong waits twice the farthest pair’s RTT plus 10 ms',
            store: COSMOS('a, b, c'),
            from: 'a',
            coordinator: 'a',
            ms: 2 * 30 + 10,
            kind: 'cosmos-strong',
            waitsFor: ['a', 'c'],
            formula: '2 × RTT a ↔ c 30 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
            label: 'p99 bound',
        },
        {
            // o–b and o–c are both 40 ms (b–c 20): the first pair found, o–b, is named; 2 × 40 + 10 = 90 ms.
            name: 'to Cosmos DB strong names the first of two equally far pairs',
            store: COSMOS('o, b, c'),
            from: 'o',
            coordinator: 'o',
            ms: 2 * 40 + 10,
            kind: 'cosmos-strong',
            waitsFor: ['o', 'b'],
            formula: '2 × RTT o ↔ b 40 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
            label: 'p99 bound',
        },
        {
            // Only a–b (10 ms) is known: 2 × 10 + 10 = 30 ms, a lower figure, with the two unknown pairs listed.
            name: 'to Cosmos DB strong uses the farthest known pair and lists the unknown ones',
            store: COSMOS('a, b, x'),
            from: 'a',
            coordinator: 'a',
            ms: 2 * 10 + 10,
            kind: 'cosmos-strong',
            waitsFor: ['a', 'b'],
            formula: '2 × RTT a ↔ b 10 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
            unknownPairs: [
                ['a', 'x'],
                ['b', 'x'],
            ],
            label: 'p99 bound',
        },
        {
            name: 'to Cosmos DB strong is unknown when no pair has a known RTT',
            store: COSMOS('x, a'),
            from: 'x',
            coordinator: 'x',
            ms: undefined,
            kind: 'cosmos-strong',
            waitsFor: [],
            formula: 'Cosmos DB strong: RTT between the farthest regions unknown',
            unknownPairs: [['x', 'a']],
            label: 'typical',
        },
        {
            // Strong consistency in one region has no other region to agree with.
            name: 'to Cosmos DB strong in one region is acknowledged in that region',
            store: 'engine cosmosdb regions a holds shared rows consistency strong',
            from: 'a',
            coordinator: 'a',
            ms: 0,
            kind: 'local',
            waitsFor: [],
            formula: 'acknowledged in a (none replication)',
            label: 'none',
        },
        {
            // Session consistency: no global majority, only b's 10 ms trip to the primary a.
            name: 'to Cosmos DB below strong consistency pays no global write',
            store: 'engine cosmosdb regions a, b, c holds shared rows writes primary a replication async lag 1s consistency session',
            from: 'b',
            coordinator: 'a',
            ms: 10,
            kind: 'local',
            waitsFor: [],
            formula: 'RTT b → a 10 ms + acknowledged in a (async replication)',
            label: 'typical',
        },
        {
            // A store without regions (an error) has no replica to send the write to: it stays where it is issued.
            name: 'to a store without regions is acknowledged where it is issued',
            store: 'engine custom holds shared rows',
            from: 'a',
            errorCount: 1,
            coordinator: 'a',
            ms: 0,
            kind: 'local',
            waitsFor: [],
            formula: 'acknowledged in a (none replication)',
            label: 'none',
        },
    ])('$name', async (c) => {
        const { model, store } = await storeOf(c.store, c.errorCount);
        const e = estimateWriteLatency(model, store, c.from);
        expect({
            coordinator: e.coordinator,
            ms: e.ms,
            kind: e.kind,
            waitsFor: e.waitsFor,
            formula: e.formula,
            unknownPairs: e.unknownPairs,
            counts: [e.quorum, e.voters],
            label: latencyKindOf(e),
            // An unknown figure has no range either.
            hasRange: e.range !== undefined,
        }).toEqual({
            coordinator: c.coordinator,
            ms: c.ms,
            kind: c.kind,
            waitsFor: c.waitsFor,
            formula: c.formula,
            unknownPairs: c.unknownPairs ?? [],
            counts: c.counts ?? [undefined, undefined],
            label: c.label,
            hasRange: c.ms !== undefined,
        });
        // The figure is the trip to the coordinator plus the replication wait, as the formula reads.
        if (c.ms !== undefined) expect(e.forwardMs! + e.replicationMs!).toBe(c.ms);
    });

    it.each([
        {
            name: 'a write acknowledged where it is issued says so',
            store: ASYNC('a, b, c'),
            why: {
                best: 'acknowledged where it is written',
                typical: 'acknowledged where it is written',
                worst: 'acknowledged where it is written',
            },
        },
        {
            name: 'a write over the links says the links give means and no p99',
            store: SYNC('a, b, c'),
            why: {
                best: 'no lower percentile of the links is sourced',
                typical: 'mean RTTs (docs/facts.md#cloudping-rtt-matrix) or the declared links',
                worst: "the links' p99 is not sourced (docs/facts.md#cloudping-rtt-matrix gives means)",
            },
        },
        {
            name: 'a Cosmos DB strong write says its one figure is the documented p99 bound',
            store: COSMOS('a, b, c'),
            why: {
                best: 'no typical figure is sourced: the p99 bound (docs/facts.md#cosmos-strong-write-latency)',
                typical: 'no typical figure is sourced: the p99 bound (docs/facts.md#cosmos-strong-write-latency)',
                worst: 'the documented p99 bound (docs/facts.md#cosmos-strong-write-latency)',
            },
        },
    ])('the range of $name', async ({ store: text, why }) => {
        const { model, store } = await storeOf(text);
        expect(estimateWriteLatency(model, store, 'a').range?.why).toEqual(why);
    });
});

describe('the unknown pairs of a write', () => {
    it('are listed up to 100', async () => {
        // Cosmos DB strong over 15 regions with no RTT between any two: 15 × 14 / 2 = 105 unknown pairs, in the order
        // r1–r2 … r1–r15 (14), r2–… (13), … r11–… (4): 14 + 13 + … + 4 = 99 pairs, then r12–r13 is the 100th.
        const names = Array.from({ length: 15 }, (_, i) => `r${i + 1}`);
        const { model } = await modelOf(`topology T
${names.map((r) => `region ${r} { provider on-prem  jurisdiction US }`).join('\n')}
store s { engine cosmosdb regions ${names.join(', ')} holds shared rows writes primary r1 replication sync consistency strong }`);
        const e = estimateWriteLatency(model, model.stores.get('s')!, 'r1');
        expect([e.unknownPairs.length, e.unknownPairs[0], e.unknownPairs[99]]).toEqual([
            100,
            ['r1', 'r2'],
            ['r12', 'r13'],
        ]);
    });
});

describe('the worst write latency over several origins', () => {
    it.each([
        {
            // Sync from a: 10 ms (b); from c: 20 ms (b); from x: unknown (no RTT to a, the first replica). c is worst.
            name: 'is the slowest known one, an unknown one aside',
            store: SYNC('a, b, c'),
            origins: ['x', 'a', 'c'],
            from: 'c',
            ms: 20,
        },
        {
            // From x the write's latency is unknown; from b (a replica, async) it is 0 ms, a known figure, so b.
            name: 'is a write acknowledged at once rather than an unknown one',
            store: ASYNC('a, b, c'),
            origins: ['x', 'b'],
            from: 'b',
            ms: 0,
        },
        {
            // Primary o: from b 40 ms, from c 40 ms. The first of the two is kept.
            name: 'is the first origin of two equally slow ones',
            store: ASYNC('o, b, c', 'primary o'),
            origins: ['b', 'c'],
            from: 'b',
            ms: 40,
        },
        {
            // Primary x: neither a nor b has a known RTT to x. The first is kept, unknown.
            name: 'is the first origin when none is known',
            store: ASYNC('x, a, b', 'primary x'),
            origins: ['a', 'b'],
            from: 'a',
            ms: undefined,
        },
    ])('$name', async ({ store: text, origins, from, ms }) => {
        const { model, store } = await storeOf(text);
        const worst = worstWriteLatency(model, store, origins);
        expect([worst?.from, worst?.ms]).toEqual([from, ms]);
    });

    it('is nothing with no origin', async () => {
        const { model, store } = await storeOf(SYNC('a, b'));
        expect(worstWriteLatency(model, store, [])).toBeUndefined();
    });
});

describe('a write once the leader’s region is lost', () => {
    it.each([
        {
            // Leader a lost; b and c keep one voter each and need both for the quorum of 2. b (listed first, equal
            // votes) is elected; its quorum closes at c, 20 ms. From b itself: 20 ms.
            name: 'from the elected region pays only its quorum round trip',
            store: CONSENSUS('a, b, c'),
            from: 'b',
            expected: { failed: 'a', leader: 'b', ms: 20, formula: 'quorum RTT b → c 20 ms' },
        },
        {
            // From c: 20 ms to the new leader b, then b's 20 ms quorum.
            name: 'from another region pays the trip to the new leader first',
            store: CONSENSUS('a, b, c'),
            from: 'c',
            expected: { failed: 'a', leader: 'b', ms: 20 + 20, formula: 'RTT c → b 20 ms + quorum RTT b → c 20 ms' },
        },
        {
            // Five voters round-robin over a, c, b: a 2, c 2, b 1; quorum 3. With a lost, c (2 votes) is elected over
            // b: its quorum is its own two voters and b, 20 ms. From b: 20 + 20 ms.
            name: 'elects the surviving region with the most voters',
            store: CONSENSUS('a, c, b', 'replicas 5'),
            from: 'b',
            expected: { failed: 'a', leader: 'c', ms: 20 + 20, formula: 'RTT b → c 20 ms + quorum RTT c → b 20 ms' },
        },
        {
            // Three replicas (a, b, c) and a witness in c: c holds 2 of the 4 voters, b 1; quorum 3. With a lost, c (the
            // most voters, though listed after b) is elected; its quorum is its two voters and b, 20 ms. From b:
            // 20 ms to c, then 20 ms. (Losing c instead would leave 2 of 4 voters: the one error the checker reports.)
            name: 'elects the survivor with the most voters even when it is listed later',
            store: CONSENSUS('a, b, c', 'witness c'),
            errorCount: 1,
            from: 'b',
            expected: { failed: 'a', leader: 'c', ms: 20 + 20, formula: 'RTT b → c 20 ms + quorum RTT c → b 20 ms' },
        },
        {
            // Six voters round-robin over a, b, c: two each; quorum 2 (declared). With a lost, b (two votes, listed
            // before c) is elected and its own two voters make the quorum: 0 ms. From c: the 20 ms trip to b.
            name: 'needs no round trip when the new leader’s region holds a quorum',
            store: CONSENSUS('a, b, c', 'replicas 6 replication consensus quorum 2'),
            from: 'c',
            expected: { failed: 'a', leader: 'b', ms: 20, formula: 'RTT c → b 20 ms + quorum inside b' },
        },
        {
            // A GLOBAL table still waits out the 250 ms max clock offset (docs/facts.md#cockroachdb-multi-region).
            name: 'to a GLOBAL table adds the commit wait',
            store: CONSENSUS('a, b, c', 'locality global'),
            from: 'b',
            expected: {
                failed: 'a',
                leader: 'b',
                ms: 20 + 250,
                formula: 'quorum RTT b → c 20 ms + 250 ms commit wait',
            },
        },
        {
            // x has no RTT to b: the new leader is known, the latency is not.
            name: 'from a region with no known RTT to the new leader names the missing trip',
            store: CONSENSUS('a, b, c'),
            from: 'x',
            expected: { failed: 'a', leader: 'b', formula: 'RTT x → b unknown' },
        },
        {
            // With a lost, b and x remain, but b–x has no known RTT: no quorum of 2 can be worked out.
            name: 'when no survivor has known RTTs to a quorum says so',
            store: CONSENSUS('a, b, x'),
            from: 'b',
            expected: { failed: 'a', formula: 'no surviving region reaches a quorum of 2' },
        },
    ])('$name', async ({ store: text, errorCount, from, expected }) => {
        const { model, store } = await storeOf(text, errorCount);
        expect(writeLatencyAfterLeaderLoss(model, store, from)).toEqual(expected);
    });

    it('is not estimated for a row homed where it is written', async () => {
        // A regional-by-row row written in b is ordered in b: losing a does not move it.
        const { model, store } = await storeOf(CONSENSUS('a, b, c', 'locality regional-by-row'));
        expect(writeLatencyAfterLeaderLoss(model, store, 'b')).toBeUndefined();
    });
});
