// Turns each `expect` clause into pass/fail with the measured value, the difference and whose number it is:
// "expect rto <= 5m failed: measured 7 h 2 m (+6 h 57 m) for users of us-east-1 on status-page, from the
// outage of us-east-1 at 30 m". The measurement itself comes from the run (see report-builder.ts).
import type { ExpectationM } from '../language/semantics/model.js';
import { formatCount, formatDuration, formatPoints, formatShare, formatUsd } from '../format/quantities.js';
import { percentileName } from './percentile.js';
import type { ExpectationResult, Metric } from './report.js';

export interface Measurement {
    /** Base units; +∞ for "never" (not recovered, never detected); null when the run cannot measure it. */
    readonly value: number | null;
    /** Whose number it is and when, e.g. "users of us-east-1 on payments@us, from the outage of us-east-1 at 10 m". */
    readonly where: string;
    readonly atMs: number | null;
    /** Why there is no value, when `value` is null. */
    readonly reason?: string;
}

const TOLERANCE = 1e-9;

/** How a judged clause is named in its message: an `expect` passes or fails, an `objective` is met or missed. */
export interface Wording {
    readonly text: string;
    readonly subject?: string;
    readonly verbs: readonly [string, string];
}

export function judge(
    e: ExpectationM,
    m: Measurement,
    wording: Wording = { text: clauseText(e), verbs: ['passed', 'failed'] },
): ExpectationResult {
    const metric = e.metric as Metric;
    const value = m.value;
    const passed = value !== null && compare(value, e.op, e.value);
    const finite = value !== null && Number.isFinite(value);
    const delta = finite ? value - e.value : null;
    const measuredText =
        value === null
            ? `not measured (${m.reason ?? 'no data'})`
            : !Number.isFinite(value)
              ? neverText(metric)
              : `${formatValue(metric, value)}${delta !== null && !passed ? ` (${formatDelta(metric, delta)})` : ''}`;
    const text = wording.text;
    const message = `${wording.subject ?? ''}${text} ${passed ? wording.verbs[0] : wording.verbs[1]}: measured ${measuredText}${m.where ? ` ${m.where}` : ''}${e.acrossSeeds === undefined ? '' : oneRunNote(e.acrossSeeds)}`;
    return {
        text,
        metric,
        op: e.op,
        expected: e.value,
        measured: value === null ? null : finite ? round(value) : null,
        passed,
        delta: delta === null ? null : round(delta),
        measuredText,
        where: m.where,
        message,
        line: e.source.range.start.line + 1,
        atMs: m.atMs,
    };
}

/**
 * A percentile across seeds (`expect rto p95 <= 5m`) met by one run: with one seed every percentile is that
 * run's value, so the clause is judged on it — and says so, since a sweep could judge it otherwise.
 */
export function oneRunNote(acrossSeeds: number): string {
    return ` — ${percentileName(acrossSeeds)} across seeds, judged on this one run (a seed sweep judges it across seeds)`;
}

/** The clause as written, on one line: `expect rto p95 <= 5m`. */
export function clauseText(e: ExpectationM): string {
    return e.text.startsWith('expect') ? e.text.replace(/\s+/g, ' ').trim() : `expect ${e.text}`;
}

function compare(measured: number, op: ExpectationM['op'], expected: number): boolean {
    switch (op) {
        case '<=':
            return measured <= expected + TOLERANCE * Math.max(1, Math.abs(expected));
        case '<':
            return measured < expected;
        case '>=':
            return measured >= expected - TOLERANCE * Math.max(1, Math.abs(expected));
        case '>':
            return measured > expected;
        case '==':
            return Math.abs(measured - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
    }
}

export function formatValue(metric: Metric, value: number): string {
    switch (metric) {
        case 'rto':
        case 'rpo':
        case 'detection':
        case 'write-latency':
        case 'drain':
        case 'corruption-loss':
        case 'restore-time':
            return formatDuration(value);
        case 'availability':
        case 'stale-reads':
            return formatShare(value);
        case 'cost':
            return `${formatUsd(value)}/month`;
        default:
            return formatCount(value);
    }
}

function formatDelta(metric: Metric, delta: number): string {
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    const size = Math.abs(delta);
    switch (metric) {
        case 'rto':
        case 'rpo':
        case 'detection':
        case 'write-latency':
        case 'drain':
        case 'corruption-loss':
        case 'restore-time':
            return `${sign}${formatDuration(size)}`;
        case 'availability':
        case 'stale-reads':
            return `${sign}${formatPoints(size)}`;
        case 'cost':
            return `${sign}${formatUsd(size)}/month`;
        default:
            return `${sign}${formatCount(size)}`;
    }
}

function neverText(metric: Metric): string {
    if (metric === 'detection') return 'never (the failure was not detected)';
    if (metric === 'drain') return 'never (a healed backlog had not drained by the end of the scenario)';
    if (metric === 'corruption-loss') return 'everything (no backup: the corruption reached every copy)';
    return 'never (not recovered by the end of the scenario)';
}

function round(n: number): number {
    return Math.round(n * 1_000) / 1_000;
}
