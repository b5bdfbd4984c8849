// The closed-form integral behind the read flow, against integrals worked out by hand and, where none is
// simple, a fine midpoint sum (an independent numerical oracle).
import { describe, expect, it } from 'vitest';
import { linearExpIntegral, ReadFlow } from '../../simulation/engine/read-flow.js';
import { MAX_EXPANDED_TERMS, TERMS } from '../../simulation/work.js';

/** ∫₀ʰ (a + bτ)·e^{−(x + sτ)} dτ by the midpoint rule on a million steps: error ≈ h³·f''/24n², far below 1e-9. */
function midpoint(a: number, b: number, x: number, s: number, h: number): number {
    const n = 1_000_000;
    const step = h / n;
    let sum = 0;
    for (let i = 0; i < n; i++) {
        const tau = (i + 0.5) * step;
        sum += (a + b * tau) * Math.exp(-(x + s * tau));
    }
    return sum * step;
}

describe('linearExpIntegral integrates a linear rate times a decaying exponential exactly', () => {
    it.each([
        { name: 'a constant with no decay is a rectangle', a: 3, b: 0, x: 0, s: 0, h: 5, expected: 15 },
        { name: 'a ramp with no decay is a triangle', a: 0, b: 2, x: 0, s: 0, h: 5, expected: 25 },
        {
            name: 'a constant decaying is (e^{−x} − e^{−x−sh})/s',
            a: 1,
            b: 0,
            x: 0.5,
            s: 0.2,
            h: 10,
            expected: (Math.exp(-0.5) - Math.exp(-2.5)) / 0.2,
        },
        // ∫₀ʰ τe^{−sτ} dτ = (1 − e^{−sh}(1 + sh))/s²
        {
            name: 'a ramp decaying is (1 − e^{−sh}(1 + sh))/s²',
            a: 0,
            b: 1,
            x: 0,
            s: 0.3,
            h: 4,
            expected: (1 - Math.exp(-1.2) * 2.2) / 0.09,
        },
        {
            name: 'a tiny decay (series branch) is the rectangle less its first-order term',
            a: 1,
            b: 0,
            x: 0,
            s: 1e-9,
            h: 1_000,
            expected: 1_000 - (1e-9 * 1_000 ** 2) / 2 + (1e-9 ** 2 * 1_000 ** 3) / 6,
        },
        {
            name: 'a saturated exposure (e^{−800}) integrates to 0, not NaN',
            a: 1,
            b: 1,
            x: 800,
            s: 1,
            h: 100,
            expected: 0,
        },
    ])('$name', ({ a, b, x, s, h, expected }) => {
        const value = linearExpIntegral(a, b, x, s, h);
        expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    });

    it.each([
        { name: 'on both sides of the series threshold (s·h = 0.49)', a: 2, b: -0.01, x: 0.1, s: 0.049, h: 10 },
        { name: 'on both sides of the series threshold (s·h = 0.51)', a: 2, b: -0.01, x: 0.1, s: 0.051, h: 10 },
        { name: 'with a falling rate (the users leaving during a DNS ramp)', a: 5, b: -0.05, x: 2, s: 0.5, h: 100 },
        { name: 'with a growing exponent over a long piece', a: 0, b: 0.02, x: 0, s: 0.08, h: 600 },
        {
            name: 'with a shrinking exponent (a backlog draining faster than it grew)',
            a: 1,
            b: 0,
            x: 30,
            s: -0.05,
            h: 500,
        },
        {
            name: 'with a shrinking exponent and a growing rate (the far end is where the rate is largest)',
            a: 1,
            b: 0.01,
            x: 30,
            s: -0.05,
            h: 500,
        },
    ])('matches a fine midpoint sum $name', ({ a, b, x, s, h }) => {
        const expected = midpoint(a, b, x, s, h);
        expect(Math.abs(linearExpIntegral(a, b, x, s, h) - expected)).toBeLessThanOrEqual(
            1e-8 * Math.max(1, Math.abs(expected)),
        );
    });

    it('is 0 over an empty piece', () => {
        expect(linearExpIntegral(1, 1, 0, 1, 0)).toBe(0);
    });
});

// One slot of users (the other empty), K stores each with 1 − p = keep + c₀e^{−(x₀+s₀τ)} + c₁e^{−(x₁+s₁τ)}.
// The request's stale reads are ∫ ok·(1 − Π(1 − pₖ)); each store's are ∫ ok·pₖ. Oracle: a midpoint sum.
interface StoreTerms {
    readonly keep: number;
    readonly terms: readonly (readonly [number, number, number])[];
}
const store = (shared: number, x: number, s: number, own = 0, ox = 0, os = 0): StoreTerms => ({
    keep: 1 - shared - own,
    terms: [
        [shared, x, s],
        [own, ox, os],
    ],
});
/** Users in the first slot only (the second holds none and reads fresh), unless `second` gives its own. */
function flowOf(
    stores: readonly StoreTerms[],
    ok: number,
    okSlope: number,
    second?: { stores: readonly StoreTerms[]; ok: number; okSlope: number },
): ReadFlow {
    const K = stores.length;
    const flow = new ReadFlow(K);
    const fill = (slot: number, list: readonly StoreTerms[]) =>
        list.forEach((st, k) => {
            const cell = slot * K + k;
            flow.keep[cell] = st.keep;
            st.terms.forEach(([c, x, s], j) => {
                flow.coef[cell * TERMS + j] = c;
                flow.x[cell * TERMS + j] = x;
                flow.slope[cell * TERMS + j] = s;
            });
        });
    flow.ok[0] = ok;
    flow.okSlope[0] = okSlope;
    fill(0, stores);
    if (second) {
        flow.ok[1] = second.ok;
        flow.okSlope[1] = second.okSlope;
        fill(1, second.stores);
    } else for (let k = 0; k < K; k++) flow.keep[K + k] = 1;
    return flow;
}
function numeric(
    stores: readonly StoreTerms[],
    ok: number,
    okSlope: number,
    h: number,
): { stale: number; perStore: number[] } {
    const n = 200_000;
    const step = h / n;
    let stale = 0;
    const perStore = stores.map(() => 0);
    for (let i = 0; i < n; i++) {
        const tau = (i + 0.5) * step;
        const rate = ok + okSlope * tau;
        let fresh = 1;
        stores.forEach((st, k) => {
            let f = st.keep;
            for (const [c, x, s] of st.terms) f += c * Math.exp(-(x + s * tau));
            fresh *= f;
            perStore[k]! += rate * (1 - f) * step;
        });
        stale += rate * (1 - fresh) * step;
    }
    return { stale, perStore };
}

describe('a request is fresh only when every store it reads is', () => {
    // keep = 0.1 > 0: three factors per store (keep and two terms), so five such stores expand to 3⁵ terms.
    const hot = store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002);
    it.each([
        { name: 'one store read (expanded: 3 terms)', stores: [hot] },
        { name: 'two stores read (expanded: 3 × 1 terms)', stores: [hot, store(1, 0.5, 0.001)] },
        {
            name: 'three stores read, one never stale (expanded: 3 × 2 terms)',
            stores: [hot, store(0, 0, 0), store(0.5, 0.1, 0.02, 0.5, 0, 0.004)],
        },
        {
            name: `five stores read (${3 ** 5} terms > ${MAX_EXPANDED_TERMS}: Gauss–Legendre)`,
            stores: [hot, hot, store(0.5, 0.1, 0.02, 0.4, 0, 0.004), hot, store(0.4, 1, 0.003, 0.5, 0.3, 0)],
        },
    ])('$name', ({ stores }) => {
        const h = 120;
        const flow = flowOf(stores, 2, -0.01);
        flow.integrate(h);
        const expected = numeric(stores, 2, -0.01, h);
        const served = 2 * h - (0.01 * h * h) / 2;
        expect(flow.totals.served).toBeCloseTo(served, 9);
        expect(Math.abs(flow.totals.stale - expected.stale)).toBeLessThanOrEqual(1e-6 * expected.stale);
        expected.perStore.forEach((v, k) =>
            expect(Math.abs(flow.totals.storeStale[k]! - v)).toBeLessThanOrEqual(1e-6 * Math.max(v, 1e-9)),
        );
        // The flow moved to the piece's end: the exposures and the rate continue from there.
        expect(flow.from).toBe(h);
        expect(flow.ok[0]).toBeCloseTo(2 - 0.01 * h, 12);
        stores.forEach((st, k) =>
            st.terms.forEach(([, x, s], j) => expect(flow.x[k * TERMS + j]).toBeCloseTo(x + s * h, 12)),
        );
    });
});

describe('linearExpIntegral at the edges of its domain', () => {
    it('is 0 over a piece of negative length', () => {
        expect(linearExpIntegral(1, 1, 0, 1, -5)).toBe(0);
    });

    it('integrates a shrinking exponent that starts saturated (e^{−800}) from its far end, where it is 1', () => {
        // ∫₀⁸⁰⁰ e^{−(800 − τ)} dτ = 1 − e^{−800} = 1 to double precision; read from τ = 0, e^{−800} underflows to 0.
        expect(Math.abs(linearExpIntegral(1, 0, 800, -1, 800) - 1)).toBeLessThanOrEqual(1e-12);
    });
});

describe('users at both destinations of a DNS transition read their own stores', () => {
    // Slot 0: the users already moved; slot 1: the users still at the previous destination, reading other
    // replicas with other exposures. Each slot's stale reads are its own midpoint sum; the totals add them.
    const moved = [store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002), store(1, 0.5, 0.001)];
    const staying = [store(0.2, 0.4, 0.01, 0.3, 0.1, 0.003), store(0.6, 0.05, 0.005)];
    const five = (one: StoreTerms) => Array.from({ length: 5 }, () => one);
    it.each([
        { name: 'two stores (expanded)', first: moved, second: staying },
        {
            name: `five stores (${3 ** 5} terms: Gauss–Legendre)`,
            first: five(store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002)),
            second: five(store(0.2, 0.4, 0.01, 0.3, 0.1, 0.003)),
        },
    ])('$name', ({ first, second }) => {
        const h = 90;
        const flow = flowOf(first, 2, -0.01, { stores: second, ok: 1.5, okSlope: 0.004 });
        flow.integrate(h);
        const a = numeric(first, 2, -0.01, h);
        const b = numeric(second, 1.5, 0.004, h);
        const served = 2 * h - (0.01 * h * h) / 2 + (1.5 * h + (0.004 * h * h) / 2);
        expect(flow.totals.served).toBeCloseTo(served, 9);
        const stale = a.stale + b.stale;
        expect(Math.abs(flow.totals.stale - stale)).toBeLessThanOrEqual(1e-6 * stale);
        first.forEach((_, k) => {
            const v = a.perStore[k]! + b.perStore[k]!;
            expect(Math.abs(flow.totals.storeStale[k]! - v)).toBeLessThanOrEqual(1e-6 * Math.max(v, 1e-9));
            expect(flow.totals.storeServed[k]).toBeCloseTo(served, 9);
        });
        expect(flow.ok[1]).toBeCloseTo(1.5 + 0.004 * h, 12);
    });
});

// The value check in each row also guards the expansion's scratch space: it holds the current terms and the next
// store's, up to MAX_EXPANDED_TERMS each; with room for only one set, the 48- and 64-term rows came out wrong.
describe('the work an integration reports is the terms it handled', () => {
    // Per slot with users: K·(1 + TERMS) for the stores' own integrals, then the request's product: after each
    // store it multiplies in (not a never-stale one), the count of terms so far, then one per final term — or,
    // when the next store would take the product past MAX_EXPANDED_TERMS, what it had so far plus
    // GAUSS_NODES·K·(1 + TERMS) for the quadrature. TERMS = 2, MAX_EXPANDED_TERMS = 64, GAUSS_NODES = 16.
    const three = store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002); // keep 0.1 and two terms: 3 factors
    const two = store(0.5, 0.1, 0.01, 0.5, 0.2, 0.003); // keep 0 and two terms: 2 factors
    const one = store(1, 0.5, 0.001); // keep 0 and one term: 1 factor, not skipped
    const never = store(0, 0, 0); // keep 1: skipped
    it.each([
        { name: 'one store of 3 factors: 3 + (3 + 3)', stores: [three], steps: 9 },
        { name: 'two stores of 3 factors: 6 + (3 + 9 + 9)', stores: [three, three], steps: 27 },
        { name: 'one store of a single term: 3 + (1 + 1)', stores: [one], steps: 5 },
        { name: 'one never-stale store: 3 + (0 + 1)', stores: [never], steps: 4 },
        {
            name: 'six stores of 2 factors, exactly 64 terms, still expanded: 18 + (2+4+…+64 + 64)',
            stores: [two, two, two, two, two, two],
            steps: 18 + 126 + 64,
        },
        {
            name: 'five stores of 3·2·2·2·2 = 48 terms: 15 + (3+6+12+24+48 + 48)',
            stores: [three, two, two, two, two],
            steps: 15 + 93 + 48,
        },
        {
            name: 'seven stores of 2 factors, 128 terms: 21 + (2+4+…+64) + 16·7·3 by quadrature',
            stores: [two, two, two, two, two, two, two],
            steps: 21 + 126 + 336,
        },
        {
            // Each store's factors are its own terms: the last store's second term counts although the store
            // before it (one term) has none there, and at an odd place as at an even one.
            name: 'eight stores, a one-term store before the last: 24 + (2+4+…+64 + 64) + 16·8·3 by quadrature',
            stores: [two, two, two, two, two, two, one, two],
            steps: 24 + 126 + 64 + 384,
        },
    ])('$name', ({ stores, steps }) => {
        const flow = flowOf(stores, 1, 0);
        expect(flow.integrate(10)).toBe(steps);
        const expected = numeric(stores, 1, 0, 10);
        expect(Math.abs(flow.totals.stale - expected.stale)).toBeLessThanOrEqual(1e-6 * Math.max(expected.stale, 1e-9));
    });

    it('counts each slot with users: two slots of one 3-factor store are twice 9', () => {
        const flow = flowOf([store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002)], 1, 0, {
            stores: [store(0.2, 0.4, 0.01, 0.3, 0.1, 0.003)],
            ok: 1,
            okSlope: 0,
        });
        expect(flow.integrate(10)).toBe(18);
    });

    it('does no work for a slot whose rate falls to exactly zero served over the piece (1·2 − 1·2²/2 = 0)', () => {
        const flow = flowOf([store(0.3, 0.2, 0.01, 0.6, 0.05, 0.002)], 1, -1);
        expect(flow.integrate(2)).toBe(0);
        expect(flow.totals.served).toBe(0);
        expect(flow.totals.stale).toBe(0);
    });
});
