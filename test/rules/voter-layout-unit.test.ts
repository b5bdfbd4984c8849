// What a quick fix that moves a consensus store's voters leaves (language/validation/rules/voter-layout.ts), on
// hand-built stores: the quorum the design did not declare is recounted as a majority of the new voters, a declared
// one is kept, and a layout outlives a region only when every single loss leaves a quorum and the quorum is a
// majority (a smaller one lets both sides of a partition commit).
import { describe, expect, it } from 'vitest';
import type { StoreM } from '../../language/semantics/model.js';
import { relaidOut, survivesAnyRegionLoss } from '../../language/validation/rules/voter-layout.js';

interface Layout {
    regions: string[];
    replicas?: number;
    witness?: string;
    quorum?: number;
    /** The quorum was written in the design (else the builder derived it). */
    declared?: boolean;
}

/** Only what voter placement reads: regions, replicas (one per region by default), witness, quorum; no survival goal. */
function store({ regions, replicas = regions.length, witness, quorum, declared = false }: Layout): StoreM {
    const at = { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } };
    return {
        id: 'ledger',
        regions,
        replicas,
        witness,
        replication: { mode: 'consensus', quorum, provenance: { kind: 'declared' } },
        source: { uri: 'file:///a.mregion', props: declared ? { quorum: at } : {} },
    } as unknown as StoreM;
}

describe('survivesAnyRegionLoss', () => {
    it.each<[string, Layout, boolean]>([
        ['three regions, majority of 3 (2): yes', { regions: ['a', 'b', 'c'] }, true],
        ['two regions, majority of 2 (2): no', { regions: ['a', 'b'] }, false],
        ['two regions and a witness (2 of 3): yes', { regions: ['a', 'b'], witness: 'w' }, true],
        ['four voters over two regions (3 of 4): no', { regions: ['a', 'b'], replicas: 4 }, false],
        // a, b, c, a: losing b or c leaves 3 (a quorum), losing a leaves 2.
        ['four over three, two in one region: no', { regions: ['a', 'b', 'c'], replicas: 4 }, false],
        ['a declared quorum of 1 of 3 is no majority', { regions: ['a', 'b', 'c'], quorum: 1, declared: true }, false],
        [
            'a declared quorum of 2 of 4 is no majority',
            { regions: ['a', 'b', 'c', 'd'], quorum: 2, declared: true },
            false,
        ],
        [
            'a declared quorum of 3 of 5 outlives one',
            { regions: ['a', 'b', 'c', 'd', 'e'], quorum: 3, declared: true },
            true,
        ],
        ['a declared quorum of 3 of 3 outlives none', { regions: ['a', 'b', 'c'], quorum: 3, declared: true }, false],
    ])('outlives a region: %s', (_, layout, expected) => {
        expect(survivesAnyRegionLoss(store(layout))).toBe(expected);
    });
});

describe('relaidOut', () => {
    it.each<[string, Layout, Partial<StoreM>, number | undefined, boolean]>([
        // The builder derived 2 from three voters; with a witness there are four, whose majority is 3: each loss leaves
        // 3. Keeping 2 would be no majority of four.
        [
            'an undeclared quorum is recounted',
            { regions: ['a', 'b', 'c'], quorum: 2 },
            { witness: 'w' },
            undefined,
            true,
        ],
        [
            'a declared quorum is kept',
            { regions: ['a', 'b', 'c'], quorum: 2, declared: true },
            { witness: 'w' },
            2,
            false,
        ],
        [
            'a region added outlives one loss',
            { regions: ['a', 'b'], quorum: 2 },
            { regions: ['a', 'b', 'c'], replicas: 3 },
            undefined,
            true,
        ],
        [
            'the witness removed no longer does',
            { regions: ['a', 'b'], witness: 'w', quorum: 2 },
            { witness: undefined },
            undefined,
            false,
        ],
    ])('relaid out: %s', (_, layout, change, quorum, survives) => {
        const before = store(layout);
        const after = relaidOut(before, change);
        expect(after.replication.quorum).toBe(quorum);
        expect(after.replication.mode).toBe('consensus');
        expect(after.id).toBe('ledger');
        for (const [k, v] of Object.entries(change)) expect(after[k as keyof StoreM]).toEqual(v);
        expect(survivesAnyRegionLoss(after)).toBe(survives);
        expect(before.replication.quorum).toBe(layout.quorum);
    });
});
