// Arrivals and writes: one Poisson arrival process per write stream (`EventKind.arrival`, the hot path). A
// write is never an object: it is a handful of typed-array updates chosen from the group's outcome tables
// (routing.ts keeps them current) — which slot during a DNS transition, whether the serving region takes it,
// which key class, then per store its counters, its latency histogram and, through the context, its
// replication log. Where an engine documents its processing time, the write's latency is drawn.
import { binOf, LatencyHistogram } from '../../metrics/histogram.js';
import type { LatencyShape } from '../../metrics/latency-shape.js';
import type { Plan, StreamPlan, WorkloadPlan } from '../../plan.js';
import { Status } from '../../routing.js';
import type { GroupRuntime } from '../../runtime.js';
import type { EngineContext, RunState } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';
import type { Random } from '../random.js';
import { movedFraction } from '../transition.js';

/** The seeded streams writes draw from: gaps between arrivals, slot and service choices, keys, processing times. */
export interface WriteDraws {
    readonly arrivals: Random;
    readonly choices: Random;
    readonly keyDraws: Random;
    /** Engines' processing times (processing-time.ts): a stream of its own, so the others draw as before. */
    readonly processing: Random;
}

/** Every stream's first arrival. */
export function startArrivals(ctx: EngineContext, draws: WriteDraws): void {
    for (const s of ctx.plan.streams) {
        if (s.rate <= 0) continue;
        ctx.queue.push(nextArrivalGap(ctx, draws, s), Rank.arrival, EventKind.arrival, s.index);
    }
}

function nextArrivalGap(run: RunState, draws: WriteDraws, s: StreamPlan): number {
    // Rate per ms of the simulated (possibly thinned) stream.
    return draws.arrivals.exponential(s.rate / 1_000 / run.weight);
}

/** `EventKind.arrival` (at the head of the queue): the stream's write, and its next arrival in its place. */
export function onArrival(ctx: EngineContext, draws: WriteDraws, t: number): void {
    const stream = ctx.plan.streams[ctx.queue.peekArgValue()]!;
    ctx.queue.popPush(t + nextArrivalGap(ctx, draws, stream), Rank.arrival, EventKind.arrival, stream.index);
    ctx.simulatedWrites++;
    write(ctx, draws, stream, ctx.groups[stream.group]!, t);
}

function write(ctx: EngineContext, draws: WriteDraws, stream: StreamPlan, g: GroupRuntime, t: number): void {
    const w = ctx.weight;
    const c = g.counters;
    c.writesOffered += w;
    const tick = ctx.tick < ctx.ticks ? ctx.tick : ctx.ticks - 1;
    g.seriesOffered[tick]! += w;
    let slot = 0;
    const tr = g.transition;
    if (tr !== undefined) {
        const f = movedFraction(tr, t);
        if (f < 1 && (f <= 0 || draws.choices.chance() >= f)) slot = 1;
    }
    const sp = g.serviceProb[slot]!;
    if (sp < 1 && (sp <= 0 || draws.choices.chance() >= sp)) return;

    const workload = ctx.plan.workloads[stream.workload]!;
    let cls = 0;
    let key = -1;
    if (workload.sharedShare > 0 && draws.keyDraws.chance() < workload.sharedShare) {
        const space = ctx.sharedSpace[workload.index]!;
        key = draws.keyDraws.below(space);
        cls = 1 + homeOf(workload, key / space);
    }
    const C = ctx.classes;
    const writes = g.plan.writes;
    const W = writes.length;
    const rs = g.requestStatus[slot * C + cls]!;
    if (rs !== Status.ok) {
        if (rs === Status.noQuorum) c.rejected += w;
        for (let j = 0; j < W; j++) {
            const st = g.status[(slot * W + j) * C + cls]!;
            if (st === Status.noQuorum) ctx.storeCounters[writes[j]!]!.rejected += w;
            else if (st === Status.unavailable) ctx.storeCounters[writes[j]!]!.failed += w;
        }
        return;
    }
    for (let j = 0; j < W; j++) {
        const s = writes[j]!;
        const ls = ctx.syncLastWrite[s];
        if (ls === undefined || key < 0) continue;
        const limit = ctx.trackedLimit[s]!.get(workload.index) ?? 0;
        if (key >= limit) continue;
        if (
            syncConflict(
                ctx,
                s,
                ls,
                key + ctx.plan.stores[s]!.keyOffsets.get(workload.index)!,
                g.location[(slot * W + j) * C + cls]!,
                t,
            )
        ) {
            c.conflictRejected += w;
            ctx.storeCounters[s]!.conflictRejected += w * ctx.conflictScale[s]!;
            return;
        }
    }
    if (ctx.stalenessBounded) {
        // A bounded-staleness store throttles the write while a read region lags beyond its bound: refused.
        for (let j = 0; j < W; j++) {
            const s = writes[j]!;
            if (ctx.staleness[s]?.active === true && ctx.throttles(s, g.location[(slot * W + j) * C + cls]!, t)) return;
        }
    }
    const means = g.processingMeans;
    const r = slot * C + cls;
    if (means === undefined) {
        for (let j = 0; j < W; j++) {
            const index = (slot * W + j) * C + cls;
            g.pendingStoreWrites[index]! += w;
            applyLocal(ctx, writes[j]!, g, j, g.location[index]!, g.latency[index]!, g.bin[index]!, key, workload, t);
        }
        histogram(g, W).add(g.requestBin[r]!, g.requestLatency[r]!, w);
    } else {
        // Each store's processing time is drawn; the request waits for the slowest store.
        let slowest = -Infinity;
        for (let j = 0; j < W; j++) {
            const index = (slot * W + j) * C + cls;
            g.pendingStoreWrites[index]! += w;
            const mean = means[j]!;
            let latency = g.latency[index]!;
            let bin = g.bin[index]!;
            if (mean > 0) {
                latency += draws.processing.exponential(1 / mean);
                bin = binOf(latency);
            }
            if (latency > slowest) slowest = latency;
            applyLocal(ctx, writes[j]!, g, j, g.location[index]!, latency, bin, key, workload, t);
        }
        histogram(g, W).add(binOf(slowest), slowest, w);
    }
    g.pendingRequestWrites[r]! += w;
    c.writesServed += w;
    g.seriesServed[tick]! += w;
}

function histogram(g: GroupRuntime, j: number): LatencyHistogram {
    return (g.histograms[j] ??= new LatencyHistogram());
}

/**
 * A sync store refuses a write to a tracked key while another region's write to it is still in flight
 * (it reaches this region RTT/2 after it was made).
 */
function syncConflict(
    run: RunState,
    s: number,
    last: Float64Array,
    trackedKey: number,
    location: number,
    t: number,
): boolean {
    const store = run.plan.stores[s]!;
    const replicaCount = store.replicas.length;
    const regionCount = run.plan.regions.length;
    const slot = store.slotOf[location]!;
    for (let o = 0; o < replicaCount; o++) {
        if (o === slot) continue;
        const other = last[trackedKey * replicaCount + o]!;
        if (t < other + run.plan.rtt[store.replicas[o]! * regionCount + location]! / 2) return true;
    }
    last[trackedKey * replicaCount + slot] = t;
    return false;
}

/** The store acknowledges the write where it landed; replication takes it from there. */
function applyLocal(
    ctx: EngineContext,
    s: number,
    g: GroupRuntime,
    j: number,
    location: number,
    latency: number,
    bin: number,
    key: number,
    workload: WorkloadPlan,
    t: number,
): void {
    const weight = ctx.weight;
    const store = ctx.plan.stores[s]!;
    const counters = ctx.storeCounters[s]!;
    counters.acknowledged += weight;
    histogram(g, j).add(bin, latency, weight);
    const slot = store.slotOf[location]!;
    counters.applied[slot]! += weight;
    counters.accepted[slot]! += weight;
    ctx.replicate(s, slot, location, key, workload.index, t);
}

/**
 * Records the writes counted per outcome cell with the cell's latency in the current interval, and resets
 * the counts: called before the tables change and when an interval ends.
 */
export function flushLatencies(run: RunState): void {
    const tick = run.tick < run.ticks ? run.tick : run.ticks - 1;
    const C = run.classes;
    for (const g of run.groups) {
        const W = g.plan.writes.length;
        const classes = g.plan.classes;
        const stores = g.pendingStoreWrites;
        const requests = g.pendingRequestWrites;
        run.work.scans += 2 * (W + 1) * classes.length;
        // Writes land only in the classes the group can draw; visited in the cells' order.
        for (let row = 0; row < 2 * W; row++) {
            for (const cls of classes) {
                const index = row * C + cls;
                const count = stores[index]!;
                if (count === 0) continue;
                const latency = g.latency[index]!;
                const mean = g.processingMeans?.[row % W] ?? 0;
                g.intervalLatencies[row % W]!.add(
                    tick,
                    latency,
                    count,
                    mean > 0 ? Float64Array.of(latency, mean) : undefined,
                );
                stores[index] = 0;
            }
        }
        for (let slot = 0; slot < 2; slot++) {
            for (const cls of classes) {
                const r = slot * C + cls;
                const count = requests[r]!;
                if (count === 0) continue;
                g.intervalLatencies[W]!.add(
                    tick,
                    g.requestLatency[r]!,
                    count,
                    g.processingMeans === undefined ? undefined : requestShape(g, slot, cls, C),
                );
                requests[r] = 0;
            }
        }
    }
}

/** Region a shared key is homed in: keys are spread over the workload's write origins by their shares. */
function homeOf(w: WorkloadPlan, u: number): number {
    const cut = w.homeCut;
    for (let i = 0; i < cut.length; i++) if (u < cut[i]!) return w.homeRegion[i]!;
    return w.homeRegion[cut.length - 1]!;
}

/** Per store a group writes, its processing time's mean (0: not modelled); undefined when none is modelled. */
export function processingMeansOf(plan: Plan, writes: readonly number[]): Float64Array | undefined {
    const means = Float64Array.from(writes, (s) => plan.stores[s]!.processing?.meanMs ?? 0);
    return means.some((m) => m > 0) ? means : undefined;
}

/** A whole request's latency distribution in one cell: every store it writes, each with its processing time. */
function requestShape(g: GroupRuntime, slot: number, cls: number, C: number): LatencyShape {
    const W = g.plan.writes.length;
    const shape = new Float64Array(2 * W);
    for (let j = 0; j < W; j++) {
        shape[2 * j] = g.latency[(slot * W + j) * C + cls]!;
        shape[2 * j + 1] = g.processingMeans![j]!;
    }
    return shape;
}
