// An `expect` clause judged against a measurement, on hand-built inputs: each comparison at its boundary (≤ and ≥
// forgive 1e-9 of the expected value, for sums of floating-point shares; < and > do not), the value and the
// signed difference in the clause's own unit, the words for a value that never came or could not be measured,
// and the clause's text. Expected strings are written out, not read from the formatters.
import { describe, expect, it } from 'vitest';
import type { Comparison, ExpectationM, Source } from '../../language/semantics/model.js';
import { clauseText, judge, type Measurement, oneRunNote } from '../../simulation/expectations.js';
import type { Metric } from '../../simulation/report.js';

const at = { line: 6, character: 4 };
const SOURCE: Source = {
    uri: 'file:///d.mregion',
    range: { start: at, end: at },
    nameRange: { start: at, end: at },
    props: {},
};

function clause(metric: Metric, op: Comparison, value: number, text: string, acrossSeeds?: number): ExpectationM {
    return { metric, op, value, text, source: SOURCE, ...(acrossSeeds === undefined ? {} : { acrossSeeds }) };
}
const measured = (value: number | null, where = 'for users of us-east-1', reason?: string): Measurement => ({
    value,
    where,
    atMs: value === null ? null : 60_000,
    ...(reason === undefined ? {} : { reason }),
});

describe('each comparison at its boundary', () => {
    // 1e-9 × max(1, |expected|): 3e-9 for 3 writes, 1e-9 for a share of 0.5.
    it.each([
        { op: '<=', value: 3, measured: 3 + 2e-9, passed: true },
        { op: '<=', value: 3, measured: 3 + 4e-9, passed: false },
        { op: '<', value: 3, measured: 3, passed: false },
        { op: '<', value: 3, measured: 3 - 1e-12, passed: true },
        { op: '>=', value: 3, measured: 3 - 2e-9, passed: true },
        { op: '>=', value: 3, measured: 3 - 4e-9, passed: false },
        { op: '>', value: 3, measured: 3, passed: false },
        { op: '>', value: 3, measured: 3 + 1e-12, passed: true },
        { op: '==', value: 3, measured: 3 + 3e-9, passed: true },
        { op: '==', value: 3, measured: 3 - 4e-9, passed: false },
        // Exactly at the forgiven margin: still within it.
        { op: '<=', value: 3, measured: 3 + 1e-9 * 3, passed: true },
        { op: '>=', value: 3, measured: 3 - 1e-9 * 3, passed: true },
        { op: '==', value: 3, measured: 3 + 1e-9 * 3, passed: true },
        { op: '<=', value: 0.5, measured: 0.5 + 0.9e-9, passed: true },
        { op: '<=', value: 0.5, measured: 0.5 + 1.1e-9, passed: false },
    ] as const)('$measured $op $value is $passed', ({ op, value, measured: m, passed }) => {
        expect(judge(clause('lost-writes', op, value, 'expect lost-writes'), measured(m)).passed).toBe(passed);
    });
});

describe('the measured value and its difference, in the clause’s unit', () => {
    it.each([
        // 7 m measured against 5 m: failed by +2 m.
        { metric: 'rto', value: 300_000, m: 420_000, op: '<=', text: '7 m (+2 m)', delta: 120_000, passed: false },
        // 4 m 30 s measured against at least 5 m: failed by −30 s.
        {
            metric: 'detection',
            value: 300_000,
            m: 270_000,
            op: '>=',
            text: '4 m 30 s (−30 s)',
            delta: -30_000,
            passed: false,
        },
        // A pass shows no difference.
        { metric: 'rpo', value: 60_000, m: 1_500, op: '<=', text: '1.5 s', delta: -58_500, passed: true },
        // 99.5% against at least 99.9%: −0.4 percentage points.
        {
            metric: 'availability',
            value: 0.999,
            m: 0.995,
            op: '>=',
            text: '99.5% (−0.4 pp)',
            delta: -0.004,
            passed: false,
        },
        // Every metric in time reads as a duration, the value and the difference alike.
        { metric: 'rpo', value: 1_000, m: 1_500, op: '<=', text: '1.5 s (+500 ms)', delta: 500, passed: false },
        { metric: 'write-latency', value: 100, m: 150, op: '<=', text: '150 ms (+50 ms)', delta: 50, passed: false },
        { metric: 'drain', value: 60_000, m: 90_000, op: '<=', text: '1 m 30 s (+30 s)', delta: 30_000, passed: false },
        {
            metric: 'corruption-loss',
            value: 3_600_000,
            m: 7_200_000,
            op: '<=',
            text: '2 h (+1 h)',
            delta: 3_600_000,
            passed: false,
        },
        {
            metric: 'restore-time',
            value: 1_800_000,
            m: 2_700_000,
            op: '<=',
            text: '45 m (+15 m)',
            delta: 900_000,
            passed: false,
        },
        // A share of reads: 2.5% against at most 1%, +1.5 percentage points.
        { metric: 'stale-reads', value: 0.01, m: 0.025, op: '<=', text: '2.5% (+1.5 pp)', delta: 0.015, passed: false },
        {
            metric: 'cost',
            value: 1_000,
            m: 1_200,
            op: '<=',
            text: '$1,200/month (+$200/month)',
            delta: 200,
            passed: false,
        },
        { metric: 'lost-writes', value: 0, m: 1_500, op: '==', text: '1,500 (+1,500)', delta: 1_500, passed: false },
        // Equal but for the strict comparison: the sign of a zero difference is ±.
        { metric: 'lost-writes', value: 12, m: 12, op: '<', text: '12 (±0)', delta: 0, passed: false },
    ] as const)('$metric $op $value measured $m reads "$text"', ({ metric, value, m, op, text, delta, passed }) => {
        const result = judge(clause(metric, op, value, `expect ${metric} ${op} …`), measured(m));
        expect(result).toMatchObject({
            measuredText: text,
            delta,
            passed,
            measured: m,
            expected: value,
            line: 7,
            atMs: 60_000,
        });
    });

    it('rounds the measured value and the difference to thousandths', () => {
        const result = judge(clause('lost-writes', '<=', 1, 'expect lost-writes <= 1'), measured(2.123456));
        expect([result.measured, result.delta]).toEqual([2.123, 1.123]);
    });
});

describe('a value that never came, or could not be measured', () => {
    it.each([
        { metric: 'rto', text: 'never (not recovered by the end of the scenario)' },
        { metric: 'detection', text: 'never (the failure was not detected)' },
        { metric: 'drain', text: 'never (a healed backlog had not drained by the end of the scenario)' },
        { metric: 'corruption-loss', text: 'everything (no backup: the corruption reached every copy)' },
    ] as const)('an infinite $metric reads "$text", with no number and no difference', ({ metric, text }) => {
        const result = judge(clause(metric, '<=', 60_000, `expect ${metric} <= 1m`), measured(Infinity));
        expect(result).toMatchObject({ measuredText: text, measured: null, delta: null, passed: false });
    });

    it('a value the run could not measure says why, and fails', () => {
        const result = judge(
            clause('rto', '<=', 60_000, 'expect rto <= 1m'),
            measured(null, '', 'no outage in the scenario'),
        );
        expect(result).toMatchObject({
            measuredText: 'not measured (no outage in the scenario)',
            passed: false,
            measured: null,
        });
        expect(result.message).toBe('expect rto <= 1m failed: measured not measured (no outage in the scenario)');
    });

    it('without a reason it says there was no data', () => {
        expect(judge(clause('rto', '<=', 60_000, 'expect rto <= 1m'), measured(null, '')).measuredText).toBe(
            'not measured (no data)',
        );
    });
});

describe('the message and the clause’s text', () => {
    it('names the clause, the verdict, the value and whose number it is', () => {
        const result = judge(clause('rto', '<=', 300_000, 'expect   rto\n  <= 5m'), measured(420_000));
        expect(result.text).toBe('expect rto <= 5m');
        expect(result.message).toBe('expect rto <= 5m failed: measured 7 m (+2 m) for users of us-east-1');
    });

    it('uses the wording it is given: an objective is met or missed, with its subject', () => {
        const result = judge(clause('rto', '<=', 300_000, 'rto 5m'), measured(120_000), {
            text: 'objective rto 5m',
            subject: 'service pay: ',
            verbs: ['met', 'missed'],
        });
        expect(result.message).toBe('service pay: objective rto 5m met: measured 2 m for users of us-east-1');
    });

    it('a clause with spaces around it reads without them', () => {
        expect(clauseText(clause('rto', '<=', 1, 'expect rto <= 5m  '))).toBe('expect rto <= 5m');
    });

    it('a clause written without its keyword gets it', () => {
        expect(clauseText(clause('rto', '<=', 1, 'rto <= 5m'))).toBe('expect rto <= 5m');
    });

    it('a percentile across seeds judged on one run says so', () => {
        const result = judge(clause('rto', '<=', 300_000, 'expect rto p95 <= 5m', 0.95), measured(120_000, ''));
        expect(result.message).toBe(
            'expect rto p95 <= 5m passed: measured 2 m — p95 across seeds, judged on this one run (a seed sweep judges it across seeds)',
        );
        expect(oneRunNote(0.5)).toBe(
            ' — p50 across seeds, judged on this one run (a seed sweep judges it across seeds)',
        );
    });
});
