// The run's shared state at the start: per store its counters, per service its routing, per user group its
// outcome tables, counters, latency records, read flow and series — zeroed, sized for the plan. The core
// (simulation.ts) builds them once; the mechanisms update them in place.
import { IntervalLatencies } from '../metrics/interval-latencies.js';
import type { GroupPlan, ServicePlan, StorePlan } from '../plan.js';
import type { GroupRuntime, ServiceRuntime } from '../runtime.js';
import type { StoreCounters } from './context.js';
import { ReadFlow } from './read-flow.js';

export function newStoreCounters(s: StorePlan): StoreCounters {
    return {
        acknowledged: 0,
        failed: 0,
        rejected: 0,
        conflictRejected: 0,
        lost: 0,
        rpoMs: -1,
        discarded: 0,
        overwritten: 0,
        merges: 0,
        siblings: 0,
        readsServed: 0,
        readsStale: 0,
        drainReadsServed: 0,
        drainReadsStale: 0,
        staleKnown: true,
        applied: new Float64Array(s.replicas.length),
        accepted: new Float64Array(s.replicas.length),
        losses: [],
        discardedAt: new Float64Array(s.replicas.length),
        mergesAt: new Float64Array(s.replicas.length),
        siblingsAt: new Float64Array(s.replicas.length),
    };
}

/** A service as declared: its primary, every region it runs in routable, its declared capacity. */
export function newService(s: ServicePlan, regionCount: number): ServiceRuntime {
    return {
        plan: s,
        primary: s.primary,
        routable: Uint8Array.from(s.runsIn),
        capacity: Float64Array.from(s.capacity),
        capacityFactor: new Float64Array(regionCount).fill(1),
        servedFactor: new Float64Array(regionCount).fill(1),
    };
}

/**
 * A user group's runtime with users at `dest`: outcome tables for two slots (where users go, and where they
 * went before while a DNS transition moves them) × stores written × `classes` key classes.
 */
export function newGroup(
    g: GroupPlan,
    dest: number,
    C: number,
    ticks: number,
    processingMeans: Float64Array | undefined,
): GroupRuntime {
    const W = g.writes.length;
    return {
        plan: g,
        dest,
        previous: -1,
        // Every field from the start, even those set later (a group object never changes shape: the per-write
        // code stays specialised to one map instead of deoptimising when a transition or an episode starts).
        transition: undefined,
        transitionStamp: 0,
        status: new Int8Array(2 * W * C),
        location: new Int32Array(2 * W * C),
        latency: new Float64Array(2 * W * C),
        bin: new Int32Array(2 * W * C),
        requestStatus: new Int8Array(2 * C),
        requestLatency: new Float64Array(2 * C),
        requestBin: new Int32Array(2 * C),
        serviceProb: new Float64Array(2),
        readOk: new Float64Array(2),
        writeOk: new Float64Array(2),
        readReplica: new Int32Array(2 * g.readsFrom.length).fill(-1),
        counters: {
            writesOffered: 0,
            writesServed: 0,
            readsOffered: 0,
            readsServed: 0,
            staleReads: 0,
            rejected: 0,
            conflictRejected: 0,
        },
        histograms: new Array(W + 1).fill(undefined),
        pendingStoreWrites: new Float64Array(2 * W * C),
        pendingRequestWrites: new Float64Array(2 * C),
        settledStoreWrites: new Float64Array(2 * W * C),
        settledRequestWrites: new Float64Array(2 * C),
        intervalLatencies: Array.from({ length: W + 1 }, () => new IntervalLatencies()),
        processingMeans,
        reads: new ReadFlow(g.readsFrom.length),
        episode: undefined,
        seriesWritesOffered: new Float64Array(ticks),
        seriesWritesServed: new Float64Array(ticks),
        seriesReadsOffered: new Float64Array(ticks),
        seriesReadsServed: new Float64Array(ticks),
    };
}
