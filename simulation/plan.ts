// Compiles a semantic model and one of its scenarios into the indexed plan the engine runs: regions as
// numbers (only those the scenario can touch: regions-used.ts), an RTT matrix, stores, services, the user groups a workload loads (one per service instance and
// origin region) and the write streams (one per workload and user group). Everything the engine needs is
// checked here, so a run either starts with a complete plan or fails with a message naming what to declare.
import { rttBetween } from '../language/semantics/latency.js';
import type {
    ConflictStrategy,
    FailoverM,
    Model,
    Posture,
    ReplicationMode,
    ScenarioM,
    ServiceM,
    StoreM,
    WorkloadM,
    WritePolicy,
} from '../language/semantics/model.js';
import { COSMOS } from '../language/semantics/facts/defaults.js';
import { processingTimeOf, type ProcessingTime } from './processing-time.js';
import { quorumOf, votersOf } from '../language/semantics/estimators/voters.js';
import { commitWaitMs, homedPerRow, readsLocally } from '../language/semantics/estimators/consensus-write.js';
import { formatDuration, formatPercent } from '../format/quantities.js';
import { SimulationError } from './errors.js';
import { itemAt } from '../language/util/item-at.js';
import { regionsUsed } from './regions-used.js';
import { compileDrain, type DrainPlan } from './drain.js';

export interface StorePlan {
    readonly index: number;
    readonly id: string;
    readonly name: string;
    readonly model: StoreM;
    readonly mode: ReplicationMode;
    readonly policy: WritePolicy;
    /** Region index of the primary for `writes primary` stores, else -1. */
    readonly primary: number;
    /** Region indices holding a data replica, in declaration order. */
    readonly replicas: readonly number[];
    /** Replica slot of each region (index into `replicas`), -1 where the store has none. */
    readonly slotOf: Int32Array;
    /** Voting members per region (replicas spread round-robin, plus the witness), for sync/consensus. */
    readonly votes: Int32Array;
    readonly quorum: number;
    /** Consensus stores: where writes are ordered at the start (Spanner's default leader, CockroachDB's home region), else -1. */
    readonly leader: number;
    /** Consensus stores: one region index per voter, placed for the initial leader. */
    readonly voters: readonly number[];
    /** Regional-by-row consensus stores: the voters of rows homed in each store region (survival goals place them per home). */
    readonly votersByHome: ReadonlyMap<number, readonly number[]>;
    /** Rows are homed where they are written (regional-by-row, or `writes home-region`). */
    readonly perRow: boolean;
    /** A GLOBAL table's commit wait (the max clock offset), ms; 0 otherwise. */
    readonly commitWaitMs: number;
    /** Declared (or engine-default) async lag, ms. */
    readonly lagMs: number;
    /** Strong reads go through the quorum instead of the nearest replica. */
    readonly strongReads: boolean;
    /** Cosmos DB strong across regions: every write waits 2 × RTT(farthest) — the network part of the p99 bound
     *  2 × RTT + 10 ms of docs/facts.md#cosmos-strong-write-latency, whose 10 ms is the processing time drawn per
     *  write (`processing`); set with the RTT matrix. */
    cosmosStrongMs?: number;
    /** The engine's processing time, drawn per write; undefined where no source documents it. */
    readonly processing: ProcessingTime | undefined;
    readonly conflicts: ConflictStrategy;
    /** Concurrent writes to one key from several regions are possible and must be tracked key by key. */
    readonly tracksKeys: boolean;
    /** Lag spikes that apply to this store: [from, to) with the lag during the spike. */
    readonly spikes: readonly { readonly from: number; readonly to: number; readonly lagMs: number }[];
    /** Offset of each workload's shared keys in the store's key state (workload index → offset), for tracked stores. */
    readonly keyOffsets: Map<number, number>;
    /** Total tracked keys (sum over the workloads that write the store). */
    trackedKeys: number;
    /** How a backlog drains after a heal (drain.ts); set once the streams are known. */
    drain: DrainPlan;
}

export interface ServicePlan {
    readonly index: number;
    readonly id: string;
    readonly name: string;
    readonly cell?: string;
    readonly model: ServiceM;
    readonly regions: readonly number[];
    readonly runsIn: Uint8Array;
    readonly posture?: Posture;
    readonly activeActive: boolean;
    /** Primary region index for non-active-active postures, else -1. */
    readonly primary: number;
    /** Share of the total load each region can absorb; +∞ where capacity is not declared. */
    readonly capacity: Float64Array;
    /** Retries its clients make after a failed attempt (`retries`); 0 when none are declared. */
    readonly retries: number;
    readonly uses: readonly number[];
    readonly reads: readonly number[];
    /** Service indices it calls (`depends-on`): a partial fault of one of them in a region reaches it there. */
    readonly dependsOn: readonly number[];
    /**
     * Provider-global services its requests call (`global-dependency`) whose home region the run can touch: an
     * outage, destroy or control-plane impairment there fails the service in every region (global-dependencies.ts).
     */
    readonly globalDependencies: readonly { readonly name: string; readonly home: number }[];
}

export interface WorkloadPlan {
    readonly index: number;
    readonly name: string;
    readonly model: WorkloadM;
    /** Keys written from several regions (keys × shared share); 0 when no key space is declared. */
    readonly sharedKeys: number;
    readonly sharedShare: number;
    readonly keys?: number;
    /** Where the shared keys are homed (for home-region stores): cumulative write shares and their regions. */
    readonly homeCut: Float64Array;
    readonly homeRegion: Int32Array;
}

/** The users of one origin region loading one service instance (or one store instance directly). */
export interface GroupPlan {
    readonly index: number;
    readonly kind: 'service' | 'store';
    /** Service index or store index, by `kind`. */
    readonly target: number;
    readonly targetId: string;
    readonly targetName: string;
    readonly origin: number;
    writeRate: number;
    readRate: number;
    /** Stores a write request writes (the service's `uses`, or the target store). */
    readonly writes: readonly number[];
    /** Stores a read request reads (`uses` and `reads`, or the target store). */
    readonly readsFrom: readonly number[];
    /** Key classes its writes can draw, ascending: 0 (the origin's own keys), 1 + h for shared keys homed in h. */
    classes: readonly number[];
}

/** Write arrivals of one workload into one user group: a Poisson process. */
export interface StreamPlan {
    readonly index: number;
    readonly group: number;
    readonly workload: number;
    readonly rate: number;
}

export interface FailoverPlan {
    readonly index: number;
    readonly model: FailoverM;
    readonly targetKind: 'service' | 'store';
    readonly target: number;
    /** Regions the failover watches: its `from`, or every region of an active-active target. */
    readonly monitored: readonly number[];
    /** Destination region index (`to`), or -1. */
    readonly to: number;
}

export type FaultPlan =
    | {
          readonly index: number;
          readonly kind: 'outage';
          readonly at: number;
          readonly until: number;
          readonly region: number;
          readonly label: string;
          readonly line: number;
      }
    /** One store's data damaged at `at` (`until` = `at`): nothing goes down; corruption.ts follows the damage. */
    | {
          readonly index: number;
          readonly kind: 'corrupt';
          readonly at: number;
          readonly until: number;
          /** Every instance of the named store (one per cell for a per-cell store). */
          readonly stores: readonly number[];
          readonly storeName: string;
          readonly label: string;
          readonly line: number;
      }
    /** Down from `at` to the end of the scenario (`until`), its storage gone. */
    | {
          readonly index: number;
          readonly kind: 'destroy';
          readonly at: number;
          readonly until: number;
          readonly region: number;
          readonly label: string;
          readonly line: number;
      }
    | {
          readonly index: number;
          readonly kind: 'partition';
          readonly at: number;
          readonly until: number;
          readonly a: number;
          readonly b: number;
          readonly label: string;
          readonly line: number;
      }
    | {
          readonly index: number;
          readonly kind: 'control-plane';
          readonly at: number;
          readonly until: number;
          readonly region: number;
          readonly label: string;
          readonly line: number;
      }
    | {
          readonly index: number;
          readonly kind: 'lag-spike';
          readonly at: number;
          readonly until: number;
          readonly stores: readonly number[];
          readonly lagMs: number;
          readonly label: string;
          readonly line: number;
      }
    | {
          readonly index: number;
          readonly kind: 'flap';
          readonly at: number;
          readonly until: number;
          readonly region: number;
          readonly targetName?: string;
          readonly periodMs?: number;
          readonly label: string;
          readonly line: number;
      }
    | PartialFaultPlan;

/**
 * `degrade` and `fail`: the instances named (services, or stores for a degrade) that run in `region` answer
 * `errorShare` of requests with an error and add `addedLatencyMs`; a `fail` answers nothing (`errorShare` 1).
 */
export interface PartialFaultPlan {
    readonly index: number;
    readonly kind: 'degrade' | 'fail';
    readonly at: number;
    readonly until: number;
    readonly region: number;
    readonly targetKind: 'service' | 'store';
    readonly targetName: string;
    readonly targets: readonly number[];
    readonly errorShare: number;
    readonly addedLatencyMs: number;
    readonly label: string;
    readonly line: number;
}

/** Everything but the RTT matrix: what the budget estimates a run from, before the quadratic part is built. */
export interface PlanStructure {
    readonly model: Model;
    readonly scenario: ScenarioM;
    readonly durationMs: number;
    /** The declared regions the scenario can touch (regions-used.ts), in declaration order: index → name. */
    readonly regions: readonly string[];
    readonly regionIndex: ReadonlyMap<string, number>;
    readonly stores: readonly StorePlan[];
    readonly services: readonly ServicePlan[];
    readonly workloads: readonly WorkloadPlan[];
    readonly groups: readonly GroupPlan[];
    readonly streams: readonly StreamPlan[];
    readonly failovers: readonly FailoverPlan[];
    readonly faults: readonly FaultPlan[];
}

export interface Plan extends PlanStructure {
    /** RTT between regions i and j at [i * R + j], ms. */
    readonly rtt: Float64Array;
}

export function compilePlan(model: Model, scenario: ScenarioM): Plan {
    return completePlan(compileStructure(model, scenario));
}

/** Adds the RTT matrix (regions², the one quadratic part) and checks every RTT the run needs is known. */
export function completePlan(structure: PlanStructure): Plan {
    const { model, regions, stores } = structure;
    const R = regions.length;
    const rtt = new Float64Array(R * R).fill(NaN);
    for (const [i, a] of regions.entries()) {
        for (const [j, b] of regions.entries()) rtt[i * R + j] = rttBetween(model, a, b).ms ?? NaN;
    }
    for (const s of stores) {
        if (s.model.engine !== 'cosmosdb' || s.model.consistency.level !== 'strong' || s.replicas.length < 2) continue;
        let far = 0;
        for (const a of s.replicas) for (const b of s.replicas) far = Math.max(far, itemAt(rtt, a * R + b, 'RTT'));
        // docs/facts.md#cosmos-strong-write-latency: strong across regions, write p99 ≤ 2 × RTT(two farthest regions)
        // + 10 ms; the 10 ms is the processing time's p99, drawn per write, so only the network part is fixed.
        s.cosmosStrongMs = 2 * far + (s.processing ? 0 : COSMOS.strongWriteOverheadMs.value);
    }
    const plan = { ...structure, rtt };
    checkLatencies(plan);
    return plan;
}

/** Compiles everything but the RTT matrix: regions, stores, services, user groups, streams, failovers, faults. */
export function compileStructure(model: Model, scenario: ScenarioM): PlanStructure {
    if (scenario.durationMs === undefined || !(scenario.durationMs > 0)) {
        throw new SimulationError(
            'incomplete-design',
            `scenario ${scenario.name} has no duration: add e.g. 'duration 1h'`,
        );
    }
    const workloadModels = scenario.workloads.map((name) => {
        const w = model.workloads.get(name);
        if (!w)
            throw new SimulationError(
                'incomplete-design',
                `scenario ${scenario.name} uses workload '${name}', which is not declared`,
            );
        return w;
    });
    if (workloadModels.length === 0)
        throw new SimulationError(
            'incomplete-design',
            `scenario ${scenario.name} names no workload: add 'workload <name>'`,
        );

    const regions = regionsUsed(model, scenario, workloadModels);
    const regionIndex = new Map(regions.map((r, i) => [r, i]));
    const R = regions.length;
    const region = (name: string | undefined, what: string): number => {
        const index = name === undefined ? undefined : regionIndex.get(name);
        if (index !== undefined) return index;
        // A declared region missing from the index is a gap in regionsUsed, not a design error.
        if (name !== undefined && model.regions.has(name))
            throw new Error(`regionsUsed misses region '${name}', named by ${what}`);
        throw new SimulationError(
            'incomplete-design',
            `${what} names region '${name ?? '?'}', which the design does not declare`,
        );
    };

    const stores: StorePlan[] = [];
    const storeIndex = new Map<string, number>();
    for (const s of model.stores.values()) {
        const plan = compileStore(s, stores.length, R, scenario, region);
        storeIndex.set(s.id, plan.index);
        stores.push(plan);
    }
    const services: ServicePlan[] = [];
    const serviceIndex = new Map<string, number>();
    for (const s of model.services.values()) {
        const plan = compileService(s, services.length, R, storeIndex, region, regionIndex);
        serviceIndex.set(s.id, plan.index);
        services.push(plan);
    }

    const workloads = workloadModels.map((w, index) => compileWorkload(w, index, region));
    const { groups, streams } = compileGroups(model, workloads, stores, services, storeIndex, serviceIndex, region);
    assignKeySpaces(workloads, streams, groups, stores);
    assignClasses(workloads, streams, groups);
    for (const s of stores) s.drain = compileDrain(s, streams, groups, workloads);

    const failovers: FailoverPlan[] = [];
    for (const f of model.failovers) {
        const targetKind = f.target.kind;
        const target = targetKind === 'service' ? serviceIndex.get(f.target.id) : storeIndex.get(f.target.id);
        if (target === undefined) continue;
        const targetRegions =
            targetKind === 'service'
                ? itemAt(services, target, 'service').regions
                : itemAt(stores, target, 'store').replicas;
        const monitored = f.from !== undefined ? [region(f.from, `failover of ${f.target.id}`)] : [...targetRegions];
        failovers.push({
            index: failovers.length,
            model: f,
            targetKind,
            target,
            monitored,
            to: f.to !== undefined ? region(f.to, `failover of ${f.target.id}`) : -1,
        });
    }

    for (const s of services)
        (s.dependsOn as number[]).push(
            ...s.model.dependsOn.map((id) => serviceIndex.get(id)).filter((i): i is number => i !== undefined),
        );
    const faults = compileFaults(scenario, stores, services, region);
    return {
        model,
        scenario,
        durationMs: scenario.durationMs,
        regions,
        regionIndex,
        stores,
        services,
        workloads,
        groups,
        streams,
        failovers,
        faults,
    };
}

function compileStore(
    s: StoreM,
    index: number,
    R: number,
    scenario: ScenarioM,
    region: (name: string | undefined, what: string) => number,
): StorePlan {
    if (s.regions.length === 0) throw new SimulationError('incomplete-design', `store ${s.id} has no regions`);
    const replicas = [...new Set(s.regions.map((r) => region(r, `store ${s.id}`)))];
    const slotOf = new Int32Array(R).fill(-1);
    replicas.forEach((r, slot) => (slotOf[r] = slot));
    const votes = new Int32Array(R);
    for (const v of votersOf(s)) {
        const r = region(v.region, `store ${s.id}`);
        votes[r] = itemAt(votes, r, 'votes') + 1;
    }
    const mode = s.replication.mode;
    if (mode === 'async' && replicas.length > 1 && s.replication.lagMs === undefined) {
        throw new SimulationError(
            'incomplete-design',
            `store ${s.id} replicates asynchronously without a lag: declare it, e.g. 'replication async lag 1s'`,
        );
    }
    const policy = s.writes.policy;
    const primary = policy === 'primary' ? region(s.writes.primary ?? s.regions[0], `store ${s.id}`) : -1;
    const conflicts = s.conflicts.strategy;
    const multiWriter = policy === 'any-region' || policy === 'home-region';
    const tracksKeys =
        replicas.length > 1 &&
        multiWriter &&
        ((mode === 'async' && (conflicts === 'lww' || conflicts === 'crdt' || conflicts === 'vector-clocks')) ||
            (mode === 'sync' && conflicts === 'reject'));
    const spikes = scenario.faults
        .filter((f) => f.kind === 'lag-spike' && (f.store === undefined || f.store === s.name))
        .map((f) => ({ from: f.atMs, to: f.atMs + f.durationMs, lagMs: (f as { lagMs: number }).lagMs }));
    const leader = s.consensus ? region(s.consensus.leader, `store ${s.id}`) : -1;
    const perRow = s.consensus !== undefined && homedPerRow(s);
    const votersAt = (home: string) => votersOf(s, home).map((v) => region(v.region, `store ${s.id}`));
    const votersByHome = new Map<number, readonly number[]>();
    if (perRow && s.consensus?.survive !== undefined)
        for (const r of s.regions) votersByHome.set(region(r, `store ${s.id}`), votersAt(r));
    return {
        index,
        id: s.id,
        name: s.name,
        model: s,
        mode,
        policy,
        primary,
        replicas,
        slotOf,
        votes,
        quorum: mode === 'consensus' ? quorumOf(s) : mode === 'sync' ? Math.min(2, votersOf(s).length) : 1,
        leader,
        voters: s.consensus ? votersAt(s.consensus.leader) : [],
        votersByHome,
        perRow,
        commitWaitMs: commitWaitMs(s),
        lagMs: s.replication.lagMs ?? 0,
        strongReads: s.consistency.level === 'strong' && (mode === 'sync' || mode === 'consensus') && !readsLocally(s),
        conflicts,
        tracksKeys,
        spikes,
        keyOffsets: new Map(),
        trackedKeys: 0,
        drain: { catchUpPerS: Infinity, declared: false, itemBytes: undefined },
        processing: processingTimeOf(s.engine),
    };
}

function compileService(
    s: ServiceM,
    index: number,
    R: number,
    storeIndex: ReadonlyMap<string, number>,
    region: (name: string | undefined, what: string) => number,
    regionIndex: ReadonlyMap<string, number>,
): ServicePlan {
    if (s.regions.length === 0) throw new SimulationError('incomplete-design', `service ${s.id} has no regions`);
    const regions = [...new Set(s.regions.map((r) => region(r, `service ${s.id}`)))];
    const runsIn = new Uint8Array(R);
    for (const r of regions) runsIn[r] = 1;
    const activeActive = s.posture === 'active-active' || regions.length === 1;
    const capacity = new Float64Array(R).fill(Infinity);
    if (s.capacity)
        for (const [r, share] of Object.entries(s.capacity)) capacity[region(r, `capacity of ${s.id}`)] = share;
    const stores = (ids: readonly string[]) =>
        ids.map((id) => storeIndex.get(id)).filter((i): i is number => i !== undefined);
    return {
        index,
        id: s.id,
        name: s.name,
        cell: s.cell,
        model: s,
        regions,
        runsIn,
        posture: s.posture,
        activeActive,
        primary: activeActive ? -1 : region(s.primary ?? s.regions[0], `service ${s.id}`),
        capacity,
        retries: s.retries?.count ?? 0,
        uses: stores(s.uses),
        reads: stores(s.reads),
        dependsOn: [],
        globalDependencies: s.globalDependencies.flatMap((d) => {
            // A home the design does not declare cannot be named by a fault, so it is never impaired in a run.
            const home = d.home === undefined ? undefined : regionIndex.get(d.home);
            return home === undefined ? [] : [{ name: d.name, home }];
        }),
    };
}

function compileWorkload(
    w: WorkloadM,
    index: number,
    region: (name: string | undefined, what: string) => number,
): WorkloadPlan {
    const keys = w.keys;
    const sharedKeys = keys === undefined ? 0 : Math.round(keys * w.sharedKeyShare);
    const origins = w.writeOrigins.filter((o) => o.share > 0);
    const total = origins.reduce((a, o) => a + o.share, 0);
    const homeCut = new Float64Array(origins.length);
    const homeRegion = new Int32Array(origins.length);
    let cumulative = 0;
    origins.forEach((o, i) => {
        cumulative += o.share / (total || 1);
        homeCut[i] = i === origins.length - 1 ? 1 : cumulative;
        homeRegion[i] = region(o.region, `workload ${w.name}`);
    });
    return {
        index,
        name: w.name,
        model: w,
        sharedKeys,
        sharedShare: sharedKeys > 0 ? w.sharedKeyShare : 0,
        keys,
        homeCut,
        homeRegion,
    };
}

function compileGroups(
    model: Model,
    workloads: readonly WorkloadPlan[],
    stores: readonly StorePlan[],
    services: readonly ServicePlan[],
    storeIndex: ReadonlyMap<string, number>,
    serviceIndex: ReadonlyMap<string, number>,
    region: (name: string | undefined, what: string) => number,
): { groups: GroupPlan[]; streams: StreamPlan[] } {
    const groups: GroupPlan[] = [];
    const groupKey = new Map<string, GroupPlan>();
    const streams: StreamPlan[] = [];
    const streamKey = new Map<string, StreamPlan & { rate: number }>();

    for (const w of workloads) {
        const target = w.model.target;
        if (!target) {
            throw new SimulationError(
                'incomplete-design',
                `workload ${w.name} does not say what it loads: write 'workload ${w.name} for <service or store> { … }'`,
            );
        }
        const ids = model.instances.get(target.name) ?? [];
        if (ids.length === 0)
            throw new SimulationError(
                'incomplete-design',
                `workload ${w.name} targets '${target.name}', which is not declared`,
            );
        const instances = ids.map((id) => {
            if (target.kind === 'service') {
                const index = indexOfId(serviceIndex, id, 'service');
                return { kind: 'service' as const, index, regions: itemAt(services, index, 'service').regions };
            }
            const index = indexOfId(storeIndex, id, 'store');
            return { kind: 'store' as const, index, regions: itemAt(stores, index, 'store').replicas };
        });

        const add = (originName: string, writeRate: number, readRate: number) => {
            const origin = region(originName, `workload ${w.name}`);
            // Users of a region go to the instances (cells) that run there, split evenly; an origin outside every
            // instance is served by all of them in equal parts (the same split the estimators use).
            const serving = instances.filter((i) => i.regions.includes(origin));
            const chosen = serving.length > 0 ? serving : instances;
            for (const inst of chosen) {
                const share = 1 / chosen.length;
                const key = `${inst.kind}:${inst.index}:${origin}`;
                let group = groupKey.get(key);
                if (!group) {
                    const service = inst.kind === 'service' ? itemAt(services, inst.index, 'service') : undefined;
                    const writes = service ? service.uses : [inst.index];
                    const readsFrom = service ? [...new Set([...service.uses, ...service.reads])] : [inst.index];
                    const t = service ?? itemAt(stores, inst.index, 'store');
                    group = {
                        index: groups.length,
                        kind: inst.kind,
                        target: inst.index,
                        targetId: t.id,
                        targetName: t.name,
                        origin,
                        writeRate: 0,
                        readRate: 0,
                        writes,
                        readsFrom,
                        classes: [0],
                    };
                    groups.push(group);
                    groupKey.set(key, group);
                }
                group.writeRate += writeRate * share;
                group.readRate += readRate * share;
                if (writeRate > 0) {
                    const sKey = `${w.index}:${group.index}`;
                    const existing = streamKey.get(sKey);
                    if (existing) existing.rate += writeRate * share;
                    else {
                        const stream = {
                            index: streams.length,
                            group: group.index,
                            workload: w.index,
                            rate: writeRate * share,
                        };
                        streams.push(stream);
                        streamKey.set(sKey, stream);
                    }
                }
            }
        };
        for (const o of w.model.writeOrigins) if (o.share > 0) add(o.region, w.model.writesPerS * o.share, 0);
        for (const o of w.model.readOrigins) if (o.share > 0) add(o.region, 0, w.model.readsPerS * o.share);
        if (w.model.writesPerS > 0 && w.model.writeOrigins.length === 0) {
            throw new SimulationError(
                'incomplete-design',
                `workload ${w.name} writes ${w.model.writesPerS}/s but says from no region: add 'from <region> 100%'`,
            );
        }
    }
    return { groups, streams };
}

/** The key classes each group's writes can draw: the origin's own keys, and the homes of the shared keys. */
function assignClasses(workloads: readonly WorkloadPlan[], streams: readonly StreamPlan[], groups: GroupPlan[]): void {
    const homes = groups.map(() => new Set<number>());
    for (const s of streams) {
        const w = itemAt(workloads, s.workload, 'workload');
        if (w.sharedShare > 0) for (const h of w.homeRegion) itemAt(homes, s.group, 'group').add(h);
    }
    for (const g of groups)
        g.classes = [0, ...[...itemAt(homes, g.index, 'group')].sort((a, b) => a - b).map((h) => 1 + h)];
}

/** Gives each tracked store a slice of key state per workload that writes it. */
function assignKeySpaces(
    workloads: readonly WorkloadPlan[],
    streams: readonly StreamPlan[],
    groups: readonly GroupPlan[],
    stores: StorePlan[],
): void {
    for (const s of streams) {
        const w = itemAt(workloads, s.workload, 'workload');
        if (w.sharedKeys === 0) continue;
        for (const st of itemAt(groups, s.group, 'group').writes) {
            const store = itemAt(stores, st, 'store');
            if (!store.tracksKeys || store.keyOffsets.has(w.index)) continue;
            store.keyOffsets.set(w.index, store.trackedKeys);
            store.trackedKeys += w.sharedKeys;
        }
    }
}

function compileFaults(
    scenario: ScenarioM,
    stores: readonly StorePlan[],
    services: readonly ServicePlan[],
    region: (name: string | undefined, what: string) => number,
): FaultPlan[] {
    return scenario.faults.map((f, index): FaultPlan => {
        const base = {
            index,
            at: f.atMs,
            until: f.kind === 'destroy' ? Math.max(f.atMs, scenario.durationMs ?? f.atMs) : f.atMs + f.durationMs,
            line: f.source.range.start.line + 1,
        };
        switch (f.kind) {
            case 'outage':
                return {
                    ...base,
                    kind: 'outage',
                    region: region(f.region, 'an outage'),
                    label: `outage of ${f.region}`,
                };
            case 'corrupt': {
                const affected = stores.filter((s) => s.name === f.store).map((s) => s.index);
                if (affected.length === 0)
                    throw new SimulationError(
                        'incomplete-design',
                        `the corruption names store ${f.store}, which the design does not declare`,
                    );
                return {
                    ...base,
                    kind: 'corrupt',
                    stores: affected,
                    storeName: f.store,
                    label: `corruption of ${f.store}`,
                };
            }
            case 'destroy':
                return {
                    ...base,
                    kind: 'destroy',
                    region: region(f.region, 'a destroyed region'),
                    label: `destruction of ${f.region}`,
                };
            case 'partition':
                return {
                    ...base,
                    kind: 'partition',
                    a: region(f.regions[0], 'a partition'),
                    b: region(f.regions[1], 'a partition'),
                    label: `partition ${f.regions[0]} ↔ ${f.regions[1]}`,
                };
            case 'control-plane':
                return {
                    ...base,
                    kind: 'control-plane',
                    region: region(f.region, 'a control-plane impairment'),
                    label: `control-plane impairment in ${f.region}`,
                };
            case 'lag-spike': {
                const affected = stores
                    .filter((s) => s.mode === 'async' && (f.store === undefined || s.name === f.store))
                    .map((s) => s.index);
                return {
                    ...base,
                    kind: 'lag-spike',
                    stores: affected,
                    lagMs: f.lagMs,
                    label: `lag spike${f.store ? ` of ${f.store}` : ''} to ${f.lagMs} ms`,
                };
            }
            case 'flap': {
                const targetName = f.target ? ('name' in f.target ? f.target.name : f.target.id) : undefined;
                return {
                    ...base,
                    kind: 'flap',
                    region: region(f.region, 'a health-check flap'),
                    targetName,
                    periodMs: f.periodMs,
                    label: `health-check flap${targetName ? ` of ${targetName}` : ''} in ${f.region}`,
                };
            }
            case 'degrade':
            case 'fail': {
                const r = region(f.region, `a ${f.kind}`);
                const targetKind = f.target.kind;
                const targets =
                    targetKind === 'service'
                        ? services.filter((s) => s.name === f.target.name && s.runsIn[r] === 1).map((s) => s.index)
                        : stores
                              .filter((s) => s.name === f.target.name && itemAt(s.slotOf, r, 'slot') >= 0)
                              .map((s) => s.index);
                if (targets.length === 0)
                    throw new SimulationError(
                        'incomplete-design',
                        `the ${f.kind} of ${f.target.name} names region ${f.region}, where it does not run`,
                    );
                const errorShare = f.kind === 'fail' ? 1 : f.errorShare;
                const addedLatencyMs = f.kind === 'fail' ? 0 : f.addedLatencyMs;
                const what =
                    f.kind === 'fail'
                        ? 'does not answer'
                        : [
                              errorShare > 0 ? `${formatPercent(errorShare)} errors` : '',
                              addedLatencyMs > 0 ? `+${formatDuration(addedLatencyMs)}` : '',
                          ]
                              .filter(Boolean)
                              .join(', ');
                const label = `${f.kind === 'fail' ? 'failure' : 'degrade'} of ${f.target.name} in ${f.region} (${what})`;
                return {
                    ...base,
                    kind: f.kind,
                    region: r,
                    targetKind,
                    targetName: f.target.name,
                    targets,
                    errorShare,
                    addedLatencyMs,
                    label,
                };
            }
        }
    });
}

/** Every pair of regions that must exchange traffic needs a known RTT: a guess would be an invented number. */
function checkLatencies(p: {
    regions: readonly string[];
    rtt: Float64Array;
    stores: readonly StorePlan[];
    services: readonly ServicePlan[];
    groups: readonly GroupPlan[];
    failovers: readonly FailoverPlan[];
}): void {
    const R = p.regions.length;
    const need = (a: number, b: number, why: string) => {
        if (a === b || !Number.isNaN(itemAt(p.rtt, a * R + b, 'RTT'))) return;
        throw new SimulationError(
            'incomplete-design',
            `the RTT between ${p.regions[a]} and ${p.regions[b]} is unknown (${why}): declare 'link ${p.regions[a]} <-> ${p.regions[b]} { rtt … }' or give both regions a location`,
        );
    };
    for (const s of p.stores) {
        const members = [...s.replicas, ...[...s.votes.entries()].filter(([, n]) => n > 0).map(([r]) => r)];
        for (const a of members) for (const b of members) need(a, b, `both hold ${s.id}`);
    }
    // A service's own pairs (its regions × its stores' replicas) do not depend on the origin: checked once per
    // service, at its first group, or a service in R regions with R origins would cost R³.
    const checkedServices = new Set<number>();
    for (const g of p.groups) {
        const reachable =
            g.kind === 'service'
                ? itemAt(p.services, g.target, 'service').regions
                : itemAt(p.stores, g.target, 'store').replicas;
        for (const r of reachable) need(g.origin, r, `users of ${p.regions[g.origin]} reach ${g.targetId} there`);
        if (g.kind === 'service' && !checkedServices.has(g.target)) {
            checkedServices.add(g.target);
            for (const r of reachable)
                for (const st of g.readsFrom) {
                    const store = itemAt(p.stores, st, 'store');
                    for (const x of store.replicas) need(r, x, `${g.targetId} in ${p.regions[r]} uses ${store.id}`);
                }
        }
    }
}

/** The index an id was given when its plan was compiled; a miss is a broken plan, not a design error. */
function indexOfId(index: ReadonlyMap<string, number>, id: string, what: string): number {
    const i = index.get(id);
    if (i === undefined) throw new RangeError(`${what} ${id} has no index in the plan`);
    return i;
}
