// The write log's tracked ring when it grows far along its absolute indices, with every column it carries (per-link
// due times, version vectors, counter values), and the drain floor of a tracked delivery when it is below the
// in-order due time: hand-built logs and links, run per mutant with simulation/replication.ts.
import { describe, expect, it } from 'vitest';
import type { StorePlan } from '../../simulation/plan.js';
import { type Heal, type Link, trackedDueTime, WriteLog } from '../../simulation/replication.js';

describe('the tracked ring of a write log with every column', () => {
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

describe('the drain floor of a tracked delivery', () => {
    const store = { id: 'orders', lagMs: 100, spikes: [], drain: {} } as unknown as StorePlan;
    const heal: Heal = {
        cutAt: 1_000,
        at: 5_000,
        backlog: 0,
        fromIndex: 0,
        arrivalsPerMs: 2,
        expectedEnd: 9_000,
        drainedAt: -1,
        drainedWrites: 0,
        outcome: 'draining',
    };
    // Entries 0–3 sent at 0, 10, 20, 30 (entry 3 the first tracked), entry 4 sent at 40 the second tracked, with an
    // in-order due time of 500 on this link (column 1). The link is at entry 1 and at the second tracked entry.
    function draining(drainFree: number): Link {
        const log = new WriteLog(2, 2, true);
        for (let i = 0; i < 4; i++) log.push(i * 10, i === 3 ? 1 : 0);
        log.trackedDue.set([9_999, 8_888], log.pushTracked() * 2);
        log.push(40, 1);
        log.trackedDue.set([7_777, 500], log.pushTracked() * 2);
        return {
            index: 3,
            store,
            fromSlot: 0,
            toSlot: 1,
            from: 0,
            to: 1,
            column: 1,
            oneWayMs: 40,
            log,
            head: 1,
            trackedHead: 1,
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
            gapMs: 10,
            draining: { ...heal },
            drainFree,
        } as Link;
    }

    it.each([
        // entries 1, 2, 3 arrive at 10 + 100, 20 + 100, 30 + 100 = 110, 120, 130, each before the queue frees
        // (200, 210, 220): all three queue, but the floor 200 + 3 × 10 = 230 is below 500, which stands
        { name: 'a floor below its in-order due time leaves it though every entry queues', free: 200, want: 500 },
        // the same entries queue behind a queue free from 480 (480, 490, 500): 480 + 3 × 10 = 510 > 500
        { name: 'a floor above its in-order due time holds it when every entry queues', free: 480, want: 510 },
    ])('$name', ({ free, want }) => {
        expect(trackedDueTime(draining(free))).toBe(want);
    });
});
