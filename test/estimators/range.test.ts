// The shared range helpers: which end a rule judges, and how a range is described (how its ends read:
// test/format/quantities.test.ts).
import { describe, expect, it } from 'vitest';
import { describeRange, judged, type EstimateRange } from '../../language/semantics/estimators/range.js';

const WHY = { best: 'b', typical: 't', worst: 'the failure lands just after a check' };

describe('which end a rule judges', () => {
    const bounded: EstimateRange = { bestMs: 36_000, typicalMs: 41_000, worstMs: 46_000, why: WHY };
    const open: EstimateRange = { bestMs: 0, typicalMs: 1_000, why: WHY };
    it.each([
        { name: 'the worst end by request', range: bounded, judge: 'worst' as const, ms: 46_000, label: 'worst case' },
        {
            name: 'the typical end by request',
            range: bounded,
            judge: 'typical' as const,
            ms: 41_000,
            label: 'typical case',
        },
        {
            name: 'the typical end when nothing bounds the worst, saying so',
            range: open,
            judge: 'worst' as const,
            ms: 1_000,
            label: 'typical case — no source bounds the worst',
        },
    ])('$name', ({ range, judge, ms, label }) => {
        expect(judged(range, judge)).toMatchObject({ ms, label });
    });

    it('describes a range with its typical value and what makes the worst case', () => {
        expect(describeRange(bounded)).toBe('36–46 s (typical 41 s; worst when the failure lands just after a check)');
        expect(describeRange({ ...open, why: { ...WHY, worst: 'the lag is typical, not a bound' } })).toBe(
            '0 or more (typical 1 s; no bound: the lag is typical, not a bound)',
        );
    });
});
