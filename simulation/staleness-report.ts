// A store's bounded staleness in the report: its bounds, whether the run throttled at them, and the writes it
// refused — in total, per region and the first and last of them.
import { itemAt } from '../language/util/item-at.js';
import { factRef } from '../language/semantics/facts/citation.js';
import type { RunState } from './engine/context.js';
import type { StalenessBoundReport } from './report.js';

export function stalenessReport(sim: RunState, index: number): StalenessBoundReport | null {
    const bound = sim.staleness[index];
    if (bound === undefined) return null;
    const store = itemAt(sim.plan.stores, index, 'stores');
    const byRegion: { region: string; throttledWrites: number }[] = [];
    store.replicas.forEach((r, slot) => {
        const throttled = itemAt(bound.throttledAt, slot, 'throttledAt');
        if (throttled > 0)
            byRegion.push({ region: itemAt(sim.plan.regions, r, 'regions'), throttledWrites: throttled });
    });
    return {
        maxVersions: Number.isFinite(bound.maxVersions) ? bound.maxVersions : null,
        maxLagMs: Number.isFinite(bound.maxLagMs) ? bound.maxLagMs : null,
        simulated: bound.active,
        reason: bound.reason,
        throttledWrites: bound.throttled,
        firstAtMs: bound.firstAtMs >= 0 ? Math.round(bound.firstAtMs * 1000) / 1000 : null,
        lastAtMs: bound.lastAtMs >= 0 ? Math.round(bound.lastAtMs * 1000) / 1000 : null,
        byRegion,
        source: `${factRef('cosmos-bounded-staleness-throttling')}; ${factRef('cosmos-bounded-staleness-read-region-outage')}`,
    };
}
