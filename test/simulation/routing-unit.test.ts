// Where a write goes and what it waits for (simulation/routing.ts), on a hand-built plan of four regions and
// hand-built stores: the coordinator each write policy picks, the wait each replication mode adds, the refusals
// when a quorum is out of reach, and the replica a read is served by. Every figure is worked by hand from the
// RTT table below (fast enough to run per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import type { FaultState } from '../../simulation/faults.js';
import type { Plan, StorePlan } from '../../simulation/plan.js';
import {
    initialStoreRouting,
    nearestOf,
    quorumWait,
    readReplica,
    Status,
    type StoreRouting,
    writeOutcome,
    type WriteOutcome,
} from '../../simulation/routing.js';

// Regions 0 … 3. RTTs (ms): 0–1 60, 0–2 80, 0–3 80 (a tie with 0–2), 1–2 140, 1–3 120, 2–3 200; 0 on the diagonal.
const R = 4;
const RTT: Record<string, number> = { '0-1': 60, '0-2': 80, '0-3': 80, '1-2': 140, '1-3': 120, '2-3': 200 };
const rtt = new Float64Array(R * R);
for (const [pair, ms] of Object.entries(RTT)) {
    const [a, b] = pair.split('-').map(Number) as [number, number];
    rtt[a * R + b] = ms;
    rtt[b * R + a] = ms;
}
const plan = { regions: ['r0', 'r1', 'r2', 'r3'], rtt } as unknown as Plan;

/** Regions `down`, and pairs `cut` (`"a-b"`) partitioned from each other. */
function faults(down: number[] = [], cut: string[] = []): FaultState {
    const isDown = (r: number) => down.includes(r);
    const parted = (a: number, b: number) => cut.includes(`${a}-${b}`) || cut.includes(`${b}-${a}`);
    return { isDown, unreachable: (a: number, b: number) => isDown(a) || isDown(b) || parted(a, b) } as FaultState;
}

interface StoreSpec {
    replicas: number[];
    mode?: string;
    policy?: string;
    primary?: number;
    votes?: number[];
    quorum?: number;
    leader?: number;
    voters?: number[];
    votersByHome?: [number, number[]][];
    perRow?: boolean;
    commitWaitMs?: number;
    strongReads?: boolean;
    cosmosStrongMs?: number;
    cassandra?: string;
}

/** Only what routing.ts reads of a store plan. */
function store(spec: StoreSpec): StorePlan {
    const slotOf = new Int32Array(R).fill(-1);
    spec.replicas.forEach((r, slot) => (slotOf[r] = slot));
    return {
        replicas: spec.replicas,
        slotOf,
        mode: spec.mode ?? 'async',
        policy: spec.policy ?? 'any-region',
        primary: spec.primary ?? -1,
        votes: Int32Array.from(spec.votes ?? [0, 0, 0, 0]),
        quorum: spec.quorum ?? 0,
        leader: spec.leader ?? -1,
        voters: spec.voters ?? [],
        votersByHome: new Map(spec.votersByHome ?? []),
        perRow: spec.perRow ?? false,
        commitWaitMs: spec.commitWaitMs ?? 0,
        strongReads: spec.strongReads ?? false,
        cosmosStrongMs: spec.cosmosStrongMs,
        model: spec.cassandra === undefined ? {} : { cassandraLevel: { level: spec.cassandra } },
    } as unknown as StorePlan;
}

function routing(s: StorePlan, over: Partial<StoreRouting> = {}): StoreRouting {
    return { ...initialStoreRouting(plan, s), ...over };
}

const ASYNC: StoreSpec = { replicas: [0, 1] };
const PRIMARY: StoreSpec = { replicas: [0, 1], policy: 'primary', primary: 1 };
const HOMED: StoreSpec = { replicas: [0, 1], policy: 'home-region' };
const SYNC: StoreSpec = { replicas: [0, 1, 2], mode: 'sync', votes: [1, 1, 1, 0], quorum: 2 };
const EACH: StoreSpec = { ...SYNC, cassandra: 'each-quorum' };
const LOCAL_QUORUM: StoreSpec = { ...SYNC, cassandra: 'local-quorum' };
const COSMOS: StoreSpec = { replicas: [0, 1, 2], mode: 'sync', cosmosStrongMs: 290 };
const COSMOS4: StoreSpec = { replicas: [0, 1, 2, 3], mode: 'sync', cosmosStrongMs: 410 };
const SPANNER: StoreSpec = {
    replicas: [0, 1, 2],
    mode: 'consensus',
    leader: 0,
    voters: [0, 1, 2],
    quorum: 2,
    votes: [1, 1, 1, 0],
};
// Rows homed in 1 vote with two voters in 1 and one in 2: their quorum closes in 1, at 0 ms.
const BY_ROW: StoreSpec = { ...SPANNER, perRow: true, votersByHome: [[1, [1, 1, 2]]] };
// Five placed voters 0, 0, 1, 2, 2 and a quorum of 3: from 0 the third nearest is 1, 60 ms (with one vote per
// region it would be 2, 80 ms).
const FIVE: StoreSpec = { ...SPANNER, voters: [0, 0, 1, 2, 2], quorum: 3 };
// A consensus store without a placed leader votes with its votes per region: voters 0, 1, 1.
const VOTES: StoreSpec = { replicas: [0, 1], mode: 'consensus', votes: [1, 2, 0, 0], quorum: 2 };

interface Case {
    name: string;
    spec: StoreSpec;
    from: number;
    home?: number;
    down?: number[];
    cut?: string[];
    over?: Partial<StoreRouting>;
    status: number;
    location: number;
    latencyMs: number;
}

const { ok, unavailable, noQuorum } = Status;

const cases: Case[] = [
    { name: 'no serving region: unavailable', spec: ASYNC, from: -1, status: unavailable, location: -1, latencyMs: 0 },
    {
        name: 'serving region down: unavailable',
        spec: ASYNC,
        from: 0,
        down: [0],
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    { name: 'async, local replica: written here, 0 ms', spec: ASYNC, from: 0, status: ok, location: 0, latencyMs: 0 },
    // From 2: replica 0 is 80 ms away, replica 1 140 ms.
    {
        name: 'async, no local replica: the nearest, 80 ms',
        spec: ASYNC,
        from: 2,
        status: ok,
        location: 0,
        latencyMs: 80,
    },
    {
        name: 'async, nearest cut off: the next one, 140 ms',
        spec: ASYNC,
        from: 2,
        cut: ['0-2'],
        status: ok,
        location: 1,
        latencyMs: 140,
    },
    {
        name: 'async, nearest down: the next one, 140 ms',
        spec: ASYNC,
        from: 2,
        down: [0],
        status: ok,
        location: 1,
        latencyMs: 140,
    },
    {
        name: 'async, every replica cut off: unavailable',
        spec: ASYNC,
        from: 2,
        cut: ['0-2', '1-2'],
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'primary: forwarded from 0 to the primary 1, 60 ms',
        spec: PRIMARY,
        from: 0,
        status: ok,
        location: 1,
        latencyMs: 60,
    },
    {
        name: 'primary moved to 0 by a promotion: local, 0 ms',
        spec: PRIMARY,
        from: 0,
        over: { primary: 0 },
        status: ok,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'stale primary 0, from 0: written there',
        spec: PRIMARY,
        from: 0,
        over: { stalePrimary: 0 },
        status: ok,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'stale primary 0, from 2: the primary 1',
        spec: PRIMARY,
        from: 2,
        over: { stalePrimary: 0 },
        status: ok,
        location: 1,
        latencyMs: 140,
    },
    {
        name: 'primary with no region: unavailable',
        spec: PRIMARY,
        from: 0,
        over: { primary: -1 },
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'primary cut off from the writer: unavailable',
        spec: PRIMARY,
        from: 0,
        cut: ['0-1'],
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'home-region, key homed in 1, from 0: 60 ms',
        spec: HOMED,
        from: 0,
        home: 1,
        status: ok,
        location: 1,
        latencyMs: 60,
    },
    // Region 3 has no replica: its keys are homed in its nearest replica, 0 (80 ms; 1 is 120 ms).
    {
        name: 'home-region, key homed in 3 (no replica), from 1',
        spec: HOMED,
        from: 1,
        home: 3,
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    {
        name: 'home-region, keys of 0 re-homed in 1, from 0',
        spec: HOMED,
        from: 0,
        home: 0,
        over: { homeLocation: Int32Array.of(1, 1, 0, 0) },
        status: ok,
        location: 1,
        latencyMs: 60,
    },
    // Sync: coordinator 0, the nearest other voter 1 (60 ms) acknowledges.
    { name: 'sync from 0: waits for voter 1, 60 ms', spec: SYNC, from: 0, status: ok, location: 0, latencyMs: 60 },
    {
        name: 'sync from 0, 1 cut off: waits for voter 2, 80 ms',
        spec: SYNC,
        from: 0,
        cut: ['0-1'],
        status: ok,
        location: 0,
        latencyMs: 80,
    },
    {
        name: 'sync from 3: forward to 0 (80) + voter 1 (60)',
        spec: SYNC,
        from: 3,
        status: ok,
        location: 0,
        latencyMs: 140,
    },
    {
        name: 'sync from 0, every voter cut off: no quorum',
        spec: SYNC,
        from: 0,
        cut: ['0-1', '0-2'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
    // EACH_QUORUM: the farthest other voter closes the write: from 0, 2 (80 ms); from 1, 2 (140 ms).
    {
        name: 'each-quorum from 0: the farthest voter, 80 ms',
        spec: EACH,
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 80,
    },
    {
        name: 'each-quorum from 1: the farthest voter, 140 ms',
        spec: EACH,
        from: 1,
        status: ok,
        location: 1,
        latencyMs: 140,
    },
    // Region 3 holds no voter: cutting it off changes nothing.
    {
        name: 'each-quorum from 0, non-voter 3 cut: 80 ms',
        spec: EACH,
        from: 0,
        cut: ['0-3'],
        status: ok,
        location: 0,
        latencyMs: 80,
    },
    {
        name: 'each-quorum from 0, voter 1 cut off: no quorum',
        spec: EACH,
        from: 0,
        cut: ['0-1'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'local-quorum from 1: the nearest voter, 60 ms',
        spec: LOCAL_QUORUM,
        from: 1,
        status: ok,
        location: 1,
        latencyMs: 60,
    },
    {
        name: 'cosmos strong from 0: its fixed wait, 290 ms',
        spec: COSMOS,
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 290,
    },
    // Two of three regions reachable is a majority; one of three, or two of four, is not.
    {
        name: 'cosmos strong, 2 of 3 regions reachable: accepted',
        spec: COSMOS,
        from: 0,
        down: [2],
        status: ok,
        location: 0,
        latencyMs: 290,
    },
    {
        name: 'cosmos strong, 1 of 3 regions reachable: refused',
        spec: COSMOS,
        from: 0,
        cut: ['0-1', '0-2'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'cosmos strong, 2 of 4 regions reachable: refused',
        spec: COSMOS4,
        from: 0,
        cut: ['0-1', '0-2'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'cosmos strong, 3 of 4 regions reachable: accepted',
        spec: COSMOS4,
        from: 1,
        cut: ['1-3'],
        status: ok,
        location: 1,
        latencyMs: 410,
    },
    // Consensus: leader 0, voters 0, 1, 2, quorum 2: the second nearest voter from 0 is 1, 60 ms.
    {
        name: 'consensus from the leader 0: quorum at 60 ms',
        spec: SPANNER,
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    {
        name: 'consensus from 3: forward 80 + quorum 60',
        spec: SPANNER,
        from: 3,
        status: ok,
        location: 0,
        latencyMs: 140,
    },
    {
        name: 'consensus, commit wait 250 ms added to the quorum',
        spec: { ...SPANNER, commitWaitMs: 250 },
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 310,
    },
    {
        name: 'consensus from 0, voter 1 cut off: quorum via 2, 80',
        spec: SPANNER,
        from: 0,
        cut: ['0-1'],
        status: ok,
        location: 0,
        latencyMs: 80,
    },
    {
        name: 'consensus from 0, voters 1 and 2 cut off: refused',
        spec: SPANNER,
        from: 0,
        cut: ['0-1', '0-2'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
    {
        name: 'consensus leader moved to 1: from 0, 60 + 60',
        spec: SPANNER,
        from: 0,
        over: { leader: 1 },
        status: ok,
        location: 1,
        latencyMs: 120,
    },
    {
        name: 'consensus, writer cut off from the leader: refused',
        spec: SPANNER,
        from: 3,
        cut: ['0-3'],
        status: noQuorum,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'consensus, election running: unavailable',
        spec: SPANNER,
        from: 0,
        over: { leader: -1, candidate: 1 },
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'consensus, no region can lead: no quorum',
        spec: SPANNER,
        from: 0,
        over: { leader: -1, candidate: -1 },
        status: noQuorum,
        location: -1,
        latencyMs: 0,
    },
    {
        name: 'consensus, five voters from 0: the third, 60',
        spec: FIVE,
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    // An election that will install region 0 is still an election.
    {
        name: 'consensus, election for region 0: unavailable',
        spec: SPANNER,
        from: 0,
        over: { leader: -1, candidate: 0 },
        status: unavailable,
        location: -1,
        latencyMs: 0,
    },
    // Regional by row: rows homed in 1 are ordered in 1 with their own voters even without a leader.
    {
        name: 'by-row from 1: its own rows, no leader needed',
        spec: BY_ROW,
        from: 1,
        over: { leader: -1, candidate: -1 },
        status: ok,
        location: 1,
        latencyMs: 0,
    },
    // Rows homed in 0 (the first replica) are ordered in 0 with the placed voters, wherever the leader is.
    {
        name: 'by-row from 0, leader in 1: own rows in 0',
        spec: BY_ROW,
        from: 0,
        over: { leader: 1 },
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    {
        name: 'by-row from 0, no leader: own rows in 0',
        spec: BY_ROW,
        from: 0,
        over: { leader: -1, candidate: -1 },
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    {
        name: 'by-row from 3 (no row home): the leader 0',
        spec: BY_ROW,
        from: 3,
        status: ok,
        location: 0,
        latencyMs: 140,
    },
    {
        name: 'by-row from 3, no leader: no quorum',
        spec: BY_ROW,
        from: 3,
        over: { leader: -1, candidate: -1 },
        status: noQuorum,
        location: -1,
        latencyMs: 0,
    },
    // Votes per region 0:1, 1:2: from 1 the voters are 1, 1, 0: the second nearest is 1 itself, 0 ms.
    {
        name: 'consensus by votes from 1: quorum in 1, 0 ms',
        spec: VOTES,
        from: 1,
        status: ok,
        location: 1,
        latencyMs: 0,
    },
    {
        name: 'consensus by votes from 0: quorum closes at 60 ms',
        spec: VOTES,
        from: 0,
        status: ok,
        location: 0,
        latencyMs: 60,
    },
    {
        name: 'consensus by votes from 0, 1 cut: no quorum',
        spec: VOTES,
        from: 0,
        cut: ['0-1'],
        status: noQuorum,
        location: 0,
        latencyMs: 0,
    },
];

describe('writeOutcome: the coordinator and the wait of a write', () => {
    it.each(cases)('$name', (c) => {
        const s = store(c.spec);
        // A used scratch: every field is reset.
        const out: WriteOutcome = { status: 9, location: 9, latencyMs: 999 };
        const result = writeOutcome(plan, faults(c.down, c.cut), s, routing(s, c.over), c.from, c.home ?? c.from, out);
        expect(result).toBe(out);
        expect(out).toEqual({ status: c.status, location: c.location, latencyMs: c.latencyMs });
    });
});

describe('nearestOf: the candidate with the smallest RTT', () => {
    it.each([
        { name: 'from 1: 0 (60 ms) before 3 (120 ms)', from: 1, candidates: [3, 0], usable: [] as number[], want: 0 },
        { name: 'from 0, a tie of 80 ms: 3 declared first', from: 0, candidates: [3, 2], usable: [], want: 3 },
        { name: 'from 0, a tie of 80 ms: 2 declared first', from: 0, candidates: [2, 3], usable: [], want: 2 },
        { name: 'from 2, its own region is a candidate: itself', from: 2, candidates: [0, 2], usable: [], want: 2 },
        { name: 'from 1, 0 unusable: 3', from: 1, candidates: [0, 3], usable: [0], want: 3 },
        { name: 'from 1, every candidate unusable: none', from: 1, candidates: [0, 3], usable: [0, 3], want: -1 },
        { name: 'from 1, no candidate at all: none', from: 1, candidates: [], usable: [], want: -1 },
    ])('$name', ({ from, candidates, usable, want }) => {
        expect(nearestOf(plan, from, candidates, (r) => !usable.includes(r))).toBe(want);
    });

    it('takes every candidate as usable when no filter is given', () => {
        expect(nearestOf(plan, 2, [1, 0])).toBe(0);
    });
});

describe('initialStoreRouting: where a store accepts writes at the start', () => {
    it.each([
        // Regions 2 and 3 have no replica: 2's nearest is 0 (80 vs 140), 3's is 0 (80 vs 120).
        { name: 'replicas 0, 1: keys of 2 and 3 homed in 0', spec: HOMED, homes: [0, 1, 0, 0] },
        // Replicas 1, 2: 0 → 1 (60 vs 80), 3 → 1 (120 vs 200).
        {
            name: 'replicas 1, 2: keys of 0 and 3 homed in 1',
            spec: { ...HOMED, replicas: [1, 2] },
            homes: [1, 1, 2, 1],
        },
    ])('$name', ({ spec, homes }) => {
        expect([...initialStoreRouting(plan, store(spec)).homeLocation]).toEqual(homes);
    });

    it('copies the primary and the leader, with no stale primary, candidate or election yet', () => {
        const r = initialStoreRouting(plan, store({ ...SPANNER, primary: 2 }));
        expect({ ...r, homeLocation: undefined }).toEqual({
            primary: 2,
            stalePrimary: -1,
            leader: 0,
            candidate: -1,
            electionStamp: 0,
            homeLocation: undefined,
        });
    });
});

describe('quorumWait: the round trip that completes a quorum from a coordinator', () => {
    it.each([
        { name: 'placed voters 0, 1, 2 from 0: 60 ms', spec: SPANNER, at: 0, cut: [] as string[], want: 60 },
        // Rows homed in 1 use 1, 1, 2: from 1, 0 ms twice, so 0 (the placed voters would give 60).
        { name: 'rows homed in 1 use their own voters: 0 ms', spec: BY_ROW, at: 1, cut: [], want: 0 },
        { name: 'five placed voters from 0, quorum 3: 60 ms', spec: FIVE, at: 0, cut: [], want: 60 },
        // Without voters of its own, 2 uses the placed ones: 0 (80), 2 (0), 1 (140) → 80.
        { name: 'no voters homed in 2: the placed ones, 80 ms', spec: BY_ROW, at: 2, cut: [], want: 80 },
        { name: 'votes per region 0:1, 1:2 from 0: 60 ms', spec: VOTES, at: 0, cut: [], want: 60 },
        { name: 'sync votes 1 each from 2: 80 ms', spec: SYNC, at: 2, cut: [], want: 80 },
        { name: 'quorum out of reach: -1', spec: SPANNER, at: 0, cut: ['0-1', '0-2'], want: -1 },
    ])('$name', ({ spec, at, cut, want }) => {
        expect(quorumWait(plan, faults([], cut), store(spec), at)).toBe(want);
    });
});

describe('readReplica: the replica a read is served by', () => {
    it.each([
        { name: 'no serving region: none', spec: ASYNC, from: -1, down: [] as number[], cut: [] as string[], want: -1 },
        { name: 'serving region down: none', spec: ASYNC, from: 1, down: [1], cut: [], want: -1 },
        { name: 'eventual read from 2: the nearest, 0', spec: ASYNC, from: 2, down: [], cut: [], want: 0 },
        { name: 'eventual read from 2, 0 cut off: 1', spec: ASYNC, from: 2, down: [], cut: ['0-2'], want: 1 },
        // A primary store's eventual reads stay local even though its writes go to 1.
        { name: 'eventual read of a primary store from 0: local', spec: PRIMARY, from: 0, down: [], cut: [], want: 0 },
        {
            name: 'strong read of a primary store from 0: primary',
            spec: { ...PRIMARY, strongReads: true },
            from: 0,
            down: [],
            cut: [],
            want: 1,
        },
        {
            name: 'strong read, primary cut off: none',
            spec: { ...PRIMARY, strongReads: true },
            from: 0,
            down: [],
            cut: ['0-1'],
            want: -1,
        },
        {
            name: 'strong read, sync quorum lost: none',
            spec: { ...SYNC, strongReads: true },
            from: 0,
            down: [],
            cut: ['0-1', '0-2'],
            want: -1,
        },
        // A strong read of a home-region store asks the reader's own keys' home.
        {
            name: 'strong read, home-region from 3: keys homed in 0',
            spec: { ...HOMED, strongReads: true },
            from: 3,
            down: [],
            cut: [],
            want: 0,
        },
    ])('$name', ({ spec, from, down, cut, want }) => {
        const s = store(spec);
        expect(readReplica(plan, faults(down, cut), s, routing(s), from)).toBe(want);
    });
});
