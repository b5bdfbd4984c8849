// Derived latency between regions: a declared `link` wins, then the measured table (facts §1), then a
// great-circle estimate from the regions' locations; otherwise the RTT is unknown (and a rule says so).
import { greatCircleKm, rttFromDistanceMs } from './geo.js';
import { measuredRttMs, MEASURED_RTT_SOURCE } from './facts/latency.js';
import type { LinkM, Model, RegionM, RttEstimate } from './model.js';
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

/** RTT between two regions of a built model (unknown when either is not declared). */
export function rttBetween(model: Model, a: string, b: string): RttEstimate {
    if (a === b) return { ms: 0, source: 'same-region', distanceKm: 0, note: 'same region' };
    return model.rtt.get(pairKey(a, b)) ?? estimateRtt(model.regions.get(a), model.regions.get(b), undefined, a, b);
}

/** Great-circle distance in km between two declared regions, when both have a location. */
export function distanceKmBetween(model: Model, a: string, b: string): number | undefined {
    const ra = model.regions.get(a)?.location;
    const rb = model.regions.get(b)?.location;
    return ra && rb ? greatCircleKm(ra, rb) : undefined;
}
