// Latency distributions. Cosmos DB documents a p99 of 10 ms for point writes (docs/facts.md#cosmos-point-latency);
// the simulation draws each write's processing time from the exponential with that p99 (mean m = 10 ÷ ln 100).
// Oracles, written from the distribution alone: a write with a fixed network part L has quantile
// q(p) = L − m·ln(1 − p); a request that waits for two such stores has the law of the larger of two, whose CDF is
// (1 − e^(−(x − L)/m))², so q(p) = L − m·ln(1 − √p). Sampled quantiles of N draws err by about
// m·√(p ÷ ((1 − p)·N)) (the delta method with the density (1 − p)/m at q), plus the histogram's 0.1 ms bin.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalLatencies, intervalSeries } from '../../simulation/metrics/interval-latencies.js';
import { formatText } from '../../simulation/format/text.js';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, runModel, TWO_US_REGIONS } from './helpers.js';

const MEAN = 10 / Math.log(100);
/** Measured RTT us-east-1 ↔ us-west-2 (docs/facts.md#cloudping-rtt-matrix). */
const RTT = 78;

const oneStore = (p: number, fixed: number) => fixed - MEAN * Math.log(1 - p);
const slowerOfTwo = (p: number, fixed: number) => fixed - MEAN * Math.log(1 - Math.sqrt(p));

function store(name: string, engine: string): string {
    return `store ${name} {
    engine      ${engine}
    regions     us-east-1, us-west-2
    holds       per-user document
    writes      any-region
    replication async lag 1s
    consistency eventual
    conflicts   lww
}`;
}

/** A service in us-east-1 (users of us-west-2 cross the RTT to it) writing the given stores on every request. */
function design(stores: readonly [string, string][], seed = 3): string {
    return `${TWO_US_REGIONS}
${stores.map(([name, engine]) => store(name, engine)).join('\n')}
service app {
    regions  us-east-1, us-west-2
    primary  us-east-1
    posture  active-passive
    capacity 100% per region
    uses     ${stores.map(([name]) => name).join(', ')}
}
workload w for app { writes 200/s from us-east-1 50%, us-west-2 50%  keys 100000 }
scenario s { workload w  duration 10m  seed ${seed} }
`;
}

async function report(stores: readonly [string, string][], seed?: number): Promise<SimulationReport> {
    return runModel(await designOf(design(stores, seed)), 's');
}

/** 4 standard errors of the sampled p-quantile of N exponential draws, plus one histogram bin. */
function slack(p: number, n: number): number {
    return 4 * MEAN * Math.sqrt(p / ((1 - p) * n)) + 0.1;
}

describe('a Cosmos DB write is its network time plus an exponential processing time of p99 10 ms', () => {
    const regions = [
        { name: 'users of us-east-1 write in their own region: L = 0', region: 'us-east-1', fixed: 0 },
        { name: 'users of us-west-2 cross to us-east-1 first: L = RTT', region: 'us-west-2', fixed: RTT },
    ];
    for (const k of regions) {
        it(k.name, async () => {
            const r = await report([['profiles', 'cosmosdb']]);
            const x = r.stores[0]!.byRegion.find((b) => b.region === k.region)!;
            const n = r.stores[0]!.writes.acknowledged / 2;
            for (const [p, measured] of [
                [0.5, x.writeLatencyMs.p50],
                [0.95, x.writeLatencyMs.p95],
                [0.99, x.writeLatencyMs.p99],
            ] as const)
                expect(Math.abs(measured! - oneStore(p, k.fixed))).toBeLessThanOrEqual(slack(p, n));
            expect(x.writeLatencyMs.min!).toBeGreaterThanOrEqual(k.fixed);
            expect(x.writeLatencyMs.min!).toBeLessThan(k.fixed + 0.1);
            expect(x.writeLatencyMs.p99!).toBeGreaterThan(x.writeLatencyMs.p50! + 5);
            expect(x.writeLatencyMs.max!).toBeGreaterThan(x.writeLatencyMs.p99!);
            // The series is the distribution itself, solved exactly in every interval.
            for (const v of x.writeLatencySeries.p99) expect(v).toBeCloseTo(oneStore(0.99, k.fixed), 3);
        });
    }

    it('a request writing two Cosmos DB stores waits for the slower: q(p) = L − m·ln(1 − √p)', async () => {
        const r = await report([
            ['a', 'cosmosdb'],
            ['b', 'cosmosdb'],
        ]);
        const west = r.services[0]!.byRegion.find((b) => b.region === 'us-west-2')!;
        const n = r.services[0]!.served / 2;
        // The larger of two draws has density 2·√p·(1 − √p)/m at its p-quantile; 4 of its standard errors.
        const tolerance = (p: number) =>
            (4 * Math.sqrt((p * (1 - p)) / n)) / ((2 * Math.sqrt(p) * (1 - Math.sqrt(p))) / MEAN) + 0.1;
        expect(Math.abs(west.writeLatencyMs.p50! - slowerOfTwo(0.5, RTT))).toBeLessThanOrEqual(tolerance(0.5));
        expect(Math.abs(west.writeLatencyMs.p99! - slowerOfTwo(0.99, RTT))).toBeLessThanOrEqual(tolerance(0.99));
        for (const v of west.writeLatencySeries.p99) expect(v).toBeCloseTo(slowerOfTwo(0.99, RTT), 3);
    });

    it('the report states the fitted distribution and cites the documented bound', async () => {
        const r = await report([['profiles', 'cosmosdb']]);
        expect(r.stores[0]!.processingTime).toEqual({
            modelled: true,
            distribution: 'exponential',
            meanMs: Math.round(MEAN * 1000) / 1000,
            p50Ms: Math.round(MEAN * Math.log(2) * 1000) / 1000,
            p99Ms: 10,
            kind: 'estimate',
            source: 'exponential fitted to the documented p99 bound of 10 ms (docs/facts.md#cosmos-point-latency)',
        });
    });

    it('the same seed gives the same draws; another seed other draws of the same law', async () => {
        const [a, b, c] = await Promise.all([
            report([['profiles', 'cosmosdb']], 3),
            report([['profiles', 'cosmosdb']], 3),
            report([['profiles', 'cosmosdb']], 4),
        ]);
        // Each test design gets its own file name; everything else is the same bytes.
        const bytes = (r: SimulationReport) => JSON.stringify({ ...r, design: null });
        expect(bytes(a) === bytes(b)).toBe(true);
        const max = (r: SimulationReport) => r.stores[0]!.writeLatencyMs.max;
        expect(max(c)).not.toBe(max(a));
        const n = a.stores[0]!.writes.acknowledged;
        expect(Math.abs(c.stores[0]!.writeLatencyMs.p99! - a.stores[0]!.writeLatencyMs.p99!)).toBeLessThanOrEqual(
            2 * slack(0.99, n),
        );
    });
});

describe('where no source documents a spread, p99 = p50 and the report says so', () => {
    it('an Aurora store has no processing time, so each region sees one latency', async () => {
        const r = await report([['orders', 'aurora']]);
        const s = r.stores[0]!;
        expect(s.processingTime).toMatchObject({ modelled: false, distribution: null, p99Ms: null });
        expect(s.processingTime.source).toBe(
            'aurora documents no percentile of its processing time (docs/facts.md#cosmos-point-latency)',
        );
        for (const x of s.byRegion) {
            expect(x.writeLatencyMs.p99).toBe(x.writeLatencyMs.p50);
            expect(x.writeLatencyMs.min).toBe(x.writeLatencyMs.max);
        }
        expect(r.networkJitter.modelled).toBe(false);
        expect(r.networkJitter.reason).toContain('docs/facts.md#inter-region-jitter');
    });

    it('the text and Markdown reports name what is and is not modelled', async () => {
        const r = await report([
            ['profiles', 'cosmosdb'],
            ['orders', 'aurora'],
        ]);
        const text = formatText(r);
        expect(text).toContain('network jitter is not modelled');
        expect(text).toMatch(/profiles: processing time drawn per write, exponential with p50 1\.5 ms and p99 10 ms/);
        expect(text).toMatch(
            /by writers' region: us-east-1 [\d.]+ ms \/ [\d.]+ ms \/ [\d.]+ ms \/ [\d.]+ ms; us-west-2/,
        );
        expect(text).toContain('orders: processing time not modelled: aurora documents no percentile');
        const md = formatMarkdown(r);
        expect(md).toContain('### Latency spread');
        expect(md).toContain('- `orders`: processing time not modelled');
    });
});

describe('interval percentiles of drawn latencies are the distribution’s own', () => {
    it('one store: L − m·ln(1 − p), for any fixed part and mean', () => {
        fc.assert(
            fc.property(
                fc.double({ min: 0, max: 5_000, noNaN: true }),
                fc.double({ min: 0.01, max: 100, noNaN: true }),
                fc.double({ min: 0.1, max: 1e6, noNaN: true }),
                (fixed, mean, weight) => {
                    const part = new IntervalLatencies();
                    part.add(0, fixed, weight, Float64Array.of(fixed, mean));
                    const s = intervalSeries([part], 1);
                    expect(s.p50[0]!).toBeCloseTo(fixed - mean * Math.log(0.5), 6);
                    expect(s.p99[0]!).toBeCloseTo(fixed - mean * Math.log(0.01), 6);
                },
            ),
        );
    });

    it('a fixed latency and a drawn one in equal shares: p50 is the fixed one when it is the faster', () => {
        fc.assert(
            fc.property(
                fc.double({ min: 0, max: 1_000, noNaN: true }),
                fc.double({ min: 0.01, max: 50, noNaN: true }),
                (fixed, mean) => {
                    const part = new IntervalLatencies();
                    part.add(0, fixed, 1);
                    part.add(0, fixed + 1, 1, Float64Array.of(fixed + 1, mean));
                    const s = intervalSeries([part], 1);
                    expect(s.p50[0]).toBe(fixed);
                    // p99 of the mixture: the drawn half must reach 98 %: fixed + 1 − m·ln(0.02).
                    expect(s.p99[0]!).toBeCloseTo(fixed + 1 - mean * Math.log(0.02), 6);
                },
            ),
        );
    });
});
