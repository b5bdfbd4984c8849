// The failover time as a range: closed forms per case, and a Monte Carlo oracle that draws where the failure
// lands in the health-check cycle and how old a client's cached DNS answer is, runs the check schedule itself, and
// checks that every draw lies in [best, worst] and that the mean of the draws is the typical end.
import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import {
    describeFailoverTime,
    estimateFailoverTime,
    failoverRangeLabel,
} from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const S = 1_000;

function design(failover: string, posture = 'active-active'): string {
    return `topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
service api { regions us-east-1, us-west-2  primary us-east-1  posture ${posture}  capacity 100% per region }
failover api { ${failover}  drill every 30d }
`;
}

async function rangeOf(failover: string, posture?: string) {
    const { model, problems } = await modelOf(design(failover, posture));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    return estimateFailoverTime(model, model.failovers[0]!);
}

describe('the failover-time range', () => {
    // detection = φ + (N−1)·I + T with φ ∈ [0, I); routing = a ∈ [0, TTL) (+ the tail for a share S of clients).
    const cases: { name: string; failover: string; posture?: string; best: number; typical: number; worst: number }[] =
        [
            {
                name: 'spans one check interval for anycast',
                failover: 'detect health-check every 10s threshold 4  route anycast',
                best: 36 * S,
                typical: 41 * S,
                worst: 46 * S,
            },
            {
                name: 'adds 0 to the TTL for DNS, half the TTL typically',
                failover: 'detect health-check every 10s threshold 3  route dns ttl 60s',
                best: 26 * S,
                typical: 25 * S + 6 * S + 30 * S,
                worst: 96 * S,
            },
            {
                name: 'treats an ARC routing control like DNS (it waits out the TTL)',
                failover: 'detect health-check every 10s threshold 3  route arc-routing-control ttl 60s',
                best: 26 * S,
                typical: 61 * S,
                worst: 96 * S,
            },
            {
                name: 'adds the declared tail at its share typically and whole at worst',
                failover: 'detect health-check every 10s threshold 3 timeout 0s  route dns ttl 60s tail 10% 5m',
                best: 20 * S,
                typical: 25 * S + 30 * S + 30 * S,
                worst: 30 * S + 60 * S + 300 * S,
            },
            {
                name: 'detects on the first failing check with threshold 1',
                failover: 'detect health-check every 30s threshold 1 timeout 0s  route anycast',
                best: 0,
                typical: 15 * S,
                worst: 30 * S,
            },
            {
                name: 'adds actions as single figures to every end',
                failover:
                    'detect health-check every 10s threshold 3 timeout 0s  route anycast  action scale-out api takes 2m',
                best: 140 * S,
                typical: 145 * S,
                worst: 150 * S,
            },
            {
                name: 'has no spread with a declared manual detection and routing',
                failover: 'detect manual after 5m  route manual after 2m',
                best: 420 * S,
                typical: 420 * S,
                worst: 420 * S,
            },
            {
                name: 'floors every end at the DR tier minimum',
                failover: 'detect health-check every 10s threshold 3 timeout 0s  route anycast',
                posture: 'warm-standby',
                best: 60 * S,
                typical: 60 * S,
                worst: 60 * S,
            },
        ];
    it.each(cases)('$name', async (c) => {
        const e = await rangeOf(c.failover, c.posture);
        expect([e.range.bestMs, e.range.typicalMs, e.range.worstMs]).toEqual([c.best, c.typical, c.worst]);
        // The worst end is the figure the estimator always gave, and what an RTO is judged on by default.
        expect(e.totalMs).toBe(c.worst);
    });

    it('says what makes the worst case in the one-line summary', async () => {
        const e = await rangeOf('detect health-check every 10s threshold 4  route anycast');
        expect(failoverRangeLabel(e)).toBe('36–46 s');
        expect(describeFailoverTime(e)).toBe(
            '36–46 s, typical 41 s (worst when the failure lands just after a check: 10 s × 4 + 6 s timeout detection)',
        );
    });

    it('names both reasons when detection and the TTL both vary', async () => {
        const e = await rangeOf('detect health-check every 10s threshold 3  route dns ttl 60s');
        expect(e.range.why.worst).toBe(
            'the failure lands just after a check and a client fetched its answer just before the change',
        );
        expect(e.range.why.best).toBe(
            'the failure lands just before a check and a cached answer expires at the change',
        );
    });
});

/** One failover as the oracle runs it: the failure at time 0, checks on their own schedule, one client's cache. */
interface Draw {
    interval: number;
    threshold: number;
    timeout: number;
    ttl: number;
    tailShare: number;
    tailMs: number;
    actions: number;
}

function sample(p: Draw, u: () => number): number {
    // Checks start at c, c + I, c + 2I, … with c uniform in [0, I) after the failure (a check started before it passed).
    const firstFailing = u() * p.interval;
    let failed = 0;
    let start = firstFailing;
    let detected = 0;
    while (failed < p.threshold) {
        failed++;
        detected = start + p.timeout;
        start += p.interval;
    }
    // The routing change is made at detection; this client fetched its answer some time in the TTL before it.
    const fetchedAgo = u() * p.ttl;
    const inTail = u() < p.tailShare;
    return detected + (p.ttl - fetchedAgo) + (inTail ? p.tailMs : 0) + p.actions;
}

describe('a Monte Carlo oracle of the failover-time range', () => {
    const params = fc.record({
        interval: fc.constantFrom(10, 30),
        threshold: fc.integer({ min: 1, max: 10 }),
        timeout: fc.integer({ min: 0, max: 6 }),
        ttl: fc.integer({ min: 1, max: 300 }),
        tailPercent: fc.integer({ min: 0, max: 50 }),
        tailMinutes: fc.integer({ min: 1, max: 10 }),
        actions: fc.integer({ min: 0, max: 600 }),
        seed: fc.integer(),
    });
    it('keeps every sampled failover inside [best, worst] with its mean at the typical end', async () => {
        await fc.assert(
            fc.asyncProperty(params, async (q) => {
                const tail = q.tailPercent > 0 ? ` tail ${q.tailPercent}% ${q.tailMinutes}m` : '';
                const e = await rangeOf(
                    `detect health-check every ${q.interval}s threshold ${q.threshold} timeout ${q.timeout}s  route dns ttl ${q.ttl}s${tail}  action scale-out api takes ${q.actions}s`,
                );
                const draw: Draw = {
                    interval: q.interval * S,
                    threshold: q.threshold,
                    timeout: q.timeout * S,
                    ttl: q.ttl * S,
                    tailShare: q.tailPercent / 100,
                    tailMs: q.tailPercent > 0 ? q.tailMinutes * 60 * S : 0,
                    actions: q.actions * S,
                };
                const rng = xoroshiro128plus(q.seed);
                const u = () => uniformFloat64(rng);
                const n = 4_000;
                let sum = 0,
                    sumSq = 0,
                    low = Infinity,
                    high = -Infinity;
                for (let i = 0; i < n; i++) {
                    const x = sample(draw, u);
                    low = Math.min(low, x);
                    high = Math.max(high, x);
                    sum += x;
                    sumSq += x * x;
                }
                expect(low).toBeGreaterThanOrEqual(e.range.bestMs);
                expect(high).toBeLessThanOrEqual(e.range.worstMs);
                const mean = sum / n;
                const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
                // 5 standard errors of the mean (plus a millisecond for ranges with no spread).
                expect(Math.abs(mean - e.range.typicalMs)).toBeLessThanOrEqual((5 * sd) / Math.sqrt(n) + 1);
            }),
            { numRuns: 40 },
        );
    });
});
