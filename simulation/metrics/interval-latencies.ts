// Write latency per sample interval. Between two state changes a write's latency is a table lookup, so the
// engine only counts writes per outcome cell and, when the tables change or an interval ends, records each
// cell's latency once with its count. A series is then exact: percentiles of the latencies that occurred in
// each interval, with no binning.

/** (interval, latency, writes) triples of one user group's writes to one store, or of its whole requests. */
export class IntervalLatencies {
    readonly ticks: number[] = [];
    readonly latencies: number[] = [];
    readonly weights: number[] = [];

    add(tick: number, ms: number, weight: number): void {
        const last = this.ticks.length - 1;
        // Consecutive flushes of an unchanged table in one interval repeat the same latency: fold them.
        if (last >= 0 && this.ticks[last] === tick && this.latencies[last] === ms) {
            this.weights[last]! += weight;
            return;
        }
        this.ticks.push(tick);
        this.latencies.push(ms);
        this.weights.push(weight);
    }
}

export interface IntervalSeries {
    /** Per interval: the median and 99th percentile (ms) of the writes acknowledged in it; null when none was. */
    readonly p50: (number | null)[];
    readonly p99: (number | null)[];
    /** Per interval: writes acknowledged (weighted by the sampling factor). */
    readonly acknowledged: number[];
}

/** Merges the parts (e.g. every group of one origin region) and reads each interval's percentiles. */
export function intervalSeries(parts: readonly IntervalLatencies[], ticks: number): IntervalSeries {
    const byTick: { ms: number; weight: number }[][] = Array.from({ length: ticks }, () => []);
    for (const part of parts) {
        for (let i = 0; i < part.ticks.length; i++)
            byTick[part.ticks[i]!]?.push({ ms: part.latencies[i]!, weight: part.weights[i]! });
    }
    const series: IntervalSeries = { p50: [], p99: [], acknowledged: [] };
    for (const entries of byTick) {
        const total = entries.reduce((sum, e) => sum + e.weight, 0);
        series.acknowledged.push(total);
        if (total <= 0) {
            series.p50.push(null);
            series.p99.push(null);
            continue;
        }
        entries.sort((a, b) => a.ms - b.ms);
        series.p50.push(percentileOf(entries, total, 0.5));
        series.p99.push(percentileOf(entries, total, 0.99));
    }
    return series;
}

/** The smallest latency at or below which a share `p` of the weight falls (entries sorted by latency). */
function percentileOf(entries: readonly { ms: number; weight: number }[], total: number, p: number): number {
    const target = p * total;
    let seen = 0;
    for (const e of entries) {
        seen += e.weight;
        // The same tolerance for float sums of weights as the run's histogram.
        if (seen >= target - 1e-9 * total) return e.ms;
    }
    return entries[entries.length - 1]!.ms;
}
