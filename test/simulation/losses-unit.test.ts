// What a promotion or a destroyed region takes away (simulation/engine/mechanisms/losses.ts), on a hand-built
// engine context: logs with writes at known times, links whose `advance` reaches a given index, the stranded
// records of data-fate.ts. A promotion loses the writes acknowledged in the old primary and not applied by the
// new one at the promotion instant; a destroyed region loses what none of its links had delivered; an unfenced
// old primary opens a split-brain window. Every figure is worked by hand in its row (fast enough to run per
// mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import { StoreFate } from '../../simulation/data-fate.js';
import type { EngineContext } from '../../simulation/engine/context.js';
import {
    destroyRegion,
    finishSplitBrains,
    type OpenSplitBrains,
    promoted,
    regionBack,
} from '../../simulation/engine/mechanisms/losses.js';
import { newStoreCounters } from '../../simulation/engine/run-state.js';
import type { StorePlan } from '../../simulation/plan.js';
import { type Heal, type KeyStates, type Link, WriteLog } from '../../simulation/replication.js';
import type { StoreRouting } from '../../simulation/routing.js';
import { timelineRecorder } from './timeline-recorder.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

interface StoreSpec {
    id: string;
    replicas: number[];
    mode?: string;
    engine?: string;
}

/** Only what losses.ts reads of a store plan. */
function storePlan(index: number, spec: StoreSpec): StorePlan {
    const slotOf = new Int32Array(REGIONS.length).fill(-1);
    spec.replicas.forEach((r, slot) => (slotOf[r] = slot));
    return {
        index,
        id: spec.id,
        replicas: spec.replicas,
        slotOf,
        mode: spec.mode ?? 'async',
        model: { engine: spec.engine },
    } as unknown as StorePlan;
}

/**
 * A context over `stores`: replica slot s of every store holds writes at 100, 200, …, 1000 ms (indices 0 … 9,
 * key i at index i, key −1 — untracked — at index 8), tracked entries at indices 2 and 5; `reach` says how far
 * each link (`store:from→to` in slots) gets when advanced.
 */
function context(
    stores: StoreSpec[],
    opts: {
        reach?: Record<string, number>;
        down?: number[];
        /** Fault start times (outages), or a start and kind. */
        faults?: (number | { at: number; kind: string })[];
        weight?: number;
        /** Stores whose keys are not tracked one by one (no key states). */
        untracked?: number[];
    } = {},
) {
    const plans = stores.map((s, i) => storePlan(i, s));
    const advanced: [string, number, boolean][] = [];
    const { rows, record } = timelineRecorder();
    const marked: [number, number, number, number][] = [];
    const linkName = new Map<Link, string>();
    const logs = plans.map((p) =>
        p.replicas.map(() => {
            const log = new WriteLog(p.replicas.length, Math.max(1, p.replicas.length - 1), true, 16);
            for (let i = 0; i < 10; i++) {
                log.push(100 * (i + 1), i === 8 ? -1 : i);
                if (i === 2 || i === 5) log.pushTracked();
            }
            return log;
        }),
    );
    const linkOf = plans.map((p) => p.replicas.map(() => new Array<Link | undefined>(p.replicas.length)));
    const linksFrom = plans.map((p, s) =>
        p.replicas.map((_, from) =>
            p.replicas.flatMap((_, to) => {
                if (to === from) return [];
                const l = {
                    store: p,
                    fromSlot: from,
                    toSlot: to,
                    head: 0,
                    trackedHead: 0,
                    stamp: 4,
                    scheduled: true,
                    healWatch: 9,
                    draining: undefined,
                } as unknown as Link;
                linkName.set(l, `${s}:${from}→${to}`);
                linkOf[s]![from]![to] = l;
                return [l];
            }),
        ),
    );
    const keyStates = plans.map((_, s) =>
        opts.untracked?.includes(s)
            ? undefined
            : ({
                  markLost: (key: number, slot: number, time: number) => marked.push([s, key, slot, time]),
              } as unknown as KeyStates),
    );
    const storeRouting = plans.map(() => ({ stalePrimary: 2 }) as unknown as StoreRouting);
    const ctx = {
        plan: {
            regions: REGIONS,
            stores: plans,
            faults: (opts.faults ?? []).map((f, index) =>
                typeof f === 'number' ? { index, at: f, kind: 'outage' } : { index, ...f },
            ),
        },
        weight: opts.weight ?? 1,
        destroyed: new Uint8Array(REGIONS.length),
        work: { scans: 0 },
        logs,
        linksFrom,
        linkOf,
        keyStates,
        storeCounters: plans.map((p) => newStoreCounters(p)),
        storeRouting,
        fates: plans.map((p) => new StoreFate(p.index, p.replicas.length)),
        splitBrains: [],
        faults: { isDown: (r: number) => (opts.down ?? []).includes(r) },
        advance(link: Link, t: number, inclusive: boolean) {
            const name = linkName.get(link)!;
            advanced.push([name, t, inclusive]);
            link.head = opts.reach?.[name] ?? link.head;
        },
        record,
        faultSource: (i: number) => ({ fault: i }),
        regionName: (r: number) => (r >= 0 ? REGIONS[r]! : 'nowhere'),
    } as unknown as EngineContext;
    return { ctx, advanced, rows, marked, logs, linkOf, counters: ctx.storeCounters, fates: ctx.fates };
}

const ORDERS: StoreSpec = { id: 'orders', replicas: [0, 1], engine: 'dynamodb' };
/** A store with no replica in us-east-1. */
const CARTS: StoreSpec = { id: 'carts', replicas: [1, 2], engine: 'dynamodb' };

describe('a destroyed region', () => {
    it('loses the writes none of its links had delivered, with their age when replication stopped', () => {
        const { ctx, advanced, rows, counters, logs, linkOf, marked } = context([ORDERS, CARTS], {
            reach: { '0:0→1': 6 },
        });
        destroyRegion(ctx, 0, 2_000, 1);
        expect(ctx.destroyed[0]).toBe(1);
        // one scan per store
        expect(ctx.work.scans).toBe(2);
        // the link is brought up to the destruction (strictly before it) before anything is counted
        expect(advanced).toEqual([['0:0→1', 2_000, false]]);
        // writes 6 … 9 were only in us-east-1: 4 lost; the oldest (index 6) was written at 700 ms and never
        // cut off before, so replication stopped at the destruction: 2000 − 700 = 1300 ms
        expect(counters[0]).toMatchObject({ lost: 4, rpoMs: 1_300 });
        expect(counters[0]!.losses).toEqual([
            { region: 0, atMs: 2_000, lostWrites: 4, rpoMs: 1_300, fault: 1, cause: 'destroyed', keptIn: -1 },
        ]);
        expect(rows).toEqual([
            {
                t: 2_000,
                kind: 'writes-lost',
                text: 'orders loses 4 acknowledged writes not yet replicated, destroyed with us-east-1 (oldest 1.3 s old when replication stopped)',
                target: 'orders',
                region: 0,
                cause: { fault: 1 },
            },
        ]);
        // the lost values are marked in the key states, all but the untracked key of index 8
        expect(marked).toEqual([
            [0, 6, 0, 700],
            [0, 7, 0, 800],
            [0, 9, 0, 1_000],
        ]);
        // the log is dropped and the link left with nothing to send: its pending event cancelled
        const log = logs[0]![0]!;
        expect([log.start, log.trackedStart]).toEqual([10, 2]);
        expect(linkOf[0]![0]![1]).toMatchObject({
            head: 10,
            trackedHead: 2,
            stamp: 5,
            scheduled: false,
            healWatch: Infinity,
        });
        // carts has no replica in us-east-1: untouched
        expect(counters[1]!.lost).toBe(0);
        expect(logs[1]![0]!.start).toBe(0);
    });

    it.each([
        // both links of us-east-1's replica advanced: 4 and 7; the furthest keeps 0 … 6, so 7 … 9 are lost
        { name: 'the furthest link decides what survives', reach: { '0:0→1': 4, '0:0→2': 7 }, lost: 3, rpo: 1_200 },
        { name: 'whichever link is the furthest', reach: { '0:0→1': 7, '0:0→2': 4 }, lost: 3, rpo: 1_200 },
        // every write delivered: nothing lost, no loss recorded, the RPO stays unknown (−1)
        {
            name: 'nothing is lost when every write was delivered',
            reach: { '0:0→1': 10, '0:0→2': 3 },
            lost: 0,
            rpo: -1,
        },
    ])('$name', ({ reach, lost, rpo }) => {
        const { ctx, counters, rows } = context([{ id: 'orders', replicas: [0, 1, 2] }], { reach });
        destroyRegion(ctx, 0, 2_000, 0);
        // lost: (10 − 7) writes, the oldest at 800 ms: 2000 − 800 = 1200
        expect(counters[0]).toMatchObject({ lost, rpoMs: rpo });
        expect(counters[0]!.losses).toHaveLength(lost > 0 ? 1 : 0);
        expect(rows).toHaveLength(lost > 0 ? 1 : 0);
    });

    it('a replica with no other replica loses its whole log', () => {
        const { ctx, counters, logs } = context([{ id: 'solo', replicas: [0] }]);
        logs[0]![0]!.start = 3;
        destroyRegion(ctx, 0, 2_000, -1);
        // writes 3 … 9: 7 lost, the oldest at 400 ms; no fault behind it: no clause cited
        expect(counters[0]).toMatchObject({ lost: 7, rpoMs: 1_600 });
    });

    it('a fault of −1 cites no clause', () => {
        const { ctx, rows } = context([ORDERS], { reach: { '0:0→1': 9 } });
        destroyRegion(ctx, 0, 2_000, -1);
        // 1 write lost (index 9, 1000 ms old when destroyed at 2000)
        expect(rows).toEqual([
            expect.objectContaining({
                text: 'orders loses 1 acknowledged write not yet replicated, destroyed with us-east-1 (oldest 1 s old when replication stopped)',
                cause: undefined,
            }),
        ]);
    });

    it('a store whose keys are not tracked loses its writes all the same', () => {
        const { ctx, counters, marked } = context([ORDERS], { reach: { '0:0→1': 6 }, untracked: [0] });
        destroyRegion(ctx, 0, 2_000, 0);
        expect(counters[0]!.lost).toBe(4);
        expect(marked).toEqual([]);
    });

    it('marks every lost value from the first write of the log, key 0 included, and cites fault 0', () => {
        const { ctx, marked, rows } = context([ORDERS], { reach: { '0:0→1': 0 } });
        destroyRegion(ctx, 0, 2_000, 0);
        // indices 0 … 9 lost; the untracked key of index 8 is not marked
        expect(marked.map(([, key]) => key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9]);
        expect(rows[0]!.cause).toEqual({ fault: 0 });
    });

    it('counts sampled writes at their weight', () => {
        const { ctx, counters, rows } = context([ORDERS], { reach: { '0:0→1': 6 }, weight: 2.5 });
        destroyRegion(ctx, 0, 2_000, 0);
        // 4 simulated writes × 2.5
        expect(counters[0]!.lost).toBe(10);
        expect(rows[0]!.text).toContain('loses 10 acknowledged writes');
    });

    it.each([
        // cut off at 1500 with index 6 (700 ms) the oldest unreplicated: replication stopped at the cut,
        // 1500 − 700 = 800
        { name: 'a region cut off before its destruction counts the RPO to the cut', cutAt: 1_500, rpo: 800 },
        // cut at exactly the oldest write's time: 700 − 700 = 0
        { name: 'a cut at the oldest write itself gives an RPO of 0', cutAt: 700, rpo: 0 },
        // a record older than the lost writes (cut at 500, healed, its links then got to 6): the writes lost were
        // taken after it, so replication stopped at the destruction: 5000 − 700
        { name: 'a cut older than the oldest lost write counts to the destruction', cutAt: 500, rpo: 4_300 },
    ])('$name', ({ cutAt, rpo }) => {
        const { ctx, counters, fates, logs } = context([ORDERS], { reach: { '0:0→1': 6 } });
        fates[0]!.cut(0, cutAt, 0, 6, logs[0]![0]!, 1);
        counters[0]!.rpoMs = 100;
        destroyRegion(ctx, 0, 5_000, 0);
        expect(counters[0]!.losses[0]!.rpoMs).toBe(rpo);
        // the largest RPO is kept: 100 before
        expect(counters[0]!.rpoMs).toBe(Math.max(100, rpo));
        // the stranded record lost the same four writes
        expect(fates[0]!.all[0]).toMatchObject({ lost: 4, lostAt: 5_000 });
    });

    it('keeps a larger RPO seen before', () => {
        const { ctx, counters } = context([ORDERS], { reach: { '0:0→1': 6 } });
        counters[0]!.rpoMs = 9_000;
        counters[0]!.lost = 3;
        destroyRegion(ctx, 0, 2_000, 0);
        expect(counters[0]).toMatchObject({ rpoMs: 9_000, lost: 7 });
    });

    it("ends a healed link's drain where the link got, and drops what was queued behind it", () => {
        const { ctx, linkOf } = context([ORDERS], { reach: { '0:0→1': 6 } });
        const link = linkOf[0]![0]![1]!;
        const heal = { fromIndex: 4, drainedAt: -1, drainedWrites: 0, outcome: 'draining' } as unknown as Heal;
        link.draining = heal;
        destroyRegion(ctx, 0, 2_000, 0);
        // 6 − 4 of the backlog arrived before the drain ended
        expect(heal).toMatchObject({ drainedAt: 2_000, drainedWrites: 2, outcome: 'drained' });
        expect(link.draining).toBeUndefined();
    });
});

describe('a promotion', () => {
    it('loses what the new primary had not applied, and an unfenced old primary that is up writes on: split brain', () => {
        const { ctx, advanced, rows, counters } = context([ORDERS], { reach: { '0:0→1': 6 }, faults: [1_000] });
        const open: OpenSplitBrains = [undefined];
        counters[0]!.accepted.set([40, 25]);
        promoted(ctx, open, 0, 0, 1, 3_000);
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(0);
        const expected = {
            store: 0,
            oldPrimary: 0,
            newPrimary: 1,
            promotedAt: 3_000,
            startAt: 3_000,
            endAt: -1,
            oldAtStart: 40,
            newAtStart: 25,
            oldWrites: 0,
            newWrites: 0,
        };
        expect(ctx.splitBrains).toEqual([expected]);
        expect(open[0]).toBe(ctx.splitBrains[0]);
        expect(advanced).toEqual([['0:0→1', 3_000, false]]);
        // us-west-2 had applied 0 … 5 at the promotion: 6 … 9 lost, the oldest 3000 − 700 = 2300 ms old; the only
        // fault (at 1000) is the one the failover reacted to
        expect(counters[0]!.losses).toEqual([
            { region: 0, atMs: 3_000, lostWrites: 4, rpoMs: 2_300, fault: 0, cause: 'promotion', keptIn: 1 },
        ]);
        expect(rows).toEqual([
            {
                t: 3_000,
                kind: 'split-brain',
                text: "orders has two primaries: us-east-1 is up and was not fenced when us-west-2 was promoted, so writes issued in us-east-1 still land there and neither side sees the other's",
                target: 'orders',
                region: 0,
                cause: undefined,
            },
            {
                t: 3_000,
                kind: 'writes-lost',
                text: 'orders loses 4 acknowledged writes not yet replicated, abandoned in us-east-1: orders now accepts writes in us-west-2, which never received them (oldest 2.3 s old when replication stopped)',
                target: 'orders',
                region: 0,
                cause: undefined,
            },
        ]);
    });

    it.each([
        // Aurora's managed failover turns the old primary into a secondary
        {
            name: 'a fencing engine leaves no old primary writable',
            spec: { ...ORDERS, engine: 'aurora' },
            from: 0,
            destroyed: false,
        },
        {
            name: 'a store without engine fencing but replicated synchronously has no split brain',
            spec: { ...ORDERS, mode: 'sync' },
            from: 0,
            destroyed: false,
        },
        { name: 'an old primary whose region was destroyed takes no writes', spec: ORDERS, from: 0, destroyed: true },
    ])('$name', ({ spec, from, destroyed }) => {
        const { ctx, counters } = context([spec], { reach: { '0:0→1': 6 } });
        if (destroyed) ctx.destroyed[0] = 1;
        const open: OpenSplitBrains = [undefined];
        promoted(ctx, open, 0, from, 1, 3_000);
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(-1);
        expect(ctx.splitBrains).toEqual([]);
        expect(open).toEqual([undefined]);
        // the writes the new primary never applied are lost all the same
        expect(counters[0]!.lost).toBe(4);
    });

    it('a store without a named engine keeps an unfenced old primary', () => {
        const { ctx } = context([{ id: 'orders', replicas: [0, 1] }], { reach: { '0:0→1': 6 } });
        promoted(ctx, [undefined], 0, 0, 1, 3_000);
        expect(ctx.splitBrains).toHaveLength(1);
    });

    it('a promotion to the same region moves nothing and loses nothing', () => {
        const { ctx, counters, advanced } = context([ORDERS], { reach: { '0:0→1': 6 } });
        const open: OpenSplitBrains = [undefined];
        promoted(ctx, open, 0, 0, 0, 3_000);
        expect(ctx.splitBrains).toEqual([]);
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(-1);
        expect(advanced).toEqual([]);
        expect(counters[0]!.lost).toBe(0);
    });

    it('a promotion away from a region without a replica loses nothing', () => {
        // a fencing engine, so no old primary is left writable in a region the store is not in
        const { ctx, counters, advanced } = context([{ ...CARTS, engine: 'aurora' }]);
        promoted(ctx, [undefined], 0, 0, 1, 3_000);
        expect(advanced).toEqual([]);
        expect(counters[0]!.losses).toEqual([]);
    });

    it('an old primary that is down opens a split brain that starts when its region is back', () => {
        const { ctx, rows, counters } = context([ORDERS], { reach: { '0:0→1': 10 }, down: [0] });
        const open: OpenSplitBrains = [undefined];
        counters[0]!.accepted.set([40, 25]);
        promoted(ctx, open, 0, 0, 1, 3_000);
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(0);
        expect(open[0]).toMatchObject({ promotedAt: 3_000, startAt: -1, oldAtStart: 0, newAtStart: 0 });
        expect(rows).toEqual([]);
        // us-west-2 is back: not the old primary, nothing starts
        regionBack(ctx, open, 1, 3_500);
        expect(open[0]!.startAt).toBe(-1);
        // us-east-1 is back at 4000 with 42 and 31 accepted
        counters[0]!.accepted.set([42, 31]);
        regionBack(ctx, open, 0, 4_000);
        expect(open[0]).toMatchObject({ startAt: 4_000, oldAtStart: 42, newAtStart: 31 });
        expect(rows.map((r) => [r.t, r.kind, r.region])).toEqual([[4_000, 'split-brain', 0]]);
        // back again later (a second outage): the window started already and does not restart
        regionBack(ctx, open, 0, 6_000);
        expect(open[0]!.startAt).toBe(4_000);
        expect(rows).toHaveLength(1);
    });

    it('a window that started at time 0 is not restarted when its region is back, and other stores are skipped', () => {
        const { ctx, rows } = context([ORDERS, { ...ORDERS, id: 'carts' }], { reach: { '1:0→1': 10 } });
        const open: OpenSplitBrains = [undefined, undefined];
        promoted(ctx, open, 1, 0, 1, 0);
        regionBack(ctx, open, 0, 5_000);
        expect(open[1]!.startAt).toBe(0);
        expect(open[0]).toBeUndefined();
        expect(rows.map((r) => r.kind)).toEqual(['split-brain']);
    });

    it('a region back with no failover loses nothing and starts nothing', () => {
        const { ctx, rows, counters } = context([ORDERS]);
        const open: OpenSplitBrains = [undefined];
        regionBack(ctx, open, 0, 4_000);
        expect(rows).toEqual([]);
        expect(counters[0]!.lost).toBe(0);
        expect(open).toEqual([undefined]);
    });

    it('a second promotion closes the first window with what each side accepted during it', () => {
        const { ctx, counters } = context([ORDERS], { reach: { '0:0→1': 10, '0:1→0': 10 } });
        const open: OpenSplitBrains = [undefined];
        counters[0]!.accepted.set([40, 25]);
        promoted(ctx, open, 0, 0, 1, 3_000);
        const first = open[0]!;
        counters[0]!.accepted.set([47, 36]);
        promoted(ctx, open, 0, 1, 0, 6_000);
        // during [3000, 6000): 47 − 40 in us-east-1, 36 − 25 in us-west-2
        expect(first).toMatchObject({ endAt: 6_000, oldWrites: 7, newWrites: 11 });
        expect(open[0]).toMatchObject({ oldPrimary: 1, newPrimary: 0, startAt: 6_000, oldAtStart: 36 });
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(1);
        expect(ctx.splitBrains).toHaveLength(2);
    });

    it('a second promotion that leaves no writable old primary still closes the first window', () => {
        const { ctx, counters } = context([ORDERS], { reach: { '0:0→1': 10, '0:1→0': 10 } });
        const open: OpenSplitBrains = [undefined];
        promoted(ctx, open, 0, 0, 1, 3_000);
        const first = open[0]!;
        counters[0]!.accepted.set([5, 8]);
        ctx.destroyed[1] = 1;
        promoted(ctx, open, 0, 1, 0, 6_000);
        expect(first).toMatchObject({ endAt: 6_000, oldWrites: 5, newWrites: 8 });
        expect(open).toEqual([undefined]);
        expect(ctx.storeRouting[0]!.stalePrimary).toBe(-1);
    });

    it("blames a stranded record's fault when the old primary was cut off", () => {
        const { ctx, counters, fates, logs } = context([ORDERS], { reach: { '0:0→1': 6 }, faults: [1_000, 2_000] });
        fates[0]!.cut(0, 1_500, 0, 6, logs[0]![0]!, 1);
        promoted(ctx, [undefined], 0, 0, 1, 3_000);
        // the record says fault 0 cut it off, though fault 1 started later; RPO to the cut: 1500 − 700
        expect(counters[0]!.losses[0]).toMatchObject({ fault: 0, rpoMs: 800 });
        expect(fates[0]!.all[0]).toMatchObject({ lost: 4, lostAt: 3_000 });
    });

    it.each([
        // faults at 1000, 2000, 2000, 5000: at 3000 the latest started are the two at 2000, the later declared wins
        { name: 'a promotion blames the latest fault started, the later declared of a tie', t: 3_000, want: 2 },
        { name: 'a fault starting at the promotion instant counts', t: 5_000, want: 3 },
        { name: 'a fault started just before counts', t: 2_000, want: 2 },
        { name: 'with no fault started yet, none is blamed', t: 500, want: -1 },
    ])('$name', ({ t, want }) => {
        const { ctx, counters } = context([ORDERS], { reach: { '0:0→1': 0 }, faults: [1_000, 2_000, 2_000, 5_000] });
        promoted(ctx, [undefined], 0, 0, 1, t);
        expect(counters[0]!.losses[0]!.fault).toBe(want);
    });

    it('faults declared out of order: the latest in time, not the last declared', () => {
        const { ctx, counters } = context([ORDERS], { reach: { '0:0→1': 0 }, faults: [2_000, 1_000] });
        promoted(ctx, [undefined], 0, 0, 1, 3_000);
        expect(counters[0]!.losses[0]!.fault).toBe(0);
    });

    it('a lag spike started since is not what the failover reacted to: the fault before it is blamed', () => {
        // a degraded store at 1000 (no cut-off, so no stranded record), a lag spike at 2000, the promotion at 3000:
        // a lag spike never starts a failover, the degradation did
        const { ctx, counters } = context([ORDERS], {
            reach: { '0:0→1': 0 },
            faults: [
                { at: 1_000, kind: 'degrade' },
                { at: 2_000, kind: 'lag-spike' },
            ],
        });
        promoted(ctx, [undefined], 0, 0, 1, 3_000);
        expect(counters[0]!.losses[0]!.fault).toBe(0);
    });
});

describe('the end of the run', () => {
    it('closes the open split brains with what each side accepted, leaving their end open', () => {
        const { ctx, counters } = context([ORDERS, { ...ORDERS, id: 'carts' }], { reach: { '1:0→1': 10 } });
        const open: OpenSplitBrains = [undefined, undefined];
        counters[1]!.accepted.set([10, 20]);
        promoted(ctx, open, 1, 0, 1, 3_000);
        counters[1]!.accepted.set([13, 29]);
        finishSplitBrains(ctx, open, 9_000);
        // 13 − 10 and 29 − 20; endAt stays −1: the window was still open when the run ended
        expect(open[1]).toMatchObject({ endAt: -1, oldWrites: 3, newWrites: 9 });
        expect(open[0]).toBeUndefined();
    });
});
