// Index reads that must find an element fail at the read, naming what was read, instead of yielding undefined.
import { describe, expect, it } from 'vitest';
import { itemAt } from '../../language/util/item-at.js';

describe('reading an element that must exist', () => {
    it.each([
        [['a', 'b'], 0, 'a'],
        [['a', 'b'], 1, 'b'],
        ['xy', 1, 'y'],
        [[0, false, ''], 1, false],
    ])('in %j at %i gives %j', (list, index, expected) => {
        expect(itemAt(list as ArrayLike<unknown>, index, 'list')).toBe(expected);
    });

    it.each([
        [[], 0, 'token: no element at index 0 of 0'],
        [['a'], 1, 'token: no element at index 1 of 1'],
        [['a'], -1, 'token: no element at index -1 of 1'],
        [['a'], 0.5, 'token: no element at index 0.5 of 1'],
    ])('in %j at %d fails with "%s"', (list, index, message) => {
        expect(() => itemAt(list, index, 'token')).toThrow(new RangeError(message));
    });
});
