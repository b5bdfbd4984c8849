// Client retries multiply what a region is offered while its requests fail. Oracles, independent of the
// implementation's closed form: the fixed point itself — offered = L·(1 + f + … + fᴺ) with f = 1 − C/offered for
// a survivor over its capacity — checked by summing the series; the (N + 1)·L bound; and, over capacity, the
// requests served are C whatever N is (retries add load, not successes). Below capacity a degraded region with
// error share e serves 1 − eᴺ⁺¹ of its requests and is offered L·(1 + e + … + eᴺ).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { retryLoad, type RetryLoad } from '../../language/semantics/estimators/retry-load.js';
import { expectValidReport, run } from './helpers.js';

const fresh = (): RetryLoad => ({ offered: 0, failedShare: 0, servedShare: 0, admittedShare: 0 });
const series = (f: number, n: number): number =>
    Array.from({ length: n + 1 }, (_, k) => f ** k).reduce((a, b) => a + b);

function design(retries: string, capacity = '60% per region', fault = 'at 5m outage region us-east-1 for 20m'): string {
    return `topology Retries
region us-east-1 { provider aws }
region us-west-2 { provider aws }
service api {
    regions  us-east-1, us-west-2
    posture  active-active
    capacity ${capacity}
    ${retries}
}
failover api {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
workload calls for api {
    writes 100/s from us-east-1 50%, us-west-2 50%
}
scenario lose-east {
    workload calls
    duration 30m
    ${fault}
    seed 3
}
`;
}

function region(report: SimulationReport, name: string) {
    const load = report.services.find((s) => s.name === 'api')?.load;
    const r = load?.regions.find((x) => x.region === name);
    if (!load || !r) throw new Error(`no load reported for api in ${name}`);
    return { load, region: r };
}

describe('an overloaded survivor is offered its requests plus their retries, at the fixed point', () => {
    it.each([
        { retries: 'retries 1', n: 1 },
        { retries: 'retries 2 backoff 100ms', n: 2 },
        { retries: 'retries 3 backoff 100ms', n: 3 },
    ])('with $retries all users on us-west-2 (L = 100 %, C = 60 %) offer L·Σfᵏ', async ({ retries, n }) => {
        const report = await run(design(retries), 'lose-east');
        expectValidReport(report);
        const { load, region: west } = region(report, 'us-west-2');
        expect(load.retries).toBe(n);
        const offered = west.peakOffered;
        const f = 1 - 0.6 / offered;
        expect(west.peakRequests).toBeCloseTo(1, 9);
        expect(offered).toBeCloseTo(1 * series(f, n), 9);
        expect(offered).toBeLessThanOrEqual(n + 1);
        // Served: exactly the capacity, as without retries.
        const peak = west.steps.find((s) => s.offered === offered);
        expect(peak?.served).toBeCloseTo(0.6, 9);
        expect(west.overCapacityMs).toBeGreaterThan(0);
    });

    it('without a retries clause none are assumed: offered equals the requests', async () => {
        const report = await run(design(''), 'lose-east');
        const { load, region: west } = region(report, 'us-west-2');
        expect(load.retries).toBeNull();
        expect(load.note).toMatch(/none assumed/);
        expect(west.peakOffered).toBeCloseTo(west.peakRequests, 12);
    });
});

describe('retries recover the errors of a degraded region below capacity, and add their load', () => {
    it.each([
        { n: 1, e: 0.3 },
        { n: 3, e: 0.3 },
    ])('$n retries at error share $e', async ({ n, e }) => {
        const report = await run(
            design(`retries ${n}`, '100% per region', `at 5m degrade api in us-west-2 errors ${e * 100}% for 10m`),
            'lose-east',
        );
        const { region: west } = region(report, 'us-west-2');
        const degraded = west.steps.find((s) => s.served < 1);
        expect(degraded?.offered).toBeCloseTo(0.5 * series(e, n), 9);
        expect(degraded?.served).toBeCloseTo(1 - e ** (n + 1), 9);
    });
});

describe('retryLoad, the closed form, satisfies the fixed point it solves', () => {
    it('for any requests, capacity, error share and retries: A = x·Σfᵏ, f = 1 − (1 − e)·min(1, c/A)', () => {
        fc.assert(
            fc.property(
                fc.double({ min: 0.01, max: 10, noNaN: true }),
                // Capacities are shares: none, or at least a millionth (denormals would only test float rounding).
                fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true })),
                fc.double({ min: 0, max: 0.99, noNaN: true }),
                fc.integer({ min: 0, max: 10 }),
                (x, c, e, n) => {
                    const out = retryLoad(x, c, e, n, fresh());
                    const f = 1 - (1 - e) * Math.min(1, c / out.offered);
                    expect(out.failedShare).toBeCloseTo(f, 9);
                    expect(out.offered / (x * series(f, n))).toBeCloseTo(1, 9);
                    expect(out.servedShare).toBeCloseTo(1 - f ** (n + 1), 9);
                    expect(out.offered).toBeLessThanOrEqual(x * (n + 1) * (1 + 1e-12));
                },
            ),
        );
    });

    it.each([
        { what: 'no capacity at all', c: 0, e: 0, offered: 4, served: 0 },
        { what: 'every attempt an error', c: 10, e: 1, offered: 4, served: 0 },
        { what: 'no retries over capacity', c: 0.5, e: 0, offered: 1, served: 0.5 },
    ])('edge: $what (x = 1, 3 retries unless none)', ({ c, e, offered, served }) => {
        const n = offered === 1 ? 0 : 3;
        const out = retryLoad(1, c, e, n, fresh());
        expect(out.offered).toBeCloseTo(offered, 12);
        expect(out.servedShare).toBeCloseTo(served, 12);
    });
});
