// What each failover action does when it completes (simulation/engine/mechanisms/failover.ts): which stores a
// promotion, restore or re-homing moves and where to, what capacity an action adds, and the cold copies a move
// finds — on small designs, a write a second, minutes of simulated time. Three regions: us-east-1 fails; the
// failover's destination is us-west-2; eu-west-1 holds a replica only some stores have. Health checks every 10 s,
// threshold 3, timeout 2 s: detection D = p + 22 s with p ∈ [60 s, 70 s), the first probe after the outage.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, runModel } from './helpers.js';

const REGIONS = `topology Effects
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction US }
`;

const aurora = (name: string, regions: string, primary: string) => `store ${name} {
    engine      aurora
    regions     ${regions}
    holds       shared rows
    writes      primary ${primary}
    replication async lag 1s
    consistency eventual
}`;

const STORES = [
    aurora('db', 'us-east-1, us-west-2', 'us-east-1'),
    aurora('db2', 'us-east-1, us-west-2', 'us-west-2'),
    // No replica in the destination: a promotion moves it to its nearest other replica.
    aurora('db3', 'us-east-1, eu-west-1', 'us-east-1'),
    `store sessions {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       per-user register
    writes      home-region
    replication async lag 1s
    consistency eventual
    conflicts   lww
}`,
].join('\n');

function designText(uses: string, actions: string, route = 'anycast'): string {
    return `${REGIONS}
${STORES}
service app {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      ${uses}
}
failover app {
    detect health-check every 10s threshold 3 timeout 2s
    route  ${route}
    ${actions}
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`;
}

async function simulated(text: string): Promise<SimulationReport> {
    return runModel(await designOf(text, true), undefined, { seed: 1 });
}

/** The action rows after detection, times relative to it. */
function actionRows(report: SimulationReport): [number, string][] {
    const d = report.failovers[0]!.detectedAtMs;
    return report.timeline
        .filter((e) => e.kind === 'action-done' || e.kind === 'action-start')
        .map((e) => [Math.round(e.atMs - d), e.text]);
}

describe('a promotion or restore moves the single-writer stores whose primary was the failed region', () => {
    it.each([
        {
            name: 'an unnamed promotion moves every such store the service uses, each to the destination or its nearest replica',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db, db2, db3',
            actions: 'action promote takes 1m',
            expected: [
                [0, 'promote in us-west-2 for app starts (1 m)'],
                // db2 was written in us-west-2 already: it stays.
                [60_000, 'db now accepts writes in us-west-2'],
                [60_000, 'db3 now accepts writes in eu-west-1'],
                [60_000, 'promote in us-west-2 for app done'],
            ],
        },
        {
            name: 'a named promotion moves that store only',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db, db3',
            actions: 'action promote db3 takes 1m',
            expected: [
                [0, 'promote db3 in us-west-2 for app starts (1 m)'],
                [60_000, 'db3 now accepts writes in eu-west-1'],
                [60_000, 'promote db3 in us-west-2 for app done'],
            ],
        },
        {
            name: 'a named promotion of a store written elsewhere moves nothing',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db, db2',
            actions: 'action promote db2 takes 1m',
            expected: [
                [0, 'promote db2 in us-west-2 for app starts (1 m)'],
                [60_000, 'promote db2 in us-west-2 for app done'],
            ],
        },
        {
            name: 'a restore from backup moves the store when it completes, 3 m after detection',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db',
            actions: 'action restore-backup db takes 3m',
            expected: [
                [0, 'restore-backup db in us-west-2 for app starts (3 m)'],
                [180_000, 'db now accepts writes in us-west-2'],
                [180_000, 'restore-backup db in us-west-2 for app done'],
            ],
        },
        {
            name: 'an unnamed re-homing moves a single-writer store still written in the lost region with the users',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db, db2, sessions',
            actions: 'action rehome takes 1m',
            expected: [
                [0, 'rehome in us-west-2 for app starts (1 m)'],
                [60_000, 'db now accepts writes in us-west-2'],
                [60_000, 'rehome in us-west-2 for app done'],
            ],
        },
        {
            name: 'a re-homing of a named home-region store leaves the single-writer stores where they are',
            // When the run committed to an irreversible action, relative to detection.
            committed: 0,
            uses: 'db, sessions',
            actions: 'action rehome sessions takes 1m',
            expected: [
                [0, 'rehome sessions in us-west-2 for app starts (1 m)'],
                [60_000, 'rehome sessions in us-west-2 for app done'],
            ],
        },
        {
            name: 'a re-homing after a promotion: the run committed when the promotion started, not later',
            committed: 0,
            uses: 'db, sessions',
            actions: 'action promote db takes 1m\n    action rehome sessions takes 1m',
            expected: [
                [0, 'promote db in us-west-2 for app starts (1 m)'],
                [60_000, 'db now accepts writes in us-west-2'],
                [60_000, 'promote db in us-west-2 for app done'],
                [60_000, 'rehome sessions in us-west-2 for app starts (1 m)'],
                [120_000, 'rehome sessions in us-west-2 for app done'],
            ],
        },
        {
            name: 'a notification before a promotion: the run committed when the promotion started, 1 m in',
            committed: 60_000,
            uses: 'db',
            actions: 'action notify takes 1m\n    action promote db takes 1m',
            expected: [
                [0, 'notify in us-west-2 for app starts (1 m)'],
                [60_000, 'notify in us-west-2 for app done'],
                [60_000, 'promote db in us-west-2 for app starts (1 m)'],
                [120_000, 'db now accepts writes in us-west-2'],
                [120_000, 'promote db in us-west-2 for app done'],
            ],
        },
        {
            name: 'an action that moves no data moves no store',
            // When the run committed to an irreversible action, relative to detection.
            committed: null,
            uses: 'db',
            actions: 'action notify takes 1m',
            expected: [
                [0, 'notify in us-west-2 for app starts (1 m)'],
                [60_000, 'notify in us-west-2 for app done'],
            ],
        },
    ])('$name', async ({ uses, actions, expected, committed }) => {
        const report = await simulated(designText(uses, actions));
        expect(actionRows(report)).toEqual(expected);
        const f = report.failovers[0]!;
        expect(f.committedAtMs === null ? null : f.committedAtMs - f.detectedAtMs).toBe(committed);
    });
});

describe('re-homing sends the moved users’ own keys to the destination', () => {
    it.each([
        {
            name: 'with a 2-minute re-homing, the users of us-east-1 are served again 2 minutes after detection',
            // Routing moves them at D (anycast), but their keys' home is still us-east-1, down: their writes
            // fail until the re-homing completes at D + 2 m.
            actions: 'action rehome sessions takes 2m',
            recovered: (d: number) => d + 120_000,
        },
        {
            name: 'without one, they are served again only when us-east-1 is back at 6 m',
            actions: 'action notify takes 2m',
            recovered: () => 360_000,
        },
    ])('$name', async ({ actions, recovered }) => {
        const report = await simulated(designText('sessions', actions));
        const d = report.failovers[0]!.detectedAtMs;
        expect(report.recovery.map((r) => [r.usersOf, r.endMs])).toEqual([['us-east-1', recovered(d)]]);
    });
});

describe('the users moved to another region find its own copy of a store that does not replicate', () => {
    it.each([
        {
            name: 'a cache per region with every region writing is named when routing moves',
            store: 'store cache { engine redis regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww }',
            rows: [
                'routing moves app to us-west-2',
                "cache keeps an independent copy per region (replication none): the users moved to us-west-2 find that region's own copy, cold for their keys — nothing was replicated, so nothing is lost",
            ],
        },
        {
            name: 'a single-writer store without replication is not a copy per region',
            store: 'store cache { engine redis regions us-east-1, us-west-2 holds per-user document writes primary us-east-1 replication none consistency eventual }',
            rows: ['routing moves app to us-west-2'],
        },
        {
            name: 'a store in one region only is not a copy per region',
            store: 'store cache { engine redis regions us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww }',
            rows: ['routing moves app to us-west-2'],
        },
    ])('$name', async ({ store, rows }) => {
        const text = designText('cache', '').replace(STORES, store);
        const report = await simulated(text);
        expect(report.timeline.filter((e) => e.kind === 'routing-change').map((e) => e.text)).toEqual(rows);
    });
});

describe('launching capacity or scaling out raises the destination to the whole load, or to its quota', () => {
    // An active-active service at 50 % capacity per region; us-east-1 fails, its users move to us-west-2 at
    // detection (anycast), which then carries 100 % of the load; the action raises its capacity when done.
    const design = (action: string, quota: string) => `${REGIONS}
service web {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  50% per region
    ${quota}
}
failover web from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    ${action}
    drill  every 30d
}
workload w for web { writes 1/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 20m  at 1m outage region us-east-1 for 15m }
`;
    it.each([
        {
            name: 'scale-out with no quota: 100 % of the load, five minutes after detection',
            action: 'action scale-out web in us-west-2 takes 5m',
            quota: '',
            capacity: 1,
            stopped: [],
        },
        {
            name: 'launch-capacity of the failover’s own service, not named: the same',
            action: 'action launch-capacity in us-west-2 takes 5m',
            quota: '',
            capacity: 1,
            stopped: [],
        },
        {
            name: 'a 70 % quota stops it at 70 %, and the timeline says so',
            action: 'action scale-out web in us-west-2 takes 5m',
            quota: 'quota 70%',
            capacity: 0.7,
            stopped: ['web scale-out in us-west-2 stopped at its quota: capacity 70% of the load, not 100%'],
        },
        {
            name: 'a quota above 100 % lets it reach the whole load, with nothing to say',
            action: 'action scale-out web in us-west-2 takes 5m',
            quota: 'quota 150%',
            capacity: 1,
            stopped: [],
        },
        {
            name: 'a quota of exactly 100 % is the whole load: nothing stopped',
            action: 'action scale-out web in us-west-2 takes 5m',
            quota: 'quota 100%',
            capacity: 1,
            stopped: [],
        },
        {
            name: 'a 30 % quota below what the region has leaves it at its 50 %, and says so',
            action: 'action launch-capacity web in us-west-2 takes 5m',
            quota: 'quota 30%',
            capacity: 0.5,
            stopped: ['web launch-capacity in us-west-2 stopped at its quota: capacity 50% of the load, not 100%'],
        },
    ])('$name', async ({ action, quota, capacity, stopped }) => {
        const report = await simulated(design(action, quota));
        const d = report.failovers[0]!.detectedAtMs;
        const west = report.services[0]!.load!.regions.find((r) => r.region === 'us-west-2')!;
        // The capacity just before the action is done at D + 5 m, and from then on.
        const at = (t: number) => west.steps.filter((s) => s.atMs <= t).at(-1)!.capacity;
        expect([at(d + 299_999), at(d + 300_000)]).toEqual([0.5, capacity]);
        expect(report.timeline.filter((e) => e.text.includes('quota')).map((e) => e.text)).toEqual(stopped);
    });
});

describe('an action raising a region that already carries the whole load', () => {
    it('a 70 % quota on a region with 100 % capacity leaves it at 100 %, with nothing to say', async () => {
        const text = `${REGIONS}
service web {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    quota     70%
}
failover web from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action scale-out web in us-west-2 takes 5m
    drill  every 30d
}
workload w for web { writes 1/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  duration 20m  at 1m outage region us-east-1 for 15m }
`;
        const report = await simulated(text);
        const west = report.services[0]!.load!.regions.find((r) => r.region === 'us-west-2')!;
        expect(west.steps.map((s) => s.capacity)).toEqual(west.steps.map(() => 1));
        expect(report.timeline.filter((e) => e.text.includes('quota'))).toEqual([]);
    });
});

describe('a store’s own failover promotes that store', () => {
    it.each([
        {
            name: 'an unnamed promotion in the failover of db2 (written in us-west-2) moves db2 to us-east-1',
            actions: 'action promote takes 1m',
        },
        { name: 'a named one does the same', actions: 'action promote db2 takes 1m' },
    ])('$name', async ({ actions }) => {
        const text = `${REGIONS}
${STORES}
service app {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      db2
}
failover db2 {
    detect health-check every 10s threshold 3 timeout 2s
    ${actions}
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-west-2 for 5m }
`;
        const report = await simulated(text);
        expect(actionRows(report).filter(([, t]) => t.includes('accepts'))).toEqual([
            [60_000, 'db2 now accepts writes in us-east-1'],
        ]);
    });
});

describe('paths the first mutation run found untested', () => {
    it('a home-region store’s own failover runs (it has no primary to check) and re-homes the lost region’s keys', async () => {
        const text = `${REGIONS}
${STORES}
service app {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      sessions
}
failover sessions from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3 timeout 2s
    action rehome takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 1m outage region us-east-1 for 5m }
`;
        const report = await simulated(text);
        expect(report.failovers.map((f) => [f.target, f.outcome])).toEqual([['sessions', 'completed']]);
        expect(actionRows(report)).toEqual([
            [0, 'rehome in us-west-2 for sessions starts (1 m)'],
            [60_000, 'rehome in us-west-2 for sessions done'],
        ]);
    });

    it('the interruption of a service’s users records its routing change, whatever the store’s index', async () => {
        // app (service 0) writes db2 (store 1) only: routing at D (anycast) ends the interruption of the users
        // of us-east-1 at once, db2 being written in us-west-2.
        const report = await simulated(designText('db2', ''));
        const d = report.failovers[0]!.detectedAtMs;
        expect(report.recovery.map((r) => [r.usersOf, r.detectionMs, r.routingChangeMs, r.endMs])).toEqual([
            ['us-east-1', d, d, d],
        ]);
    });

    it('a replicating store written anywhere is not named as a cold copy when users move', async () => {
        const text = designText('sessions', '').replace(
            'holds       per-user register\n    writes      home-region',
            'holds       per-user register\n    writes      any-region',
        );
        const report = await simulated(text);
        expect(report.timeline.filter((e) => e.kind === 'routing-change').map((e) => e.text)).toEqual([
            'routing moves app to us-west-2',
        ]);
    });
});
