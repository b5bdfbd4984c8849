// The increments a counter loses under last-writer-wins (language/semantics/estimators/counter-increments.ts),
// checked two ways that do not share its code: a closed form worked by hand for two equal regions, and the
// Monte Carlo of test/helpers/counter-oracle.ts (its own event loop and generator).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incrementsLostPerSecond } from '../../language/semantics/estimators/counter-increments.js';
import { counterMonteCarlo } from '../helpers/counter-oracle.js';

const same = (w: number) => () => w;

/** Two regions writing μ/s each with window w: the chain walk stays with probability 1 − e^{−μw}/2, steps
 *  (1 − e^{−μw}/2)/μ on average, so the chain grows μ ÷ (1 − e^{−μw}/2) a second out of 2μ written. */
const twoEqual = (mu: number, w: number) => 2 * mu - mu / (1 - Math.exp(-mu * w) / 2);

describe('for two equal regions the estimate is the closed form worked by hand', () => {
    it.each([
        { name: 'one write/s each, window 1 s: ≈ 0.775 lost a second', mu: 1, w: 1, expected: 0.7746 },
        { name: 'half a write/s each, window 2 s: ≈ 0.387 lost a second', mu: 0.5, w: 2, expected: 0.3873 },
        { name: 'three writes/s each, window 1 s: ≈ 2.92, almost half of all', mu: 3, w: 1, expected: 2.9234 },
    ])('$name', ({ mu, w, expected }) => {
        expect(incrementsLostPerSecond([mu, mu], same(w))).toBeCloseTo(expected, 4);
        expect(twoEqual(mu, w)).toBeCloseTo(expected, 4);
    });

    it('matches the closed form for any rate and window', () => {
        fc.assert(
            fc.property(
                fc.double({ min: 1e-3, max: 50, noNaN: true }),
                fc.double({ min: 1e-3, max: 10, noNaN: true }),
                (mu, w) => {
                    const estimate = incrementsLostPerSecond([mu, mu], same(w)) ?? NaN;
                    expect(Math.abs(estimate - twoEqual(mu, w))).toBeLessThanOrEqual(1e-9 * 2 * mu);
                },
            ),
        );
    });
});

describe('the limits a reader can check without the formula', () => {
    it.each([
        { name: 'one writing region loses nothing', rates: [2], w: 1, expected: 0 },
        { name: 'a region that does not write changes nothing', rates: [2, 0], w: 1, expected: 0 },
        { name: 'no replication window loses nothing', rates: [1, 1], w: 0, expected: 0 },
    ])('$name', ({ rates, w, expected }) => {
        expect(incrementsLostPerSecond(rates, same(w))).toBeCloseTo(expected, 12);
    });

    it('rare writes lose about 2·μa·μb·w a second: each pair of writes closer than the window loses one', () => {
        const [a, b, w] = [0.001, 0.002, 1];
        expect(incrementsLostPerSecond([a, b], same(w))! / (2 * a * b * w)).toBeCloseTo(1, 2);
    });

    // Not monotone in the window: with one busy region the other's rare writes are nearly all lost already, and a
    // longer window makes the busy region's run of writes overwritten by one of them rarer (e^{−μw} falls faster
    // than μw grows) — so no "grows with the window" property here.
    it('stays between zero and what is written, whatever order the regions are listed in', () => {
        fc.assert(
            fc.property(
                // Up to μw = 10,000: a hot counter, where the walk changes region with probabilities below e^{−745}.
                fc.array(fc.double({ min: 1e-3, max: 1_000, noNaN: true }), { minLength: 2, maxLength: 6 }),
                fc.double({ min: 1e-3, max: 10, noNaN: true }),
                (rates, w) => {
                    const lost = incrementsLostPerSecond(rates, same(w)) ?? NaN;
                    const reversed = incrementsLostPerSecond([...rates].reverse(), same(w)) ?? NaN;
                    const written = rates.reduce((s, r) => s + r, 0);
                    expect(lost).toBeGreaterThanOrEqual(0);
                    expect(lost).toBeLessThan(written);
                    expect(Math.abs(reversed - lost)).toBeLessThanOrEqual(1e-9 * written);
                },
            ),
        );
    });
});

describe('the estimate agrees with an independent Monte Carlo', () => {
    // Mean of 6 runs of about 40,000 writes each. Exact for two regions: within 5 standard errors. Three or more
    // regions with unequal windows are an approximation: within 5 standard errors plus 2 %.
    const W3 = [
        [0, 0.1, 1],
        [0.1, 0, 1],
        [1, 1, 0],
    ];
    it.each([
        { name: 'two regions, 1 write/s each, window 1 s', rates: [1, 1], lag: 1, exact: true },
        { name: 'two regions, 5 and 1 writes/s, window 300 ms', rates: [5, 1], lag: 0.3, exact: true },
        { name: 'two regions, 10 and 0.1 writes/s, window 500 ms', rates: [10, 0.1], lag: 0.5, exact: true },
        { name: 'three regions, 2, 1 and 0.5 writes/s, window 500 ms', rates: [2, 1, 0.5], lag: 0.5, exact: false },
        {
            name: 'three regions, 1 write/s each, two 100 ms apart and the third 1 s from both',
            rates: [1, 1, 1],
            lag: W3,
            exact: false,
        },
        { name: 'four regions, 0.2 writes/s each, window 1 s', rates: [0.2, 0.2, 0.2, 0.2], lag: 1, exact: false },
    ])('$name', ({ rates, lag, exact }) => {
        const seconds = 40_000 / rates.reduce((s, r) => s + r, 0);
        const runs = Array.from({ length: 6 }, (_, i) => counterMonteCarlo(7_000 + i, rates, lag, seconds) / seconds);
        const mean = runs.reduce((s, x) => s + x, 0) / runs.length;
        const sd = Math.sqrt(runs.reduce((s, x) => s + (x - mean) ** 2, 0) / (runs.length - 1));
        const estimate =
            incrementsLostPerSecond(rates, (from, to) => (typeof lag === 'number' ? lag : (lag[from]?.[to] ?? NaN))) ??
            NaN;
        const tolerance = (5 * sd) / Math.sqrt(runs.length) + (exact ? 0 : 0.02 * mean);
        expect(Math.abs(estimate - mean)).toBeLessThanOrEqual(tolerance);
    });
});

describe('with one window for every pair, any rates: the closed form of the walk', () => {
    // Same window w everywhere: from region r the walk stays until w, then each other region s comes in at its rate,
    // so E[Tᵣ] = (1 − e^{−μᵣw})/μᵣ + e^{−μᵣw}/Λ and P(r → s) = μₛe^{−μᵣw}/Λ (Λ = Σμ). Balancing flows in and out of
    // each region gives πₛ ∝ μₛe^{μₛw}, hence chain writes per s = Σμe^{μw} ÷ (Σe^{μw} − n + 1) and
    //   lost per s = Λ − Σμᵣe^{μᵣw} ÷ (Σe^{μᵣw} − n + 1).
    // Unequal rates make π uneven, so this checks the stationary distribution, not only the step lengths.
    const oneWindow = (rates: readonly number[], w: number) => {
        const sum = (f: (mu: number) => number) => rates.reduce((s, mu) => s + f(mu), 0);
        return (
            sum((mu) => mu) - sum((mu) => mu * Math.exp(mu * w)) / (sum((mu) => Math.exp(mu * w)) - rates.length + 1)
        );
    };

    it.each([
        { name: 'three regions, 2, 1 and 0.5 writes/s, window 500 ms', rates: [2, 1, 0.5], w: 0.5 },
        { name: 'four regions, 4, 0.1, 1 and 2 writes/s, window 1 s', rates: [4, 0.1, 1, 2], w: 1 },
        {
            name: 'five regions, one busy (10/s) and four quiet (0.2/s), window 300 ms',
            rates: [0.2, 0.2, 10, 0.2, 0.2],
            w: 0.3,
        },
    ])('$name', ({ rates, w }) => {
        const expected = oneWindow(rates, w);
        expect(Math.abs((incrementsLostPerSecond(rates, same(w)) ?? NaN) - expected)).toBeLessThanOrEqual(
            1e-9 * expected,
        );
    });

    it('matches the closed form for two to six regions, any rates, one window', () => {
        fc.assert(
            fc.property(
                fc.array(fc.double({ min: 1e-2, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 }),
                fc.double({ min: 1e-2, max: 2, noNaN: true }),
                (rates, w) => {
                    const expected = oneWindow(rates, w);
                    const written = rates.reduce((s, r) => s + r, 0);
                    const estimate = incrementsLostPerSecond(rates, same(w)) ?? NaN;
                    expect(Math.abs(estimate - expected)).toBeLessThanOrEqual(1e-9 * written);
                },
            ),
        );
    });
});

describe('how many writing regions the estimate takes', () => {
    it.each([
        { name: '64 writing regions get a number', n: 64, computed: true },
        { name: '65 writing regions get none (the reduction is n³)', n: 65, computed: false },
        { name: '65 listed regions of which one does not write get a number', n: 65, computed: true, idle: true },
    ])('$name', ({ n, computed, idle }) => {
        const rates = Array.from({ length: n }, (_, i) => (idle === true && i === 0 ? 0 : 0.1));
        expect(incrementsLostPerSecond(rates, same(0.1)) !== undefined).toBe(computed);
    });
});

describe('with unequal windows: the walk worked out numerically, apart from the estimate', () => {
    // The walk of the derivation, computed another way: P(Tᵣ > u) = exp(−Σᵢ μᵢ (u − shiftᵢ)⁺) integrated by Simpson's
    // rule between the shifts (0 for r, wₛᵣ for s), E[Tᵣ] and P(r → s) = μₛ ∫_{wₛᵣ}^∞ P(Tᵣ > u) du from it, and the
    // stationary distribution by power iteration instead of state reduction.
    const simpson = (f: (u: number) => number, a: number, b: number) => {
        const n = 20_000;
        const h = (b - a) / n;
        let sum = f(a) + f(b);
        for (let k = 1; k < n; k++) sum += (k % 2 === 1 ? 4 : 2) * f(a + k * h);
        return (h / 3) * sum;
    };
    const walk = (rates: readonly number[], lag: readonly (readonly number[])[]) => {
        const n = rates.length;
        const total = rates.reduce((s, r) => s + r, 0);
        const rows = rates.map((_, r) => {
            const shift = rates.map((_, s) => (s === r ? 0 : (lag[s]?.[r] ?? NaN)));
            const survival = (u: number) =>
                Math.exp(-rates.reduce((x, mu, i) => x + mu * Math.max(0, u - shift[i]!), 0));
            const cuts = [...new Set([...shift, Math.max(...shift) + 60 / total])].sort((a, b) => a - b);
            const from = (start: number) =>
                cuts.reduce((sum, c, k) => {
                    const next = cuts[k + 1];
                    return next === undefined || next <= start
                        ? sum
                        : sum + simpson(survival, Math.max(c, start), next);
                }, 0);
            return { mean: from(0), next: rates.map((mu, s) => mu * from(shift[s]!)) };
        });
        let pi = rates.map(() => 1 / n);
        for (let it = 0; it < 5_000; it++)
            pi = rates.map((_, s) => pi.reduce((x, p, r) => x + p * (rows[r]?.next[s] ?? NaN), 0));
        return total - 1 / rows.reduce((x, row, r) => x + (pi[r] ?? NaN) * row.mean, 0);
    };

    it.each([
        {
            name: 'three regions, 1, 2 and 0.5 writes/s, two 100 ms apart and the third 1 s from both',
            rates: [1, 2, 0.5],
            lag: [
                [0, 0.1, 1],
                [0.1, 0, 1],
                [1, 1, 0],
            ],
        },
        {
            name: 'four regions, 3, 0.5, 1 and 2 writes/s, windows from 50 ms to 2 s, not symmetric',
            rates: [3, 0.5, 1, 2],
            lag: [
                [0, 0.05, 0.4, 2],
                [0.3, 0, 0.2, 1],
                [0.4, 0.2, 0, 0.5],
                [1.5, 1, 0.5, 0],
            ],
        },
    ])('$name', ({ rates, lag }) => {
        const expected = walk(rates, lag);
        const estimate = incrementsLostPerSecond(rates, (from, to) => lag[from]?.[to] ?? NaN) ?? NaN;
        expect(Math.abs(estimate - expected)).toBeLessThanOrEqual(1e-6 * expected);
    });
});
