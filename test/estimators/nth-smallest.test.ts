import { describe, expect, it } from 'vitest';
import { nthSmallestIndex } from '../../language/semantics/estimators/nth-smallest.js';

/** A deterministic sequence with many repeated values (a linear congruential generator). */
function values(length: number, distinct: number, seed: number): number[] {
    let x = seed;
    return Array.from({ length }, () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) % distinct);
}

describe('nthSmallestIndex', () => {
    it.each([
        { name: 'one value', values: [7] },
        { name: 'ascending values', values: [1, 2, 3, 4, 5, 6] },
        { name: 'descending values', values: [6, 5, 4, 3, 2, 1] },
        { name: 'all values equal', values: [0, 0, 0, 0, 0] },
        { name: 'voters at 0 ms in the origin among farther ones', values: [0, 76, 0, 133, 76, 0, 28] },
        { name: '1,000 values with many repeats', values: values(1_000, 17, 1) },
        { name: '1,001 values, nearly all distinct', values: values(1_001, 1_000_000, 2) },
    ])('picks the element a stable sort puts at each position, for $name', ({ values: vs }) => {
        const sorted = vs
            .map((v, i) => ({ v, i }))
            .sort((a, b) => a.v - b.v)
            .map((e) => e.i);
        const positions = vs.length <= 10 ? vs.map((_, n) => n) : [0, 1, vs.length >> 1, vs.length - 2, vs.length - 1];
        expect(positions.map((n) => nthSmallestIndex(vs, n))).toEqual(positions.map((n) => sorted[n]));
    });

    it('picks every position where a partition ends with its two scans on one element', () => {
        // With the scans' loop run only while i < j, the 6th smallest of these came out wrong: a partition that ends
        // with i = j leaves that element unexamined, and the search went on in a part it may not belong to.
        const vs = [
            20, 5, 2, 13, 40, 0, 30, 10, 12, 25, 28, 1, 9, 2, 3, 8, 28, 3, 15, 2, 27, 23, 6, 3, 15, 13, 1, 4, 22,
        ];
        const more = [2, 25, 8, 1, 8, 41, 2, 4];
        const all = [...vs, ...more];
        const sorted = all
            .map((v, i) => ({ v, i }))
            .sort((a, b) => a.v - b.v)
            .map((e) => e.i);
        expect(all.map((_, n) => nthSmallestIndex(all, n))).toEqual(sorted);
    });

    it.each([-1, 3, 0.5])('refuses position %s of 3 values', (n) => {
        expect(() => nthSmallestIndex([1, 2, 3], n)).toThrow(RangeError);
        expect(() => nthSmallestIndex([1, 2, 3], n)).toThrow(`no element ${n} among 3`);
    });
});
