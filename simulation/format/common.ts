// What the text and Markdown reports write alike: times, shares, latencies, gaps and headlines (the numbers
// themselves read as everywhere else: format/quantities.ts).
import { formatCount, formatDuration, formatShare } from '../../format/quantities.js';
import type { LatencySeries, ObjectiveResult, Percentiles, SimulationReport } from '../report.js';

/** "at 10 m" style offset from the scenario start; "0 s" at the start. */
export function at(ms: number): string {
    return ms <= 0 ? '0 s' : formatDuration(ms);
}

export function share(value: number | null): string {
    return value === null ? '—' : formatShare(value);
}

export function duration(value: number | null, never = 'not recovered'): string {
    return value === null ? never : formatDuration(value);
}

export function latency(p: Percentiles): string {
    if (p.p50 === null) return '—';
    return `${formatDuration(p.p50)} / ${formatDuration(p.p95!)} / ${formatDuration(p.p99!)}`;
}

/** One row of "write latency over time": whose writes, and how their p99 moved from interval to interval. */
export interface LatencyOverTime {
    readonly usersOf: string;
    readonly on: string;
    /** Lowest and highest interval p99, and the start of the first interval at the highest. */
    readonly lowMs: number;
    readonly highMs: number;
    readonly highAtMs: number;
    /** Stretches of intervals in which none of their writes was acknowledged (from, to). */
    readonly gaps: readonly { readonly fromMs: number; readonly toMs: number }[];
}

/**
 * The latency series worth printing: whole write requests per users' region of each service, or, in a design
 * without services, writes per writers' region of each store. Regions with no acknowledged write are left out.
 */
export function latencyOverTime(r: SimulationReport): LatencyOverTime[] {
    const serviceRows = r.services.flatMap((s) =>
        s.byRegion.map((x) => ({ usersOf: x.region, on: s.id, series: x.writeLatencySeries })),
    );
    const rows = serviceRows.some((x) => hasWrites(x.series))
        ? serviceRows
        : r.stores.flatMap((s) =>
              s.byRegion.map((x) => ({ usersOf: x.region, on: s.id, series: x.writeLatencySeries })),
          );
    const step = r.run.sampleIntervalMs;
    const end = (i: number) => Math.min((r.sampleTimesMs[i] ?? 0) + step, r.scenario.durationMs);
    return rows
        .filter((x) => hasWrites(x.series))
        .map(({ usersOf, on, series }) => {
            let low = Infinity;
            let high = -Infinity;
            let highAt = 0;
            const gaps: { fromMs: number; toMs: number }[] = [];
            series.p99.forEach((v, i) => {
                if (v !== null) {
                    if (v < low) low = v;
                    if (v > high) {
                        high = v;
                        highAt = r.sampleTimesMs[i] ?? 0;
                    }
                    return;
                }
                const last = gaps[gaps.length - 1];
                if (last && last.toMs === (r.sampleTimesMs[i] ?? 0)) last.toMs = end(i);
                else gaps.push({ fromMs: r.sampleTimesMs[i] ?? 0, toMs: end(i) });
            });
            return { usersOf, on, lowMs: low, highMs: high, highAtMs: highAt, gaps };
        });
}

function hasWrites(series: LatencySeries): boolean {
    return series.p99.some((v) => v !== null);
}

/** "5 m – 7 m 30 s, 12 m – 13 m" (at most `limit` stretches, then how many more). */
export function gapList(gaps: LatencyOverTime['gaps'], limit = 3): string {
    const shown = gaps.slice(0, limit).map((g) => `${at(g.fromMs)} – ${formatDuration(g.toMs)}`);
    return gaps.length > limit ? `${shown.join(', ')} and ${gaps.length - limit} more` : shown.join(', ');
}

/** The longest replication lag between live ends over a store's links (a loop: a store can have hundreds of thousands of links). */
export function maxLagMs(s: SimulationReport['stores'][number]): number {
    let max = 0;
    for (const l of s.lag) if (l.maxMs > max) max = l.maxMs;
    return max;
}

/** The oldest write a partition or outage held back on any of a store's links, or null when none was. */
export function maxBacklogMs(s: SimulationReport['stores'][number]): number | null {
    let max: number | null = null;
    for (const l of s.lag) if (l.backlogMaxMs !== null && (max === null || l.backlogMaxMs > max)) max = l.backlogMaxMs;
    return max;
}

export function resolutionLine(r: SimulationReport): string {
    const res = r.run.resolution;
    const mode =
        res.mode === 'exact'
            ? 'every write simulated'
            : `one write in ${formatCount(res.sampling)} simulated (sampled)`;
    return `${formatCount(r.run.simulatedWrites)} writes, ${formatCount(r.run.events)} events — ${mode}`;
}

export function faultLine(f: SimulationReport['scenario']['faults'][number]): string {
    // A corruption is one moment: it lasts until a restore, which the corruption section times.
    if (f.kind === 'corrupt') return `${f.label} at ${at(f.atMs)}`;
    return `${f.label} at ${at(f.atMs)} for ${formatDuration(f.untilMs - f.atMs)}`;
}

export function fileName(uri: string): string {
    return (
        decodeURIComponent(uri.replace(/^file:\/\//, ''))
            .split('/')
            .pop() ?? uri
    );
}

/** "met", "both met", "all 3 met", "1 of 3 missed": how the declared objectives fared in the run. */
export function objectivesHeadline(objectives: readonly Pick<ObjectiveResult, 'passed'>[]): string {
    const missed = objectives.filter((o) => !o.passed).length;
    if (missed > 0) return `${missed} of ${objectives.length} missed`;
    return objectives.length === 1 ? 'met' : objectives.length === 2 ? 'both met' : `all ${objectives.length} met`;
}
