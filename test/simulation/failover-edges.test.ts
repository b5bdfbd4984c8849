// The failover mechanism's edges on small designs (simulation/engine/mechanisms/failover.ts): where an action acts
// when its declared region is not the failover's destination (or is the failed region itself), stores with no
// replica to move to, re-homing with three regions, capacity raised for another service or from a store's failover,
// the control planes a design does not name or declare, a failover watching a standby, one detected at 0 ms (a
// commit at 0 ms is a commit), and a control plane lost at the instant an action ends. Health checks every 10 s,
// threshold 3, timeout 2 s: the first probe at or after an outage at 60 s falls at p ∈ [60 s, 70 s) and detection
// is D = p + 2·10 s + 2 s; a region back at 360 s passes probes from p + 300 s, the third at p + 320 s = D + 298 s.
// Each case runs in milliseconds.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { simulated as simulatedParts } from './failover-design.js';
import { designOf, runModel } from './helpers.js';

const REGIONS = `topology Edges
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction US }
`;

const CHECK = 'detect health-check every 10s threshold 3 timeout 2s';

async function simulated(text: string): Promise<SimulationReport> {
    return runModel(await designOf(text, true), undefined, { seed: 1 });
}

/** The failover's action and routing rows, times relative to the (first) detection D. */
function rowsAfterDetection(report: SimulationReport): [number, string, string][] {
    const d = report.failovers[0]!.detectedAtMs;
    const kinds = new Set(['action-start', 'action-done', 'action-blocked', 'routing-change']);
    return report.timeline
        .filter((e) => kinds.has(e.kind))
        .map((e) => [Math.round(e.atMs - d), e.kind, e.text] as [number, string, string]);
}

describe('a failover whose action region is the failed region itself', () => {
    it('routes to the nearest other region and promotes the nearest other replica, not the failed one', async () => {
        // `from us-east-1` with no `to` (a `to` naming the failed region is an error of the design): routing at D
        // (anycast) takes the nearest region the service runs in other than the failed one, us-west-2. The promotion `in us-east-1` needs that
        // region's database control plane: it waits until the region is back at 360 s, runs to 420 s, and moves
        // db to its nearest other replica, us-west-2.
        const report = await simulated(`${REGIONS}
store db { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency eventual }
service app { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses db }
failover app from us-east-1 {
    ${CHECK}
    route  anycast
    action promote db in us-east-1 takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`);
        const d = report.failovers[0]!.detectedAtMs;
        expect(rowsAfterDetection(report)).toEqual([
            [0, 'routing-change', 'routing moves app to us-west-2'],
            [
                0,
                'action-blocked',
                'promote db in us-east-1 for app waits: the database management API control plane in us-east-1 is unavailable',
            ],
            [Math.round(360_000 - d), 'action-start', 'promote db in us-east-1 for app starts (1 m)'],
            [Math.round(420_000 - d), 'action-done', 'db now accepts writes in us-west-2'],
            [Math.round(420_000 - d), 'action-done', 'promote db in us-east-1 for app done'],
        ]);
    });
});

describe('a store with no replica outside the failed region has nowhere to move', () => {
    it('a promotion and a re-homing of a single-region store move nothing, and its users wait for the region', async () => {
        // solo lives in us-east-1 only: routing moves app to us-west-2 at D, both actions run (1 m each) and move
        // nothing; every write needs solo, so the users of us-east-1 are served again only when it is back at 360 s.
        const report = await simulated(`${REGIONS}
store solo { engine aurora  regions us-east-1  holds shared rows  writes primary us-east-1  replication none  consistency eventual }
service app { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses solo }
failover app {
    ${CHECK}
    route  anycast
    action promote solo takes 1m
    action rehome takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`);
        expect(rowsAfterDetection(report)).toEqual([
            [0, 'routing-change', 'routing moves app to us-west-2'],
            [0, 'action-start', 'promote solo in us-west-2 for app starts (1 m)'],
            [60_000, 'action-done', 'promote solo in us-west-2 for app done'],
            [60_000, 'action-start', 'rehome in us-west-2 for app starts (1 m)'],
            [120_000, 'action-done', 'rehome in us-west-2 for app done'],
        ]);
        expect(report.recovery.map((r) => [r.usersOf, r.endMs])).toEqual([['us-east-1', 360_000]]);
        expect(report.stores[0]!.losses).toEqual([]);
    });
});

describe('re-homing moves the keys homed in the failed region, wherever their users are, and no others', () => {
    // A home-region store: each user's keys live in their own region's replica, or in the nearest one when their
    // region has none. The service (primary us-east-1 unless told) fails over with anycast, routing at D; its
    // writes of keys still homed in the failed region fail until the re-homing (2 m) moves them to the
    // destination at D + 2 m.
    const design = (store: string, service: string, workload: string, outage: string) => `${REGIONS}
store sessions { engine dynamodb  ${store}  holds per-user register  writes home-region  consistency eventual  conflicts lww }
service app { regions us-east-1, us-west-2  ${service}  posture warm-standby  capacity 100% per region  uses sessions }
failover app {
    ${CHECK}
    route  anycast
    action rehome takes 2m
    drill  every 30d
}
workload w for app { writes 1/s from ${workload} }
scenario s { workload w  duration 10m  at 1m outage region ${outage} for 5m }
`;
    it.each([
        {
            name: 'the users of a third region without a replica, homed in the failed us-east-1, are served again at D + 2 m; us-west-2’s at D',
            // eu-west-1 has no replica: its users' keys live in the nearest one, us-east-1 (nearer than us-west-2).
            text: design(
                'regions us-east-1, us-west-2  replication async lag 1s',
                'primary us-east-1',
                'eu-west-1 50%, us-west-2 50%',
                'us-east-1',
            ),
            recovered: [
                ['eu-west-1', 120_000],
                ['us-west-2', 0],
            ],
        },
        {
            name: 'a re-homing to the first declared region, us-east-1, serves the users of the failed us-west-2 again at D + 2 m',
            text: design(
                'regions us-east-1, us-west-2  replication async lag 1s',
                'primary us-west-2',
                'us-west-2 100%',
                'us-west-2',
            ),
            recovered: [['us-west-2', 120_000]],
        },
    ])('$name', async ({ text, recovered }) => {
        const report = await simulated(text);
        const d = report.failovers[0]!.detectedAtMs;
        expect(report.recovery.map((r) => [r.usersOf, Math.round(r.endMs! - d)])).toEqual(recovered);
    });

    it('the keys of a third region with its own replica stay there: every write lands in eu-west-1', async () => {
        // Without replication each replica holds only the writes that landed on it. The users of eu-west-1 write
        // their keys in eu-west-1 before and after the failover: re-homing us-east-1's keys to us-west-2 leaves
        // theirs alone, so us-west-2 and us-east-1 apply nothing.
        const report = await simulated(
            design(
                'regions us-east-1, us-west-2, eu-west-1  replication none',
                'primary us-east-1',
                'eu-west-1 100%',
                'us-east-1',
            ),
        );
        const store = report.stores[0]!;
        expect(store.writes.acknowledged).toBeGreaterThan(0);
        expect(store.replicas.map((r) => [r.region, r.appliedWrites])).toEqual([
            ['us-east-1', 0],
            ['us-west-2', 0],
            ['eu-west-1', store.writes.acknowledged],
        ]);
    });
});

describe('launching capacity or scaling out acts on the service and region it names', () => {
    // The capacity of a service in a region just before the action is done at D + 1 m, and from then on.
    const capacity = (report: SimulationReport, service: string, region: string) => {
        const d = report.failovers[0]!.detectedAtMs;
        const steps = report.services.find((s) => s.id === service)!.load!.regions.find((r) => r.region === region)!;
        const at = (t: number) => steps.steps.filter((s) => s.atMs <= t).at(-1)!.capacity;
        return [at(d + 59_999), at(d + 60_000)];
    };

    it.each([
        {
            name: 'a store’s failover scaling out a named service raises that service in us-west-2 at D + 1 m, and no other',
            action: 'action scale-out app in us-west-2 takes 1m',
            // web is declared first (service 0), app second: only app moves from 50 % to 100 %.
            web: [0.5, 0.5],
            app: [0.5, 1],
        },
        {
            name: 'a store’s failover scaling out no named service raises nothing',
            action: 'action scale-out in us-west-2 takes 1m',
            web: [0.5, 0.5],
            app: [0.5, 0.5],
        },
    ])('$name', async ({ action, web, app }) => {
        const report = await simulated(`${REGIONS}
store db { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency eventual }
service web { regions us-east-1, us-west-2  posture active-active  capacity 50% per region }
service app { regions us-east-1, us-west-2  posture active-active  capacity 50% per region  uses db }
failover db {
    ${CHECK}
    ${action}
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`);
        expect(capacity(report, 'web', 'us-west-2')).toEqual(web);
        expect(capacity(report, 'app', 'us-west-2')).toEqual(app);
    });

    it.each([
        {
            name: 'an action declared in eu-west-1 raises eu-west-1, not the failover’s destination us-west-2',
            failover: 'failover web from us-east-1 to us-west-2',
            action: 'action scale-out web in eu-west-1 takes 1m',
            outage: 'us-east-1',
            raised: 'eu-west-1',
            kept: 'us-west-2',
        },
        {
            name: 'an action in the first declared region, us-east-1, raises it',
            failover: 'failover web from us-west-2 to us-east-1',
            action: 'action launch-capacity web in us-east-1 takes 1m',
            outage: 'us-west-2',
            raised: 'us-east-1',
            kept: 'eu-west-1',
        },
    ])('$name', async ({ failover, action, outage, raised, kept }) => {
        // web runs in the three regions at 50 % each; the action is done at D + 1 m.
        const report = await simulated(`${REGIONS}
service web { regions us-east-1, us-west-2, eu-west-1  posture active-active  capacity 50% per region }
${failover} {
    ${CHECK}
    route  anycast
    ${action}
    drill  every 30d
}
workload w for web { writes 1/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 10m  at 1m outage region ${outage} for 5m }
`);
        expect(capacity(report, 'web', raised)).toEqual([0.5, 1]);
        expect(capacity(report, 'web', kept)).toEqual([0.5, 0.5]);
    });
});

describe('control planes the design does not name or declare', () => {
    it('an action whose fact names no control plane waits for “the control plane” of the region it was given', async () => {
        // notify runs on the data plane by default; declared on us-west-2's control plane, impaired 60 → 180 s,
        // it waits from D and runs 180 → 240 s.
        const report = await simulated(`${REGIONS}
store db { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency eventual }
service app { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses db }
failover app {
    ${CHECK}
    route  anycast
    action notify via control-plane us-west-2 takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m  at 1m impair control-plane us-west-2 for 2m }
`);
        const d = report.failovers[0]!.detectedAtMs;
        expect(rowsAfterDetection(report)).toEqual([
            [0, 'routing-change', 'routing moves app to us-west-2'],
            [0, 'action-blocked', 'notify in us-west-2 for app waits: the control plane in us-west-2 is unavailable'],
            [Math.round(180_000 - d), 'action-start', 'notify in us-west-2 for app starts (1 m)'],
            [Math.round(240_000 - d), 'action-done', 'notify in us-west-2 for app done'],
        ]);
    });

    it('a DNS edit homed in us-east-1, a region the design does not declare, never waits for a declared region’s plane', async () => {
        // Route 53's control plane is us-east-1's, outside this design: an impaired eu-west-1 control plane does
        // not hold the edit, which runs D → D + 20 s and routes then; users follow one 60 s TTL later.
        const report = await simulated(`topology NoUsEast
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction US }
service app { regions us-west-2, eu-west-1  primary us-west-2  posture warm-standby  capacity 100% per region }
failover app {
    ${CHECK}
    route  dns ttl 60s
    action edit-dns takes 20s
    drill  every 30d
}
workload w for app { writes 1/s from us-west-2 100% }
scenario s { workload w  duration 10m  at 1m outage region us-west-2 for 5m  at 1m impair control-plane eu-west-1 for 5m }
`);
        expect(rowsAfterDetection(report)).toEqual([
            [0, 'action-start', 'edit-dns in eu-west-1 for app starts (20 s)'],
            [20_000, 'action-done', 'edit-dns in eu-west-1 for app done'],
            [20_000, 'routing-change', 'routing moves app to eu-west-1 (DNS: users follow within the 1 m TTL)'],
        ]);
    });
});

describe('a service in one region has no destination', () => {
    it('its failover moves users away from the region, and its actions name no region', async () => {
        // One region: no `to`, so the actions have no region; the service is taken as active-active (it leaves
        // the failed region at D and takes it back when healthy again, D + 298 s). notify runs D → D + 1 m.
        const report = await simulated(`${REGIONS}
service app { regions us-east-1  primary us-east-1  posture warm-standby  capacity 100% per region }
failover app {
    ${CHECK}
    route  anycast
    action notify takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`);
        expect(rowsAfterDetection(report)).toEqual([
            [0, 'routing-change', 'routing moves app away from us-east-1'],
            [0, 'action-start', 'notify for app starts (1 m)'],
            [60_000, 'action-done', 'notify for app done'],
        ]);
    });
});

describe('a failover that watches the standby of a warm-standby service', () => {
    it('detects the standby’s outage but starts nothing: the service is not written or served there', async () => {
        // `from us-west-2`: the checks watch us-west-2, detected at D; the primary is us-east-1, so no run starts,
        // nothing routes, and the users of us-east-1 are never interrupted.
        const report = await simulated(`${REGIONS}
store db { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency eventual }
service app { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses db }
failover app from us-west-2 to us-east-1 {
    ${CHECK}
    route  anycast
    action promote db takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-west-2 for 5m }
`);
        expect(report.timeline.filter((e) => e.kind === 'detection').map((e) => e.text)).toEqual([
            'failure of app in us-west-2 detected (3 failed health checks every 10 s)',
        ]);
        expect(report.failovers).toEqual([]);
        expect(report.timeline.filter((e) => e.kind.startsWith('action') || e.kind === 'routing-change')).toEqual([]);
        expect(report.recovery).toEqual([]);
    });
});

describe('a failover detected at the scenario’s first instant', () => {
    // Manual detection after 0 s of an outage at 0 s: D = 0. The promotion (1 m, us-west-2's control plane) starts
    // at 0 ms — the run is committed from 0 ms on — then the re-homing runs 60 → 120 s; the manual route lands at
    // 10 m. Times are absolute (D = 0).
    const failover = `detect manual after 0s
    route  manual after 10m
    action promote db takes 1m
    action rehome takes 1m`;
    const actions = [
        [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
        [60_000, 'action-done', 'db now accepts writes in us-west-2'],
        [60_000, 'action-done', 'promote db in us-west-2 for app done'],
        [60_000, 'action-start', 'rehome in us-west-2 for app starts (1 m)'],
        [120_000, 'action-done', 'rehome in us-west-2 for app done'],
    ];
    it.each([
        {
            name: 'back at 30 s, while the promotion started at 0 ms runs: committed, it completes and routes at 10 m',
            outage: '30s',
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (manual detection)'],
                actions[0]!,
                [30_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    30_000,
                    'failover-committed',
                    'app in us-east-1 looks healthy again, but the failover cannot be cancelled: an irreversible action started at 0 ms; promote db in us-west-2 continues and the failover completes',
                ],
                ...actions.slice(1),
                [600_000, 'routing-change', 'routing moves app to us-west-2'],
            ],
            healthyAgain: 30_000,
        },
        {
            name: 'back at 5 m, after the actions are done but before the route lands: it promoted at 0 ms, so it routes at 10 m',
            outage: '5m',
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (manual detection)'],
                ...actions,
                [300_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [600_000, 'routing-change', 'routing moves app to us-west-2'],
            ],
            healthyAgain: null,
        },
    ])('$name', async ({ outage, expected, healthyAgain }) => {
        const report = await simulatedParts({
            failover,
            scenario: `duration 15m  at 0s outage region us-east-1 for ${outage}`,
        });
        const kinds = new Set(expected.map(([, k]) => k));
        expect(
            report.timeline
                .filter((e) => kinds.has(e.kind) || e.kind === 'failover-abandoned')
                .map((e) => [e.atMs, e.kind, e.text]),
        ).toEqual(expected);
        // Committed when the promotion started at 0 ms, not when the re-homing started at 60 s.
        expect(report.failovers.map((f) => [f.committedAtMs, f.healthyAgainAtMs, f.completedAtMs, f.outcome])).toEqual([
            [0, healthyAgain, 120_000, 'completed'],
        ]);
    });
});

describe('a control plane lost at the very instant an action ends', () => {
    it('pauses it with 0 ms to go; it completes the moment the plane is back, without running again', async () => {
        // Manual detection 1 m after the outage at 60 s: D = 120 s; the promotion (us-west-2's control plane) runs
        // 120 → 180 s. The plane is impaired 180 → 240 s: the fault applies first at that instant, so the promotion
        // pauses with 0 ms left and is done at 240 s, not 240 s + 1 m.
        const report = await simulatedParts({
            failover: `detect manual after 1m
    route  anycast
    action promote db takes 1m`,
            scenario:
                'duration 10m  at 1m outage region us-east-1 for 8m\n    at 3m impair control-plane us-west-2 for 1m',
        });
        expect(report.timeline.filter((e) => e.kind.startsWith('action')).map((e) => [e.atMs, e.kind, e.text])).toEqual(
            [
                [120_000, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [
                    180_000,
                    'action-blocked',
                    'promote db in us-west-2 for app pauses with 0 ms to go: the database management API control plane in us-west-2 became unavailable',
                ],
                [240_000, 'action-done', 'db now accepts writes in us-west-2'],
                [240_000, 'action-done', 'promote db in us-west-2 for app done'],
            ],
        );
        expect(report.failovers.map((f) => f.completedAtMs)).toEqual([240_000]);
    });
});
