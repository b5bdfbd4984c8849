// The work of a run besides its events, by cost driver, as an upper bound computed from the plan's structure
// alone (before the RTT matrix is built): what the engine does at every state change (recompute the outcome
// tables, integrate the read flow, flush latency cells), at every sample tick, at every fault, and what it
// allocates. The engine counts the same units as it runs (`Simulation.work`), and a test checks the bound
// holds for a table of scenarios; bench/simulation/calibrate.ts measures what each unit costs in events.
import { counterState, followsIncrements } from './counter-increments.js';
import type { PlanStructure, StorePlan, WorkloadPlan } from './plan.js';
import { itemAt } from '../language/util/item-at.js';

/** Work units by driver (each driver's unit is one step of its inner loop). */
export interface Work {
    /** RTT matrix, fault-state and latency-check cells: regions² and the pairs the plan checks. */
    matrix: number;
    /** Outcome-table steps: cells recomputed × the replicas and voters each weighs, at each state change. */
    tables: number;
    /** Read-flow steps: stores read × replicas weighed, for each group at each integration. */
    reads: number;
    /** Plain array steps: latency cells flushed, streams, links and groups visited per change, tick and fault. */
    scans: number;
    /** Numbers allocated for the run's state: outcome tables, latency cells, write logs, key states. */
    state: number;
    /** Numbers kept per sample interval and reported: per user group and per replication link. */
    series: number;
}

export type Driver = keyof Work;

export interface WorkEstimate {
    readonly work: Work;
    /** Upper bound on the state changes (fault starts and ends, detections, actions, routing moves). */
    readonly stateChanges: number;
    readonly ticks: number;
    readonly regions: number;
    readonly groups: number;
    readonly links: number;
    /** Most key classes one group's writes can draw (its outcome tables are sized for regions + 1). */
    readonly classes: number;
}

/**
 * Event-equivalents per unit of each driver: nanoseconds per unit over nanoseconds per event, measured by
 * bench/simulation/calibrate.ts (`node bench/simulation/measure.mjs calibrate`; bench/results/simulation-budget-2026-12-06.md), rounded
 * up over runs on a shared machine.
 */
export const WORK_WEIGHTS: Readonly<Work> = { matrix: 3, tables: 0.9, reads: 0.3, scans: 0.5, state: 0.2, series: 1.5 };

/**
 * Event-equivalents of one replica's share of a tracked write (a write to a shared key of a store whose conflicts
 * are tracked key by key, times its replicas): the key's state, its snapshot and its own delivery event, beyond
 * the write and delivery the events count. Measured by the same calibration.
 */
export const TRACKED_WRITE_EVENTS = 6;

export function emptyWork(): Work {
    return { matrix: 0, tables: 0, reads: 0, scans: 0, state: 0, series: 0 };
}

/** Steps of one outcome-table cell for `store`: the coordinator's choice and the quorum or peer it waits for. */
export function cellCost(store: StorePlan, regions: number): number {
    const n = store.replicas.length;
    let cost = 1;
    if (store.policy === 'any-region') cost += n;
    if (store.model.engine === 'cosmosdb' && store.model.consistency.level === 'strong') cost += n;
    if (store.mode === 'sync' || store.mode === 'consensus') cost += 2 * regions + n;
    return cost;
}

/** Home regions of a workload's shared keys that the engine visits (none when it shares no key: they add 0). */
export function sharedHomes(w: WorkloadPlan): number {
    return w.sharedShare > 0 ? w.homeCut.length : 0;
}

/** Steps of choosing the replica a read of `store` is served by. */
export function readCost(store: StorePlan, regions: number): number {
    return store.strongReads ? cellCost(store, regions) : 1 + store.replicas.length;
}

/** Steps of a stale-read probability for `store` (exposure over its replicas, twice at most). */
export function staleCost(store: StorePlan): number {
    return 1 + 2 * store.replicas.length;
}

/** Exposure terms of a read of one store (engine/read-flow.ts): keys shared between regions, a user's own keys. */
export const TERMS = 2;
/** Beyond this many terms in the expanded product over the stores a request reads, Gauss–Legendre is used. */
export const MAX_EXPANDED_TERMS = 64;
export const GAUSS_NODES = 16;

/** A read of the store can be stale: asynchronous copies read without a strong read. */
export function staleExposed(store: StorePlan): boolean {
    return store.mode === 'async' && store.replicas.length > 1 && !store.strongReads;
}

/** Read-flow steps of a group reading `stores`: describing the flow at a breakpoint, and integrating one piece. */
export function readFlowCost(stores: readonly StorePlan[]): { describe: number; piece: number } {
    let describe = 0;
    let exposed = 0;
    for (const s of stores) {
        describe += 2 * staleCost(s);
        if (staleExposed(s)) exposed++;
    }
    const K = stores.length;
    const full = (1 + TERMS) ** exposed;
    const product =
        full <= MAX_EXPANDED_TERMS
            ? (exposed + 1) * full
            : Math.max((exposed + 1) * MAX_EXPANDED_TERMS, GAUSS_NODES * K * (1 + TERMS));
    return { describe, piece: 2 * (K * (1 + TERMS) + product) };
}

/**
 * Breakpoints a group's read flow can meet besides state changes and ticks: the moment a stalled link's backlog
 * has arrived, at most once per fault end for each link into a replica of a store the group reads.
 */
export function drainBreaks(stores: readonly StorePlan[], faultEnds: number): number {
    let links = 0;
    for (const s of stores) if (staleExposed(s)) links += s.replicas.length * (s.replicas.length - 1);
    return faultEnds * links;
}

/** Numbers the engine allocates for a group's outcome tables and latency cells. */
export function groupState(writes: number, reads: number, classes: number): number {
    return 2 * writes * classes * 5 + 2 * classes * 4 + 4 * reads + 8;
}

/** Numbers a group's series hold: offered and served per interval, then availability and latency in the report. */
export function groupSeries(writes: number, ticks: number): number {
    return ticks * (5 + 3 * writes);
}

/** Numbers one replica's write log holds at its initial size. */
export function logState(replicas: number, tracked: boolean, counter = false): number {
    // A counter's log also keeps the value each write carried.
    return 1024 * (2 + (tracked ? replicas : 0) + (counter ? 1 : 0)) + (tracked ? 256 * replicas : 1);
}

export function estimateWork(plan: PlanStructure, sampleIntervalMs: number, maxKeyStateCells: number): WorkEstimate {
    const R = plan.regions.length;
    const C = R + 1;
    const G = plan.groups.length;
    const end = plan.durationMs;
    const ticks = Math.max(1, Math.ceil(end / sampleIntervalMs));
    const faults = plan.faults.filter((f) => f.at < end);
    let links = 0;
    for (const s of plan.stores)
        if (s.mode === 'async' && s.replicas.length > 1) links += s.replicas.length * (s.replicas.length - 1);

    // Per refresh of the outcome tables (the start, then once per state change).
    const homeCuts = new Float64Array(G);
    const streamsOf = new Float64Array(G);
    for (const st of plan.streams) {
        const g = st.group;
        homeCuts[g] = itemAt(homeCuts, g, 'group') + sharedHomes(itemAt(plan.workloads, st.workload, 'workload'));
        streamsOf[g] = itemAt(streamsOf, g, 'group') + 1;
    }
    let tables = 0;
    let scans = 0;
    let describeFlow = 0;
    let pieceFlow = 0;
    let breakFlow = 0;
    // Fault ends inside the run (a destroyed region never comes back).
    const faultEnds = faults.filter((f) => f.kind !== 'destroy' && f.until <= end).length;
    let flushCells = 0;
    let state = 0;
    let series = links * ticks;
    for (const g of plan.groups) {
        let cells = 0;
        for (const s of g.writes) cells += cellCost(itemAt(plan.stores, s, 'store'), R);
        const stores = g.readsFrom.map((s) => itemAt(plan.stores, s, 'store'));
        let reads = 0;
        for (const store of stores) reads += readCost(store, R);
        tables += 2 * (g.classes.length * cells + reads);
        scans += 2 * (itemAt(streamsOf, g.index, 'group') + itemAt(homeCuts, g.index, 'group'));
        if (g.readRate > 0) {
            const cost = readFlowCost(stores);
            const breaks = drainBreaks(stores, faultEnds);
            describeFlow += cost.describe;
            pieceFlow += cost.piece;
            breakFlow += breaks * (cost.describe + cost.piece);
        }
        flushCells += 2 * (g.writes.length + 1) * g.classes.length;
        state += groupState(g.writes.length, g.readsFrom.length, C);
        series += groupSeries(g.writes.length, ticks);
    }
    for (const st of plan.streams)
        scans +=
            itemAt(plan.groups, st.group, 'group').writes.length *
            (1 + sharedHomes(itemAt(plan.workloads, st.workload, 'workload')));
    let serviceGroups = 0;
    for (const g of plan.groups) if (g.kind === 'service') serviceGroups++;
    const maxActive = maxOverlap(faults);
    let dependencyEdges = 0;
    for (const s of plan.services) dependencyEdges += s.dependsOn.length;
    scans +=
        serviceGroups +
        2 * plan.services.length * R +
        2 * dependencyEdges * R +
        3 * plan.stores.length * R +
        flushCells +
        G * (2 + maxActive);

    const { changes, flips, probes, monitored } = stateChangeBound(plan, faults);
    const refreshes = 1 + changes;
    const integrations = changes + ticks + 1;

    const work = emptyWork();
    work.matrix = 2 * R * R + latencyChecks(plan);
    work.tables = refreshes * tables;
    for (const s of plan.stores) work.tables += R * (1 + s.replicas.length);
    work.reads = refreshes * describeFlow + integrations * pieceFlow + breakFlow;
    // Per fault start or end: every link, the runs still going (at most one per watched region, visited twice),
    // every probe (outages), every store (what an outage loses). Per health flip: interruptions marked twice and
    // one reroute (groups), a run dropped. Per probe: the faults in effect (flaps). Then the report's group passes.
    work.scans =
        refreshes * scans +
        integrations * G +
        (ticks + 1) * (links + flushCells) +
        2 * faults.length * (links + 3 * monitored + plan.stores.length + leadershipScans(plan)) +
        flips * (3 * G + 2) +
        probes * maxActive +
        (plan.stores.length + plan.services.length + plan.scenario.expectations.length) * G;
    work.state = state + plan.stores.length * R + R * R;
    work.series = series;
    for (const s of plan.stores) {
        const n = s.replicas.length;
        // The engine tracks keys (and sizes its logs for them) only when a workload shares keys on the store.
        const tracked = s.tracksKeys && s.trackedKeys > 0;
        // Key states are capped by maxKeyStateCells, but every workload keeps at least one key.
        const keyCells = Math.min(maxKeyStateCells, s.trackedKeys * n * (n + 2)) + s.keyOffsets.size * n * (n + 2);
        if (tracked) work.state += keyCells;
        // A counter under last-writer-wins also keeps each tracked key's value per replica (counter-increments.ts).
        const counter = tracked && followsIncrements(s);
        if (counter) work.state += counterState(Math.ceil(keyCells / (n * (n + 2))), n);
        if (s.mode === 'async' && n > 1) work.state += n * logState(n, tracked, counter);
    }
    let classes = 1;
    for (const g of plan.groups) if (g.classes.length > classes) classes = g.classes.length;
    return { work, stateChanges: changes, ticks, regions: R, groups: G, links, classes };
}

/** Numbers a run keeps in memory (state and series), for the engine's memory limit. */
export function numbersKept(work: Work): number {
    return work.state + work.series;
}

/** Weighted sum of the work, in event-equivalents. */
export function eventEquivalents(work: Work): number {
    let total = 0;
    for (const d of Object.keys(WORK_WEIGHTS) as Driver[]) total += work[d] * WORK_WEIGHTS[d];
    return total;
}

/** The driver with the most event-equivalents. */
export function dominantDriver(work: Work): Driver {
    let best: Driver = 'scans';
    for (const d of Object.keys(WORK_WEIGHTS) as Driver[])
        if (work[d] * WORK_WEIGHTS[d] > work[best] * WORK_WEIGHTS[best]) best = d;
    return best;
}

/** Pairs whose RTT the plan checks (plan.ts, checkLatencies). */
function latencyChecks(plan: PlanStructure): number {
    let pairs = 0;
    for (const s of plan.stores) pairs += (2 * s.replicas.length) ** 2;
    const counted = new Set<number>();
    for (const g of plan.groups) {
        const reach =
            g.kind === 'service'
                ? itemAt(plan.services, g.target, 'service').regions.length
                : itemAt(plan.stores, g.target, 'store').replicas.length;
        pairs += reach;
        if (g.kind !== 'service' || counted.has(g.target)) continue;
        counted.add(g.target);
        for (const s of g.readsFrom) pairs += reach * itemAt(plan.stores, s, 'store').replicas.length;
    }
    return pairs;
}

/** The most faults in effect at once. */
function maxOverlap(faults: PlanStructure['faults']): number {
    const edges: [number, number][] = [];
    for (const f of faults) edges.push([f.at, 1], [f.until, -1]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let active = 0;
    let most = 0;
    for (const [, d] of edges) {
        active += d;
        if (active > most) most = active;
    }
    return most;
}

/**
 * Each state change is a fault starting or ending, or follows a health flip of a watched region: a detection
 * and its actions, a manual routing delay and the DNS breakpoints (two per user group moved), or a recovery and
 * the failback's breakpoints. A probe's health flips at most once per change of what it sees: an outage of its
 * region starting or ending, a flap turning (every period, or every probe without one), or, under a partial
 * fault in its region, any probe.
 */
function stateChangeBound(
    plan: PlanStructure,
    faults: PlanStructure['faults'],
): { changes: number; flips: number; probes: number; monitored: number } {
    const end = plan.durationMs;
    const groupsOf = new Float64Array(plan.services.length);
    for (const g of plan.groups)
        if (g.kind === 'service') groupsOf[g.target] = itemAt(groupsOf, g.target, 'service') + 1;
    // Each fault start or end may start one election per consensus store, whose end is one more state change.
    let changes = 2 * faults.length * (1 + electingStores(plan));
    let flips = 0;
    let probes = 0;
    let monitored = 0;
    for (const f of plan.failovers) {
        const d = f.model.detection;
        const perFlip =
            2 + f.model.actions.length + (f.targetKind === 'service' ? 2 * itemAt(groupsOf, f.target, 'service') : 0);

        for (const region of f.monitored) {
            monitored++;
            let n = 0;
            for (const x of faults) {
                if ((x.kind === 'outage' || x.kind === 'destroy') && x.region === region) n += 2;
                else if (x.kind === 'flap' && x.region === region && d.method === 'health-check') {
                    const window = Math.min(x.until, end) - x.at;
                    n += 2 + Math.ceil(window / (x.periodMs ?? d.intervalMs));
                } else if (
                    (x.kind === 'degrade' || x.kind === 'fail') &&
                    x.region === region &&
                    d.method === 'health-check'
                ) {
                    // Checks that fail at random can flip at any probe while the fault lasts.
                    const window = Math.max(0, Math.min(x.until, end) - x.at);
                    n += 2 + Math.ceil(window / d.intervalMs);
                }
            }
            flips += n;
            changes += n * perFlip;
            if (d.method === 'health-check') probes += Math.ceil(end / d.intervalMs) + 1;
        }
    }
    return { changes, flips, probes, monitored };
}

/** Consensus stores with a leader: each may hold an election after a fault change (leadership.ts). */
export function electingStores(plan: PlanStructure): number {
    let n = 0;
    for (const s of plan.stores) if (s.mode === 'consensus' && s.leader >= 0) n++;
    return n;
}

/** Voters visited per fault change to check every consensus store's leadership. */
function leadershipScans(plan: PlanStructure): number {
    let n = 0;
    for (const s of plan.stores) if (s.mode === 'consensus' && s.leader >= 0) n += s.voters.length;
    return n;
}
