// Fault starts and ends in the engine (simulation/engine/mechanisms/faults.ts), on a hand-built engine context
// with a real fault state and real partial faults over three regions (us-east-1, eu-west-1, ap-northeast-1):
// what each kind of fault tells the timeline, in which order it asks the other mechanisms to react (the read
// flow integrated first, a destroy's losses before the region goes down, the tables after), the cascade rows of
// a partial fault or of a fault on a global dependency's home, and the gray watches: the health checks that
// should notice a partial fault, and why they did not. The services and stores are those of
// partial-faults-unit.test.ts; every row is worked by hand (fast enough to run per mutant, which the
// whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import { factRef } from '../../language/semantics/facts/citation.js';
import { GLOBAL_SERVICES } from '../../language/semantics/facts/global-services.js';
import type { EngineContext, GrayWatch } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import { onFaultEnd, onFaultStart, scheduleFaults } from '../../simulation/engine/mechanisms/faults.js';
import { FaultState } from '../../simulation/faults.js';
import { PartialFaults } from '../../simulation/partial-faults.js';
import type { Plan } from '../../simulation/plan.js';
import type { FailoverRuntime, Probe } from '../../simulation/runtime.js';
import { APNE1, EUW1, REGIONS, RTT, type ServiceSpec, servicePlans, slotsOf, USE1 } from './fault-design.js';
import { type RecordedRow as Row, timelineRecorder } from './timeline-recorder.js';

const [WEB, API, AUTH, EDGE] = [0, 1, 2, 3];
const [DB, LOGS] = [0, 1];
const DURATION = 3_600_000;
const STS = factRef(GLOBAL_SERVICES.sts.home.id);
const IAM = factRef(GLOBAL_SERVICES.iam.home.id);

/** web → api → auth in us-east-1; api also in eu-west-1 with auth; edge and sso elsewhere. */
const SERVICES: ServiceSpec[] = [
    { id: 'web', regions: [USE1], dependsOn: [API] },
    { id: 'api', regions: [USE1, EUW1], uses: [DB], dependsOn: [AUTH] },
    { id: 'auth', regions: [USE1, EUW1] },
    { id: 'edge', regions: [APNE1], uses: [DB] },
    { id: 'sso', regions: [EUW1, APNE1], global: [{ name: 'sts', home: USE1 }] },
];
/** db: synchronous, primary in us-east-1; logs: asynchronous with a 100 ms lag, first replica in us-east-1. */
const STORES = [
    { id: 'db', replicas: [USE1, EUW1], mode: 'sync', primary: USE1, lagMs: 0 },
    { id: 'logs', replicas: [USE1, APNE1], mode: 'async', primary: -1, lagMs: 100 },
];

type FaultSpec = { kind: string; at?: number; until?: number } & Record<string, unknown>;

/** A degrade or fail of `targets` in `region`. */
const partial = (
    kind: 'degrade' | 'fail',
    targetKind: 'service' | 'store',
    targets: number[],
    region: number,
    errorShare: number,
    addedLatencyMs: number,
): FaultSpec => ({ kind, targetKind, targets, region, errorShare, addedLatencyMs });

interface FailoverSpec {
    targetKind: 'service' | 'store';
    target: number;
    method: string;
    depth: 'shallow' | 'deep';
    /** Regions of its probes, with the threshold each fails after. */
    probes: [number, number][];
}

/** A row of fault 0 itself: in no target's name. */
const faultRow = (t: number, kind: string, text: string, region: number | null): Row => ({
    t,
    kind,
    text,
    target: null,
    region,
    cause: { fault: 0 },
});

/** A context over `faults` (their labels `f0`, `f1`, …), with `services` (the default set unless given). */
function engine(faults: FaultSpec[], failovers: FailoverSpec[] = [], services = SERVICES) {
    const plan = {
        regions: REGIONS,
        rtt: Float64Array.from(RTT),
        durationMs: DURATION,
        services: servicePlans(services),
        stores: STORES.map((s, index) => ({
            index,
            ...s,
            slotOf: slotsOf(s.replicas),
            leader: -1,
            spikes: [],
            model: {},
        })),
        faults: faults.map((f, index) => ({ index, at: 0, until: 60_000, label: `f${index}`, line: 1, ...f })),
    } as unknown as Plan;
    const { rows, record } = timelineRecorder();
    const calls: string[] = [];
    const pushed: unknown[][] = [];
    const state = new FaultState(plan);
    let probeIndex = 0;
    const probes: Probe[] = [];
    const runtimes = failovers.map((f, index) => {
        const runtime = {
            plan: {
                index,
                targetKind: f.targetKind,
                target: f.target,
                model: { detection: { method: f.method, depth: f.depth } },
            },
            probes: [] as Probe[],
        } as unknown as FailoverRuntime;
        for (const [region, threshold] of f.probes) {
            const probe = { index: probeIndex++, failover: runtime, region, threshold } as unknown as Probe;
            runtime.probes.push(probe);
            probes.push(probe);
        }
        return runtime;
    });
    const ctx = {
        plan,
        faults: state,
        partial: new PartialFaults(plan),
        failovers: runtimes,
        probes,
        grayWatches: [] as GrayWatch[],
        queue: { push: (...args: unknown[]) => pushed.push(args) },
        record(...row: Parameters<typeof record>) {
            record(...row);
            calls.push(`record ${row[1]}`);
        },
        faultSource: (i: number) => ({ fault: i }),
        regionName: (r: number) => REGIONS[r]!,
        integrate: (t: number) => calls.push(`integrate ${t}`),
        destroyRegion: (r: number, t: number, i: number) =>
            calls.push(`destroyRegion ${r} ${t} ${i} (down: ${state.isDown(r)})`),
        faultsChanged: (t: number, i: number) =>
            calls.push(`faultsChanged ${t} ${i} (in effect: ${state.activeCount})`),
        regionDown: (r: number, t: number) => calls.push(`regionDown ${r} ${t}`),
        regionUp: (r: number, t: number) => calls.push(`regionUp ${r} ${t}`),
    } as unknown as EngineContext;
    return { ctx, rows, calls, pushed, state };
}

const T = 300_000;

describe('every fault is scheduled to start and, unless it is a destroy or a corruption, to end', () => {
    it('pushes a start at each fault’s time and an end at its end, at fault rank', () => {
        const e = engine([
            { kind: 'outage', region: EUW1, at: 1000, until: 5000 },
            { kind: 'destroy', region: APNE1, at: 2000, until: DURATION },
            { kind: 'corrupt', stores: [DB], at: 3000, until: 3000 },
            { kind: 'partition', a: USE1, b: EUW1, at: 4000, until: 6000 },
        ]);
        scheduleFaults(e.ctx);
        const f = Rank.fault;
        expect(e.pushed).toEqual([
            [1000, f, EventKind.faultStart, 0],
            [5000, f, EventKind.faultEnd, 0],
            [2000, f, EventKind.faultStart, 1],
            [3000, f, EventKind.faultStart, 2],
            [4000, f, EventKind.faultStart, 3],
            [6000, f, EventKind.faultEnd, 3],
        ]);
    });
});

describe('a fault starting: the timeline row, and the reactions in order', () => {
    it.each<[string, FaultSpec, number | null, string[]]>([
        [
            'an outage: the read flow first, then the tables, then manual detection',
            { kind: 'outage', region: EUW1, until: T + 600_000 },
            EUW1,
            ['faultsChanged 300000 0 (in effect: 1)', 'regionDown 1 300000'],
        ],
        [
            'a partition (away from sso’s global home): no region goes down',
            { kind: 'partition', a: EUW1, b: APNE1, until: T + 90_000 },
            null,
            ['faultsChanged 300000 0 (in effect: 1)'],
        ],
        [
            'a control-plane impairment: in its region, nothing goes down',
            { kind: 'control-plane', region: APNE1, until: T + 30_000 },
            APNE1,
            ['faultsChanged 300000 0 (in effect: 1)'],
        ],
        [
            'a flap: in its region',
            { kind: 'flap', region: USE1, until: T + 1500 },
            USE1,
            ['faultsChanged 300000 0 (in effect: 1)'],
        ],
        [
            'a lag spike: in no region',
            { kind: 'lag-spike', stores: [LOGS], lagMs: 5000, until: T + 3_600_000 },
            null,
            ['faultsChanged 300000 0 (in effect: 1)'],
        ],
    ])('%s', (_, spec, region, after) => {
        const e = engine([{ ...spec, at: T }]);
        onFaultStart(e.ctx, 0, T);
        const lasts = {
            outage: '10 m',
            partition: '1 m 30 s',
            'control-plane': '30 s',
            flap: '1.5 s',
            'lag-spike': '1 h',
        };
        expect(e.rows).toEqual([
            {
                t: T,
                kind: 'fault-start',
                text: `f0 begins (for ${lasts[spec.kind as keyof typeof lasts]})`,
                target: null,
                region,
                cause: { fault: 0 },
            },
        ]);
        expect(e.calls).toEqual([`integrate ${T}`, 'record fault-start', ...after]);
        expect(e.state.activeCount).toBe(1);
    });

    it('a destroy: its losses are taken while the region is still up, then it goes down for good', () => {
        const e = engine([{ kind: 'destroy', region: EUW1, at: T, until: DURATION }]);
        onFaultStart(e.ctx, 0, T);
        expect(e.rows).toEqual([faultRow(T, 'fault-start', 'f0: its storage is gone and it does not come back', EUW1)]);
        expect(e.calls).toEqual([
            `integrate ${T}`,
            'record fault-start',
            `destroyRegion 1 ${T} 0 (down: false)`,
            `faultsChanged ${T} 0 (in effect: 1)`,
            `regionDown 1 ${T}`,
        ]);
        expect(e.state.isDown(EUW1)).toBe(true);
    });

    it('a corruption: nothing goes down; its arrivals before the run ends are on the timeline at once', () => {
        // db is synchronous: the damage reaches eu-west-1 at once. logs lags 100 ms: it would reach ap-northeast-1
        // exactly at the run's end, which is past the run.
        const at = DURATION - 100;
        const e = engine([{ kind: 'corrupt', stores: [DB, LOGS], at, until: at, storeName: 'db' }]);
        onFaultStart(e.ctx, 0, at);
        expect(e.rows).toEqual([
            faultRow(at, 'fault-start', 'f0: the damage replicates to every replica', null),
            {
                t: at,
                kind: 'corruption-reached',
                text: 'the corruption of db reaches its replica in eu-west-1',
                target: 'db',
                region: EUW1,
                cause: { fault: 0 },
            },
        ]);
        expect(e.calls).toEqual(['record fault-start', 'record corruption-reached']);
        expect(e.state.activeCount).toBe(0);
    });
});

describe('a fault ending: the timeline row, and a region back only when nothing else holds it down', () => {
    it.each<[string, FaultSpec[], number | null, string[]]>([
        [
            'the only outage of a region: it comes back',
            [{ kind: 'outage', region: EUW1 }],
            EUW1,
            [`faultsChanged ${T} 0 (in effect: 0)`, `regionUp 1 ${T}`],
        ],
        [
            'one of two outages of a region: it stays down',
            [
                { kind: 'outage', region: EUW1 },
                { kind: 'outage', region: EUW1 },
            ],
            EUW1,
            [`faultsChanged ${T} 0 (in effect: 1)`],
        ],
        [
            'an outage while a destroy holds the region: it stays down',
            [
                { kind: 'outage', region: APNE1 },
                { kind: 'destroy', region: APNE1 },
            ],
            APNE1,
            [`faultsChanged ${T} 0 (in effect: 1)`],
        ],
        [
            'the end of a partition: in no region, nothing comes back',
            [{ kind: 'partition', a: USE1, b: EUW1 }],
            null,
            [`faultsChanged ${T} 0 (in effect: 0)`],
        ],
        [
            'the end of a control-plane impairment: nothing comes back',
            [{ kind: 'control-plane', region: USE1 }],
            USE1,
            [`faultsChanged ${T} 0 (in effect: 0)`],
        ],
        [
            'the end of a flap: in its region',
            [{ kind: 'flap', region: APNE1 }],
            APNE1,
            [`faultsChanged ${T} 0 (in effect: 0)`],
        ],
        [
            'the end of a lag spike: in no region',
            [{ kind: 'lag-spike', stores: [LOGS], lagMs: 5000 }],
            null,
            [`faultsChanged ${T} 0 (in effect: 0)`],
        ],
    ])('%s', (_, specs, region, after) => {
        const e = engine(specs);
        specs.forEach((__, i) => e.state.start(e.ctx.plan.faults[i]!));
        onFaultEnd(e.ctx, 0, T);
        expect(e.rows).toEqual([
            { t: T, kind: 'fault-end', text: 'f0 ends', target: null, region, cause: { fault: 0 } },
        ]);
        expect(e.calls).toEqual([`integrate ${T}`, 'record fault-end', ...after]);
    });
});

/** The cascade rows' texts. */
const cascade = (rows: Row[]): [number, string, string][] =>
    rows.filter((r) => r.kind === 'cascade').map((r) => [r.region!, r.target!, r.text]);

describe('a partial fault: the cascade through what services call', () => {
    it('db degraded in us-east-1: each service impaired through it, with the share, the latency and why', () => {
        const e = engine([partial('degrade', 'store', [DB], USE1, 0.1, 20)]);
        onFaultStart(e.ctx, 0, T);
        expect(e.rows[0]!.region).toBe(USE1);
        expect(cascade(e.rows)).toEqual([
            [
                USE1,
                'web',
                'web in us-east-1 fails 10% of requests, +20 ms per request: it depends on api, impaired there',
            ],
            [
                USE1,
                'api',
                'api in us-east-1 fails 10% of requests, +20 ms per request: it depends on db, impaired there',
            ],
            [
                APNE1,
                'edge',
                'edge in ap-northeast-1 fails 10% of requests, +20 ms per request: it depends on db in us-east-1, impaired there',
            ],
        ]);
        expect(
            e.rows.filter((r) => r.kind === 'cascade').every((r) => (r.cause as { fault: number }).fault === 0),
        ).toBe(true);
        // The cascade is worked out once the fault is in effect, before the tables are rebuilt.
        expect(e.calls.slice(-2)).toEqual(['record cascade', `faultsChanged ${T} 0 (in effect: 1)`]);
    });

    it.each<[string, FaultSpec, string]>([
        [
            'an error share alone: no latency clause',
            partial('degrade', 'service', [AUTH], EUW1, 0.25, 0),
            'api in eu-west-1 fails 25% of requests: it depends on auth, impaired there',
        ],
        [
            'added latency alone: no share clause',
            partial('degrade', 'service', [AUTH], EUW1, 0, 300),
            'api in eu-west-1 +300 ms per request: it depends on auth, impaired there',
        ],
        [
            'a failing dependency: every request',
            partial('fail', 'service', [AUTH], EUW1, 1, 0),
            'api in eu-west-1 fails every request: it depends on auth, impaired there',
        ],
    ])('%s', (_, spec, text) => {
        const e = engine([spec]);
        onFaultStart(e.ctx, 0, T);
        expect(cascade(e.rows)).toEqual([[EUW1, 'api', text]]);
        // A degrade's or a fail's own rows are in its region, as it starts and as it ends.
        expect(e.rows[0]!.region).toBe(EUW1);
        onFaultEnd(e.ctx, 0, T + 60_000);
        expect(e.rows.filter((r) => r.kind === 'fault-end').map((r) => r.region)).toEqual([EUW1]);
    });

    it.each<[string, FaultSpec]>([
        [
            'a degrade ending: every service it impaired is no longer impaired, and the region stays up',
            partial('degrade', 'service', [AUTH], USE1, 0.5, 0),
        ],
        [
            'a fail ending: every service it impaired is no longer impaired, and the region stays up',
            partial('fail', 'service', [AUTH], USE1, 1, 0),
        ],
    ])('%s', (_, spec) => {
        const e = engine([spec]);
        onFaultStart(e.ctx, 0, T);
        e.rows.length = 0;
        e.calls.length = 0;
        onFaultEnd(e.ctx, 0, T + 60_000);
        expect(e.rows[0]).toEqual(faultRow(T + 60_000, 'fault-end', 'f0 ends', USE1));
        expect(cascade(e.rows)).toEqual([
            [USE1, 'web', 'web in us-east-1 is no longer impaired through what it depends on'],
            [USE1, 'api', 'api in us-east-1 is no longer impaired through what it depends on'],
        ]);
        expect(e.calls.at(-1)).toBe(`faultsChanged ${T + 60_000} 0 (in effect: 0)`);
    });

    it('two impaired dependencies of one service: both named, db first (stores before services)', () => {
        // db and auth each degraded by half in us-east-1: api there meets 1 − 0.5 × 0.5 = 75 %.
        const e = engine([
            partial('degrade', 'store', [DB], USE1, 0.5, 0),
            partial('degrade', 'service', [AUTH], USE1, 0.5, 0),
        ]);
        e.state.start(e.ctx.plan.faults[0]!);
        onFaultStart(e.ctx, 1, T);
        expect(cascade(e.rows).filter(([, id]) => id === 'api')).toEqual([
            [USE1, 'api', 'api in us-east-1 fails 75% of requests: it depends on db, auth, impaired there'],
        ]);
    });
});

describe('a fault on the home of a provider-global dependency', () => {
    // sso fails every request in each region listed, for the reason given: "it calls sts on every request,
    // homed in us-east-1, <why> (<citation>)".
    it.each<[string, FaultSpec, number[], string]>([
        [
            'its home down: every region of sso, the home "is down"',
            { kind: 'outage', region: USE1 },
            [EUW1, APNE1],
            'which is down',
        ],
        ['its home destroyed: the same', { kind: 'destroy', region: USE1 }, [EUW1, APNE1], 'which is down'],
        [
            "its home's control plane impaired",
            { kind: 'control-plane', region: USE1 },
            [EUW1, APNE1],
            'whose control plane is impaired',
        ],
        [
            'its home cut off from ap-northeast-1: only there',
            { kind: 'partition', a: APNE1, b: USE1 },
            [APNE1],
            'which a partition cuts off from ap-northeast-1',
        ],
        ['a control-plane impairment elsewhere: nothing', { kind: 'control-plane', region: EUW1 }, [], ''],
    ])('%s', (_, spec, regions, why) => {
        const e = engine([spec]);
        onFaultStart(e.ctx, 0, T);
        expect(cascade(e.rows)).toEqual(
            regions.map((r) => [
                r,
                'sso',
                `sso in ${REGIONS[r]} fails every request: it calls sts on every request, homed in us-east-1, ${why} (${STS})`,
            ]),
        );
    });

    it.each<[string, FaultSpec]>([
        ['its home back after an outage: sso is no longer impaired in either region', { kind: 'outage', region: USE1 }],
        ['its home cut off no more: sso is no longer impaired where it was', { kind: 'partition', a: USE1, b: EUW1 }],
    ])('%s', (_, spec) => {
        const e = engine([spec]);
        onFaultStart(e.ctx, 0, T);
        const impaired = cascade(e.rows).map(([r]) => r);
        e.rows.length = 0;
        onFaultEnd(e.ctx, 0, T + 60_000);
        expect(cascade(e.rows)).toEqual(
            impaired.map((r) => [r, 'sso', `sso in ${REGIONS[r]} is no longer impaired through what it depends on`]),
        );
    });

    it('two dependencies homed there: named together, each cited once', () => {
        const services: ServiceSpec[] = [
            {
                id: 'sso',
                regions: [EUW1],
                global: [
                    { name: 'sts', home: USE1 },
                    { name: 'iam', home: USE1 },
                ],
            },
        ];
        const e = engine([{ kind: 'outage', region: USE1 }], [], services);
        onFaultStart(e.ctx, 0, T);
        expect(cascade(e.rows)).toEqual([
            [
                EUW1,
                'sso',
                `sso in eu-west-1 fails every request: it calls sts, iam on every request, homed in us-east-1, which is down (${STS}, ${IAM})`,
            ],
        ]);
    });

    it('a dependency with no entry in the global-services facts is named but cites nothing', () => {
        const services: ServiceSpec[] = [
            {
                id: 'sso',
                regions: [EUW1],
                global: [
                    { name: 'sts', home: USE1 },
                    { name: 'unlisted', home: USE1 },
                ],
            },
        ];
        const e = engine([{ kind: 'outage', region: USE1 }], [], services);
        onFaultStart(e.ctx, 0, T);
        expect(cascade(e.rows)).toEqual([
            [
                EUW1,
                'sso',
                `sso in eu-west-1 fails every request: it calls sts, unlisted on every request, homed in us-east-1, which is down (${STS})`,
            ],
        ]);
    });

    it('dependencies homed in two impaired regions: one clause per home, and an impaired dependency too', () => {
        const services: ServiceSpec[] = [
            {
                id: 'sso',
                regions: [APNE1],
                dependsOn: [1],
                global: [
                    { name: 'sts', home: USE1 },
                    { name: 'iam', home: EUW1 },
                ],
            },
            { id: 'auth', regions: [APNE1] },
        ];
        const e = engine(
            [
                { kind: 'outage', region: USE1 },
                { kind: 'control-plane', region: EUW1 },
                partial('degrade', 'service', [1], APNE1, 0.5, 0),
            ],
            [],
            services,
        );
        [0, 1].forEach((i) => e.state.start(e.ctx.plan.faults[i]!));
        onFaultStart(e.ctx, 2, T);
        expect(cascade(e.rows)).toEqual([
            [
                APNE1,
                'sso',
                `sso in ap-northeast-1 fails every request: it depends on auth, impaired there; it calls sts on every request, homed in us-east-1, which is down (${STS}); it calls iam on every request, homed in eu-west-1, whose control plane is impaired (${IAM})`,
            ],
        ]);
    });
});

/** A failover's health checks (or manual detection) of a target: its probes' regions with their thresholds. */
const checks = (
    target: number,
    depth: 'shallow' | 'deep',
    probes: [number, number][],
    targetKind: 'service' | 'store' = 'service',
    method = 'health-check',
): FailoverSpec => ({ targetKind, target, method, depth, probes });

/** db degraded by 20 % in a region. */
const degradeDb = (region: number) => partial('degrade', 'store', [DB], region, 0.2, 0);

/** Why a shallow check never notices what impairs a target through its dependencies. */
const onlyAnswers = (id: string) =>
    `a shallow check asks only whether ${id} answers, not whether what it calls works (declare 'deep' to check it)`;

describe('the gray watches: health checks that should notice a partial fault', () => {
    const degradeAuth = partial('degrade', 'service', [AUTH], USE1, 0.5, 0);
    it.each<[string, FaultSpec, FailoverSpec, [number, string][]]>([
        [
            "a service's checks in the fault's region watch what reaches it through a dependency",
            degradeAuth,
            checks(API, 'shallow', [
                [USE1, 3],
                [EUW1, 3],
            ]),
            [[0, 'shallow']],
        ],
        [
            'a deep check of the faulted service itself',
            degradeAuth,
            checks(AUTH, 'deep', [
                [EUW1, 2],
                [USE1, 2],
            ]),
            [[1, 'deep']],
        ],
        [
            "a store's checks watch a degrade of that store",
            degradeDb(EUW1),
            checks(DB, 'shallow', [[EUW1, 3]], 'store'),
            [[0, 'shallow']],
        ],
        [
            "a store's checks do not watch a service's fault",
            degradeAuth,
            checks(DB, 'shallow', [[USE1, 3]], 'store'),
            [],
        ],
        [
            // api is service 1 and logs store 1: the same index, not the same target.
            "a store's checks do not watch a fault of the service with its index",
            partial('degrade', 'service', [API], USE1, 0.5, 0),
            checks(LOGS, 'shallow', [[USE1, 3]], 'store'),
            [],
        ],
        [
            "a store's checks do not watch another store's degrade",
            partial('degrade', 'store', [LOGS], USE1, 0.2, 0),
            checks(DB, 'shallow', [[USE1, 3]], 'store'),
            [],
        ],
        ['a service the fault does not reach is not watched', degradeAuth, checks(EDGE, 'deep', [[USE1, 3]]), []],
        [
            'manual detection has no checks to watch',
            degradeAuth,
            checks(API, 'shallow', [[USE1, 3]], 'service', 'manual'),
            [],
        ],
    ])('%s', (_, spec, failover, watches) => {
        const e = engine([spec], [failover]);
        onFaultStart(e.ctx, 0, T);
        expect(e.ctx.grayWatches).toEqual(watches.map(([probe, depth]) => ({ fault: 0, probe, depth, noticedAt: -1 })));
    });

    it.each<[string, FaultSpec, FailoverSpec, string]>([
        [
            'a shallow check of a service impaired through what it calls: it asks only whether the service answers',
            degradeAuth,
            checks(API, 'shallow', [[USE1, 3]]),
            `the shallow health checks of api in us-east-1 never noticed the f0: ${onlyAnswers('api')}`,
        ],
        [
            'a shallow check of web (service 0) under a degrade of db (store 0): not its own fault',
            degradeDb(USE1),
            checks(WEB, 'shallow', [[USE1, 3]]),
            `the shallow health checks of web in us-east-1 never noticed the f0: ${onlyAnswers('web')}`,
        ],
        [
            'a shallow check of the faulted service itself: it never failed often enough',
            degradeAuth,
            checks(AUTH, 'shallow', [[USE1, 3]]),
            'the shallow health checks of auth in us-east-1 never noticed the f0: the checks never failed 3 times in a row',
        ],
        [
            'a deep check with a threshold of 1: “1 time”',
            degradeAuth,
            checks(API, 'deep', [[USE1, 1]]),
            'the deep health checks of api in us-east-1 never noticed the f0: the checks never failed 1 time in a row',
        ],
        [
            'a shallow check of the degraded store itself',
            degradeDb(EUW1),
            checks(DB, 'shallow', [[EUW1, 2]], 'store'),
            'the shallow health checks of db in eu-west-1 never noticed the f0: the checks never failed 2 times in a row',
        ],
    ])('%s', (_, spec, failover, text) => {
        const e = engine([spec], [failover]);
        onFaultStart(e.ctx, 0, T);
        e.rows.length = 0;
        onFaultEnd(e.ctx, 0, T + 60_000);
        const region = spec.region as number;
        const id = failover.targetKind === 'store' ? 'db' : SERVICES[failover.target]!.id;
        expect(e.rows.filter((r) => r.kind === 'gray-undetected')).toEqual([
            { t: T + 60_000, kind: 'gray-undetected', text, target: id, region, cause: { fault: 0 } },
        ]);
    });

    it('a watch that noticed the fault, or watches another fault, says nothing when it ends', () => {
        const e = engine(
            [degradeAuth, { ...degradeAuth, region: EUW1 }],
            [
                checks(API, 'shallow', [
                    [USE1, 3],
                    [EUW1, 3],
                ]),
            ],
        );
        onFaultStart(e.ctx, 0, T);
        onFaultStart(e.ctx, 1, T);
        expect(e.ctx.grayWatches.map((w) => [w.fault, w.probe])).toEqual([
            [0, 0],
            [1, 1],
        ]);
        // Noticed at the run's very start: a time of 0 is a time.
        e.ctx.grayWatches[0]!.noticedAt = 0;
        e.rows.length = 0;
        onFaultEnd(e.ctx, 0, T + 60_000);
        expect(e.rows.filter((r) => r.kind === 'gray-undetected')).toEqual([]);
    });
});
