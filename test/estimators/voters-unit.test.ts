// Where a consensus store's voters sit (language/semantics/estimators/voters.ts), on hand-built layouts: replicas
// round-robin over the regions, CockroachDB's survival goals (zone: 3 voters at home; region: 2 at home and 3 over
// the others), the witness, the quorum (declared, or a majority) and what each single region loss leaves. Every
// layout is worked out by hand from the rules in voters.ts's comment.
import { describe, expect, it } from 'vitest';
import {
    quorumOf,
    regionLossSurvival,
    votersByRegion,
    votersOf,
    type VoterLayout,
} from '../../language/semantics/estimators/voters.js';
import type { StoreM } from '../../language/semantics/model.js';

interface Layout {
    regions: string[];
    replicas?: number;
    witness?: string;
    leader?: string;
    survive?: 'zone' | 'region';
    quorum?: number;
}

function layout({ regions, replicas = regions.length, witness, leader, survive, quorum }: Layout): StoreM {
    return {
        regions,
        replicas,
        witness,
        consensus: leader === undefined ? undefined : { leader, survive },
        replication: { mode: 'consensus', quorum },
    } as unknown as StoreM;
}

/** Voters as `region` or `region (witness)`, in order. */
const named = (store: VoterLayout, home?: string) =>
    votersOf(store, ...(home === undefined ? [] : [home])).map((v) => (v.witness ? `${v.region} (witness)` : v.region));

describe('votersOf', () => {
    it.each<[string, Layout, string[]]>([
        ['one replica per region', { regions: ['a', 'b', 'c'] }, ['a', 'b', 'c']],
        ['four replicas over two regions, two each', { regions: ['a', 'b'], replicas: 4 }, ['a', 'b', 'a', 'b']],
        ['five over three, round-robin', { regions: ['a', 'b', 'c'], replicas: 5 }, ['a', 'b', 'c', 'a', 'b']],
        ['no regions: no voters, not even replicas', { regions: [], replicas: 3 }, []],
        ['a witness votes last', { regions: ['a', 'b'], witness: 'w' }, ['a', 'b', 'w (witness)']],
        ['a leader without a goal changes nothing', { regions: ['a', 'b', 'c'], leader: 'c' }, ['a', 'b', 'c']],
        [
            'survive zone: three at the leader',
            { regions: ['a', 'b', 'c'], leader: 'b', survive: 'zone' },
            ['b', 'b', 'b'],
        ],
        [
            'survive region: two at home, three spread',
            { regions: ['a', 'b', 'c'], leader: 'a', survive: 'region' },
            ['a', 'a', 'b', 'c', 'b'],
        ],
        [
            'survive region, leader listed last',
            { regions: ['a', 'b', 'c'], leader: 'c', survive: 'region' },
            ['c', 'c', 'a', 'b', 'a'],
        ],
        [
            // The other three voters go to the other regions in their order, one each.
            'survive region over four regions',
            { regions: ['a', 'b', 'c', 'd'], leader: 'a', survive: 'region' },
            ['a', 'a', 'b', 'c', 'd'],
        ],
        [
            'survive region in one region: all five there',
            { regions: ['a'], leader: 'a', survive: 'region' },
            ['a', 'a', 'a', 'a', 'a'],
        ],
        [
            'survive zone with a witness',
            { regions: ['a', 'b'], leader: 'a', survive: 'zone', witness: 'w' },
            ['a', 'a', 'a', 'w (witness)'],
        ],
        [
            'survive ignores replicas',
            { regions: ['a', 'b'], replicas: 7, leader: 'b', survive: 'zone' },
            ['b', 'b', 'b'],
        ],
    ])('voters: %s', (_, l, voters) => {
        expect(named(layout(l))).toEqual(voters);
    });

    it.each<[string, Layout, string, string[]]>([
        // A regional-by-row row homed elsewhere: its ranges' voters sit around that home, not the leader.
        [
            'survive region around another home',
            { regions: ['a', 'b', 'c'], leader: 'a', survive: 'region' },
            'b',
            ['b', 'b', 'a', 'c', 'a'],
        ],
        [
            'survive zone around another home',
            { regions: ['a', 'b', 'c'], leader: 'a', survive: 'zone' },
            'c',
            ['c', 'c', 'c'],
        ],
        ['a home without a goal changes nothing', { regions: ['a', 'b'], leader: 'a' }, 'b', ['a', 'b']],
    ])('voters homed: %s', (_, l, home, voters) => {
        expect(named(layout(l), home)).toEqual(voters);
    });
});

describe('votersByRegion', () => {
    it.each<[string, Layout, [string, number][]]>([
        [
            'counts in the order regions first appear',
            { regions: ['a', 'b', 'c'], leader: 'c', survive: 'region' },
            [
                ['c', 2],
                ['a', 2],
                ['b', 1],
            ],
        ],
        [
            'a witness region with one vote',
            { regions: ['a', 'b'], replicas: 4, witness: 'w' },
            [
                ['a', 2],
                ['b', 2],
                ['w', 1],
            ],
        ],
    ])('by region: %s', (_, l, counts) => {
        expect([...votersByRegion(layout(l))]).toEqual(counts);
    });
});

describe('quorumOf', () => {
    it.each<[string, Layout, number]>([
        ['a majority of three is two', { regions: ['a', 'b', 'c'] }, 2],
        ['a majority of four is three', { regions: ['a', 'b'], replicas: 4 }, 3],
        ['a majority of five is three', { regions: ['a', 'b', 'c'], leader: 'a', survive: 'region' }, 3],
        ['a declared quorum wins', { regions: ['a', 'b', 'c', 'd', 'e'], quorum: 2 }, 2],
    ])('quorum: %s', (_, l, quorum) => {
        expect(quorumOf(layout(l))).toBe(quorum);
    });
});

describe('regionLossSurvival', () => {
    it.each<[string, Layout, [string, number, number, number, boolean][]]>([
        [
            // Three voters, quorum 2: any loss leaves 2, exactly a quorum.
            'two regions and a witness outlive any one',
            { regions: ['a', 'b'], witness: 'w' },
            [
                ['a', 2, 3, 2, true],
                ['b', 2, 3, 2, true],
                ['w', 2, 3, 2, true],
            ],
        ],
        [
            // Five voters, quorum 3: losing the home leaves 3, losing b leaves 3, losing c leaves 4.
            'survive region outlives any one',
            { regions: ['a', 'b', 'c'], leader: 'a', survive: 'region' },
            [
                ['a', 3, 5, 3, true],
                ['b', 3, 5, 3, true],
                ['c', 4, 5, 3, true],
            ],
        ],
        [
            // Four voters, quorum 3: either loss leaves 2.
            'two regions with two voters each do not',
            { regions: ['a', 'b'], replicas: 4 },
            [
                ['a', 2, 4, 3, false],
                ['b', 2, 4, 3, false],
            ],
        ],
        [
            // Survive zone: all three voters at home; losing it leaves none.
            'survive zone does not outlive its home',
            { regions: ['a', 'b'], leader: 'b', survive: 'zone' },
            [['b', 0, 3, 2, false]],
        ],
    ])('loss: %s', (_, l, rows) => {
        expect(
            regionLossSurvival(layout(l)).map((s) => [s.region, s.votersLeft, s.voters, s.quorum, s.survives]),
        ).toEqual(rows);
    });
});
