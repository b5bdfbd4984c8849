// The sentences the text and Markdown reports share about load at failover: a region offered more than its
// capacity (with the clients' retries), and the miss reads a cache that started cold sent its backing store.
import { formatCount, formatDuration, formatPercent } from '../../format/quantities.js';
import type { ServiceReport, StoreReport } from '../report.js';

/** One line per region of the service that was offered more than its capacity. */
export function overloadLines(s: ServiceReport): string[] {
    const load = s.load;
    if (load === null || load === undefined) return [];
    const retries = load.retries === null ? 'no retries declared' : `${load.retries} retries`;
    return load.regions
        .filter((r) => r.overCapacityMs > 0)
        .map((r) => {
            const capacity = r.steps.reduce((m, x) => (x.capacity === null ? m : Math.min(m, x.capacity)), Infinity);
            return `${r.region} over capacity for ${formatDuration(r.overCapacityMs)}: offered up to ${formatPercent(r.peakOffered)} of the load (requests ${formatPercent(r.peakRequests)}, ${retries}) with capacity for ${formatPercent(capacity)} (${load.source})`;
        });
}

/** One line per region whose cache sent its backing store more than the steady miss load. */
export function coldCacheLines(s: StoreReport): string[] {
    const c = s.coldCache;
    if (c === null || c === undefined) return [];
    return c.regions
        .filter((r) => r.peakMissReadsPerS > r.steadyMissReadsPerS)
        .map(
            (r) =>
                `${r.region}: cold cache sent ${c.backingStore} up to ${formatCount(r.peakMissReadsPerS)} reads/s` +
                (r.multiplier === null
                    ? ''
                    : ` (${formatCount(r.multiplier)}× the steady ${formatCount(r.steadyMissReadsPerS)}/s)`) +
                `, about ${formatCount(Math.round(r.extraMissReads))} extra reads while it warmed up (estimate; ${c.source})`,
        );
}
