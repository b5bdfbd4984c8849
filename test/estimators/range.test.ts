// The shared range helpers: how a range reads, and which end a rule judges.
import { describe, expect, it } from 'vitest';
import {
    describeRange,
    formatDurationRange,
    judged,
    type EstimateRange,
} from '../../language/semantics/estimators/range.js';

describe('a duration range as text', () => {
    it.each([
        { name: 'shares the unit when both ends read in one', low: 36_000, high: 46_000, text: '36–46 s' },
        {
            name: 'writes both ends in full when their units differ',
            low: 86_000,
            high: 156_000,
            text: '1 m 26 s–2 m 36 s',
        },
        { name: 'writes a zero lower end as 0', low: 0, high: 3_600_000, text: '0–1 h' },
        {
            name: 'reads as one figure when the ends round to the same text',
            low: 19_999_000,
            high: 20_036_000,
            text: '5 h 33 m',
        },
        { name: 'says "or more" when the upper end is open', low: 1_000, high: undefined, text: '1 s or more' },
    ])('$name', ({ low, high, text }) => {
        expect(formatDurationRange(low, high)).toBe(text);
    });
});

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
