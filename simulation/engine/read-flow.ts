// The read flow of one user group, integrated in closed form. Between breakpoints every rate is linear in time
// (the share of users a DNS transition has moved grows linearly over the TTL) and every stale-read exposure is
// linear too (a stalled link's visibility window grows by 1 ms per ms), so a read of store k is fresh with
// probability  keep + Σⱼ coefⱼ·e^{−(xⱼ + sⱼ·τ)}  and the served rate is  ok + okSlope·τ.  The integrals of those
// products have closed forms: the result does not depend on where the sample ticks fall, only on the breakpoints.
import { GAUSS_NODES, MAX_EXPANDED_TERMS, TERMS } from '../work.js';

/**
 * ∫₀ʰ (a + b·τ)·e^{−(x + s·τ)} dτ, exactly. A falling exponent is integrated from the far end, so e^{−x} never
 * overflows; near s·h = 0 a series replaces the closed form, which would cancel.
 */
export function linearExpIntegral(a: number, b: number, x: number, s: number, h: number): number {
    if (h <= 0) return 0;
    if (s < 0) return linearExpIntegral(a + b * h, -b, x + s * h, -s, h);
    const scale = h * Math.exp(-x);
    if (scale === 0) return 0;
    const d = s * h;
    let i0 = 0;
    let i1 = 0;
    if (d < 0.5) {
        // ∫₀¹ e^{−du} du = Σ (−d)ⁿ/(n+1)!,  ∫₀¹ u·e^{−du} du = Σ (−d)ⁿ/(n!·(n+2)); 16 terms reach 1e-16 at d = 0.5.
        let term = 1;
        for (let n = 0; n < 16; n++) {
            i0 += term / (n + 1);
            i1 += term / (n + 2);
            term *= -d / (n + 1);
        }
    } else {
        const rest = -Math.expm1(-d);
        i0 = rest / d;
        i1 = (rest - d * Math.exp(-d)) / (d * d);
    }
    return scale * (a * i0 + b * h * i1);
}

/** Integrals of one piece of the flow, per group (served, stale) and per store read. */
export interface PieceTotals {
    served: number;
    stale: number;
    readonly storeServed: Float64Array;
    readonly storeStale: Float64Array;
}

/**
 * The flow of a group from `from` on: per slot (users at the new destination, users still at the previous one
 * during a DNS transition) the served read rate per ms and its slope, and per slot and store read the fresh
 * probability's terms. Valid until `until` (when a stalled link's backlog arrives) or the next state change.
 */
export class ReadFlow {
    from = 0;
    until = Infinity;
    readonly ok = new Float64Array(2);
    readonly okSlope = new Float64Array(2);
    /** Per slot × store: the part of 1 − p that does not decay. */
    readonly keep: Float64Array;
    /** Per slot × store × term: coefficient, exponent at `from`, and its slope per ms. */
    readonly coef: Float64Array;
    readonly x: Float64Array;
    readonly slope: Float64Array;
    private readonly product: Float64Array;
    readonly totals: PieceTotals;

    constructor(readonly stores: number) {
        this.keep = new Float64Array(2 * stores);
        this.coef = new Float64Array(2 * stores * TERMS);
        this.x = new Float64Array(2 * stores * TERMS);
        this.slope = new Float64Array(2 * stores * TERMS);
        // The next store's terms are written after the current ones before they move down: up to MAX_EXPANDED_TERMS
        // of each (count × factors ≤ MAX with count ≤ MAX), three numbers a term.
        this.product = new Float64Array(2 * 3 * MAX_EXPANDED_TERMS);
        this.totals = {
            served: 0,
            stale: 0,
            storeServed: new Float64Array(stores),
            storeStale: new Float64Array(stores),
        };
    }

    /**
     * Integrates the flow over [from, from + h] into `totals` (reset first), moves `from` and the linear
     * values to the piece's end, and returns the steps taken (for the work count).
     */
    integrate(h: number): number {
        const stores = this.stores;
        const totals = this.totals;
        totals.served = 0;
        totals.stale = 0;
        totals.storeServed.fill(0);
        totals.storeStale.fill(0);
        let steps = 0;
        for (let slot = 0; slot < 2; slot++) {
            const a = this.ok[slot]!;
            const b = this.okSlope[slot]!;
            if (a === 0 && b === 0) continue;
            const served = a * h + (b * h * h) / 2;
            if (served <= 0) continue;
            totals.served += served;
            for (let k = 0; k < stores; k++) {
                const cell = slot * stores + k;
                let fresh = this.keep[cell]! * served;
                for (let j = 0; j < TERMS; j++) {
                    const term = cell * TERMS + j;
                    if (this.coef[term]! > 0)
                        fresh += this.coef[term]! * linearExpIntegral(a, b, this.x[term]!, this.slope[term]!, h);
                }
                totals.storeServed[k]! += served;
                totals.storeStale[k]! += Math.max(0, served - fresh);
            }
            steps += stores * (1 + TERMS);
            const { fresh, steps: productSteps } = this.freshOfRequest(slot, a, b, h, served);
            totals.stale += Math.max(0, served - fresh);
            steps += productSteps;
        }
        const end = this.from + h;
        for (let slot = 0; slot < 2; slot++) this.ok[slot]! += this.okSlope[slot]! * h;
        for (let i = 0; i < this.x.length; i++) this.x[i]! += this.slope[i]! * h;
        this.from = end;
        return steps;
    }

    /**
     * ∫ ok·Πₖ(1 − pₖ): a request is fresh when every store it reads is. The product of the stores' sums is
     * expanded into terms c·e^{−(x + s·τ)}, each integrated exactly; past MAX_EXPANDED_TERMS terms it is
     * integrated by 16-point Gauss–Legendre instead (exact to about 1e-9 while the exponents move by less than
     * a few units over the piece).
     */
    private freshOfRequest(
        slot: number,
        a: number,
        b: number,
        h: number,
        served: number,
    ): { fresh: number; steps: number } {
        const stores = this.stores;
        const product = this.product;
        // Terms (coefficient, exponent, slope), three numbers each, grown one store at a time.
        let count = 1;
        product[0] = 1;
        product[1] = 0;
        product[2] = 0;
        let steps = 0;
        for (let k = 0; k < stores; k++) {
            const cell = slot * stores + k;
            const keep = this.keep[cell]!;
            let factors = keep > 0 ? 1 : 0;
            for (let j = 0; j < TERMS; j++) if (this.coef[cell * TERMS + j]! > 0) factors++;
            if (factors === 1 && keep === 1) continue;
            if (count * factors > MAX_EXPANDED_TERMS)
                return { fresh: this.gaussLegendre(slot, a, b, h), steps: steps + GAUSS_NODES * stores * (1 + TERMS) };
            // Write the new terms after the old ones, then move them down.
            let added = 0;
            const base = 3 * count;
            for (let i = 0; i < count; i++) {
                const ci = product[3 * i]!;
                const xi = product[3 * i + 1]!;
                const si = product[3 * i + 2]!;
                if (keep > 0) {
                    product[base + 3 * added] = ci * keep;
                    product[base + 3 * added + 1] = xi;
                    product[base + 3 * added + 2] = si;
                    added++;
                }
                for (let j = 0; j < TERMS; j++) {
                    const term = cell * TERMS + j;
                    if (!(this.coef[term]! > 0)) continue;
                    product[base + 3 * added] = ci * this.coef[term]!;
                    product[base + 3 * added + 1] = xi + this.x[term]!;
                    product[base + 3 * added + 2] = si + this.slope[term]!;
                    added++;
                }
            }
            product.copyWithin(0, base, base + 3 * added);
            count = added;
            steps += count;
        }
        let fresh = 0;
        for (let i = 0; i < count; i++) {
            const coefficient = product[3 * i]!;
            if (coefficient === 0) continue;
            fresh +=
                product[3 * i + 1] === 0 && product[3 * i + 2] === 0
                    ? coefficient * served
                    : coefficient * linearExpIntegral(a, b, product[3 * i + 1]!, product[3 * i + 2]!, h);
        }
        return { fresh, steps: steps + count };
    }

    private gaussLegendre(slot: number, a: number, b: number, h: number): number {
        const stores = this.stores;
        let sum = 0;
        for (const node of GAUSS) {
            const tau = (h * (1 + node.x)) / 2;
            let fresh = 1;
            for (let k = 0; k < stores; k++) {
                const cell = slot * stores + k;
                let factor = this.keep[cell]!;
                for (let j = 0; j < TERMS; j++) {
                    const term = cell * TERMS + j;
                    if (this.coef[term]! > 0)
                        factor += this.coef[term]! * Math.exp(-(this.x[term]! + this.slope[term]! * tau));
                }
                fresh *= factor;
            }
            sum += node.w * (a + b * tau) * fresh;
        }
        return (sum * h) / 2;
    }
}

// Nodes and weights of 16-point Gauss–Legendre quadrature on [−1, 1] (Abramowitz & Stegun, table 25.4): the
// positive half, each node with its weight; the rule is symmetric about 0.
const GAUSS_HALF: readonly { readonly x: number; readonly w: number }[] = [
    { x: 0.0950125098376374, w: 0.1894506104550685 },
    { x: 0.2816035507792589, w: 0.1826034150449236 },
    { x: 0.4580167776572274, w: 0.1691565193950025 },
    { x: 0.6178762444026438, w: 0.1495959888165767 },
    { x: 0.755404408355003, w: 0.1246289712555339 },
    { x: 0.8656312023878318, w: 0.0951585116824928 },
    { x: 0.9445750230732326, w: 0.0622535239386479 },
    { x: 0.9894009349916499, w: 0.0271524594117541 },
];
const GAUSS = [...GAUSS_HALF.map(({ x, w }) => ({ x: -x, w })), ...GAUSS_HALF];
