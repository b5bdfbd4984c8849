// What a sweep keeps of one seed's run: its per-run numbers and how each expectation fared. The worker reduces
// each report to this (a few hundred bytes) so that 10,000 seeds never hold 10,000 reports. `runMetrics` is the
// one place a sweep reads the report's fields: a renamed field is a one-line change here.
import type { ExpectationResult, QueueReport, SimulationReport } from './report.js';

/** A per-run number of a sweep, with the direction in which it gets worse. */
export interface SweepMetric {
    readonly id:
        | 'rto'
        | 'rpo'
        | 'lost-writes'
        | 'availability'
        | 'stranded-writes'
        | 'overwritten-at-heal'
        | 'split-brain-writes'
        | 'rejected-writes'
        | 'throttled-writes'
        | 'discarded-writes'
        | 'lost-increments'
        | 'stranded-messages'
        | 'duplicates'
        | 'stale-reads'
        | 'write-latency-p99';
    readonly label: string;
    readonly unit: 'ms' | 'count' | 'share';
    readonly worse: 'higher' | 'lower';
}

export const SWEEP_METRICS: readonly SweepMetric[] = [
    { id: 'rto', label: 'RTO (worst interruption)', unit: 'ms', worse: 'higher' },
    { id: 'rpo', label: 'RPO (oldest lost write)', unit: 'ms', worse: 'higher' },
    { id: 'lost-writes', label: 'lost writes', unit: 'count', worse: 'higher' },
    { id: 'availability', label: 'availability', unit: 'share', worse: 'lower' },
    { id: 'stranded-writes', label: 'stranded writes (held by a cut-off replica)', unit: 'count', worse: 'higher' },
    { id: 'overwritten-at-heal', label: 'overwritten at heal (LWW)', unit: 'count', worse: 'higher' },
    { id: 'split-brain-writes', label: 'split-brain writes', unit: 'count', worse: 'higher' },
    { id: 'rejected-writes', label: 'rejected writes', unit: 'count', worse: 'higher' },
    { id: 'throttled-writes', label: 'throttled writes (bounded staleness)', unit: 'count', worse: 'higher' },
    { id: 'discarded-writes', label: 'discarded writes (LWW)', unit: 'count', worse: 'higher' },
    { id: 'lost-increments', label: 'increments lost (LWW counter)', unit: 'count', worse: 'higher' },
    { id: 'stranded-messages', label: 'messages stranded (queues)', unit: 'count', worse: 'higher' },
    { id: 'duplicates', label: 'messages re-delivered (duplicates)', unit: 'count', worse: 'higher' },
    { id: 'stale-reads', label: 'stale reads', unit: 'share', worse: 'higher' },
    { id: 'write-latency-p99', label: 'write latency p99', unit: 'ms', worse: 'higher' },
];

export type SweepMetricId = SweepMetric['id'];

/**
 * One run's value of each metric: a number, Infinity for an RTO that never ended (users still not served when
 * the scenario ended), or null when the run has no such number (no user interrupted, no read served).
 */
export type RunMetrics = Readonly<Record<SweepMetricId, number | null>>;

export function runMetrics(r: SimulationReport): RunMetrics {
    const s = r.summary;
    return {
        rto: s.unrecovered ? Infinity : s.worstRtoMs,
        // No write lost: nothing of the past is missing, an RPO of 0 (as `expect rpo` measures it).
        rpo: s.worstRpoMs ?? 0,
        'lost-writes': s.lostWrites,
        availability: s.availability,
        'stranded-writes': s.strandedWrites,
        'overwritten-at-heal': s.overwrittenAtHeal,
        'split-brain-writes': s.splitBrainWrites,
        'rejected-writes': s.rejectedWrites,
        'throttled-writes': s.throttledWrites,
        'discarded-writes': s.discardedWrites,
        'lost-increments': lostIncrements(r),
        'stranded-messages': queueSum(r, (q) => q.strandedMessages),
        duplicates: queueSum(r, (q) => q.duplicates),
        'stale-reads': s.staleReadShare,
        'write-latency-p99': s.writeLatencyMs.p99,
    };
}

/** Increments lost over the counter stores under last-writer-wins; null when the design has none. */
function lostIncrements(r: SimulationReport): number | null {
    let total: number | null = null;
    for (const store of r.stores) if (store.lostIncrements !== null) total = (total ?? 0) + store.lostIncrements.lost;
    return total;
}

/** A count summed over the queues and streams the simulation follows; null when the design has none. */
function queueSum(r: SimulationReport, count: (q: QueueReport) => number): number | null {
    let total: number | null = null;
    for (const store of r.stores) if (store.queue) total = (total ?? 0) + count(store.queue);
    return total;
}

/** How one expectation fared in one run. `measured` is Infinity for "never", null when not measured. */
export interface SeedExpectation {
    readonly passed: boolean;
    readonly measured: number | null;
    readonly measuredText: string;
}

export interface SeedOutcome {
    readonly seed: number;
    readonly metrics: RunMetrics;
    /** In the order of the scenario's expect clauses. */
    readonly expectations: readonly SeedExpectation[];
    /** In the order of the report's objectives (the same in every run: which owners are judged is structural). */
    readonly objectives: readonly SeedExpectation[];
}

export function seedOutcome(r: SimulationReport): SeedOutcome {
    return {
        seed: r.scenario.seed,
        metrics: runMetrics(r),
        expectations: r.expectations.map(seedExpectation),
        objectives: r.objectives.map(seedExpectation),
    };
}

function seedExpectation(e: Pick<ExpectationResult, 'passed' | 'measured' | 'measuredText'>): SeedExpectation {
    // The report writes "never" as measured null with no difference; a run that could not measure says why.
    const never = e.measured === null && e.measuredText.startsWith('never');
    return { passed: e.passed, measured: never ? Infinity : e.measured, measuredText: e.measuredText };
}
