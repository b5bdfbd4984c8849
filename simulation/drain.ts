// How a replication backlog drains after a partition or outage heals (docs/facts.md#catch-up-rate). A store's
// declared `catch-up` rate c is a throughput limit on each of its links while a backlog is waiting: entries are
// applied no faster than c, and writes accepted meanwhile queue behind the backlog. A backlog B drained while w
// writes per second keep arriving is empty after B ÷ (c − w); with c ≤ w it never is. No engine documents a
// store-level rate, so without a declared one the backlog arrives at once and the drain time is a lower bound.
import { itemAt } from '../language/util/item-at.js';
import type { StoreM, WorkloadM } from '../language/semantics/model.js';
import { SimulationError } from './errors.js';
import { formatBytes } from '../format/quantities.js';

/** What a store's drain needs from the plan: writes per second (+∞ when not declared) and the mean item size. */
export interface DrainPlan {
    readonly catchUpPerS: number;
    readonly declared: boolean;
    /** Mean bytes of a write to the store, weighted by the writing streams' rates; undefined without item sizes. */
    readonly itemBytes: number | undefined;
}

/**
 * The store's catch-up in writes per second (given the parts of the plan it reads, so that plan.ts, which
 * calls it, is not imported back): as declared, or a declared throughput divided by the mean item size
 * of the workloads writing it (an error naming the workload when one declares no item-size).
 */
export function compileDrain(
    store: { readonly index: number; readonly id: string; readonly model: StoreM },
    streams: readonly { readonly rate: number; readonly group: number; readonly workload: number }[],
    groups: readonly { readonly writes: readonly number[] }[],
    workloads: readonly { readonly name: string; readonly model: WorkloadM }[],
): DrainPlan {
    let rate = 0;
    let bytes = 0;
    let unsized: string | undefined;
    for (const st of streams) {
        if (st.rate <= 0 || !itemAt(groups, st.group, 'group').writes.includes(store.index)) continue;
        const workload = itemAt(workloads, st.workload, 'workload');
        const size = workload.model.itemSizeBytes;
        if (size === undefined) unsized ??= workload.name;
        else bytes += st.rate * size;
        rate += st.rate;
    }
    const itemBytes = unsized === undefined && rate > 0 ? bytes / rate : undefined;
    const declared = store.model.catchUp;
    if (declared?.writesPerS !== undefined) return { catchUpPerS: declared.writesPerS, declared: true, itemBytes };
    if (declared?.bytesPerS !== undefined) {
        if (unsized !== undefined) {
            throw new SimulationError(
                'incomplete-design',
                `store ${store.id} declares 'catch-up ${formatBytes(declared.bytesPerS)}/s', which the simulation turns into writes with the item size, but workload ${unsized} declares no 'item-size': declare it, or write the catch-up in writes per second (e.g. 'catch-up 5000/s')`,
            );
        }
        // No writing workload: nothing to drain, any rate will do.
        return {
            catchUpPerS: itemBytes === undefined ? Infinity : declared.bytesPerS / itemBytes,
            declared: true,
            itemBytes,
        };
    }
    return { catchUpPerS: Infinity, declared: false, itemBytes };
}

/** Closed form of a drain: B writes waiting, c drained and w arriving per second → seconds until empty (+∞ when c ≤ w). */
export function drainSeconds(backlog: number, catchUpPerS: number, arrivalsPerS: number): number {
    if (backlog <= 0) return 0;
    if (catchUpPerS === Infinity) return 0;
    return catchUpPerS > arrivalsPerS ? backlog / (catchUpPerS - arrivalsPerS) : Infinity;
}

/** How a heal's drain ended. */
export type DrainOutcome = 'draining' | 'drained' | 'cut-again' | 'unfinished' | 'never-drains';
