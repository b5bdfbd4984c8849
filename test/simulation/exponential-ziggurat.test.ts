// The ziggurat sampler of standard exponentials (engine/exponential-ziggurat.ts) against the distribution itself:
// a million seeded draws pass a Kolmogorov–Smirnov test at 1 %, their mean and variance are 1 within four
// standard errors, and the tail beyond the base strip (x > 7.697, where the sampler takes its other branch) has
// its probability e^(−7.697).
import { describe, expect, it } from 'vitest';
import { standardExponential } from '../../simulation/engine/exponential-ziggurat.js';
import { Random } from '../../simulation/engine/random.js';

const R = 7.697117470131487;
const N = 1_000_000;
const draws = new Float64Array(N);
const random = Random.fromSeed(2026);
for (let i = 0; i < N; i++) draws[i] = standardExponential(random);

describe('standard exponentials by the ziggurat', () => {
    it('follow 1 − e^(−x) (Kolmogorov–Smirnov at 1 %)', () => {
        const sorted = Float64Array.from(draws).sort();
        let d = 0;
        for (let i = 0; i < N; i++) {
            const cdf = 1 - Math.exp(-sorted[i]!);
            d = Math.max(d, Math.abs(cdf - i / N), Math.abs(cdf - (i + 1) / N));
        }
        expect(d).toBeLessThan(1.628 / Math.sqrt(N));
    });

    it('have mean 1 and variance 1 (four standard errors; the variance of x² is 20)', () => {
        let sum = 0;
        let squares = 0;
        for (const x of draws) {
            sum += x;
            squares += x * x;
        }
        const mean = sum / N;
        expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(N));
        expect(Math.abs(squares / N - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(20 / N) + 4 / Math.sqrt(N));
    });

    it('reach the tail beyond the base strip as often as the distribution does', () => {
        const p = Math.exp(-R);
        const tail = draws.filter((x) => x > R).length;
        expect(Math.abs(tail - N * p)).toBeLessThan(4 * Math.sqrt(N * p));
        // The tail is unbounded: some draw goes well past the strip.
        expect(draws.subarray(0, 200_000).reduce((m, x) => Math.max(m, x), 0)).toBeGreaterThan(R + 1);
    });

    it('are never negative and never the same draw twice in a row', () => {
        let previous = -1;
        for (let i = 0; i < 10_000; i++) {
            const x = draws[i]!;
            expect(x >= 0 && x !== previous).toBe(true);
            previous = x;
        }
    });
});
