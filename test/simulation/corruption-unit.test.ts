// A corruption (simulation/corruption.ts) on hand-built plans: where the damaging write is made (the primary, else
// the consensus leader, else the first replica), when it reaches each other replica (at once for sync and
// consensus, one lag later for async — the lag of a spike in effect when it is sent — and only once every cut
// between the two regions in effect then has healed; never across a destroy or without replication), the last
// clean restore point, the restore and the RTO it is judged against, and the timeline's rows. Every time is worked
// by hand in its row (fast enough to run per mutant, which the whole-simulation suite corruption.test.ts is not).
import { describe, expect, it } from 'vitest';
import type { Model, StoreM } from '../../language/semantics/model.js';
import { corruptionEvents, corruptionReports, damageArrival } from '../../simulation/corruption.js';
import type { FaultPlan, Plan, StorePlan } from '../../simulation/plan.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface StoreSpec {
    id?: string;
    mode?: string;
    primary?: number;
    leader?: number;
    replicas?: number[];
    lagMs?: number;
    spikes?: { from: number; to: number; lagMs: number }[];
    model?: Partial<StoreM>;
}

/** Only what corruption.ts reads of a store plan (async, primary in us-east-1, replicas in all three by default). */
function storePlan(index: number, spec: StoreSpec = {}): StorePlan {
    const id = spec.id ?? 'orders';
    return {
        index,
        id,
        mode: spec.mode ?? 'async',
        primary: spec.primary ?? 0,
        leader: spec.leader ?? -1,
        replicas: spec.replicas ?? [0, 1, 2],
        lagMs: spec.lagMs ?? 2_000,
        spikes: spec.spikes ?? [],
        model: { id, name: id, consumersIdempotent: false, ...spec.model },
    } as unknown as StorePlan;
}

type Fault = Partial<FaultPlan> & { kind: string; at: number };

function plan(stores: StoreSpec[], faults: Fault[] = [], durationMs = 3 * HOUR): Plan {
    return {
        regions: REGIONS,
        durationMs,
        stores: stores.map((s, i) => storePlan(i, s)),
        faults: faults.map((f, index) => ({ index, until: f.at, label: `fault ${index}`, ...f })),
    } as unknown as Plan;
}

describe('when the damage reaches a replica', () => {
    // A corruption at 10 s written in us-east-1 (origin 0), sent to us-west-2 (1) over a 2 s lag.
    it.each([
        { name: 'async, no fault: one lag later, 12 s', faults: [], at: 12_000 },
        { name: 'an outage of the target from 5 s to 30 s: sent at 30 s, 32 s', faults: [out(1, 5, 30)], at: 32_000 },
        { name: 'an outage of the origin from 5 s to 30 s: the same 32 s', faults: [out(0, 5, 30)], at: 32_000 },
        { name: 'an outage of a third region cuts nothing: 12 s', faults: [out(2, 5, 30)], at: 12_000 },
        { name: 'an outage starting at the corruption: 32 s', faults: [out(1, 10, 30)], at: 32_000 },
        { name: 'an outage ending at the corruption is over: 12 s', faults: [out(1, 5, 10)], at: 12_000 },
        { name: 'an outage after the corruption is too late: 12 s', faults: [out(1, 11, 30)], at: 12_000 },
        { name: 'a partition between the two, 8–20 s: 22 s', faults: [cut(0, 1, 8, 20)], at: 22_000 },
        { name: 'the same partition named the other way round: 22 s', faults: [cut(1, 0, 8, 20)], at: 22_000 },
        { name: 'a partition with the third region cuts nothing', faults: [cut(0, 2, 8, 20)], at: 12_000 },
        { name: 'a partition of the target with a third cuts nothing', faults: [cut(1, 2, 8, 20)], at: 12_000 },
        // named with the target second, or the origin second: still not the pair
        {
            name: 'a partition of a third with the target cuts nothing',
            faults: [cut(2, 1, 8, 20)],
            at: 12_000,
        },
        {
            name: 'a partition of a third with the origin cuts nothing',
            faults: [cut(2, 0, 8, 20)],
            at: 12_000,
        },
        // the outage moves the send to 20 s, where the partition (listed first) is in effect: 40 s, then the lag
        {
            name: 'a cut in effect once another heals delays it again',
            faults: [cut(0, 1, 15, 40), out(1, 5, 20)],
            at: 42_000,
        },
        {
            name: 'a destroy of the target in effect: never',
            faults: [{ kind: 'destroy', region: 1, at: 5_000, until: 3 * HOUR }],
            at: null,
        },
        {
            name: 'a destroy of the origin in effect: never',
            faults: [{ kind: 'destroy', region: 0, at: 5_000, until: 3 * HOUR }],
            at: null,
        },
        {
            name: 'a destroy after the corruption: 12 s',
            faults: [{ kind: 'destroy', region: 1, at: 20_000, until: 3 * HOUR }],
            at: 12_000,
        },
        // the outage of the origin ends at 20 s, when the target is destroyed (since 15 s)
        {
            name: 'a destroy met once an outage heals: never',
            faults: [out(0, 5, 20), { kind: 'destroy', region: 1, at: 15_000, until: 3 * HOUR }],
            at: null,
        },
        {
            name: 'a control-plane impairment of the target cuts nothing',
            faults: [{ kind: 'control-plane', region: 1, at: 5_000, until: 30_000 }],
            at: 12_000,
        },
        {
            name: 'a lag spike fault is no cut either',
            faults: [{ kind: 'lag-spike', region: 1, a: 0, b: 1, at: 5_000, until: 30_000 }],
            at: 12_000,
        },
    ])('$name', ({ faults, at }) => {
        const p = plan([{}], faults as Fault[]);
        expect(damageArrival(p, p.stores[0]!, 0, 1, 10_000)).toBe(at);
    });

    it.each([
        { name: 'sync: at once, 10 s', spec: { mode: 'sync' }, to: 1, at: 10_000 },
        { name: 'consensus: at once, 10 s', spec: { mode: 'consensus' }, to: 1, at: 10_000 },
        {
            name: 'sync, behind an outage to 30 s: at 30 s, no lag',
            spec: { mode: 'sync' },
            to: 1,
            at: 30_000,
            faults: [out(1, 5, 30)],
        },
        { name: 'no replication: never reaches another replica', spec: { mode: 'none' }, to: 1, at: null },
        { name: 'no replication: the origin itself at once', spec: { mode: 'none' }, to: 0, at: 10_000 },
        { name: 'the origin is damaged at once, cut off or not', spec: {}, to: 0, at: 10_000, faults: [out(0, 5, 30)] },
        // a spike [9 s, 11 s) of 5 s in effect at the send
        { name: 'a lag spike in effect when sent: 10 + 5 s', spec: spiked(9, 11, 5), to: 1, at: 15_000 },
        { name: 'a spike starting at the send: 10 + 5 s', spec: spiked(10, 11, 5), to: 1, at: 15_000 },
        { name: 'a spike starting after the send: 12 s', spec: spiked(11, 20, 5), to: 1, at: 12_000 },
        { name: 'a spike ending at the send is over: 12 s', spec: spiked(9, 10, 5), to: 1, at: 12_000 },
        { name: 'a spike lower than the lag keeps the lag: 12 s', spec: spiked(9, 11, 0.5), to: 1, at: 12_000 },
        // sent at 30 s, once the outage heals: the spike then (29–31 s, 7 s) applies, not the lag at 10 s
        {
            name: 'the spike at the send after a heal: 30 + 7 s',
            spec: spiked(29, 31, 7),
            to: 1,
            at: 37_000,
            faults: [out(1, 5, 30)],
        },
        // two spikes in effect: the larger
        {
            name: 'of two spikes in effect, the larger: 10 + 6 s',
            spec: {
                spikes: [
                    { from: 0, to: 20_000, lagMs: 6_000 },
                    { from: 0, to: 20_000, lagMs: 3_000 },
                ],
            },
            to: 1,
            at: 16_000,
        },
    ])('$name', ({ spec, to, at, faults }) => {
        const p = plan([spec], (faults ?? []) as Fault[]);
        expect(damageArrival(p, p.stores[0]!, 0, to, 10_000)).toBe(at);
    });
});

/** A store whose one lag spike runs from `from` s to `to` s with a lag of `lag` s. */
function spiked(from: number, to: number, lag: number): StoreSpec {
    return { spikes: [{ from: from * 1_000, to: to * 1_000, lagMs: lag * 1_000 }] };
}

/** An outage of `region` from `from` s to `to` s. */
function out(region: number, from: number, to: number): Fault {
    return { kind: 'outage', region, at: from * 1_000, until: to * 1_000 };
}

/** A partition between regions a and b from `from` s to `to` s. */
function cut(a: number, b: number, from: number, to: number): Fault {
    return { kind: 'partition', a, b, at: from * 1_000, until: to * 1_000 };
}

/** A model whose services use (`uses`), read or depend on `orders`, each with its RTO. */
function model(
    services: { name: string; uses?: string[]; reads?: string[]; dependsOn?: string[]; rtoMs?: number }[] = [],
): Model {
    return {
        failovers: [],
        workloads: new Map(),
        scenarios: new Map(),
        services: new Map(
            services.map((s) => [
                s.name,
                {
                    name: s.name,
                    uses: s.uses ?? [],
                    reads: s.reads ?? [],
                    dependsOn: s.dependsOn ?? [],
                    objective: s.rtoMs === undefined ? undefined : { rtoMs: s.rtoMs },
                },
            ]),
        ),
    } as unknown as Model;
}

const HOURLY = { intervalMs: HOUR, region: 'eu-west-1', immutable: false, restoreBytesPerS: 500e6 };

describe('the report of a corruption', () => {
    it('hourly backups, 12 m in: 12 m lost, 2 TB ÷ 500 MB/s = 4,000 s, beyond a store RTO of 30 m', () => {
        const p = plan(
            [{ model: { backup: HOURLY, sizeBytes: 2e12, objective: { rtoMs: 30 * MINUTE } } as Partial<StoreM> }],
            [{ kind: 'corrupt', at: 12 * MINUTE, stores: [0], label: 'corrupt orders' }],
        );
        expect(corruptionReports(model(), p)).toEqual([
            {
                fault: 0,
                store: 'orders',
                label: 'corrupt orders',
                atMs: 12 * MINUTE,
                origin: 'us-east-1',
                // one 2 s lag after 12 m to each async replica
                replicas: [
                    { region: 'us-east-1', damagedAtMs: 720_000 },
                    { region: 'us-west-2', damagedAtMs: 722_000 },
                    { region: 'eu-west-1', damagedAtMs: 722_000 },
                ],
                // the backup at 0 is the last before 12 m
                restorePoint: {
                    kind: 'backup',
                    atMs: 0,
                    lostWindowMs: 720_000,
                    lostWindowBoundMs: HOUR,
                    backupRegion: 'eu-west-1',
                    immutable: false,
                },
                restore: {
                    sizeBytes: 2e12,
                    throughputBytesPerS: 500e6,
                    durationMs: 4_000_000,
                    // 720 s + 4,000 s
                    restoredAtMs: 4_720_000,
                },
                rto: { objectiveMs: 30 * MINUTE, from: 'store orders', met: false },
                notes: [],
            },
        ]);
    });

    it('PITR on a locked backup: 1 s lost; 1 TB ÷ 1 GB/s = 1,000 s meets an RTO of exactly 1,000 s', () => {
        const backup = { intervalMs: HOUR, immutable: true, pitrMs: 7 * 24 * HOUR, restoreBytesPerS: 1e9 };
        const p = plan(
            [{ model: { backup, sizeBytes: 1e12, objective: { rtoMs: 1_000_000 } } as Partial<StoreM> }],
            [{ kind: 'corrupt', at: 40 * MINUTE, stores: [0], label: 'c' }],
        );
        const [r] = corruptionReports(model(), p);
        expect(r!.restorePoint).toEqual({
            kind: 'pitr',
            atMs: 40 * MINUTE - 1_000,
            lostWindowMs: 1_000,
            lostWindowBoundMs: 1_000,
            backupRegion: null,
            immutable: true,
        });
        expect(r!.restore).toEqual({
            sizeBytes: 1e12,
            throughputBytesPerS: 1e9,
            durationMs: 1_000_000,
            restoredAtMs: 2_400_000 + 1_000_000,
        });
        expect(r!.rto).toEqual({ objectiveMs: 1_000_000, from: 'store orders', met: true });
    });

    it('no backup: no restore point, the RTO missed, and both notes', () => {
        const p = plan(
            [{ model: { sizeBytes: 2e12, objective: { rtoMs: HOUR } } as Partial<StoreM> }],
            [{ kind: 'corrupt', at: MINUTE, stores: [0], label: 'c' }],
        );
        const [r] = corruptionReports(model(), p);
        expect(r!.restorePoint).toBeNull();
        expect(r!.restore).toEqual({
            sizeBytes: 2e12,
            throughputBytesPerS: null,
            durationMs: null,
            restoredAtMs: null,
        });
        expect(r!.rto).toEqual({ objectiveMs: HOUR, from: 'store orders', met: false });
        expect(r!.notes).toEqual([
            'store orders has no backup: the damage reaches every replica and no clean copy is left to restore (docs/facts.md#corruption-replicates)',
            "the restore time of orders is size ÷ restore throughput, and no vendor documents a restore throughput (docs/facts.md#restore-throughput): declare 'restore <throughput>' on its backup",
        ]);
    });

    it('a backup with neither size nor throughput: a restore point, no restore time, the RTO not judged', () => {
        const p = plan(
            [
                {
                    model: {
                        backup: { intervalMs: HOUR, immutable: false },
                        objective: { rtoMs: HOUR },
                    } as Partial<StoreM>,
                },
            ],
            [{ kind: 'corrupt', at: 90 * MINUTE, stores: [0], label: 'c' }],
        );
        const [r] = corruptionReports(model(), p);
        // the backup at 1 h: 30 m lost
        expect(r!.restorePoint).toMatchObject({ kind: 'backup', atMs: HOUR, lostWindowMs: 30 * MINUTE });
        expect(r!.restore).toEqual({
            sizeBytes: null,
            throughputBytesPerS: null,
            durationMs: null,
            restoredAtMs: null,
        });
        expect(r!.rto).toEqual({ objectiveMs: HOUR, from: 'store orders', met: null });
        expect(r!.notes).toEqual([
            "the restore time of orders is size ÷ restore throughput, and no vendor documents a restore throughput (docs/facts.md#restore-throughput): declare 'size' and 'restore <throughput>' on its backup",
        ]);
    });

    it.each([
        // the tightest of the services that use or read it; one that only depends on it does not count
        {
            name: 'RTO: the tightest service that uses or reads the store',
            services: [
                { name: 'checkout', uses: ['orders'], rtoMs: 20 * MINUTE },
                { name: 'reporting', reads: ['orders'], rtoMs: 10 * MINUTE },
                { name: 'edge', dependsOn: ['orders'], rtoMs: MINUTE },
                { name: 'other', uses: ['carts'], rtoMs: MINUTE },
            ],
            // 2 TB ÷ 500 MB/s = 4,000 s > 10 m
            rto: { objectiveMs: 10 * MINUTE, from: 'service reporting', met: false },
        },
        { name: 'RTO: none declared, none judged', services: [{ name: 'checkout', uses: ['orders'] }], rto: null },
    ])('$name', ({ services, rto }) => {
        const p = plan(
            [{ model: { backup: HOURLY, sizeBytes: 2e12 } as Partial<StoreM> }],
            [{ kind: 'corrupt', at: MINUTE, stores: [0], label: 'c' }],
        );
        expect(corruptionReports(model(services), p)[0]!.rto).toEqual(rto);
    });

    it.each([
        { name: 'origin: the primary, us-west-2', spec: { primary: 1, leader: 2 }, origin: 'us-west-2' },
        {
            name: 'origin: a primary in the first region, us-east-1',
            spec: { primary: 0, leader: 2 },
            origin: 'us-east-1',
        },
        { name: 'origin: no primary, the consensus leader', spec: { primary: -1, leader: 2 }, origin: 'eu-west-1' },
        {
            name: 'origin: a leader in the first region',
            spec: { primary: -1, leader: 0, replicas: [1, 0] },
            origin: 'us-east-1',
        },
        {
            name: 'origin: neither, the first replica',
            spec: { primary: -1, leader: -1, replicas: [2, 0] },
            origin: 'eu-west-1',
        },
    ])('$name', ({ spec, origin }) => {
        const p = plan([spec], [{ kind: 'corrupt', at: MINUTE, stores: [0], label: 'c' }]);
        const [r] = corruptionReports(model(), p);
        expect(r!.origin).toBe(origin);
        // the origin is damaged at the corruption itself, the others one lag later
        for (const replica of r!.replicas)
            expect(replica.damagedAtMs).toBe(replica.region === origin ? MINUTE : MINUTE + 2_000);
    });

    it.each([
        // an index past its list is an error that says which list, not a silent undefined
        {
            name: 'names a store index past the list',
            spec: {},
            stores: [5],
            error: 'store: no element at index 5 of 1',
        },
        {
            name: 'names a replica region past the list',
            spec: { replicas: [0, 7] },
            stores: [0],
            error: 'region: no element at index 7 of 3',
        },
        {
            name: 'names an origin region past the list',
            spec: { primary: 7, replicas: [0] },
            stores: [0],
            error: 'region: no element at index 7 of 3',
        },
    ])('$name', ({ spec, stores, error }) => {
        const p = plan([spec], [{ kind: 'corrupt', at: MINUTE, stores, label: 'c' }]);
        expect(() => corruptionReports(model(), p)).toThrow(error);
    });

    it('a store with no replica names itself in the error', () => {
        const p = plan([{ primary: -1, replicas: [] }], [{ kind: 'corrupt', at: MINUTE, stores: [0], label: 'c' }]);
        expect(() => corruptionReports(model(), p)).toThrow("orders's replicas: no element at index 0 of 0");
    });

    it('reports every instance a corruption names, and only corruptions within the scenario', () => {
        const p = plan(
            [{ id: 'orders-a' }, { id: 'orders-b' }, { id: 'carts' }],
            [
                { kind: 'outage', region: 1, at: MINUTE, until: 2 * MINUTE },
                { kind: 'corrupt', at: 2 * MINUTE, stores: [1, 0], label: 'corrupt orders' },
                // at the very end: outside the run
                { kind: 'corrupt', at: 3 * HOUR, stores: [2], label: 'too late' },
                { kind: 'corrupt', at: 3 * HOUR - 1, stores: [2], label: 'just in time' },
            ],
        );
        expect(corruptionReports(model(), p).map((r) => [r.fault, r.store, r.label])).toEqual([
            [1, 'orders-b', 'corrupt orders'],
            [1, 'orders-a', 'corrupt orders'],
            [3, 'carts', 'just in time'],
        ]);
    });
});

describe('the timeline of a corruption', () => {
    it('names a store index past the list', () => {
        const p = plan([{}], [{ kind: 'corrupt', at: MINUTE, stores: [4], label: 'c' }]);
        expect(() => corruptionEvents(p, p.faults[0] as Extract<FaultPlan, { kind: 'corrupt' }>)).toThrow(
            'store: no element at index 4 of 1',
        );
    });

    it('the damage reaching each other replica, then the restore with its restore point', () => {
        const p = plan(
            [
                { model: { backup: HOURLY, sizeBytes: 2e12 } as Partial<StoreM> },
                { id: 'carts', mode: 'none', primary: -1, replicas: [1, 2] },
            ],
            [out(2, 60, 900), { kind: 'corrupt', at: 12 * MINUTE, stores: [0, 1], label: 'c' }],
        );
        expect(corruptionEvents(p, p.faults[1] as Extract<FaultPlan, { kind: 'corrupt' }>)).toEqual([
            {
                atMs: 722_000,
                kind: 'corruption-reached',
                text: 'the corruption of orders reaches its replica in us-west-2',
                target: 'orders',
                region: 1,
            },
            // eu-west-1 is down until 15 m: sent then, one lag later
            {
                atMs: 902_000,
                kind: 'corruption-reached',
                text: 'the corruption of orders reaches its replica in eu-west-1',
                target: 'orders',
                region: 2,
            },
            // the backup at 0, 12 m before the corruption; 4,000 s after it
            {
                atMs: 4_720_000,
                kind: 'corruption-restored',
                text: 'orders restored to 12 m before the corruption, if the restore started at once (2 TB ÷ 500 MB/s, an estimate)',
                target: 'orders',
                region: null,
            },
            // carts replicates nothing and has no backup: no row
        ]);
    });

    it('with PITR the restore point is 1 s before; without a restore time, no restore row', () => {
        const pitr = { intervalMs: HOUR, immutable: false, pitrMs: HOUR, restoreBytesPerS: 1e9 };
        const p = plan(
            [
                { mode: 'sync', replicas: [0, 1], model: { backup: pitr, sizeBytes: 5e11 } as Partial<StoreM> },
                { id: 'carts', replicas: [0], model: { backup: pitr } as Partial<StoreM> },
            ],
            [{ kind: 'corrupt', at: 5 * MINUTE, stores: [0, 1], label: 'c' }],
        );
        expect(corruptionEvents(p, p.faults[0] as Extract<FaultPlan, { kind: 'corrupt' }>)).toEqual([
            {
                atMs: 5 * MINUTE,
                kind: 'corruption-reached',
                text: 'the corruption of orders reaches its replica in us-west-2',
                target: 'orders',
                region: 1,
            },
            // 500 GB ÷ 1 GB/s = 500 s after 5 m
            {
                atMs: 800_000,
                kind: 'corruption-restored',
                text: 'orders restored to 1 s before the corruption, if the restore started at once (500 GB ÷ 1 GB/s, an estimate)',
                target: 'orders',
                region: null,
            },
        ]);
    });
});
