// The fate of stranded writes (simulation/data-fate.ts) on hand-built logs: a cut-off, a heal, the delivery of
// the last stranded write, an abandonment or destruction, the run's end and last-writer-wins discards, each
// record field worked by hand from the log indices in the row (fast enough to run per mutant, which the
// whole-simulation suites are not).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoreFate, type Stranding } from '../../simulation/data-fate.js';
import { WriteLog } from '../../simulation/replication.js';

/** A log of one replica with one outgoing link holding writes at the given times (absolute indices 0, 1, …). */
function logOf(times: number[]): WriteLog {
    const log = new WriteLog(1, 1, false, 8);
    times.forEach((time, i) => log.push(time, i));
    return log;
}

/** A record as `cut` makes it, with the fields a row changes. */
function record(over: Partial<Stranding>): Stranding {
    return {
        store: 2,
        slot: 1,
        fault: 0,
        cutAt: 0,
        firstIndex: 0,
        firstTime: 0,
        endIndex: -1,
        healedAt: -1,
        deliveredAt: -1,
        delivered: 0,
        lostAt: -1,
        lost: 0,
        overwritten: 0,
        ...over,
    };
}

/** Writes at 100, 200, …, 1000 ms (indices 0 … 9). */
const TEN = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000];

describe('the writes a record holds', () => {
    it.each([
        // still cut off: up to the log's end, 10 − 3
        {
            name: 'a record still cut off holds the writes from its first to the log end',
            endIndex: -1,
            first: 3,
            want: 7,
        },
        // healed at index 5: 5 − 3, whatever was written since
        { name: 'a healed record holds the writes up to its heal', endIndex: 5, first: 3, want: 2 },
        // healed at index 0 of an empty log: 0 − 0, not the 10 written after the heal
        { name: 'a record healed at the log start holds nothing', endIndex: 0, first: 0, want: 0 },
    ])('$name', ({ endIndex, first, want }) => {
        expect(StoreFate.strandedCount(record({ endIndex, firstIndex: first }), logOf(TEN))).toBe(want);
    });
});

describe('a replica cut off', () => {
    it('opens a record from the first write no other replica holds, with nothing healed, delivered or lost', () => {
        const fate = new StoreFate(2, 3);
        // links got as far as index 4, so writes 4 … 9 are stranded; the first of them was written at 500 ms
        const s = fate.cut(1, 1_050, 7, 4, logOf(TEN), 3);
        expect(s).toEqual(record({ fault: 7, cutAt: 1_050, firstIndex: 4, firstTime: 500 }));
        expect(fate.all).toEqual([s]);
        expect(fate.open).toEqual([undefined, s, undefined]);
    });

    it.each([
        // every link applied all 10: nothing pending, the stranded writes start with the cut
        { name: 'with nothing pending, writes from the cut on are stranded', furthest: 10, want: 1_050 },
        // index 9 was written at 1000 ms
        { name: 'with the last write pending, writes from its time on are stranded', furthest: 9, want: 1_000 },
    ])('$name', ({ furthest, want }) => {
        expect(new StoreFate(0, 2).cut(0, 1_050, 0, furthest, logOf(TEN), 1).firstTime).toBe(want);
    });

    it('keeps one open record per replica: the other replicas are untouched', () => {
        const fate = new StoreFate(0, 2);
        const a = fate.cut(0, 100, 0, 0, logOf(TEN), 1);
        const b = fate.cut(1, 200, 0, 0, logOf(TEN), 1);
        expect(fate.open).toEqual([a, b]);
        expect(a.endIndex).toBe(-1);
    });

    it.each([
        // the previous record (first 2, healed at 8) had delivered up to 6 when cut again: (6 − 2) × 3
        {
            name: 'cut again while draining, the previous record keeps what it delivered',
            furthest: 6,
            delivered: 12,
            end: 6,
        },
        // nothing of it reached another replica (links at 1 < its first index 2): 0, and it ends where it began
        {
            name: 'cut again before any of it arrived, the previous record delivered nothing',
            furthest: 1,
            delivered: 0,
            end: 2,
        },
    ])('$name', ({ furthest, delivered, end }) => {
        const fate = new StoreFate(0, 2);
        const log = logOf(TEN);
        const first = fate.cut(1, 250, 0, 2, log, 3);
        fate.heal(1, 900, logOf(TEN.slice(0, 8)));
        const second = fate.cut(1, 1_000, 1, furthest, log, 3);
        expect(first).toMatchObject({ delivered, endIndex: end });
        expect(second).toMatchObject({ firstIndex: furthest, delivered: 0, endIndex: -1 });
        expect(fate.all).toEqual([first, second]);
        expect(fate.open[1]).toBe(second);
    });
});

describe('a replica reachable again', () => {
    it('closes the stranded range at the log end and keeps the record open while it drains', () => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 250, 0, 2, logOf(TEN.slice(0, 3)), 1);
        expect(fate.heal(1, 900, logOf(TEN))).toBe(s);
        expect(s).toMatchObject({ endIndex: 10, healedAt: 900 });
        expect(fate.open[1]).toBe(s);
    });

    it.each([
        { name: 'a replica never cut off has nothing to heal', setup: (_f: StoreFate) => undefined },
        {
            // healed once at index 0: a second heal must not move its end to 10
            name: 'a record already healed (even at index 0) is not healed again',
            setup: (f: StoreFate) => {
                f.cut(1, 0, 0, 0, logOf([]), 1);
                f.heal(1, 10, logOf([]));
            },
        },
    ])('$name', ({ setup }) => {
        const fate = new StoreFate(0, 2);
        setup(fate);
        expect(fate.heal(1, 900, logOf(TEN))).toBeUndefined();
        if (fate.open[1] !== undefined) expect(fate.open[1]).toMatchObject({ endIndex: 0, healedAt: 10 });
    });
});

describe('the last stranded write delivered', () => {
    it('counts the stranded range as delivered, scaled by the sampling weight, and closes the record', () => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 250, 0, 2, logOf(TEN), 4);
        fate.heal(1, 900, logOf(TEN));
        // (10 − 2) × 4
        expect(fate.delivered(1, 1_900, 4)).toBe(s);
        expect(s).toMatchObject({ deliveredAt: 1_900, delivered: 32 });
        expect(fate.open[1]).toBeUndefined();
    });

    it('a record healed at index 0 is delivered (with nothing in it)', () => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 0, 0, 0, logOf([]), 1);
        fate.heal(1, 10, logOf([]));
        expect(fate.delivered(1, 20, 1)).toBe(s);
        expect(s).toMatchObject({ deliveredAt: 20, delivered: 0 });
    });

    it.each([
        { name: 'a replica never cut off delivers nothing', heal: false, cut: false },
        { name: 'a replica still cut off delivers nothing', heal: false, cut: true },
    ])('$name', ({ cut }) => {
        const fate = new StoreFate(0, 2);
        const s = cut ? fate.cut(1, 250, 0, 2, logOf(TEN), 1) : undefined;
        expect(fate.delivered(1, 1_900, 1)).toBeUndefined();
        expect(fate.open[1]).toBe(s);
        if (s !== undefined) expect(s).toMatchObject({ deliveredAt: -1, delivered: 0 });
    });
});

describe('stranded writes abandoned or destroyed', () => {
    // Every row: first stranded index 4, log end 10, weight 2 (each simulated write stands for two).
    it.each([
        // still cut off: end = 10; delivered = (min(10, 6) − 4) × 2 = 4; lost = (10 − 6) × 2 = 8
        {
            name: 'a cut-off replica whose links got to 6 loses the writes from 6 on',
            heal: -1,
            kept: 6,
            delivered: 4,
            lost: 8,
            end: 10,
        },
        // kept below the first stranded write: delivered max(0, 2 − 4) = 0; lost (10 − 4) × 2 = 12
        {
            name: 'links behind the first stranded write lose all of it',
            heal: -1,
            kept: 2,
            delivered: 0,
            lost: 12,
            end: 10,
        },
        // healed at 8: end 8; kept 9 is past it: delivered (8 − 4) × 2 = 8, lost max(0, 8 − 9) = 0
        { name: 'a drained-past record loses nothing', heal: 8, kept: 9, delivered: 8, lost: 0, end: 8 },
        // healed at 8, links at 7: delivered (7 − 4) × 2 = 6, lost (8 − 7) × 2 = 2 (writes after the heal are not its)
        { name: 'a record draining loses only its undelivered rest', heal: 8, kept: 7, delivered: 6, lost: 2, end: 8 },
    ])('$name', ({ heal, kept, delivered, lost, end }) => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 450, 3, 4, logOf(TEN), 2);
        if (heal >= 0) fate.heal(1, 900, logOf(TEN.slice(0, heal)));
        expect(fate.abandon(1, 2_000, kept, logOf(TEN), 2)).toBe(s);
        expect(s).toMatchObject({ delivered, lost, lostAt: 2_000, endIndex: end });
        expect(fate.open[1]).toBeUndefined();
    });

    it('a record healed at index 0 loses nothing written after its heal', () => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 0, 0, 0, logOf([]), 1);
        fate.heal(1, 10, logOf([]));
        // end = 0, not the log's 10: lost 0
        fate.abandon(1, 2_000, 0, logOf(TEN), 1);
        expect(s).toMatchObject({ lost: 0, delivered: 0, endIndex: 0, lostAt: 2_000 });
    });

    it('a replica never cut off has no record to abandon', () => {
        const fate = new StoreFate(0, 2);
        expect(fate.abandon(1, 2_000, 0, logOf(TEN), 1)).toBeUndefined();
        expect(fate.all).toEqual([]);
    });
});

describe('the run ends while a record drains', () => {
    // First stranded index 4, healed at 8, weight 3.
    it.each([
        // links at 6: (6 − 4) × 3 = 6
        { name: 'a link halfway through delivered its part', heads: [6], want: 6 },
        // the furthest of the links counts: 7 → (7 − 4) × 3 = 9, a later smaller head does not lower it
        { name: 'the furthest link counts, not the last asked', heads: [7, 5], want: 9 },
        // a link past the heal's end delivered only up to it: (8 − 4) × 3 = 12
        { name: 'a link beyond the healed range delivered all of it', heads: [10], want: 12 },
        // a link behind the first stranded write delivered none: max(0, 2 − 4) = 0
        { name: 'a link behind the stranded range delivered nothing', heads: [2], want: 0 },
    ])('$name', ({ heads, want }) => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 450, 0, 4, logOf(TEN), 3);
        fate.heal(1, 900, logOf(TEN.slice(0, 8)));
        for (const head of heads) fate.settle(1, head, 3);
        expect(s.delivered).toBe(want);
        expect(fate.open[1]).toBe(s);
    });

    it.each([
        { name: 'a record still cut off settles nothing', cut: true },
        { name: 'a replica never cut off settles nothing', cut: false },
    ])('$name', ({ cut }) => {
        const fate = new StoreFate(0, 2);
        const s = cut ? fate.cut(1, 450, 0, 4, logOf(TEN), 3) : undefined;
        fate.settle(1, 10, 3);
        expect(s?.delivered ?? 0).toBe(0);
    });
});

describe('a stranded value discarded by last-writer-wins', () => {
    /** Replica 1 cut at 450 (first stranded write at 500) and healed at 900; replica 0 cut at 600 and never healed. */
    function fates(): { fate: StoreFate; one: Stranding; zero: Stranding } {
        const fate = new StoreFate(0, 2);
        const one = fate.cut(1, 450, 0, 4, logOf(TEN), 1);
        fate.heal(1, 900, logOf(TEN.slice(0, 8)));
        const zero = fate.cut(0, 600, 0, 5, logOf(TEN), 1);
        return { fate, one, zero };
    }

    it.each([
        // 500 ≤ 700 ≤ 900: one of replica 1's stranded writes
        { name: 'a write of the stranded range is counted', time: 700, counted: true },
        { name: 'the first stranded write is counted', time: 500, counted: true },
        { name: 'a write at the heal itself is counted', time: 900, counted: true },
        // after the heal the replica was reachable again: an ordinary discard
        { name: 'a write after the heal is not', time: 901, counted: false },
        // before the first stranded write: it had reached another replica before the cut
        { name: 'a write before the first stranded one is not', time: 499, counted: false },
    ])('$name', ({ time, counted }) => {
        const { fate, one, zero } = fates();
        expect(fate.overwritten(1, time, 5)).toBe(counted);
        expect(one.overwritten).toBe(counted ? 5 : 0);
        // replica 0's newer record is never charged for replica 1's value
        expect(zero.overwritten).toBe(0);
    });

    it('counts on the newest record whose range holds the write, and adds up', () => {
        const fate = new StoreFate(0, 2);
        const older = fate.cut(1, 150, 0, 1, logOf(TEN), 1);
        fate.heal(1, 300, logOf(TEN.slice(0, 3)));
        const newer = fate.cut(1, 650, 0, 6, logOf(TEN), 1);
        expect(fate.overwritten(1, 800, 2)).toBe(true);
        expect(fate.overwritten(1, 800, 3)).toBe(true);
        // 250 is before the newer record's first write (700): the older one (200 … 300) holds it
        expect(fate.overwritten(1, 250, 4)).toBe(true);
        expect([older.overwritten, newer.overwritten]).toEqual([4, 5]);
    });

    it.each([
        // lost with the region: a value that never came back cannot be overwritten at heal
        { name: 'a write of an abandoned record is not counted', lostAt: 1_500 },
        // abandoned at time 0 (lostAt 0) counts as abandoned too
        { name: 'a write of a record abandoned at time 0 is not counted', lostAt: 0 },
    ])('$name', ({ lostAt }) => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 0, 0, 4, logOf(TEN), 1);
        fate.abandon(1, lostAt, 4, logOf(TEN), 1);
        expect(fate.overwritten(1, 700, 1)).toBe(false);
        expect(s.overwritten).toBe(0);
    });

    it('a record healed at time 0 holds nothing written after it', () => {
        const fate = new StoreFate(0, 2);
        const s = fate.cut(1, 0, 0, 0, logOf([]), 1);
        fate.heal(1, 0, logOf([]));
        expect(fate.overwritten(1, 5, 1)).toBe(false);
        expect(fate.overwritten(1, 0, 1)).toBe(true);
        expect(s.overwritten).toBe(1);
    });

    it('a replica with no record has nothing overwritten', () => {
        expect(new StoreFate(0, 2).overwritten(0, 100, 1)).toBe(false);
    });

    it('delivered plus lost never exceeds the stranded range, whatever the links reached', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 10 }),
                fc.integer({ min: -1, max: 10 }),
                fc.integer({ min: 0, max: 12 }),
                fc.integer({ min: 1, max: 5 }),
                (first, healAt, kept, weight) => {
                    const fate = new StoreFate(0, 1);
                    const s = fate.cut(0, 50, 0, first, logOf(TEN), weight);
                    if (healAt >= first) fate.heal(0, 900, logOf(TEN.slice(0, healAt)));
                    fate.abandon(0, 2_000, kept, logOf(TEN), weight);
                    const range = StoreFate.strandedCount(s, logOf(TEN)) * weight;
                    expect(s.delivered + s.lost).toBe(range);
                    expect(s.delivered).toBeGreaterThanOrEqual(0);
                    expect(s.lost).toBeGreaterThanOrEqual(0);
                },
            ),
        );
    });
});
