// Cases of the engine's replication mechanism (simulation/engine/mechanisms/replication.ts) that its other unit
// suites left open: the largest of several tracked deliveries' ages (not the latest), index arithmetic with a key,
// a ring slot or a link column other than 0, a second bulk apply on one link, fault 0 as a cause, a log with two
// links out of it, a sample taken exactly at a write's due or send time, and a replica whose healed writes are
// still on their way when its region fails after its only peer's. Hand-built context (engine-world.ts): lag
// 100 ms; RTT/2 of 30 ms to us-west-2 and 40 ms to eu-west-1 from us-east-1. Every figure is worked by hand.
import { describe, expect, it } from 'vitest';
import {
    advance,
    finishLinks,
    onDelivery,
    sampleLinks,
    updateLinks,
} from '../../simulation/engine/mechanisms/replication.js';
import { deliver, world, writes, type StoreSpec, type World } from './engine-world.js';

/** Cuts (`on`) or heals us-east-1 ↔ us-west-2 at `t`, fault `fault`, and lets the links react. */
function partition(w: World, t: number, on: boolean, fault = 3): void {
    w.partition(0, 1, on);
    w.at(t);
    updateLinks(w.ctx, t, fault);
}

/** Two replicas, us-east-1 and us-west-2, tracking workload 0's 4 shared keys one by one. */
function tracked(spec: Partial<StoreSpec> = {}): World {
    return world([{ replicas: [0, 1], trackedWorkloads: [0], ...spec }], { sharedSpace: [4] });
}

describe('the links and logs a store gets', () => {
    it('gives a store in one region no log and counts no state for it', () => {
        const w = world([{ replicas: [1] }]);
        expect([w.ctx.logs[0], w.ctx.logIn[0], w.ctx.linkOf[0], w.ctx.work.state]).toEqual([
            [],
            [undefined, undefined, undefined],
            [],
            0,
        ]);
    });

    it('keeps no link from a replica to itself', () => {
        const w = world([{ replicas: [0, 1, 2] }]);
        // slot 0 links to slots 1 and 2 only; the diagonal cell stays empty
        expect(w.ctx.linkOf[0]!.map((row, from) => row[from])).toEqual([undefined, undefined, undefined]);
        expect(w.ctx.linkOf[0]![0]![1]).toBe(w.link(0, 0, 1));
    });
});

describe('a link applies what is due', () => {
    it('counts each bulk apply’s writes once, from where the previous one stopped', () => {
        const w = world([{ replicas: [0, 1] }], { weight: 3 });
        writes(w, 0, [0, 100, 200]);
        const link = w.link(0, 0, 1);
        // due at 100, 200, 300: one by 100, the other two by 300; 3 writes each
        advance(w.ctx, link, 100, true);
        advance(w.ctx, link, 300, true);
        expect([link.head, w.ctx.storeCounters[0]!.applied[1], w.ctx.appliesInBulk]).toEqual([3, 9, 3]);
    });

    it('holds back a write due exactly at a cut under a lag spike too', () => {
        // a spike from 1 s on makes every apply entry by entry; before it the lag is 100: due at 100, 150, 200, 250
        const w = world([{ replicas: [0, 1], spikes: [{ from: 1_000, to: 2_000, lagMs: 500 }] }]);
        writes(w, 0, [0, 50, 100, 150]);
        partition(w, 150, true);
        // a fault at 150 comes before the delivery due at 150: only the write at 0 was applied
        expect([w.link(0, 0, 1).head, w.link(0, 0, 1).lastApplied]).toEqual([1, 100]);
    });

    it('keeps a drain whose log emptied open when looked at again with nothing new (the next write decides)', () => {
        // 5 writes/s: one entry every 200 ms from the resume at 500; the writes at 50 and 100 were held by the cut
        const w = world([{ replicas: [0, 1], catchUpPerS: 5 }]);
        writes(w, 0, [0, 50, 100]);
        partition(w, 150, true);
        partition(w, 400, false);
        const link = w.link(0, 0, 1);
        // applied at 500 and 700; the queue is free at 900, and a write sent at 700 could arrive at 800 and queue
        advance(w.ctx, link, 700, true);
        // at 850 no write can arrive before 950, past 900; the log is empty and nothing is applied: it stays open
        advance(w.ctx, link, 850, true);
        expect([link.draining, link.heals[0]!.outcome]).toEqual([link.heals[0], 'draining']);
        // the run's end closes it with the same figures it would have had: drained at 700, 2 writes
        finishLinks(w.ctx, 1_000);
        expect(link.heals[0]).toMatchObject({ outcome: 'drained', drainedAt: 700, drainedWrites: 2 });
    });
});

describe('a tracked write is delivered', () => {
    it('applies an untracked write due at the same moment before it', () => {
        const w = tracked();
        // both sent at 50, due at 150: the untracked one first, in log order
        writes(w, 0, [50]);
        writes(w, 0, [50], 0);
        w.at(150);
        onDelivery(w.ctx);
        expect([w.link(0, 0, 1).head, w.link(0, 0, 1).trackedHead, w.ctx.queue.size]).toEqual([2, 1, 0]);
    });

    it.each([
        {
            // sent at 50 and 60, cut at 100 (due at 150, 160), healed at 300: both delivered at the resume, 400,
            // 350 and 340 ms after they were sent
            name: 'held by a cut: the older one’s age stays the largest',
            spec: {},
            run: (w: World) => {
                writes(w, 0, [50], 0);
                writes(w, 0, [60], 1);
                partition(w, 100, true);
                partition(w, 300, false);
            },
            // (the delivery first scheduled for 150 is popped and ignored: the cut cancelled it)
            want: { deliveries: [150, 400, 400], maxHeld: 350, maxDelay: -1, intervalMaxLag: 350 },
        },
        {
            // a 300 ms spike over [0, 50): the write at 0 is due at 300; the one at 100 takes 100 ms but, in
            // order, is applied at 300 too: 300 and 200 ms after they were sent, neither held by a stall
            name: 'behind a lag spike: the older one’s delay stays the largest',
            spec: { spikes: [{ from: 0, to: 50, lagMs: 300 }] },
            run: (w: World) => {
                writes(w, 0, [0], 0);
                writes(w, 0, [100], 1);
            },
            want: { deliveries: [300, 300], maxHeld: -1, maxDelay: 300, intervalMaxLag: 300 },
        },
    ])('$name', ({ spec, run, want }) => {
        const w = tracked(spec);
        run(w);
        const deliveries = deliver(w);
        const link = w.link(0, 0, 1);
        expect({
            deliveries,
            maxHeld: link.maxHeld,
            maxDelay: link.maxDelay,
            intervalMaxLag: link.intervalMaxLag,
        }).toEqual(want);
    });

    it('reads a second tracked entry’s own version vector', () => {
        const w = tracked();
        // us-east-1 writes key 1 at 10 (its first tracked entry); us-west-2 writes key 0 at 20, applied in
        // us-east-1 at 120; us-east-1 then writes key 0 at 130 over it (its second entry): a later write, not a
        // concurrent one, so us-west-2 takes it at 230 and nothing is discarded
        writes(w, 0, [10], 1);
        writes(w, 1, [20], 0);
        expect(deliver(w, 125)).toEqual([110, 120]);
        writes(w, 0, [130], 0);
        expect(deliver(w)).toEqual([230]);
        // what us-east-1's value of key 0 included at 130: its own write, and us-west-2's at 20
        expect([...w.log(0, 0).seen!.subarray(2, 4)]).toEqual([130, 20]);
        const c = w.ctx.storeCounters[0]!;
        expect([c.discarded, [...c.discardedAt]]).toEqual([0, [0, 0]]);
        expect(w.ctx.keyStates[0]!.valueTime[0 * 2 + 1]).toBe(130);
    });

    it.each([
        // us-west-2 cut off from 10 with nothing pending: its write at 20 is stranded, then discarded at 150
        { name: 'written while cut off: stranded, then overwritten', westAt: 20, cutBefore: true, overwritten: 1 },
        // its write at 5 reached us-east-1 at 105, before it was cut off at 110: discarded, but never stranded
        { name: 'written before the cut-off: only discarded', westAt: 5, cutBefore: false, overwritten: 0 },
    ])('key 1, $name', ({ westAt, cutBefore, overwritten }) => {
        const w = tracked();
        const cutOff = (t: number) => w.ctx.fates[0]!.cut(1, t, 0, w.link(0, 1, 0).head, w.log(0, 1), 1);
        if (cutBefore) cutOff(10);
        writes(w, 1, [westAt], 1);
        writes(w, 0, [50], 1);
        // us-west-2's write is applied in us-east-1 one lag later (superseded there by its own newer value at 50)
        deliver(w, westAt + 100);
        if (!cutBefore) cutOff(110);
        // us-east-1's write at 50 never saw us-west-2's: in us-west-2 at 150 it discards that concurrent value
        deliver(w);
        const c = w.ctx.storeCounters[0]!;
        expect([c.discarded, c.overwritten, w.ctx.fates[0]!.all[0]!.overwritten]).toEqual([
            1,
            overwritten,
            overwritten,
        ]);
    });

    it('carries a counter’s value on key 1 to the replica that adopts it', () => {
        const w = tracked({ shape: 'counter' });
        // us-west-2 counts key 1 to 1 at 10; us-east-1, holding nothing, adopts that version and its count at 110
        writes(w, 1, [10], 1);
        deliver(w);
        // the counter's values of key 1, per replica: cells 2 and 3
        expect([...w.ctx.counterStates[0]!.value.subarray(2, 4)]).toEqual([1, 1]);
    });

    it('delivers the stranded writes only when the last of them arrives, at the catch-up rate', () => {
        // tracked writes to keys 0 and 1 at 120 and 130, held by the cut at 150 (due at 220 and 230); healed at
        // 400, resuming at 500; 10 writes/s: the first at 500, the second one gap (100 ms) later
        const w = tracked({ catchUpPerS: 10 });
        writes(w, 0, [120], 0);
        writes(w, 0, [130], 1);
        partition(w, 150, true);
        partition(w, 400, false);
        // (the delivery first scheduled for 220 is popped and ignored: the cut cancelled it)
        expect(deliver(w)).toEqual([220, 500, 600]);
        expect(w.rows.map((r) => [r.kind, r.t])).toEqual([
            ['writes-stranded', 150],
            ['writes-delivered', 600],
        ]);
        expect(w.ctx.fates[0]!.all[0]).toMatchObject({ deliveredAt: 600, delivered: 2 });
    });
});

describe('a write joins its replica’s log', () => {
    it('tracks no write without a key, even in a workload whose keys start past 0', () => {
        // workload 1's 3 keys sit at 4–6 in the key state, after workload 0's 4
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0, 1] }], { sharedSpace: [4, 3] });
        writes(w, 0, [50], -1, 1);
        const log = w.log(0, 0);
        expect([log.end, log.trackedEnd, log.keys[0], w.ctx.queue.size]).toEqual([1, 0, -1, 0]);
    });

    it('keeps each link’s due time per tracked entry and link column', () => {
        // three replicas and a 20 ms lag: RTT/2 floors of 30 ms to us-west-2 (column 0) and 40 ms to eu-west-1
        // (column 1); tracked writes at 50 and 60 are due at 80 and 90, then 90 and 100
        const w = world([{ replicas: [0, 1, 2], trackedWorkloads: [0], lagMs: 20 }], { sharedSpace: [4] });
        writes(w, 0, [50], 0);
        writes(w, 0, [60], 1);
        expect([...w.log(0, 0).trackedDue.subarray(0, 4)]).toEqual([80, 90, 90, 100]);
        // one delivery per link, each at its first entry's due time
        expect(deliver(w, 85)).toEqual([80]);
        expect(w.ctx.queue.peekTime()).toBe(90);
    });

    it('snapshots a second tracked entry’s version vector at its own place', () => {
        const w = tracked();
        writes(w, 0, [50], 0);
        writes(w, 0, [60], 1);
        // entry 0 (key 0): its own write at 50; entry 1 (key 1): its own write at 60; nothing from us-west-2
        expect([...w.log(0, 0).seen!.subarray(0, 4)]).toEqual([50, -1, 60, -1]);
    });
});

describe('a log with two links out of it', () => {
    it('keeps the entries and tracked entries the link listed first still needs, when the last is ahead', () => {
        // replicas [0, 2, 1]: us-east-1's links go to eu-west-1 (listed first) and us-west-2 (listed last); with a
        // 20 ms lag they take 40 and 30 ms. Untracked writes at 0 and 10, a tracked one at 20: due at 30, 40, 50 in
        // us-west-2 and at 40, 50, 60 in eu-west-1
        const w = world([{ replicas: [0, 2, 1], trackedWorkloads: [0], lagMs: 20 }], { sharedSpace: [4] });
        writes(w, 0, [0, 10]);
        writes(w, 0, [20], 0);
        const [eu, west] = [w.link(0, 0, 1), w.link(0, 0, 2)];
        // by 45 us-west-2 has both untracked writes; eu-west-1 none yet, then the first
        advance(w.ctx, west, 45, true);
        expect([west.head, eu.head, w.log(0, 0).start]).toEqual([2, 0, 0]);
        advance(w.ctx, eu, 45, true);
        expect([west.head, eu.head, w.log(0, 0).start]).toEqual([2, 1, 1]);
        // us-west-2 takes the tracked write at 50; eu-west-1 still needs it (due at 60)
        expect(deliver(w, 55)).toEqual([50]);
        expect([west.trackedHead, eu.trackedHead, w.log(0, 0).trackedStart, w.log(0, 0).start]).toEqual([1, 0, 0, 1]);
    });
});

describe('a replica cut off strands what only it holds', () => {
    it('takes the furthest link out of it, not the first or the last', () => {
        // three replicas and a 20 ms lag: us-east-1's writes at 0 and 5 are due at 30 and 35 in us-west-2, 40 and
        // 45 in eu-west-1; its region fails at 36, when us-west-2 has both: nothing is held only there
        const w = world([{ replicas: [0, 1, 2], lagMs: 20 }]);
        writes(w, 0, [0, 5]);
        w.setDown(0);
        w.at(36);
        updateLinks(w.ctx, 36, 1);
        expect([w.link(0, 0, 1).head, w.link(0, 0, 2).head]).toEqual([2, 0]);
        expect(w.ctx.fates[0]!.all.map((s) => [s.slot, s.firstIndex])).toEqual([[0, 2]]);
        expect(w.rows).toEqual([]);
    });

    it('names fault 0 as the cause of both the stranding and the delivery', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [120]);
        partition(w, 150, true, 0);
        partition(w, 400, false, 0);
        advance(w.ctx, w.link(0, 0, 1), 500, true);
        expect(w.rows.map((r) => [r.kind, r.cause])).toEqual([
            ['writes-stranded', { fault: 0 }],
            ['writes-delivered', { fault: 0 }],
        ]);
    });

    it('strands again the healed writes still on their way when its region fails after its only peer’s', () => {
        const w = world([{ replicas: [0, 1] }]);
        // us-east-1's write at 100 (due at 200) is stranded by the cut at 150; healed at 300, it is on its way
        // (resuming at 400) when us-west-2 fails at 350 and us-east-1 at 360: held only there again
        writes(w, 0, [100]);
        partition(w, 150, true);
        partition(w, 300, false);
        w.setDown(1);
        w.at(350);
        updateLinks(w.ctx, 350, 4);
        w.setDown(0);
        w.at(360);
        updateLinks(w.ctx, 360, 5);
        const east = w.ctx.fates[0]!.all.filter((s) => s.slot === 0);
        expect(east.map((s) => [s.cutAt, s.firstIndex, s.endIndex, s.fault])).toEqual([
            [150, 0, 0, 3],
            [360, 0, -1, 5],
        ]);
        expect(w.rows.filter((r) => r.region === 0).map((r) => [r.t, r.text.split(' are ')[0]])).toEqual([
            [150, 'orders: 1 acknowledged write held only in us-east-1'],
            [360, 'orders: 1 acknowledged write held only in us-east-1'],
        ]);
    });
});

describe('the lag sampled at the end of each interval', () => {
    it('applies a write due exactly at the sample’s end', () => {
        const w = world([{ replicas: [0, 1] }], { ticks: 2 });
        writes(w, 0, [900]);
        // due at 1,000: applied by the first sample, 100 ms after it was sent; nothing left for the second
        sampleLinks(w.ctx, 0, 1_000);
        expect([w.link(0, 0, 1).head, w.ctx.storeCounters[0]!.applied[1]]).toEqual([1, 1]);
        sampleLinks(w.ctx, 1, 2_000);
        expect([...w.ctx.lagSeries[0]!]).toEqual([100, NaN]);
    });

    it('records a lag of 0 for a write sent at the sample’s end', () => {
        const w = world([{ replicas: [0, 1] }], { ticks: 1 });
        writes(w, 0, [1_000]);
        sampleLinks(w.ctx, 0, 1_000);
        expect([w.ctx.lagSeries[0]![0], w.link(0, 0, 1).maxDelay]).toEqual([0, 0]);
    });

    it('keeps the oldest held age when a later stall holds nothing', () => {
        const w = world([{ replicas: [0, 1] }], { ticks: 3 });
        // sent at 1,500, cut at 1,550, healed at 2,500: applied at the resume, 2,600, 1,100 ms old
        writes(w, 0, [1_500]);
        partition(w, 1_550, true);
        sampleLinks(w.ctx, 0, 2_000);
        partition(w, 2_500, false);
        sampleLinks(w.ctx, 1, 3_000);
        // cut again at 3,100 with nothing waiting: the sample at 3,500 has no write to age
        partition(w, 3_100, true);
        sampleLinks(w.ctx, 2, 3_500);
        expect([w.link(0, 0, 1).maxHeld, [...w.ctx.lagSeries[0]!]]).toEqual([1_100, [500, 1_100, NaN]]);
    });
});
