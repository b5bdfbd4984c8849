// The replication streams' pieces on their own (delay, stall, stale-read window, tracked due time, drain end,
// the write log's rings and the per-key conflict states), with hand-built links: fast enough to run per mutant,
// which the whole-simulation suites are not. Expected values are worked by hand in each row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StorePlan } from '../../simulation/plan.js';
import {
    applyRemote,
    ApplyResult,
    delayOf,
    endDrain,
    KeyStates,
    type Heal,
    type Link,
    slotArray,
    stalled,
    trackedDueTime,
    visibilityWindow,
    windowBreak,
    windowSlope,
    WriteLog,
} from '../../simulation/replication.js';

type Spike = { from: number; to: number; lagMs: number };

/** Only the store fields replication.ts reads; the rest of a StorePlan is irrelevant here. */
function store(lagMs: number, spikes: Spike[] = [], catchUpPerS = 0): StorePlan {
    return {
        id: 'orders',
        lagMs,
        spikes,
        drain: { catchUpPerS, declared: catchUpPerS > 0, itemBytes: undefined },
    } as unknown as StorePlan;
}

function heal(over: Partial<Heal> = {}): Heal {
    return {
        cutAt: 1_000,
        at: 5_000,
        backlog: 0,
        fromIndex: 0,
        arrivalsPerMs: 2,
        expectedEnd: 9_000,
        drainedAt: -1,
        drainedWrites: 0,
        outcome: 'draining',
        ...over,
    };
}

function link(over: Partial<Link> & { lagMs?: number; spikes?: Spike[]; catchUpPerS?: number } = {}): Link {
    const { lagMs = 100, spikes = [], catchUpPerS = 0, ...rest } = over;
    return {
        index: 3,
        store: store(lagMs, spikes, catchUpPerS),
        fromSlot: 0,
        toSlot: 1,
        from: 0,
        to: 1,
        column: 0,
        oneWayMs: 40,
        log: new WriteLog(2, 1, false),
        head: 0,
        trackedHead: 0,
        appendedDue: 0,
        scheduled: false,
        stamp: 0,
        blocked: false,
        blockedSince: 0,
        cutBy: -1,
        resumeAt: -Infinity,
        lastApplied: 0,
        intervalMaxLag: 0,
        maxDelay: 0,
        maxHeld: 0,
        heals: [],
        healWatch: Infinity,
        gapMs: 0,
        draining: undefined,
        drainFree: 0,
        ...rest,
    };
}

describe('the send-to-apply delay of a write', () => {
    const spike = [{ from: 1_000, to: 2_000, lagMs: 5_000 }];
    it.each([
        // max(1000, 40) = 1000
        { name: 'a lag of 1 s over an 80 ms RTT is the lag', l: link({ lagMs: 1_000 }), sent: 0, want: 1_000 },
        // max(20, 40) = 40: nothing crosses faster than half the round trip
        { name: 'a lag below RTT/2 is floored at the one-way transit', l: link({ lagMs: 20 }), sent: 0, want: 40 },
        { name: 'a lag equal to RTT/2 is the lag', l: link({ lagMs: 40 }), sent: 0, want: 40 },
        // before the spike [1000, 2000): the base lag, max(100, 40) = 100
        { name: 'a write before a lag spike sees the base lag', l: link({ spikes: spike }), sent: 999, want: 100 },
        { name: 'a write at a spike start sees the spike lag', l: link({ spikes: spike }), sent: 1_000, want: 5_000 },
        {
            name: 'a write just before a spike ends sees the spike lag',
            l: link({ spikes: spike }),
            sent: 1_999,
            want: 5_000,
        },
        { name: 'a write at the spike end sees the base lag', l: link({ spikes: spike }), sent: 2_000, want: 100 },
        // spike lag 10 over base 5: max(10, 40) = 40
        {
            name: 'a spike below RTT/2 is floored too',
            l: link({ lagMs: 5, spikes: [{ from: 0, to: 10, lagMs: 10 }] }),
            sent: 5,
            want: 40,
        },
    ])('$name', ({ l, sent, want }) => {
        expect(delayOf(l, sent)).toBe(want);
    });

    it('is never below RTT/2 nor below the lag in force', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 10_000 }),
                fc.integer({ min: 0, max: 500 }),
                fc.integer({ min: 0, max: 10_000 }),
                fc.integer({ min: 0, max: 3_000 }),
                fc.integer({ min: 0, max: 5_000 }),
                (lag, oneWay, spikeLag, from, sent) => {
                    const l = link({
                        lagMs: lag,
                        oneWayMs: oneWay,
                        spikes: [{ from, to: from + 1_000, lagMs: spikeLag }],
                    });
                    const inSpike = sent >= from && sent < from + 1_000;
                    const inForce = inSpike ? Math.max(lag, spikeLag) : lag;
                    expect(delayOf(l, sent)).toBe(Math.max(inForce, oneWay));
                },
            ),
        );
    });
});

describe('whether a link is stalled', () => {
    it.each([
        { name: 'a cut link is stalled whatever the time', over: { blocked: true, resumeAt: 0 }, t: 10, want: true },
        { name: 'a healed link is stalled until its backlog arrives', over: { resumeAt: 500 }, t: 499, want: true },
        {
            name: 'a healed link is live from the moment its backlog arrives',
            over: { resumeAt: 500 },
            t: 500,
            want: false,
        },
        { name: 'a link never cut is live', over: {}, t: 0, want: false },
    ])('$name', ({ over, t, want }) => {
        expect(stalled(link(over), t)).toBe(want);
    });
});

describe('the stale-read window of a link', () => {
    // Cut from 1000 ms, backlog landing from 5000 ms, catching up 3000 writes/s = 3/ms against 2 writes/ms
    // arriving: the window closes at 1 − 3/2 = −0.5 ms per ms from 4000 + 100, so it is one lag (100) again after
    // 4000 / 0.5 = 8000 ms, at 13000 ms — the fluid estimate's end, set consistently here.
    const draining = () =>
        link({
            lagMs: 100,
            blockedSince: 1_000,
            resumeAt: 5_000,
            gapMs: 1,
            catchUpPerS: 3_000,
            draining: heal({ arrivalsPerMs: 2, expectedEnd: 13_000 }),
        });
    it.each([
        { name: 'a live link is one delay behind', l: link({ lagMs: 1_000 }), t: 0, window: 1_000, slope: 0 },
        // cut since 5000 ms: 8000 − 5000 + 1000
        {
            name: 'a cut link is behind by the time since the cut plus the delay',
            l: link({ lagMs: 1_000, blocked: true, blockedSince: 5_000 }),
            t: 8_000,
            window: 4_000,
            slope: 1,
        },
        // healed but the backlog lands at 9000 ms: still 8000 − 5000 + 1000
        {
            name: 'a healed link still waiting for its backlog grows like a cut one',
            l: link({ lagMs: 1_000, blockedSince: 5_000, resumeAt: 9_000 }),
            t: 8_000,
            window: 4_000,
            slope: 1,
        },
        // at the drain start: 5000 − 1000 + 100 + 0 = 4100
        { name: 'a draining link starts from the stall it had', l: draining(), t: 5_000, window: 4_100, slope: -0.5 },
        // 4100 + (7000 − 5000) × −0.5 = 3100
        { name: 'a draining link closes its window at 1 − c/w', l: draining(), t: 7_000, window: 3_100, slope: -0.5 },
        // 4100 + (12000 − 5000) × −0.5 = 600
        {
            name: 'a draining link just before its end is almost caught up',
            l: draining(),
            t: 12_000,
            window: 600,
            slope: -0.5,
        },
        {
            name: 'a drained link is one delay behind at the drain end',
            l: draining(),
            t: 13_000,
            window: 100,
            slope: 0,
        },
        {
            name: 'a drained link stays one delay behind after the drain end',
            l: draining(),
            t: 15_000,
            window: 100,
            slope: 0,
        },
        // gapMs 0: the backlog lands at once, the window keeps 4100 until the end
        {
            name: 'a backlog applied at once leaves the window flat until the drain end',
            l: { ...draining(), gapMs: 0 },
            t: 7_000,
            window: 4_100,
            slope: 0,
        },
        {
            name: 'a drain with no arrivals while cut leaves the window flat',
            l: { ...draining(), draining: heal({ arrivalsPerMs: 0, expectedEnd: 13_000 }) },
            t: 7_000,
            window: 4_100,
            slope: 0,
        },
    ])('$name', ({ l, t, window, slope }) => {
        expect(visibilityWindow(l, t)).toBeCloseTo(window, 9);
        expect(windowSlope(l, t)).toBeCloseTo(slope, 12);
    });

    it.each([
        { name: 'a cut link has no break ahead', l: link({ blocked: true, resumeAt: 700 }), t: 0, want: Infinity },
        { name: 'a healed link breaks when its backlog lands', l: link({ resumeAt: 700 }), t: 0, want: 700 },
        { name: 'a draining link breaks at the drain end', l: draining(), t: 5_000, want: 13_000 },
        { name: 'a drain at its end has no break ahead', l: draining(), t: 13_000, want: Infinity },
        { name: 'a live link has no break ahead', l: link(), t: 0, want: Infinity },
    ])('$name', ({ l, t, want }) => {
        expect(windowBreak(l, t)).toBe(want);
    });

    it('closes linearly from the heal to one lag at a consistent drain end, never below one lag', () => {
        fc.assert(
            fc.property(fc.double({ min: 5_000, max: 13_000, noNaN: true }), (t) => {
                const w = visibilityWindow(draining(), t);
                expect(w).toBeCloseTo(t >= 13_000 ? 100 : 4_100 - 0.5 * (t - 5_000), 6);
                expect(w).toBeGreaterThanOrEqual(100 - 1e-6);
            }),
        );
    });
});

describe('when the next tracked entry can be applied', () => {
    // Two links (columns 0 and 1) out of one log; entries 0–2 untracked, entry 3 tracked (first tracked), entry 4
    // tracked (second tracked). This link is column 1, at the second tracked entry.
    function tracked(over: Partial<Link> = {}): Link {
        const log = new WriteLog(2, 2, true);
        for (let i = 0; i < 3; i++) log.push(i * 10, 0);
        log.push(30, 1);
        let at = log.pushTracked();
        log.trackedDue[at * 2] = 9_999;
        log.trackedDue[at * 2 + 1] = 8_888;
        log.push(40, 1);
        at = log.pushTracked();
        log.trackedDue[at * 2] = 7_777;
        log.trackedDue[at * 2 + 1] = 500;
        return link({ log, column: 1, trackedHead: 1, ...over });
    }
    it.each([
        { name: 'a live link applies it at its in-order due time', over: {}, want: 500 },
        // drainFree 1000 and a 10 ms gap left from a drain that is over: no floor any more
        {
            name: 'a finished drain no longer holds it',
            over: { draining: undefined, drainFree: 1_000, gapMs: 10, head: 1 },
            want: 500,
        },
        { name: 'a stall ending later holds it until then', over: { resumeAt: 700 }, want: 700 },
        { name: 'an entry applied later than its due holds it behind', over: { lastApplied: 800 }, want: 800 },
        // head at 1: entries 1, 2, 3 before the tracked entry 4, one 10 ms gap each from 1000 ms: 1030
        // entries 1, 2, 3 arrive at 110, 120, 130, each before the queue frees (200, 210, 220): all three queue,
        // but the floor 200 + 3 × 10 = 230 is below the in-order 500, which stands
        {
            name: 'a floor below its in-order due time leaves it though every entry queues',
            over: { draining: heal(), drainFree: 200, gapMs: 10, head: 1 },
            want: 500,
        },
        // the same entries queue behind a queue free from 480 (480, 490, 500): 480 + 3 × 10 = 510 > 500
        {
            name: 'a floor above its in-order due time holds it when every entry queues',
            over: { draining: heal(), drainFree: 480, gapMs: 10, head: 1 },
            want: 510,
        },
        {
            name: 'a draining backlog holds it one gap per entry before it',
            over: { draining: heal(), drainFree: 1_000, gapMs: 10, head: 1 },
            want: 1_030,
        },
        // a 450 ms lag: entries 1, 2, 3 (sent at 10, 20, 30) are due at 460, 470, 480 and the tracked one at 490
        // (in order, 500). Queue free from 462, 20 ms a gap: they queue to 462, 482, 502; the tracked one to 522
        {
            name: 'a backlog every entry before it queues behind holds it',
            over: { lagMs: 450, draining: heal(), drainFree: 462, gapMs: 20, head: 1 },
            want: 522,
        },
        // free from 450: entry 1 arrives at 460 to an empty queue, so the drain ends there, not 450 + 3 × 20 = 510
        {
            name: 'a drain an entry before it ends no longer holds it',
            over: { lagMs: 450, draining: heal(), drainFree: 450, gapMs: 20, head: 1 },
            want: 500,
        },
        // free from 460: entry 1 arrives at 460, as the queue frees, so to an empty queue: the drain ends there
        {
            name: 'an entry arriving as the queue frees ends the drain',
            over: { lagMs: 450, draining: heal(), drainFree: 460, gapMs: 20, head: 1 },
            want: 500,
        },
        // 0 + 3 × 10 = 30 < 500
        {
            name: 'a drain whose floor is earlier leaves the due time',
            over: { draining: heal(), drainFree: 0, gapMs: 10, head: 1 },
            want: 500,
        },
    ])('$name', ({ over, want }) => {
        expect(trackedDueTime(tracked(over))).toBe(want);
    });
});

describe('the end of a drain', () => {
    it('records when the backlog and what queued behind it arrived, scaled by the sample weight', () => {
        const h = heal({ fromIndex: 10 });
        const l = link({ draining: h });
        endDrain(l, 5_000, 25, 4);
        // (25 − 10) entries × weight 4 = 60 writes
        expect({ draining: l.draining, at: h.drainedAt, writes: h.drainedWrites, outcome: h.outcome }).toEqual({
            draining: undefined,
            at: 5_000,
            writes: 60,
            outcome: 'drained',
        });
    });
    it('refuses a link that is not draining, naming it', () => {
        expect(() => endDrain(link(), 0, 0, 1)).toThrow('endDrain: link 3 of orders is not draining');
    });
});

describe('the array of replica slots', () => {
    it.each([
        { replicas: 1, type: Int8Array },
        { replicas: 128, type: Int8Array },
        { replicas: 129, type: Int16Array },
        { replicas: 32_768, type: Int16Array },
        { replicas: 32_769, type: Int32Array },
    ])('is as narrow as $replicas replicas allow', ({ replicas, type }) => {
        const slots = slotArray(3, replicas);
        expect(slots).toBeInstanceOf(type);
        expect(slots.length).toBe(3);
    });
});

describe('the write log ring', () => {
    it.each([
        { tracked: true, counter: true },
        { tracked: false, counter: false },
    ])(
        'keeps every entry in order while it grows and its oldest entries are consumed (tracked: $tracked, counter values: $counter)',
        ({ tracked, counter }) => {
            fc.assert(
                fc.property(
                    fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
                        maxLength: 12,
                    }),
                    ([...steps]) => {
                        // capacity 4, stride 3, counter values: every column must survive each growth of either
                        // ring (a tracked log tracks every entry here, so both rings are consumed alike)
                        const log = new WriteLog(3, 1, tracked, 4, counter);
                        expect([log.seen !== undefined, log.values !== undefined]).toEqual([tracked, counter]);
                        const model: { time: number; key: number; seen: number[]; value: number }[] = [];
                        let n = 0;
                        for (const [pushes, drops] of steps) {
                            for (let i = 0; i < pushes; i++, n++) {
                                log.push(n * 1.5, n % 7);
                                if (tracked) {
                                    const ring = log.pushTracked();
                                    if (log.seen) log.seen.set([n, 0, -n], ring * 3);
                                    if (log.values) log.values[ring] = n * 10;
                                }
                                model.push({ time: n * 1.5, key: n % 7, seen: [n, 0, -n], value: n * 10 });
                            }
                            log.start = Math.min(log.end, log.start + drops);
                            if (tracked) log.trackedStart = log.start;
                        }
                        expect(log.length).toBe(log.end - log.start);
                        for (let i = log.start; i < log.end; i++) {
                            const s = log.slot(i);
                            const r = log.trackedSlot(i);
                            const m = model[i]!;
                            expect(log.timeAt(i)).toBe(m.time);
                            expect(log.keys[s]).toBe(m.key);
                            if (tracked) expect(log.trackedAt[r]).toBe(i);
                            if (log.seen) expect([...log.seen.subarray(r * 3, r * 3 + 3)]).toEqual(m.seen);
                            if (log.values) expect(log.values[r]).toBe(m.value);
                        }
                    },
                ),
            );
        },
    );

    it('keeps every tracked entry and its per-link due times past its first 256', () => {
        const log = new WriteLog(1, 3, true);
        for (let i = 0; i < 600; i++) {
            log.push(i, i);
            const at = log.pushTracked();
            for (let c = 0; c < 3; c++) log.trackedDue[at * 3 + c] = i * 3 + c;
            if (i % 2 === 1) log.trackedStart++; // consumed half the time: the ring wraps before it grows
        }
        for (let k = log.trackedStart; k < log.trackedEnd; k++) {
            const s = log.trackedSlot(k);
            expect([log.trackedAt[s], ...log.trackedDue.subarray(s * 3, s * 3 + 3)]).toEqual([
                k,
                k * 3,
                k * 3 + 1,
                k * 3 + 2,
            ]);
        }
    });

    it('grows the tracked ring when it is full however far its entries have advanced', () => {
        const log = new WriteLog(1, 1, true);
        for (let i = 0; i < 1_000; i++) {
            log.push(i, i);
            log.pushTracked();
            log.trackedStart = log.trackedEnd - 1; // all consumed but the newest: the ring holds one entry, far along
        }
        for (let i = 1_000; i < 1_300; i++) {
            log.push(i, i);
            log.trackedDue[log.pushTracked()] = i;
        }
        const kept = [];
        for (let k = log.trackedStart; k < log.trackedEnd; k++) kept.push(log.trackedAt[log.trackedSlot(k)]);
        expect(kept).toEqual(Array.from({ length: 301 }, (_, j) => 999 + j));
    });

    it('keeps tracked entries of a log with no outgoing links', () => {
        const log = new WriteLog(1, 0, true);
        for (let i = 0; i < 300; i++) {
            log.push(i, i);
            log.pushTracked();
        }
        expect(log.trackedAt[log.trackedSlot(299)]).toBe(299);
        expect(log.trackedAt[log.trackedSlot(0)]).toBe(0);
    });

    it('keeps each tracked entry’s due times, version vector and counter value when it grows far along', () => {
        // Three replicas (a version vector of 3), two outgoing links, counter values. Entries 0–999 are consumed as
        // they come, all but the newest; entries 1000–1299 are kept. The ring (256 places) is full when entry 1255
        // is pushed: it holds 999–1254, so it doubles with its oldest entry at place 999 mod 256 = 231, which goes to
        // 999 mod 512 = 487 of the new ring (first run: 25 entries, 231–255 → 487–511; then 231 from place 0).
        const log = new WriteLog(3, 2, true, 4, true);
        for (let i = 0; i < 1_300; i++) {
            log.push(i, i % 7);
            const r = log.pushTracked();
            log.trackedDue.set([2 * i, 2 * i + 1], r * 2);
            log.seen!.set([i, -i, i + 0.5], r * 3);
            log.values![r] = 10 * i;
            if (i < 1_000) log.trackedStart = log.trackedEnd - 1;
        }
        const kept = [];
        for (let k = log.trackedStart; k < log.trackedEnd; k++) {
            const r = log.trackedSlot(k);
            kept.push([
                log.trackedAt[r],
                ...log.trackedDue.subarray(r * 2, r * 2 + 2),
                ...log.seen!.subarray(r * 3, r * 3 + 3),
                log.values![r],
            ]);
        }
        // 999 and 1000–1299: 301 entries, each with what was written for it (its absolute index k in the main log,
        // since every entry is tracked)
        expect(kept).toEqual(
            Array.from({ length: 301 }, (_, j) => {
                const k = 999 + j;
                return [k, 2 * k, 2 * k + 1, k, -k, k + 0.5, 10 * k];
            }),
        );
    });
});

describe('applying a replicated write', () => {
    // Three replicas, key 1 (the second key's cells): destination replica 0 unless said otherwise.
    const N = 3;
    const vec = (...v: number[]) => Float64Array.from(v);
    const cell = (s: KeyStates, slot = 0) => {
        const c = 1 * N + slot;
        return {
            time: s.valueTime[c],
            origin: s.valueOrigin[c],
            includes: [...s.includes.subarray(c * N, c * N + N)],
        };
    };
    type Case = {
        name: string;
        strategy: StorePlan['conflicts'];
        setup: (s: KeyStates) => void;
        origin: number;
        time: number;
        seen: number[];
        result: number;
        after: { time: number; origin: number; includes: number[] };
    };
    const own = (s: KeyStates) => s.writeLocal(1, 0, 10);
    const cases: Case[] = [
        {
            name: 'a first write to an empty replica is adopted',
            strategy: 'lww',
            setup: () => {},
            origin: 1,
            time: 20,
            seen: [-1, 20, 5],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [-1, 20, 5] },
        },
        {
            name: 'a later concurrent write discards the destination’s own value under LWW',
            strategy: 'lww',
            setup: own,
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.discardedLocal,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
        {
            name: 'a later write that saw the destination’s value replaces it without a discard',
            strategy: 'lww',
            setup: own,
            origin: 1,
            time: 20,
            seen: [10, 20, -1],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [10, 20, -1] },
        },
        {
            name: 'a later write that saw an older value of the destination is still concurrent',
            strategy: 'lww',
            setup: own,
            origin: 1,
            time: 20,
            seen: [9, 20, -1],
            result: ApplyResult.discardedLocal,
            after: { time: 20, origin: 1, includes: [9, 20, -1] },
        },
        {
            name: 'a later concurrent write replacing another replica’s value is no discard here',
            strategy: 'lww',
            setup: (s) => applyRemote(s, 'lww', 1, 0, 2, 10, vec(-1, -1, 10), 0),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
        {
            name: 'a value written at 0 ms is a value: a later concurrent write discards it under LWW',
            strategy: 'lww',
            setup: (s) => s.writeLocal(1, 0, 0),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.discardedLocal,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
        {
            name: 'an earlier concurrent write loses under LWW and changes nothing',
            strategy: 'lww',
            setup: own,
            origin: 1,
            time: 5,
            seen: [-1, 5, -1],
            result: ApplyResult.superseded,
            after: { time: 10, origin: 0, includes: [10, -1, -1] },
        },
        {
            name: 'a concurrent write with the same timestamp loses under LWW',
            strategy: 'lww',
            setup: own,
            origin: 1,
            time: 10,
            seen: [-1, 10, -1],
            result: ApplyResult.superseded,
            after: { time: 10, origin: 0, includes: [10, -1, -1] },
        },
        {
            name: 'a write the destination’s value already includes is superseded',
            strategy: 'crdt',
            setup: (s) => applyRemote(s, 'crdt', 1, 0, 1, 20, vec(10, 20, -1), 0),
            origin: 1,
            time: 20,
            seen: [10, 20, -1],
            result: ApplyResult.superseded,
            after: { time: 20, origin: 1, includes: [10, 20, -1] },
        },
        {
            name: 'a write newer than what the destination includes from its origin is not superseded',
            strategy: 'crdt',
            setup: (s) => applyRemote(s, 'crdt', 1, 0, 1, 20, vec(10, 20, -1), 0),
            origin: 1,
            time: 21,
            seen: [10, 21, -1],
            result: ApplyResult.applied,
            after: { time: 21, origin: 1, includes: [10, 21, -1] },
        },
        {
            name: 'a later concurrent write is merged by a CRDT and the value includes both',
            strategy: 'crdt',
            setup: own,
            origin: 1,
            time: 20,
            seen: [-1, 20, 7],
            result: ApplyResult.merged,
            after: { time: 20, origin: 1, includes: [10, 20, 7] },
        },
        {
            name: 'an earlier concurrent write is merged by a CRDT and the later timestamp still names the value',
            strategy: 'crdt',
            setup: own,
            origin: 1,
            time: 5,
            seen: [-1, 5, -1],
            result: ApplyResult.merged,
            after: { time: 10, origin: 0, includes: [10, 5, -1] },
        },
        {
            name: 'a concurrent write with the same timestamp is merged by a CRDT and the value keeps its name',
            strategy: 'crdt',
            setup: own,
            origin: 1,
            time: 10,
            seen: [-1, 10, -1],
            result: ApplyResult.merged,
            after: { time: 10, origin: 0, includes: [10, 10, -1] },
        },
        {
            name: 'a CRDT merge keeps what the value already included from each origin',
            strategy: 'crdt',
            setup: (s) => (own(s), applyRemote(s, 'crdt', 1, 0, 1, 15, vec(10, 15, -1), 0)),
            origin: 2,
            time: 20,
            seen: [-1, 5, 20],
            result: ApplyResult.merged,
            after: { time: 20, origin: 2, includes: [10, 15, 20] },
        },
        {
            name: 'a later write that saw the destination’s value is applied by a CRDT',
            strategy: 'crdt',
            setup: own,
            origin: 1,
            time: 20,
            seen: [10, 20, -1],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [10, 20, -1] },
        },
        {
            name: 'a concurrent write becomes a sibling under vector clocks',
            strategy: 'vector-clocks',
            setup: own,
            origin: 2,
            time: 20,
            seen: [-1, -1, 20],
            result: ApplyResult.sibling,
            after: { time: 20, origin: 2, includes: [10, -1, 20] },
        },
        {
            name: 'a later write over a value lost in an outage replaces it with no discard under LWW',
            strategy: 'lww',
            setup: (s) => (own(s), s.markLost(1, 0, 10)),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
        {
            name: 'an earlier write over a value lost in an outage leaves it lost under LWW',
            strategy: 'lww',
            setup: (s) => (own(s), s.markLost(1, 0, 10)),
            origin: 1,
            time: 5,
            seen: [-1, 5, -1],
            result: ApplyResult.applied,
            after: { time: 10, origin: -2, includes: [10, -1, -1] },
        },
        {
            name: 'a write with the same timestamp over a value lost in an outage leaves it lost under LWW',
            strategy: 'lww',
            setup: (s) => (own(s), s.markLost(1, 0, 10)),
            origin: 1,
            time: 10,
            seen: [-1, 10, -1],
            result: ApplyResult.applied,
            after: { time: 10, origin: -2, includes: [10, -1, -1] },
        },
        {
            name: 'an earlier write joins a value lost in an outage and leaves it lost under a CRDT',
            strategy: 'crdt',
            setup: (s) => (own(s), s.markLost(1, 0, 10)),
            origin: 1,
            time: 5,
            seen: [-1, 5, -1],
            result: ApplyResult.applied,
            after: { time: 10, origin: -2, includes: [10, 5, -1] },
        },
        {
            name: 'a later write joins a value lost in an outage and names it under vector clocks',
            strategy: 'vector-clocks',
            setup: (s) => (own(s), s.markLost(1, 0, 10)),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.applied,
            after: { time: 20, origin: 1, includes: [10, 20, -1] },
        },
        {
            name: 'a loss mark for another time leaves the value live, so a later concurrent write discards it',
            strategy: 'lww',
            setup: (s) => (own(s), s.markLost(1, 0, 11)),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.discardedLocal,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
        {
            name: 'a loss mark at another replica leaves the value live',
            strategy: 'lww',
            setup: (s) => (own(s), s.markLost(1, 1, 10)),
            origin: 1,
            time: 20,
            seen: [-1, 20, -1],
            result: ApplyResult.discardedLocal,
            after: { time: 20, origin: 1, includes: [-1, 20, -1] },
        },
    ];
    it.each(cases)('$name', ({ strategy, setup, origin, time, seen, result, after }) => {
        const states = new KeyStates(2, N);
        setup(states);
        // the write's vector sits at offset 3 between two others, as it does in the write log
        const buffer = vec(99, 99, 99, ...seen, 99, 99, 99);
        expect(applyRemote(states, strategy, 1, 0, origin, time, buffer, 3)).toBe(result);
        expect(cell(states)).toEqual(after);
        // the other key and the other replicas are untouched
        const others = [0, 1, 2, 4, 5];
        expect(others.map((c) => [states.valueTime[c], states.valueOrigin[c]])).toEqual(others.map(() => [-1, -1]));
        expect([...states.includes.subarray(0, 3 * N), ...states.includes.subarray(4 * N)]).toEqual(
            new Array<number>(5 * N).fill(-1),
        );
    });

    it.each([
        { name: 'a loss mark names the replica that lost its own value', origin: 2, want: -2 },
        { name: 'a loss mark leaves a value another replica wrote at the same time', origin: 1, want: 1 },
    ])('$name', ({ origin, want }) => {
        const states = new KeyStates(2, N);
        if (origin === 2) states.writeLocal(1, 2, 10);
        else applyRemote(states, 'lww', 1, 2, 1, 10, vec(-1, 10, -1), 0);
        states.markLost(1, 2, 10);
        expect([...states.valueOrigin]).toEqual([-1, -1, -1, -1, -1, want]);
    });

    it.each(['lww', 'crdt', 'vector-clocks'] as const)(
        'a first write to an empty replica is applied under %s, its vector at the start of the log',
        (strategy) => {
            const states = new KeyStates(2, N);
            expect(applyRemote(states, strategy, 1, 0, 1, 20, vec(-1, 20, -1, 99, 99, 99), 0)).toBe(
                ApplyResult.applied,
            );
            expect(cell(states)).toEqual({ time: 20, origin: 1, includes: [-1, 20, -1] });
        },
    );

    it('a local write records itself in its own value and a snapshot copies what the value includes', () => {
        const states = new KeyStates(2, N);
        applyRemote(states, 'crdt', 1, 2, 1, 7, vec(-1, 7, -1), 0);
        states.writeLocal(1, 2, 30);
        expect(cell(states, 2)).toEqual({ time: 30, origin: 2, includes: [-1, 7, 30] });
        const into = vec(0, 0, 0, 0, 0);
        states.snapshot(1, 2, into, 1);
        expect([...into]).toEqual([0, -1, 7, 30, 0]);
    });

    it('applying the same write twice is superseded the second time and changes nothing', () => {
        const strategies = ['lww', 'crdt', 'vector-clocks'] as const;
        fc.assert(
            fc.property(
                fc.constantFrom(...strategies),
                fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 100 })), { maxLength: 6 }),
                fc.integer({ min: 1, max: 2 }),
                fc.integer({ min: 0, max: 100 }),
                fc.array(fc.integer({ min: -1, max: 100 }), { minLength: N, maxLength: N }),
                (strategy, history, origin, time, seenSome) => {
                    const states = new KeyStates(2, N);
                    for (const [slot, t] of history) states.writeLocal(1, slot === 0 ? 0 : slot, t);
                    const seen = Float64Array.from(seenSome);
                    seen[origin] = time; // a write includes itself
                    applyRemote(states, strategy, 1, 0, origin, time, seen, 0);
                    const before = cell(states);
                    const again = applyRemote(states, strategy, 1, 0, origin, time, seen, 0);
                    // adopted or joined, the value now includes the write; kept out by LWW, it loses again
                    expect(again).toBe(ApplyResult.superseded);
                    expect(cell(states)).toEqual(before);
                },
            ),
        );
    });
});
