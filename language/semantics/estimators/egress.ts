// Monthly cross-region data-transfer cost of a store's replication (docs/facts.md#aws-inter-region-transfer-price). Hover shows it; egress-cost
// compares it with a cost objective.
import { formatBytes, formatCount, formatUsd } from '../../../format/quantities.js';
import { EGRESS_PAIR_PRICED_REGIONS, egressUsdPerGB, egressUsdPerGBFrom } from '../facts/defaults.js';
import type { LinkM, Model, StoreM } from '../model.js';
import { LISTED_ITEMS, listing } from '../units.js';
import { workloadsWriting, writeFlows, writesByWriter } from './write-flows.js';
import { itemAt } from '../../util/item-at.js';
import { perModel } from '../per-model.js';

/** Estimates use a 30-day month (a convention of these estimates, not a billing fact). */
export const SECONDS_PER_MONTH = 30 * 24 * 3_600;

/**
 * Writes shipped from one writer region to replica regions that share a price: either one pair with its own price
 * (a declared link, or a pair priced apart, docs/facts.md#aws-us-east-pair-transfer-price), or every other replica region charged at the source's rate.
 * Grouping keeps the work O(k) for a store over k regions written from all of them, not one flow per pair.
 */
export interface EgressFlow {
    readonly from: string;
    /** The destination of a pair priced on its own; undefined for a group of regions. */
    readonly to?: string;
    /** Replica regions receiving the writes (1 for a pair). */
    readonly regions: number;
    readonly writesPerS: number;
    /** Bytes shipped to all of `regions` together. */
    readonly bytesPerMonth: number;
    /** USD per GB for this direction; undefined when neither a link nor the transfer price table prices it. */
    readonly usdPerGB?: number;
    /** `link` (declared), or the transfer price fact. */
    readonly priceSource?: string;
    readonly usdPerMonth?: number;
    /** True for writes forwarded from the region they were issued in to the region that accepts them. */
    readonly forwarded?: true;
}

export interface EgressEstimate {
    readonly store: string;
    /** Sum over priced flows; undefined when nothing could be estimated (see `missing`). */
    readonly usdPerMonth?: number;
    readonly bytesPerMonth: number;
    readonly flows: readonly EgressFlow[];
    /** Directions with no known price (counted as 0 in the total): the first LISTED_ITEMS + 1 of them. */
    readonly unpriced: readonly (readonly [string, string])[];
    /** How many directions have no known price. */
    readonly unpricedCount: number;
    readonly workloads: readonly string[];
    /** Why no estimate was possible: no workload writes the store, or a workload has no `item-size`. */
    readonly missing?: string;
    /** e.g. "300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days". */
    readonly formula: string;
}

type Price = { usdPerGB: number; source: string };

/** A model's links with an egress price, by region and the region at the other end. */
const egressLinksOf = perModel((model): ReadonlyMap<string, ReadonlyMap<string, LinkM>> => {
    const links = new Map<string, Map<string, LinkM>>();
    for (const link of model.links) {
        if (link.egressUsdPerGB === undefined) continue;
        for (const [a, b] of [
            [link.a, link.b],
            [link.b, link.a],
        ] as const) {
            if (!links.has(a)) links.set(a, new Map());
            if (!links.get(a)!.has(b)) links.get(a)!.set(b, link);
        }
    }
    return links;
});

const occursIn = (store: StoreM, region: string): boolean => store.regions.includes(region);

const isAws = (model: Model, region: string): boolean => model.regions.get(region)?.provider === 'aws';

/**
 * Price of one GB from `from` to `to`: a declared `link … egress` wins, else docs/facts.md#aws-inter-region-transfer-price by source region when
 * both ends are AWS regions (inter-region transfer). Anything else (another provider, on-prem) is unpriced.
 */
export function egressPrice(model: Model, from: string, to: string): Price | undefined {
    const link = egressLinksOf(model).get(from)?.get(to);
    if (link) return { usdPerGB: link.egressUsdPerGB!, source: `link at line ${link.source.range.start.line + 1}` };
    if (!isAws(model, from) || !isAws(model, to)) return undefined;
    const fact = egressUsdPerGB(from, to);
    return fact ? { usdPerGB: fact.value, source: fact.source } : undefined;
}

/** The price of a GB from `from` to an AWS region that neither a link nor a priced pair prices on its own. */
function sourceRate(model: Model, from: string): Price | undefined {
    const fact = isAws(model, from) ? egressUsdPerGBFrom(from) : undefined;
    return fact ? { usdPerGB: fact.value, source: fact.source } : undefined;
}

/** Replica regions `from` ships to at a price of their own: a link with egress, or a priced pair. */
function pairPriced(model: Model, from: string, replicas: ReadonlyMap<string, number>): string[] {
    const partners = new Set(egressLinksOf(model).get(from)?.keys());
    if (EGRESS_PAIR_PRICED_REGIONS.has(from)) for (const r of EGRESS_PAIR_PRICED_REGIONS) partners.add(r);
    partners.delete(from);
    return [...partners].filter((r) => replicas.has(r));
}

/**
 * Estimated monthly egress cost of replicating `store`, in USD per 30-day month:
 *
 *   Σ over writer regions w, other replica regions d:  writes/s accepted in w × item size × 2,592,000 s / 10^9 × price(w → d)
 *
 * Writes come from every workload that writes the store ({@link writeFlows}); each write accepted in a
 * region is shipped once to every other region holding a replica (witnesses are not counted). The price
 * is charged at the source region's rate (docs/facts.md#aws-inter-region-transfer-price; inbound is free), or the declared `link … egress`, so the
 * sum over d is (replicas − 1) × price(w) but for the few pairs priced on their own.
 */
export function estimateMonthlyEgress(model: Model, store: StoreM): EgressEstimate {
    const workloads = workloadsWriting(model, store);
    const base = { store: store.id, workloads: workloads.map((w) => w.name), unpricedCount: 0 };
    // Independent copies (a cache per region): nothing is shipped between regions, whatever the workload.
    if (store.replication.mode === 'none') {
        return {
            ...base,
            usdPerMonth: 0,
            bytesPerMonth: 0,
            flows: [],
            unpriced: [],
            formula: 'replication none: each region keeps its own copy, so nothing crosses regions',
        };
    }
    if (workloads.length === 0)
        return {
            ...base,
            bytesPerMonth: 0,
            flows: [],
            unpriced: [],
            missing: 'no workload writes this store',
            formula: '',
        };
    const unsized = workloads.find((w) => w.itemSizeBytes === undefined);
    if (unsized)
        return {
            ...base,
            bytesPerMonth: 0,
            flows: [],
            unpriced: [],
            missing: `workload ${unsized.name} declares no item-size`,
            formula: '',
        };

    const bytesPerS = new Map<string, number>();
    const writes = new Map<string, number>();
    // A write issued in a region that holds a replica but accepted in another (a consensus leader, a primary)
    // crosses once more, from its origin to the accepting region, before replication ships it on.
    const forwarded = new Map<string, { from: string; to: string; writesPerS: number; bytesPerS: number }>();
    for (const w of workloads) {
        const flows = writeFlows(model, store, w);
        for (const [writer, perS] of writesByWriter(flows)) {
            bytesPerS.set(writer, (bytesPerS.get(writer) ?? 0) + perS * w.itemSizeBytes!);
            writes.set(writer, (writes.get(writer) ?? 0) + perS);
        }
        for (const f of flows) {
            if (f.origin === f.writer || !occursIn(store, f.origin)) continue;
            const key = `${f.origin}\u0000${f.writer}`;
            const pair = forwarded.get(key) ?? { from: f.origin, to: f.writer, writesPerS: 0, bytesPerS: 0 };
            pair.writesPerS += f.writesPerS;
            pair.bytesPerS += f.writesPerS * w.itemSizeBytes!;
            forwarded.set(key, pair);
        }
    }
    const occurrences = new Map<string, number>();
    const firstAt = new Map<string, number>();
    store.regions.forEach((r, i) => {
        occurrences.set(r, (occurrences.get(r) ?? 0) + 1);
        if (!firstAt.has(r)) firstAt.set(r, i);
    });
    // Where the AWS and the other replica regions stand in the store's list, so a group finds its first one at once.
    const positions = { aws: [] as number[], other: [] as number[] };
    store.regions.forEach((r, i) => (isAws(model, r) ? positions.aws : positions.other).push(i));
    const count = (regions: readonly string[]) => regions.reduce((n, r) => n + (occurrences.get(r) ?? 0), 0);
    const flows: EgressFlow[] = [];
    const unpriced: [string, string][] = [];
    let unpricedCount = 0;
    for (const [from, perS] of bytesPerS) {
        const rate = sourceRate(model, from);
        const own = pairPriced(model, from, occurrences);
        const ownSet = new Set(own);
        const price = (to: string): Price | undefined =>
            ownSet.has(to) ? egressPrice(model, from, to) : isAws(model, to) ? rate : undefined;
        const grouped = (i: number) => {
            const to = store.regions[i];
            return to !== undefined && to !== from && !ownSet.has(to);
        };
        const ownAws = count(own.filter((r) => isAws(model, r)));
        const fromAws = isAws(model, from);
        const groups: { to?: string; regions: number; price?: Price; first: number }[] = [
            ...own.map((to) => ({ to, regions: occurrences.get(to)!, price: price(to), first: firstAt.get(to)! })),
            {
                regions: positions.aws.length - ownAws - (fromAws ? (occurrences.get(from) ?? 0) : 0),
                price: rate,
                first: positions.aws.find(grouped) ?? -1,
            },
            {
                regions: positions.other.length - (count(own) - ownAws) - (fromAws ? 0 : (occurrences.get(from) ?? 0)),
                first: positions.other.find(grouped) ?? -1,
            },
        ];
        let unpricedHere = 0;
        // In the order of the store's regions, as a list of every pair would be.
        for (const g of groups.filter((g) => g.regions > 0).sort((a, b) => a.first - b.first)) {
            const bytesPerMonth = perS * SECONDS_PER_MONTH * g.regions;
            if (!g.price) unpricedHere += g.regions;
            flows.push({
                from,
                to: g.to,
                regions: g.regions,
                writesPerS: writes.get(from) ?? 0,
                bytesPerMonth,
                usdPerGB: g.price?.usdPerGB,
                priceSource: g.price?.source,
                usdPerMonth: g.price ? (bytesPerMonth / 1e9) * g.price.usdPerGB : undefined,
            });
        }
        unpricedCount += unpricedHere;
        // Name the first unpriced directions: at most LISTED_ITEMS + 1 writers with one are walked.
        for (let i = 0; unpricedHere > 0 && i < store.regions.length && unpriced.length <= LISTED_ITEMS; i++) {
            const to = itemAt(store.regions, i, 'store region');
            if (to !== from && !price(to)) unpriced.push([from, to]);
        }
    }
    let forwardedWrites = 0;
    for (const pair of forwarded.values()) {
        const price = egressPrice(model, pair.from, pair.to);
        const bytesPerMonth = pair.bytesPerS * SECONDS_PER_MONTH;
        forwardedWrites += pair.writesPerS;
        if (!price) {
            unpricedCount++;
            if (unpriced.length <= LISTED_ITEMS) unpriced.push([pair.from, pair.to]);
        }
        flows.push({
            from: pair.from,
            to: pair.to,
            regions: 1,
            writesPerS: pair.writesPerS,
            bytesPerMonth,
            usdPerGB: price?.usdPerGB,
            priceSource: price?.source,
            usdPerMonth: price ? (bytesPerMonth / 1e9) * price.usdPerGB : undefined,
            forwarded: true,
        });
    }
    const priced = flows.filter((f) => f.usdPerMonth !== undefined);
    const totalWrites = [...writes.values()].reduce((a, b) => a + b, 0);
    const others = Math.max(0, store.regions.length - 1);
    const prices = [...new Set(priced.map((f) => f.usdPerGB!))].map((p) => `$${p}/GB`).join(' or ');
    const itemSizes = [...new Set(workloads.map((w) => w.itemSizeBytes!))].map(formatBytes).join(' / ');
    return {
        ...base,
        usdPerMonth:
            priced.length > 0 || flows.length === 0 ? priced.reduce((sum, f) => sum + f.usdPerMonth!, 0) : undefined,
        bytesPerMonth: flows.reduce((sum, f) => sum + f.bytesPerMonth, 0),
        flows,
        unpriced,
        unpricedCount,
        ...(priced.length === 0 && flows.length > 0
            ? {
                  missing: `no price is known for ${listing(
                      unpriced.map(([a, b]) => `${a} → ${b}`),
                      'and',
                      unpricedCount,
                  )}: declare 'link … { egress $…/GB }'`,
              }
            : {}),
        formula: `${egressTerms(totalWrites, itemSizes, others, forwardedWrites, store.consensus ? 'the leader' : 'the writing region')}${prices ? ` × ${prices}` : ''} over 30 days`,
    };
}

/** "N writes/s × size × k other regions", with the forwarded writes as a second term when there are any. */
function egressTerms(writes: number, itemSizes: string, others: number, forwarded: number, acceptedIn: string): string {
    const replication = `${formatCount(writes)} writes/s × ${itemSizes} × ${others} other region${others === 1 ? '' : 's'}`;
    return forwarded > 0
        ? `(${replication} + ${formatCount(forwarded)} writes/s × ${itemSizes} forwarded to ${acceptedIn})`
        : replication;
}

export function describeEgress(e: EgressEstimate): string {
    if (e.usdPerMonth === undefined) return e.missing ?? 'unknown';
    return `≈ ${formatUsd(e.usdPerMonth)}/month (${e.formula})`;
}
