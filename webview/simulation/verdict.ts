// The verdict a results page leads with: each objective the run is judged against, met or missed and by how
// much, in the metric's own unit — the scenario's `expect` clauses first, then the `objective` terms declared on
// the services and stores it reaches (schema 1.4). Numbers not judged against one are shown below as facts.
import type { ExpectationResult, Metric, ObjectiveResult } from '../../simulation/report.js';
import { formatCount, formatDuration, formatPoints, formatShare, formatUsd } from '../../format/quantities.js';
import type { SourceLocation } from '../../protocol/webview-messages.js';

export interface ObjectiveVerdict {
    /** The clause without `expect` ("rto <= 5m"), or the owner and its objective ("orders: objective rto 5 m"). */
    readonly objective: string;
    readonly kind: 'expect' | 'objective';
    readonly met: boolean;
    /** e.g. "missed by 1 m 28 s (measured 6 m 28 s)", "met with 3 m 32 s to spare (measured 1 m 28 s)". */
    readonly detail: string;
    /** Where the clause is written, when known. */
    readonly location?: SourceLocation;
}

export interface Verdict {
    readonly headline: string;
    readonly met: boolean;
    readonly objectives: readonly ObjectiveVerdict[];
}

type Judged = Pick<ExpectationResult, 'text' | 'metric' | 'op' | 'measured' | 'delta' | 'passed'>;

export function verdictOf(
    expectations: readonly (Judged & { readonly location?: SourceLocation })[],
    declared: readonly (Judged & Pick<ObjectiveResult, 'owner'> & { readonly location?: SourceLocation })[] = [],
): Verdict {
    const objectives = [
        ...expectations.map((e): ObjectiveVerdict => ({
            objective: e.text.replace(/^expect\s+/, ''),
            kind: 'expect',
            met: e.passed,
            detail: detailOf(e),
            ...(e.location ? { location: e.location } : {}),
        })),
        ...declared.map((o): ObjectiveVerdict => ({
            objective: `${o.owner}: ${o.text}`,
            kind: 'objective',
            met: o.passed,
            detail: detailOf(o),
            ...(o.location ? { location: o.location } : {}),
        })),
    ];
    const missed = objectives.filter((o) => !o.met).length;
    const headline =
        objectives.length === 0
            ? 'Nothing is judged: the scenario has no expect clauses, and no service or store it reaches declares an objective.'
            : `${judgedHeadline(objectives.length, missed)}.`;
    return { headline, met: missed === 0, objectives };
}

/** "All 3 objectives are met", "1 of 3 objectives is missed", "2 of 3 objectives are missed" — the verb agrees. */
export function judgedHeadline(total: number, missed: number): string {
    if (missed === 0) return total === 1 ? 'The objective is met' : `All ${total} objectives are met`;
    return `${missed} of ${total} objective${total === 1 ? '' : 's'} ${missed === 1 ? 'is' : 'are'} missed`;
}

function detailOf(e: Pick<ExpectationResult, 'metric' | 'op' | 'measured' | 'delta' | 'passed'>): string {
    if (e.measured === null) return 'missed: this run could not measure it';
    const measured = `measured ${formatMetric(e.metric, e.measured)}`;
    if (e.delta === null || !Number.isFinite(e.delta)) return `${e.passed ? 'met' : 'missed'} (${measured})`;
    const by = formatMetric(e.metric, Math.abs(e.delta), true);
    if (!e.passed) return `missed by ${by} (${measured})`;
    if (e.delta === 0) return `met exactly (${measured})`;
    return `met with ${by} to spare (${measured})`;
}

/** A metric's value (or a difference of two, `difference`) in the unit people read it in. */
export function formatMetric(metric: Metric, value: number, difference = false): string {
    switch (metric) {
        case 'rto':
        case 'rpo':
        case 'write-latency':
        case 'detection':
        case 'drain':
        case 'corruption-loss':
        case 'restore-time':
            return formatDuration(value);
        case 'availability':
        case 'stale-reads':
            return difference ? formatPoints(value, true) : formatShare(value);
        case 'cost':
            return `${formatUsd(value)} per month`;
        default: {
            const noun =
                metric === 'merges'
                    ? 'merge'
                    : metric === 'siblings'
                      ? 'sibling'
                      : metric === 'duplicates'
                        ? 'message'
                        : 'write';
            return `${formatCount(value)} ${noun}${value === 1 ? '' : 's'}`;
        }
    }
}
