// Partial and gray faults against closed forms. A health check under a degrade fails with probability p (the
// error share it sees), independently each time, and detection needs `threshold` N failures in a row, so:
// - the first N checks after the fault starts all fail, and detection comes within N intervals, with
//   probability p^N;
// - the check that completes the first run of N failures is the K-th, with the classic run-length moments
//   E[K] = (1 − p^N) / (q p^N) and Var[K] = (1 − (2N + 1) q p^N − p^(2N+1)) / (q² p^(2N)), q = 1 − p; the first
//   check falls a uniform fraction U of an interval after the fault starts, so detection comes
//   (U + K − 1) × interval after it.
// A seeded sweep of runs is compared with both. Then: shallow checks never notice a dependency, and a
// dependency chain multiplies the shares served.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, runModel, SECOND, MINUTE } from './helpers.js';

const INTERVAL = 10 * SECOND;

function design({
    fault,
    depth = 'deep',
    threshold = 3,
    duration = '2h',
}: {
    fault: string;
    depth?: string;
    threshold?: number;
    duration?: string;
}): string {
    return `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
service ledger { regions us-east-1, us-west-2  posture active-active  capacity 100% per region }
service api { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  depends-on ledger }
failover api { detect health-check every 10s threshold ${threshold} ${depth}  route anycast  drill every 30d }
workload w for api { writes 1/s from us-east-1 100% }
scenario s {
    workload w
    duration ${duration}
    at 10m ${fault}
}
`;
}

/** The first detection of api's checks in us-east-1 while the fault was in effect, ms after it started; null if none. */
function noticedAfter(r: SimulationReport): number | null {
    const check = r.partialFaults[0]!.checks.find((c) => c.failover === 'api');
    return check === undefined ? null : check.afterMs;
}

function sweep(model: Model, runs: number): (number | null)[] {
    return Array.from({ length: runs }, (_, i) => noticedAfter(runModel(model, 's', { seed: 1_000 + i })));
}

const runLength = (p: number, n: number) => {
    const q = 1 - p;
    const mean = (1 - p ** n) / (q * p ** n);
    const variance = (1 - (2 * n + 1) * q * p ** n - p ** (2 * n + 1)) / (q * q * p ** (2 * n));
    return { mean, variance };
};

describe('detection of a degrade against the run-length closed form', () => {
    const RUNS = 300;
    it.each([
        { p: 0.5, n: 3 },
        { p: 0.3, n: 2 },
        { p: 0.8, n: 5 },
    ])(
        'a deep check failing with p = $p and threshold $n: P(within N checks) = p^N and the mean time matches (U + E[K] − 1) × interval',
        async ({ p, n }) => {
            const model = await designOf(
                design({ fault: `degrade api in us-east-1 errors ${p * 100}% for 105m`, threshold: n }),
            );
            const after = sweep(model, RUNS);
            expect(after.every((a) => a !== null)).toBe(true);
            const times = after as number[];

            const quick = times.filter((a) => a < n * INTERVAL).length / RUNS;
            const pn = p ** n;
            expect(Math.abs(quick - pn)).toBeLessThanOrEqual(4 * Math.sqrt((pn * (1 - pn)) / RUNS));

            const { mean: k, variance } = runLength(p, n);
            const expected = (0.5 + k - 1) * INTERVAL;
            const sd = INTERVAL * Math.sqrt(variance + 1 / 12);
            const measured = times.reduce((a, b) => a + b, 0) / RUNS;
            expect(Math.abs(measured - expected)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(RUNS));
        },
        120_000,
    );
});

describe('what a health check sees', () => {
    it('a shallow check never notices a degrade or failure of what the service depends on, whatever the error share, threshold or seed', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 100 }),
                fc.integer({ min: 1, max: 10 }),
                fc.boolean(),
                fc.integer({ min: 0, max: 1_000 }),
                async (percent, threshold, fail, seed) => {
                    const fault = fail
                        ? 'fail ledger in us-east-1 for 20m'
                        : `degrade ledger in us-east-1 errors ${percent}% for 20m`;
                    const model = await designOf(design({ fault, depth: 'shallow', threshold, duration: '40m' }));
                    const r = runModel(model, 's', { seed });
                    expect(r.partialFaults[0]!.checks).toEqual([
                        { failover: 'api', depth: 'shallow', noticed: false, noticedAtMs: null, afterMs: null },
                    ]);
                    expect(
                        r.timeline.some(
                            (t) =>
                                t.kind === 'gray-undetected' &&
                                t.text.includes('a shallow check asks only whether api answers'),
                        ),
                    ).toBe(true);
                },
            ),
            { numRuns: 12 },
        );
    }, 120_000);

    it.each([
        {
            name: 'a deep check sees a failed dependency as a failing check, answered at once',
            fault: 'fail ledger in us-east-1 for 20m',
            depth: 'deep',
            delay: 0,
        },
        {
            name: 'a shallow check notices the service itself failing, when its checks time out',
            fault: 'fail api in us-east-1 for 20m',
            depth: 'shallow',
            delay: 6 * SECOND,
        },
        {
            name: 'an added latency at or above the timeout fails every check, with no errors at all',
            fault: 'degrade api in us-east-1 latency +6s for 20m',
            depth: 'shallow',
            delay: 6 * SECOND,
        },
    ])('$name: noticed within threshold intervals, plus the delay', async ({ fault, depth, delay }) => {
        const model = await designOf(design({ fault, depth, threshold: 3, duration: '40m' }));
        for (const seed of [1, 2, 3, 4, 5]) {
            const after = noticedAfter(runModel(model, 's', { seed }))!;
            expect(after).toBeGreaterThanOrEqual(2 * INTERVAL + delay);
            expect(after).toBeLessThan(3 * INTERVAL + delay);
        }
    });
});

describe('the dependency cascade', () => {
    const chain = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
store db { engine dynamodb  regions us-east-1, us-west-2  holds per-user rows  replication async lag 1s }
service ledger { regions us-east-1, us-west-2  posture active-active  uses db }
service api { regions us-east-1, us-west-2  posture active-active  depends-on ledger }
workload w for api { writes 100/s from us-east-1 50%, us-west-2 50% }
scenario s {
    workload w
    duration 30m
    at 10m degrade db in us-east-1 errors 50% latency +100ms for 10m
    at 11m degrade ledger in us-east-1 errors 20% latency +200ms for 10m
    at 12m degrade api in us-east-1 errors 10% latency +300ms for 10m
}
`;

    it("serves (1 − 10%)(1 − 20%)(1 − 50%) = 36% of api's requests in the region, and none of the other region's are touched", async () => {
        const r = runModel(await designOf(chain), 's', { seed: 3 });
        const east = r.recovery.filter((x) => x.target === 'api' && x.usersOf === 'us-east-1');
        expect(east).toHaveLength(1);
        expect(east[0]!.worstServedShare).toBeCloseTo(0.36, 9);
        expect(east[0]).toMatchObject({ startMs: 10 * MINUTE, endMs: 22 * MINUTE });
        expect(r.recovery.filter((x) => x.usersOf === 'us-west-2')).toEqual([]);
    });

    it('shows the cascade on the timeline, with the latency each dependency adds', async () => {
        const r = runModel(await designOf(chain), 's', { seed: 3 });
        const cascade = r.timeline.filter((t) => t.kind === 'cascade').map((t) => [t.atMs, t.text]);
        // Each row: the service's whole error share and added latency, its own included (1 − 0.9 × 0.8 = 28%).
        expect(cascade).toEqual([
            [
                10 * MINUTE,
                'ledger in us-east-1 fails 50% of requests, +100 ms per request: it depends on db, impaired there',
            ],
            [
                10 * MINUTE,
                'api in us-east-1 fails 50% of requests, +100 ms per request: it depends on ledger, impaired there',
            ],
            [
                11 * MINUTE,
                'ledger in us-east-1 fails 60% of requests, +300 ms per request: it depends on db, impaired there',
            ],
            [
                11 * MINUTE,
                'api in us-east-1 fails 60% of requests, +300 ms per request: it depends on ledger, impaired there',
            ],
            [
                12 * MINUTE,
                'api in us-east-1 fails 64% of requests, +600 ms per request: it depends on ledger, impaired there',
            ],
            [20 * MINUTE, 'ledger in us-east-1 is no longer impaired through what it depends on'],
            [
                20 * MINUTE,
                'api in us-east-1 fails 28% of requests, +500 ms per request: it depends on ledger, impaired there',
            ],
            [21 * MINUTE, 'api in us-east-1 is no longer impaired through what it depends on'],
        ]);
        expect(r.partialFaults.map((p) => [p.target, p.reached])).toEqual([
            ['db', ['ledger', 'api']],
            ['ledger', ['ledger', 'api']],
            ['api', ['api']],
        ]);
    });
});

describe('a dependency cycle', () => {
    // front and back call each other; only back has users. Whichever of the two is degraded (front is declared
    // first, which the cascade once cut off), back's users meet its 50 % while the fault lasts, 10 to 20 min.
    const cycle = (degraded: string) => `topology T
region us-east-1 { provider aws }
service front { regions us-east-1  posture active-active  depends-on back }
service back  { regions us-east-1  posture active-active  depends-on front }
workload w for back { reads 100/s from us-east-1 100% }
scenario s {
    workload w
    duration 30m
    at 10m degrade ${degraded} in us-east-1 errors 50% for 10m
}
`;
    it.each(['front', 'back'])("a degrade of %s serves half of back's requests", async (degraded) => {
        const r = runModel(await designOf(cycle(degraded)), 's', { seed: 3 });
        const back = r.recovery.filter((x) => x.target === 'back');
        expect(back).toHaveLength(1);
        expect(back[0]!.worstServedShare).toBeCloseTo(0.5, 9);
        expect(back[0]).toMatchObject({ startMs: 10 * MINUTE, endMs: 20 * MINUTE });
    });
});
