// The bulk apply of a link without lag spikes or a drain (`applySteady`) against the entry-by-entry loop every
// link can take (`applyGeneral`): the same entries applied, the same last applied time and the same lag maxima,
// to the bit, for any log, stall and observation time; and a few cases worked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunState } from '../../simulation/engine/context.js';
import { applyGeneral, applySteady } from '../../simulation/engine/mechanisms/replication.js';
import type { StorePlan } from '../../simulation/plan.js';
import { type Link, WriteLog } from '../../simulation/replication.js';

interface Start {
    lagMs: number;
    oneWayMs: number;
    /** Send times, in order (a log's times only grow). */
    times: number[];
    head: number;
    resumeAt: number;
    lastApplied: number;
    maxLag: number;
    maxDelay: number;
    maxHeld: number;
    weight: number;
}

function setUp(s: Start): { ctx: RunState; link: Link } {
    const log = new WriteLog(2, 1, false, 4);
    for (const time of s.times) log.push(time, -1);
    const store = { index: 0, lagMs: s.lagMs, spikes: [] } as unknown as StorePlan;
    const link = {
        store,
        toSlot: 1,
        oneWayMs: s.oneWayMs,
        log,
        head: s.head,
        resumeAt: s.resumeAt,
        lastApplied: s.lastApplied,
        intervalMaxLag: s.maxLag,
        maxDelay: s.maxDelay,
        maxHeld: s.maxHeld,
        draining: undefined,
        drainFree: 0,
        gapMs: 0,
    } as unknown as Link;
    const ctx = {
        weight: s.weight,
        appliesInBulk: 0,
        storeCounters: [{ applied: new Float64Array(2) }],
    } as unknown as RunState;
    return { ctx, link };
}

function outcome({ ctx, link }: { ctx: RunState; link: Link }) {
    return {
        head: link.head,
        lastApplied: link.lastApplied,
        intervalMaxLag: link.intervalMaxLag,
        maxDelay: link.maxDelay,
        maxHeld: link.maxHeld,
        drainFree: link.drainFree,
        applied: Array.from(ctx.storeCounters[0]!.applied),
        appliesInBulk: ctx.appliesInBulk,
    };
}

const base: Start = {
    lagMs: 100,
    oneWayMs: 40,
    times: [],
    head: 0,
    resumeAt: -Infinity,
    lastApplied: 0,
    maxLag: -1,
    maxDelay: -1,
    maxHeld: -1,
    weight: 1,
};

describe('the steady bulk apply of a link', () => {
    it.each([
        {
            // due 100, 110, 120 by t = 150; the write sent at 500 is due at 600
            name: 'applies the writes due by t, each one lag old',
            start: { ...base, times: [0, 10, 20, 500] },
            t: 150,
            inclusive: true,
            want: { head: 3, lastApplied: 120, intervalMaxLag: 100, maxDelay: 100, maxHeld: -1 },
        },
        {
            // stalled until 300: the three first are applied at 300, 300, 10 and 20 ms older than the first
            name: 'a stall holds writes back to its end, the oldest the most',
            start: { ...base, times: [0, 10, 20, 500], resumeAt: 300 },
            t: 450,
            inclusive: true,
            want: { head: 3, lastApplied: 300, intervalMaxLag: 300, maxDelay: -1, maxHeld: 300 },
        },
        {
            // due 100 exactly at t: applied only when t itself is included
            name: 'a write due exactly at t waits when t is excluded',
            start: { ...base, times: [0] },
            t: 100,
            inclusive: false,
            want: { head: 0, lastApplied: 0, intervalMaxLag: -1, maxDelay: -1, maxHeld: -1 },
        },
        {
            // stalled until 300 and looked at exactly then, t excluded: the writes held (due at 100 and 110) would
            // be applied at the resume itself, not strictly before t
            name: 'a stall ending exactly at t holds every write when t is excluded',
            start: { ...base, times: [0, 10], resumeAt: 300 },
            t: 300,
            inclusive: false,
            want: { head: 0, lastApplied: 0, intervalMaxLag: -1, maxDelay: -1, maxHeld: -1 },
        },
        {
            // the previous entry was applied at 250 (a tracked write delivered late): the next, due at 110, goes
            // at 250 too, 240 ms after it was sent
            name: 'in order: nothing is applied before the last applied one',
            start: { ...base, times: [10, 200], lastApplied: 250 },
            t: 400,
            inclusive: true,
            want: { head: 2, lastApplied: 300, intervalMaxLag: 240, maxDelay: 240, maxHeld: -1 },
        },
        {
            // RTT/2 of 40 is above a 20 ms lag: the delay is 40
            name: 'a lag below the one-way transit is the transit',
            start: { ...base, lagMs: 20, times: [0, 5] },
            t: 44,
            inclusive: true,
            want: { head: 1, lastApplied: 40, intervalMaxLag: 40, maxDelay: 40, maxHeld: -1 },
        },
    ])('$name', ({ start, t, inclusive, want }) => {
        const run = setUp(start);
        applySteady(run.ctx, run.link, t, inclusive, start.times.length);
        expect(outcome(run)).toMatchObject(want);
    });

    it('leaves the link exactly as the entry-by-entry loop does', () => {
        const start = fc.record({
            lagMs: fc.oneof(fc.constant(1_000), fc.double({ min: 0, max: 2_000, noNaN: true })),
            oneWayMs: fc.double({ min: 0, max: 200, noNaN: true }),
            gaps: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true })), { maxLength: 40 }),
            origin: fc.double({ min: 0, max: 5e6, noNaN: true }),
            headShare: fc.double({ min: 0, max: 1, noNaN: true }),
            resume: fc.oneof(fc.constant(-Infinity), fc.double({ min: 0, max: 6e6, noNaN: true })),
            lastApplied: fc.double({ min: 0, max: 6e6, noNaN: true }),
            maxLag: fc.oneof(fc.constant(-1), fc.double({ min: 0, max: 3_000, noNaN: true })),
            weight: fc.integer({ min: 1, max: 7 }),
        });
        fc.assert(
            fc.property(
                start,
                fc.double({ min: 0, max: 8e6, noNaN: true }),
                fc.boolean(),
                fc.double({ min: 0, max: 1, noNaN: true }),
                (s, t, inclusive, stopShare) => {
                    const times: number[] = [];
                    let time = s.origin;
                    for (const gap of s.gaps) times.push((time += gap));
                    const head = Math.floor(s.headShare * times.length);
                    const stop = head + Math.floor(stopShare * (times.length - head));
                    const state: Start = {
                        lagMs: s.lagMs,
                        oneWayMs: s.oneWayMs,
                        times,
                        head,
                        resumeAt: s.resume,
                        lastApplied: s.lastApplied,
                        maxLag: s.maxLag,
                        maxDelay: s.maxLag,
                        maxHeld: s.maxLag,
                        weight: s.weight,
                    };
                    const steady = setUp(state);
                    const general = setUp(state);
                    applySteady(steady.ctx, steady.link, t, inclusive, stop);
                    applyGeneral(general.ctx, general.link, t, inclusive, stop);
                    expect(outcome(steady)).toEqual(outcome(general));
                },
            ),
            { numRuns: 2_000 },
        );
    });
});
