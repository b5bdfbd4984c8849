// Which workload writes reach a store, from where, and which replica region accepts them. Egress cost and
// LWW-loss estimates both start here, so they count the same writes.
import { rttBetween } from '../latency.js';
import type { Model, StoreM, WorkloadM } from '../model.js';
import { coordinatorOf } from './write-latency.js';
import { perModel } from '../per-model.js';

export interface WriteFlow {
    readonly workload: string;
    /** Region the writes originate in (a workload `from` origin). */
    readonly origin: string;
    /** Replica region that accepts them (the origin, the primary, or the nearest replica). */
    readonly writer: string;
    readonly writesPerS: number;
}

/** Store instance ids a workload writes: its target store, or every store its target service `uses`. */
export function storesWrittenBy(model: Model, workload: WorkloadM): string[] {
    const target = workload.target;
    if (!target) return [];
    const ids = model.instances.get(target.name) ?? [];
    if (target.kind === 'store') return [...ids];
    return [...new Set(ids.flatMap((id) => model.services.get(id)?.uses ?? []))];
}

/** Per model: the workloads writing each store instance, in the model's order. Built once, so asking it for every
 *  store costs one pass over the workloads, not one per store. */
const writersByStore = perModel((model): ReadonlyMap<string, readonly WorkloadM[]> => {
    const built = new Map<string, WorkloadM[]>();
    for (const workload of model.workloads.values()) {
        for (const id of storesWrittenBy(model, workload)) {
            const list = built.get(id);
            if (list === undefined) built.set(id, [workload]);
            else list.push(workload);
        }
    }
    return built;
});

/** Workloads that write `store` (directly, or through a service that uses it). */
export function workloadsWriting(model: Model, store: StoreM): readonly WorkloadM[] {
    return writersByStore(model).get(store.id) ?? [];
}

/**
 * The writes of `workload` that reach the store instance `store`, per origin region, in writes/s.
 * Assumptions (stated so hover can show them): a workload aimed at a service writes each store the service
 * `uses` once per request; an origin region served by several instances of a per-cell store (cells that
 * share a region) splits its writes evenly between them; an origin outside every instance's regions is
 * served by the instances in equal parts.
 */
export function writeFlows(model: Model, store: StoreM, workload: WorkloadM): WriteFlow[] {
    const written = storesWrittenBy(model, workload);
    if (!written.includes(store.id)) return [];
    const siblings = written
        .map((id) => model.stores.get(id))
        .filter((s): s is StoreM => s !== undefined && s.name === store.name);
    const flows: WriteFlow[] = [];
    for (const o of workload.writeOrigins) {
        const serving = siblings.filter((s) => s.regions.includes(o.region));
        const share =
            serving.length > 0
                ? serving.some((s) => s.id === store.id)
                    ? 1 / serving.length
                    : 0
                : 1 / Math.max(1, siblings.length);
        const writesPerS = workload.writesPerS * o.share * share;
        if (writesPerS <= 0) continue;
        flows.push({
            workload: workload.name,
            origin: o.region,
            writer: coordinatorOf(model, store, o.region),
            writesPerS,
        });
    }
    return flows;
}

/** Writes/s accepted in each replica region, summed over flows. */
export function writesByWriter(flows: readonly WriteFlow[]): Map<string, number> {
    const byWriter = new Map<string, number>();
    for (const f of flows) byWriter.set(f.writer, (byWriter.get(f.writer) ?? 0) + f.writesPerS);
    return byWriter;
}

/**
 * The replication window between two writer regions, in ms: the declared lag, but never less than the one-way
 * transit RTT/2. Replication lag as the engines report it (DynamoDB ReplicationLatency, Aurora's global lag;
 * docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag) is measured from commit to apply, so it already includes the transit. The simulation uses the same
 * delay, so hover, rules and reports agree.
 */
export function replicationWindowMs(model: Model, store: StoreM, a: string, b: string): number | undefined {
    const rtt = rttBetween(model, a, b).ms;
    if (rtt === undefined) return undefined;
    return Math.max(store.replication.lagMs ?? 0, rtt / 2);
}
