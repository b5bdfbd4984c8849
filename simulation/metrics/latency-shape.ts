// The distribution of a write's latency when an engine's processing time is drawn per write: the latest of its
// stores' latencies (a request waits for every store it writes), each a fixed part plus an exponential of a
// given mean (a mean of 0: fixed). Stored flat as [fixed₁, mean₁, fixed₂, mean₂, …].
import { float64At } from '../typed-at.js';

export type LatencyShape = Float64Array;

/** P(latency ≤ x): the product of the stores' CDFs, each 0 below its fixed part and 1 − e^(−(x − f)/m) above. */
export function latencyShapeCdf(shape: LatencyShape, x: number): number {
    let p = 1;
    for (let k = 0; k < shape.length; k += 2) {
        const d = x - float64At(shape, k, 'latency shape');
        if (d < 0) return 0;
        const mean = float64At(shape, k + 1, 'latency shape');
        if (mean > 0) p *= 1 - Math.exp(-d / mean);
    }
    return p;
}
