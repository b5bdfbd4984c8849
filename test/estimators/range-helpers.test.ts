// The range helpers the estimators compose (range.test.ts covers the judged value and the label): which end was
// judged, a point range, whether a range has spread, a sum end by end, and a range with no visible spread.
import { describe, expect, it } from 'vitest';
import {
    describeRange,
    hasSpread,
    judged,
    pointRange,
    sumRanges,
    type BoundedRange,
    type EstimateRange,
} from '../../language/semantics/estimators/range.js';

const WHY = { best: 'b', typical: 't', worst: 'w' };
const range = (bestMs: number, typicalMs: number, worstMs?: number): EstimateRange => ({
    bestMs,
    typicalMs,
    worstMs,
    why: WHY,
});

describe('the end a rule judged', () => {
    it.each([
        { name: 'is the worst when asked and bounded', r: range(1, 2, 3), judge: 'worst' as const, end: 'worst' },
        { name: 'is the typical when the worst has no bound', r: range(1, 2), judge: 'worst' as const, end: 'typical' },
        { name: 'is the typical when asked', r: range(1, 2, 3), judge: 'typical' as const, end: 'typical' },
    ])('$name', ({ r, judge, end }) => {
        expect(judged(r, judge).end).toBe(end);
    });
});

describe('a point range', () => {
    it('has the one value and reason at every end', () => {
        expect(pointRange(5_000, 'fixed')).toEqual({
            bestMs: 5_000,
            typicalMs: 5_000,
            worstMs: 5_000,
            why: { best: 'fixed', typical: 'fixed', worst: 'fixed' },
        });
    });
});

describe('whether a range has spread', () => {
    it.each([
        { name: 'a point range has none', r: pointRange(7, 'x'), spread: false },
        { name: 'an unbounded worst end is spread, even with equal other ends', r: range(7, 7), spread: true },
        { name: 'different best and worst ends are spread', r: range(1, 1, 3), spread: true },
        { name: 'a typical end apart from equal best and worst is spread', r: range(1, 2, 1), spread: true },
    ])('$name', ({ r, spread }) => {
        expect(hasSpread(r)).toBe(spread);
    });
});

describe('a sum of ranges', () => {
    const part = (b: number, t: number, w: number): BoundedRange => ({ bestMs: b, typicalMs: t, worstMs: w, why: WHY });
    const why = { best: 'sb', typical: 'st', worst: 'sw' };
    it.each([
        // (1 + 10 + 100, 2 + 20 + 200, 3 + 30 + 300), worked end by end.
        {
            name: 'adds each end of every part',
            parts: [part(1, 2, 3), part(10, 20, 30), part(100, 200, 300)],
            sum: [111, 222, 333],
        },
        { name: 'is zero at every end with no parts', parts: [], sum: [0, 0, 0] },
    ])('$name', ({ parts, sum }) => {
        expect(sumRanges(parts, why)).toEqual({ bestMs: sum[0], typicalMs: sum[1], worstMs: sum[2], why });
    });
});

describe('a range described', () => {
    it.each([
        { name: 'a point range reads as one value', r: pointRange(41_000, 'x'), text: '≈ 41 s' },
        // 41.00 s and 41.04 s both read "41 s": no spread shown, the typical value alone.
        { name: 'ends that read the same read as the typical value', r: range(41_000, 41_020, 41_040), text: '≈ 41 s' },
        {
            name: 'an unbounded range from a non-zero best says so',
            r: { ...range(1_000, 2_000), why: { ...WHY, worst: 'the lag is typical' } },
            text: '1 s or more (typical 2 s; no bound: the lag is typical)',
        },
    ])('$name', ({ r, text }) => {
        expect(describeRange(r)).toBe(text);
    });
});
