// Irreversible actions and split brain (issue 14 §3): a promotion that has started completes even when the
// health checks recover meanwhile; a promotion on a false alarm is counted in the summary; an old primary that
// nothing fences keeps taking its region's writes next to the new one, and the report counts both sides.
// Expected values are worked out here: Poisson writes at λ per second per origin, the windows from the timeline.
import { describe, expect, it } from 'vitest';
import { run, SECOND, TWO_US_REGIONS } from './helpers.js';

const store = (engine: string) => `store db {
    engine      ${engine}
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag 1s
    consistency eventual
}
failover db {
    detect health-check every 10s threshold 3 timeout 0s
    action promote db takes 1m
    drill  every 30d
}`;

/** Poisson count of mean `mean`: within 4 standard deviations. */
function expectPoisson(measured: number, mean: number): void {
    expect(Math.abs(measured - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
}

describe('a flapping health check during a 1-minute promotion', () => {
    // The check fails for 40 s, passes for 40 s, …: three failures every 10 s detect the "failure" 20–30 s in,
    // the promotion starts then and takes 1 minute; in the passing 40 s the check recovers (three passes), which
    // no longer cancels anything. The region never went down, so the promotion abandons only the writes in
    // flight to us-west-2 at that moment: Poisson(λ·lag).
    const scenario =
        'scenario s { workload w  duration 5m  at 1m flap health-check db in us-east-1 every 40s for 3m  seed 2 }';

    it('completes the promotion and says it could not be cancelled, and that it ran on a false alarm', async () => {
        const report = await run(`${TWO_US_REGIONS}
${store('aurora')}
workload w for db { writes 1000/s from us-east-1 100% }
${scenario}
`);
        expect(report.failovers).toHaveLength(1);
        const f = report.failovers[0]!;
        expect(f).toMatchObject({
            target: 'db',
            region: 'us-east-1',
            falseAlarm: true,
            outcome: 'completed',
            committedAtMs: f.detectedAtMs,
        });
        expect(f.detectedAtMs).toBeGreaterThanOrEqual(60_000 + 20 * SECOND);
        expect(f.detectedAtMs).toBeLessThan(60_000 + 30 * SECOND);
        expect(f.completedAtMs! - f.committedAtMs!).toBeCloseTo(60 * SECOND, 6);
        expect(f.healthyAgainAtMs!).toBeGreaterThan(f.committedAtMs!);
        expect(f.healthyAgainAtMs!).toBeLessThan(f.completedAtMs!);
        expect(report.summary.falseAlarmFailovers).toBe(1);
        const committed = report.timeline.find((e) => e.kind === 'failover-committed')!;
        expect(committed.atMs).toBe(f.healthyAgainAtMs);
        expect(committed.text).toMatch(
            /cannot be cancelled.*promote db in us-west-2 continues and the failover completes/,
        );
        expect(report.timeline.some((e) => e.kind === 'failover-abandoned')).toBe(false);
        expect(report.timeline.find((e) => e.text === 'db now accepts writes in us-west-2')!.atMs).toBe(
            f.completedAtMs,
        );
        const db = report.stores[0]!;
        expectPoisson(db.lostWrites, 1000);
        expect(db.losses[0]).toMatchObject({ atMs: f.completedAtMs, cause: 'promotion', primaryAfter: 'us-west-2' });
        // Aurora's managed failover fences the old primary (docs/facts.md#aurora-managed-failover-time): no second primary.
        expect(report.splitBrain).toEqual([]);
        expect(report.summary.splitBrainWrites).toBe(0);
    });

    it("without a fence, the old primary keeps its region's writes: split brain from the promotion to the end", async () => {
        const report = await run(`${TWO_US_REGIONS}
${store('postgres')}
workload w for db { writes 1000/s from us-east-1 50%, us-west-2 50% }
${scenario}
`);
        const f = report.failovers[0]!;
        expect(f.outcome).toBe('completed');
        expect(report.splitBrain).toHaveLength(1);
        const b = report.splitBrain[0]!;
        expect(b).toMatchObject({
            store: 'db',
            oldPrimary: 'us-east-1',
            newPrimary: 'us-west-2',
            promotedAtMs: f.completedAtMs,
            startMs: f.completedAtMs,
            endMs: null,
        });
        // Each origin writes 500/s; from the promotion to the end each side takes its own region's writes.
        const windowS = (300_000 - b.startMs!) / SECOND;
        expectPoisson(b.writesOldPrimary, 500 * windowS);
        expectPoisson(b.writesNewPrimary, 500 * windowS);
        expect(report.summary.splitBrainWrites).toBe(b.writesOldPrimary);
        expect(report.timeline.find((e) => e.kind === 'split-brain')!.atMs).toBe(b.startMs);
    });
});

describe('an old primary that comes back after an outage', () => {
    // The outage (1 m – 4 m) is detected and the promotion completes while us-east-1 is down; when it returns,
    // nothing has fenced it, so its users' writes land there again: split brain from the return to the end.
    it('is counted from its return, with the writes each side accepted', async () => {
        const report = await run(`${TWO_US_REGIONS}
${store('postgres')}
workload w for db { writes 1000/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 6m  at 1m outage region us-east-1 for 3m  seed 2 }
`);
        const b = report.splitBrain[0]!;
        expect(b.promotedAtMs).toBeLessThan(240_000);
        expect(b.startMs).toBe(240_000);
        expectPoisson(b.writesOldPrimary, 500 * 120);
        expectPoisson(b.writesNewPrimary, 500 * 120);
        // What us-east-1 held alone at the cut was abandoned at the promotion: Poisson(λ·lag), where λ = 1000/s
        // (until the promotion both origins write to the primary in us-east-1).
        const db = report.stores[0]!;
        expectPoisson(db.lostWrites, 1000);
        expect(db.stranded[0]).toMatchObject({ cutAtMs: 60_000, lostAtMs: b.promotedAtMs, deliveredWrites: 0 });
    });
});

describe('which promotions fence the old primary', () => {
    const scenario =
        'scenario s { workload w  duration 5m  at 1m flap health-check db in us-east-1 every 40s for 3m  seed 2 }';
    // Aurora's managed failover demotes the old primary (docs/facts.md#aurora-managed-failover-time); an Azure Storage
    // account failover moves the account's one endpoint to the secondary (docs/facts.md#azure-storage-account-failover).
    // Nothing documented fences the others.
    it.each([
        ['aurora', 0],
        ['azure-blob', 0],
        ['postgres', 1],
        ['mysql', 1],
    ])('a promotion of an async %s store leaves %i split-brain windows', async (engine, windows) => {
        const report = await run(`${TWO_US_REGIONS}
${store(engine)}
workload w for db { writes 1000/s from us-east-1 50%, us-west-2 50% }
${scenario}
`);
        expect(report.failovers.map((f) => f.outcome)).toEqual(['completed']);
        expect(report.splitBrain).toHaveLength(windows);
        expect(report.summary.splitBrainWrites > 0).toBe(windows > 0);
    });
});
