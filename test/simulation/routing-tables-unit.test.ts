// Where each group's users go and what their requests find there (simulation/engine/mechanisms/routing.ts), on
// a hand-built run: the outcome tables of both slots after a refresh, the share of writes that succeed, where a
// store's main workload lands its writes, and the DNS transition a failover's reroute opens (its breakpoints and
// the users' shares at given instants). Every figure is worked by hand from the RTTs and rates below (fast
// enough to run per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import type { EngineContext, Landing } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { EventQueue, Rank } from '../../simulation/engine/event-queue.js';
import {
    createLanding,
    initialDestination,
    onTransition,
    refreshTables,
    reroute,
    RoutingTables,
} from '../../simulation/engine/mechanisms/routing.js';
import { newGroup, newService } from '../../simulation/engine/run-state.js';
import { movedFraction } from '../../simulation/engine/transition.js';
import type { FaultState } from '../../simulation/faults.js';
import { binOf } from '../../simulation/metrics/histogram.js';
import type { GroupPlan, Plan, ServicePlan, StorePlan, StreamPlan, WorkloadPlan } from '../../simulation/plan.js';
import { initialStoreRouting, Status } from '../../simulation/routing.js';
import type { ServiceCapacity } from '../../simulation/service-capacity.js';

// Regions 0, 1, 2; RTTs (ms) 0–1 60, 0–2 80, 1–2 140.
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const R = 3;
const C = 1 + R;
const rtt = new Float64Array(R * R);
for (const [a, b, ms] of [
    [0, 1, 60],
    [0, 2, 80],
    [1, 2, 140],
] as const) {
    rtt[a * R + b] = ms;
    rtt[b * R + a] = ms;
}

function storePlan(index: number, spec: Partial<StorePlan> & { replicas: number[] }): StorePlan {
    const slotOf = new Int32Array(R).fill(-1);
    spec.replicas.forEach((r, slot) => (slotOf[r] = slot));
    return {
        index,
        mode: 'async',
        policy: 'any-region',
        primary: -1,
        votes: new Int32Array(R),
        quorum: 0,
        leader: -1,
        strongReads: false,
        model: {},
        ...spec,
        slotOf,
    } as unknown as StorePlan;
}

// Store 0: home-region, replicas 0 and 1 (keys of 2 homed in 0, its nearest). Store 1: writes in primary 0,
// sync with the voter in 2 (80 ms).
const STORES = [
    storePlan(0, { replicas: [0, 1], policy: 'home-region' }),
    storePlan(1, { replicas: [0, 2], policy: 'primary', primary: 0, mode: 'sync', votes: Int32Array.of(1, 0, 1) }),
];

function service(index: number, spec: Partial<ServicePlan>): ServicePlan {
    return {
        index,
        id: `svc${index}`,
        regions: [],
        runsIn: new Uint8Array(R),
        activeActive: false,
        primary: -1,
        capacity: new Float64Array(R).fill(Infinity),
        ...spec,
    } as unknown as ServicePlan;
}

// Service 0 'api': active-passive in 0 (standby 1). Service 1 'edge': active-active in 0 and 1.
const SERVICES = [
    service(0, { id: 'api', regions: [0, 1], runsIn: Uint8Array.of(1, 1, 0), primary: 0 }),
    service(1, { id: 'edge', regions: [0, 1], runsIn: Uint8Array.of(1, 1, 0), activeActive: true }),
];

// Workload 0: a quarter of its writes go to shared keys, 40 % homed in 0 and 60 % in 1. Workload 1 shares none.
const WORKLOADS = [
    { index: 0, sharedShare: 0.25, homeCut: Float64Array.of(0.4, 1), homeRegion: Int32Array.of(0, 1) },
    { index: 1, sharedShare: 0, homeCut: new Float64Array(0), homeRegion: new Int32Array(0) },
] as unknown as WorkloadPlan[];

// Group 0: users in 2 of 'api', writing both stores and reading both. Group 1: users in 2 of store 0 directly.
// Group 2: users in 1 of 'edge'.
const GROUPS: GroupPlan[] = [
    {
        index: 0,
        kind: 'service',
        target: 0,
        targetId: 'api',
        origin: 2,
        writes: [0, 1],
        readsFrom: [0, 1],
        classes: [0, 1, 2],
    },
    { index: 1, kind: 'store', target: 0, targetId: 'orders', origin: 2, writes: [0], readsFrom: [0], classes: [0] },
    { index: 2, kind: 'service', target: 1, targetId: 'edge', origin: 1, writes: [], readsFrom: [], classes: [0] },
] as unknown as GroupPlan[];

// 100 writes/s of workload 0 into group 0, 50/s of workload 1 into group 1.
const STREAMS: StreamPlan[] = [
    { index: 0, group: 0, workload: 0, rate: 100 },
    { index: 1, group: 1, workload: 1, rate: 50 },
];

const plan = {
    regions: REGIONS,
    rtt,
    stores: STORES,
    services: SERVICES,
    workloads: WORKLOADS,
    groups: GROUPS,
    streams: STREAMS,
} as unknown as Plan;

function faults(down: number[] = []): FaultState {
    const isDown = (r: number) => down.includes(r);
    return { isDown, unreachable: (a: number, b: number) => isDown(a) || isDown(b) } as FaultState;
}

/** A run at `now` with region `down`s down, the service's api in 0 serving 80 % and failing 25 % of what it takes. */
function run(opts: { down?: number[]; now?: number; cache?: boolean; streams?: StreamPlan[] } = {}) {
    const p = opts.streams ? ({ ...plan, streams: opts.streams } as Plan) : plan;
    const updates: unknown[][] = [];
    const observed: unknown[][] = [];
    const rows: unknown[][] = [];
    const calls: string[] = [];
    const services = SERVICES.map((s) => newService(s, R));
    services[0]!.servedFactor[0] = 0.8;
    const groups = GROUPS.map((g) => newGroup(g, g.kind === 'store' ? -1 : g.index === 0 ? 0 : 1, C, 1, undefined));
    const partial = {
        storeErrorShare: (s: number, r: number) => (s === 0 && r === 2 ? 0.1 : 0),
        storeAddedLatency: (s: number, r: number) => (s === 0 && r === 2 ? 7 : 0),
        serviceErrorShare: (s: number, r: number) => (s === 0 && r === 0 ? 0.25 : 0),
        serviceAddedLatency: (s: number, r: number) => (s === 0 && r === 0 ? 5 : 0),
    };
    const capacity = {
        edgeCount: 2,
        update: (...args: unknown[]) => updates.push(args),
    } as unknown as ServiceCapacity;
    const ctx = {
        plan: p,
        now: opts.now ?? 0,
        classes: C,
        work: { scans: 0, tables: 0 },
        faults: faults(opts.down),
        partial,
        services,
        groups,
        groupsOfService: [[0], [2]],
        storeRouting: STORES.map((s) => initialStoreRouting(plan, s)),
        landing: [createLanding(p, 0), createLanding(p, 1)],
        cacheReaders: opts.cache === false ? null : { observe: (...args: unknown[]) => observed.push(args) },
        queue: new EventQueue(),
        record: (...args: unknown[]) => rows.push(args),
        regionName: (r: number) => (r >= 0 ? REGIONS[r]! : 'nowhere'),
        integrate: (t: number) => calls.push(`integrate ${t}`),
        changed: (t: number) => calls.push(`changed ${t}`),
    } as unknown as EngineContext;
    const tables = new RoutingTables(p, capacity);
    return { ctx, tables, updates, observed, rows, calls, groups, services };
}

/** Cell index of slot, store j of W, class. */
const cell = (slot: number, j: number, W: number, cls: number) => (slot * W + j) * C + cls;

describe('RoutingTables: the work of a refresh and the streams of each group', () => {
    it('bounds one refresh of each group by its cells and reads, and the streams by their shared homes', () => {
        const { tables } = run();
        // Group 0: 3 classes × (store 0: 1 step; store 1 sync: 1 + 2 × 3 + 2 = 9) + reads 3 + 3 = 36. Group 1:
        // 1 × 1 + 3 = 4. Group 2 writes and reads nothing. Streams: 2 stores × (1 + 2 homes) + 1 × (1 + 0) = 7.
        expect([...tables.tableSteps]).toEqual([36, 4, 0]);
        expect(tables.streamSteps).toBe(7);
        expect(tables.streamsOf).toEqual([[STREAMS[0]], [STREAMS[1]], []]);
    });
});

describe('refreshTables: the outcome tables of a service group', () => {
    // Slot 0: users of 2 reach 'api' in 0: 80 % served × 75 % not failed = 0.6; client 80 ms + 5 ms added = 85.
    // From 0, store 0 writes class 0 (keys of 2, homed in 0) and class 1 (homed in 0) in 0 at 0 ms and class 2
    // (homed in 1) in 1 at 60 ms; store 1 writes in 0 and waits 80 ms for its voter in 2.
    it.each([
        {
            name: 'healthy: class 0, store 0 in 0 at 85 ms',
            down: [] as number[],
            slot: 0,
            j: 0,
            cls: 0,
            status: Status.ok,
            location: 0,
            latency: 85,
        },
        {
            name: 'healthy: class 0, store 1 in 0 at 165 ms',
            down: [],
            slot: 0,
            j: 1,
            cls: 0,
            status: Status.ok,
            location: 0,
            latency: 165,
        },
        {
            name: 'healthy: class 1, store 0 in 0 at 85 ms',
            down: [],
            slot: 0,
            j: 0,
            cls: 1,
            status: Status.ok,
            location: 0,
            latency: 85,
        },
        {
            name: 'healthy: class 2, store 0 in 1 at 145 ms',
            down: [],
            slot: 0,
            j: 0,
            cls: 2,
            status: Status.ok,
            location: 1,
            latency: 145,
        },
        {
            name: 'healthy: class 2, store 1 in 0 at 165 ms',
            down: [],
            slot: 0,
            j: 1,
            cls: 2,
            status: Status.ok,
            location: 0,
            latency: 165,
        },
        {
            name: 'region 1 down: class 2, store 0 unavailable',
            down: [1],
            slot: 0,
            j: 0,
            cls: 2,
            status: Status.unavailable,
            location: -1,
            latency: 85,
        },
        // Slot 1 has no destination: nothing is reachable, and no client time is added.
        {
            name: 'no previous destination: slot 1 unavailable',
            down: [],
            slot: 1,
            j: 1,
            cls: 0,
            status: Status.unavailable,
            location: -1,
            latency: 0,
        },
    ])('$name', ({ down, slot, j, cls, status, location, latency }) => {
        const { ctx, tables, groups } = run({ down });
        refreshTables(ctx, tables);
        const g = groups[0]!;
        const i = cell(slot, j, 2, cls);
        expect([g.status[i], g.location[i], g.latency[i], g.bin[i]]).toEqual([
            status,
            location,
            latency,
            binOf(latency),
        ]);
    });

    it.each([
        // The request waits for its slowest store (80 ms) and fails with its worst status.
        {
            name: 'healthy: every class ok, 165 ms',
            down: [] as number[],
            status: [0, 0, 0],
            latency: [165, 165, 165],
            writeOk: 1,
        },
        // Region 1 down: shared keys homed in 1 (25 % × 60 % of the writes) fail; 85 % succeed.
        {
            name: 'region 1 down: class 2 fails, 85 % succeed',
            down: [1],
            status: [0, 0, 1],
            latency: [165, 165, 165],
            writeOk: 0.85,
        },
        // Region 2 down: store 1 loses its voter and refuses every write (0 ms); the request of class 2 still
        // waits the 60 ms of store 0, which comes first.
        {
            name: 'region 2 down: store 1 refuses, class 2 145',
            down: [2],
            status: [2, 2, 2],
            latency: [85, 85, 145],
            writeOk: 0,
        },
    ])('request per class, $name', ({ down, status, latency, writeOk }) => {
        const { ctx, tables, groups } = run({ down });
        refreshTables(ctx, tables);
        const g = groups[0]!;
        expect([...g.requestStatus.slice(0, 3)]).toEqual(status);
        expect([...g.requestLatency.slice(0, 3)]).toEqual(latency);
        expect([...g.requestBin.slice(0, 3)]).toEqual(latency.map(binOf));
        expect(g.serviceProb[0]).toBeCloseTo(0.6, 12);
        expect(g.writeOk[0]).toBeCloseTo(writeOk, 12);
        // Slot 1 (no previous destination): nothing served, every write fails, nothing read.
        expect([g.serviceProb[1], g.writeOk[1], g.readOk[1], g.requestStatus[C], g.requestLatency[C]]).toEqual([
            0,
            0,
            0,
            Status.unavailable,
            0,
        ]);
    });

    it('fills slot 1 from the previous destination while users move', () => {
        const { ctx, tables, groups } = run({ down: [1] });
        // Users move from 1 (down) to 0: slot 0 is the healthy destination, slot 1 the old one.
        groups[0]!.previous = 1;
        groups[0]!.dest = 0;
        refreshTables(ctx, tables);
        const g = groups[0]!;
        expect([g.serviceProb[1], g.writeOk[1], g.readOk[1]]).toEqual([0, 0, 0]);
        expect(g.writeOk[0]).toBeCloseTo(0.85, 12);
    });

    it('takes the previous destination 0 in slot 1 with its own outcomes', () => {
        const { ctx, tables, groups } = run();
        groups[0]!.previous = 0;
        groups[0]!.dest = 1;
        refreshTables(ctx, tables);
        const g = groups[0]!;
        // Slot 1 is what slot 0 is when users reach 0: 60 % served, every write succeeds, 165 ms.
        expect(g.serviceProb[1]).toBeCloseTo(0.6, 12);
        expect([g.writeOk[1], g.readOk[1], g.requestStatus[C + 2], g.requestLatency[C + 2]]).toEqual([1, 1, 0, 165]);
        expect(g.requestBin[C + 2]).toBe(binOf(165));
        expect([g.location[cell(1, 0, 2, 2)], g.latency[cell(1, 0, 2, 2)]]).toEqual([1, 145]);
        expect([...g.readReplica.slice(2)]).toEqual([0, 0]);
        // Slot 0 (users now in 1): all served, and every write succeeds too.
        expect([g.serviceProb[0], g.writeOk[0]]).toEqual([1, 1]);
    });

    it('leaves the class its writes never draw untouched', () => {
        const { ctx, tables, groups } = run();
        const g = groups[0]!;
        g.status[cell(0, 0, 2, 3)] = 7;
        g.requestStatus[3] = 7;
        refreshTables(ctx, tables);
        expect([g.status[cell(0, 0, 2, 3)], g.requestStatus[3]]).toEqual([7, 7]);
    });

    it('serves reads from the replica in the destination, and none from slot 1', () => {
        const { ctx, tables, groups } = run();
        refreshTables(ctx, tables);
        // Reads from 0: store 0's replica in 0 and store 1's in 0; slot 1 has no region to read from.
        expect([...groups[0]!.readReplica]).toEqual([0, 0, -1, -1]);
        expect([...groups[0]!.readOk]).toEqual([1, 0]);
    });

    it.each([
        { name: 'the destination is down: nothing served', down: [0], dest: 0, served: 0 },
        // 'api' does not run in 2.
        { name: 'the service does not run there: nothing served', down: [], dest: 2, served: 0 },
        { name: 'the standby in 1, healthy: all served', down: [], dest: 1, served: 1 },
    ])('$name', ({ down, dest, served }) => {
        const { ctx, tables, groups } = run({ down });
        groups[0]!.dest = dest;
        refreshTables(ctx, tables);
        expect(groups[0]!.serviceProb[0]).toBe(served);
    });

    it('adds the standby region 1 client RTT from 2, 140 ms, to its writes', () => {
        const { ctx, tables, groups } = run();
        groups[0]!.dest = 1;
        refreshTables(ctx, tables);
        // From 1: store 0 class 0 (keys of 2, homed in 0): forward 60 ms; the request waits for store 1's
        // forward to 0 (60) and its voter in 2 (80).
        const g = groups[0]!;
        expect([g.latency[cell(0, 0, 2, 0)], g.requestLatency[0]]).toEqual([140 + 60, 140 + 140]);
    });
});

describe('refreshTables: a group of a store used directly', () => {
    it("answers from its own region in both slots, with the store's partial fault", () => {
        const { ctx, tables, groups } = run();
        refreshTables(ctx, tables);
        const g = groups[1]!;
        // 10 % failed, 7 ms added; from 2 the keys of 2 are homed in 0, 80 ms away.
        expect([...g.serviceProb]).toEqual([0.9, 0.9]);
        expect([g.status[0], g.location[0], g.latency[0]]).toEqual([Status.ok, 0, 87]);
        expect([g.status[C], g.location[C], g.latency[C]]).toEqual([Status.ok, 0, 87]);
        expect([...g.writeOk]).toEqual([1, 1]);
        expect([...g.readReplica]).toEqual([0, 0]);
    });
});

describe('refreshTables: the work, capacity and cache readers', () => {
    it('counts its scans and table steps', () => {
        const { ctx, tables } = run();
        refreshTables(ctx, tables);
        // Streams 7 + 3 × 3 regions × 2 landings = 25; services (1 + 6) + (1 + 6) = 14; capacity 2 × 2 × 3 = 12;
        // success shares per slot: group 0 (1 + 2), group 1 (1 + 0), twice = 8. Tables: 2 × (36 + 4 + 0) = 80.
        expect(ctx.work).toEqual({ scans: 25 + 14 + 12 + 8, tables: 80 });
    });

    it('updates the capacity and shows the cache readers the run at its instant', () => {
        const { ctx, tables, updates, observed } = run({ now: 1234 });
        refreshTables(ctx, tables);
        expect(updates).toEqual([[ctx.services, ctx.groups, ctx.partial, 1234]]);
        expect(observed).toEqual([[ctx.groups, ctx.faults, 1234]]);
    });

    it('takes every write as a success for a group with no write stream', () => {
        const { ctx, tables, groups } = run();
        refreshTables(ctx, tables);
        expect([...groups[2]!.writeOk]).toEqual([1, 1]);
    });

    it('skips a store with no landing', () => {
        const { ctx, tables } = run();
        (ctx.landing as (Landing | undefined)[])[0] = undefined;
        refreshTables(ctx, tables);
        // Store 1's landing is still refreshed: its own keys land in 0, 0.045 per ms.
        expect(ctx.landing[1]!.other[0]).toBeCloseTo(0.045, 12);
    });

    it('runs without cache readers', () => {
        const { ctx, tables, groups } = run({ cache: false });
        refreshTables(ctx, tables);
        expect(groups[1]!.writeOk[0]).toBe(1);
    });
});

describe("createLanding and the landing refresh: where a store's main workload writes", () => {
    it.each([
        { name: 'store 0: workload 0, 100/s over workload 1, 50/s', store: 0, rates: [100, 50], want: 0 },
        { name: 'store 0: workload 1 when it writes more', store: 0, rates: [50, 100], want: 1 },
        { name: 'store 0: a tie goes to the first workload', store: 0, rates: [70, 70], want: 0 },
        { name: 'store 1: only workload 0 writes it', store: 1, rates: [10, 500], want: 0 },
    ])('$name', ({ store, rates, want }) => {
        const p = { ...plan, streams: STREAMS.map((s, i) => ({ ...s, rate: rates[i]! })) } as Plan;
        const l = createLanding(p, store)!;
        expect(l.workload).toBe(want);
        expect([...l.shared, ...l.other, ...l.ownLocation]).toEqual([0, 0, 0, 0, 0, 0, -1, -1, -1]);
    });

    it('breaks a tie by the workload index, not by which stream comes first', () => {
        const streams = [
            { index: 0, group: 1, workload: 1, rate: 70 },
            { index: 1, group: 0, workload: 0, rate: 70 },
        ];
        expect(createLanding({ ...plan, streams } as Plan, 0)!.workload).toBe(0);
    });

    it('has no landing for a store no stream writes', () => {
        const p = { ...plan, streams: [STREAMS[1]] } as Plan;
        expect(createLanding(p, 1)).toBeUndefined();
    });

    it.each([
        // Group 0 writes 100/s × 0.6 served = 0.06 per ms. Store 0: own keys (75 %) land in 0: 0.045; shared keys
        // homed in 0 (25 % × 40 %) in 0: 0.006, homed in 1 (25 % × 60 %) in 1: 0.009. Group 1's workload 1 is not
        // store 0's main one.
        {
            name: 'store 0, healthy',
            down: [] as number[],
            store: 0,
            shared: [0.006, 0.009, 0],
            other: [0.045, 0, 0],
            own: [-1, -1, 0],
        },
        // Store 1 writes every key in its primary 0.
        { name: 'store 1, healthy', down: [], store: 1, shared: [0.015, 0, 0], other: [0.045, 0, 0], own: [-1, -1, 0] },
        // Region 2 down: store 1 refuses every write (no quorum), though its coordinator would be 0: none lands.
        {
            name: 'store 1, region 2 down: refused, nowhere',
            down: [2],
            store: 1,
            shared: [0, 0, 0],
            other: [0, 0, 0],
            own: [-1, -1, -1],
        },
        // Region 1 down: the shared keys homed in 1 fail and land nowhere.
        {
            name: 'store 0, region 1 down',
            down: [1],
            store: 0,
            shared: [0.006, 0, 0],
            other: [0.045, 0, 0],
            own: [-1, -1, 0],
        },
    ])('lands $name', ({ down, store, shared, other, own }) => {
        const { ctx, tables } = run({ down });
        const l = ctx.landing[store]!;
        // What an earlier refresh left is cleared.
        l.shared.fill(5);
        l.other.fill(5);
        l.ownLocation.fill(1);
        refreshTables(ctx, tables);
        shared.forEach((v, r) => expect(l.shared[r]).toBeCloseTo(v, 12));
        other.forEach((v, r) => expect(l.other[r]).toBeCloseTo(v, 12));
        expect([...l.ownLocation]).toEqual(own);
    });

    it("keeps where an origin's own keys land when a later group of that origin fails", () => {
        // Both streams of workload 0, the store group's first: its users in 2 write their keys in 0. Then the
        // users of 'api' reach it in 1, which is down: their writes fail and land nowhere.
        const streams = [
            { index: 0, group: 1, workload: 0, rate: 50 },
            { index: 1, group: 0, workload: 0, rate: 100 },
        ];
        const { ctx, tables, groups } = run({ down: [1], streams });
        groups[0]!.dest = 1;
        refreshTables(ctx, tables);
        expect(ctx.landing[0]!.ownLocation[2]).toBe(0);
    });

    it('lands nothing for own keys its writes cannot reach', () => {
        const { ctx, tables } = run({ down: [0] });
        const l: Landing = ctx.landing[0]!;
        refreshTables(ctx, tables);
        // 'api' in 0 is down: no write is served, and every store write is unavailable.
        expect([...l.shared, ...l.other, ...l.ownLocation]).toEqual([0, 0, 0, 0, 0, 0, -1, -1, -1]);
    });
});

describe('initialDestination: where users go before anything fails', () => {
    it.each([
        { name: 'active-passive: the primary 0, from 2', service: 0, origin: 2, routable: [1, 1, 0], want: 0 },
        // 'api' runs in 1 too (its standby): users of 1 still go to the primary.
        { name: 'active-passive from 1, its standby: primary 0', service: 0, origin: 1, routable: [1, 1, 0], want: 0 },
        { name: 'active-active, runs in the origin 1: there', service: 1, origin: 1, routable: [1, 1, 0], want: 1 },
        // 2 runs no 'edge': its nearest region, 0 (80 ms; 1 is 140 ms).
        { name: 'active-active, not in the origin 2: nearest 0', service: 1, origin: 2, routable: [1, 1, 0], want: 0 },
        { name: 'active-active, origin 1 taken out: nearest 0', service: 1, origin: 1, routable: [1, 0, 0], want: 0 },
        { name: 'active-active, 0 taken out, from 2: 1', service: 1, origin: 2, routable: [0, 1, 0], want: 1 },
        { name: 'active-active, none routable: none', service: 1, origin: 2, routable: [0, 0, 0], want: -1 },
    ])('$name', ({ service, origin, routable, want }) => {
        const { ctx, services } = run();
        services[service]!.routable.set(routable);
        expect(initialDestination(ctx, service, origin)).toBe(want);
    });
});

/** The queue's events in order: [time, rank, kind, arg, stamp]. */
function drain(queue: EventQueue): number[][] {
    const events: number[][] = [];
    while (queue.size > 0) {
        events.push([queue.peekTime(), -1, queue.peekKind(), queue.peekArgValue(), queue.peekStampValue()]);
        queue.pop();
    }
    return events;
}

describe("reroute: users move over the route's DNS transition", () => {
    it.each([
        // TTL 60 s, no tail: the transition ends with the TTL, one breakpoint.
        { name: 'TTL 60 s, no tail', route: { ttlMs: 60_000, tailShare: 0, tailMs: 0 }, end: 61_000, breaks: [61_000] },
        // A tail of 10 % of resolvers 300 s late: breakpoints at the TTL's end and the tail's end.
        {
            name: 'TTL 60 s, tail 10 % for 300 s',
            route: { ttlMs: 60_000, tailShare: 0.1, tailMs: 300_000 },
            end: 361_000,
            breaks: [61_000, 361_000],
        },
        // A tail delay with no share is no tail.
        {
            name: 'TTL 60 s, tail delay but no share',
            route: { ttlMs: 60_000, tailShare: 0, tailMs: 300_000 },
            end: 61_000,
            breaks: [61_000],
        },
        {
            name: 'no TTL, tail 10 % for 300 s',
            route: { ttlMs: 0, tailShare: 0.1, tailMs: 300_000 },
            end: 301_000,
            breaks: [1_000, 301_000],
        },
    ])('opens a transition: $name', ({ route, end, breaks }) => {
        const { ctx, groups, services } = run();
        services[0]!.primary = 1;
        reroute(ctx, 0, route, 1_000);
        const g = groups[0]!;
        expect([g.dest, g.previous, g.transitionStamp]).toEqual([1, 0, 1]);
        expect(g.transition).toEqual({ ...route, start: 1_000, end });
        expect(drain(ctx.queue)).toEqual(breaks.map((t) => [t, -1, EventKind.transition, 0, 1]));
        expect(ctx.work.scans).toBe(1);
    });

    it.each([
        // The users' share that has moved at given instants, TTL 60 s from t = 1 s and 10 % of them 300 s late.
        { at: 1_000, moved: 0 },
        { at: 31_000, moved: 0.45 },
        { at: 61_000, moved: 0.9 },
        { at: 200_000, moved: 0.9 },
        { at: 361_000, moved: 1 },
    ])('has moved $moved of the users at $at ms', ({ at, moved }) => {
        const { ctx, groups, services } = run();
        services[0]!.primary = 1;
        reroute(ctx, 0, { ttlMs: 60_000, tailShare: 0.1, tailMs: 300_000 }, 1_000);
        expect(movedFraction(groups[0]!.transition!, at)).toBeCloseTo(moved, 12);
    });

    it('moves users at once when the route has no TTL and no tail', () => {
        const { ctx, groups, services } = run();
        services[0]!.primary = 1;
        groups[0]!.previous = 2;
        reroute(ctx, 0, { ttlMs: 0, tailShare: 0, tailMs: 0 }, 1_000);
        const g = groups[0]!;
        expect([g.dest, g.previous, g.transition, g.transitionStamp, ctx.queue.size]).toEqual([1, -1, undefined, 1, 0]);
    });

    it('moves users at once when they had no destination', () => {
        const { ctx, groups, services } = run();
        services[0]!.primary = 1;
        groups[0]!.dest = -1;
        reroute(ctx, 0, { ttlMs: 60_000, tailShare: 0, tailMs: 0 }, 1_000);
        const g = groups[0]!;
        expect([g.dest, g.previous, g.transition, g.transitionStamp, ctx.queue.size]).toEqual([1, -1, undefined, 1, 0]);
    });

    it('leaves users where routing already sends them', () => {
        const { ctx, groups } = run();
        reroute(ctx, 0, { ttlMs: 60_000, tailShare: 0, tailMs: 0 }, 1_000);
        expect([groups[0]!.dest, groups[0]!.transitionStamp, ctx.queue.size]).toEqual([0, 0, 0]);
    });

    it('sends users of an active-active service to the nearest routable region', () => {
        const { ctx, groups, services } = run();
        // 'edge' taken out of 1: users of 1 go to 0.
        services[1]!.routable[1] = 0;
        reroute(ctx, 1, { ttlMs: 30_000, tailShare: 0, tailMs: 0 }, 0);
        expect([groups[2]!.dest, groups[2]!.previous, groups[2]!.transition?.end]).toEqual([0, 1, 30_000]);
    });
});

describe('onTransition: a breakpoint of a DNS transition', () => {
    function moving() {
        const r = run();
        r.services[0]!.primary = 1;
        reroute(r.ctx, 0, { ttlMs: 60_000, tailShare: 0.1, tailMs: 300_000 }, 1_000);
        return r;
    }

    it("at the TTL's end: integrates and refreshes, the transition goes on", () => {
        const { ctx, groups, rows, calls } = moving();
        onTransition(ctx, 0, 1, 61_000);
        expect(calls).toEqual(['integrate 61000', 'changed 61000']);
        expect([groups[0]!.previous, groups[0]!.transition?.end, rows]).toEqual([0, 361_000, []]);
    });

    it("at the tail's end: every user has moved, recorded on the timeline", () => {
        const { ctx, groups, rows, calls } = moving();
        onTransition(ctx, 0, 1, 361_000);
        expect(calls).toEqual(['integrate 361000', 'changed 361000']);
        expect([groups[0]!.previous, groups[0]!.transition]).toEqual([-1, undefined]);
        expect(rows).toEqual([
            [361_000, 'traffic-moved', 'all users of eu-west-1 on api now reach us-west-2', 'api', 2],
        ]);
    });

    it.each([
        { name: "a superseded transition's breakpoint", stamp: 0, transition: true },
        { name: 'a breakpoint once the transition is over', stamp: 1, transition: false },
    ])('ignores $name', ({ stamp, transition }) => {
        const { ctx, groups, rows, calls } = moving();
        if (!transition) groups[0]!.transition = undefined;
        onTransition(ctx, 0, stamp, 361_000);
        expect([calls, rows, groups[0]!.previous]).toEqual([[], [], 0]);
    });
});

describe('the breakpoint events', () => {
    it('are control events, ranked before writes at the same instant', () => {
        const { ctx, services } = run();
        services[0]!.primary = 1;
        reroute(ctx, 0, { ttlMs: 60_000, tailShare: 0, tailMs: 0 }, 1_000);
        // Two events of other ranks at the same instant (their kinds do not matter to the order): a write's
        // rank (writes are not queued; the core runs them at this rank) and a fault's.
        ctx.queue.push(61_000, Rank.arrival, EventKind.tick, 5);
        ctx.queue.push(61_000, Rank.fault, EventKind.faultStart, 6);
        // The fault first, then the breakpoint (control), then the arrival.
        expect(drain(ctx.queue).map((e) => e[3])).toEqual([6, 0, 5]);
    });
});
