// The report of a seed sweep: one scenario run with N seeds, described by sweep-schema.json (the version below
// is its `schemaVersion`). Per-run numbers are reduced to their spread; the seed of the worst run is named so
// `mregion simulate FILE --seed S` replays it. Values in base units (ms, count, share 0–1); "never" stands for an
// RTO that did not end by the end of the scenario. Ordered by seed, never by completion: the same seeds give
// the same document.
import type { ClauseRef, Metric } from './report.js';
import type { SweepMetric } from './sweep-metrics.js';

/** 1.1.0 added the stranded, overwritten-at-heal and split-brain write counts (report 1.2.0's); 1.2.0 the declared objectives;
 * 1.3.0 the `drain` and `stranded-writes` expectation metrics; 1.4.0 the `throttled-writes` and `lost-increments` metrics;
 * 1.5.0 the `stranded-messages` and `duplicates` metrics of queues and streams; 1.6.0 the expectation metrics
 * `throttled-writes`, `duplicates`, `corruption-loss` and `restore-time`. */
export const SWEEP_SCHEMA_VERSION = '1.6.0';

/** A number, or "never" for an interruption not recovered by the end of the scenario. */
export type SweepValue = number | 'never';

export interface MetricSpread {
    readonly id: SweepMetric['id'];
    readonly label: string;
    readonly unit: SweepMetric['unit'];
    readonly worse: SweepMetric['worse'];
    /** Runs that have this number (a run without interruptions has no RTO, one without reads no stale share). */
    readonly runs: number;
    /** Nearest-rank percentiles over those runs: p = the value at rank ⌈p × runs⌉ in ascending order. Null when no run has one. */
    readonly min: SweepValue | null;
    readonly p50: SweepValue | null;
    readonly p95: SweepValue | null;
    readonly max: SweepValue | null;
    /** The seed whose run is worst for this metric (the first in seed order on a tie); null when no run has one. */
    readonly worstSeed: number | null;
}

export interface SweepExpectation {
    /** The clause as written, e.g. `expect rto p95 <= 5m`. */
    readonly text: string;
    readonly line: number;
    readonly metric: Metric;
    /** Share of the runs that must meet the clause (0.95 for p95); 1 when the clause names no percentile. */
    readonly required: number;
    readonly passed: boolean;
    /** Runs that met the clause, of `seeds`. */
    readonly seedsPassed: number;
    readonly seeds: number;
    /** The run at the judged rank: ⌈required × seeds⌉-th from the best (the worst run when required is 1). */
    readonly seed: number;
    readonly measured: SweepValue | null;
    readonly measuredText: string;
    readonly message: string;
}

/** A declared `objective` term judged across the runs as the matching expect clause (every run must meet it). Since 1.2.0. */
export interface SweepObjective extends Omit<SweepExpectation, 'line'> {
    readonly owner: string;
    readonly ownerKind: 'service' | 'store';
    readonly clause: ClauseRef;
}

export interface SweepRun {
    readonly seed: number;
    /** null when the scenario declares no expectation. */
    readonly passed: boolean | null;
    readonly failedExpectations: number;
    readonly metrics: Readonly<Record<SweepMetric['id'], SweepValue | null>>;
}

export interface SweepReport {
    readonly schemaVersion: typeof SWEEP_SCHEMA_VERSION;
    readonly kind: 'seed-sweep';
    readonly generator: { readonly name: 'mregion'; readonly engine: string };
    readonly design: { readonly uri: string; readonly topology: string | null };
    readonly scenario: { readonly name: string; readonly line: number; readonly durationMs: number };
    readonly seeds: {
        readonly count: number;
        /** The first seed; the others derive from it (`derivation`). */
        readonly base: number;
        readonly derivation: string;
    };
    readonly summary: {
        readonly passed: boolean | null;
        readonly expectations: { readonly total: number; readonly passed: number; readonly failed: number };
        /** The worst run: most failed expectations, then the worst value of each metric in `metrics` order. */
        readonly worstSeed: number;
        readonly worstReason: string;
    };
    readonly metrics: readonly MetricSpread[];
    readonly expectations: readonly SweepExpectation[];
    /** The objectives declared on the services and stores the scenario reaches. Since 1.2.0. */
    readonly objectives: readonly SweepObjective[];
    /** One entry per seed, in the order the seeds were derived. */
    readonly runs: readonly SweepRun[];
    readonly notes: readonly string[];
}
