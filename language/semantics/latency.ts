// Derived latency between regions: a declared `link` wins, then the measured table (docs/facts.md#cloudping-rtt-matrix), then a
// great-circle estimate from the regions' locations; otherwise the RTT is unknown (and a rule says so).
// Each pair is estimated when asked for, never all n² up front, and not remembered.
import { greatCircleKm, rttFromDistanceMs } from './geo.js';
import { isMeasuredRegion, measuredRttMs, MEASURED_RTT_SOURCE } from './facts/latency.js';
import type { LinkM, Model, RegionM, RttEstimate, RttSource } from './model.js';
import { GREAT_CIRCLE } from './facts/defaults.js';
import { itemAt } from '../util/item-at.js';
import { perModel } from './per-model.js';

export function pairKey(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function estimateRtt(
    a: RegionM | undefined,
    b: RegionM | undefined,
    link: LinkM | undefined,
    nameA: string,
    nameB: string,
): RttEstimate {
    const distanceKm = a?.location && b?.location ? greatCircleKm(a.location, b.location) : undefined;
    if (nameA === nameB) return { ms: 0, source: 'same-region', distanceKm: 0, note: 'same region' };
    if (link?.rttMs !== undefined) {
        return {
            ms: link.rttMs,
            source: 'link',
            distanceKm,
            note: `declared link at line ${link.source.range.start.line + 1}`,
        };
    }
    const measured = measuredRttMs(nameA, nameB);
    if (measured !== undefined) return { ms: measured, source: 'table', distanceKm, note: MEASURED_RTT_SOURCE };
    if (distanceKm !== undefined) {
        return {
            ms: rttFromDistanceMs(distanceKm),
            source: 'great-circle',
            distanceKm,
            note: `${GREAT_CIRCLE.msPerKm.source} over ${Math.round(distanceKm)} km`,
        };
    }
    return { ms: undefined, source: 'unknown', note: 'no link, no measured value and no location for both regions' };
}

/**
 * A model's declared links by pair, built once per model; RTTs themselves are estimated each time they are asked
 * for. Remembering them does not pay: a great-circle estimate is a few trig calls, a link or the measured table is
 * one map lookup, and a memo of n²/2 pairs costs more to fill (and to hold beside the model) than it saves
 * (bench/robustness/scaling-rtt.mjs).
 */
class LinkIndex {
    private readonly links = new Map<string, LinkM>();
    /** Regions a link names (only a pair of them can take its RTT from a link). */
    private readonly linkedRegions = new Set<string>();
    /** RTTs estimated so far (a count of work for tests). */
    computed = 0;

    constructor(private readonly model: Model) {
        // The builder keeps one link per pair (a second one is an error).
        for (const link of model.links) {
            this.links.set(pairKey(link.a, link.b), link);
            this.linkedRegions.add(link.a).add(link.b);
        }
    }

    get(a: string, b: string): RttEstimate {
        const link = this.linkedRegions.has(a) && this.linkedRegions.has(b) ? this.links.get(pairKey(a, b)) : undefined;
        this.computed++;
        return estimateRtt(this.model.regions.get(a), this.model.regions.get(b), link, a, b);
    }

    linked(region: string): boolean {
        return this.linkedRegions.has(region);
    }
}

const linksOf = perModel((model) => new LinkIndex(model));

const SAME_REGION: RttEstimate = { ms: 0, source: 'same-region', distanceKm: 0, note: 'same region' };

/** RTT between two regions of a built model (unknown when either is not declared). */
export function rttBetween(model: Model, a: string, b: string): RttEstimate {
    return a === b ? SAME_REGION : linksOf(model).get(a, b);
}

/** How many RTT estimates the model's readers have needed so far (a pair asked twice is estimated twice). */
export function rttEstimatesComputed(model: Model): number {
    return linksOf.peek(model)?.computed ?? 0;
}

/**
 * Where the RTT of each pair of `regions` comes from, as a function of the pair's indexes: what decides it is
 * gathered once per region, and a pair is estimated only when a link or the measured table may name it (else only
 * the regions' locations matter). Lets a reader walk the k²/2 pairs of k regions without estimating them.
 */
export function pairSources(model: Model, regions: readonly string[]): (i: number, j: number) => RttSource {
    const links = linksOf(model);
    const linked = regions.map((r) => links.linked(r));
    const measured = regions.map(isMeasuredRegion);
    const located = regions.map((r) => model.regions.get(r)?.location !== undefined);
    return (i, j) => {
        if (regions[i] === regions[j]) return 'same-region';
        if ((linked[i] && linked[j]) || (measured[i] && measured[j]))
            return links.get(itemAt(regions, i, 'region'), itemAt(regions, j, 'region')).source;
        return located[i] && located[j] ? 'great-circle' : 'unknown';
    };
}

/** Great-circle distance in km between two declared regions, when both have a location. */
export function distanceKmBetween(model: Model, a: string, b: string): number | undefined {
    const ra = model.regions.get(a)?.location;
    const rb = model.regions.get(b)?.location;
    return ra && rb ? greatCircleKm(ra, rb) : undefined;
}
