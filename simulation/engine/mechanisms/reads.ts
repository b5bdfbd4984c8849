// Reads: a flow, not events. Between breakpoints (state changes, the end of a DNS transition's TTL, a stalled
// link's backlog arriving, a drain's end) each group's reads are rate × time with a served share linear in
// time and a fresh share that is a sum of decaying exponentials, integrated in closed form (read-flow.ts), so
// read-heavy designs cost nothing extra and ticks do not change the counts.
import type { Plan } from '../../plan.js';
import { visibilityWindow, windowBreak, windowSlope } from '../../replication.js';
import type { GroupRuntime } from '../../runtime.js';
import { readFlowCost, staleExposed, TERMS } from '../../work.js';
import type { RunState } from '../context.js';
import type { ReadFlow } from '../read-flow.js';
import { movedFraction, movedSlope } from '../transition.js';

/** Per group: the read-flow steps of one description (the work `estimateWork` bounds). */
export function readSteps(plan: Plan): Float64Array {
    return Float64Array.from(plan.groups, (g) =>
        g.readRate > 0 ? readFlowCost(g.readsFrom.map((s) => plan.stores[s]!)).describe : 0,
    );
}

/**
 * Integrates reads from each group's last breakpoint to `t`, in closed form (engine/read-flow.ts), piece by
 * piece where a stalled link's backlog arrives in between (that changes a stale exposure's slope).
 */
export function integrate(run: RunState, steps: Float64Array, t: number): void {
    const tick = Math.min(run.tick, run.ticks - 1);
    run.work.scans += run.groups.length;
    for (const g of run.groups) {
        const flow = g.reads;
        if (g.plan.readRate <= 0) {
            if (t > flow.from) flow.from = t;
            continue;
        }
        while (flow.from < t) {
            const end = flow.until < t ? flow.until : t;
            const span = end - flow.from;
            const offered = (g.plan.readRate / 1_000) * span;
            run.work.reads += flow.integrate(span);
            const totals = flow.totals;
            g.counters.readsOffered += offered;
            g.counters.readsServed += totals.served;
            g.counters.staleReads += totals.stale;
            g.seriesReadsOffered[tick]! += offered;
            g.seriesReadsServed[tick]! += totals.served;
            for (let k = 0; k < totals.storeServed.length; k++) {
                const store = g.plan.readsFrom[k]!;
                const counters = run.storeCounters[store]!;
                counters.readsServed += totals.storeServed[k]!;
                counters.readsStale += totals.storeStale[k]!;
                // The drain's end is a breakpoint (describeStaleness), so a piece is inside it or after it.
                if (end <= run.drainUntil[store]!) {
                    counters.drainReadsServed += totals.storeServed[k]!;
                    counters.drainReadsStale += totals.storeStale[k]!;
                }
            }
            flow.from = end;
            if (end >= flow.until) describeReads(run, steps, g, end);
        }
    }
}

/** Re-reads every group's read flow at `t` after a state change: the start of the next piece. */
export function refreshFluid(run: RunState, steps: Float64Array, t: number): void {
    run.work.scans += run.groups.length;
    for (const g of run.groups) {
        if (t > g.reads.from) g.reads.from = t;
        if (g.plan.readRate > 0) describeReads(run, steps, g, t);
    }
}

/**
 * The group's read flow from `t` on (values just after `t`): per slot, reads per ms served and their slope
 * over a DNS transition; per store read, the terms of the probability that a read is fresh.
 */
function describeReads(run: RunState, steps: Float64Array, g: GroupRuntime, t: number): void {
    run.work.reads += steps[g.plan.index]!;
    const flow = g.reads;
    flow.from = t;
    flow.until = Infinity;
    const rate = g.plan.readRate / 1_000;
    const tr = g.transition;
    const moved = tr ? movedFraction(tr, t) : 1;
    const fSlope = tr ? movedSlope(tr, t) : 0;
    const readCount = g.plan.readsFrom.length;
    for (let slot = 0; slot < 2; slot++) {
        const scale = rate * g.serviceProb[slot]! * g.readOk[slot]!;
        flow.ok[slot] = scale * (slot === 0 ? moved : 1 - moved);
        flow.okSlope[slot] = scale * (slot === 0 ? fSlope : -fSlope);
        for (let k = 0; k < readCount; k++) {
            const until = describeStaleness(
                run,
                g,
                g.plan.readsFrom[k]!,
                g.readReplica[slot * readCount + k]!,
                t,
                flow,
                slot * readCount + k,
            );
            if (until < flow.until) flow.until = until;
        }
    }
}

/**
 * The fresh-read terms of a read of store `s` served by `replica` (cell `c` of `flow`): a read misses a
 * write already acknowledged elsewhere when its key has a write, landed in another region, still inside
 * that link's visibility window. Keys of the store's main writing workload are written as Poisson processes
 * (rate = writes / keys): shared keys from wherever they land; a user's own keys from where that user's
 * region writes (or, for readers with no writes of their own, any key, from wherever writes land). So
 *   P(fresh) = 1 − shared·(1 − e^{−Σ μ·window}) − own·(1 − e^{−Σ μ·window}),
 * each window linear in time until a stalled link's backlog arrives — returned, as the flow's next breakpoint.
 */
function describeStaleness(
    run: RunState,
    g: GroupRuntime,
    s: number,
    replica: number,
    t: number,
    flow: ReadFlow,
    c: number,
): number {
    flow.keep[c] = 1;
    for (let j = 0; j < TERMS; j++) flow.coef[c * TERMS + j] = 0;
    // The end of a drain is a breakpoint: the reads during it are reported apart.
    const drained = run.drainUntil[s]! > t ? run.drainUntil[s]! : Infinity;
    const store = run.plan.stores[s]!;
    if (replica < 0 || !staleExposed(store)) return drained;
    const landing = run.landing[s];
    if (landing === undefined) return drained;
    const workload = run.plan.workloads[landing.workload]!;
    if (workload.keys === undefined) {
        run.storeCounters[s]!.staleKnown = false;
        return drained;
    }
    const to = store.slotOf[replica]!;
    let until = drained;
    const term = (j: number, share: number, perKey: (from: number) => number): void => {
        let x = 0;
        let slope = 0;
        for (let from = 0; from < store.replicas.length; from++) {
            const mu = from === to ? 0 : perKey(from);
            if (mu <= 0) continue;
            const link = run.linkOf[s]![from]![to]!;
            x += mu * visibilityWindow(link, t);
            slope += mu * windowSlope(link, t);
            const next = windowBreak(link, t);
            if (next < until) until = next;
        }
        if (x <= 0 && slope <= 0) return;
        const i = c * TERMS + j;
        flow.keep[c]! -= share;
        flow.coef[i] = share;
        flow.x[i] = x;
        flow.slope[i] = slope;
    };
    const rateFrom =
        (rates: Float64Array, keys: number) =>
        (from: number): number =>
            keys > 0 ? rates[store.replicas[from]!]! / keys : 0;
    if (workload.sharedShare > 0) term(0, workload.sharedShare, rateFrom(landing.shared, workload.sharedKeys));
    if (workload.sharedShare < 1) {
        const own = landing.ownLocation[g.plan.origin]!;
        if (own < 0) term(1, 1 - workload.sharedShare, rateFrom(landing.other, workload.keys - workload.sharedKeys));
        else if (own !== replica) {
            const perKey = workload.model.writesPerS / 1_000 / workload.keys;
            const ownSlot = store.slotOf[own]!;
            term(1, 1 - workload.sharedShare, (from) => (from === ownSlot ? perKey : 0));
        }
    }
    if (flow.keep[c]! < 0) flow.keep[c] = 0;
    return until;
}
