import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../simulation/report.js';
import { judgedHeadline, verdictOf } from '../../webview/simulation/verdict.js';

type Clause = Pick<ExpectationResult, 'text' | 'metric' | 'op' | 'measured' | 'delta' | 'passed'>;

describe('the verdict the results view leads with', () => {
    it.each<{ name: string; clause: Clause; detail: string }>([
        {
            name: 'a missed RTO says by how much, in minutes and seconds',
            clause: {
                text: 'expect rto <= 5m',
                metric: 'rto',
                op: '<=',
                measured: 388_000,
                delta: 88_000,
                passed: false,
            },
            // 388 s − 300 s = 88 s
            detail: 'missed by 1 m 28 s (measured 6 m 28 s)',
        },
        {
            name: 'a met RTO says the margin',
            clause: {
                text: 'expect rto <= 5m',
                metric: 'rto',
                op: '<=',
                measured: 88_000,
                delta: -212_000,
                passed: true,
            },
            detail: 'met with 3 m 32 s to spare (measured 1 m 28 s)',
        },
        {
            name: 'a met equality says exactly',
            clause: {
                text: 'expect lost-writes of ledger == 0',
                metric: 'lost-writes',
                op: '==',
                measured: 0,
                delta: 0,
                passed: true,
            },
            detail: 'met exactly (measured 0 writes)',
        },
        {
            name: 'a missed availability objective says by how many percentage points',
            // 0.99876 − 0.9999 = −0.00114 → 0.114 percentage points
            clause: {
                text: 'expect availability >= 99.99%',
                metric: 'availability',
                op: '>=',
                measured: 0.99876,
                delta: -0.00114,
                passed: false,
            },
            detail: 'missed by 0.114 percentage points (measured 99.876%)',
        },
        {
            name: 'a cost objective is in dollars per month',
            clause: {
                text: 'expect cost <= $2000',
                metric: 'cost',
                op: '<=',
                measured: 1843,
                delta: -157,
                passed: true,
            },
            detail: 'met with $157 per month to spare (measured $1,843 per month)',
        },
        {
            name: 'a missed drain time is a duration, not a count of writes',
            // 41 s − 30 s = 11 s
            clause: {
                text: 'expect drain <= 30s',
                metric: 'drain',
                op: '<=',
                measured: 41_000,
                delta: 11_000,
                passed: false,
            },
            detail: 'missed by 11 s (measured 41 s)',
        },
        {
            name: 'an objective the run could not measure is missed, and says why',
            clause: { text: 'expect rpo <= 1s', metric: 'rpo', op: '<=', measured: null, delta: null, passed: false },
            detail: 'missed: this run could not measure it',
        },
    ])('$name', ({ clause, detail }) => {
        const [objective] = verdictOf([clause]).objectives;
        expect(objective!.objective).toBe(clause.text.replace('expect ', ''));
        expect(objective!.met).toBe(clause.passed);
        expect(objective!.detail).toBe(detail);
    });

    it.each<{ name: string; passed: boolean[]; headline: string; met: boolean }>([
        {
            name: 'names how many objectives are missed',
            passed: [false, true],
            headline: '1 of 2 objectives is missed.',
            met: false,
        },
        {
            name: 'says when every objective is met',
            passed: [true, true, true],
            headline: 'All 3 objectives are met.',
            met: true,
        },
        { name: 'says a single objective is met', passed: [true], headline: 'The objective is met.', met: true },
        {
            name: 'says nothing is judged when neither the scenario nor what it reaches states an objective',
            passed: [],
            headline:
                'Nothing is judged: the scenario has no expect clauses, and no service or store it reaches declares an objective.',
            met: true,
        },
    ])('$name', ({ passed, headline, met }) => {
        const clauses: Clause[] = passed.map((p) => ({
            text: 'expect rto <= 5m',
            metric: 'rto',
            op: '<=',
            measured: p ? 1000 : 400_000,
            delta: p ? -299_000 : 100_000,
            passed: p,
        }));
        const verdict = verdictOf(clauses);
        expect(verdict.headline).toBe(headline);
        expect(verdict.met).toBe(met);
    });

    it.each<{ name: string; expects: boolean[]; declared: boolean[]; headline: string; kinds: string }>([
        {
            name: 'counts declared objectives with the expect clauses',
            expects: [true],
            declared: [false, true],
            headline: '1 of 3 objectives is missed.',
            kinds: 'expect objective objective',
        },
        {
            name: 'judges declared objectives when the scenario has no expect clause',
            expects: [],
            declared: [true],
            headline: 'The objective is met.',
            kinds: 'objective',
        },
    ])('$name', ({ expects, declared, headline, kinds }) => {
        const clause = (p: boolean): Clause => ({
            text: 'expect rto <= 5m',
            metric: 'rto',
            op: '<=',
            measured: p ? 1000 : 400_000,
            delta: p ? -299_000 : 100_000,
            passed: p,
        });
        const verdict = verdictOf(
            expects.map(clause),
            declared.map((p) => ({ ...clause(p), text: 'objective rto 5 m', owner: 'orders' })),
        );
        expect(verdict.headline).toBe(headline);
        expect(verdict.objectives.map((o) => o.kind).join(' ')).toBe(kinds);
    });

    it('names a declared objective by its owner and says by how much it is missed', () => {
        const location = {
            uri: 'file:///a.mregion',
            range: { start: { line: 24, character: 0 }, end: { line: 24, character: 0 } },
        };
        const [o] = verdictOf(
            [],
            [
                {
                    text: 'objective availability 99.99%',
                    owner: 'orders',
                    metric: 'availability',
                    op: '>=',
                    measured: 0.9678,
                    delta: -0.0321,
                    passed: false,
                    location,
                },
            ],
        ).objectives;
        // 0.9678 − 0.9999 = −0.0321 → 3.21 percentage points
        expect(o).toEqual({
            objective: 'orders: objective availability 99.99%',
            kind: 'objective',
            met: false,
            detail: 'missed by 3.21 percentage points (measured 96.78%)',
            location,
        });
    });
});

describe('the headline of a verdict', () => {
    it.each([
        [1, 0, 'The objective is met'],
        [3, 0, 'All 3 objectives are met'],
        [1, 1, '1 of 1 objective is missed'],
        [6, 1, '1 of 6 objectives is missed'],
        [6, 2, '2 of 6 objectives are missed'],
    ])('of %i objectives with %i missed reads "%s"', (total, missed, headline) => {
        expect(judgedHeadline(total, missed)).toBe(headline);
    });
});
