// The read flow's accounting (simulation/engine/mechanisms/reads.ts) on a hand-built run: one or two groups,
// stores and links whose visibility window is constant (a link that keeps up: the lag) or grows 1 ms per ms (a
// stalled link), so every count has a closed form worked in its row, independent of read-flow.ts:
//   a served rate ramping linearly over a DNS transition integrates to the trapezoid;
//   with a constant exposure x, a share 1 − e^{−x} of reads is stale;
//   with x(τ) = μ·(d + τ), the fresh reads over [0, T] at rate r are r·e^{−μd}·(1 − e^{−μT})/μ.
// Fast enough to run per mutant, which the whole-simulation suites are not.
import { describe, expect, it } from 'vitest';
import type { Landing, RunState } from '../../simulation/engine/context.js';
import { integrate, readSteps, refreshFluid } from '../../simulation/engine/mechanisms/reads.js';
import { ReadFlow } from '../../simulation/engine/read-flow.js';
import { newStoreCounters } from '../../simulation/engine/run-state.js';
import type { Plan, StorePlan } from '../../simulation/plan.js';
import type { Link } from '../../simulation/replication.js';
import type { GroupRuntime, Transition } from '../../simulation/runtime.js';

/** Only what reads.ts reads of a store: replicas in regions, how it replicates. */
function storePlan(replicas: number[], mode = 'async', strongReads = false): StorePlan {
    const slotOf = new Int32Array(4).fill(-1);
    replicas.forEach((r, slot) => (slotOf[r] = slot));
    return { replicas, slotOf, mode, strongReads } as unknown as StorePlan;
}

/** A link whose window is its lag (100 ms over a 40 ms one-way transit) unless stalled. */
function link(over: Partial<Link> = {}, lagMs = 100): Link {
    return {
        store: { spikes: [], lagMs, drain: { catchUpPerS: 0 } },
        oneWayMs: 40,
        blocked: false,
        blockedSince: 0,
        resumeAt: -Infinity,
        draining: undefined,
        gapMs: 0,
        ...over,
    } as unknown as Link;
}

interface GroupSpec {
    readRate: number;
    readsFrom: number[];
    origin?: number;
    /** Region each slot × store read is served from (−1: none). */
    replicas?: number[];
    serviceProb?: [number, number];
    readOk?: [number, number];
    transition?: Transition;
}

function group(index: number, spec: GroupSpec, ticks: number): GroupRuntime {
    const k = spec.readsFrom.length;
    return {
        plan: { index, readRate: spec.readRate, readsFrom: spec.readsFrom, origin: spec.origin ?? 0 },
        reads: new ReadFlow(k),
        counters: { readsOffered: 0, readsServed: 0, staleReads: 0 },
        seriesReadsOffered: new Float64Array(ticks),
        seriesReadsServed: new Float64Array(ticks),
        transition: spec.transition,
        serviceProb: Float64Array.from(spec.serviceProb ?? [1, 1]),
        readOk: Float64Array.from(spec.readOk ?? [1, 1]),
        readReplica: Int32Array.from(spec.replicas ?? new Array<number>(2 * k).fill(-1)),
    } as unknown as GroupRuntime;
}

interface Workload {
    keys: number | undefined;
    sharedShare: number;
    sharedKeys: number;
    writesPerS?: number;
}

/**
 * A run: `stores[s]` with its links `links[s]['from→to']` (replica slots), the store's main writing workload
 * and where its writes land (per region, per ms).
 */
function runOf(opts: {
    stores: StorePlan[];
    groups: GroupSpec[];
    links?: Record<string, Link>[];
    workload?: Workload;
    landing?: (Partial<Landing> | undefined)[];
    drainUntil?: number[];
    tick?: number;
    ticks?: number;
}): RunState {
    const ticks = opts.ticks ?? 3;
    const w = opts.workload ?? { keys: 10, sharedShare: 1, sharedKeys: 10 };
    return {
        plan: {
            stores: opts.stores,
            workloads: [
                {
                    keys: w.keys,
                    sharedShare: w.sharedShare,
                    sharedKeys: w.sharedKeys,
                    model: { writesPerS: w.writesPerS ?? 0 },
                },
            ],
        },
        tick: opts.tick ?? 0,
        ticks,
        work: { scans: 0, reads: 0 },
        groups: opts.groups.map((g, i) => group(i, g, ticks)),
        storeCounters: opts.stores.map((s) => newStoreCounters(s)),
        drainUntil: Float64Array.from(opts.drainUntil ?? opts.stores.map(() => 0)),
        landing: (opts.landing ?? opts.stores.map(() => undefined)).map((l) =>
            l === undefined
                ? undefined
                : {
                      workload: 0,
                      shared: new Float64Array(4),
                      other: new Float64Array(4),
                      ownLocation: new Int32Array(4).fill(-1),
                      ...l,
                  },
        ),
        linkOf: opts.stores.map((s, i) =>
            s.replicas.map((_, from) => s.replicas.map((_, to) => opts.links?.[i]?.[`${from}→${to}`])),
        ),
    } as unknown as RunState;
}

/** Reads at 2000/s (2 per ms); μ = 0.02 writes/ms landing in us-east-1 over 10 shared keys = 0.002 per key per ms. */
const RATE = 2;
const MU = 0.002;
const TWO = storePlan([0, 1]);
/** Writes of the main workload land in region 0 at 20/s. */
const EAST_WRITES: Partial<Landing> = { shared: Float64Array.from([0.02, 0, 0, 0]) };
/** The group reads the replica in region 1 (slot 0; slot 1 unused). */
const FROM_WEST = { readRate: 2_000, readsFrom: [0], replicas: [1, -1] };

const steps = (run: RunState) => new Float64Array(run.groups.length);

describe('the steps of describing a read flow', () => {
    it.each([
        // 2 × (1 + 2·2) for a store of two replicas, 2 × (1 + 2·3) for three: 10 + 14
        { name: 'a group reading two stores costs the stale terms of both', readRate: 5, want: 24 },
        // no reads: nothing described
        { name: 'a group with no reads costs nothing', readRate: 0, want: 0 },
    ])('$name', ({ readRate, want }) => {
        const plan = {
            stores: [storePlan([0, 1]), storePlan([0, 1, 2])],
            groups: [{ readRate, readsFrom: [0, 1] }],
        } as unknown as Plan;
        expect(Array.from(readSteps(plan))).toEqual([want]);
    });
});

describe('reads served with nothing stale', () => {
    it('a constant rate over a second is rate × time, the served share of it by service and read success', () => {
        // 2 reads/ms × 1000 ms offered; served × 0.9 (service reached) × 0.5 (reads succeed) = 900
        const run = runOf({
            stores: [storePlan([0, 1], 'sync')],
            groups: [{ ...FROM_WEST, serviceProb: [0.9, 1], readOk: [0.5, 1] }],
        });
        refreshFluid(run, Float64Array.from([7]), 0);
        integrate(run, Float64Array.from([7]), 1_000);
        const g = run.groups[0]!;
        expect(g.counters).toEqual({ readsOffered: 2_000, readsServed: 900, staleReads: 0 });
        expect(Array.from(g.seriesReadsOffered)).toEqual([2_000, 0, 0]);
        expect(Array.from(g.seriesReadsServed)).toEqual([900, 0, 0]);
        expect(run.storeCounters[0]).toMatchObject({ readsServed: 900, readsStale: 0 });
        // one group scanned at the refresh and at the integration; 7 steps to describe + 4 to integrate the
        // piece (one store × (1 + 2 terms) and the one-term product of slot 0; slot 1 serves nothing)
        expect(run.work).toEqual({ scans: 2, reads: 11 });
        expect(g.reads.from).toBe(1_000);
    });

    it.each([
        // users move over a 1000 ms TTL from the old destination (reads fail there) to the new one: the served
        // rate ramps 0 → 2/ms, the trapezoid (0 + 2)/2 × 1000 = 1000
        { name: 'a DNS transition ramps the served rate linearly: the trapezoid', until: 1_000, served: 1_000 },
        // over [0, 500]: 0 → 1/ms, (0 + 1)/2 × 500 = 250
        { name: 'half-way through the transition: the trapezoid of the first half', until: 500, served: 250 },
    ])('$name', ({ until, served }) => {
        const transition = { start: 0, end: 1_000, ttlMs: 1_000, tailShare: 0, tailMs: 0 };
        const run = runOf({
            stores: [storePlan([0, 1], 'sync')],
            groups: [{ ...FROM_WEST, readOk: [1, 0], transition }],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), until);
        expect(run.groups[0]!.counters.readsServed).toBeCloseTo(served, 9);
        expect(run.groups[0]!.counters.readsOffered).toBe(2 * until);
    });

    it('users still at the old destination are served there over the transition: the falling trapezoid', () => {
        // the new destination fails every read; the old one serves 2/ms × (1 − τ/1000): (2 + 0)/2 × 1000
        const transition = { start: 0, end: 1_000, ttlMs: 1_000, tailShare: 0, tailMs: 0 };
        const run = runOf({
            stores: [storePlan([0, 1], 'sync')],
            groups: [{ ...FROM_WEST, readOk: [0, 1], transition }],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.readsServed).toBeCloseTo(1_000, 9);
    });

    it('counts into the current sample interval, the last one once the run is past its ticks', () => {
        const run = runOf({ stores: [storePlan([0, 1], 'sync')], groups: [FROM_WEST], tick: 7, ticks: 3 });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 10);
        expect(Array.from(run.groups[0]!.seriesReadsOffered)).toEqual([0, 0, 20]);
    });

    it('a group with no reads counts nothing and moves its flow on, never back', () => {
        const run = runOf({ stores: [storePlan([0, 1], 'sync')], groups: [{ readRate: 0, readsFrom: [0] }] });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 500);
        const g = run.groups[0]!;
        expect(g.reads.from).toBe(500);
        integrate(run, steps(run), 300);
        refreshFluid(run, steps(run), 200);
        expect(g.reads.from).toBe(500);
        refreshFluid(run, steps(run), 800);
        expect(g.reads.from).toBe(800);
        expect(g.counters).toEqual({ readsOffered: 0, readsServed: 0, staleReads: 0 });
        expect(run.work.reads).toBe(0);
    });
});

describe('stale reads', () => {
    it('a link that keeps up exposes a read to the writes of the last lag: a share 1 − e^{−μ·lag} is stale', () => {
        // x = 0.002 × 100 = 0.2 over 1000 ms at 2/ms
        const run = runOf({ stores: [TWO], groups: [FROM_WEST], links: [{ '0→1': link() }], landing: [EAST_WRITES] });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        const stale = 2_000 * (1 - Math.exp(-0.2));
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(stale, 9);
        expect(run.storeCounters[0]!.readsStale).toBeCloseTo(stale, 9);
        expect(run.storeCounters[0]!.readsServed).toBe(2_000);
        expect(run.storeCounters[0]!.staleKnown).toBe(true);
    });

    it('a stalled link exposes a read to a window growing 1 ms per ms', () => {
        // x(τ) = μ(100 + τ): fresh = 2 × e^{−0.2}(1 − e^{−2})/0.002 over 1000 ms
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link({ blocked: true, blockedSince: 0, resumeAt: Infinity }) }],
            landing: [EAST_WRITES],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        const fresh = (RATE * Math.exp(-0.2) * (1 - Math.exp(-MU * 1_000))) / MU;
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 - fresh, 9);
    });

    it('a backlog that arrives mid-piece is a breakpoint: the window stops growing when it has', () => {
        // healed, backlog arriving at 500: [0, 500] as stalled (fresh 2·e^{−0.2}(1 − e^{−1})/μ), then the lag
        // alone (stale 1000 × (1 − e^{−0.2}))
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link({ blocked: false, blockedSince: 0, resumeAt: 500 }) }],
            landing: [EAST_WRITES],
        });
        refreshFluid(run, steps(run), 0);
        expect(run.groups[0]!.reads.until).toBe(500);
        integrate(run, steps(run), 1_000);
        const fresh = (RATE * Math.exp(-0.2) * (1 - Math.exp(-MU * 500))) / MU;
        const stale = 1_000 - fresh + 1_000 * (1 - Math.exp(-0.2));
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(stale, 9);
        expect(run.groups[0]!.reads.until).toBe(Infinity);
    });

    it('reads served while a healed backlog drains are counted apart, up to the drain end inclusive', () => {
        // the drain ends at 700 (a breakpoint): the pieces [0, 700] count into the drain, [700, 1000] do not
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [EAST_WRITES],
            drainUntil: [700],
        });
        refreshFluid(run, steps(run), 0);
        expect(run.groups[0]!.reads.until).toBe(700);
        integrate(run, steps(run), 700);
        const counters = run.storeCounters[0]!;
        expect(counters.drainReadsServed).toBe(1_400);
        expect(counters.drainReadsStale).toBeCloseTo(1_400 * (1 - Math.exp(-0.2)), 9);
        integrate(run, steps(run), 1_000);
        expect(counters.drainReadsServed).toBe(1_400);
        expect(counters.readsServed).toBe(2_000);
    });

    it('a drain that ended before the piece starts is no breakpoint', () => {
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [EAST_WRITES],
            drainUntil: [0],
        });
        refreshFluid(run, steps(run), 0);
        expect(run.groups[0]!.reads.until).toBe(Infinity);
        integrate(run, steps(run), 1_000);
        expect(run.storeCounters[0]!.drainReadsServed).toBe(0);
    });

    it.each([
        // a synchronous store, a strong read, a single replica: nothing to be stale against
        { name: 'a synchronous store has no stale reads', store: storePlan([0, 1], 'sync'), replicas: [1, -1] },
        { name: 'a strong read has no stale reads', store: storePlan([0, 1], 'async', true), replicas: [1, -1] },
        { name: 'a read with no replica to serve it has no stale reads', store: TWO, replicas: [-1, -1] },
        // the read is served where every write lands: the only link in is from region 1, which writes nothing
        { name: 'a read where every write lands has no stale reads', store: TWO, replicas: [0, -1] },
    ])('$name', ({ store, replicas }) => {
        const run = runOf({
            stores: [store],
            groups: [{ ...FROM_WEST, replicas }],
            links: [{ '0→1': link(), '1→0': link() }],
            landing: [EAST_WRITES],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBe(0);
        expect(run.groups[0]!.counters.readsServed).toBe(2_000);
    });

    it('a store with no landing yet has no stale reads, and says so only when the key space is unknown', () => {
        const run = runOf({ stores: [TWO], groups: [FROM_WEST], links: [{ '0→1': link() }], landing: [undefined] });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBe(0);
        expect(run.storeCounters[0]!.staleKnown).toBe(true);
    });

    it('a workload with no declared key space leaves stale reads unknown', () => {
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [EAST_WRITES],
            workload: { keys: undefined, sharedShare: 1, sharedKeys: 0 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.storeCounters[0]!.staleKnown).toBe(false);
        expect(run.groups[0]!.counters.staleReads).toBe(0);
    });

    it.each([
        // a reader whose own keys are written in region 0 at 50/s over 100 keys (0.0005 per key per ms), reading
        // in region 1: x = 0.0005 × 100 = 0.05
        {
            name: "a reader's own keys written in another region go stale over the lag",
            own: 0,
            stale: 2_000 * (1 - Math.exp(-0.05)),
        },
        // written where it reads: nothing in flight towards its replica
        { name: "a reader's own keys written where it reads are never stale", own: 1, stale: 0 },
    ])('$name', ({ own, stale }) => {
        const run = runOf({
            stores: [TWO],
            groups: [{ ...FROM_WEST, origin: 2 }],
            links: [{ '0→1': link() }],
            landing: [{ ownLocation: Int32Array.from([-1, -1, own, -1]) }],
            workload: { keys: 100, sharedShare: 0, sharedKeys: 0, writesPerS: 50 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(stale, 9);
    });

    it('readers without keys of their own read any key, from wherever the other writes land', () => {
        // other writes land in region 0 at 0.1/ms over 100 − 0 keys: 0.001 per key per ms, x = 0.1
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [{ other: Float64Array.from([0.1, 0, 0, 0]) }],
            workload: { keys: 100, sharedShare: 0, sharedKeys: 0 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * (1 - Math.exp(-0.1)), 9);
    });

    it('shared and own keys weigh by their share: P(stale) = s·(1 − e^{−x₁}) + (1 − s)·(1 − e^{−x₂})', () => {
        // a quarter of writes on 10 shared keys landing in region 0 at 0.02/ms (x₁ = 0.2); the rest on the 90
        // own keys of the reader's region 0, at 40/s: 0.04/100 per key per ms (x₂ = 0.04)
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [{ ...EAST_WRITES, ownLocation: Int32Array.from([0, -1, -1, -1]) }],
            workload: { keys: 100, sharedShare: 0.25, sharedKeys: 10, writesPerS: 40 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        const share = 0.25 * (1 - Math.exp(-0.2)) + 0.75 * (1 - Math.exp(-0.04));
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * share, 9);
        expect(run.storeCounters[0]!.readsStale).toBeCloseTo(2_000 * share, 9);
    });

    it('writes landing in several regions add up their exposures', () => {
        // three replicas; the read is served in region 2; writes land in 0 at 0.02/ms and in 1 at 0.03/ms over 10
        // keys: x = (0.002 + 0.003) × 100 = 0.5
        const three = storePlan([0, 1, 2]);
        const run = runOf({
            stores: [three],
            groups: [{ ...FROM_WEST, replicas: [2, -1] }],
            links: [{ '0→2': link(), '1→2': link() }],
            landing: [{ shared: Float64Array.from([0.02, 0.03, 0, 0]) }],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * (1 - Math.exp(-0.5)), 9);
    });

    it('a re-described flow forgets the terms of the previous description', () => {
        // stale over [0, 500] (x = 0.2); then the landing is gone: nothing stale over [500, 1000]
        const run = runOf({ stores: [TWO], groups: [FROM_WEST], links: [{ '0→1': link() }], landing: [EAST_WRITES] });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 500);
        (run.landing as (Landing | undefined)[])[0] = undefined;
        refreshFluid(run, steps(run), 500);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(1_000 * (1 - Math.exp(-0.2)), 9);
    });

    /** FROM_WEST's users moving from region 1 to region 0 over a DNS transition of `ttlMs`; writes land in 0. */
    const movingFromWest = (ttlMs: number) =>
        runOf({
            stores: [TWO],
            groups: [
                {
                    ...FROM_WEST,
                    replicas: [0, 1],
                    transition: { start: 0, end: ttlMs, ttlMs, tailShare: 0, tailMs: 0 },
                },
            ],
            links: [{ '0→1': link(), '1→0': link() }],
            landing: [EAST_WRITES],
        });

    it('users still at the previous destination read its replica during a transition', () => {
        // slot 1 (users not moved yet, a falling ramp 2 → 0 over 1000 ms) reads region 1, stale share 1 − e^{−0.2};
        // slot 0 (moved users) reads region 0, where writes land: fresh. Stale = (1 − e^{−0.2}) × 1000
        const run = movingFromWest(1_000);
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(1_000 * (1 - Math.exp(-0.2)), 9);
        expect(run.groups[0]!.counters.readsServed).toBeCloseTo(2_000, 9);
    });

    it('a re-described flow forgets the terms of users still at the previous destination', () => {
        // slot 1 reads region 1 (stale share 1 − e^{−0.2}) over a transition that moves no one within 1000 ms
        // (TTL 10 s, so 1.8 of 2 reads/ms stay there, falling 0.0002/ms²); the landing is gone at 500
        const run = movingFromWest(100_000);
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 500);
        const before = run.groups[0]!.counters.staleReads;
        // slot 1 serves 2 × (1 − τ/100000) per ms: over [0, 500] the trapezoid (2 + 1.99)/2 × 500 = 997.5
        expect(before).toBeCloseTo(997.5 * (1 - Math.exp(-0.2)), 9);
        (run.landing as (Landing | undefined)[])[0] = undefined;
        refreshFluid(run, steps(run), 500);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(before, 9);
    });

    it('a read served in the first region goes stale on writes landing in another', () => {
        // writes land in region 1 at 0.02/ms; the read is served in region 0: x = 0.2 over the link 1 → 0
        const run = runOf({
            stores: [TWO],
            groups: [{ ...FROM_WEST, replicas: [0, -1] }],
            links: [{ '1→0': link() }],
            landing: [{ shared: Float64Array.from([0, 0.02, 0, 0]) }],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * (1 - Math.exp(-0.2)), 9);
    });

    it.each([
        // the read is served in region 2; the link from 0 resumes at 500, the one from 1 keeps up: the flow
        // must be described again at 500, whichever link comes first
        { name: 'the earliest backlog arrival of several links is the breakpoint', a: 500, b: -Infinity, want: 500 },
        {
            name: 'the earliest backlog arrival is the breakpoint even on the last link',
            a: -Infinity,
            b: 500,
            want: 500,
        },
        { name: 'of two arrivals the earlier is the breakpoint', a: 800, b: 300, want: 300 },
    ])('$name', ({ a, b, want }) => {
        const run = runOf({
            stores: [storePlan([0, 1, 2])],
            groups: [{ ...FROM_WEST, replicas: [2, -1] }],
            links: [{ '0→2': link({ resumeAt: a }), '1→2': link({ resumeAt: b }) }],
            landing: [{ shared: Float64Array.from([0.02, 0.03, 0, 0]) }],
        });
        refreshFluid(run, steps(run), 0);
        expect(run.groups[0]!.reads.until).toBe(want);
    });

    it('readers without keys of their own and shared keys weigh both: s·(1 − e^{−x₁}) + (1 − s)·(1 − e^{−x₂})', () => {
        // 10 of 100 keys shared (a quarter of writes), landing in region 0 at 0.02/ms: x₁ = 0.002 × 100 = 0.2;
        // the other writes land in region 0 at 0.09/ms over the 90 other keys: x₂ = 0.001 × 100 = 0.1
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [{ ...EAST_WRITES, other: Float64Array.from([0.09, 0, 0, 0]) }],
            workload: { keys: 100, sharedShare: 0.25, sharedKeys: 10 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        const share = 0.25 * (1 - Math.exp(-0.2)) + 0.75 * (1 - Math.exp(-0.1));
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * share, 9);
    });

    it('writes to other keys when every key is shared (rounding) expose nothing', () => {
        // 99 % shared of 10 keys rounds to 10 shared keys: the 1 % of other writes has no key of its own, so only
        // the shared term counts: 0.99 × (1 − e^{−0.2}); never a division by zero keys
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [{ ...EAST_WRITES, other: Float64Array.from([0.01, 0, 0, 0]) }],
            workload: { keys: 10, sharedShare: 0.99, sharedKeys: 10 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * 0.99 * (1 - Math.exp(-0.2)), 9);
    });

    it("a reader's own keys moving to the replica it reads stop being stale from then on", () => {
        // [0, 500]: a quarter shared (x₁ = 0.2) and three quarters own keys written in region 0 (x₂ = 0.04);
        // [500, 1000]: the own keys are written where the read is served, only the shared quarter stays exposed
        const landing = { ...EAST_WRITES, ownLocation: Int32Array.from([0, -1, -1, -1]) };
        const run = runOf({
            stores: [TWO],
            groups: [FROM_WEST],
            links: [{ '0→1': link() }],
            landing: [landing],
            workload: { keys: 100, sharedShare: 0.25, sharedKeys: 10, writesPerS: 40 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 500);
        run.landing[0]!.ownLocation[0] = 1;
        refreshFluid(run, steps(run), 500);
        integrate(run, steps(run), 1_000);
        const first = 1_000 * (0.25 * (1 - Math.exp(-0.2)) + 0.75 * (1 - Math.exp(-0.04)));
        const second = 1_000 * 0.25 * (1 - Math.exp(-0.2));
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(first + second, 9);
    });

    it("a reader's own keys are exposed only over the link from where they are written", () => {
        // three replicas, the read served in region 2, own keys written in region 0 at 50/s over 100 keys:
        // x = 0.0005 × 100 = 0.05 over the link 0 → 2 alone (region 1 writes none of them)
        const run = runOf({
            stores: [storePlan([0, 1, 2])],
            groups: [{ ...FROM_WEST, replicas: [2, -1] }],
            links: [{ '0→2': link(), '1→2': link() }],
            landing: [{ ownLocation: Int32Array.from([0, -1, -1, -1]) }],
            workload: { keys: 100, sharedShare: 0, sharedKeys: 0, writesPerS: 50 },
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2_000 * (1 - Math.exp(-0.05)), 9);
    });

    it('a link with no delay stalled at the instant of the description starts from an empty window', () => {
        // window 0 + τ: x(τ) = μτ, stale = 2 × [1000 − (1 − e^{−2})/0.002]
        const noDelay = link({ oneWayMs: 0, blocked: true, blockedSince: 0, resumeAt: Infinity }, 0);
        const run = runOf({ stores: [TWO], groups: [FROM_WEST], links: [{ '0→1': noDelay }], landing: [EAST_WRITES] });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.groups[0]!.counters.staleReads).toBeCloseTo(2 * (1_000 - (1 - Math.exp(-2)) / MU), 9);
    });

    it('each store read is counted on its own store', () => {
        // the group reads a synchronous store 0 (never stale) and the exposed store 1
        const run = runOf({
            stores: [storePlan([0, 1], 'sync'), TWO],
            groups: [{ readRate: 2_000, readsFrom: [0, 1], replicas: [1, 1, -1, -1] }],
            links: [{}, { '0→1': link() }],
            landing: [undefined, EAST_WRITES],
        });
        refreshFluid(run, steps(run), 0);
        integrate(run, steps(run), 1_000);
        expect(run.storeCounters[0]).toMatchObject({ readsServed: 2_000, readsStale: 0 });
        expect(run.storeCounters[1]!.readsServed).toBe(2_000);
        expect(run.storeCounters[1]!.readsStale).toBeCloseTo(2_000 * (1 - Math.exp(-0.2)), 9);
    });
});
