// The did-you-mean distance counts what a person slips on: a wrong, missing or extra letter, or two letters swapped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../language/util/closest.js';

describe('the edit distance behind did-you-mean', () => {
    it.each([
        ['store', 'store', 0],
        ['stroe', 'store', 1],
        ['servcie', 'service', 1],
        ['eu-wset-1', 'eu-west-1', 1],
        ['us-eats-1', 'us-east-1', 1],
        ['mysq', 'mysql', 1],
        ['replicaton', 'replication', 1],
        ['cockroachbd', 'cockroachdb', 1],
        ['abc', 'ca', 3],
        ['', 'abc', 3],
        ['kitten', 'sitting', 3],
    ])('%s → %s takes %i edits', (a, b, edits) => {
        expect(editDistance(a, b)).toBe(edits);
    });

    it('is symmetric, zero only for equal words, and between the length difference and the longer length', () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
                const d = editDistance(a, b);
                expect(editDistance(b, a)).toBe(d);
                expect(d === 0).toBe(a === b);
                expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
                expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
            }),
        );
    });

    it('counts any swap of two adjacent different letters as one edit', () => {
        fc.assert(
            fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), (word, at) => {
                const i = at % (word.length - 1);
                fc.pre(word[i] !== word[i + 1]);
                const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
                expect(editDistance(word, swapped)).toBe(1);
            }),
        );
    });
});

describe('the closest name', () => {
    it.each([
        ['stroe', ['store', 'service', 'scenario'], 'store'],
        ['servcie', ['store', 'service', 'scenario'], 'service'],
        ['zzzzzzzz', ['store', 'service', 'scenario'], undefined],
        ['st', ['store'], undefined],
    ])('for %s among %j is %s', (name, candidates, expected) => {
        expect(closestName(name, candidates)).toBe(expected);
    });
});
