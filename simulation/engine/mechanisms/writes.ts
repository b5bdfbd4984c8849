// Writes: each arrival of the merged process (engine/arrival-process.ts) is a write of its stream, the hot path. A
// write is never an object: it is a handful of typed-array updates chosen from the group's outcome tables
// (routing.ts keeps them current) — which slot during a DNS transition, whether the serving region takes it,
// which key class, then per store its counters, its latency histogram and, through the context, its
// replication log. Where an engine documents its processing time, the write's latency is drawn.
import { binOf, LatencyHistogram } from '../../metrics/histogram.js';
import type { LatencyShape } from '../../metrics/latency-shape.js';
import type { Plan, WorkloadPlan } from '../../plan.js';
import { Status } from '../../routing.js';
import type { GroupRuntime, Transition } from '../../runtime.js';
import type { EngineContext, RunState } from '../context.js';
import type { Random } from '../random.js';
import type { ArrivalProcess } from '../arrival-process.js';
import type { SteadyWrites } from '../steady-writes.js';
import { itemAt } from '../../../language/util/item-at.js';
import { addAt, float64At, int32At } from '../../typed-at.js';
import { movedFraction } from '../transition.js';

/**
 * The seeded streams a write draws from (its arrival, stream and key class come from the arrival process's
 * own): slot and service choices, keys, processing times.
 */
export interface WriteDraws {
    readonly choices: Random;
    readonly keyDraws: Random;
    /** Engines' processing times (processing-time.ts): a stream of its own, so the others draw as before. */
    readonly processing: Random;
}

/**
 * The arrival at the head of the merged process (`ctx.now`): the write of the stream it belongs to, by the
 * steady path when it can (true), else in full (false: it may have queued an event); the next arrival is drawn
 * first. The time is read from the context, not passed: the per-write calls take no floating-point argument,
 * which V8 would box (an allocation per write) wherever it does not inline the call.
 */
export function onArrival(
    ctx: EngineContext,
    draws: WriteDraws,
    process: ArrivalProcess,
    steady: SteadyWrites,
): boolean {
    process.take();
    const i = process.stream;
    if (!process.shared && steady.tryWrite(ctx, i)) return true;
    write(ctx, draws, i, process.shared);
    return false;
}

// The common write is kept short: V8 inlines what a function calls only up to a budget of code, and what it
// does not inline costs a call (and a boxed number per floating-point argument or result). The rare branches —
// a DNS transition, a refusal, a tracked key's conflict, a throttle, a drawn processing time — are functions of
// their own, called only when they apply.
/** A write of stream `i` in full, whatever its cell's outcome; `shared`: to a shared key (the arrival process drew it). */
export function write(ctx: EngineContext, draws: WriteDraws, i: number, shared: boolean): void {
    const stream = ctx.plan.streams[i]!;
    const g = ctx.groups[stream.group]!;
    const w = ctx.weight;
    const c = g.counters;
    c.writesOffered += w;
    const tick = ctx.tick < ctx.ticks ? ctx.tick : ctx.ticks - 1;
    g.seriesWritesOffered[tick]! += w;
    const slot = g.transition === undefined ? 0 : transitionSlot(ctx, draws, g.transition);
    const sp = g.serviceProb[slot]!;
    if (sp < 1 && (sp <= 0 || draws.choices.chance() >= sp)) return;

    const workload = ctx.plan.workloads[stream.workload]!;
    let cls = 0;
    let key = -1;
    if (shared) {
        const space = ctx.sharedSpace[workload.index]!;
        key = draws.keyDraws.below(space);
        cls = 1 + homeOf(workload, key / space);
    }
    const C = ctx.classes;
    const r = slot * C + cls;
    if (g.requestStatus[r]! !== Status.ok) return refuse(ctx, g, slot, cls);
    if (key >= 0 && conflicts(ctx, g, slot, cls, key, workload.index)) return;
    if (ctx.stalenessBounded && throttled(ctx, g, slot, cls)) return;
    if (g.processingMeans === undefined) {
        // The latencies are the cells' own: the histograms get each cell's count when the counts are flushed.
        const writes = g.plan.writes;
        const W = writes.length;
        for (let j = 0; j < W; j++) {
            const index = (slot * W + j) * C + cls;
            g.pendingStoreWrites[index]! += w;
            ctx.replicate(writes[j]!, g.location[index]!, key, workload.index);
        }
    } else writeDrawn(ctx, draws, g, g.processingMeans, slot, cls, key, workload.index);
    // The cell counts stand for the store counters and `writesServed` too (settleCounts).
    g.pendingRequestWrites[r]! += w;
    g.seriesWritesServed[tick]! += w;
}

/** During a DNS transition: 1 when the write's user has not moved yet (the previous destination), else 0. */
function transitionSlot(ctx: EngineContext, draws: WriteDraws, tr: Transition): number {
    const f = movedFraction(tr, ctx.now);
    return f < 1 && (f <= 0 || draws.choices.chance() >= f) ? 1 : 0;
}

/** The request fails: refused for want of a quorum, or failed where a store is unavailable. */
function refuse(ctx: EngineContext, g: GroupRuntime, slot: number, cls: number): void {
    const w = ctx.weight;
    const C = ctx.classes;
    const writes = g.plan.writes;
    const W = writes.length;
    if (g.requestStatus[slot * C + cls]! === Status.noQuorum) g.counters.rejected += w;
    for (let j = 0; j < W; j++) {
        const st = g.status[(slot * W + j) * C + cls]!;
        if (st === Status.noQuorum) ctx.storeCounters[writes[j]!]!.rejected += w;
        else if (st === Status.unavailable) ctx.storeCounters[writes[j]!]!.failed += w;
    }
}

/** A write to a shared key: whether a store that refuses concurrent writes refuses it (counted if so). */
function conflicts(
    ctx: EngineContext,
    g: GroupRuntime,
    slot: number,
    cls: number,
    key: number,
    workload: number,
): boolean {
    const C = ctx.classes;
    const writes = g.plan.writes;
    const W = writes.length;
    for (let j = 0; j < W; j++) {
        const s = writes[j]!;
        const ls = ctx.syncLastWrite[s];
        if (ls === undefined) continue;
        const limit = ctx.trackedLimit[s]!.get(workload) ?? 0;
        if (key >= limit) continue;
        if (
            syncConflict(
                ctx,
                s,
                ls,
                key + ctx.plan.stores[s]!.keyOffsets.get(workload)!,
                g.location[(slot * W + j) * C + cls]!,
                ctx.now,
            )
        ) {
            const w = ctx.weight;
            g.counters.conflictRejected += w;
            ctx.storeCounters[s]!.conflictRejected += w * ctx.conflictScale[s]!;
            return true;
        }
    }
    return false;
}

/** A bounded-staleness store throttles the write while a read region lags beyond its bound: refused. */
function throttled(ctx: EngineContext, g: GroupRuntime, slot: number, cls: number): boolean {
    const C = ctx.classes;
    const writes = g.plan.writes;
    const W = writes.length;
    for (let j = 0; j < W; j++) {
        const s = writes[j]!;
        if (ctx.staleness[s]?.active === true && ctx.throttles(s, g.location[(slot * W + j) * C + cls]!, ctx.now))
            return true;
    }
    return false;
}

/** Each store's processing time is drawn; the request waits for the slowest store. */
function writeDrawn(
    ctx: EngineContext,
    draws: WriteDraws,
    g: GroupRuntime,
    means: Float64Array,
    slot: number,
    cls: number,
    key: number,
    workload: number,
): void {
    const w = ctx.weight;
    const C = ctx.classes;
    const writes = g.plan.writes;
    const W = writes.length;
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
        histogram(g, j).add(bin, latency, w);
        ctx.replicate(writes[j]!, g.location[index]!, key, workload);
    }
    histogram(g, W).add(binOf(slowest), slowest, w);
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

/**
 * The writes counted per outcome cell since the last call, added to what they stand for: each store's
 * acknowledged, applied and accepted writes in the replica the cell's writes land in, and the group's served
 * writes. A write is one count in its cell; the counters are brought up to date when something reads them:
 * before the cells are flushed (tables change, an interval ends, the run ends) and before a promotion or a
 * region's return (split brain reads `accepted`). Weights are whole numbers, so the sums are the same in any
 * order.
 */
export function settleCounts(run: RunState): void {
    const C = run.classes;
    for (const g of run.groups) {
        const writes = g.plan.writes;
        const W = writes.length;
        const classes = g.plan.classes;
        const pending = g.pendingStoreWrites;
        const settled = g.settledStoreWrites;
        for (let row = 0; row < 2 * W; row++) {
            const s = itemAt(writes, row % W, 'stores written');
            for (const cls of classes) {
                const index = row * C + cls;
                const total = float64At(pending, index, 'store writes');
                const count = total - float64At(settled, index, 'settled store writes');
                if (count === 0) continue;
                settled[index] = total;
                const counters = itemAt(run.storeCounters, s, 'store counters');
                const location = int32At(g.location, index, 'locations');
                const slot = itemAt(itemAt(run.plan.stores, s, 'stores').slotOf, location, 'replica slots');
                counters.acknowledged += count;
                addAt(counters.applied, slot, count, 'applied writes');
                addAt(counters.accepted, slot, count, 'accepted writes');
            }
        }
        const requests = g.pendingRequestWrites;
        const settledRequests = g.settledRequestWrites;
        for (let r = 0; r < requests.length; r++) {
            const total = float64At(requests, r, 'request writes');
            const count = total - float64At(settledRequests, r, 'settled request writes');
            if (count === 0) continue;
            settledRequests[r] = total;
            g.counters.writesServed += count;
        }
    }
}

/**
 * Records the writes counted per outcome cell with the cell's latency in the current interval, and resets
 * the counts: called before the tables change and when an interval ends. Where no processing time is drawn,
 * every write of a cell has the cell's latency, so the cell's count goes to the latency histograms here, in
 * one add instead of one per write (the same sums: weights are whole numbers).
 */
export function flushLatencies(run: RunState): void {
    settleCounts(run);
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
                if (g.processingMeans === undefined) histogram(g, row % W).add(g.bin[index]!, latency, count);
                const mean = g.processingMeans?.[row % W] ?? 0;
                g.intervalLatencies[row % W]!.add(
                    tick,
                    latency,
                    count,
                    mean > 0 ? Float64Array.of(latency, mean) : undefined,
                );
                stores[index] = 0;
                g.settledStoreWrites[index] = 0;
            }
        }
        for (let slot = 0; slot < 2; slot++) {
            for (const cls of classes) {
                const r = slot * C + cls;
                const count = requests[r]!;
                if (count === 0) continue;
                if (g.processingMeans === undefined) histogram(g, W).add(g.requestBin[r]!, g.requestLatency[r]!, count);
                g.intervalLatencies[W]!.add(
                    tick,
                    g.requestLatency[r]!,
                    count,
                    g.processingMeans === undefined ? undefined : requestShape(g, slot, cls, C),
                );
                requests[r] = 0;
                g.settledRequestWrites[r] = 0;
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
