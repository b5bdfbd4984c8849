// The report's own figures (simulation/report-builder.ts, `buildReport` and its helpers): per service, store,
// origin region and interruption, the failovers, split brains, partial faults and the summary. Small designs
// are simulated on the test's thread and stopped before the report (finished-run.ts); a row either checks a
// figure the design fixes (an outage's length, a round trip, a lag), or sets the run's counters, interruptions,
// runs or histograms to values of its own and checks the report's figures against them, worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Run } from '../../simulation/runtime.js';
import type { SplitBrain } from '../../simulation/split-brain.js';
import type { StalenessBound } from '../../simulation/staleness-bound.js';
import { binOf, LatencyHistogram } from '../../simulation/metrics/histogram.js';
import { IntervalLatencies } from '../../simulation/metrics/interval-latencies.js';
import type { SimulationReport } from '../../simulation/report.js';
import { finishedRun, finishedRunOf, type FinishedRun } from './finished-run.js';
import { auroraDb, consensusStore, designOf, dynamoStore, TWO_US_REGIONS } from './helpers.js';

/** Drops `readonly`: the rows set a finished run's state to values of their own. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };
const writable = <T>(x: T) => x as Writable<T>;

/**
 * Three regions (eu-west-1 unused); `t`, an active-active LWW table of 20 shared keys behind `app` (users in
 * both US regions); `db`, an Aurora database written in us-east-1 behind `solo`, which runs in us-east-1 only.
 * Groups: 0 app in us-east-1, 1 app in us-west-2, 2 solo in us-east-1, 3 solo in us-west-2. us-east-1 is out
 * 1 m → 1 m 20 s of a 2 m run, no failover; the sample interval is 1 s (2 m ÷ 240, rounded up), so 120 ticks.
 */
const BASE = (clauses = '', scenario = 'at 1m outage region us-east-1 for 20s') => `// rules: none
${TWO_US_REGIONS}
region eu-west-1 { provider aws  jurisdiction EU }
${dynamoStore('t', { holds: 'shared rows' })}
${auroraDb('1s')}
service app {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      t
}
service solo {
    regions   us-east-1
    uses      db
}
workload w for app { writes 5/s from us-east-1 50%, us-west-2 50%  reads 4/s from us-east-1 50%, us-west-2 50%  keys 20 shared 100% }
workload v for solo { writes 2/s from us-east-1 50%, us-west-2 50%  keys 20 }
scenario s { workload w, v  duration 2m  ${scenario}  seed 1
    ${clauses}
}
`;

const store = (r: SimulationReport, id: string) => r.stores.find((s) => s.id === id)!;
const service = (r: SimulationReport, id: string) => r.services.find((s) => s.id === id)!;
const byRegion = (r: SimulationReport, id: string, region: string) =>
    service(r, id).byRegion.find((b) => b.region === region)!;

/** Sets group g's counters (writes offered/served, reads offered/served, stale reads). */
function setCounters(run: FinishedRun, g: number, [wo, ws, ro, rs, stale]: number[]) {
    Object.assign(run.sim.groups[g]!.counters, {
        writesOffered: wo,
        writesServed: ws,
        readsOffered: ro,
        readsServed: rs,
        staleReads: stale ?? 0,
    });
}

/** A histogram of (latency ms, writes) pairs. */
function histogram(entries: [number, number][]): LatencyHistogram {
    const h = new LatencyHistogram();
    for (const [ms, n] of entries) h.add(binOf(ms), ms, n);
    return h;
}

describe('figures the design fixes: an outage of us-east-1 for 20 s with no failover', () => {
    it('each group cut off is interrupted from the fault at 1 m to its end at 1 m 20 s: an RTO of 20 s', async () => {
        const report = (await finishedRun(BASE())).report();
        // app's users in us-east-1, and solo's users in both regions (solo runs in us-east-1 only); never served.
        const row = (target: string, usersOf: string) => ({
            target,
            targetName: target,
            usersOf,
            fault: 0,
            faultLabel: 'outage of us-east-1',
            faultAtMs: 60_000,
            startMs: 60_000,
            endMs: 80_000,
            rtoMs: 20_000,
            detectionMs: null,
            routingChangeMs: null,
            worstServedShare: 0,
        });
        expect(report.recovery).toEqual([row('app', 'us-east-1'), row('solo', 'us-east-1'), row('solo', 'us-west-2')]);
        expect([report.summary.worstRtoMs, report.summary.unrecovered]).toEqual([20_000, false]);
        // An outage is no partial fault; nothing failed over or split.
        expect([report.partialFaults, report.failovers, report.splitBrain]).toEqual([[], [], []]);
        expect(service(report, 'app').byRegion.map((b) => b.worstRtoMs)).toEqual([20_000, null]);
        expect(service(report, 'solo').byRegion.map((b) => b.worstRtoMs)).toEqual([20_000, 20_000]);
    });

    it('app’s users of us-east-1 are served in every 1 s sample but the 20 from 60 s; those of us-west-2 in all', async () => {
        const report = (await finishedRun(BASE())).report();
        // Reads flow continuously (2/s from each region), so every sample has requests offered.
        const east = [...Array(60).fill(1), ...Array(20).fill(0), ...Array(40).fill(1)];
        expect(byRegion(report, 'app', 'us-east-1').availabilitySeries).toEqual(east);
        expect(byRegion(report, 'app', 'us-west-2').availabilitySeries).toEqual(Array(120).fill(1));
        expect(report.sampleTimesMs).toEqual(Array.from({ length: 120 }, (_, k) => k * 1_000));
    });

    it('db’s writes from us-west-2 pay the 78 ms round trip to its primary, those of us-east-1 nothing', async () => {
        const report = (await finishedRun(BASE())).report();
        const flat = (ms: number) => ({ min: ms, p50: ms, p95: ms, p99: ms, max: ms });
        // solo's users write db only: its requests' latencies are db's.
        expect(byRegion(report, 'solo', 'us-east-1').writeLatencyMs).toEqual(flat(0));
        expect(byRegion(report, 'solo', 'us-west-2').writeLatencyMs).toEqual(flat(78));
        expect(store(report, 'db').byRegion.map((b) => [b.region, b.writeLatencyMs])).toEqual([
            ['us-east-1', flat(0)],
            ['us-west-2', flat(78)],
        ]);
        // t acknowledges in the writer's region: 0 ms everywhere.
        expect(store(report, 't').writeLatencyMs).toEqual(flat(0));
        expect(service(report, 'app').writeLatencyMs).toEqual(flat(0));
    });

    it('t’s writes in us-east-1 not yet replicated at the cut are stranded, all delivered a lag after the heal', async () => {
        const report = (await finishedRun(BASE())).report();
        const t = store(report, 't');
        expect(t.stranded).toHaveLength(1);
        const x = t.stranded[0]!;
        // Cut at 60 s, healed at 80 s, the backlog applied one 1 s lag later; nothing lost or lost-at.
        expect(x).toMatchObject({
            region: 'us-east-1',
            fault: 0,
            cutAtMs: 60_000,
            healedAtMs: 80_000,
            deliveredByMs: 81_000,
            lostWrites: 0,
            lostAtMs: null,
        });
        // The stranded writes are those of the last lag before the cut.
        expect(x.strandedWrites).toBeGreaterThan(0);
        expect(x.deliveredWrites).toBe(x.strandedWrites);
        expect(x.oldestAtMs!).toBeGreaterThanOrEqual(59_000);
        expect(x.oldestAtMs!).toBeLessThan(60_000);
        expect([t.strandedWrites, t.deliveredAtHeal]).toEqual([x.strandedWrites, x.strandedWrites]);
        // Both links of t were cut at 60 s and healed at 80 s; the store's drain gathers both heals.
        expect(t.lag.map((l) => l.heals.map((h) => [h.cutAtMs, h.atMs]))).toEqual([
            [[60_000, 80_000]],
            [[60_000, 80_000]],
        ]);
        expect(t.drain!.heals).toBe(2);
        // db (Aurora, 1 s lag) strands what its writer in us-east-1 acknowledged in the last lag before the cut,
        // if it wrote anything then (2 writes/s): at most one record, delivered at the heal like t's.
        const db = store(report, 'db').stranded;
        expect(db.length).toBeLessThanOrEqual(1);
        for (const y of db) {
            expect(y).toMatchObject({ region: 'us-east-1', cutAtMs: 60_000, healedAtMs: 80_000, lostWrites: 0 });
            expect(y.deliveredWrites).toBe(y.strandedWrites);
            expect(y.oldestAtMs!).toBeGreaterThanOrEqual(59_000);
        }
        const dbStranded = db.reduce((sum, y) => sum + y.strandedWrites, 0);
        expect([report.summary.strandedWrites, report.summary.deliveredAtHeal]).toEqual([
            x.strandedWrites + dbStranded,
            x.strandedWrites + dbStranded,
        ]);
    });

    it('a stranding counts its writes times the sampling factor', async () => {
        const one = (await finishedRun(BASE())).report();
        const run = await finishedRun(BASE());
        writable(run.sim).weight = 3;
        const x = store(run.report(), 't').stranded[0]!;
        expect(x.strandedWrites).toBe(3 * store(one, 't').stranded[0]!.strandedWrites);
    });

    it('the stores’ replication, conflicts, engine and tracked keys are the declared ones', async () => {
        const report = (await finishedRun(BASE())).report();
        const t = store(report, 't');
        const db = store(report, 'db');
        expect([t.engine, t.replication, t.conflicts]).toEqual([
            'dynamodb',
            { mode: 'async', lagMs: 1_000, quorum: null },
            'lww',
        ]);
        expect([db.engine, db.replication, db.conflicts]).toEqual([
            'aurora',
            { mode: 'async', lagMs: 1_000, quorum: null },
            'single-owner',
        ]);
        // 20 keys, all shared: each tracked one by one, at scale 1 (every write simulated).
        expect(t.conflictTracking).toEqual({ trackedKeys: 20, sharedKeys: 20, scale: 1 });
        expect(db.conflictTracking).toBeNull();
        // Every replica of t receives the other's writes 1 s later: the lag series reads 1 s where it has a value.
        expect(t.lag.map((l) => [l.from, l.to, l.maxMs])).toEqual([
            ['us-east-1', 'us-west-2', 1_000],
            ['us-west-2', 'us-east-1', 1_000],
        ]);
    });

    it('the scenario and run blocks restate the scenario, its faults and the run’s counts', async () => {
        const run = await finishedRun(BASE());
        const report = run.report();
        expect(report.scenario).toEqual({
            name: 's',
            // The scenario's line in the design text above.
            line:
                BASE()
                    .split('\n')
                    .findIndex((l) => l.startsWith('scenario s')) + 1,
            durationMs: 120_000,
            seed: 1,
            workloads: ['w', 'v'],
            faults: [
                {
                    index: 0,
                    kind: 'outage',
                    label: 'outage of us-east-1',
                    atMs: 60_000,
                    untilMs: 80_000,
                    line: report.scenario.line,
                },
            ],
        });
        const { resolution } = run;
        expect(report.run).toEqual({
            resolution: { mode: 'exact', sampling: 1, declaredMs: null, note: resolution.note },
            eventBudget: 50_000_000,
            estimatedEvents: Math.round(resolution.estimate.events),
            events: run.sim.events + run.sim.appliesInBulk,
            simulatedWrites: run.sim.simulatedWrites,
            sampleIntervalMs: 1_000,
        });
        expect(report.networkJitter.modelled).toBe(false);
        expect(report.design.topology).toBe('T');
    });

    it('the run block of a sampled run: events estimated per simulated write, applied deliveries counted', async () => {
        const run = await finishedRun(BASE());
        writable(run.sim).appliesInBulk = 7;
        const sampled = {
            mode: 'sampled' as const,
            sampling: 4,
            note: 'one write in 4 simulated',
            estimate: { ...run.resolution.estimate, events: 1_002 },
        };
        const report = run.report(sampled);
        // 1,002 events estimated at full rate ÷ 4 = 250.5, rounded to 251; the engine's events and 7 applied.
        expect([report.run.estimatedEvents, report.run.events]).toEqual([251, run.sim.events + 7]);
        expect(report.run.resolution).toEqual({
            mode: 'sampled',
            sampling: 4,
            declaredMs: null,
            note: 'one write in 4 simulated',
        });
        expect(report.generator).toEqual({ name: 'mregion', engine: 'mregion-des 1' });
    });
});

describe('the report’s design and objectives', () => {
    it('a model without a topology names none', async () => {
        const model = await designOf(BASE());
        const run = finishedRunOf({ ...model, topology: undefined });
        expect(run.report().design.topology).toBeNull();
    });

    it('an objective is judged on the run’s measurements: app’s users of us-east-1 were out 20 s', async () => {
        const report = (
            await finishedRun(BASE().replace('    uses      t\n', '    uses      t\n    objective rto 5m\n'))
        ).report();
        expect(report.objectives.map((o) => [o.owner, o.metric, o.measured, o.passed])).toEqual([
            ['app', 'rto', 20_000, true],
        ]);
    });
});

describe('the report’s timeline', () => {
    it('the timeline in the order of time, whatever order the rows were recorded in', async () => {
        const run = await finishedRun(BASE());
        const timeline = run.sim.timeline;
        const row = (atMs: number, text: string) =>
            ({
                atMs,
                kind: 'fault-start',
                text,
                target: null,
                region: null,
                clause: null,
            }) as (typeof timeline)[number];
        timeline.length = 0;
        timeline.push(row(30, 'c'), row(10, 'a'), row(20, 'b'));
        expect(run.report().timeline.map((e) => [e.atMs, e.text])).toEqual([
            [10, 'a'],
            [20, 'b'],
            [30, 'c'],
        ]);
        // The run's own list keeps its order.
        expect(timeline.map((e) => e.text)).toEqual(['c', 'a', 'b']);
    });
});

describe('users and regions: served ÷ offered from the groups’ counters', () => {
    // Counters set by hand (writes offered, served, reads offered, served, stale):
    //   app in us-east-1 300, 240, 100, 60.0006, 15; app in us-west-2 200, 200, 0, 0; solo in us-east-1 nothing;
    //   solo in us-west-2 3, 2, 0, 0.
    const counted = async () => {
        const run = await finishedRun(BASE());
        setCounters(run, 0, [300, 240, 100, 60.0006, 15]);
        setCounters(run, 1, [200, 200, 0, 0]);
        setCounters(run, 2, [0, 0, 0, 0]);
        setCounters(run, 3, [3, 2, 0, 0]);
        return run;
    };

    it.each([
        // 300 + 100 + 200 = 600 offered; 240 + 60.0006 + 200 = 500.0006 served (500.001 to three places).
        { name: 'app: 500.0006 of 600, 0.833334333', id: 'app', figures: [600, 500.001, 0.833334333] },
        // 3 offered, 2 served: 0.666666667 to nine places.
        { name: 'solo: 2 of 3, 0.666666667', id: 'solo', figures: [3, 2, 0.666666667] },
    ])('a service adds its groups: $name', async ({ id, figures }) => {
        const s = service((await counted()).report(), id);
        expect([s.offered, s.served, s.availability]).toEqual(figures);
    });

    it.each([
        // 400 offered, 300.0006 served: 0.7500015.
        {
            name: 'app in us-east-1: 300.0006 of 400',
            id: 'app',
            region: 'us-east-1',
            figures: [400, 300.001, 0.7500015],
        },
        { name: 'app in us-west-2: 200 of 200', id: 'app', region: 'us-west-2', figures: [200, 200, 1] },
        { name: 'solo in us-east-1: nothing offered', id: 'solo', region: 'us-east-1', figures: [0, 0, null] },
        { name: 'solo in us-west-2: 2 of 3', id: 'solo', region: 'us-west-2', figures: [3, 2, 0.666666667] },
    ])('$name: a service’s users of one region', async ({ id, region, figures }) => {
        const b = byRegion((await counted()).report(), id, region);
        expect([b.offered, b.served, b.availability]).toEqual(figures);
    });

    it('each origin region adds every service’s users there; a region nobody is in is left out', async () => {
        const report = (await counted()).report();
        expect(report.regions).toEqual([
            // 400 + 0 offered, 300.0006 + 0 served.
            { region: 'us-east-1', offered: 400, served: 300.001, availability: 0.7500015 },
            // 200 + 3 offered, 200 + 2 served: 202 ÷ 203 = 1 − 1/203 = 0.995073892.
            { region: 'us-west-2', offered: 203, served: 202, availability: 0.995073892 },
        ]);
    });

    it('the summary adds every group: 502.0006 of 603 served, 15 of 60.0006 reads stale', async () => {
        const { summary } = (await counted()).report();
        // 502.0006 ÷ 603 = 0.832504146 + 0.0006 ÷ 603 (0.000000995) = 0.832505141; 15 ÷ 60.0006 = 0.2499975.
        expect([summary.availability, summary.staleReadShare]).toEqual([0.832505141, 0.2499975]);
    });

    it.each([
        { name: 'a store whose staleness is unknown', stale: [false, true], reads: 60, share: null },
        { name: 'no read served at all', stale: [true, true], reads: 0, share: null },
        { name: 'every store known, 15 of 60 stale', stale: [true, true], reads: 60, share: 0.25 },
    ])('the stale-read share with $name', async ({ stale, reads, share }) => {
        const run = await counted();
        setCounters(run, 0, [300, 240, 100, reads, 15]);
        stale.forEach((known, s) => (run.sim.storeCounters[s]!.staleKnown = known));
        expect(run.report().summary.staleReadShare).toBe(share);
    });

    it('nothing offered anywhere: no availability, and no region in the shares', async () => {
        const run = await counted();
        for (const g of [0, 1, 3]) setCounters(run, g, [0, 0, 0, 0]);
        const report = run.report();
        expect([report.summary.availability, service(report, 'app').availability, report.regions]).toEqual([
            null,
            null,
            [],
        ]);
    });

    it('the availability series: served ÷ offered per sample, writes and reads, none where nothing was offered', async () => {
        const run = await counted();
        const g = run.sim.groups[3]!;
        for (const series of [g.seriesWritesOffered, g.seriesWritesServed, g.seriesReadsOffered, g.seriesReadsServed])
            series.fill(0);
        // Sample 0: 3 of 4 (writes 2 of 3, reads 1 of 1); sample 1: 1 of 3 (0.333333 to six places; writes only);
        // sample 2: 0 of 2 (reads only).
        [3, 3, 0].forEach((n, k) => (g.seriesWritesOffered[k] = n));
        [2, 1, 0].forEach((n, k) => (g.seriesWritesServed[k] = n));
        [1, 0, 2].forEach((n, k) => (g.seriesReadsOffered[k] = n));
        [1, 0, 0].forEach((n, k) => (g.seriesReadsServed[k] = n));
        expect(byRegion(run.report(), 'solo', 'us-west-2').availabilitySeries).toEqual([
            0.75,
            0.333333,
            0,
            ...Array(117).fill(null),
        ]);
    });
});

describe('who a service’s and a store’s figures are of', () => {
    /** BASE with users writing t directly from us-west-2, declared first: group 0 is theirs (a store's). */
    const DIRECT = BASE()
        .replace('workload w for app', 'workload x for t { writes 1/s from us-west-2 100% }\nworkload w for app')
        .replace('workload w, v', 'workload x, w, v');

    it('a service: its id, posture, regions and no cell; users writing its store directly are not its', async () => {
        const run = await finishedRun(DIRECT);
        expect(run.sim.groups.map((g) => [g.plan.kind, g.plan.target, g.plan.origin])).toEqual([
            ['store', 0, 1],
            ['service', 0, 0],
            ['service', 0, 1],
            ['service', 1, 0],
            ['service', 1, 1],
        ]);
        // The direct writers' counters would show in app's figures were they counted: 1,000 offered, none served.
        setCounters(run, 0, [1_000, 0, 0, 0]);
        setCounters(run, 1, [10, 10, 0, 0]);
        setCounters(run, 2, [10, 5, 0, 0]);
        const app = service(run.report(), 'app');
        expect([app.id, app.name, app.cell, app.posture, app.regions]).toEqual([
            'app',
            'app',
            null,
            'active-active',
            ['us-east-1', 'us-west-2'],
        ]);
        expect([app.offered, app.served, app.byRegion.map((b) => b.region)]).toEqual([
            20,
            15,
            ['us-east-1', 'us-west-2'],
        ]);
        const solo = service(run.report(), 'solo');
        expect([solo.posture, solo.regions]).toEqual([null, ['us-east-1']]);
    });

    it('a store’s writers by origin region, in the regions’ order, those of one region merged', async () => {
        const run = await finishedRun(DIRECT);
        const [direct, east, west] = run.sim.groups;
        // t in us-west-2: the direct writers' 1 write at 7 ms and app's 1 at 5; in us-east-1 app's 1 at 3 ms.
        writable(direct!.histograms)[0] = histogram([[7, 1]]);
        writable(east!.histograms)[0] = histogram([[3, 1]]);
        writable(west!.histograms)[0] = histogram([[5, 1]]);
        const series = (tick: number, ms: number) => {
            const s = new IntervalLatencies();
            s.add(tick, ms, 1);
            return s;
        };
        writable(direct!.intervalLatencies)[0] = series(0, 7);
        writable(east!.intervalLatencies)[0] = series(0, 3);
        writable(west!.intervalLatencies)[0] = series(1, 5);
        const t = store(run.report(), 't');
        expect(t.byRegion.map((b) => [b.region, b.writeLatencyMs])).toEqual([
            ['us-east-1', { min: 3, p50: 3, p95: 3, p99: 3, max: 3 }],
            // Two writes: the first (p50) at 5 ms, the second (p95, p99) at 7.
            ['us-west-2', { min: 5, p50: 5, p95: 7, p99: 7, max: 7 }],
        ]);
        expect(t.byRegion.map((b) => b.writeLatencySeries.acknowledged.slice(0, 3))).toEqual([
            [1, 0, 0],
            [1, 1, 0],
        ]);
        // Three writes for the store: 3, 5 and 7 ms; the 2nd (p50) at 5.
        expect(t.writeLatencyMs).toEqual({ min: 3, p50: 5, p95: 7, p99: 7, max: 7 });
    });

    it('a store’s tracked keys: each workload’s tracked and shared keys, and the scale per sampled write', async () => {
        const run = await finishedRun(
            BASE()
                .replace(
                    'workload v for solo',
                    'workload y for t { writes 1/s from us-east-1 100%  keys 10 shared 100% }\nworkload v for solo',
                )
                .replace('workload w, v', 'workload w, v, y'),
        );
        // Set by hand: 7 and 5 keys tracked of the two workloads; scale 1.2345678 at a sampling factor of 2.
        const limits = run.sim.trackedLimit[0]!;
        expect([...limits.keys()]).toHaveLength(2);
        [...limits.keys()].forEach((w, i) => limits.set(w, i === 0 ? 7 : 5));
        run.sim.conflictScale[0] = 1.2345678;
        writable(run.sim).weight = 2;
        // Shared keys: 20 of w and 10 of y; 2.4691356 to six places.
        expect(store(run.report(), 't').conflictTracking).toEqual({ trackedKeys: 12, sharedKeys: 30, scale: 2.469136 });
    });

    it('a store whose workloads share no key tracks none', async () => {
        const run = await finishedRun(BASE().replace('keys 20 shared 100%', 'keys 20'));
        expect(store(run.report(), 't').conflictTracking).toBeNull();
    });
});

describe('strandings: each cut-off that held writes, as its record says', () => {
    it('each record: its writes from the log (times the factor), times and counts; an empty one is left out', async () => {
        const run = await finishedRun(BASE());
        const end = run.sim.logs[0]![1]!.end;
        const record = (r: object) =>
            ({ store: 0, fault: 0, firstTime: 0, healedAt: -1, deliveredAt: -1, lostAt: -1, ...r }) as never;
        const all = run.sim.fates[0]!.all;
        all.length = 0;
        all.push(
            // Entries 5–9 of us-east-1's log: 4 stranded; delivered by 12.3456 ms, lost at 0 ms.
            record({
                ...{ slot: 0, fault: -1, cutAt: 10_000, firstIndex: 5, endIndex: 9, firstTime: 9_500 },
                ...{ deliveredAt: 12.3456, delivered: 3, lost: 1, lostAt: 0, overwritten: 0.0004 },
            }),
            // Nothing past the cut: no stranding.
            record({ slot: 1, cutAt: 20_000, firstIndex: 5, endIndex: 5, delivered: 0, lost: 0, overwritten: 0 }),
            // Still cut off: the last 2 entries of us-west-2's log; healed at 0 ms, delivered by 0 ms.
            record({
                ...{ slot: 1, cutAt: 30_000, firstIndex: end - 2, endIndex: -1, firstTime: 29_000, healedAt: 0 },
                ...{ deliveredAt: 0, delivered: 0, lost: 0, overwritten: 1.2346 },
            }),
            // Entry 0 of us-east-1's log, never delivered.
            record({
                slot: 0,
                cutAt: 40_000,
                firstIndex: 0,
                endIndex: 1,
                firstTime: 39_000,
                delivered: 0,
                lost: 0,
                overwritten: 0,
            }),
        );
        writable(run.sim).weight = 2;
        const report = run.report();
        const t = store(report, 't');
        expect(t.stranded).toEqual([
            {
                ...{ region: 'us-east-1', fault: null, cutAtMs: 10_000, oldestAtMs: 9_500, strandedWrites: 8 },
                ...{ healedAtMs: null, deliveredWrites: 3, deliveredByMs: 12.346, lostWrites: 1, lostAtMs: 0 },
                overwrittenWrites: 0,
            },
            {
                ...{ region: 'us-west-2', fault: 0, cutAtMs: 30_000, oldestAtMs: 29_000, strandedWrites: 4 },
                ...{ healedAtMs: 0, deliveredWrites: 0, deliveredByMs: 0, lostWrites: 0, lostAtMs: null },
                overwrittenWrites: 1.235,
            },
            {
                ...{ region: 'us-east-1', fault: 0, cutAtMs: 40_000, oldestAtMs: 39_000, strandedWrites: 2 },
                ...{ healedAtMs: null, deliveredWrites: 0, deliveredByMs: null, lostWrites: 0, lostAtMs: null },
                overwrittenWrites: 0,
            },
        ]);
        // (4 + 2 + 1) × 2 stranded, 3 + 0 + 0 delivered; the summary adds db's own (its records were left as run).
        expect([t.strandedWrites, t.deliveredAtHeal]).toEqual([14, 3]);
        const db = store(report, 'db');
        expect([report.summary.strandedWrites, report.summary.deliveredAtHeal]).toEqual([
            14 + db.strandedWrites,
            3 + db.deliveredAtHeal,
        ]);
    });

    it('a stranding on a replica without a write log is an error that names the store and replica', async () => {
        const run = await finishedRun(BASE());
        // db has two replicas (slots 0 and 1): a record on a third has no log to count from.
        expect(run.sim.logs[1]![2]).toBeUndefined();
        run.sim.fates[1]!.all.push({ slot: 2, firstIndex: 0, endIndex: 1 } as never);
        expect(() => run.report()).toThrow('db: a stranding on replica 2, which has no write log');
    });
});

describe('interruptions: each one’s RTO from its fault (or its start), the worst per group and overall', () => {
    // Set by hand, in this order: app in us-west-2 from 110 s, never over; app in us-east-1 from 61 s (fault 0,
    // at 60 s) to 95 s, detected at 70 s, routed at 75 s; solo in us-west-2 from 100 s to 107 s, no fault.
    const interrupted = async () => {
        const run = await finishedRun(BASE());
        const episodes = run.sim.episodes;
        episodes.length = 0;
        episodes.push(
            { group: 1, fault: 0, start: 110_000, worstServed: 0.5 },
            {
                group: 0,
                fault: 0,
                start: 61_000,
                end: 95_000,
                detectionAt: 70_000,
                routingAt: 75_000,
                worstServed: 0.12345649,
            },
            { group: 3, fault: -1, start: 100_000, end: 107_000, worstServed: 1 / 3 },
        );
        return run;
    };

    it('each interruption’s row: RTO from its fault’s time, or from its start when no fault is blamed', async () => {
        const { recovery } = (await interrupted()).report();
        const fault = { fault: 0, faultLabel: 'outage of us-east-1', faultAtMs: 60_000 };
        const none = { fault: null, faultLabel: null, faultAtMs: null };
        expect(recovery).toEqual([
            {
                ...{ target: 'app', targetName: 'app', usersOf: 'us-west-2', ...fault },
                ...{ startMs: 110_000, endMs: null, rtoMs: null, detectionMs: null, routingChangeMs: null },
                worstServedShare: 0.5,
            },
            {
                ...{ target: 'app', targetName: 'app', usersOf: 'us-east-1', ...fault },
                // 95 s − 60 s (the fault, not the start at 61 s); 0.12345649 to six places.
                ...{ startMs: 61_000, endMs: 95_000, rtoMs: 35_000, detectionMs: 70_000, routingChangeMs: 75_000 },
                worstServedShare: 0.123456,
            },
            {
                ...{ target: 'solo', targetName: 'solo', usersOf: 'us-west-2', ...none },
                // 107 s − 100 s; a third to six places.
                ...{ startMs: 100_000, endMs: 107_000, rtoMs: 7_000, detectionMs: null, routingChangeMs: null },
                worstServedShare: 0.333333,
            },
        ]);
    });

    it('the worst RTO: 35 s of the two that ended; one never ended, so some users were unrecovered', async () => {
        const { summary } = (await interrupted()).report();
        expect([summary.worstRtoMs, summary.unrecovered]).toEqual([35_000, true]);
    });

    it('per group: the worst of its own interruptions, none when one never ended or when it had none', async () => {
        const report = (await interrupted()).report();
        expect([
            byRegion(report, 'app', 'us-east-1').worstRtoMs,
            byRegion(report, 'app', 'us-west-2').worstRtoMs,
            byRegion(report, 'solo', 'us-east-1').worstRtoMs,
            byRegion(report, 'solo', 'us-west-2').worstRtoMs,
        ]).toEqual([35_000, null, null, 7_000]);
    });

    it.each([
        { name: 'the larger first', rtos: [50_000, 7_000], worst: 50_000 },
        { name: 'the larger last', rtos: [7_000, 50_000], worst: 50_000 },
        { name: 'equal ones', rtos: [7_000, 7_000], worst: 7_000 },
        { name: 'none', rtos: [], worst: null },
        { name: 'one of 0 ms', rtos: [0], worst: 0 },
    ])('$name: the worst of a group’s RTOs', async ({ rtos, worst }) => {
        const run = await finishedRun(BASE());
        const episodes = run.sim.episodes;
        episodes.length = 0;
        for (const [i, rto] of rtos.entries())
            episodes.push({ group: 0, fault: -1, start: 10_000 * i, end: 10_000 * i + rto, worstServed: 0 });
        const report = run.report();
        expect([byRegion(report, 'app', 'us-east-1').worstRtoMs, report.summary.worstRtoMs]).toEqual([worst, worst]);
        expect(report.summary.unrecovered).toBe(false);
    });
});

describe('a group with an interruption that ended and one that never did', () => {
    it('has no worst RTO of its own; the summary’s worst is the one that ended', async () => {
        const run = await finishedRun(BASE());
        const episodes = run.sim.episodes;
        episodes.length = 0;
        episodes.push(
            { group: 0, fault: -1, start: 10_000, end: 15_000, worstServed: 0 },
            { group: 0, fault: -1, start: 100_000, worstServed: 0 },
        );
        const report = run.report();
        expect(byRegion(report, 'app', 'us-east-1').worstRtoMs).toBeNull();
        // 15 s − 10 s.
        expect([report.summary.worstRtoMs, report.summary.unrecovered]).toEqual([5_000, true]);
    });
});

describe('failovers and split brains, as the runs and promotions recorded them', () => {
    /** BASE with a failover of app and one of db (so the runs have a service and a store to name). */
    const WITH_FAILOVERS = BASE().replace(
        'workload w for app',
        `failover app {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
failover db {
    detect health-check every 10s threshold 3
    action promote db takes 1m
    drill  every 30d
}
workload w for app`,
    );

    it('each run: what it protects, where, its outcome, and its times (−1 is none; 0 is a time)', async () => {
        const run = await finishedRun(WITH_FAILOVERS);
        const [app, db] = run.sim.failovers;
        const fake = (r: Partial<Run>) => ({ healthyAgainAt: -1, doneAt: -1, committedAt: -1, ...r }) as Run;
        const runs = run.sim.runs;
        runs.length = 0;
        runs.push(
            fake({ failover: app!, region: 0, detectedAt: 82_000, falseAlarm: false, state: 'done', doneAt: 142_000 }),
            fake({
                failover: db!,
                region: 1,
                detectedAt: 5,
                falseAlarm: true,
                state: 'abandoned',
                committedAt: 0,
                doneAt: 0,
            }),
            fake({ failover: db!, region: 0, detectedAt: 7, falseAlarm: true, state: 'running', healthyAgainAt: 0 }),
            fake({ failover: app!, region: 1, detectedAt: 9, falseAlarm: true, state: 'blocked', committedAt: 3 }),
        );
        const report = run.report();
        const none = { committedAtMs: null, healthyAgainAtMs: null, completedAtMs: null };
        expect(report.failovers).toEqual([
            {
                ...{ target: 'app', region: 'us-east-1', detectedAtMs: 82_000, falseAlarm: false },
                ...{ outcome: 'completed', ...none, completedAtMs: 142_000 },
            },
            {
                ...{ target: 'db', region: 'us-west-2', detectedAtMs: 5, falseAlarm: true },
                ...{ outcome: 'abandoned', ...none, committedAtMs: 0, completedAtMs: 0 },
            },
            {
                ...{ target: 'db', region: 'us-east-1', detectedAtMs: 7, falseAlarm: true },
                ...{ outcome: 'unfinished', ...none, healthyAgainAtMs: 0 },
            },
            {
                ...{ target: 'app', region: 'us-west-2', detectedAtMs: 9, falseAlarm: true },
                ...{ outcome: 'unfinished', ...none, committedAtMs: 3 },
            },
        ]);
        // A false alarm counts once it committed to an action: the second and fourth runs (the third never did).
        expect(report.summary.falseAlarmFailovers).toBe(2);
    });

    it('each split brain: both primaries, its window (−1 is none) and the writes each side took', async () => {
        const run = await finishedRun(BASE());
        const brain = (b: Partial<SplitBrain>) =>
            ({ store: 1, oldPrimary: 0, newPrimary: 1, oldAtStart: 0, newAtStart: 0, ...b }) as SplitBrain;
        run.sim.splitBrains.push(
            brain({ promotedAt: 70_000, startAt: 0, endAt: -1, oldWrites: 12, newWrites: 30 }),
            brain({
                store: 0,
                oldPrimary: 1,
                newPrimary: 0,
                promotedAt: 90_000,
                startAt: -1,
                endAt: 0,
                oldWrites: 5,
                newWrites: 1,
            }),
        );
        const report = run.report();
        expect(report.splitBrain).toEqual([
            {
                ...{ store: 'db', oldPrimary: 'us-east-1', newPrimary: 'us-west-2', promotedAtMs: 70_000 },
                ...{ startMs: 0, endMs: null, writesOldPrimary: 12, writesNewPrimary: 30 },
            },
            {
                ...{ store: 't', oldPrimary: 'us-west-2', newPrimary: 'us-east-1', promotedAtMs: 90_000 },
                ...{ startMs: null, endMs: 0, writesOldPrimary: 5, writesNewPrimary: 1 },
            },
        ]);
        // The writes the old primaries took, which the new ones never see: 12 + 5.
        expect(report.summary.splitBrainWrites).toBe(17);
    });
});

describe('stores: the counters, replicas, lag and losses of each', () => {
    // t's counters set by hand; db's all zero but a loss count of 2 and no RPO.
    const counted = async () => {
        const run = await finishedRun(BASE());
        const [t, db] = run.sim.storeCounters;
        Object.assign(t!, {
            acknowledged: 10,
            failed: 1,
            rejected: 4,
            conflictRejected: 0.5004,
            lost: 3,
            rpoMs: 1234.5678,
            overwritten: 2.0004,
            discarded: 7.1236,
            merges: 1.2344,
            siblings: 0.0004,
            readsServed: 40,
            readsStale: 10.0006,
            drainReadsServed: 8,
            drainReadsStale: 2,
            staleKnown: true,
        });
        Object.assign(db!, {
            ...{ acknowledged: 0, failed: 0, rejected: 2, conflictRejected: 0, lost: 2, rpoMs: -1, overwritten: 0 },
            ...{ discarded: 0.0006, merges: 0, siblings: 1.0006, readsServed: 0, readsStale: 0 },
            ...{ drainReadsServed: 0, drainReadsStale: 0, staleKnown: true },
        });
        return run;
    };

    it('a store’s counts, rounded to three places; its shares to nine', async () => {
        const t = store((await counted()).report(), 't');
        expect(t.writes).toEqual({ acknowledged: 10, failed: 1, rejected: 4, conflictRejected: 0.5 });
        expect([t.lostWrites, t.rpoMs, t.overwrittenAtHeal, t.discardedWrites, t.merges, t.siblings]).toEqual([
            3, 1234.568, 2, 7.124, 1.234, 0,
        ]);
        // 10.0006 of 40 reads stale: 0.250015; during drains 2 of 8.
        expect(t.reads).toEqual({
            served: 40,
            stale: 10.001,
            staleShare: 0.250015,
            duringDrain: { served: 8, stale: 2, staleShare: 0.25 },
        });
    });

    it.each([
        { name: 'none served', served: 0, known: true, share: null },
        { name: 'staleness unknown', served: 40, known: false, share: null },
    ])('$name: a store’s stale shares are not given', async ({ served, known, share }) => {
        const run = await counted();
        Object.assign(run.sim.storeCounters[0]!, {
            readsServed: served,
            drainReadsServed: served,
            staleKnown: known,
        });
        const t = store(run.report(), 't');
        expect([t.reads.staleShare, t.reads.duringDrain.staleShare]).toEqual([share, share]);
    });

    it('an RPO of 0 is a time, −1 none', async () => {
        const run = await counted();
        run.sim.storeCounters[0]!.rpoMs = 0;
        expect([store(run.report(), 't').rpoMs, store(run.report(), 'db').rpoMs]).toEqual([0, null]);
    });

    it('the summary adds the stores: losses, refusals, discards, merges, siblings; the worst RPO', async () => {
        const { summary } = (await counted()).report();
        expect(summary).toMatchObject({
            // t's and db's: 3 + 2 lost; 4 + 0.5 + 2 refused; discards 7.124 + 0.001; siblings 0 + 1.001.
            lostWrites: 5,
            rejectedWrites: 6.5,
            discardedWrites: 7.125,
            merges: 1.234,
            siblings: 1.001,
            overwrittenAtHeal: 2,
            worstRpoMs: 1234.568,
        });
    });

    it('each loss: where, when, how many, its RPO to three places, and the primary after (none if destroyed)', async () => {
        const run = await counted();
        const losses = run.sim.storeCounters[1]!.losses;
        losses.push(
            { region: 0, atMs: 70_000, lostWrites: 4, rpoMs: 999.9996, fault: 0, cause: 'promotion', keptIn: 1 },
            { region: 1, atMs: 90_000, lostWrites: 1, rpoMs: 12.3456, fault: 0, cause: 'promotion', keptIn: 0 },
            { region: 0, atMs: 95_000, lostWrites: 2, rpoMs: 0, fault: 0, cause: 'destroyed', keptIn: -1 },
        );
        expect(store(run.report(), 'db').losses).toEqual([
            {
                region: 'us-east-1',
                atMs: 70_000,
                lostWrites: 4,
                rpoMs: 1_000,
                fault: 0,
                cause: 'promotion',
                primaryAfter: 'us-west-2',
            },
            {
                region: 'us-west-2',
                atMs: 90_000,
                lostWrites: 1,
                rpoMs: 12.346,
                fault: 0,
                cause: 'promotion',
                primaryAfter: 'us-east-1',
            },
            {
                region: 'us-east-1',
                atMs: 95_000,
                lostWrites: 2,
                rpoMs: 0,
                fault: 0,
                cause: 'destroyed',
                primaryAfter: null,
            },
        ]);
    });

    it('the writes throttled at a staleness bound are the bound’s count; a store without one throttles none', async () => {
        const run = await counted();
        const bound = {
            ...{ throttledAt: new Float64Array([0, 7]), throttled: 7, firstAtMs: 1, lastAtMs: 2 },
            ...{ maxVersions: 100, maxLagMs: Infinity, active: true, reason: null },
        };
        writable(run.sim.staleness)[1] = bound as unknown as StalenessBound;
        const report = run.report();
        expect([store(report, 't').throttledWrites, store(report, 'db').throttledWrites]).toEqual([0, 7]);
        expect(report.summary.throttledWrites).toBe(7);
    });

    it('a counter’s increments lost, and the keys not converged, to three places; none for other shapes', async () => {
        const run = await counted();
        writable(run.sim.counterSummaries)[0] = { lost: 1.23456, notConvergedKeys: 2, notConvergedIncrements: 3.45678 };
        const report = run.report();
        expect(store(report, 't').lostIncrements).toEqual({
            lost: 1.235,
            notConvergedKeys: 2,
            notConvergedIncrements: 3.457,
        });
        expect(store(report, 'db').lostIncrements).toBeNull();
    });

    it('each replica’s pending writes: its links’ unapplied log entries times the sampling factor', async () => {
        const run = await finishedRun(BASE());
        writable(run.sim).weight = 3;
        const links = run.sim.links.filter((l) => l.store.index === 0);
        // Set by hand: the link into us-west-2 (slot 1) has 4 unapplied entries, the one into us-east-1 none.
        for (const l of links) l.head = l.log.end - (l.toSlot === 1 ? 4 : 0);
        const t = store(run.report(), 't');
        expect(t.replicas.map((r) => [r.region, r.pendingWrites])).toEqual([
            ['us-east-1', 0],
            ['us-west-2', 12],
        ]);
    });

    it('a link’s lag: its samples to three places (none where not sampled), its worst delay and backlog', async () => {
        const run = await finishedRun(BASE());
        const [east, west] = run.sim.links.filter((l) => l.store.index === 0);
        const series = run.sim.lagSeries[east!.index]!;
        series.fill(NaN);
        series[0] = 1.23456;
        series[2] = 0;
        // The link from us-west-2 has no sample at all: it is left out.
        run.sim.lagSeries[west!.index]!.fill(NaN);
        Object.assign(east!, { maxDelay: 1234.56789, maxHeld: 0 });
        const [lag, ...others] = store(run.report(), 't').lag;
        expect(others).toEqual([]);
        expect([lag!.from, lag!.to, lag!.maxMs, lag!.backlogMaxMs]).toEqual(['us-east-1', 'us-west-2', 1234.568, 0]);
        expect(lag!.series).toEqual([1.235, null, 0, ...Array(117).fill(null)]);
    });

    it.each([
        { name: 'a negative worst delay reads 0', maxDelay: -5, maxHeld: -1, figures: [0, null] },
        { name: 'a backlog of 2.0004 ms reads 2', maxDelay: 3, maxHeld: 2.0004, figures: [3, 2] },
    ])('a link’s worst delay and backlog: $name', async ({ maxDelay, maxHeld, figures }) => {
        const run = await finishedRun(BASE());
        const [east] = run.sim.links.filter((l) => l.store.index === 0);
        Object.assign(east!, { maxDelay, maxHeld });
        const lag = store(run.report(), 't').lag[0]!;
        expect([lag.maxMs, lag.backlogMaxMs]).toEqual(figures);
    });

    it.each([
        {
            name: 'a consensus store: its quorum, no lag',
            text: `// rules: none
${TWO_US_REGIONS}
region eu-west-1 { provider aws  jurisdiction EU }
${consensusStore('ledger', ['us-east-1', 'us-west-2', 'eu-west-1'])}
workload w for ledger { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 1m }
`,
            // A majority of three; consensus decides conflicts.
            figures: [{ mode: 'consensus', lagMs: null, quorum: 2 }, 'consensus'],
        },
        {
            name: 'a CRDT counter: its kind after the strategy',
            text: `// rules: none
${TWO_US_REGIONS}
${dynamoStore('ledger', { conflicts: 'crdt pn-counter' })}
workload w for ledger { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 1m }
`,
            figures: [{ mode: 'async', lagMs: 1_000, quorum: null }, 'crdt pn-counter'],
        },
    ])('replication and conflicts of $name', async ({ text, figures }) => {
        const s = (await finishedRun(text)).report().stores[0]!;
        expect([s.replication, s.conflicts]).toEqual(figures);
    });
});

describe('write latency: percentiles of the histograms, per interval of the series', () => {
    // 100 writes: 1 at 1.23456 ms, 49 at 10, 45 at 20, 4 at 30, 1 at 40.12345. The 50th write is at 10 ms, the
    // 95th at 20, the 99th at 30; the least and most to three places.
    const KNOWN: [number, number][] = [
        [1.23456, 1],
        [10, 49],
        [20, 45],
        [4 * 7.5, 4],
        [40.12345, 1],
    ];
    const FIGURES = { min: 1.235, p50: 10, p95: 20, p99: 30, max: 40.123 };

    it('a group’s request histogram gives its users’ percentiles, and the service’s and the run’s', async () => {
        const run = await finishedRun(BASE());
        // app's users of us-east-1 write t only: index 0 is t, index 1 the whole request.
        for (const g of run.sim.groups) writable(g.histograms)[1] = undefined;
        writable(run.sim.groups[0]!.histograms)[1] = histogram(KNOWN);
        const report = run.report();
        const none = { min: null, p50: null, p95: null, p99: null, max: null };
        expect(byRegion(report, 'app', 'us-east-1').writeLatencyMs).toEqual(FIGURES);
        expect(byRegion(report, 'app', 'us-west-2').writeLatencyMs).toEqual(none);
        expect(service(report, 'app').writeLatencyMs).toEqual(FIGURES);
        expect(service(report, 'solo').writeLatencyMs).toEqual(none);
        expect(report.summary.writeLatencyMs).toEqual(FIGURES);
    });

    it('the histograms of two groups merge: 100 writes at 10 ms and 100 at 30 put p50 at 10 and p95 at 30', async () => {
        const run = await finishedRun(BASE());
        for (const g of run.sim.groups) writable(g.histograms)[1] = undefined;
        writable(run.sim.groups[0]!.histograms)[1] = histogram([[10, 100]]);
        writable(run.sim.groups[1]!.histograms)[1] = histogram([[30, 100]]);
        const want = { min: 10, p50: 10, p95: 30, p99: 30, max: 30 };
        const report = run.report();
        expect([service(report, 'app').writeLatencyMs, report.summary.writeLatencyMs]).toEqual([want, want]);
    });

    it('a store’s histograms by origin region, and merged for the store', async () => {
        const run = await finishedRun(BASE());
        const [east, west] = run.sim.groups;
        writable(east!.histograms)[0] = histogram(KNOWN);
        writable(west!.histograms)[0] = histogram([[5, 1]]);
        const t = store(run.report(), 't');
        expect(t.byRegion.map((b) => [b.region, b.writeLatencyMs])).toEqual([
            ['us-east-1', FIGURES],
            ['us-west-2', { min: 5, p50: 5, p95: 5, p99: 5, max: 5 }],
        ]);
        // 101 writes: the 51st (p50) at 10 ms, the 96th (95.95 rounded up) at 20, the 100th (99.99) at 30.
        expect(t.writeLatencyMs).toEqual({ min: 1.235, p50: 10, p95: 20, p99: 30, max: 40.123 });
    });

    it('a histogram without writes gives no percentile; a group writing nothing there is left out', async () => {
        const run = await finishedRun(BASE());
        const [east, west] = run.sim.groups;
        writable(east!.histograms)[0] = new LatencyHistogram();
        writable(west!.histograms)[0] = undefined;
        const t = store(run.report(), 't');
        expect(t.writeLatencyMs).toEqual({ min: null, p50: null, p95: null, p99: null, max: null });
        // us-east-1's empty histogram still names its region; us-west-2 wrote nothing there.
        expect(t.byRegion.map((b) => b.region)).toEqual(['us-east-1']);
    });

    it('the latency series: each interval’s p50 and p99 to three places, and the writes acknowledged in it', async () => {
        const run = await finishedRun(BASE());
        const [east, west] = run.sim.groups;
        const series = new IntervalLatencies();
        // Interval 0: 3 writes at 5 ms, 1 at 7.77777 (p50 the 2nd, p99 the 4th); interval 2: a third of a write.
        series.add(0, 5, 3);
        series.add(0, 7.77777, 1);
        series.add(2, 1.0004, 1 / 3);
        writable(east!.intervalLatencies)[1] = series;
        const other = new IntervalLatencies();
        other.add(1, 9, 2);
        writable(west!.intervalLatencies)[0] = other;
        writable(east!.intervalLatencies)[0] = new IntervalLatencies();
        const report = run.report();
        const rest = (v: unknown) => Array(117).fill(v);
        expect(byRegion(report, 'app', 'us-east-1').writeLatencySeries).toEqual({
            p50: [5, null, 1, ...rest(null)],
            p99: [7.778, null, 1, ...rest(null)],
            acknowledged: [4, 0, 0.333, ...rest(0)],
        });
        // The store's series of us-west-2: its writes to t.
        expect(store(report, 't').byRegion.find((b) => b.region === 'us-west-2')!.writeLatencySeries).toEqual({
            p50: [null, 9, null, ...rest(null)],
            p99: [null, 9, null, ...rest(null)],
            acknowledged: [0, 2, 0, ...rest(0)],
        });
    });
});

describe('partial faults: what each degrade or fail reached, and whether the health checks noticed', () => {
    // The gateway fails every request in us-east-1 from 1 m to 2 m: checkout and refunds depend on it there.
    // checkout's check is deep (it asks the gateway) and fails every probe: three failed probes 10 s apart and
    // a 2 s timeout, from the first probe p ∈ [60 s, 70 s): noticed at p + 22 s. refunds' check is shallow.
    const GRAY = (faults: string) => `// rules: none
${TWO_US_REGIONS}
service gateway {
    regions  us-east-1, us-west-2
    posture  active-active
    capacity 100% per region
}
service checkout {
    regions    us-east-1, us-west-2
    primary    us-east-1
    posture    warm-standby
    capacity   100% per region
    depends-on gateway
}
service refunds {
    regions    us-east-1, us-west-2
    primary    us-east-1
    posture    warm-standby
    capacity   100% per region
    depends-on gateway
}
failover checkout {
    detect health-check every 10s threshold 3 timeout 2s deep
    route  dns ttl 60s
    drill  every 30d
}
failover refunds {
    detect health-check every 10s threshold 3 timeout 2s shallow
    route  dns ttl 60s
    drill  every 30d
}
workload buying for checkout { writes 1/s from us-east-1 100% }
workload refunding for refunds { writes 1/s from us-east-1 100% }
scenario s { workload buying, refunding  duration 3m  ${faults}  seed 3 }
`;

    it('a degrade of the gateway reaches it and both services; the deep check notices it 22–32 s in', async () => {
        const report = (
            await finishedRun(GRAY('at 1m degrade gateway in us-east-1 errors 100% latency +1ms for 1m'))
        ).report();
        expect(report.partialFaults).toHaveLength(1);
        const [f] = report.partialFaults;
        expect(f).toMatchObject({
            fault: 0,
            kind: 'degrade',
            label: report.scenario.faults[0]!.label,
            target: 'gateway',
            targetKind: 'service',
            region: 'us-east-1',
            atMs: 60_000,
            untilMs: 120_000,
            errorShare: 1,
            addedLatencyMs: 1,
            reached: ['gateway', 'checkout', 'refunds'],
        });
        const [deep, shallow] = f!.checks;
        expect(shallow).toEqual({
            failover: 'refunds',
            depth: 'shallow',
            noticed: false,
            noticedAtMs: null,
            afterMs: null,
        });
        expect([deep!.failover, deep!.depth, deep!.noticed]).toEqual(['checkout', 'deep', true]);
        expect(deep!.afterMs).toBe(deep!.noticedAtMs! - 60_000);
        expect(deep!.afterMs).toBeGreaterThanOrEqual(22_000);
        expect(deep!.afterMs).toBeLessThan(32_000);
    });

    it('a fail of checkout reaches checkout only; a fault after the run’s end is left out', async () => {
        const report = (
            await finishedRun(GRAY('at 1m fail checkout in us-east-1 for 30s  at 3m fail refunds in us-east-1 for 30s'))
        ).report();
        expect(report.partialFaults.map((f) => [f.fault, f.kind, f.target, f.reached])).toEqual([
            [0, 'fail', 'checkout', ['checkout']],
        ]);
    });

    it('the services a fault reached, in the design’s order whatever order the cascade found them in', async () => {
        const run = await finishedRun(GRAY('at 1m degrade gateway in us-east-1 errors 100% for 1m'));
        // Services: gateway 0, checkout 1, refunds 2.
        run.sim.partial.reach = () => new Set([2, 0, 1]);
        expect(run.report().partialFaults[0]!.reached).toEqual(['gateway', 'checkout', 'refunds']);
    });

    it('a check of a store’s failover names the store', async () => {
        const text = BASE('', 'at 1m degrade db in us-east-1 errors 100% for 30s').replace(
            'workload w for app',
            `failover db {
    detect health-check every 10s threshold 3 timeout 2s deep
    action promote db takes 1m
    drill  every 30d
}
workload w for app`,
        );
        const [f] = (await finishedRun(text)).report().partialFaults;
        expect([f!.target, f!.targetKind, f!.reached]).toEqual(['db', 'store', ['solo']]);
        expect(f!.checks.map((c) => [c.failover, c.depth])).toEqual([['db', 'deep']]);
    });

    it('each fault lists the checks watching it only', async () => {
        const report = (
            await finishedRun(
                GRAY('at 1m degrade gateway in us-east-1 errors 100% for 30s  at 2m fail refunds in us-east-1 for 30s'),
            )
        ).report();
        expect(report.partialFaults.map((f) => [f.target, f.reached, f.checks.map((c) => c.failover)])).toEqual([
            ['gateway', ['gateway', 'checkout', 'refunds'], ['checkout', 'refunds']],
            ['refunds', ['refunds'], ['refunds']],
        ]);
    });

    it('a check noticing at 0 ms noticed it: 0 is a time', async () => {
        const run = await finishedRun(GRAY('at 0s degrade gateway in us-east-1 errors 100% for 1m'));
        for (const w of run.sim.grayWatches) w.noticedAt = w.depth === 'deep' ? 0 : -1;
        const checks = run.report().partialFaults[0]!.checks;
        expect(checks.map((c) => [c.noticed, c.noticedAtMs, c.afterMs])).toEqual([
            [true, 0, 0],
            [false, null, null],
        ]);
    });
});

describe('notes: what the run could not show, or shows under an assumption', () => {
    it.each([
        {
            name: 'a timeline cut short says how many events were left out',
            design: BASE(),
            set: (run: FinishedRun) => (writable(run.sim).timelineDropped = 5),
            note: (run: FinishedRun) =>
                `the timeline shows the first ${run.sim.timeline.length} events; 5 more were left out`,
        },
        {
            name: 'a design whose services depend on others, with no partial fault, says dependencies carry none',
            design: BASE().replace('    uses      db\n', '    uses      db\n    depends-on app\n'),
            note: () =>
                'service dependencies (depends-on) only carry partial faults (degrade, fail) and impaired global dependencies in this run, and it has none: each service is judged on its own regions and stores',
        },
        {
            name: 'an S3 bucket replicated at its documented percentile says the counts are upper bounds',
            design: `// rules: none
${TWO_US_REGIONS}
store bucket {
    engine      s3
    regions     us-east-1, us-west-2
    holds       reference blob
    writes      primary us-east-1
    replication async lag 15m
    consistency eventual
}
workload w for bucket { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 1m }
`,
            note: () =>
                'bucket: the replication lag is the documented percentile (S3 Replication Time Control: 99.99% of objects within 15 m, docs/facts.md#s3-cross-region-replication), simulated as a fixed 15 m delay for every object — no median is documented, so no distribution is invented; the stranded counts and backlogs shown are upper bounds for the 99.99% it covers (the rest is not modelled)',
        },
        {
            name: 'an objective of a service no workload reaches is not judged, and the note says so',
            design: BASE().replace(
                'workload w for app',
                'service idle {\n    regions   us-east-1\n    uses      db\n    objective rto 5m\n}\nworkload w for app',
            ),
            note: () => 'objectives of service idle are not judged: no workload of this scenario reaches it',
        },
        {
            name: 'a corruption within the run says its recovery times are lower bounds',
            design: BASE('', 'at 1m corrupt db'),
            note: () =>
                'a corruption is restored as if the restore started at once: detecting it is not modelled, so the recovery times shown are lower bounds',
        },
    ])('$name', async ({ design, set, note }) => {
        const run = await finishedRun(design);
        set?.(run);
        expect(run.report().notes).toEqual([note(run)]);
    });

    it.each([
        { name: 'an outage, nothing else to say', design: BASE() },
        {
            name: 'a dependency with a partial fault',
            design: BASE()
                .replace('    uses      db\n', '    uses      db\n    depends-on app\n')
                .replace('at 1m outage region us-east-1 for 20s', 'at 1m degrade app in us-east-1 errors 10% for 20s'),
        },
        { name: 'a corruption past the end of the run', design: BASE('', 'at 3m corrupt db') },
        { name: 'a corruption at the run’s very end', design: BASE('', 'at 2m corrupt db') },
        {
            name: 'an S3 bucket at another lag than its percentile',
            design: BASE()
                .replace('engine      aurora', 'engine      s3')
                .replace('holds       shared rows', 'holds       reference blob'),
        },
    ])('no note for $name', async ({ design }) => {
        // Only the run's own (a fault past the end says it is not simulated).
        const run = await finishedRun(design);
        expect(run.report().notes).toEqual(run.sim.notes);
    });
});

describe('the summary’s verdict and cost', () => {
    it.each([
        { name: 'no expectation: no verdict', clauses: '', passed: null, counts: [0, 0, 0] },
        { name: 'one met: passed', clauses: 'expect rto <= 20s', passed: true, counts: [1, 1, 0] },
        {
            name: 'one met and one not: failed',
            clauses: 'expect rto <= 20s\n    expect rto < 20s',
            passed: false,
            counts: [2, 1, 1],
        },
        { name: 'none met: failed', clauses: 'expect rto < 20s', passed: false, counts: [1, 0, 1] },
    ])('$name', async ({ clauses, passed, counts }) => {
        const { summary } = (await finishedRun(BASE(clauses))).report();
        // The worst RTO is the outage's 20 s.
        const [total, met, failed] = counts;
        expect([summary.passed, summary.expectations]).toEqual([passed, { total, passed: met, failed }]);
    });

    it('100 writes/s of 1 KB to one other region at $0.02/GB: $5.184 a 30-day month, $5.18 to the cent', async () => {
        const report = (
            await finishedRun(`// rules: none
${TWO_US_REGIONS}
${auroraDb('1s')}
workload w for db { writes 100/s from us-east-1 100%  item-size 1KB }
scenario s { workload w  duration 1m }
`)
        ).report();
        // 100 × 1 KB × 86,400 s × 30 days = 259.2 GB × $0.02.
        expect([report.summary.costUsdPerMonth, report.cost.totalUsdPerMonth]).toEqual([5.18, 5.184]);
        expect((await finishedRun(BASE())).report().summary.costUsdPerMonth).toBeNull();
    });
});
