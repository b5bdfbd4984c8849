// Outage is not loss (issue 14 §1, docs/facts.md#stranded-writes): a region that is unreachable keeps its storage, so the writes
// only it held are stranded and delivered when it is back; they are lost only when the design abandons them
// (a promotion elsewhere, docs/facts.md#aurora-managed-failover-time) or the storage is destroyed; under last-writer-wins they can be delivered
// and then lose to newer writes. Every expected value is worked out here from the scenario, independently of
// the engine: λ writes/s, delay d = max(lag, RTT/2) (docs/facts.md#cloudping-rtt-matrix: us-east-1 ↔ us-west-2 RTT 78 ms).
import { describe, expect, it } from 'vitest';
import { auroraDb, dynamoStore, run, SECOND, TWO_US_REGIONS } from './helpers.js';

describe('an outage with no failover strands writes and delivers them when the region is back', () => {
    // Each outage cuts us-east-1 off while the writes of the last d are still on their way: Poisson(λ·d) of them
    // are stranded. The replica keeps them and the link resumes at the heal, so each arrives one delay after it
    // (resume = heal + d; no catch-up rate is modelled, so the backlog lands at once). Nothing is lost.
    const outages = [2, 4, 6, 8, 10].map((m) => `at ${m}m outage region us-east-1 for 20s`).join('\n    ');
    const rate = 1000;
    const delayMs = 1000;

    it('five 20-second outages of the primary region: lost 0, stranded ≈ 5·λ·d, all delivered one lag after each heal', async () => {
        const report = await run(`${TWO_US_REGIONS}
${auroraDb('1s')}
workload w for db { writes ${rate}/s from us-east-1 100% }
scenario s { workload w  duration 12m  ${outages}  seed 5  expect lost-writes == 0  expect stranded-writes of db in us-east-1 >= 1 }
`);
        const store = report.stores[0]!;
        const expected = (5 * rate * delayMs) / SECOND;
        expect(store.lostWrites).toBe(0);
        expect(store.rpoMs).toBeNull();
        expect(report.summary.lostWrites).toBe(0);
        expect(report.expectations[0]!.passed).toBe(true);
        expect(report.expectations[1]).toMatchObject({ passed: true, measured: store.strandedWrites, atMs: 120_000 });
        expect(report.expectations[1]!.where).toMatch(
            /^\(db in us-east-1 at 2 m, all delivered; db in us-east-1 at 4 m, all delivered; .*\)$/,
        );
        expect(Math.abs(store.strandedWrites - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
        expect(store.deliveredAtHeal).toBe(store.strandedWrites);
        expect(store.stranded.map((x) => [x.region, x.cutAtMs, x.healedAtMs])).toEqual(
            [2, 4, 6, 8, 10].map((m) => ['us-east-1', m * 60_000, m * 60_000 + 20_000]),
        );
        for (const x of store.stranded) {
            expect(x.strandedWrites).toBeGreaterThan(0);
            expect(x.deliveredWrites).toBe(x.strandedWrites);
            expect(x.deliveredByMs! - x.healedAtMs!).toBe(delayMs);
            expect(x.lostWrites).toBe(0);
            expect(x.lostAtMs).toBeNull();
            // The oldest stranded write was accepted less than d before the cut.
            expect(x.cutAtMs - x.oldestAtMs!).toBeLessThanOrEqual(delayMs);
        }
        expect(report.summary.strandedWrites).toBe(store.strandedWrites);
        expect(report.summary.deliveredAtHeal).toBe(store.strandedWrites);
        expect(report.timeline.filter((e) => e.kind === 'writes-stranded')).toHaveLength(5);
        expect(report.timeline.filter((e) => e.kind === 'writes-delivered')).toHaveLength(5);
        expect(report.timeline.some((e) => e.kind === 'writes-lost')).toBe(false);
    });
});

describe('an outage strands only what the unreachable region holds', () => {
    // Two regions both writing 500/s to a multi-writer table; us-east-1 is down for 2 minutes, with no failover.
    // us-east-1 strands the writes still on their way at the cut: Poisson(λ·d) = 500·1 s. us-west-2 stays up
    // and serves its users; the ≈ 60,000 writes it takes meanwhile wait for us-east-1's return as a backlog — held
    // by a region its users reach, so not stranded, and counted nowhere as stranded.
    it('the outage of us-east-1 strands ≈ λ·d writes there and none in the region that stays up', async () => {
        const report = await run(`${TWO_US_REGIONS}
${dynamoStore('db', { holds: 'per-user register' })}
workload w for db { writes 1000/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 5m  at 1m outage region us-east-1 for 2m  seed 17 }
`);
        const store = report.stores[0]!;
        const expected = 500;
        expect(store.stranded.map((x) => x.region)).toEqual(['us-east-1']);
        expect(Math.abs(store.strandedWrites - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
        expect(report.summary.strandedWrites).toBe(store.strandedWrites);
        expect(store.deliveredAtHeal).toBe(store.strandedWrites);
        expect(store.lostWrites).toBe(0);
    });
});

describe('a promotion elsewhere abandons what the promoted replica never received', () => {
    // Aurora managed failover (docs/facts.md#aurora-managed-failover-time): the old primary rejoins as a secondary and its unreplicated writes are
    // gone. The promotion happens long after the outage began, so what it abandons is exactly what was stranded
    // at the cut: Poisson(λ·d). The RPO is the age of the oldest of them at the cut: in (d − 10 ms, d], since 10 ms
    // without a write has probability e^(−λ·10 ms) ≤ e^(−20) at these rates.
    it.each([
        { name: 'lag 1 s at 2000 writes/s loses ≈ 2000 writes, within 10 %', lag: '1s', rate: 2000, delayMs: 1000 },
        {
            name: 'lag 250 ms at 8000 writes/s loses ≈ 2000 writes, within 10 %',
            lag: '250ms',
            rate: 8000,
            delayMs: 250,
        },
        {
            name: 'a lag declared below RTT/2 is floored at the one-way transit: 39 ms at 50,000 writes/s ≈ 1950',
            lag: '10ms',
            rate: 50_000,
            delayMs: 39,
        },
    ])('$name', async ({ lag, rate, delayMs }) => {
        const report = await run(`${TWO_US_REGIONS}
${auroraDb(lag)}
failover db {
    detect health-check every 10s threshold 3 timeout 0s
    action promote db
    drill  every 30d
}
workload w for db { writes ${rate}/s from us-east-1 100% }
scenario s { workload w  duration 4m  at 1m outage region us-east-1 for 2m  seed 3 }
`);
        const store = report.stores[0]!;
        const expected = (rate * delayMs) / SECOND;
        expect(Math.abs(store.lostWrites - expected)).toBeLessThanOrEqual(0.1 * expected);
        expect(store.rpoMs!).toBeLessThanOrEqual(delayMs);
        expect(store.rpoMs!).toBeGreaterThan(delayMs - 10);
        const promoted = report.timeline.find(
            (e) => e.kind === 'action-done' && e.text === 'db now accepts writes in us-west-2',
        )!;
        expect(store.losses).toEqual([
            {
                region: 'us-east-1',
                atMs: promoted.atMs,
                lostWrites: store.lostWrites,
                rpoMs: store.rpoMs,
                fault: 0,
                cause: 'promotion',
                primaryAfter: 'us-west-2',
            },
        ]);
        // Detection (20–30 s) plus the promotion (the facts table's minute) after the cut, while the region is still down.
        expect(promoted.atMs).toBeGreaterThan(60_000 + 20_000);
        expect(promoted.atMs).toBeLessThan(180_000);
        const [cut] = store.stranded;
        expect(cut).toMatchObject({
            region: 'us-east-1',
            cutAtMs: 60_000,
            lostWrites: store.lostWrites,
            lostAtMs: promoted.atMs,
            deliveredWrites: 0,
            healedAtMs: null,
        });
        expect(cut!.strandedWrites).toBe(store.lostWrites);
    });

    it('delivers the stranded writes when the region is back before the promotion completes', async () => {
        // The outage lasts 40 s: detection (20–30 s in) starts a 1-minute promotion, which health checks passing
        // again cannot cancel. By then us-west-2 has applied everything stranded in us-east-1 (one lag after the
        // heal); the promotion abandons only the writes in flight at that moment: Poisson(λ·d).
        const report = await run(`${TWO_US_REGIONS}
${auroraDb('1s')}
failover db {
    detect health-check every 10s threshold 3 timeout 0s
    action promote db
    drill  every 30d
}
workload w for db { writes 500/s from us-east-1 100% }
scenario s { workload w  duration 5m  at 1m outage region us-east-1 for 40s  seed 3 }
`);
        const store = report.stores[0]!;
        const [cut] = store.stranded;
        expect(cut).toMatchObject({ cutAtMs: 60_000, healedAtMs: 100_000, deliveredByMs: 101_000, lostWrites: 0 });
        expect(cut!.deliveredWrites).toBe(cut!.strandedWrites);
        expect(Math.abs(cut!.strandedWrites - 500)).toBeLessThanOrEqual(4 * Math.sqrt(500));
        expect(report.failovers[0]).toMatchObject({ falseAlarm: false, outcome: 'completed' });
        expect(store.losses).toHaveLength(1);
        expect(store.losses[0]!.atMs).toBe(report.failovers[0]!.completedAtMs);
        expect(Math.abs(store.lostWrites - 500)).toBeLessThanOrEqual(4 * Math.sqrt(500));
    });
});

describe('a destroyed region loses what no other replica had applied', () => {
    // `destroy` removes the storage: Poisson(λ·d) writes lost at once, RPO = age of the oldest ∈ (d − 25 ms, d],
    // and the region never comes back (its users' writes fail to the end).
    it.each([
        { name: 'lag 1 s at 1000 writes/s loses ≈ 1000 writes with RPO ≈ 1 s', lag: '1s', rate: 1000, delayMs: 1000 },
        { name: 'lag 5 s at 200 writes/s loses ≈ 1000 writes with RPO ≈ 5 s', lag: '5s', rate: 200, delayMs: 5000 },
        {
            name: 'lag 250 ms at 4000 writes/s loses ≈ 1000 writes with RPO ≈ 250 ms',
            lag: '250ms',
            rate: 4000,
            delayMs: 250,
        },
        {
            name: 'a lag declared below RTT/2 is floored at the one-way transit (39 ms)',
            lag: '10ms',
            rate: 4000,
            delayMs: 39,
        },
    ])('$name', async ({ lag, rate, delayMs }) => {
        const report = await run(`${TWO_US_REGIONS}
${auroraDb(lag)}
workload w for db { writes ${rate}/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 5m destroy region us-east-1  seed 3 }
`);
        const expected = (rate * delayMs) / SECOND;
        const store = report.stores[0]!;
        expect(Math.abs(store.lostWrites - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
        expect(store.rpoMs!).toBeLessThanOrEqual(delayMs);
        expect(store.rpoMs!).toBeGreaterThan(delayMs - 25);
        expect(report.summary.worstRpoMs).toBe(store.rpoMs);
        expect(store.losses).toEqual([
            {
                region: 'us-east-1',
                atMs: 300_000,
                lostWrites: store.lostWrites,
                rpoMs: store.rpoMs,
                fault: 0,
                cause: 'destroyed',
                primaryAfter: null,
            },
        ]);
        expect(store.strandedWrites).toBe(0);
        expect(report.scenario.faults[0]).toMatchObject({ kind: 'destroy', atMs: 300_000, untilMs: 600_000 });
        // Nothing is acknowledged after the destruction: λ × 5 minutes, ± 4σ.
        expect(Math.abs(store.writes.acknowledged - rate * 300)).toBeLessThanOrEqual(4 * Math.sqrt(rate * 300));
        expect(report.timeline.some((e) => e.kind === 'fault-end')).toBe(false);
    });
});

describe('last-writer-wins after a partition: nothing lost, stranded writes delivered and some overwritten', () => {
    // K shared keys, each written from both regions as Poisson processes of rate λ per key per side. During a
    // partition of length P each side's writes are stranded (kept, sent at the heal). At the heal, a key both
    // sides wrote meanwhile keeps the newer of the two last values: exactly one stranded value per such key is
    // overwritten. Expected overwritten = K·(1 − e^(−λ(P + d)))², binomial: tolerance 4σ. Edge effects (writes
    // within d of the heal) are of order K·λ·d = 0.05 keys.
    const K = 1000;
    const perKeyPerSide = 0.005;
    const P = 600;
    const d = 0.1;

    it('a DynamoDB MREC table partitioned for 10 minutes loses nothing and reports the overwritten at heal', async () => {
        const report = await run(`${TWO_US_REGIONS}
${dynamoStore('carts', { holds: 'shared rows', lag: '100ms' })}
workload w for carts { writes ${2 * K * perKeyPerSide}/s from us-east-1 50%, us-west-2 50%  keys ${K} shared 100% }
scenario s { workload w  duration 12m  at 1m partition us-east-1 <-> us-west-2 for 10m  seed 11 }
`);
        const store = report.stores[0]!;
        const p = 1 - Math.exp(-perKeyPerSide * (P + d));
        const expected = K * p * p;
        expect(store.lostWrites).toBe(0);
        expect(Math.abs(store.overwrittenAtHeal - expected)).toBeLessThanOrEqual(
            4 * Math.sqrt(K * p * p * (1 - p * p)),
        );
        expect(store.overwrittenAtHeal).toBeLessThanOrEqual(store.discardedWrites);
        expect(report.summary.overwrittenAtHeal).toBe(store.overwrittenAtHeal);
        // Both sides are cut off for the whole partition; each strands about λ·K·P writes (Poisson, 4σ) and delivers
        // all of them one lag after the heal (the drain is instant beyond the lag: no catch-up rate is modelled).
        const perSide = K * perKeyPerSide * P;
        expect(store.stranded.map((x) => x.region).sort()).toEqual(['us-east-1', 'us-west-2']);
        for (const x of store.stranded) {
            expect(x).toMatchObject({ cutAtMs: 60_000, healedAtMs: 660_000, lostWrites: 0, lostAtMs: null });
            expect(Math.abs(x.strandedWrites - perSide)).toBeLessThanOrEqual(4 * Math.sqrt(perSide));
            expect(x.deliveredWrites).toBe(x.strandedWrites);
            expect(x.deliveredByMs! - x.healedAtMs!).toBe(d * SECOND);
        }
        expect(store.stranded.reduce((a, x) => a + x.overwrittenWrites, 0)).toBe(store.overwrittenAtHeal);
    });
});
