// The sentence the text and Markdown reports print about a store's drains: every figure says whether it was
// simulated at a declared catch-up rate or is a lower bound, and cites the facts entry.
import { describe, expect, test } from 'vitest';
import { drainLine } from '../../simulation/format/data-fate.js';
import type { DrainReport, StoreReport } from '../../simulation/report.js';

const base: DrainReport = {
    catchUpWritesPerS: 300,
    drainTime: 'simulated',
    heals: 1,
    backlogPeakWrites: 60_370,
    drainMs: 304_000,
    outcome: 'drained',
    staleReadShare: 0.4181,
    egressBytes: 181_600_000,
    egressUsd: 3.632,
};
const line = (drain: DrainReport | null) => drainLine({ drain } as StoreReport);

describe('the drain line of a store', () => {
    const cases: readonly { name: string; drain: Partial<DrainReport>; text: string }[] = [
        {
            name: 'a drain simulated at the declared rate',
            drain: {},
            text: 'after heals: backlog peak 60,370 writes; drained in 5 m 4 s at catch-up 300/s (simulated, docs/facts.md#catch-up-rate); 41.81% of reads stale meanwhile (estimate); egress burst 181.6 MB ($3.63 at the transfer price)',
        },
        {
            name: 'no declared rate: a lower bound that says what to declare',
            drain: { catchUpWritesPerS: null, drainTime: 'lower-bound', drainMs: 1_000 },
            text: "after heals: backlog peak 60,370 writes; drained in at least 1 s (a lower bound: no catch-up declared, so the backlog arrived at once; declare 'catch-up', docs/facts.md#catch-up-rate); 41.81% of reads stale meanwhile (estimate); egress burst 181.6 MB ($3.63 at the transfer price)",
        },
        {
            name: 'a rate not above the writes arriving',
            drain: {
                catchUpWritesPerS: 80,
                drainMs: null,
                outcome: 'never-drains',
                staleReadShare: null,
                egressBytes: null,
                egressUsd: null,
            },
            text: 'after heals: backlog peak 60,370 writes; never drains: catch-up 80/s is not above the writes arriving meanwhile',
        },
        {
            name: 'a run that ends first, with an egress too small to price in cents',
            drain: { drainMs: null, outcome: 'unfinished', staleReadShare: null, egressUsd: 0.002 },
            text: 'after heals: backlog peak 60,370 writes; still draining at the end; egress burst 181.6 MB (under $0.01 at the transfer price)',
        },
    ];
    test.each(cases)('reads as a sentence for $name', ({ drain, text }) => {
        expect(line({ ...base, ...drain })).toBe(text);
    });

    test('is absent for a store no heal found a backlog in', () => {
        expect(line(null)).toBeUndefined();
    });
});
