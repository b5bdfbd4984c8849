// "Latency spread": what makes write latency vary in a run, for the text and Markdown reports — each store's
// processing time (drawn per write where documented, with min / p50 / p99 / max per writers' region) and the
// network jitter no source documents.
import type { Percentiles, SimulationReport, StoreReport } from '../report.js';
import { formatDuration } from '../../format/quantities.js';

export interface SpreadLine {
    /** The store's id, or undefined for the network line. */
    readonly store: string | undefined;
    readonly text: string;
}

/** min / p50 / p99 / max, or "—" when no write was acknowledged. */
export function spread(p: Percentiles): string {
    if (p.p50 === null) return '—';
    return [p.min, p.p50, p.p99, p.max].map((v) => formatDuration(v!)).join(' / ');
}

/** One line for the network, then one per store that acknowledged writes. */
export function latencySpread(r: SimulationReport): SpreadLine[] {
    const lines: SpreadLine[] = [{ store: undefined, text: r.networkJitter.reason }];
    for (const s of r.stores) {
        if (s.writes.acknowledged === 0) continue;
        lines.push({ store: s.id, text: storeSpread(s) });
    }
    return lines;
}

function storeSpread(s: StoreReport): string {
    const p = s.processingTime;
    if (!p.modelled) return `processing time not modelled: ${p.source}`;
    const regions = s.byRegion
        .filter((x) => x.writeLatencyMs.p50 !== null)
        .map((x) => `${x.region} ${spread(x.writeLatencyMs)}`)
        .join('; ');
    return `processing time drawn per write, ${p.distribution} with p50 ${formatDuration(p.p50Ms!)} and p99 ${formatDuration(p.p99Ms!)} (${p.kind}: ${p.source}); write latency min / p50 / p99 / max by writers' region: ${regions}`;
}
