// An estimate as a range: the best case, the typical case and the worst case, each with what makes it so.
// Failover time, write latency and RPO all report one; the rules judge one end of it (the worst by default,
// `judge: "typical"` in .mregion.json or the `mregion.judge` setting), and say which.
import { formatDuration, formatDurationRange } from '../../../format/quantities.js';

export interface EstimateRange {
    readonly bestMs: number;
    readonly typicalMs: number;
    /** Undefined when no source bounds it (e.g. a lag documented only as typical). */
    readonly worstMs?: number;
    /** What makes each end what it is, in a few words ("the failure lands just after a check"). */
    readonly why: { readonly best: string; readonly typical: string; readonly worst: string };
}

/** A range whose worst end is known (failover time: every part is bounded once its parameters are). */
export interface BoundedRange extends EstimateRange {
    readonly worstMs: number;
}

/** Which end of a range the rules compare with an objective. */
export type Judge = 'worst' | 'typical';
export const JUDGES: readonly Judge[] = ['worst', 'typical'];
export const DEFAULT_JUDGE: Judge = 'worst';

export interface JudgedValue {
    readonly ms: number;
    /** The end that was judged: the one asked for, or `typical` when the worst end has no bound. */
    readonly end: Judge;
    /** For messages: "worst case", "typical case", or "typical case — no source bounds the worst". */
    readonly label: string;
}

/** The end of `range` a rule compares with an objective. */
export function judged(range: EstimateRange, judge: Judge): JudgedValue {
    if (judge === 'worst' && range.worstMs !== undefined)
        return { ms: range.worstMs, end: 'worst', label: 'worst case' };
    if (judge === 'worst')
        return { ms: range.typicalMs, end: 'typical', label: 'typical case — no source bounds the worst' };
    return { ms: range.typicalMs, end: 'typical', label: 'typical case' };
}

/** A range with no spread: the one value, for every end. */
export function pointRange(ms: number, why: string): BoundedRange {
    return { bestMs: ms, typicalMs: ms, worstMs: ms, why: { best: why, typical: why, worst: why } };
}

/** Whether the ends differ. */
export function hasSpread(range: EstimateRange): boolean {
    return range.worstMs === undefined || range.bestMs !== range.worstMs || range.typicalMs !== range.bestMs;
}

/** The sum of independent parts, end by end (each end of the sum is the same end of every part). */
export function sumRanges(parts: readonly BoundedRange[], why: BoundedRange['why']): BoundedRange {
    let bestMs = 0,
        typicalMs = 0,
        worstMs = 0;
    for (const p of parts) {
        bestMs += p.bestMs;
        typicalMs += p.typicalMs;
        worstMs += p.worstMs;
    }
    return { bestMs, typicalMs, worstMs, why };
}

/** "36–46 s (typical 41 s; worst when …)", or "≈ 41 s" with no spread. */
export function describeRange(range: EstimateRange): string {
    if (range.worstMs !== undefined && !formatDurationRange(range.bestMs, range.worstMs).includes('–'))
        return `≈ ${formatDuration(range.typicalMs)}`;
    const worst = range.worstMs === undefined ? `no bound: ${range.why.worst}` : `worst when ${range.why.worst}`;
    return `${formatDurationRange(range.bestMs, range.worstMs)} (typical ${formatDuration(range.typicalMs)}; ${worst})`;
}
