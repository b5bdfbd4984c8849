// Write latency over time (report schema 1.1): per origin region, the p50 and p99 of the writes acknowledged
// in each sample interval. Oracles: a consensus write never beats the round trip to the nearest other voter,
// the minority side of a partition acknowledges nothing while cut off and the majority pays its next voter's
// RTT instead, a failover changes what users pay by the RTT to where they are sent; and, over generated
// designs, the series agree with the run's totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rttBetween } from '../../language/semantics/latency.js';
import type { Model } from '../../language/semantics/model.js';
import type { LatencySeries, SimulationReport } from '../../simulation/report.js';
import {
    auroraDb,
    consensusStore,
    designOf,
    MINUTE,
    runModel,
    runModelWithDeadline,
    TWO_US_REGIONS,
} from './helpers.js';

const THREE_REGIONS = `
topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
`;
const VOTERS = ['us-east-1', 'us-west-2', 'eu-west-1'];

/** Indexes of the sample intervals that lie wholly inside [from, to). */
function intervalsWithin(report: SimulationReport, from: number, to: number): number[] {
    const step = report.run.sampleIntervalMs;
    return report.sampleTimesMs.flatMap((start, i) =>
        start >= from && Math.min(start + step, report.scenario.durationMs) <= to ? [i] : [],
    );
}

function seriesOfStore(report: SimulationReport, region: string): LatencySeries {
    const entry = report.stores[0]!.byRegion.find((r) => r.region === region);
    if (!entry) throw new Error(`no writes from ${region} in the report`);
    return entry.writeLatencySeries;
}

function seriesOfService(report: SimulationReport, region: string): LatencySeries {
    const entry = report.services[0]!.byRegion.find((r) => r.region === region);
    if (!entry) throw new Error(`no users of ${region} in the report`);
    return entry.writeLatencySeries;
}

/** RTT between two regions from the latency table (docs/facts.md#cloudping-rtt-matrix). */
function rtt(model: Model, a: string, b: string): number {
    const ms = rttBetween(model, a, b).ms;
    if (ms === undefined) throw new Error(`no RTT between ${a} and ${b}`);
    return ms;
}

/** RTT from `region` to the nearest other voter: no consensus write can be acknowledged sooner. */
function nearestVoterMs(model: Model, region: string, voters: readonly string[]): number {
    return Math.min(...voters.filter((v) => v !== region).map((v) => rtt(model, region, v)));
}

describe('write latency over time of a consensus store', () => {
    // Quorum 2 of 3, regional-by-row so each region's rows are ordered where they are written
    // (docs/facts.md#cockroachdb-multi-region): the coordinator's own vote plus the nearest reachable voter. us-east-1 is cut off from both others
    // from 5 m to 10 m: alone it holds 1 vote of 3, so it acknowledges nothing; us-west-2 loses its nearest voter
    // (us-east-1) and waits for eu-west-1 instead. Exact: latencies are table values.
    const design = `${THREE_REGIONS}
${consensusStore('ledger', VOTERS, undefined, 'leader us-east-1  locality regional-by-row')}
workload w for ledger { writes 300/s from us-east-1 40%, us-west-2 30%, eu-west-1 30% }
scenario s {
    workload w
    duration 15m
    at 5m partition us-east-1 <-> us-west-2 for 5m
    at 5m partition us-east-1 <-> eu-west-1 for 5m
    seed 6
}
`;

    it('never acknowledges a write in any interval sooner than the RTT to the nearest other voter', async () => {
        const model = await designOf(design);
        const report = runModel(model);
        for (const region of VOTERS) {
            const floor = nearestVoterMs(model, region, VOTERS);
            const series = seriesOfStore(report, region);
            series.p50.forEach((p50, i) => {
                if (p50 === null) return;
                expect(p50, `${region}, interval ${i}`).toBeGreaterThanOrEqual(floor);
                expect(series.p99[i]!, `${region}, interval ${i}`).toBeGreaterThanOrEqual(p50);
            });
        }
    });

    it('has no successful write on the minority side in the intervals of the partition', async () => {
        const report = runModel(await designOf(design));
        const cut = intervalsWithin(report, 5 * MINUTE, 10 * MINUTE);
        expect(cut.length).toBeGreaterThan(0);
        const east = seriesOfStore(report, 'us-east-1');
        for (const i of cut)
            expect([east.acknowledged[i], east.p50[i], east.p99[i]], `interval ${i}`).toEqual([0, null, null]);
        // Before and after the partition the same users write at the quorum's RTT in every interval.
        for (const i of [
            ...intervalsWithin(report, 0, 5 * MINUTE),
            ...intervalsWithin(report, 10 * MINUTE, 15 * MINUTE),
        ]) {
            expect(east.acknowledged[i]!, `interval ${i}`).toBeGreaterThan(0);
        }
    });

    it('makes the majority side wait for its next voter while its nearest one is cut off', async () => {
        const model = await designOf(design);
        const report = runModel(model);
        const west = seriesOfStore(report, 'us-west-2');
        const usual = rtt(model, 'us-west-2', 'us-east-1');
        const detour = rtt(model, 'us-west-2', 'eu-west-1');
        expect(detour).toBeGreaterThan(usual);
        for (const i of intervalsWithin(report, 0, 5 * MINUTE))
            expect([west.p50[i], west.p99[i]], `interval ${i}`).toEqual([usual, usual]);
        for (const i of intervalsWithin(report, 5 * MINUTE, 10 * MINUTE))
            expect([west.p50[i], west.p99[i]], `interval ${i}`).toEqual([detour, detour]);
        for (const i of intervalsWithin(report, 10 * MINUTE, 15 * MINUTE))
            expect([west.p50[i], west.p99[i]], `interval ${i}`).toEqual([usual, usual]);
    });

    it('counts every acknowledged write in exactly one interval of its region', async () => {
        const report = runModel(await designOf(design));
        const store = report.stores[0]!;
        const counted = store.byRegion.reduce(
            (sum, r) => sum + r.writeLatencySeries.acknowledged.reduce((a, b) => a + b, 0),
            0,
        );
        expect(counted).toBe(store.writes.acknowledged);
    });

    it('repeats the whole-run percentiles in every interval while nothing fails', async () => {
        const report = runModel(await designOf(design.replace(/\n {4}at 5m partition.*/g, '')));
        for (const r of report.stores[0]!.byRegion) {
            expect(new Set(r.writeLatencySeries.p50), r.region).toEqual(new Set([r.writeLatencyMs.p50]));
            expect(new Set(r.writeLatencySeries.p99), r.region).toEqual(new Set([r.writeLatencyMs.p99]));
        }
    });
});

describe('write latency over time of a service that fails over', () => {
    // Warm standby in us-west-2 behind ARC routing controls: before the outage users of us-west-2 cross to the
    // primary in us-east-1 (one RTT, docs/facts.md#cloudping-rtt-matrix) while users of us-east-1 write locally (an async store acknowledges
    // at once). From the outage until the promotion and the routing flip, nobody's writes are acknowledged; after
    // it the roles swap: users of us-east-1 pay the RTT to us-west-2.
    const design = `${TWO_US_REGIONS}
${auroraDb()}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      db
}
failover api {
    detect health-check every 10s threshold 3 timeout 0s
    route  arc-routing-control
    action promote db
    action flip-routing-control
    drill  every 30d
}
workload w for api { writes 100/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 20m  at 5m outage region us-east-1 for 15m  seed 5 }
`;

    it('shows the users of each region paying the RTT to wherever their writes are served', async () => {
        const model = await designOf(design);
        const report = runModel(model);
        const crossing = rtt(model, 'us-east-1', 'us-west-2');
        const east = seriesOfService(report, 'us-east-1');
        const west = seriesOfService(report, 'us-west-2');
        const recovered = Math.max(...report.recovery.map((r) => r.endMs!));
        expect(recovered).toBeGreaterThan(5 * MINUTE);
        expect(recovered).toBeLessThan(8 * MINUTE);
        for (const i of intervalsWithin(report, 0, 5 * MINUTE)) {
            expect([east.p50[i], east.p99[i], west.p50[i], west.p99[i]], `interval ${i}`).toEqual([
                0,
                0,
                crossing,
                crossing,
            ]);
        }
        for (const i of intervalsWithin(report, 5 * MINUTE, Math.min(...report.recovery.map((r) => r.endMs!)))) {
            expect([east.acknowledged[i], west.acknowledged[i]], `interval ${i}`).toEqual([0, 0]);
        }
        const after = intervalsWithin(report, recovered, 20 * MINUTE);
        expect(after.length).toBeGreaterThan(100);
        for (const i of after)
            expect([east.p50[i], east.p99[i], west.p50[i], west.p99[i]], `interval ${i}`).toEqual([
                crossing,
                crossing,
                0,
                0,
            ]);
    });
});

describe('latency series over generated designs', () => {
    it('have one entry per interval, a p99 no lower than the p50, values only where writes were acknowledged, and add up to the acknowledged writes', async () => {
        const arbitrary = fc.record({
            mode: fc.constantFrom('consensus', 'async lag 500ms', 'sync'),
            rate: fc.integer({ min: 1, max: 300 }),
            eastShare: fc.integer({ min: 0, max: 100 }),
            fault: fc.constantFrom(
                'outage region us-east-1',
                'partition us-east-1 <-> us-west-2',
                'outage region eu-west-1',
            ),
            faultAt: fc.integer({ min: 0, max: 170 }),
            faultFor: fc.integer({ min: 1, max: 180 }),
            seed: fc.integer({ min: 0, max: 1_000 }),
        });
        await fc.assert(
            fc.asyncProperty(arbitrary, async (p) => {
                const model = await designOf(`${THREE_REGIONS}
store db {
    engine      ${p.mode === 'consensus' ? 'cockroachdb' : p.mode === 'sync' ? 'spanner' : 'dynamodb'}
    regions     us-east-1, us-west-2, eu-west-1
    holds       shared rows
    writes      any-region
    replication ${p.mode}
    consistency ${p.mode.startsWith('async') ? 'eventual' : 'strong'}
    ${p.mode.startsWith('async') ? 'conflicts   lww' : ''}
}
workload w for db { writes ${p.rate}/s from us-east-1 ${p.eastShare}%, us-west-2 ${100 - p.eastShare}% }
scenario s { workload w  duration 3m  at ${p.faultAt}s ${p.fault} for ${p.faultFor}s  seed ${p.seed} }
`);
                const report = await runModelWithDeadline(model);
                const store = report.stores[0]!;
                let counted = 0;
                for (const r of store.byRegion) {
                    const s = r.writeLatencySeries;
                    expect([s.p50.length, s.p99.length, s.acknowledged.length]).toEqual(
                        Array(3).fill(report.sampleTimesMs.length),
                    );
                    s.acknowledged.forEach((n, i) => {
                        counted += n;
                        expect(s.p50[i] === null, `interval ${i} of ${r.region}`).toBe(n === 0);
                        expect(s.p99[i] === null).toBe(n === 0);
                        if (n > 0) {
                            expect(s.p99[i]!).toBeGreaterThanOrEqual(s.p50[i]!);
                            expect(s.p99[i]!).toBeLessThanOrEqual(r.writeLatencyMs.max!);
                        }
                    });
                }
                expect(counted).toBeCloseTo(store.writes.acknowledged, 6);
            }),
            { numRuns: 20 },
        );
    });
});
