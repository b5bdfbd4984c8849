// Writes accepted and refused (simulation/engine/mechanisms/writes.ts), on a hand-built engine context whose
// outcome tables are set by hand and whose random draws are scripted: which slot a write takes during a DNS
// transition, whether the serving region takes it, which key class, then what it counts — accepted per replica,
// refused for want of a quorum, failed, refused by a sync store's conflict check or a staleness bound — once
// the cells are settled (settleCounts) and flushed. Every figure is worked by hand in its row (fast enough to run
// per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventQueue } from '../../simulation/engine/event-queue.js';
import type { ArrivalProcess } from '../../simulation/engine/arrival-process.js';
import type { SteadyWrites } from '../../simulation/engine/steady-writes.js';
import {
    flushLatencies,
    onArrival,
    processingMeansOf,
    settleCounts,
    type WriteDraws,
} from '../../simulation/engine/mechanisms/writes.js';
import { newGroup, newStoreCounters } from '../../simulation/engine/run-state.js';
import { binOf } from '../../simulation/metrics/histogram.js';
import type { GroupPlan, Plan, StorePlan, StreamPlan, WorkloadPlan } from '../../simulation/plan.js';
import { Status } from '../../simulation/routing.js';
import type { GroupRuntime, Transition } from '../../simulation/runtime.js';

// Regions 0, 1, 2 (RTT 0–1 60 ms); key classes: 0 (the origin's own keys), 1 + h (shared keys homed in h).
const R = 3;
const C = 1 + R;
const rtt = new Float64Array(R * R);
rtt[0 * R + 1] = rtt[1 * R + 0] = 60;

function storePlan(index: number, replicas: number[], extra: Partial<StorePlan> = {}): StorePlan {
    const slotOf = new Int32Array(R).fill(-1);
    replicas.forEach((r, slot) => (slotOf[r] = slot));
    return { index, replicas, slotOf, keyOffsets: new Map([[0, 5]]), ...extra } as unknown as StorePlan;
}

// Store 0: replicas 0 and 1 (its tracked keys of workload 0 start at offset 5). Store 1: replicas 0 and 2.
const STORES = [storePlan(0, [0, 1]), storePlan(1, [0, 2])];

// Workload 0: 25 % of its writes to shared keys, 40 % of them homed in 0 and 60 % in 1, out of 10 shared keys.
// Workload 1 shares none.
const WORKLOADS = [
    { index: 0, sharedShare: 0.25, homeCut: Float64Array.of(0.4, 1), homeRegion: Int32Array.of(0, 1) },
    { index: 1, sharedShare: 0, homeCut: new Float64Array(0), homeRegion: new Int32Array(0) },
] as unknown as WorkloadPlan[];

// One group: users in 2 writing both stores. Stream 0: workload 0, 100 writes/s; stream 1: workload 1, 40/s.
const GROUP = { index: 0, origin: 2, writes: [0, 1], readsFrom: [], classes: [0, 1, 2] } as unknown as GroupPlan;
const STREAMS: StreamPlan[] = [
    { index: 0, group: 0, workload: 0, rate: 100 },
    { index: 1, group: 0, workload: 1, rate: 40 },
];

const plan = {
    regions: ['r0', 'r1', 'r2'],
    rtt,
    stores: STORES,
    workloads: WORKLOADS,
    groups: [GROUP],
    streams: STREAMS,
} as unknown as Plan;

const cell = (slot: number, j: number, cls: number) => (slot * 2 + j) * C + cls;

/** A DNS transition over a TTL of 1 s from 0, no tail: users move linearly, a quarter of them by 250 ms. */
const plain: Transition = { ttlMs: 1_000, tailShare: 0, tailMs: 0, start: 0, end: 1_000 };

// Where each cell's write lands when every outcome is ok. Slot 0: store 0 writes own keys and keys homed in 1
// in 1, keys homed in 0 in 0; store 1 writes in 0, but keys homed in 1 in 2. Slot 1 (the previous destination): store 0 in 0, store 1 in 2.
const LANDS: [slot: number, j: number, cls: number, location: number, latency: number][] = [
    [0, 0, 0, 1, 85],
    [0, 0, 1, 0, 25],
    [0, 0, 2, 1, 85],
    [0, 1, 0, 0, 165],
    [0, 1, 1, 0, 165],
    [0, 1, 2, 2, 165],
    [1, 0, 0, 0, 30],
    [1, 0, 1, 0, 30],
    [1, 0, 2, 0, 30],
    [1, 1, 0, 2, 50],
    [1, 1, 1, 2, 50],
    [1, 1, 2, 2, 50],
];

function group(): GroupRuntime {
    const g = newGroup(GROUP, 0, C, 4, undefined);
    for (const [slot, j, cls, location, latency] of LANDS) {
        const i = cell(slot, j, cls);
        g.location[i] = location;
        g.latency[i] = latency;
        g.bin[i] = binOf(latency);
    }
    for (const slot of [0, 1]) {
        for (const cls of [0, 1, 2]) {
            const latency = Math.max(g.latency[cell(slot, 0, cls)]!, g.latency[cell(slot, 1, cls)]!);
            g.requestLatency[slot * C + cls] = latency;
            g.requestBin[slot * C + cls] = binOf(latency);
        }
    }
    g.serviceProb.fill(1);
    return g;
}

/** A stream of scripted draws: each call takes the next value; a draw beyond the script fails the test. */
function scripted(script: readonly number[] = []) {
    const values = [...script];
    const asked: number[] = [];
    const next = () => {
        if (values.length === 0) throw new Error('an unexpected draw');
        return values.shift()!;
    };
    return {
        asked,
        chance: () => next(),
        below: (n: number) => (asked.push(n), next()),
        exponential: (rate: number) => (asked.push(rate), next()),
    };
}

interface Setup {
    weight?: number;
    now?: number;
    tick?: number;
    /**
     * Per stream's draws: choices (slot, service), keys (shared or not — the arrival process's draw, made for
     * every arrival whether it is served or not — then the key).
     */
    choices?: number[];
    keys?: number[];
    processing?: number[];
    serviceProb?: number[];
    transition?: Transition;
    /** Cells whose status is not ok: [slot, j, cls, status]; the request's status is the worst of its cells. */
    statuses?: [number, number, number, number][];
    /** Store 0 checks conflicts on keys below this limit, with a write in region 1 at this time. */
    conflict?: { limit: number; otherAt: number; key?: number; otherSlot?: number };
    /** Stores whose staleness bound is active, and whether the bound throttles. */
    staleness?: { active: (boolean | undefined)[]; throttles: boolean; bounded?: boolean };
    processingMeans?: Float64Array;
}

function context(setup: Setup = {}) {
    const g = group();
    if (setup.processingMeans)
        (g as { processingMeans: Float64Array | undefined }).processingMeans = setup.processingMeans;
    if (setup.serviceProb) g.serviceProb.set(setup.serviceProb);
    g.transition = setup.transition;
    for (const [slot, j, cls, status] of setup.statuses ?? []) {
        g.status[cell(slot, j, cls)] = status;
        g.location[cell(slot, j, cls)] = -1;
        const r = slot * C + cls;
        g.requestStatus[r] = Math.max(g.requestStatus[r]!, status);
    }
    const replicated: number[][] = [];
    const throttleAsks: number[][] = [];
    const last = new Float64Array(10 * 2).fill(-Infinity);
    // Key k (3 unless told) of workload 0 is tracked key k + 5 of store 0; its write in region 1 (slot 1) at `otherAt`.
    if (setup.conflict)
        last[((setup.conflict.key ?? 3) + 5) * 2 + (setup.conflict.otherSlot ?? 1)] = setup.conflict.otherAt;
    const queue = new EventQueue();
    const ctx = {
        plan,
        queue,
        now: setup.now ?? 1_000,
        groups: [g],
        weight: setup.weight ?? 1,
        tick: setup.tick ?? 1,
        ticks: 4,
        classes: C,
        work: { scans: 0 },
        sharedSpace: Float64Array.of(10, 0),
        storeCounters: STORES.map((s) => newStoreCounters(s)),
        syncLastWrite: [setup.conflict ? last : undefined, undefined],
        // Store 1 tracks keys too (an async store's key states) but has no conflict check.
        trackedLimit: [new Map([[0, setup.conflict?.limit ?? 0]]), new Map([[0, 8]])],
        conflictScale: Float64Array.of(4, 1),
        stalenessBounded: setup.staleness?.bounded ?? setup.staleness !== undefined,
        staleness: (setup.staleness?.active ?? []).map((active) => (active === undefined ? undefined : { active })),
        throttles: (s: number, location: number, t: number) => {
            throttleAsks.push([s, location, t]);
            return setup.staleness?.throttles ?? false;
        },
        replicate: (s: number, location: number, key: number, workload: number) =>
            replicated.push([s, location, key, workload]),
    } as unknown as EngineContext;
    const choices = scripted(setup.choices);
    const keyDraws = scripted(setup.keys);
    const processing = scripted(setup.processing);
    const draws = { choices, keyDraws, processing } as unknown as WriteDraws;
    /** Every write takes the full path here: the rows check `write` (the steady path has suites of its own). */
    const fullPath = { tryWrite: () => false } as unknown as SteadyWrites;
    /**
     * The arrival of stream `s` at `now`. The arrival process decides whether it writes a shared key; a row
     * scripts that decision as its first key draw (below the workload's shared share: a shared key).
     */
    const arrive = (s = 0) => {
        const share = WORKLOADS[STREAMS[s]!.workload]!.sharedShare;
        const shared = share > 0 && keyDraws.chance() < share;
        onArrival(ctx, draws, { take: () => undefined, stream: s, shared } as unknown as ArrivalProcess, fullPath);
    };
    return { ctx, g, draws, arrive, replicated, throttleAsks, last, keyDraws, processing };
}

/** What a write counted, once the cells are settled: the group's counts, then per store its counts and accepted per replica. */
function counted(ctx: EngineContext) {
    settleCounts(ctx);
    const g = ctx.groups[0]!;
    const c = g.counters;
    return {
        group: [c.writesOffered, c.writesServed, c.rejected, c.conflictRejected],
        stores: ctx.storeCounters.map((s) => [s.acknowledged, s.failed, s.rejected, s.conflictRejected, ...s.accepted]),
    };
}

const NONE = [0, 0, 0, 0, 0, 0];

describe('a write: accepted, refused or not served', () => {
    it.each([
        // An own key (0.5 ≥ 25 %): store 0 accepts it in 1 (slot 1), store 1 in 0 (slot 0).
        {
            name: 'own key: both stores accept it',
            setup: { keys: [0.5] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 1, 0],
            ],
        },
        // A drawn 0.25 is not below the shared share: an own key.
        {
            name: 'key draw at the shared share: own key',
            setup: { keys: [0.25] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 1, 0],
            ],
        },
        {
            name: 'one write standing for 10 (sampling)',
            setup: { keys: [0.5], weight: 10 },
            group: [10, 10, 0, 0],
            stores: [
                [10, 0, 0, 0, 0, 10],
                [10, 0, 0, 0, 10, 0],
            ],
        },
        // Shared key 3 of 10: 0.3 < 0.4, homed in 0 (class 1): store 0 writes it in 0.
        {
            name: 'shared key 3: homed in 0, written in 0',
            setup: { keys: [0.2, 3] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 1, 0],
                [1, 0, 0, 0, 1, 0],
            ],
        },
        // Shared key 4 of 10: 0.4 is the cut, homed in 1 (class 2): store 0 writes it in 1.
        {
            name: 'shared key 4, at the cut: homed in 1',
            setup: { keys: [0.2, 4] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 0, 1],
            ],
        },
        {
            name: 'region takes nothing: offered only',
            setup: { serviceProb: [0, 1], keys: [0.5] },
            group: [1, 0, 0, 0],
            stores: [NONE, NONE],
        },
        // Half the writes taken: a draw of 0.49 is taken, 0.5 is not.
        {
            name: 'half taken, draw 0.49: accepted',
            setup: { serviceProb: [0.5, 1], choices: [0.49], keys: [0.5] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 1, 0],
            ],
        },
        {
            name: 'half taken, draw 0.5: not served',
            setup: { serviceProb: [0.5, 1], choices: [0.5], keys: [0.5] },
            group: [1, 0, 0, 0],
            stores: [NONE, NONE],
        },
        // Store 0 has no quorum: the request is refused, counted against the group and store 0; store 1 writes nothing.
        {
            name: 'store 0 without quorum: refused',
            setup: { keys: [0.5], statuses: [[0, 0, 0, Status.noQuorum]] as [number, number, number, number][] },
            group: [1, 0, 1, 0],
            stores: [[0, 0, 1, 0, 0, 0], NONE],
        },
        // Store 0 unavailable: failed there, not a refusal.
        {
            name: 'store 0 unavailable: failed there',
            setup: { keys: [0.5], statuses: [[0, 0, 0, Status.unavailable]] as [number, number, number, number][] },
            group: [1, 0, 0, 0],
            stores: [[0, 1, 0, 0, 0, 0], NONE],
        },
        {
            name: 'store 0 down, store 1 no quorum: both',
            setup: {
                keys: [0.5],
                statuses: [
                    [0, 0, 0, Status.unavailable],
                    [0, 1, 0, Status.noQuorum],
                ] as [number, number, number, number][],
            },
            group: [1, 0, 1, 0],
            stores: [
                [0, 1, 0, 0, 0, 0],
                [0, 0, 1, 0, 0, 0],
            ],
        },
        // Only the shared keys homed in 1 fail: an own key is still accepted.
        {
            name: 'class 2 refused, own key still accepted',
            setup: { keys: [0.5], statuses: [[0, 0, 2, Status.noQuorum]] as [number, number, number, number][] },
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 1, 0],
            ],
        },
    ])('$name', ({ setup, group: want, stores }) => {
        const { ctx, arrive } = context(setup as Setup);
        arrive();
        expect(counted(ctx)).toEqual({ group: want, stores });
    });

    it.each([
        {
            name: 'own key',
            keys: [0.5],
            want: [
                [0, 1, -1, 0],
                [1, 0, -1, 0],
            ],
        },
        {
            name: 'shared key 3 homed in 0',
            keys: [0.2, 3],
            want: [
                [0, 0, 3, 0],
                [1, 0, 3, 0],
            ],
        },
    ])("joins each store's replication log: $name", ({ keys, want }) => {
        const { arrive, replicated, keyDraws } = context({ keys });
        arrive();
        expect(replicated).toEqual(want);
        // The key is drawn from the workload's 10 shared keys.
        expect(keyDraws.asked).toEqual(keys.length > 1 ? [10] : []);
    });

    it('draws no key for a workload that shares none', () => {
        const { ctx, arrive, replicated } = context({ keys: [] });
        arrive(1);
        expect(replicated).toEqual([
            [0, 1, -1, 1],
            [1, 0, -1, 1],
        ]);
        expect(counted(ctx).group).toEqual([1, 1, 0, 0]);
    });

    it.each([
        // Shared key 4 (class 2) refused by store 0: counted against the group and store 0.
        {
            name: 'shared key 4, store 0 without quorum',
            keys: [0.2, 4],
            statuses: [[0, 0, 2, Status.noQuorum]],
            group: [1, 0, 1, 0],
            stores: [[0, 0, 1, 0, 0, 0], NONE],
        },
        // Slot 1 fails too, but a user who reached slot 0 counts once, for the stores of slot 0.
        {
            name: 'own key, both slots unavailable in store 0',
            keys: [0.5],
            statuses: [
                [0, 0, 0, Status.unavailable],
                [1, 0, 0, Status.unavailable],
            ],
            group: [1, 0, 0, 0],
            stores: [[0, 1, 0, 0, 0, 0], NONE],
        },
    ])('refuses: $name', ({ keys, statuses, group: want, stores }) => {
        const { ctx, arrive } = context({ keys, statuses: statuses as [number, number, number, number][] });
        arrive();
        expect(counted(ctx)).toEqual({ group: want, stores });
    });

    it('replicates nothing for a refused write', () => {
        const { arrive, replicated } = context({ keys: [0.5], statuses: [[0, 1, 0, Status.noQuorum]] });
        arrive();
        expect(replicated).toEqual([]);
    });

    it.each([
        { name: 'tick 1 of 4', tick: 1, series: [0, 1, 0, 0] },
        // Past the last interval (the run's end): counted in the last one.
        { name: 'tick 4 of 4: the last interval', tick: 4, series: [0, 0, 0, 1] },
    ])('counts offered and served per interval: $name', ({ tick, series }) => {
        const { g, arrive } = context({ tick, keys: [0.5] });
        arrive();
        expect([...g.seriesWritesOffered, ...g.seriesWritesServed]).toEqual([...series, ...series]);
    });

    it('counts an offered write that is not served in its interval, not as served', () => {
        const { g, arrive } = context({ serviceProb: [0, 1], keys: [0.5] });
        arrive();
        expect([...g.seriesWritesOffered, ...g.seriesWritesServed]).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    });
});

describe('a write during a DNS transition: which destination its user reaches', () => {
    // TTL 1 s from 0, no tail: at 250 ms a quarter of the users have moved. With a tail of 20 % 4 s late: at 500
    // ms, 80 % × 50 % = 40 % have moved. A moved user writes from slot 0 (store 0 in 1), the others from slot 1
    // (store 0 in 0).
    const tailed: Transition = { ttlMs: 1_000, tailShare: 0.2, tailMs: 4_000, start: 0, end: 5_000 };
    it.each([
        {
            name: 'a quarter moved, draw 0.2: the new one',
            transition: plain,
            now: 250,
            choices: [0.2],
            accepted: [0, 1],
        },
        {
            name: 'a quarter moved, draw 0.25: the old one',
            transition: plain,
            now: 250,
            choices: [0.25],
            accepted: [1, 0],
        },
        { name: 'at the start nobody moved: the old one', transition: plain, now: 0, choices: [], accepted: [1, 0] },
        {
            name: 'at the end everybody moved: the new one',
            transition: plain,
            now: 1_000,
            choices: [],
            accepted: [0, 1],
        },
        {
            name: 'with a tail, 40 % moved, 0.39: new one',
            transition: tailed,
            now: 500,
            choices: [0.39],
            accepted: [0, 1],
        },
        {
            name: 'with a tail, 40 % moved, 0.4: old one',
            transition: tailed,
            now: 500,
            choices: [0.4],
            accepted: [1, 0],
        },
    ])('$name', ({ transition, now, choices, accepted }) => {
        const { ctx, arrive } = context({ transition, now, choices, keys: [0.5] });
        arrive();
        expect(counted(ctx).stores[0]!.slice(4)).toEqual(accepted);
    });

    it("takes the old destination's service share for a user that has not moved", () => {
        // Slot 1 takes nothing: the user who has not moved (draw 0.5 ≥ 25 %) is not served.
        const { ctx, arrive } = context({
            transition: plain,
            now: 250,
            choices: [0.5],
            serviceProb: [1, 0],
            keys: [0.5],
        });
        arrive();
        expect(counted(ctx).group).toEqual([1, 0, 0, 0]);
    });

    it("refuses by the old destination's status for a user that has not moved", () => {
        const { ctx, arrive } = context({
            transition: plain,
            now: 250,
            choices: [0.5],
            keys: [0.5],
            statuses: [[1, 1, 0, Status.noQuorum]],
        });
        arrive();
        expect(counted(ctx)).toEqual({ group: [1, 0, 1, 0], stores: [NONE, [0, 0, 1, 0, 0, 0]] });
    });
});

describe('a write to a tracked key of a sync store: the conflict check', () => {
    // Shared key 3 (class 1) is written by store 0 in 0 (slot 0); its write in 1 reaches 0 after RTT/2 = 30 ms.
    it.each([
        {
            name: 'other write 970 ms, now 999: in flight',
            conflict: { limit: 8, otherAt: 970 },
            now: 999,
            refused: true,
        },
        {
            name: 'other write 970 ms, now 1000: arrived',
            conflict: { limit: 8, otherAt: 970 },
            now: 1_000,
            refused: false,
        },
        // Keys from 3 on are not tracked: no check.
        {
            name: 'key 3 not tracked (limit 3): no check',
            conflict: { limit: 3, otherAt: 970 },
            now: 999,
            refused: false,
        },
    ])('$name', ({ conflict, now, refused }) => {
        const { ctx, arrive, last } = context({ conflict, now, keys: [0.2, 3] });
        arrive();
        const c = counted(ctx);
        // A refusal counts 1 against the group and 1 × the store's conflict scale (4) against store 0.
        expect(c.group).toEqual(refused ? [1, 0, 0, 1] : [1, 1, 0, 0]);
        expect(c.stores[0]!.slice(0, 4)).toEqual(refused ? [0, 0, 0, 4] : [1, 0, 0, 0]);
        // An accepted write to a tracked key is the latest in its replica (slot 0).
        expect(last[8 * 2]).toBe(refused || conflict.limit <= 3 ? -Infinity : now);
    });

    it('checks shared key 0, the first tracked one', () => {
        // Key 0 of 10: 0 < 0.4, homed in 0 (class 1), tracked key 5; the write in 1 at 970 ms is still in flight.
        const { ctx, arrive } = context({ conflict: { limit: 8, otherAt: 970, key: 0 }, now: 999, keys: [0.2, 0] });
        arrive();
        expect(counted(ctx).group).toEqual([1, 0, 0, 1]);
    });

    it.each([
        // Shared key 4 (class 2, tracked key 9) is written by store 0 in 1 (slot 1); a write in 0 at 970 ms
        // reaches 1 after 30 ms.
        { name: 'written in 1, the write in 0 in flight: refused', now: 999, group: [1, 0, 0, 1], latest: -Infinity },
        { name: 'written in 1, the write in 0 arrived: accepted', now: 1_000, group: [1, 1, 0, 0], latest: 1_000 },
    ])('$name', ({ now, group, latest }) => {
        const conflict = { limit: 8 + 2, otherAt: 970, key: 4, otherSlot: 0 };
        const { ctx, arrive, last } = context({ conflict, now, keys: [0.2, 4] });
        arrive();
        expect(counted(ctx).group).toEqual(group);
        expect([last[9 * 2], last[9 * 2 + 1]]).toEqual([970, latest]);
    });

    it('checks the replica of the old destination for a user who has not moved', () => {
        // TTL 1 s from 0: at 999 ms a draw of 0.9995 is a user who has not moved (slot 1), whose store 0 writes
        // key 3 in 0; the write in 1 at 970 ms is still in flight there.
        const conflict = { limit: 8, otherAt: 970 };
        const { ctx, arrive } = context({ transition: plain, conflict, now: 999, choices: [0.9995], keys: [0.2, 3] });
        arrive();
        expect(counted(ctx).group).toEqual([1, 0, 0, 1]);
    });

    it('checks a second sync store of the request at its own cell', () => {
        // Store 1 (replicas 0 and 2) checks conflicts too, with RTT 0–2 of 100 ms in this plan. Shared key 3 homed
        // in 0 (class 1): store 1 writes it in 0 (slot 0 of the store), while its write in 2 at 970 ms reaches 0 at
        // 970 + 50 = 1020 ms; at 999 ms it is in flight, so store 1 refuses (its conflict scale is 1).
        const { ctx, arrive } = context({ now: 999, keys: [0.2, 3] });
        const rtt02 = Float64Array.from(rtt);
        rtt02[0 * R + 2] = rtt02[2 * R + 0] = 100;
        const last1 = new Float64Array(10 * 2).fill(-Infinity);
        last1[(3 + 5) * 2 + 1] = 970;
        Object.assign(ctx, { plan: { ...plan, rtt: rtt02 }, syncLastWrite: [undefined, last1] });
        arrive();
        const c = counted(ctx);
        expect(c.group).toEqual([1, 0, 0, 1]);
        expect(c.stores.map((st) => st[3])).toEqual([0, 1]);
    });

    it('checks the cell of a user who has not moved where it lands in 1', () => {
        // As above, a user who has not moved (slot 1) writes shared key 3 through store 0, whose cell here lands
        // in 1 (slot 1 of the store); the write in 0 at 970 ms reaches 1 at 970 + 30 = 1000 ms: in flight at 999.
        const conflict = { limit: 8, otherAt: 970, otherSlot: 0 };
        const { ctx, g, arrive } = context({
            transition: plain,
            conflict,
            now: 999,
            choices: [0.9995],
            keys: [0.2, 3],
        });
        g.location[cell(1, 0, 1)] = 1;
        arrive();
        expect(counted(ctx).group).toEqual([1, 0, 0, 1]);
    });

    it('does not check a write to an own key', () => {
        const { ctx, arrive, last } = context({ conflict: { limit: 8, otherAt: 970 }, now: 999, keys: [0.5] });
        arrive();
        expect(counted(ctx).group).toEqual([1, 1, 0, 0]);
        // No key's latest write moved: only the write in 1 set by hand is there.
        expect([...last].filter((t) => t !== -Infinity)).toEqual([970]);
    });
});

describe('a write to a store with a staleness bound', () => {
    it('asks the bound where a user who has not moved writes: store 1 in 2', () => {
        // TTL 1 s from 0: at 250 ms a draw of 0.5 has not moved (slot 1); key 3 (class 1).
        const staleness = { active: [false, true], throttles: true };
        const { arrive, throttleAsks } = context({
            transition: plain,
            staleness,
            now: 250,
            choices: [0.5],
            keys: [0.2, 3],
        });
        arrive();
        expect(throttleAsks).toEqual([[1, 2, 250]]);
    });

    it('asks the bound where the write of a shared key homed in 1 lands: 2', () => {
        const { arrive, throttleAsks } = context({
            staleness: { active: [false, true], throttles: true },
            keys: [0.2, 4],
        });
        arrive();
        expect(throttleAsks).toEqual([[1, 2, 1_000]]);
    });

    it.each([
        {
            name: 'store 1 bound active, throttling: refused',
            staleness: { active: [false, true], throttles: true },
            asks: [[1, 0, 1_000]],
            served: 0,
        },
        {
            name: 'store 1 bound active, not throttling',
            staleness: { active: [false, true], throttles: false },
            asks: [[1, 0, 1_000]],
            served: 1,
        },
        {
            name: 'store 0 has no bound, store 1 throttles',
            staleness: { active: [undefined, true], throttles: true },
            asks: [[1, 0, 1_000]],
            served: 0,
        },
        {
            name: 'no bound active: never asked',
            staleness: { active: [false, false], throttles: true },
            asks: [],
            served: 1,
        },
        {
            name: 'bounds not simulated: never asked',
            staleness: { active: [true, true], throttles: true, bounded: false },
            asks: [],
            served: 1,
        },
    ])('$name', ({ staleness, asks, served }) => {
        const { ctx, arrive, throttleAsks } = context({ staleness, keys: [0.5] });
        arrive();
        expect(throttleAsks).toEqual(asks);
        expect(counted(ctx).group).toEqual([1, served, 0, 0]);
        expect(ctx.storeCounters[1]!.acknowledged).toBe(served);
    });
});

describe('a write whose store draws a processing time', () => {
    it("adds the drawn time to the store's latency and waits for the slowest store", () => {
        // Store 0 (mean 2 ms) draws 3 ms: 85 + 3 = 88 ms; store 1 has none: 165 ms, which the request waits for.
        const { ctx, g, arrive, processing, replicated } = context({
            processingMeans: Float64Array.of(2, 0),
            processing: [3],
            keys: [0.5],
        });
        arrive();
        expect(processing.asked).toEqual([0.5]);
        const h = g.histograms;
        expect([h[0]!.counts[binOf(88)], h[0]!.maxima[binOf(88)], h[0]!.total]).toEqual([1, 88, 1]);
        expect([h[1]!.counts[binOf(165)], h[1]!.maxima[binOf(165)], h[1]!.total]).toEqual([1, 165, 1]);
        expect([h[2]!.counts[binOf(165)], h[2]!.maxima[binOf(165)], h[2]!.total]).toEqual([1, 165, 1]);
        expect(replicated).toEqual([
            [0, 1, -1, 0],
            [1, 0, -1, 0],
        ]);
        expect(counted(ctx)).toEqual({
            group: [1, 1, 0, 0],
            stores: [
                [1, 0, 0, 0, 0, 1],
                [1, 0, 0, 0, 1, 0],
            ],
        });
    });

    it('draws from the cell of the shared key drawn', () => {
        // Shared key 3 (class 1): store 0 at 25 ms draws 3 ms, 28 ms; store 1 165 ms.
        const { g, arrive } = context({ processingMeans: Float64Array.of(2, 0), processing: [3], keys: [0.2, 3] });
        arrive();
        expect([g.histograms[0]!.maxima[binOf(28)], g.histograms[0]!.total]).toEqual([28, 1]);
        expect(g.pendingStoreWrites[cell(0, 0, 1)]).toBe(1);
    });

    it("draws from the old destination's cell for a user who has not moved", () => {
        // Slot 1, own key: store 0 at 30 ms draws 3 ms, 33 ms.
        const { g, arrive } = context({
            transition: plain,
            now: 250,
            choices: [0.5],
            processingMeans: Float64Array.of(2, 0),
            processing: [3],
            keys: [0.5],
        });
        arrive();
        expect([g.histograms[0]!.maxima[binOf(33)], g.histograms[0]!.total]).toEqual([33, 1]);
    });

    it('waits for a store whose drawn time makes it the slowest', () => {
        // Store 0 draws 100 ms: 185 ms, slower than store 1's 165.
        const { g, arrive } = context({ processingMeans: Float64Array.of(2, 0), processing: [100], keys: [0.5] });
        arrive();
        expect([g.histograms[2]!.maxima[binOf(185)], g.histograms[2]!.total]).toEqual([185, 1]);
    });

    it('leaves the histograms to the flush when no processing time is drawn', () => {
        const { g, arrive } = context({ keys: [0.5] });
        arrive();
        expect(g.histograms).toEqual([undefined, undefined, undefined]);
    });
});

describe("settleCounts: the cells' counts added to what they stand for", () => {
    it('counts each cell once, in the replica it lands in, and only what was added since', () => {
        const { ctx, g } = context();
        // 3 writes of own keys from slot 0 (store 0 in 1, store 1 in 0), 2 of keys homed in 1 from slot 1
        // (store 0 in 0, store 1 in 2).
        g.pendingStoreWrites[cell(0, 0, 0)] = 3;
        g.pendingStoreWrites[cell(0, 1, 0)] = 3;
        g.pendingStoreWrites[cell(1, 0, 2)] = 2;
        g.pendingStoreWrites[cell(1, 1, 2)] = 2;
        g.pendingRequestWrites[0] = 3;
        g.pendingRequestWrites[C + 2] = 2;
        const before = counted(ctx);
        expect(before).toEqual({
            group: [0, 5, 0, 0],
            stores: [
                [5, 0, 0, 0, 2, 3],
                [5, 0, 0, 0, 3, 2],
            ],
        });
        expect([...ctx.storeCounters[0]!.applied]).toEqual([2, 3]);
        // Settled again: nothing new. Then 4 more own-key writes from slot 0: only those are added.
        expect(counted(ctx)).toEqual(before);
        g.pendingStoreWrites[cell(0, 0, 0)] = 7;
        g.pendingStoreWrites[cell(0, 1, 0)] = 7;
        g.pendingRequestWrites[0] = 7;
        expect(counted(ctx)).toEqual({
            group: [0, 9, 0, 0],
            stores: [
                [9, 0, 0, 0, 2, 7],
                [9, 0, 0, 0, 7, 2],
            ],
        });
    });
});

describe("flushLatencies: the cells' latencies recorded in the interval", () => {
    function pending(setup: Setup = {}) {
        const r = context({ tick: 2, ...setup });
        const g = r.g;
        g.pendingStoreWrites[cell(0, 0, 1)] = 3;
        g.pendingStoreWrites[cell(0, 1, 1)] = 3;
        g.pendingRequestWrites[1] = 3;
        g.pendingStoreWrites[cell(1, 1, 0)] = 2;
        g.pendingRequestWrites[C] = 2;
        return r;
    }

    it("adds each cell's count at its latency to the histograms and the interval, then clears the cells", () => {
        const { ctx, g } = pending();
        flushLatencies(ctx);
        // Store 0: 3 at 25 ms. Store 1: 3 at 165 ms (slot 0) and 2 at 50 ms (slot 1). Requests: 3 at 165, 2 at 50.
        expect(g.histograms.map((h) => h!.total)).toEqual([3, 5, 5]);
        expect([g.histograms[0]!.counts[binOf(25)], g.histograms[1]!.counts[binOf(50)]]).toEqual([3, 2]);
        expect(g.histograms[2]!.counts[binOf(165)]).toBe(3);
        expect(g.intervalLatencies.map((l) => [l.ticks, l.latencies, l.weights, l.shapes])).toEqual([
            [[2], [25], [3], undefined],
            [[2, 2], [165, 50], [3, 2], undefined],
            [[2, 2], [165, 50], [3, 2], undefined],
        ]);
        expect(
            [
                ...g.pendingStoreWrites,
                ...g.settledStoreWrites,
                ...g.pendingRequestWrites,
                ...g.settledRequestWrites,
            ].every((v) => v === 0),
        ).toBe(true);
        // Settled first: the counters have the writes.
        expect(counted(ctx)).toEqual({
            group: [0, 5, 0, 0],
            stores: [
                [3, 0, 0, 0, 3, 0],
                [5, 0, 0, 0, 3, 2],
            ],
        });
        // 2 × (2 stores + 1) × 3 classes.
        expect(ctx.work.scans).toBe(18);
    });

    it.each([
        { name: "at the run's end (tick 4 of 4)", tick: 4 },
        { name: "past the run's end (tick 9 of 4)", tick: 9 },
    ])('records in the last interval $name', ({ tick }) => {
        const { ctx, g } = pending({ tick });
        flushLatencies(ctx);
        expect(g.intervalLatencies[0]!.ticks).toEqual([3]);
    });

    it('records the distributions instead where a processing time is drawn', () => {
        const { ctx, g } = pending({ processingMeans: Float64Array.of(2, 0) });
        // Store 0 also wrote 2 own keys from slot 1 (30 ms).
        g.pendingStoreWrites[cell(1, 0, 0)] = 2;
        flushLatencies(ctx);
        // The histograms got each write as it was drawn; the interval gets the fixed part and the mean.
        expect(g.histograms).toEqual([undefined, undefined, undefined]);
        const [l0, l1, request] = g.intervalLatencies.map((l) => l.shapes?.map((s) => (s ? [...s] : s)));
        expect(l0).toEqual([
            [25, 2],
            [30, 2],
        ]);
        expect(l1).toBeUndefined();
        // A request's shape: each store's fixed latency and mean, slot 0 class 1 then slot 1 class 0.
        expect(request).toEqual([
            [25, 2, 165, 0],
            [30, 2, 50, 0],
        ]);
    });
});

describe('the stores’ processing times', () => {
    it.each([
        { name: 'store 1 documents a mean: per store', processing: [undefined, { meanMs: 2.2 }], want: [0, 2.2] },
        { name: 'none documented: no draws at all', processing: [undefined, undefined], want: undefined },
        { name: 'a mean of 0 is none', processing: [{ meanMs: 0 }, undefined], want: undefined },
    ])('processingMeansOf: $name', ({ processing, want }) => {
        const p = { ...plan, stores: STORES.map((s, i) => ({ ...s, processing: processing[i] })) } as unknown as Plan;
        const means = processingMeansOf(p, [0, 1]);
        expect(means === undefined ? undefined : [...means]).toEqual(want);
    });
});
