// Derived latency between regions: a declared `link` wins, then the measured table (facts §1), then a
// great-circle estimate from the regions' locations; otherwise the RTT is unknown (and a rule says so).
// Each pair is estimated when first asked for, never all n² up front.
import { greatCircleKm, rttFromDistanceMs } from './geo.js';
import { isMeasuredRegion, measuredRttMs, MEASURED_RTT_SOURCE } from './facts/latency.js';
import type { LinkM, Model, RegionM, RttEstimate, RttSource } from './model.js';
import { GREAT_CIRCLE } from './facts/defaults.js';

export function pairKey(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function estimateRtt(a: RegionM | undefined, b: RegionM | undefined, link: LinkM | undefined, nameA: string, nameB: string): RttEstimate {
    const distanceKm = a?.location && b?.location ? greatCircleKm(a.location, b.location) : undefined;
    if (nameA === nameB) return { ms: 0, source: 'same-region', distanceKm: 0, note: 'same region' };
    if (link?.rttMs !== undefined) {
        return { ms: link.rttMs, source: 'link', distanceKm, note: `declared link at line ${link.source.range.start.line + 1}` };
    }
    const measured = measuredRttMs(nameA, nameB);
    if (measured !== undefined) return { ms: measured, source: 'table', distanceKm, note: MEASURED_RTT_SOURCE };
    if (distanceKm !== undefined) {
        return { ms: rttFromDistanceMs(distanceKm), source: 'great-circle', distanceKm, note: `${GREAT_CIRCLE.msPerKm.source} over ${Math.round(distanceKm)} km` };
    }
    return { ms: undefined, source: 'unknown', note: 'no link, no measured value and no location for both regions' };
}

/**
 * A model's RTTs, computed when a pair is first asked for and remembered: a design of n regions would need n²/2
 * estimates up front, and most pairs are never asked for. Kept beside the model (not in it) so the model stays
 * plain data; bounded so a reader that walks every pair of thousands of regions cannot run away with memory.
 */
class RttMemo {
    private readonly links = new Map<string, LinkM>();
    /** Regions a link names (only a pair of them can take its RTT from a link). */
    private readonly linkedRegions = new Set<string>();
    private readonly index: ReadonlyMap<string, number>;
    private readonly estimates = new Map<number, RttEstimate>();
    /** Pairs estimated so far (remembered or not). */
    computed = 0;

    constructor(private readonly model: Model) {
        this.index = new Map([...model.regions.keys()].map((name, i) => [name, i]));
        // The builder keeps one link per pair (a second one is an error).
        for (const link of model.links) {
            this.links.set(pairKey(link.a, link.b), link);
            this.linkedRegions.add(link.a).add(link.b);
        }
    }

    get(a: string, b: string): RttEstimate {
        // Keyed by the regions' indexes: a number key is hashed at once, a pair's name would be a new string to hash.
        const i = this.index.get(a);
        const j = this.index.get(b);
        const key = i === undefined || j === undefined ? undefined : i < j ? i * this.index.size + j : j * this.index.size + i;
        const known = key === undefined ? undefined : this.estimates.get(key);
        if (known) return known;
        const link = this.linkedRegions.has(a) && this.linkedRegions.has(b) ? this.links.get(pairKey(a, b)) : undefined;
        const estimate = estimateRtt(this.model.regions.get(a), this.model.regions.get(b), link, a, b);
        this.computed++;
        if (key !== undefined && this.estimates.size < MAX_REMEMBERED_PAIRS) this.estimates.set(key, estimate);
        return estimate;
    }

    linked(region: string): boolean {
        return this.linkedRegions.has(region);
    }
}

/** Pairs remembered per model (2^18 estimates take about 60 MB); past that, a pair is recomputed when asked. */
export const MAX_REMEMBERED_PAIRS = 1 << 18;

const memos = new WeakMap<Model, RttMemo>();

function memoOf(model: Model): RttMemo {
    let memo = memos.get(model);
    if (!memo) memos.set(model, (memo = new RttMemo(model)));
    return memo;
}

const SAME_REGION: RttEstimate = { ms: 0, source: 'same-region', distanceKm: 0, note: 'same region' };

/** RTT between two regions of a built model (unknown when either is not declared). */
export function rttBetween(model: Model, a: string, b: string): RttEstimate {
    return a === b ? SAME_REGION : memoOf(model).get(a, b);
}

/** How many RTT estimates the model's readers have needed so far (each pair is estimated once). */
export function rttEstimatesComputed(model: Model): number {
    return memos.get(model)?.computed ?? 0;
}

/**
 * Where the RTT of each pair of `regions` comes from, as a function of the pair's indexes: what decides it is
 * gathered once per region, and a pair is estimated only when a link or the measured table may name it (else only
 * the regions' locations matter). Lets a reader walk the k²/2 pairs of k regions without estimating them.
 */
export function pairSources(model: Model, regions: readonly string[]): (i: number, j: number) => RttSource {
    const memo = memoOf(model);
    const linked = regions.map((r) => memo.linked(r));
    const measured = regions.map(isMeasuredRegion);
    const located = regions.map((r) => model.regions.get(r)?.location !== undefined);
    return (i, j) => {
        if (regions[i] === regions[j]) return 'same-region';
        if ((linked[i] && linked[j]) || (measured[i] && measured[j])) return memo.get(regions[i]!, regions[j]!).source;
        return located[i] && located[j] ? 'great-circle' : 'unknown';
    };
}

/** Great-circle distance in km between two declared regions, when both have a location. */
export function distanceKmBetween(model: Model, a: string, b: string): number | undefined {
    const ra = model.regions.get(a)?.location;
    const rb = model.regions.get(b)?.location;
    return ra && rb ? greatCircleKm(ra, rb) : undefined;
}
