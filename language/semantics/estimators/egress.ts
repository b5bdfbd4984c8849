// Monthly cross-region data-transfer cost of a store's replication (facts §9). Hover shows it; egress-cost
// compares it with a cost objective.
import { egressUsdPerGB } from '../facts/defaults.js';
import { pairKey } from '../latency.js';
import type { Model, StoreM } from '../model.js';
import { formatBytes, formatCount, formatUsd, listing } from '../units.js';
import { workloadsWriting, writeFlows, writesByWriter } from './write-flows.js';

/** Estimates use a 30-day month (a convention of these estimates, not a billing fact). */
export const SECONDS_PER_MONTH = 30 * 24 * 3_600;

export interface EgressFlow {
    readonly from: string;
    readonly to: string;
    readonly writesPerS: number;
    readonly bytesPerMonth: number;
    /** USD per GB for this direction; undefined when neither a link nor facts §9 prices it. */
    readonly usdPerGB?: number;
    /** `link` (declared), or the facts §9 row. */
    readonly priceSource?: string;
    readonly usdPerMonth?: number;
}

export interface EgressEstimate {
    readonly store: string;
    /** Sum over priced flows; undefined when nothing could be estimated (see `missing`). */
    readonly usdPerMonth?: number;
    readonly bytesPerMonth: number;
    readonly flows: readonly EgressFlow[];
    /** Directions with no known price (counted as 0 in the total). */
    readonly unpriced: readonly (readonly [string, string])[];
    readonly workloads: readonly string[];
    /** Why no estimate was possible: no workload writes the store, or a workload has no `item-size`. */
    readonly missing?: string;
    /** e.g. "300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days". */
    readonly formula: string;
}

/**
 * Price of one GB from `from` to `to`: a declared `link … egress` wins, else facts §9 by source region when
 * both ends are AWS regions (inter-region transfer). Anything else (another provider, on-prem) is unpriced.
 */
export function egressPrice(model: Model, from: string, to: string): { usdPerGB: number; source: string } | undefined {
    const link = model.links.find((l) => pairKey(l.a, l.b) === pairKey(from, to) && l.egressUsdPerGB !== undefined);
    if (link) return { usdPerGB: link.egressUsdPerGB!, source: `link at line ${link.source.range.start.line + 1}` };
    if (model.regions.get(from)?.provider !== 'aws' || model.regions.get(to)?.provider !== 'aws') return undefined;
    const fact = egressUsdPerGB(from, to);
    return fact ? { usdPerGB: fact.value, source: fact.source } : undefined;
}

/**
 * Estimated monthly egress cost of replicating `store`, in USD per 30-day month:
 *
 *   Σ over writer regions w, other replica regions d:  writes/s accepted in w × item size × 2,592,000 s / 10^9 × price(w → d)
 *
 * Writes come from every workload that writes the store ({@link writeFlows}); each write accepted in a
 * region is shipped once to every other region holding a replica (witnesses are not counted). The price
 * is charged at the source region's rate (facts §9; inbound is free), or the declared `link … egress`.
 */
export function estimateMonthlyEgress(model: Model, store: StoreM): EgressEstimate {
    const workloads = workloadsWriting(model, store);
    const base = { store: store.id, workloads: workloads.map((w) => w.name) };
    if (workloads.length === 0) return { ...base, bytesPerMonth: 0, flows: [], unpriced: [], missing: 'no workload writes this store', formula: '' };
    const unsized = workloads.find((w) => w.itemSizeBytes === undefined);
    if (unsized) return { ...base, bytesPerMonth: 0, flows: [], unpriced: [], missing: `workload ${unsized.name} declares no item-size`, formula: '' };

    const bytesPerS = new Map<string, number>();
    const writes = new Map<string, number>();
    for (const w of workloads) {
        for (const [writer, perS] of writesByWriter(writeFlows(model, store, w))) {
            bytesPerS.set(writer, (bytesPerS.get(writer) ?? 0) + perS * w.itemSizeBytes!);
            writes.set(writer, (writes.get(writer) ?? 0) + perS);
        }
    }
    const flows: EgressFlow[] = [];
    const unpriced: [string, string][] = [];
    for (const [from, perS] of bytesPerS) {
        for (const to of store.regions) {
            if (to === from) continue;
            const bytesPerMonth = perS * SECONDS_PER_MONTH;
            const price = egressPrice(model, from, to);
            if (!price) unpriced.push([from, to]);
            flows.push({
                from, to, writesPerS: writes.get(from) ?? 0, bytesPerMonth, usdPerGB: price?.usdPerGB, priceSource: price?.source,
                usdPerMonth: price ? (bytesPerMonth / 1e9) * price.usdPerGB : undefined,
            });
        }
    }
    const priced = flows.filter((f) => f.usdPerMonth !== undefined);
    const totalWrites = [...writes.values()].reduce((a, b) => a + b, 0);
    const others = Math.max(0, store.regions.length - 1);
    const prices = [...new Set(priced.map((f) => f.usdPerGB!))].map((p) => `$${p}/GB`).join(' or ');
    const itemSizes = [...new Set(workloads.map((w) => w.itemSizeBytes!))].map(formatBytes).join(' / ');
    return {
        ...base,
        usdPerMonth: priced.length > 0 || flows.length === 0 ? priced.reduce((sum, f) => sum + f.usdPerMonth!, 0) : undefined,
        bytesPerMonth: flows.reduce((sum, f) => sum + f.bytesPerMonth, 0),
        flows,
        unpriced,
        ...(priced.length === 0 && flows.length > 0
            ? { missing: `no price is known for ${listing(unpriced.map(([a, b]) => `${a} → ${b}`))}: declare 'link … { egress $…/GB }'` } : {}),
        formula: `${formatCount(totalWrites)} writes/s × ${itemSizes} × ${others} other region${others === 1 ? '' : 's'}${prices ? ` × ${prices}` : ''} over 30 days`,
    };
}

export function describeEgress(e: EgressEstimate): string {
    if (e.usdPerMonth === undefined) return e.missing ?? 'unknown';
    return `≈ ${formatUsd(e.usdPerMonth)}/month (${e.formula})`;
}
