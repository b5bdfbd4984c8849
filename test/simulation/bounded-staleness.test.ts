// Bounded staleness (issue 14 §4): Cosmos DB throttles the write region's writes while a read region lags more than
// K versions or T behind (docs/facts.md#cosmos-bounded-staleness-throttling), an outage of the read region included
// (docs/facts.md#cosmos-bounded-staleness-read-region-outage). Expected values are worked out here from the scenario,
// not from the engine: λ writes/s from eastus; a partition (or outage) of P cutting the link at c and healing at h;
// delay d = max(lag, RTT/2) = 1 s (lag 1 s, RTT 70 ms). The writes in flight at the cut were sent in (c − d, c], so
//  - time bound T: the oldest unapplied write ages past T at c − d + T; the backlog arrives at h + d. The write
//    region refuses every write between: throttled ≈ Poisson(λ (P − T + 2d)).
//  - versions bound K: λd writes are in flight at the cut, so K − λd more are accepted, then every write is refused
//    until h + d: throttled ≈ λ (P + 2d) − K.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, example, MINUTE, run, runModel, SECOND } from './helpers.js';

const REGIONS = `
topology T
region eastus  { provider azure  jurisdiction US }
region westus2 { provider azure  jurisdiction US }
link eastus <-> westus2 { rtt 70ms }
`;

const D = SECOND;

function store(
    consistency: string,
    { engine = 'cosmosdb', writes = 'primary eastus', replication = 'async lag 1s' } = {},
) {
    return `store db {
    engine      ${engine}
    regions     eastus, westus2
    holds       per-user document
    writes      ${writes}${writes === 'any-region' ? '\n    conflicts   lww' : ''}
    replication ${replication}
    consistency ${consistency}
}`;
}

function design(consistency: string, rate: number, faults: string, duration = '30m', options = {}): string {
    return `${REGIONS}
${store(consistency, options)}
workload w for db { writes ${rate}/s from eastus 100% }
scenario s { workload w  duration ${duration}  ${faults}  seed 11 }
`;
}

function eastus(report: SimulationReport) {
    return report.regions.find((r) => r.region === 'eastus')!;
}

/** Within four standard deviations of a Poisson count with this mean, plus `slack` writes. */
function near(measured: number, expected: number, slack = 0): void {
    expect(Math.abs(measured - expected)).toBeLessThanOrEqual(4 * Math.sqrt(Math.max(expected, 1)) + slack);
}

describe('a bounded-staleness store throttles the write region while a read region is beyond its bound', () => {
    const cut = 5 * MINUTE;
    const P = 20 * MINUTE;
    const partition = `at 5m partition eastus <-> westus2 for 20m`;

    it.each([
        {
            name: 'a 20-minute partition with T = 300 s throttles λ × (P − T + 2d) writes, from c − d + T to h + d',
            consistency: 'bounded-staleness versions 100000 time 300s',
            rate: 100,
            faults: partition,
            expected: (100 * (P - 300 * SECOND + 2 * D)) / SECOND,
            first: cut - D + 300 * SECOND,
        },
        {
            name: 'an outage of the read region for 20 minutes throttles the write region alike',
            consistency: 'bounded-staleness time 300s',
            rate: 100,
            faults: 'at 5m outage region westus2 for 20m',
            expected: (100 * (P - 300 * SECOND + 2 * D)) / SECOND,
            first: cut - D + 300 * SECOND,
        },
        {
            name: 'a 20-minute partition with K = 100,000 versions at 200/s throttles λ × (P + 2d) − K writes',
            consistency: 'bounded-staleness versions 100000',
            rate: 200,
            faults: partition,
            expected: (200 * (P + 2 * D)) / SECOND - 100_000,
            first: cut + ((100_000 - 200) / 200) * SECOND,
            // The K-th write after the cut is a sum of K Poisson gaps: its time spreads by √K ÷ λ.
            firstSpread: (4 * Math.sqrt(100_000) * SECOND) / 200,
        },
    ])('$name', async ({ consistency, rate, faults, expected, first, firstSpread }) => {
        const text = design(consistency, rate, faults);
        const faultLine = text.split('\n').findIndex((l) => l.includes(faults)) + 1;
        const report = await run(text);
        const db = report.stores[0]!;
        const bound = db.stalenessBound!;
        expect(bound.simulated).toBe(true);
        near(db.throttledWrites, expected);
        expect(bound.throttledWrites).toBe(db.throttledWrites);
        expect(report.summary.throttledWrites).toBe(db.throttledWrites);
        expect(bound.byRegion).toEqual([{ region: 'eastus', throttledWrites: db.throttledWrites }]);
        // The edges: a few gaps between writes (1/λ) after the closed form's start (a time bound), or within four
        // standard deviations of it (a version bound), and just before the heal's end.
        expect(Math.abs(bound.firstAtMs! - first)).toBeLessThanOrEqual(
            (firstSpread ?? 0) + (20 * SECOND) / rate + 0.1 * SECOND,
        );
        expect(bound.lastAtMs!).toBeLessThanOrEqual(cut + P + D);
        expect(bound.lastAtMs!).toBeGreaterThan(cut + P + D - (20 * SECOND) / rate);
        // Refused, not lost: nothing acknowledged is missing, and availability counts them as not served.
        expect(db.lostWrites).toBe(0);
        expect(eastus(report).offered).toBe(db.writes.acknowledged + db.throttledWrites);
        expect(report.summary.availability).toBeCloseTo(db.writes.acknowledged / eastus(report).offered, 6);
        const started = report.timeline.filter((e) => e.kind === 'writes-throttled');
        expect(started).toHaveLength(1);
        expect(started[0]!.atMs).toBeCloseTo(bound.firstAtMs!, 2);
        const ended = report.timeline.filter((e) => e.kind === 'throttling-ended');
        expect(ended).toHaveLength(1);
        // Both rows name the fault's clause (on the scenario's one line here), which the results view reveals.
        expect([started[0]!.clause?.line, ended[0]!.clause?.line]).toEqual([faultLine, faultLine]);
    });

    it.each([
        {
            name: 'with no fault nothing is throttled',
            consistency: 'bounded-staleness versions 100000 time 300s',
            faults: '',
        },
        {
            name: 'a partition shorter than T throttles nothing',
            consistency: 'bounded-staleness time 300s',
            faults: 'at 5m partition eastus <-> westus2 for 4m',
        },
    ])('$name', async ({ consistency, faults }) => {
        const report = await run(design(consistency, 100, faults, '10m'));
        const db = report.stores[0]!;
        expect(db.stalenessBound).toMatchObject({ simulated: true, throttledWrites: 0, firstAtMs: null, byRegion: [] });
        expect(db.throttledWrites).toBe(0);
        expect(report.summary.availability).toBe(1);
    });

    it.each([
        { name: 'a session store is not throttled by a partition', consistency: 'session', options: {} },
        {
            name: 'a strong store has no staleness bound (the partition stops it by quorum instead)',
            consistency: 'strong',
            options: { replication: 'sync' },
        },
    ])('$name', async ({ consistency, options }) => {
        const report = await run(design(consistency, 100, 'at 1m partition eastus <-> westus2 for 8m', '10m', options));
        const db = report.stores[0]!;
        expect(db.stalenessBound).toBeNull();
        expect(db.throttledWrites).toBe(0);
        expect(report.summary.throttledWrites).toBe(0);
        expect(report.timeline.some((e) => e.kind === 'writes-throttled')).toBe(false);
    });

    it.each([
        {
            name: 'a store with several write regions is not simulated: the docs do not say whose writes are throttled',
            options: { writes: 'any-region' },
            reason: /anti-pattern/,
        },
        {
            name: 'an engine other than Cosmos DB is not simulated with the bound',
            options: { engine: 'dynamodb' },
            reason: /documented for Cosmos DB only/,
        },
    ])('$name', async ({ options, reason }) => {
        const report = await run(
            design('bounded-staleness time 300s', 100, 'at 1m partition eastus <-> westus2 for 8m', '10m', options),
        );
        const db = report.stores[0]!;
        expect(db.stalenessBound).toMatchObject({
            simulated: false,
            throttledWrites: 0,
            maxLagMs: 300_000,
            maxVersions: null,
        });
        expect(db.stalenessBound!.reason).toMatch(reason);
        expect(db.throttledWrites).toBe(0);
    });
});

describe('one lagging read region is enough', () => {
    // Three regions; only westus2 is cut off from the write region, northeurope keeps up. The docs throttle when
    // the data in *a* region lags beyond the bound, so the time-bound closed form holds as with two regions.
    it('a partition of one of two read regions throttles λ × (P − T + 2d) writes in the write region', async () => {
        const report = await run(`${REGIONS}
region northeurope { provider azure  jurisdiction EU }
link westus2 <-> northeurope { rtt 140ms }
store db {
    engine      cosmosdb
    regions     eastus, westus2, northeurope
    holds       per-user document
    writes      primary eastus
    replication async lag 1s
    consistency bounded-staleness time 60s
}
workload w for db { writes 100/s from eastus 100% }
scenario s { workload w  duration 10m  at 1m partition eastus <-> westus2 for 5m  seed 5 }
`);
        const db = report.stores[0]!;
        near(db.throttledWrites, (100 * (5 * MINUTE - 60 * SECOND + 2 * D)) / SECOND);
        expect(db.stalenessBound!.byRegion.map((x) => x.region)).toEqual(['eastus']);
        expect(report.timeline.find((e) => e.kind === 'writes-throttled')!.text).toMatch(/westus2 is beyond/);
    });
});

describe('a failover takes the old write region out of the bound', () => {
    // The outage of the write region eastus is followed by a promotion of westus2 (after detection, 2 min): the
    // former write region rejoins only once it is back online (docs/facts.md#cosmos-bounded-staleness-read-region-outage),
    // so the new write region's writes are not throttled for it, although eastus stays down for far longer than T.
    it('after the promotion, writes in westus2 are accepted for the rest of a 20-minute outage of eastus', async () => {
        const report = await run(`${REGIONS}
${store('bounded-staleness time 60s')}
service app {
    regions   eastus, westus2
    primary   eastus
    posture   active-passive
    capacity  100% per region
    uses      db
}
failover app {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    action promote db takes 2m
    action shift-traffic
    drill  every 30d
}
workload w for app { writes 100/s from eastus 50%, westus2 50% }
scenario s { workload w  duration 30m  at 2m outage region eastus for 20m  seed 4 }
`);
        const db = report.stores[0]!;
        expect(report.failovers.map((f) => f.outcome)).toEqual(['completed']);
        expect(db.stalenessBound).toMatchObject({ simulated: true, throttledWrites: 0 });
        expect(db.throttledWrites).toBe(0);
        // Writes kept being accepted in westus2 for the outage's remaining ≈ 17 minutes: more than T's worth.
        near(db.writes.acknowledged, (100 * 30 * MINUTE) / SECOND, (100 * 4 * MINUTE) / SECOND);
    });
});

describe('throttled writes are part of what the write region was offered', () => {
    it('for any rate, partition and bounds: throttled + accepted = offered in the write region, throttled ≤ offered', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 20, max: 200 }),
                fc.integer({ min: 1, max: 6 }),
                fc.integer({ min: 5, max: 200 }),
                fc.option(fc.integer({ min: 10, max: 50_000 }), { nil: undefined }),
                async (rate, minutes, seconds, versions) => {
                    const bounds = `${versions === undefined ? '' : `versions ${versions} `}time ${seconds}s`;
                    const model = await designOf(
                        design(
                            `bounded-staleness ${bounds}`,
                            rate,
                            `at 1m partition eastus <-> westus2 for ${minutes}m`,
                            `${minutes + 3}m`,
                        ),
                    );
                    const report = runModel(model);
                    const db = report.stores[0]!;
                    const offered = eastus(report).offered;
                    expect(db.writes.acknowledged + db.throttledWrites).toBe(offered);
                    expect(db.throttledWrites).toBeLessThanOrEqual(offered);
                    expect(db.throttledWrites).toBeGreaterThanOrEqual(0);
                    // Nothing throttled before the bound could be reached: T after the cut less one delay.
                    if (db.stalenessBound!.firstAtMs !== null && versions === undefined)
                        expect(db.stalenessBound!.firstAtMs).toBeGreaterThanOrEqual(MINUTE + seconds * SECOND - D);
                },
            ),
            { numRuns: 8 },
        );
    });
});

describe('the example cosmos-bounded-staleness', () => {
    it('an outage of the read region for 20 minutes with T = 5 minutes throttles ≈ λ × (P − T + 2d) writes in eastus', async () => {
        const report = await run(example('cosmos-bounded-staleness'));
        const catalog = report.stores[0]!;
        near(catalog.throttledWrites, (100 * (20 * MINUTE - 5 * MINUTE + 2 * D)) / SECOND);
        expect(catalog.stalenessBound!.byRegion.map((x) => x.region)).toEqual(['eastus']);
        expect(report.expectations.map((e) => e.passed)).toEqual([true, true, true]);
    });
});
