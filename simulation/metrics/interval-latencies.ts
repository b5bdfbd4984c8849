// Write latency per sample interval. Between two state changes a write's latency is a table lookup, so the
// engine only counts writes per outcome cell and, when the tables change or an interval ends, records each
// cell's latency once with its count. A series is then exact: percentiles of the latencies that occurred in
// each interval, with no binning. Where an engine's processing time is drawn per write (processing-time.ts),
// the cell's entry carries the distribution instead — the latest of its stores' latencies, each a fixed part
// plus an exponential — and the interval's percentiles are those of that distribution, solved exactly.
import { latencyShapeCdf, type LatencyShape } from './latency-shape.js';
import { itemAt } from '../../language/util/item-at.js';
import { float64At } from '../typed-at.js';

/** (interval, latency, writes) triples of one user group's writes to one store, or of its whole requests. */
export class IntervalLatencies {
    readonly ticks: number[] = [];
    /** The entry's latency; with a shape, its smallest value (the largest fixed part). */
    readonly latencies: number[] = [];
    readonly weights: number[] = [];
    /** Per entry, its distribution when processing time is drawn; allocated at the first such entry. */
    shapes: (LatencyShape | undefined)[] | undefined;

    add(tick: number, ms: number, weight: number, shape?: LatencyShape): void {
        const last = this.ticks.length - 1;
        const lastWeight = this.weights[last];
        // Consecutive flushes of an unchanged table in one interval repeat the same latency: fold them.
        if (
            lastWeight !== undefined &&
            this.ticks[last] === tick &&
            this.latencies[last] === ms &&
            sameShape(this.shapes?.[last], shape)
        ) {
            this.weights[last] = lastWeight + weight;
            return;
        }
        if (shape !== undefined && this.shapes === undefined)
            this.shapes = new Array(this.ticks.length).fill(undefined);
        this.ticks.push(tick);
        this.latencies.push(ms);
        this.weights.push(weight);
        this.shapes?.push(shape);
    }
}

function sameShape(a: LatencyShape | undefined, b: LatencyShape | undefined): boolean {
    if (a === undefined || b === undefined) return a === b;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

export interface IntervalSeries {
    /** Per interval: the median and 99th percentile (ms) of the writes acknowledged in it; null when none was. */
    readonly p50: (number | null)[];
    readonly p99: (number | null)[];
    /** Per interval: writes acknowledged (weighted by the sampling factor). */
    readonly acknowledged: number[];
}

interface Entry {
    readonly ms: number;
    readonly weight: number;
    readonly shape: LatencyShape | undefined;
}

/** Merges the parts (e.g. every group of one origin region) and reads each interval's percentiles. */
export function intervalSeries(parts: readonly IntervalLatencies[], ticks: number): IntervalSeries {
    const byTick: Entry[][] = Array.from({ length: ticks }, () => []);
    for (const part of parts) {
        // Parallel arrays, pushed together in add().
        for (const [i, tick] of part.ticks.entries())
            byTick[tick]?.push({
                ms: itemAt(part.latencies, i, 'interval latencies'),
                weight: itemAt(part.weights, i, 'interval weights'),
                shape: part.shapes?.[i],
            });
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
        const shaped = entries.some((e) => e.shape !== undefined);
        series.p50.push(shaped ? mixturePercentile(entries, total, 0.5) : percentileOf(entries, total, 0.5));
        series.p99.push(shaped ? mixturePercentile(entries, total, 0.99) : percentileOf(entries, total, 0.99));
    }
    return series;
}

/** The smallest latency at or below which a share `p` of the weight falls (entries sorted by latency). */
function percentileOf(entries: readonly Entry[], total: number, p: number): number {
    const target = p * total;
    let seen = 0;
    for (const e of entries) {
        seen += e.weight;
        // The same tolerance for float sums of weights as the run's histogram.
        if (seen >= target - 1e-9 * total) return e.ms;
    }
    return itemAt(entries, entries.length - 1, 'interval entries').ms;
}

/**
 * The p-quantile of a weighted mixture of fixed latencies and shapes: the smallest x whose mixture CDF reaches
 * p, by bisection between the smallest entry and a point every entry's CDF has passed p at (for a shape of K
 * exponentials of mean at most m above its fixed part f: f + m × ln(K ÷ (1 − p)), a union bound).
 */
function mixturePercentile(entries: readonly Entry[], total: number, p: number): number {
    let lo = itemAt(entries, 0, 'interval entries').ms;
    let hi = lo;
    for (const e of entries) {
        let top = e.ms;
        if (e.shape !== undefined) {
            let mean = 0;
            for (let k = 1; k < e.shape.length; k += 2) mean = Math.max(mean, float64At(e.shape, k, 'latency shape'));
            top = e.ms + mean * Math.log(e.shape.length / 2 / (1 - p));
        }
        hi = Math.max(hi, top);
    }
    // A tolerance for float sums of weights, far tighter than the fixed entries' (the CDF is continuous here).
    const target = p * total * (1 - 1e-12);
    const cdf = (x: number): number => {
        let sum = 0;
        for (const e of entries)
            sum += e.weight * (e.shape === undefined ? (x >= e.ms ? 1 : 0) : latencyShapeCdf(e.shape, x));
        return sum;
    };
    if (cdf(lo) >= target) return lo;
    // 60 halvings: far below the report's 0.001 ms rounding for any span the engine produces.
    for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (cdf(mid) >= target) hi = mid;
        else lo = mid;
    }
    return hi;
}
