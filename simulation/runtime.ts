// The mutable state of a run, per service, user group and failover. Plain objects holding typed arrays: the
// engine, the failover logic and the report read and write them directly.
import { itemAt } from '../language/util/item-at.js';
import type { LatencyHistogram } from './metrics/histogram.js';
import type { IntervalLatencies } from './metrics/interval-latencies.js';
import type { ReadFlow } from './engine/read-flow.js';
import type { FailoverPlan, GroupPlan, Plan, ServicePlan } from './plan.js';

export interface ServiceRuntime {
    readonly plan: ServicePlan;
    /** Where a non-active-active service takes traffic now (moves when a failover routes away). */
    primary: number;
    /** Regions the routing layer sends users to (an active-active failover takes a failed region out). */
    readonly routable: Uint8Array;
    /** Declared capacity, raised by launch-capacity / scale-out actions. */
    readonly capacity: Float64Array;
    /** Share of the load routed to each region that its own capacity can serve right now (1 = all of it). */
    readonly capacityFactor: Float64Array;
    /** The same, also limited by what the services it depends on can serve in that region (service-capacity.ts). */
    readonly servedFactor: Float64Array;
    /** The route of the failover that last moved traffic (used for the move back, too). */
    route?: TransitionRoute;
}

export interface TransitionRoute {
    readonly ttlMs: number;
    readonly tailShare: number;
    readonly tailMs: number;
}

/** Users moving from one destination to another as their cached DNS answers expire. */
export interface Transition extends TransitionRoute {
    readonly start: number;
    readonly end: number;
}

/** Counters of one user group (users of one origin region on one service or store instance). */
export interface GroupCounters {
    writesOffered: number;
    writesServed: number;
    readsOffered: number;
    readsServed: number;
    staleReads: number;
    /** Writes refused because no quorum was reachable (consensus minority, sync without a peer). */
    rejected: number;
    /** Writes refused by a sync store's conflict check (retryable). */
    conflictRejected: number;
}

export interface Episode {
    readonly group: number;
    /** Fault blamed for the interruption: the most recently started fault in effect when it began, or -1. */
    readonly fault: number;
    readonly start: number;
    end?: number;
    detectionAt?: number;
    routingAt?: number;
    /** Lowest share of requests served during the interruption. */
    worstServed: number;
}

export interface GroupRuntime {
    readonly plan: GroupPlan;
    /** Current destination region (outcome slot 0); -1 when there is none. */
    dest: number;
    /** Previous destination while users are still moving (outcome slot 1), else -1. */
    previous: number;
    transition?: Transition;
    /** Bumped at each transition so breakpoint events of a superseded one are ignored. */
    transitionStamp: number;
    // Outcome tables, index ((slot × stores written) + j) × classes + class; class 0 = the origin's own keys,
    // class 1 + h = shared keys homed in region h.
    readonly status: Int8Array;
    readonly location: Int32Array;
    readonly latency: Float64Array;
    readonly bin: Int32Array;
    /** Per slot × class: worst status over the stores written, and the request's latency and bin. */
    readonly requestStatus: Int8Array;
    readonly requestLatency: Float64Array;
    readonly requestBin: Int32Array;
    /** Per slot: probability the serving region takes the request (up, running the service, capacity). */
    readonly serviceProb: Float64Array;
    /** Per slot: share of reads that find a replica (or quorum) to read from. */
    readonly readOk: Float64Array;
    /** Per slot: share of writes that succeed, over the key classes. */
    readonly writeOk: Float64Array;
    /** Per slot × read store: the replica region the read is served by, or -1. */
    readonly readReplica: Int32Array;
    readonly counters: GroupCounters;
    /** Per store written (index j), then the request as a whole (index = stores written). */
    readonly histograms: (LatencyHistogram | undefined)[];
    /** Writes acknowledged since the outcome tables last changed or the interval last ended, per cell of
     *  `latency` (store writes) and of `requestLatency` (whole requests): a cell's latency is fixed meanwhile. */
    readonly pendingStoreWrites: Float64Array;
    readonly pendingRequestWrites: Float64Array;
    /** Of those, the ones already added to the store counters and `writesServed` (writes.ts `settleCounts`):
     *  a write costs one count in its cell, and the counters get the cells' counts when someone reads them. */
    readonly settledStoreWrites: Float64Array;
    readonly settledRequestWrites: Float64Array;
    /** Per store written (index j), then the request as a whole: latencies by sample interval. */
    readonly intervalLatencies: IntervalLatencies[];
    /** Per store written, the mean of its engine's processing time drawn per write (0: none); undefined when no
     *  store the group writes has one, so its writes keep the plain table lookup. */
    readonly processingMeans: Float64Array | undefined;
    /** The read flow from its last breakpoint on, in closed form (engine/read-flow.ts). */
    readonly reads: ReadFlow;
    episode?: Episode;
    /**
     * Per sample interval: offered and served writes (whole numbers: the simulated writes times their weight),
     * and offered and served reads (integrated, fractional). Apart so that writes add up to the same sums
     * however they are grouped (the steady path adds them in bulk); the report adds the two.
     */
    readonly seriesWritesOffered: Float64Array;
    readonly seriesWritesServed: Float64Array;
    readonly seriesReadsOffered: Float64Array;
    readonly seriesReadsServed: Float64Array;
}

export interface Probe {
    readonly index: number;
    readonly failover: FailoverRuntime;
    readonly region: number;
    readonly intervalMs: number;
    readonly threshold: number;
    readonly timeoutMs: number;
    fails: number;
    oks: number;
    failed: boolean;
    count: number;
    stamp: number;
}

export interface Run {
    readonly index: number;
    readonly failover: FailoverRuntime;
    readonly region: number;
    readonly detectedAt: number;
    step: number;
    state: 'running' | 'blocked' | 'done' | 'abandoned';
    stamp: number;
    /** When the running action completes. */
    endsAt: number;
    /** Time the current action still needs when it was paused or is waiting. */
    remainingMs: number;
    routed: boolean;
    acceptOutage: boolean;
    /** The watched region was up when the failure was detected: a health-check false alarm. */
    readonly falseAlarm: boolean;
    /** When the first irreversible action (promote, restore-backup, rehome) started: from then on the run
     *  completes even if the health checks pass again. -1 before. */
    committedAt: number;
    /** When the health checks passed again while the run was still going, or -1. */
    healthyAgainAt: number;
    /** When the last action completed, or -1. */
    doneAt: number;
}

export interface FailoverRuntime {
    readonly plan: FailoverPlan;
    readonly probes: Probe[];
    /** The run handling each monitored region, while one is in progress or after it completed. */
    readonly runs: Map<number, Run>;
    /** Index of the last action that changes routing (edit-dns, flip-routing-control, shift-traffic), or -1. */
    readonly routingStep: number;
}

/** The id of what a failover protects (a service or a store), as the timeline names it. */
export function failoverTargetId(plan: Plan, f: FailoverPlan): string {
    return f.targetKind === 'service'
        ? itemAt(plan.services, f.target, 'service').id
        : itemAt(plan.stores, f.target, 'store').id;
}
