// Latency: write round trips against objectives, and region pairs whose latency is only estimated (docs/facts.md#rtt-from-distance).
import { judged, worstWriteLatency, type WriteLatencyEstimate } from '../../semantics/estimators/index.js';
import { factRef } from '../../semantics/facts/citation.js';
import { pairSources, rttBetween } from '../../semantics/latency.js';
import type { Model, RttSource, ServiceM, StoreM } from '../../semantics/model.js';
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { at, listing, percentileName, rangeKey, regionsPlace, type Place } from './helpers.js';
import { ReportedPairs } from './reported-pairs.js';
import type { Rule } from './rule.js';
import { itemAt } from '../../util/item-at.js';
import { propRange } from '../../semantics/source-props.js';

/** Regions a service writes from in normal operation: all of them when active-active, else its primary. */
export function writingRegions(service: ServiceM): string[] {
    if (service.posture === 'active-active' || service.primary === undefined) return [...service.regions];
    return [service.primary];
}

function coordinated(store: StoreM): boolean {
    return (
        store.replication.mode === 'sync' ||
        store.replication.mode === 'consensus' ||
        (store.engine === 'cosmosdb' && store.consistency.level === 'strong' && store.regions.length > 1)
    );
}

/** The RTTs an estimate used that come from the distance formula, said where they are used (docs/facts.md#rtt-from-distance). */
function estimatedRtts(model: Model, e: WriteLatencyEstimate): string {
    const pairs: [string, string][] = e.coordinator !== e.from ? [[e.from, e.coordinator]] : [];
    const [first, second, ...more] = e.waitsFor;
    if (e.kind === 'cosmos-strong' && first !== undefined && second !== undefined && more.length === 0)
        pairs.push([first, second]);
    else for (const w of e.waitsFor) pairs.push([e.coordinator, w]);
    // A write that crosses one link twice (to the leader, then back for its quorum) names it once.
    const seen = new Set<string>();
    const estimated = pairs
        .filter(([a, b]) => {
            const key = [a, b].sort().join('|');
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        })
        .map(([a, b]) => ({ a, b, rtt: rttBetween(model, a, b) }))
        .filter((p) => p.rtt.source === 'great-circle');
    if (estimated.length === 0) return '';
    const which = estimated.map(
        (p) => `RTT ${p.a} ↔ ${p.b} is estimated from ${formatCount(Math.round(p.rtt.distanceKm ?? 0))} km`,
    );
    return `. ${listing(which)} (${factRef('rtt-from-distance')}: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured`;
}

const writeLatencyBudget: Rule = {
    code: 'write-latency-budget',
    check({ model, judge, report }) {
        for (const service of model.services.values()) {
            const objective = service.objective?.writeLatency;
            if (!objective || !service.objective) continue;
            for (const id of service.uses) {
                const store = model.stores.get(id);
                if (!store || !coordinated(store)) continue;
                const worst = worstWriteLatency(model, store, writingRegions(service));
                if (worst?.ms === undefined || worst.range === undefined) continue;
                // The RTTs are means: the worst end is open (the links' p99 is not sourced) except for Cosmos DB's p99 bound.
                const verdict = judged(worst.range, judge);
                if (verdict.ms <= objective.ms) continue;
                const p = percentileName(objective.percentile);
                const relaxed = Math.ceil(verdict.ms / 10) * 10;
                const objectiveSource = service.objective.source;
                report({
                    ...at(service.objective.source, 'writeLatency'),
                    cell: service.cell,
                    key: `${service.name}:${store.name}`,
                    message:
                        `a write from ${worst.from} to ${store.name} waits ≈ ${formatDuration(verdict.ms)} (${worst.formula}), above the ${p} write-latency ` +
                        `objective of ${formatDuration(objective.ms)} (judged: the ${verdict.label}): every write pays this round trip, before any queueing${estimatedRtts(model, worst)}`,
                    related: [{ ...at(store.source, 'replication', 'engine'), message: `${store.name}'s replication` }],
                    fixes: () => [
                        {
                            title: `Relax the objective to the estimate (write-latency ${p} ${relaxed}ms)`,
                            edits: [
                                {
                                    kind: 'replace',
                                    uri: objectiveSource.uri,
                                    range: propRange(objectiveSource, 'writeLatency')!,
                                    text: `write-latency ${p} ${relaxed}ms`,
                                },
                            ],
                            preferred: true,
                        },
                    ],
                });
            }
        }
    },
};

/** Pairs a message names; it counts the others (a handful is all a reader takes in). */
const LISTED_PAIRS = 5;

/** The pairs of one place that have no RTT at all: the first ones kept, the rest counted. */
interface PairsAt {
    readonly place: Place;
    readonly listed: [string, string][];
    count: number;
}

const unknownLatency: Rule = {
    code: 'unknown-latency',
    check({ model, report }) {
        // A pair is reported once, at the first place that needs it. A store over k regions has k²/2 pairs: each is
        // classified from facts about its two regions gathered once per store. Only pairs with no RTT at all count:
        // where both regions have a location, the distance estimate of docs/facts.md#rtt-from-distance is used, and said where it is used.
        const reported = new ReportedPairs();
        const needsAt = new Map<string, PairsAt>();
        const placeEntry = (place: Place): PairsAt => {
            const placeKey = `${place.uri}#${rangeKey(place.range)}`;
            let entry = needsAt.get(placeKey);
            if (!entry) needsAt.set(placeKey, (entry = { place, listed: [], count: 0 }));
            return entry;
        };
        const need = (entry: PairsAt, a: string, b: string) => {
            entry.count++;
            if (entry.listed.length < LISTED_PAIRS) entry.listed.push([a, b]);
        };
        const unknown = (source: RttSource) => source === 'unknown';
        for (const store of model.stores.values()) {
            const regions = [...new Set(store.regions)];
            const members = new Set(regions);
            const witness = store.witness !== undefined && !members.has(store.witness) ? store.witness : undefined;
            const sourceOf = pairSources(model, witness !== undefined ? [...regions, witness] : regions);
            const touched = regions.map((r) => reported.touches(r));
            // The place is worked out only for a store with a pair to report (a range read is not free, and most
            // stores have none).
            let entry: PairsAt | undefined;
            for (let i = 0; i < regions.length; i++) {
                for (let j = i + 1; j < regions.length; j++) {
                    if (!unknown(sourceOf(i, j))) continue;
                    const [a, b] = [itemAt(regions, i, 'region'), itemAt(regions, j, 'region')];
                    if (!(touched[i] && touched[j] && reported.has(a, b)))
                        need((entry ??= placeEntry(regionsPlace(model, store))), a, b);
                }
            }
            reported.addGroup(members);
            if (witness !== undefined) {
                let atWitness: PairsAt | undefined;
                regions.forEach((r, i) => {
                    if (unknown(sourceOf(i, regions.length)) && !reported.has(r, witness))
                        need((atWitness ??= placeEntry(at(store.source, 'witness'))), r, witness);
                });
                reported.addStar(witness, members);
            }
        }
        for (const f of model.failovers) {
            if (f.from === undefined || f.to === undefined || f.from === f.to) continue;
            if (unknown(rttBetween(model, f.from, f.to).source) && !reported.has(f.from, f.to))
                need(placeEntry(at(f.source, 'to', 'from', 'target')), f.from, f.to);
            reported.addPair(f.from, f.to);
        }
        // One finding per place (pairs at one place are gathered in one entry), so none carries a merge key.
        for (const { place, listed, count } of needsAt.values()) {
            const names = listed.map(([a, b]) => `${a} ↔ ${b}`);
            const more = count - listed.length;
            const pairsText =
                count > 1
                    ? `${formatCount(count)} region pairs (${names.join('; ')}${more > 0 ? `; and ${formatCount(more)} more` : ''})`
                    : names.join('; ');
            report({
                ...place,
                message:
                    `no RTT for ${pairsText}: no link, no measured value and no location, so latency rules skip ` +
                    `${count > 1 ? 'these pairs' : 'this pair'}; declare ${count > 1 ? 'links' : 'a link'} with a measured RTT, or the regions' ` +
                    `locations for a distance estimate (${factRef('rtt-from-distance')})`,
            });
        }
    },
};

export const latencyRules = { writeLatencyBudget, unknownLatency };
