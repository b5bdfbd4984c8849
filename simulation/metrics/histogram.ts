// Write-latency histogram: 0.1 ms bins up to 1 s, then bins 0.1 % wide up to about 3 hours. Each bin also
// remembers the largest value it received, so a percentile is reported as a value that really occurred
// (exact when a bin holds one distinct latency, as the network-only latencies of a run mostly do).
import { addAt, float64At } from '../typed-at.js';

const LINEAR_LIMIT_MS = 1_000;
const LINEAR_BINS = 10_000;
const LOG_STEP = Math.log(1.001);
const LOG_BINS = 9_300;
export const HISTOGRAM_BINS = LINEAR_BINS + LOG_BINS;

/** The bin a latency falls in. */
export function binOf(ms: number): number {
    if (ms < LINEAR_LIMIT_MS) return ms <= 0 ? 0 : Math.floor(ms * 10);
    return Math.min(HISTOGRAM_BINS - 1, LINEAR_BINS + Math.floor(Math.log(ms / LINEAR_LIMIT_MS) / LOG_STEP));
}

export class LatencyHistogram {
    readonly counts = new Float64Array(HISTOGRAM_BINS);
    readonly maxima = new Float64Array(HISTOGRAM_BINS).fill(-1);
    total = 0;
    /** The smallest latency received (bins keep only their largest). */
    minimum = Infinity;

    add(bin: number, ms: number, weight: number): void {
        addAt(this.counts, bin, weight, 'latency bins');
        if (ms > float64At(this.maxima, bin, 'latency bin maxima')) this.maxima[bin] = ms;
        if (ms < this.minimum) this.minimum = ms;
        this.total += weight;
    }

    merge(other: LatencyHistogram): void {
        for (let i = 0; i < HISTOGRAM_BINS; i++) {
            const c = float64At(other.counts, i, 'latency bins');
            if (c === 0) continue;
            addAt(this.counts, i, c, 'latency bins');
            const max = float64At(other.maxima, i, 'latency bin maxima');
            if (max > float64At(this.maxima, i, 'latency bin maxima')) this.maxima[i] = max;
        }
        this.total += other.total;
        if (other.minimum < this.minimum) this.minimum = other.minimum;
    }

    min(): number | undefined {
        return this.total > 0 ? this.minimum : undefined;
    }

    /** The smallest recorded latency at or below which a share `p` (0–1] of the writes fall; undefined when empty. */
    percentile(p: number): number | undefined {
        if (this.total <= 0) return undefined;
        const target = p * this.total;
        let seen = 0;
        for (let i = 0; i < HISTOGRAM_BINS; i++) {
            const c = float64At(this.counts, i, 'latency bins');
            if (c === 0) continue;
            seen += c;
            // A tolerance for float sums of weights: p = 1 must land on the last non-empty bin.
            if (seen >= target - 1e-9 * this.total) return float64At(this.maxima, i, 'latency bin maxima');
        }
        return this.max();
    }

    max(): number | undefined {
        for (let i = HISTOGRAM_BINS - 1; i >= 0; i--)
            if (float64At(this.counts, i, 'latency bins') > 0) return float64At(this.maxima, i, 'latency bin maxima');
        return undefined;
    }
}
