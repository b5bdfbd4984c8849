// The drain's closed form and the catch-up rate compiled from a store's declaration, on hand-built inputs.
import { describe, expect, it } from 'vitest';
import { compileDrain, drainSeconds } from '../../simulation/drain.js';
import type { StoreM, WorkloadM } from '../../language/semantics/model.js';
import { SimulationError } from '../../simulation/errors.js';

describe('a backlog B drained at c while w arrive is empty after B ÷ (c − w)', () => {
    it.each([
        { name: 'an empty backlog is drained at once, even when c ≤ w', backlog: 0, c: 100, w: 200, expected: 0 },
        { name: 'an empty backlog at c > w', backlog: 0, c: 300, w: 100, expected: 0 },
        { name: '6,000 writes at 300/s with 100/s arriving take 30 s', backlog: 6_000, c: 300, w: 100, expected: 30 },
        { name: 'a rate equal to the arrivals never drains', backlog: 10, c: 100, w: 100, expected: Infinity },
        { name: 'a rate below the arrivals never drains', backlog: 10, c: 50, w: 100, expected: Infinity },
        { name: 'no declared rate (+∞) drains at once', backlog: 10, c: Infinity, w: 100, expected: 0 },
    ])('$name', ({ backlog, c, w, expected }) => {
        expect(drainSeconds(backlog, c, w)).toBe(expected);
    });
});

describe('the catch-up rate a store drains at', () => {
    const storeOf = (catchUp: { writesPerS?: number; bytesPerS?: number } | undefined) => ({
        index: 0,
        id: 'orders',
        model: { catchUp } as unknown as StoreM,
    });
    const workloads = [
        { name: 'small', model: { itemSizeBytes: 1_000 } as unknown as WorkloadM },
        { name: 'large', model: { itemSizeBytes: 4_000 } as unknown as WorkloadM },
        { name: 'unsized', model: {} as unknown as WorkloadM },
    ];
    // Group 0 writes the store, group 1 writes another store only.
    const groups = [{ writes: [0] }, { writes: [1] }];
    it.each([
        {
            name: 'a declared write rate is taken as is, with the mean item size of the writing streams',
            catchUp: { writesPerS: 500 },
            streams: [
                { rate: 300, group: 0, workload: 0 },
                { rate: 100, group: 0, workload: 1 },
            ],
            // (300 × 1,000 + 100 × 4,000) ÷ 400 = 1,750 bytes
            expected: { catchUpPerS: 500, declared: true, itemBytes: 1_750 },
        },
        {
            name: 'a throughput is divided by the mean item size, counting only streams that write the store',
            catchUp: { bytesPerS: 3_500_000 },
            streams: [
                { rate: 300, group: 0, workload: 0 },
                { rate: 100, group: 0, workload: 1 },
                { rate: 1_000, group: 1, workload: 2 },
                { rate: 0, group: 0, workload: 2 },
            ],
            // 3,500,000 ÷ 1,750 = 2,000 writes per second; the unsized workload writes elsewhere or at rate 0
            expected: { catchUpPerS: 2_000, declared: true, itemBytes: 1_750 },
        },
        {
            name: 'a throughput on a store no workload writes leaves nothing to drain',
            catchUp: { bytesPerS: 1_000 },
            streams: [{ rate: 10, group: 1, workload: 0 }],
            expected: { catchUpPerS: Infinity, declared: true, itemBytes: undefined },
        },
        {
            name: 'without a declared rate the backlog arrives at once',
            catchUp: undefined,
            streams: [{ rate: 10, group: 0, workload: 0 }],
            expected: { catchUpPerS: Infinity, declared: false, itemBytes: 1_000 },
        },
        {
            name: 'a writing workload without an item size leaves the mean size unknown',
            catchUp: { writesPerS: 500 },
            streams: [
                { rate: 10, group: 0, workload: 0 },
                { rate: 10, group: 0, workload: 2 },
            ],
            expected: { catchUpPerS: 500, declared: true, itemBytes: undefined },
        },
    ])('$name', ({ catchUp, streams, expected }) => {
        expect(compileDrain(storeOf(catchUp), streams, groups, workloads)).toEqual(expected);
    });

    it('a throughput with a writing workload that declares no item size is an error naming it', () => {
        const streams = [
            { rate: 10, group: 0, workload: 0 },
            { rate: 10, group: 0, workload: 2 },
            { rate: 10, group: 0, workload: 2 },
        ];
        const run = () => compileDrain(storeOf({ bytesPerS: 1_000 }), streams, groups, workloads);
        expect(run).toThrow(SimulationError);
        // The kind decides how the CLI and the editor present it: a design to complete, not a failed run.
        expect(run).toThrow(expect.objectContaining({ kind: 'incomplete-design' }));
        expect(run).toThrow(/store orders declares 'catch-up [^']*'.* workload unsized declares no 'item-size'/);
    });
});
