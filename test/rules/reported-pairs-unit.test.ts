// The region pairs unknown-latency has already reported (language/validation/rules/reported-pairs.ts), held as the
// groups they came from: every pair of a store's regions, a witness with each region of its store, a failover's
// two regions. Each row adds some and asks which pairs are known, in both orders, and which regions a known pair
// may touch.
import { describe, expect, it } from 'vitest';
import { ReportedPairs } from '../../language/validation/rules/reported-pairs.js';

type Add = ['group', string[]] | ['star', string, string[]] | ['pair', string, string];

function reported(adds: Add[]): ReportedPairs {
    const pairs = new ReportedPairs();
    for (const add of adds) {
        if (add[0] === 'group') pairs.addGroup(new Set(add[1]));
        else if (add[0] === 'star') pairs.addStar(add[1], new Set(add[2]));
        else pairs.addPair(add[1], add[2]);
    }
    return pairs;
}

describe('which pairs are reported', () => {
    it.each<[string, Add[], [string, string][], [string, string][]]>([
        ['nothing added: no pair', [], [], [['a', 'b']]],
        [
            'a group: each pair of it, not with others',
            [['group', ['a', 'b', 'c']]],
            [
                ['a', 'b'],
                ['c', 'a'],
                ['b', 'c'],
            ],
            [
                ['a', 'd'],
                ['d', 'b'],
            ],
        ],
        [
            'two groups sharing a region: both kept',
            [
                ['group', ['a', 'b']],
                ['group', ['a', 'c']],
            ],
            [
                ['a', 'b'],
                ['a', 'c'],
                ['c', 'a'],
            ],
            [['b', 'c']],
        ],
        [
            'a star: the hub with each spoke, both ways',
            [['star', 'w', ['a', 'b']]],
            [
                ['w', 'a'],
                ['b', 'w'],
            ],
            [
                ['a', 'b'],
                ['w', 'c'],
            ],
        ],
        [
            'two stars on one hub: both kept',
            [
                ['star', 'w', ['a']],
                ['star', 'w', ['b']],
            ],
            [
                ['a', 'w'],
                ['w', 'b'],
            ],
            [['a', 'b']],
        ],
        [
            'a pair: itself, both ways, and no other',
            [['pair', 'x', 'y']],
            [
                ['x', 'y'],
                ['y', 'x'],
            ],
            [
                ['x', 'z'],
                ['z', 'y'],
            ],
        ],
    ])('pairs: %s', (_, adds, known, unknown) => {
        const pairs = reported(adds);
        for (const [a, b] of known) expect(pairs.has(a, b), `${a} ↔ ${b}`).toBe(true);
        for (const [a, b] of unknown) expect(pairs.has(a, b), `${a} ↔ ${b}`).toBe(false);
    });
});

describe('which regions a reported pair may touch', () => {
    it.each<[string, Add[], string[], string[]]>([
        ['nothing added touches nothing', [], [], ['a']],
        ['a group touches its regions', [['group', ['a', 'b']]], ['a', 'b'], ['c']],
        ['a star touches its hub', [['star', 'w', ['a']]], ['w'], ['c']],
        ['a pair touches both its regions', [['pair', 'x', 'y']], ['x', 'y'], ['z']],
    ])('touches: %s', (_, adds, touched, untouched) => {
        const pairs = reported(adds);
        for (const r of touched) expect(pairs.touches(r), r).toBe(true);
        for (const r of untouched) expect(pairs.touches(r), r).toBe(false);
    });
});
