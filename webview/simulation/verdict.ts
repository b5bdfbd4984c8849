// The verdict a results page leads with: each objective the scenario states (its `expect` clauses), met or
// missed and by how much, in the metric's own unit. Reports carry no other objectives; numbers that are not
// judged against one are shown below the verdict as facts, not as results.
import type { ExpectationResult, Metric } from '../../simulation/report.js';
import { count, duration, percent, usd } from '../common/format.js';

export interface ObjectiveVerdict {
    /** The clause without `expect`, e.g. "rto <= 5m". */
    readonly objective: string;
    readonly met: boolean;
    /** e.g. "missed by 1 m 28 s (measured 6 m 28 s)", "met with 3 m 32 s to spare (measured 1 m 28 s)". */
    readonly detail: string;
}

export interface Verdict {
    readonly headline: string;
    readonly met: boolean;
    readonly objectives: readonly ObjectiveVerdict[];
}

export function verdictOf(expectations: readonly Pick<ExpectationResult, 'text' | 'metric' | 'op' | 'measured' | 'delta' | 'passed'>[]): Verdict {
    const objectives = expectations.map((e): ObjectiveVerdict => ({ objective: e.text.replace(/^expect\s+/, ''), met: e.passed, detail: detailOf(e) }));
    const missed = objectives.filter((o) => !o.met).length;
    const headline = objectives.length === 0
        ? 'This scenario states no objectives (no expect clauses): nothing below is judged.'
        : missed === 0 ? `${objectives.length === 1 ? 'The objective is' : `All ${objectives.length} objectives are`} met.`
        : `${missed} of ${objectives.length} objective${objectives.length === 1 ? ' is' : 's are'} missed.`;
    return { headline, met: missed === 0, objectives };
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
        case 'rto': case 'rpo': case 'write-latency': case 'detection':
            return duration(value);
        case 'availability': case 'stale-reads':
            return difference ? `${percent(value).replace(' %', '')} percentage points` : percent(value);
        case 'cost':
            return `${usd(value)} per month`;
        default: {
            const noun = metric === 'merges' ? 'merge' : metric === 'siblings' ? 'sibling' : 'write';
            return `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
        }
    }
}
