// The sentence the text and Markdown reports share about a bounded-staleness store: the writes its bound
// throttled, when, and where — or why the bound was not simulated.
import { formatCount, formatDuration } from '../../format/quantities.js';
import type { StoreReport } from '../report.js';
import { at } from './common.js';

/** "writes throttled by the staleness bound (K = …, T = …): …" — undefined for other consistency levels. */
export function stalenessLine(s: StoreReport): string | undefined {
    const b = s.stalenessBound;
    if (b === null || b === undefined) return undefined;
    const bounds = [
        b.maxVersions !== null ? `K = ${formatCount(b.maxVersions)} writes` : undefined,
        b.maxLagMs !== null ? `T = ${formatDuration(b.maxLagMs)}` : undefined,
    ]
        .filter(Boolean)
        .join(', ');
    if (!b.simulated) return `bounded staleness (${bounds}) not simulated: ${b.reason ?? 'no reason given'}`;
    if (b.throttledWrites <= 0 || b.firstAtMs === null || b.lastAtMs === null)
        return `writes throttled by the staleness bound (${bounds}): none (${b.source})`;
    const where = b.byRegion.map((x) => `${x.region} ${formatCount(x.throttledWrites)}`).join(', ');
    return `writes throttled by the staleness bound (${bounds}): ${formatCount(b.throttledWrites)}, from ${at(b.firstAtMs)} to ${at(b.lastAtMs)} (${where}; refused, not lost: ${b.source})`;
}
