// The engine's replication mechanism (simulation/engine/mechanisms/replication.ts) on a hand-built context
// (engine-world.ts): the links a store gets, a write joining its log, the in-order bulk apply, tracked keys'
// deliveries against their version vectors, the lag sampled per interval and what the run's end settles. Cuts,
// heals and drains: engine-heal-unit.test.ts. Every figure is worked by hand in its row; the suite runs in well
// under a second, so per mutant, which the whole-simulation suites cannot.
import { describe, expect, it } from 'vitest';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import {
    advance,
    appendWrite,
    finishLinks,
    onDelivery,
    sampleLinks,
    settleFates,
    summarizeCounters,
    updateLinks,
} from '../../simulation/engine/mechanisms/replication.js';
import { deliver, world, writes, type StoreSpec } from './engine-world.js';

describe('the links a store gets', () => {
    it.each([
        // two replicas: one link each way, RTT/2 of 60 ms → 30; 2 sampled writes per entry at 50/s → 40 ms apart
        {
            name: 'two replicas: one link each way, 40 ms apart',
            spec: { replicas: [0, 1], catchUpPerS: 50 },
            weight: 2,
            want: [
                { index: 0, from: 0, to: 1, fromSlot: 0, toSlot: 1, column: 0, oneWayMs: 30, gapMs: 40 },
                { index: 1, from: 1, to: 0, fromSlot: 1, toSlot: 0, column: 0, oneWayMs: 30, gapMs: 40 },
            ],
        },
        {
            name: 'three replicas: two links from each, in column order',
            spec: { replicas: [2, 0, 1] },
            weight: 1,
            want: [
                { from: 2, to: 0, column: 0, oneWayMs: 40, gapMs: 0 },
                { from: 2, to: 1, column: 1, oneWayMs: 70, gapMs: 0 },
                { from: 0, to: 2, column: 0, oneWayMs: 40 },
                { from: 0, to: 1, column: 1, oneWayMs: 30 },
                { from: 1, to: 2, column: 0, oneWayMs: 70 },
                { from: 1, to: 0, column: 1, oneWayMs: 30 },
            ],
        },
        {
            name: 'a synchronous store has no link',
            spec: { replicas: [0, 1], mode: 'sync' as const },
            weight: 1,
            want: [],
        },
        { name: 'a store in one region has no link', spec: { replicas: [1] }, weight: 1, want: [] },
    ])('$name', ({ spec, weight, want }) => {
        const w = world([spec], { weight });
        expect(w.ctx.links).toHaveLength(want.length);
        want.forEach((fields, i) => expect(w.ctx.links[i]).toMatchObject(fields));
    });

    it('starts every link idle, never cut, with nothing applied', () => {
        const w = world([{ replicas: [0, 1] }]);
        expect(w.link(0, 0, 1)).toMatchObject({
            head: 0,
            trackedHead: 0,
            appendedDue: 0,
            scheduled: false,
            stamp: 0,
            blocked: false,
            cutBy: -1,
            resumeAt: 0,
            lastApplied: 0,
            intervalMaxLag: -1,
            maxDelay: -1,
            maxHeld: -1,
            heals: [],
            healWatch: Infinity,
            draining: undefined,
            drainFree: 0,
        });
    });

    it('files each log by slot and by region, and links by source and destination', () => {
        const w = world([{ replicas: [2, 0] }]);
        const [east, west] = [w.log(0, 0), w.log(0, 1)];
        expect(w.ctx.logIn[0]).toEqual([west, undefined, east]);
        expect([east.replica, west.replica, east.links, east.stride]).toEqual([0, 1, 1, 2]);
        expect(w.ctx.linksFrom[0]![0]).toEqual([w.link(0, 0, 1)]);
        expect(w.link(0, 0, 1).log).toBe(east);
        expect(w.link(0, 1, 0).log).toBe(west);
    });

    it.each([
        // untracked logs: 1024 × 2 + 1 numbers each, two logs
        { name: 'untracked: two logs of 2,049 numbers', spec: { replicas: [0, 1] }, state: 4_098 },
        // 15 tracked keys × 2 replicas × 4, and two tracked logs of 1024 × 4 + 256 × 2
        {
            name: 'tracked: key cells and two tracked logs',
            spec: { replicas: [0, 1], trackedWorkloads: [0, 1] },
            state: 120 + 2 * 4_608,
        },
        // a counter adds 15 × (2 + 3) and 1024 per log
        {
            name: 'a counter: its state and one value per entry',
            spec: { replicas: [0, 1], trackedWorkloads: [0, 1], shape: 'counter' },
            state: 120 + 75 + 2 * 5_632,
        },
        // synchronous: key cells only (15 × 2 × 4), no log
        {
            name: 'sync: key cells only',
            spec: { replicas: [0, 1], trackedWorkloads: [0, 1], mode: 'sync' },
            state: 120,
        },
    ] as { name: string; spec: StoreSpec; state: number }[])('counts its state: $name', ({ spec, state }) => {
        const w = world([spec], { sharedSpace: [5, 10] });
        expect(w.ctx.work.state).toBe(state);
    });
});

describe('which shared keys are tracked one by one', () => {
    it.each([
        // 30 keys × 2 replicas × 4 = 240 cells against a budget of 120: half of each workload's keys
        { name: 'over budget: half of each workload', space: [10, 20], budget: 120, limits: [5, 10], note: '50%' },
        { name: 'within budget: every key', space: [10, 20], budget: 240, limits: [10, 20], note: undefined },
        // 7.9 shared keys (thinned by sampling) give 7 whole ones; 0.4 still one
        { name: 'fractional spaces: whole keys, one at least', space: [7.9, 0.4], budget: 1e9, limits: [7, 1] },
        // 0.25 keys count as 1 in the budget: 2 keys × 8 = 16 cells against 8 → half (one key at least each)
        { name: 'a space below one counts as one key', space: [1, 0.25], budget: 8, limits: [1, 1], note: '50%' },
        // 3 keys × 8 = 24 cells against 18: three quarters
        { name: 'a budget of three quarters', space: [2, 1], budget: 18, limits: [1, 1], note: '75%' },
    ])('$name', ({ space, budget, limits, note }) => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0, 1] }], {
            sharedSpace: space,
            maxKeyStateCells: budget,
        });
        expect([...w.ctx.trackedLimit[0]!.values()]).toEqual(limits);
        expect([...w.plans[0]!.keyOffsets.values()]).toEqual([0, limits[0]]);
        expect(w.ctx.keyStates[0]!.keys).toBe(limits[0]! + limits[1]!);
        if (note === undefined) {
            expect(w.ctx.notes).toEqual([]);
            expect(w.ctx.conflictScale[0]).toBe(1);
        } else {
            expect(w.ctx.notes).toEqual([
                `orders: conflicts are tracked on ${note} of its shared keys (a uniform sample) and scaled up, to keep the key state within the memory budget`,
            ]);
            expect(w.ctx.conflictScale[0]).toBeCloseTo(100 / parseFloat(note), 12);
        }
    });

    it.each([
        {
            name: 'an asynchronous store follows versions, not in-flight writes',
            spec: { replicas: [0, 1], trackedWorkloads: [0] },
            keyStates: true,
            sync: undefined,
            counter: false,
        },
        {
            name: 'a synchronous one remembers its last write per key and replica',
            spec: { replicas: [0, 1], mode: 'sync', trackedWorkloads: [0] },
            keyStates: false,
            sync: [-Infinity, -Infinity, -Infinity, -Infinity],
            counter: false,
        },
        {
            name: 'a counter under LWW follows each version’s value',
            spec: { replicas: [0, 1], trackedWorkloads: [0], shape: 'counter' },
            keyStates: true,
            sync: undefined,
            counter: true,
        },
        {
            name: 'a counter under CRDT does not',
            spec: { replicas: [0, 1], trackedWorkloads: [0], shape: 'counter', conflicts: 'crdt' },
            keyStates: true,
            sync: undefined,
            counter: false,
        },
        {
            name: 'a store without tracked keys keeps no key state',
            spec: { replicas: [0, 1] },
            keyStates: false,
            sync: undefined,
            counter: false,
        },
    ] as { name: string; spec: StoreSpec; keyStates: boolean; sync?: number[]; counter: boolean }[])(
        '$name',
        ({ spec, keyStates, sync, counter }) => {
            const w = world([spec], { sharedSpace: [2] });
            expect(w.ctx.keyStates[0] !== undefined).toBe(keyStates);
            expect(w.ctx.syncLastWrite[0] && [...w.ctx.syncLastWrite[0]]).toEqual(sync);
            expect(w.ctx.counterStates[0] !== undefined).toBe(counter);
            expect(w.ctx.logs[0]![0]?.values !== undefined).toBe(counter);
            if (spec.trackedWorkloads === undefined) expect(w.ctx.trackedLimit[0]!.size).toBe(0);
        },
    );

    it('tracks nothing for a store whose shared keys number none', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0], trackedKeys: 0 }], { sharedSpace: [3] });
        expect(w.ctx.trackedLimit[0]!.size).toBe(0);
        expect(w.ctx.keyStates[0]).toBeUndefined();
    });
});

describe('a write joins its replica’s log', () => {
    // The log keeps a key's tracked index, and −1 for a key not tracked (here: none is).
    it('appends the write’s time to the log of the region that accepted it', () => {
        const w = world([{ replicas: [0, 1] }]);
        w.at(10);
        appendWrite(w.ctx, 0, 1, 7, 0);
        const log = w.log(0, 1);
        expect([log.end, log.timeAt(0), log.keys[0], w.log(0, 0).end]).toEqual([1, 10, -1, 0]);
    });

    it.each([
        { name: 'a region the store has no replica in', region: 2, stalePrimary: -1 },
        { name: 'an unfenced old primary', region: 0, stalePrimary: 0 },
    ])('logs nothing written in $name', ({ region, stalePrimary }) => {
        const w = world([{ replicas: [0, 1] }]);
        (w.ctx.storeRouting[0] as { stalePrimary: number }).stalePrimary = stalePrimary;
        writes(w, region, [10]);
        expect([w.log(0, 0).end, w.log(0, 1).end]).toEqual([0, 0]);
    });

    it.each([
        // no spike and no tracked key: the latest due time is only read for tracked entries, so it is not kept
        { name: 'steady lag: not raised by an untracked write', spikes: [], times: [10], due: 0 },
        // a 500 ms spike over [0, 1 s): 10 + 500
        { name: 'a spike raises it to the write’s own due time', spikes: [[0, 1_000, 500]], times: [10], due: 510 },
        // sent at 900 in the spike (due 1,400), then at 1,200 after it (due 1,300): in order, 1,400 stays
        { name: 'an earlier due time never lowers it', spikes: [[0, 1_000, 500]], times: [900, 1_200], due: 1_400 },
        // after the spike, 1,200 + 100
        { name: 'a later due time after a spike raises it', spikes: [[0, 1_000, 500]], times: [10, 1_200], due: 1_300 },
    ])('the latest due time of a link: $name', ({ spikes, times, due }) => {
        const w = world([
            { replicas: [0, 1], spikes: spikes.map(([from, to, lagMs]) => ({ from: from!, to: to!, lagMs: lagMs! })) },
        ]);
        writes(w, 0, times);
        expect(w.link(0, 0, 1).appendedDue).toBe(due);
        expect(w.link(0, 1, 0).appendedDue).toBe(0);
    });
});

describe('a write to a tracked key', () => {
    /** Two replicas tracking workload 0's 4 shared keys and workload 1's 3 (offset 4). */
    const tracked = (spec: Partial<StoreSpec> = {}, weight = 1) =>
        world([{ replicas: [0, 1], trackedWorkloads: [0, 1], ...spec }], { sharedSpace: [4, 3], weight });

    it.each([
        { name: 'key 2 of workload 0 is tracked at index 2', key: 2, workload: 0, index: 2 },
        { name: 'key 1 of workload 1 is tracked at index 5', key: 1, workload: 1, index: 5 },
        { name: 'key 4 of workload 0, beyond its 4 keys, is not', key: 4, workload: 0, index: -1 },
        { name: 'key 3 of workload 1, beyond its 3 keys, is not', key: 3, workload: 1, index: -1 },
        { name: 'a key of an untracked workload is not', key: 0, workload: 2, index: -1 },
        { name: 'a write with no key (−1) is not', key: -1, workload: 0, index: -1 },
    ])('$name', ({ key, workload, index }) => {
        const w = tracked();
        w.at(50);
        appendWrite(w.ctx, 0, 0, key, workload);
        const log = w.log(0, 0);
        expect([log.trackedEnd, log.keys[0]]).toEqual([index < 0 ? 0 : 1, index]);
        expect(w.ctx.queue.size).toBe(index < 0 ? 0 : 1);
        if (index >= 0) expect(w.ctx.keyStates[0]!.valueTime[index * 2]).toBe(50);
    });

    it('versions the key, snapshots what its value includes and schedules the delivery one lag later', () => {
        const w = tracked();
        w.at(50);
        appendWrite(w.ctx, 0, 0, 2, 0);
        const log = w.log(0, 0);
        const link = w.link(0, 0, 1);
        expect([log.trackedAt[0], log.trackedDue[0], link.appendedDue]).toEqual([0, 150, 150]);
        // what replica 0's value of key 2 includes: its own write at 50, nothing from replica 1
        expect([...log.seen!.subarray(0, 2)]).toEqual([50, -1]);
        expect(link.scheduled).toBe(true);
        const q = w.ctx.queue;
        expect([q.peekTime(), q.peekKind(), q.peekArgValue(), q.peekStampValue()]).toEqual([
            150,
            EventKind.delivery,
            link.index,
            0,
        ]);
        void Rank;
    });

    it('schedules one delivery per link at a time, none on a cut link', () => {
        const w = tracked();
        w.at(50);
        appendWrite(w.ctx, 0, 0, 2, 0);
        w.at(60);
        appendWrite(w.ctx, 0, 0, 3, 0);
        // the second tracked entry's floor: 60 + 100
        expect(w.log(0, 0).trackedDue[1]).toBe(160);
        expect(w.ctx.queue.size).toBe(1);
        w.link(0, 1, 0).blocked = true;
        w.at(70);
        appendWrite(w.ctx, 0, 1, 2, 0);
        expect([w.ctx.queue.size, w.link(0, 1, 0).scheduled]).toEqual([1, false]);
    });

    it('floors a tracked entry’s due time at RTT/2 when the lag is shorter', () => {
        const w = tracked({ lagMs: 20 });
        w.at(50);
        appendWrite(w.ctx, 0, 0, 2, 0);
        expect(w.log(0, 0).trackedDue[0]).toBe(80);
        expect(w.ctx.queue.peekTime()).toBe(80);
    });

    it('carries a counter’s value with each increment', () => {
        const w = tracked({ shape: 'counter' });
        writes(w, 0, [10, 20], 2);
        expect([...w.log(0, 0).values!.subarray(0, 2)]).toEqual([1, 2]);
    });
});

describe('a link applies what is due, in order and in bulk', () => {
    it.each([
        // lag 100: the writes sent at 0 and 100 are due at 100 and 200; the one at 250 at 350
        { name: 'up to t included', lagMs: 100, t: 200, inclusive: true, head: 2, last: 200, lag: 100 },
        {
            name: 'a write due exactly at t waits when t is excluded',
            lagMs: 100,
            t: 200,
            inclusive: false,
            head: 1,
            last: 100,
            lag: 100,
        },
        // a 20 ms lag is below RTT/2 (30): due at 30, 130, 280
        { name: 'no sooner than RTT/2', lagMs: 20, t: 129, inclusive: true, head: 1, last: 30, lag: 30 },
        { name: 'nothing before the first is due', lagMs: 100, t: 99, inclusive: true, head: 0, last: 0, lag: -1 },
    ])('$name', ({ lagMs, t, inclusive, head, last, lag }) => {
        const w = world([{ replicas: [0, 1], lagMs }], { weight: 3 });
        writes(w, 0, [0, 100, 250]);
        const link = w.link(0, 0, 1);
        advance(w.ctx, link, t, inclusive);
        expect([link.head, link.lastApplied, link.intervalMaxLag, link.maxDelay, link.maxHeld]).toEqual([
            head,
            last,
            lag,
            lag,
            -1,
        ]);
        expect([...w.ctx.storeCounters[0]!.applied]).toEqual([0, head * 3]);
        expect([w.ctx.appliesInBulk, w.log(0, 0).start]).toEqual([head, head]);
    });

    it.each([
        // spike of 300 ms over [0, 50): the write at 0 is due at 300, the one at 100 at 200 but in order at 300
        { name: 'a spike holds back the writes after it', t: 300, head: 2, last: 300, maxDelay: 300 },
        { name: 'nothing passes a write still in its spike', t: 299, head: 0, last: 0, maxDelay: -1 },
        // the third, sent at 400, is due at 500
        { name: 'after the spike, each write takes the lag', t: 500, head: 3, last: 500, maxDelay: 300 },
    ])('with a lag spike: $name', ({ t, head, last, maxDelay }) => {
        const w = world([{ replicas: [0, 1], spikes: [{ from: 0, to: 50, lagMs: 300 }] }], { weight: 2 });
        writes(w, 0, [0, 100, 400]);
        const link = w.link(0, 0, 1);
        advance(w.ctx, link, t, true);
        expect([link.head, link.lastApplied, link.maxDelay, link.intervalMaxLag]).toEqual([
            head,
            last,
            maxDelay,
            maxDelay,
        ]);
        expect([w.ctx.storeCounters[0]!.applied[1], w.ctx.appliesInBulk]).toEqual([head * 2, head]);
    });

    it('stops before a tracked entry, which has its own delivery', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        writes(w, 0, [0]);
        writes(w, 0, [10], 1);
        writes(w, 0, [20]);
        advance(w.ctx, w.link(0, 0, 1), 1_000, true);
        expect(w.link(0, 0, 1).head).toBe(1);
    });

    it('applies the untracked writes after the last tracked one was delivered', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        writes(w, 0, [10], 1);
        deliver(w);
        writes(w, 0, [200, 300]);
        advance(w.ctx, w.link(0, 0, 1), 400, true);
        expect(w.link(0, 0, 1).head).toBe(3);
    });

    it('applies nothing over a cut link', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [0]);
        w.link(0, 0, 1).resumeAt = Infinity;
        advance(w.ctx, w.link(0, 0, 1), 1_000, true);
        expect(w.link(0, 0, 1).head).toBe(0);
    });

    it('keeps a log’s entries until every link out of it has applied them', () => {
        const w = world([{ replicas: [0, 1, 2] }]);
        writes(w, 0, [0, 100, 200]);
        // due at 100, 200, 300 on both links out of us-east-1
        advance(w.ctx, w.link(0, 0, 1), 300, true);
        expect([w.link(0, 0, 1).head, w.log(0, 0).start]).toEqual([3, 0]);
        advance(w.ctx, w.link(0, 0, 2), 200, true);
        expect(w.log(0, 0).start).toBe(2);
        advance(w.ctx, w.link(0, 0, 2), 300, true);
        expect(w.log(0, 0).start).toBe(3);
    });

    it('holds writes a stall kept back apart from the lag between live ends', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [0, 100, 600]);
        const link = w.link(0, 0, 1);
        // resumed at 500: the first two are applied then (500 and 400 ms old), the third at 700 (100)
        link.resumeAt = 500;
        advance(w.ctx, link, 700, true);
        expect([link.head, link.maxHeld, link.maxDelay, link.intervalMaxLag]).toEqual([3, 500, 100, 500]);
    });
});

describe('a tracked write is delivered against the key’s versions', () => {
    // us-west-2 writes key 0 at 20, us-east-1 at 50, neither having seen the other: due at 120 in us-east-1
    // (older there: superseded) and at 150 in us-west-2 (newer: applied over a concurrent value). Two writes per
    // sampled one, and conflicts tracked on a third of the keys: each counts 2 × 3 = 6.
    function concurrent(conflicts: StoreSpec['conflicts']) {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0], conflicts }], { sharedSpace: [4], weight: 2 });
        w.ctx.conflictScale[0] = 3;
        writes(w, 1, [20], 0);
        writes(w, 0, [50], 0);
        return w;
    }

    it.each([
        { conflicts: 'lww' as const, discardedAt: [0, 6], mergesAt: [0, 0], siblingsAt: [0, 0] },
        { conflicts: 'crdt' as const, discardedAt: [0, 0], mergesAt: [6, 6], siblingsAt: [0, 0] },
        { conflicts: 'vector-clocks' as const, discardedAt: [0, 0], mergesAt: [0, 0], siblingsAt: [6, 6] },
    ])(
        '$conflicts: what two concurrent writes leave is counted',
        ({ conflicts, discardedAt, mergesAt, siblingsAt }) => {
            const w = concurrent(conflicts);
            expect(deliver(w)).toEqual([120, 150]);
            const c = w.ctx.storeCounters[0]!;
            expect([c.discarded, c.merges, c.siblings, c.overwritten]).toEqual([
                discardedAt[1],
                mergesAt[0]! + mergesAt[1]!,
                siblingsAt[0]! + siblingsAt[1]!,
                0,
            ]);
            expect([[...c.discardedAt], [...c.mergesAt], [...c.siblingsAt]]).toEqual([
                discardedAt,
                mergesAt,
                siblingsAt,
            ]);
            // each delivery is one applied write of weight 2, sent one lag before
            expect([...c.applied]).toEqual([2, 2]);
            const [east, west] = [w.link(0, 0, 1), w.link(0, 1, 0)];
            expect([east.head, east.trackedHead, east.lastApplied, east.maxDelay, east.intervalMaxLag]).toEqual([
                1, 1, 150, 100, 100,
            ]);
            expect([west.lastApplied, west.maxDelay, west.maxHeld, west.scheduled]).toEqual([120, 100, -1, false]);
        },
    );

    it('counts a discarded value that was stranded in its region as overwritten at the heal', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        // us-west-2 was cut off at 10 with nothing pending: what it accepts from then on is stranded
        w.ctx.fates[0]!.cut(1, 10, 0, 0, w.log(0, 1), 1);
        writes(w, 1, [20], 0);
        writes(w, 0, [50], 0);
        deliver(w);
        const c = w.ctx.storeCounters[0]!;
        expect([c.discarded, c.overwritten, w.ctx.fates[0]!.all[0]!.overwritten]).toEqual([1, 1, 1]);
    });

    it('ignores a delivery cancelled since it was scheduled', () => {
        const w = concurrent('lww');
        w.link(0, 1, 0).stamp++;
        w.at(120);
        onDelivery(w.ctx);
        expect([w.link(0, 1, 0).head, w.ctx.queue.size, w.ctx.storeCounters[0]!.applied[0]]).toEqual([0, 1, 0]);
    });

    it('applies the untracked writes before a tracked one, then schedules the next', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        writes(w, 0, [10]);
        writes(w, 0, [50, 60], 1);
        expect(deliver(w, 150)).toEqual([150]);
        expect([w.link(0, 0, 1).head, w.ctx.storeCounters[0]!.applied[1], w.ctx.queue.peekTime()]).toEqual([2, 2, 160]);
        expect(w.link(0, 0, 1).scheduled).toBe(true);
        // the log keeps the tracked entry still on its way (the second), not the one delivered
        expect([w.log(0, 0).trackedStart, w.log(0, 0).trackedEnd]).toEqual([1, 2]);
    });

    it('counts a tracked write a cut held back apart from the lag between live ends', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        writes(w, 0, [50], 1);
        w.partition(0, 1);
        updateLinks(w.ctx, 100, 0);
        w.partition(0, 1, false);
        w.at(300);
        updateLinks(w.ctx, 300, 0);
        // a tracked write sent at the heal is due at the resume, 400, like the held one: it took only the lag
        writes(w, 0, [300], 2);
        // the delivery scheduled for 150 was cancelled by the cut; the heal's is at 300 + 100, 350 ms after it was sent
        expect(deliver(w)).toEqual([150, 400, 400]);
        expect([w.link(0, 0, 1).maxHeld, w.link(0, 0, 1).maxDelay, w.link(0, 0, 1).head]).toEqual([350, 100, 2]);
    });

    it('carries a counter’s value to the replica that adopts the newer version, and only there', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0], shape: 'counter' }], { sharedSpace: [4] });
        // us-west-2 counts to 3 at 10, 20 and 30; us-east-1, unaware, to 2 at 40 and 50
        writes(w, 1, [10, 20, 30], 0);
        writes(w, 0, [40, 50], 0);
        const value = w.ctx.counterStates[0]!.value;
        // us-east-1 keeps its own (newer) version at 110, 120 and 130; us-west-2 adopts 1 at 140, then 2 at 150
        expect(deliver(w, 140)).toEqual([110, 120, 130, 140]);
        expect([...value.subarray(0, 2)]).toEqual([2, 1]);
        deliver(w);
        expect([...value.subarray(0, 2)]).toEqual([2, 2]);
    });

    it('adopts no count from a version tied in time with a value lost in the destination', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0], shape: 'counter' }], { sharedSpace: [4] });
        // us-east-1 counts to 2 at 40 and 50; us-west-2 counts 1 at 50, a value then lost there (a promotion's
        // abandon marks it): the version from us-east-1 sent at 50 is no newer, so us-west-2 keeps its count
        writes(w, 0, [40, 50], 0);
        writes(w, 1, [50], 0);
        w.ctx.keyStates[0]!.markLost(0, 1, 50);
        deliver(w);
        expect([...w.ctx.counterStates[0]!.value.subarray(0, 2)]).toEqual([2, 1]);
    });
});

describe('the lag sampled at the end of each interval', () => {
    it('takes the older of the oldest write applied and the oldest still waiting', () => {
        const w = world([{ replicas: [0, 1] }], { ticks: 3 });
        writes(w, 0, [0, 950]);
        // by 1,000: the write at 0 arrived 100 ms after it was sent; the one at 950 has waited 50 ms
        sampleLinks(w.ctx, 0, 1_000);
        const link = w.link(0, 0, 1);
        expect([link.head, link.intervalMaxLag, link.maxDelay, link.maxHeld]).toEqual([1, -1, 100, -1]);
        // by 2,000 the second arrived (100 ms) and nothing waits; the link out of us-west-2 never carried anything
        sampleLinks(w.ctx, 1, 2_000);
        expect([...w.ctx.lagSeries[0]!]).toEqual([100, 100, NaN]);
        expect([...w.ctx.lagSeries[1]!]).toEqual([NaN, NaN, NaN]);
        expect(w.ctx.work.scans).toBe(4);
    });

    it('takes the oldest write waiting when it is older than any applied', () => {
        // a 1 s lag spike over [100, 200): the write at 0 arrives at 100, the one at 150 is due at 1,150
        const w = world([{ replicas: [0, 1], spikes: [{ from: 100, to: 200, lagMs: 1_000 }] }], { ticks: 1 });
        writes(w, 0, [0, 150]);
        sampleLinks(w.ctx, 0, 400);
        // by 400 it has waited 250 ms, on its way between live ends
        expect([w.ctx.lagSeries[0]![0], w.link(0, 0, 1).maxDelay, w.link(0, 0, 1).maxHeld]).toEqual([250, 250, -1]);
    });

    it('counts the oldest write waiting on a stalled link as held, until the backlog has arrived', () => {
        const w = world([{ replicas: [0, 1] }], { ticks: 4 });
        writes(w, 0, [0, 1_500]);
        sampleLinks(w.ctx, 0, 1_000);
        w.partition(0, 1);
        updateLinks(w.ctx, 1_550, 0);
        // cut: the write at 1,500 has waited 500 ms by 2,000
        sampleLinks(w.ctx, 1, 2_000);
        // healed at 2,500, resuming at 2,600: still stalled at 2,550, the write 1,050 ms old
        w.partition(0, 1, false);
        updateLinks(w.ctx, 2_500, 0);
        sampleLinks(w.ctx, 2, 2_550);
        const link = w.link(0, 0, 1);
        expect([link.maxHeld, link.maxDelay]).toEqual([1_050, 100]);
        // applied at 2,600, 1,100 ms after it was sent
        sampleLinks(w.ctx, 3, 3_000);
        expect([...w.ctx.lagSeries[0]!]).toEqual([100, 500, 1_050, 1_100]);
        expect([link.maxHeld, link.maxDelay]).toEqual([1_100, 100]);
    });
});

describe('what the run’s end settles', () => {
    /** Two counter stores; in each, us-west-2 counts key 0 once at 20 and us-east-1 twice at 40 and 50, unaware. */
    function counters() {
        const spec: StoreSpec = { replicas: [0, 1], trackedWorkloads: [0], shape: 'counter' };
        const w = world([spec, { ...spec, id: 'carts' }, { replicas: [0, 1] }], { sharedSpace: [4], weight: 2 });
        w.ctx.conflictScale[0] = 3;
        for (const s of [0, 1])
            for (const [region, t] of [
                [1, 20],
                [0, 40],
                [0, 50],
            ] as const) {
                w.at(t);
                appendWrite(w.ctx, s, region, 0, 0);
            }
        return w;
    }

    it('counts the increments lost once replication converges, scaled', () => {
        const w = counters();
        summarizeCounters(w.ctx);
        // 3 acknowledged, the newest version (50) holds 2: 1 lost, × 2 × 3 in orders, × 2 in carts
        expect(w.ctx.counterSummaries[0]).toEqual({ lost: 6, notConvergedKeys: 0, notConvergedIncrements: 0 });
        expect(w.ctx.counterSummaries[1]).toEqual({ lost: 2, notConvergedKeys: 0, notConvergedIncrements: 0 });
        expect(w.ctx.counterSummaries[2]).toBeUndefined();
    });

    it('keeps a key whose write waits on a cut link apart, as not converged', () => {
        const w = counters();
        // orders delivers what was due by 145 (the write at 40 to us-west-2), then its link out of us-east-1 is cut
        // with the write at 50 on it; carts' links are not cut
        deliver(w, 145);
        w.link(0, 0, 1).blocked = true;
        w.link(1, 1, 0).blocked = true;
        summarizeCounters(w.ctx);
        expect(w.ctx.counterSummaries[0]).toEqual({ lost: 0, notConvergedKeys: 1, notConvergedIncrements: 18 });
        // carts' writes from us-west-2 were all delivered (at 120) before its link was marked cut
        expect(w.ctx.counterSummaries[1]).toEqual({ lost: 2, notConvergedKeys: 0, notConvergedIncrements: 0 });
    });

    it('ends a drain still under way as unfinished, or as one that never drains', () => {
        // 2 writes per entry at 200/s: one entry every 10 ms once the backlog drains from 105
        const w = world(
            [
                { replicas: [0, 1], catchUpPerS: 200 },
                { id: 'carts', replicas: [0, 2], catchUpPerS: 200 },
            ],
            {
                weight: 2,
            },
        );
        writes(w, 0, [0, 10, 20]);
        writes(w, 0, [0, 10, 20], -1, 0, 1);
        const [orders, carts] = [w.link(0, 0, 1), w.link(1, 0, 1)];
        const heal = (expectedEnd: number) => ({ fromIndex: 1, expectedEnd, outcome: 'draining', drainedWrites: 0 });
        const [ordersHeal, cartsHeal] = [heal(5_000), heal(Infinity)];
        orders.draining = ordersHeal as never;
        carts.draining = cartsHeal as never;
        orders.drainFree = carts.drainFree = 105;
        finishLinks(w.ctx, 115);
        // applied at 105 and 115; the third (due 100 + 20) waits for 125: one entry since the heal's first, × 2
        expect(ordersHeal).toMatchObject({ outcome: 'unfinished', drainedWrites: 2 });
        expect(cartsHeal).toMatchObject({ outcome: 'never-drains', drainedWrites: 2 });
        expect([orders.head, carts.head, w.ctx.work.scans]).toEqual([2, 2, 4]);
    });

    it('settles what a replica cut off and healed had delivered by the furthest link out of it', () => {
        const w = world([{ replicas: [0, 1, 2] }], { weight: 2 });
        writes(w, 0, [0, 10, 20, 30]);
        // cut off with nothing delivered, healed with the four writes on their way
        w.ctx.fates[0]!.cut(0, 5, 0, 0, w.log(0, 0), 2);
        w.ctx.fates[0]!.heal(0, 40, w.log(0, 0));
        w.link(0, 0, 1).head = 1;
        w.link(0, 0, 2).head = 3;
        settleFates(w.ctx);
        expect(w.ctx.fates[0]!.all[0]!.delivered).toBe(6);
    });
});
