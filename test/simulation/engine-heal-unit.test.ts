// Cuts, heals and drains in the engine's replication mechanism (simulation/engine/mechanisms/replication.ts) on a
// hand-built context (engine-world.ts): what a cut link holds, when a heal lets it resume (one lag later), the
// backlog it drains at the store's catch-up rate with later writes queued behind it, and what a replica cut off
// from every other one strands and, once a link is back, delivers. Lag 100 ms, RTT/2 30 ms between us-east-1
// and us-west-2. Every figure is worked by hand in its row.
import { describe, expect, it } from 'vitest';
import { advance, finishLinks, onDelivery, updateLinks } from '../../simulation/engine/mechanisms/replication.js';
import { deliver, world, writes, type StoreSpec, type World, type WorldOptions } from './engine-world.js';

/** Partitions (or heals) us-east-1 ↔ `other` at `t`, fault `fault`, and lets the links react. */
function partition(w: World, t: number, on: boolean, fault = 3, other = 1): void {
    w.partition(0, other, on);
    w.at(t);
    updateLinks(w.ctx, t, fault);
}

/** us-east-1 writes at 0, 50, 100 and 150; cut from us-west-2 at 150 (the write at 0 arrived at 100). */
function cutAt150(spec: Partial<StoreSpec> = {}, opts: WorldOptions = {}): World {
    const w = world([{ replicas: [0, 1], ...spec }], opts);
    writes(w, 0, [0, 50, 100, 150]);
    partition(w, 150, true);
    return w;
}

describe('a cut stalls the links it crosses', () => {
    it('applies what was due strictly before the cut, then holds the rest', () => {
        const w = cutAt150();
        // the write at 50 is due exactly at 150: a fault at t comes before deliveries at t
        expect(w.link(0, 0, 1)).toMatchObject({
            head: 1,
            lastApplied: 100,
            blocked: true,
            blockedSince: 150,
            cutBy: 3,
            resumeAt: Infinity,
            stamp: 1,
            scheduled: false,
        });
        expect(w.link(0, 1, 0)).toMatchObject({ head: 0, blocked: true, stamp: 1 });
        expect(w.ctx.work.scans).toBe(2);
    });

    it.each([
        { name: 'three writes', weight: 1, fault: 3, held: '3 acknowledged writes', cause: { fault: 3 } },
        { name: 'sampled twice over', weight: 2, fault: 3, held: '6 acknowledged writes', cause: { fault: 3 } },
        { name: 'with no fault to name', weight: 1, fault: -1, held: '3 acknowledged writes', cause: undefined },
    ])('$name: what only the cut-off replica holds is stranded', ({ weight, fault, held, cause }) => {
        const w = world([{ replicas: [0, 1] }], { weight });
        writes(w, 0, [0, 50, 100, 150]);
        partition(w, 150, true, fault);
        expect(w.rows).toEqual([
            {
                t: 150,
                kind: 'writes-stranded',
                text: `orders: ${held} held only in us-east-1 are stranded there until it is reachable again (kept, not lost)`,
                target: 'orders',
                region: 0,
                cause,
            },
        ]);
        // from the write at 50 on; us-west-2, which wrote nothing, strands nothing from the cut on
        expect(w.ctx.fates[0]!.all).toMatchObject([
            { slot: 0, fault, cutAt: 150, firstIndex: 1, firstTime: 50, endIndex: -1 },
            { slot: 1, fault, cutAt: 150, firstIndex: 0, firstTime: 150, endIndex: -1 },
        ]);
    });

    it('names a single stranded write in the singular', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [120]);
        partition(w, 150, true);
        expect(w.rows.map((r) => r.text)).toEqual([
            'orders: 1 acknowledged write held only in us-east-1 are stranded there until it is reachable again (kept, not lost)',
        ]);
    });

    it('changes nothing when no link’s reachability changed', () => {
        const w = cutAt150();
        partition(w, 200, true);
        expect([
            w.link(0, 0, 1).stamp,
            w.link(0, 0, 1).blockedSince,
            w.rows.length,
            w.ctx.fates[0]!.all.length,
        ]).toEqual([1, 150, 1, 2]);
        expect(w.ctx.work.scans).toBe(4);
    });

    it.each([
        // us-west-2 is down: us-east-1 still serves its users, so what it alone holds is a backlog, not stranded;
        // us-west-2's own writes (at 0 and 10, due at 100 and 110) are stranded with it
        { name: 'a peer’s outage strands only the peer’s writes', replicas: [0, 1], down: [1], cut: [], slots: [1] },
        // with a third replica still reachable, us-east-1 is not cut off
        { name: 'a reachable third replica keeps a replica in', replicas: [0, 1, 2], down: [1], cut: [], slots: [1] },
        // partitioned from both peers: cut off although its region is up
        { name: 'partitions on every path cut a replica off', replicas: [0, 1, 2], down: [], cut: [1, 2], slots: [0] },
        // its own region down: cut off even when every peer is down too
        { name: 'every region down strands in each', replicas: [0, 1], down: [0, 1], cut: [], slots: [0, 1] },
    ])('$name', ({ replicas, down, cut, slots }) => {
        const w = world([{ replicas }]);
        writes(w, 0, [0, 10]);
        writes(w, 1, [0, 10]);
        for (const r of down) w.setDown(r);
        for (const r of cut) w.partition(0, r);
        w.at(50);
        updateLinks(w.ctx, 50, 2);
        expect(w.ctx.fates[0]!.all.map((s) => s.slot)).toEqual(slots);
        expect(w.rows.map((r) => r.region)).toEqual(slots.map((s) => replicas[s]));
    });

    it('strands what a replica holds when its own region fails after its only peer’s', () => {
        const w = world([{ replicas: [0, 1] }]);
        // us-west-2 fails at 50: us-east-1 still serves, its writes at 10 and 60 are a backlog for the peer's
        // return; us-east-1 fails at 100, no link changing (both were cut already): now they are stranded there
        writes(w, 0, [10]);
        w.setDown(1);
        updateLinks(w.ctx, 50, 0);
        writes(w, 0, [60]);
        w.setDown(0);
        updateLinks(w.ctx, 100, 1);
        expect(w.ctx.fates[0]!.all.map((s) => [s.slot, s.cutAt, s.firstIndex, s.fault])).toEqual([
            [1, 50, 0, 0],
            [0, 100, 0, 1],
        ]);
        expect(w.rows.map((r) => [r.t, r.text.split(' are ')[0]])).toEqual([
            [100, 'orders: 2 acknowledged writes held only in us-east-1'],
        ]);
        // back at 200 with us-west-2 still down: stranded until a peer is reachable; both back at 300: on their way
        w.setDown(0, false);
        updateLinks(w.ctx, 200, 1);
        expect(w.ctx.fates[0]!.open[0]!.endIndex).toBe(-1);
        w.setDown(1, false);
        updateLinks(w.ctx, 300, 0);
        expect(w.ctx.fates[0]!.all[1]).toMatchObject({ endIndex: 2, healedAt: 300 });
    });

    it('strands nothing again in a replica whose writes a promotion abandoned, its region up', () => {
        const w = cutAt150();
        // a promotion to us-west-2 abandons what us-east-1 held (losses.ts moves every link past it)
        w.ctx.fates[0]!.abandon(0, 200, 1, w.log(0, 0), 1);
        w.link(0, 0, 1).head = w.log(0, 0).end;
        w.setDown(2);
        updateLinks(w.ctx, 300, 2);
        expect(w.ctx.fates[0]!.all.map((s) => [s.slot, s.cutAt])).toEqual([
            [0, 150],
            [1, 150],
        ]);
    });

    it('strands nothing in a region whose storage was destroyed', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 1, [0, 10]);
        w.ctx.destroyed[1] = 1;
        w.setDown(1);
        updateLinks(w.ctx, 50, 2);
        // us-east-1's only peer is down (a backlog, not stranded); us-west-2's storage is gone
        expect(w.ctx.fates[0]!.all).toEqual([]);
        expect(w.rows).toEqual([]);
    });
});

describe('a heal lets a stalled link resume one lag later', () => {
    it('records the backlog the cut held and when the fluid estimate says it is gone', () => {
        const w = cutAt150({}, { weight: 2 });
        partition(w, 400, false);
        const link = w.link(0, 0, 1);
        // resumes at 400 + 100; three entries waiting, ×2; they came in over the 350 ms from the cut to the resume
        const heal = { cutAt: 150, at: 400, backlog: 6, fromIndex: 1, arrivalsPerMs: 6 / 350, expectedEnd: 500 };
        expect(link.heals).toEqual([{ ...heal, drainedAt: -1, drainedWrites: 0, outcome: 'draining' }]);
        expect([link.blocked, link.resumeAt, link.draining, link.drainFree]).toEqual([false, 500, link.heals[0], 500]);
        expect(w.ctx.drainUntil[0]).toBe(500);
        // the link out of us-west-2 held nothing: no heal, no drain
        expect([w.link(0, 1, 0).heals, w.link(0, 1, 0).draining, w.link(0, 1, 0).resumeAt]).toEqual([
            [],
            undefined,
            500,
        ]);
    });

    it('delivers the stranded writes when the backlog has arrived, all at the resume', () => {
        const w = cutAt150();
        partition(w, 400, false);
        // us-west-2's record (nothing stranded) is delivered at the heal; us-east-1's waits for its three writes
        expect(w.ctx.fates[0]!.all.map((s) => s.deliveredAt)).toEqual([-1, 400]);
        expect([w.link(0, 0, 1).healWatch, w.ctx.fates[0]!.all[0]!.endIndex]).toEqual([4, 4]);
        const link = w.link(0, 0, 1);
        advance(w.ctx, link, 499, true);
        expect([link.head, w.rows.length]).toEqual([1, 1]);
        advance(w.ctx, link, 500, true);
        // the oldest held write, sent at 50, arrives at 500
        expect([link.head, link.lastApplied, link.maxHeld, link.maxDelay, link.healWatch]).toEqual([
            4,
            500,
            450,
            100,
            Infinity,
        ]);
        expect(link.heals[0]).toMatchObject({ drainedAt: 500, drainedWrites: 3, outcome: 'drained' });
        expect(link.draining).toBeUndefined();
        expect(w.rows[1]).toEqual({
            t: 500,
            kind: 'writes-delivered',
            text: 'orders: the 3 writes stranded in us-east-1 since 150 ms reached us-west-2, 100 ms after it became reachable again',
            target: 'orders',
            region: 0,
            cause: { fault: 3 },
        });
        expect(w.ctx.fates[0]!.all[0]).toMatchObject({ deliveredAt: 500, delivered: 3 });
    });

    it('delivers the stranded writes when the last one arrives, before applying what follows', () => {
        const w = cutAt150();
        partition(w, 400, false);
        writes(w, 0, [450]);
        advance(w.ctx, w.link(0, 0, 1), 600, true);
        expect([w.link(0, 0, 1).head, w.rows[1]!.t, w.ctx.fates[0]!.all[0]!.delivered]).toEqual([5, 500, 3]);
    });

    it('names a single delivered write in the singular', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [120]);
        partition(w, 150, true, -1);
        partition(w, 400, false, -1);
        advance(w.ctx, w.link(0, 0, 1), 500, true);
        expect(w.rows[1]).toMatchObject({
            text: 'orders: the 1 write stranded in us-east-1 since 150 ms reached us-west-2, 100 ms after it became reachable again',
            cause: undefined,
        });
    });

    it('delivers at once when the replica holds nothing stranded', () => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [0]);
        partition(w, 150, true);
        partition(w, 400, false);
        expect(w.ctx.fates[0]!.all.map((s) => [s.deliveredAt, s.delivered])).toEqual([
            [400, 0],
            [400, 0],
        ]);
        expect([w.link(0, 0, 1).healWatch, w.link(0, 0, 1).heals]).toEqual([Infinity, []]);
    });

    it('stops watching the other links once one has delivered the stranded writes', () => {
        const w = world([{ replicas: [0, 1, 2] }]);
        writes(w, 0, [100]);
        w.partition(0, 1);
        partition(w, 150, true, 3, 2);
        w.partition(0, 1, false);
        partition(w, 400, false, 3, 2);
        expect([w.link(0, 0, 1).healWatch, w.link(0, 0, 2).healWatch]).toEqual([1, 1]);
        advance(w.ctx, w.link(0, 0, 1), 500, true);
        expect([w.link(0, 0, 1).healWatch, w.link(0, 0, 2).healWatch]).toEqual([Infinity, Infinity]);
        advance(w.ctx, w.link(0, 0, 2), 500, true);
        expect(w.rows.map((r) => [r.kind, r.t, r.text.split(' reached ')[1]?.slice(0, 9)])).toEqual([
            ['writes-stranded', 150, undefined],
            ['writes-delivered', 500, 'us-west-2'],
        ]);
    });

    it('hands what a healed record had not delivered to the next cut', () => {
        const w = cutAt150();
        partition(w, 400, false);
        partition(w, 450, true);
        // nothing arrived in between (the resume is at 500): the first record delivered none, the second holds 3
        expect(w.ctx.fates[0]!.all.filter((s) => s.slot === 0)).toMatchObject([
            { cutAt: 150, delivered: 0, endIndex: 1 },
            { cutAt: 450, firstIndex: 1, endIndex: -1 },
        ]);
        expect(w.link(0, 0, 1).heals[0]!.outcome).toBe('cut-again');
        expect([w.link(0, 0, 1).draining, w.link(0, 0, 1).healWatch]).toEqual([undefined, Infinity]);
    });

    it('delivers nothing a promotion abandoned meanwhile', () => {
        const w = cutAt150();
        partition(w, 400, false);
        // a promotion elsewhere abandons what us-east-1 held (losses.ts) before the backlog arrives
        w.ctx.fates[0]!.abandon(0, 450, 1, w.log(0, 0), 1);
        advance(w.ctx, w.link(0, 0, 1), 500, true);
        expect([w.link(0, 0, 1).head, w.rows.map((r) => r.kind)]).toEqual([4, ['writes-stranded']]);
    });

    it.each([
        // heal at 400 with a backlog (a drain: the entry-by-entry apply), the write at 400 due at the resume, 500
        { name: 'after a backlog (entry by entry)', from: 0, held: 500 },
        // the link out of us-west-2 held nothing: no drain (the bulk apply)
        { name: 'on a link that held nothing (in bulk)', from: 1, held: -1 },
    ])('$name: a write sent at the heal counts as lag between live ends', ({ from, held }) => {
        const w = world([{ replicas: [0, 1] }]);
        writes(w, 0, [0, 50, 100]);
        partition(w, 50, true);
        partition(w, 400, false);
        writes(w, from, [400]);
        const link = w.link(0, from, 1 - from);
        advance(w.ctx, link, 500, true);
        // the held writes, sent from 0, arrive at 500; the write at 400 takes the lag
        expect([link.maxHeld, link.maxDelay]).toEqual([held, 100]);
    });
});

describe('a healed backlog drains at the store’s catch-up rate', () => {
    // 10 writes/s: one entry every 100 ms from the resume at 500. The writes held arrived at 3 per 350 ms ≈ 8.57/s,
    // so the fluid estimate drains the 3 in 3 / (10 − 60/7) = 2.1 s.
    it('estimates the drain’s end and extends the stale-read window to it', () => {
        const w = cutAt150({ catchUpPerS: 10 });
        partition(w, 400, false);
        expect(w.link(0, 0, 1).heals[0]!.expectedEnd).toBeCloseTo(2_600, 9);
        expect(w.ctx.drainUntil[0]).toBeCloseTo(2_600, 9);
    });

    it.each([
        { name: 'a catch-up below the arrivals never drains', spec: { catchUpPerS: 5 }, before: 0, until: Infinity },
        { name: 'strong reads see no drain', spec: { strongReads: true }, before: 0, until: 0 },
        { name: 'a later drain already known is kept', spec: {}, before: 9_000, until: 9_000 },
    ])('$name', ({ spec, before, until }) => {
        const w = cutAt150(spec);
        w.ctx.drainUntil[0] = before;
        partition(w, 400, false);
        expect(w.ctx.drainUntil[0]).toBe(until);
    });

    it('applies the backlog one entry per gap and queues later writes behind it', () => {
        const w = cutAt150({ catchUpPerS: 10 });
        partition(w, 400, false);
        writes(w, 0, [560]);
        const link = w.link(0, 0, 1);
        // at 500, 600, 700; the write at 560 (due 660) queues to 800, the log is then empty: drained at 800
        advance(w.ctx, link, 799, true);
        expect([link.head, link.drainFree, link.heals[0]!.outcome]).toEqual([4, 800, 'draining']);
        advance(w.ctx, link, 900, true);
        expect([link.head, link.lastApplied, link.maxHeld, link.maxDelay]).toEqual([5, 800, 550, 240]);
        expect(link.heals[0]).toMatchObject({ drainedAt: 800, drainedWrites: 4, outcome: 'drained' });
        expect(w.ctx.storeCounters[0]!.applied[1]).toBe(5);
    });

    it('ends the drain when a write arrives to an empty queue', () => {
        const w = cutAt150({ catchUpPerS: 10 });
        partition(w, 400, false);
        // the write at 900 is due at 1,000, after the queue emptied at 900 (the last held one applied at 800)
        writes(w, 0, [560, 900]);
        const link = w.link(0, 0, 1);
        advance(w.ctx, link, 1_000, true);
        expect(link.heals[0]).toMatchObject({ drainedAt: 800, drainedWrites: 4, outcome: 'drained' });
        expect([link.head, link.lastApplied, link.draining]).toEqual([6, 1_000, undefined]);
    });

    it('ends the drain with a write due exactly when the queue empties', () => {
        const w = cutAt150({ catchUpPerS: 10 });
        partition(w, 400, false);
        // the last held write is applied at 700 (free from 800); the write at 560 at 800, then free from 900: the
        // write at 800, due at 900, arrives to an empty queue
        writes(w, 0, [560, 800]);
        advance(w.ctx, w.link(0, 0, 1), 900, true);
        expect(w.link(0, 0, 1).heals[0]).toMatchObject({ drainedAt: 800, drainedWrites: 4, outcome: 'drained' });
    });

    it('marks a drain a new cut interrupts', () => {
        const w = cutAt150({ catchUpPerS: 10 });
        partition(w, 400, false);
        partition(w, 650, true);
        // applied at 500 and 600 before the new cut
        expect([w.link(0, 0, 1).head, w.link(0, 0, 1).heals[0]!.outcome, w.link(0, 0, 1).blockedSince]).toEqual([
            3,
            'cut-again',
            650,
        ]);
    });
});

describe('a tracked write in a drain', () => {
    /** us-east-1 writes untracked at 50, key 1 at 60; cut at 100, healed at 300: resumes at 400, 10 writes/s. */
    function trackedDrain() {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0], catchUpPerS: 10 }], { sharedSpace: [4] });
        writes(w, 0, [50]);
        writes(w, 0, [60], 1);
        partition(w, 100, true);
        partition(w, 300, false);
        return w;
    }

    it('waits its turn behind the backlog', () => {
        const w = trackedDrain();
        // the untracked entry at 400, the tracked one a gap later (500), the next free slot 600; the delivery
        // scheduled at 160 before the cut is cancelled
        expect(deliver(w)).toEqual([160, 500]);
        const link = w.link(0, 0, 1);
        expect([link.head, link.drainFree, link.maxHeld, link.heals[0]!.outcome]).toEqual([2, 600, 440, 'draining']);
        expect(w.log(0, 0).trackedStart).toBe(1);
    });

    it.each([
        // sent at 550, due 650, after the queue emptied at 600: the drain ended with the last held one (500)
        {
            name: 'due after the queue empties: the drain ended',
            sent: 550,
            at: 650,
            drainedAt: 500,
            outcome: 'drained',
        },
        { name: 'due as the queue empties: the drain ended', sent: 500, at: 600, drainedAt: 500, outcome: 'drained' },
        // sent at 490, due 590: queued behind, applied at 600, and the queue is free again from 700
        { name: 'due before the queue empties: queued', sent: 490, at: 600, drainedAt: -1, outcome: 'draining' },
    ])('a later tracked write $name', ({ sent, at, drainedAt, outcome }) => {
        const w = trackedDrain();
        deliver(w);
        writes(w, 0, [sent], 2);
        expect(deliver(w)).toEqual([at]);
        const link = w.link(0, 0, 1);
        expect(link.heals[0]).toMatchObject({ drainedAt, drainedWrites: drainedAt < 0 ? 0 : 2, outcome });
        expect([link.maxDelay, link.lastApplied, link.drainFree]).toEqual([at - sent, at, drainedAt < 0 ? 700 : 600]);
    });

    it.each([
        // the queue is free from 600: an untracked write sent at 560 arrives at 660 to an empty queue, so the drain
        // ended with the last held write (500), and the tracked write sent at 570 takes the lag: 670
        { name: 'arrives to an empty queue: the tracked one takes the lag', untracked: 560, sent: 570, at: 670 },
        // an untracked write sent at 490 (due 590) queues to 600, the tracked one sent at 495 (due 595) a gap later
        { name: 'queues: the tracked one waits a gap behind it', untracked: 490, sent: 495, at: 700 },
    ])('after the backlog, an untracked write that $name', ({ untracked, sent, at }) => {
        const w = trackedDrain();
        deliver(w);
        writes(w, 0, [untracked]);
        writes(w, 0, [sent], 2);
        expect(deliver(w)).toEqual([at]);
        const link = w.link(0, 0, 1);
        expect([link.head, link.lastApplied, link.maxDelay]).toEqual([4, at, at - sent]);
    });

    it('delivers the stranded writes with the last one, a tracked write', () => {
        const w = world([{ replicas: [0, 1], trackedWorkloads: [0] }], { sharedSpace: [4] });
        writes(w, 0, [50], 1);
        partition(w, 100, true);
        partition(w, 300, false);
        while (w.ctx.queue.size > 0) {
            w.at(w.ctx.queue.peekTime());
            onDelivery(w.ctx);
        }
        expect(w.rows.map((r) => [r.kind, r.t])).toEqual([
            ['writes-stranded', 100],
            ['writes-delivered', 400],
        ]);
        expect(w.link(0, 0, 1).healWatch).toBe(Infinity);
    });
});

describe('a drain’s end does not depend on when the link is observed', () => {
    // 5 writes/s: 200 ms between two entries of a drain, longer than the 100 ms lag. The write held by the cut
    // (sent at 100) is applied at the resume, 500; the queue is free again from 700, so a write sent at 550 (due
    // 650) queues behind it to 700, and the drain ends with it — whether or not a tick looked at the link at 520,
    // when the log was empty but a write could still arrive in time to queue.
    it.each([
        { name: 'observed only at the end', observed: [800] },
        { name: 'observed while the log was empty', observed: [520, 800] },
    ])('$name', ({ observed }) => {
        const w = world([{ replicas: [0, 1], catchUpPerS: 5 }]);
        writes(w, 0, [100]);
        partition(w, 150, true);
        partition(w, 400, false);
        const link = w.link(0, 0, 1);
        for (const t of observed) {
            if (t > 550) writes(w, 0, [550]);
            advance(w.ctx, link, t, true);
        }
        expect(link.heals[0]).toMatchObject({ drainedAt: 700, drainedWrites: 2, outcome: 'drained' });
        expect(link.lastApplied).toBe(700);
    });

    // A 20 ms lag is below RTT/2 (30): the write held at 150 (sent at 130) arrives at the resume, 430, and the queue
    // is free from 630. Observed at 600, a write sent from then on arrives at 630 at the earliest: the drain is
    // over; at 599 one could still arrive at 629 and queue.
    it.each([
        { name: 'observed at 600: over', t: 600, drain: { drainedAt: 430, drainedWrites: 1, outcome: 'drained' } },
        { name: 'observed at 599: not yet', t: 599, drain: { drainedAt: -1, drainedWrites: 0, outcome: 'draining' } },
    ])('$name — a drain ends once no later write can queue, RTT/2 away', ({ t, drain }) => {
        const w = world([{ replicas: [0, 1], catchUpPerS: 5, lagMs: 20 }]);
        writes(w, 0, [130]);
        partition(w, 150, true);
        partition(w, 400, false);
        advance(w.ctx, w.link(0, 0, 1), t, true);
        expect(w.link(0, 0, 1).heals[0]).toMatchObject(drain);
    });

    it('the run’s end ends a drain whose queue had emptied', () => {
        const w = world([{ replicas: [0, 1], catchUpPerS: 5 }]);
        writes(w, 0, [100]);
        partition(w, 150, true);
        partition(w, 400, false);
        finishLinks(w.ctx, 520);
        expect(w.link(0, 0, 1).heals[0]).toMatchObject({ drainedAt: 500, drainedWrites: 1, outcome: 'drained' });
    });

    it('a new cut ends a drain whose queue had emptied', () => {
        const w = world([{ replicas: [0, 1], catchUpPerS: 5 }]);
        writes(w, 0, [100]);
        partition(w, 150, true);
        partition(w, 400, false);
        advance(w.ctx, w.link(0, 0, 1), 520, true);
        partition(w, 530, true);
        expect(w.link(0, 0, 1).heals[0]).toMatchObject({ drainedAt: 500, drainedWrites: 1, outcome: 'drained' });
    });
});
