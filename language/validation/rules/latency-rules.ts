// Latency: write round trips against objectives, and region pairs whose latency is only estimated (facts §1).
import { worstWriteLatency } from '../../semantics/estimators/index.js';
import { pairSources, rttBetween } from '../../semantics/latency.js';
import type { Model, RttEstimate, RttSource, ServiceM, Source, StoreM } from '../../semantics/model.js';
import { formatCount, formatDuration } from '../../semantics/units.js';
import type { Fix } from './fix.js';
import { at, percentileName, rangeKey, regionsPlace, type Place } from './helpers.js';
import { ReportedPairs } from './reported-pairs.js';
import type { Rule } from './rule.js';

/** Regions a service writes from in normal operation: all of them when active-active, else its primary. */
export function writingRegions(service: ServiceM): string[] {
    if (service.posture === 'active-active' || service.primary === undefined) return [...service.regions];
    return [service.primary];
}

function coordinated(store: StoreM): boolean {
    return store.replication.mode === 'sync' || store.replication.mode === 'consensus'
        || (store.engine === 'cosmosdb' && store.consistency.level === 'strong' && store.regions.length > 1);
}

const writeLatencyBudget: Rule = {
    code: 'write-latency-budget',
    check({ model, report }) {
        for (const service of model.services.values()) {
            const objective = service.objective?.writeLatency;
            if (!objective || !service.objective) continue;
            for (const id of service.uses) {
                const store = model.stores.get(id);
                if (!store || !coordinated(store)) continue;
                const worst = worstWriteLatency(model, store, writingRegions(service));
                if (worst?.ms === undefined || worst.ms <= objective.ms) continue;
                const p = percentileName(objective.percentile);
                const relaxed = Math.ceil(worst.ms / 10) * 10;
                report({
                    ...at(service.objective.source, 'writeLatency'), cell: service.cell, key: `${service.name}:${store.name}`,
                    message: `a write from ${worst.from} to ${store.name} waits ≈ ${formatDuration(worst.ms)} (${worst.formula}), above the ${p} write-latency `
                        + `objective of ${formatDuration(objective.ms)}: every write pays this round trip, before any queueing`,
                    related: [{ ...at(store.source, 'replication', 'engine'), message: `${store.name}'s replication` }],
                    fixes: [{
                        title: `Relax the objective to the estimate (write-latency ${p} ${relaxed}ms)`,
                        edits: [{ kind: 'replace', uri: service.objective.source.uri, range: service.objective.source.props.writeLatency!, text: `write-latency ${p} ${relaxed}ms` }],
                        preferred: true,
                    }],
                });
            }
        }
    },
};

interface PairNeed {
    readonly a: string;
    readonly b: string;
    readonly rtt: RttEstimate;
}

function describePair(p: PairNeed): string {
    if (p.rtt.source === 'great-circle' && p.rtt.ms !== undefined) {
        return `${p.a} ↔ ${p.b} ≈ ${formatDuration(Math.round(p.rtt.ms))} from ${formatCount(Math.round(p.rtt.distanceKm ?? 0))} km`;
    }
    return `${p.a} ↔ ${p.b} unknown (no link, no measured value, no location)`;
}

function linkFix(model: Model, needs: readonly PairNeed[]): Fix[] {
    const estimated = needs.filter((n) => n.rtt.source === 'great-circle' && n.rtt.ms !== undefined);
    if (estimated.length === 0) return [];
    const anchor = lastRegion(model, estimated.flatMap((n) => [n.a, n.b]));
    if (!anchor) return [];
    const text = estimated.map((n) => `link ${n.a} <-> ${n.b} { rtt ${Math.max(1, Math.round(n.rtt.ms!))}ms }  // estimated from ${formatCount(Math.round(n.rtt.distanceKm ?? 0))} km (facts §1): replace with a measured RTT`).join('\n');
    return [{
        title: `Declare ${estimated.length === 1 ? 'a link' : `${estimated.length} links`} with the distance estimate, to replace with measured RTTs`,
        edits: [{ kind: 'insert-declaration', uri: anchor.uri, after: anchor.range, text }],
        preferred: true,
    }];
}

/** The region declaration written last among `names`, in the validated file when possible. */
function lastRegion(model: Model, names: readonly string[]): Source | undefined {
    const sources = names.map((n) => model.regions.get(n)?.source).filter((s): s is Source => s !== undefined);
    const local = sources.filter((s) => s.uri === model.uri);
    const pool = local.length > 0 ? local : sources;
    return pool.sort((x, y) => y.range.end.line - x.range.end.line || y.range.end.character - x.range.end.character)[0];
}

/** Pairs a message names; it counts the others. */
const LISTED_PAIRS = 10;
/** Above this many pairs, a quick fix declaring a link for each would bury the file: none is offered. */
const MAX_FIX_LINKS = 100;

/** The pairs of one place that need a measured RTT: the first ones kept, the rest counted. */
interface PairsAt {
    readonly place: Place;
    readonly needs: PairNeed[];
    count: number;
    estimated: boolean;
    last: readonly [string, string];
}

const unknownLatency: Rule = {
    code: 'unknown-latency',
    check({ model, report }) {
        // A pair is reported once, at the first place that needs it. A store over k regions has k²/2 pairs: each is
        // classified from facts about its two regions gathered once per store, and only the first MAX_FIX_LINKS are
        // estimated and kept.
        const reported = new ReportedPairs();
        const needsAt = new Map<string, PairsAt>();
        const placeEntry = (place: Place): PairsAt => {
            const placeKey = `${place.uri}#${rangeKey(place.range)}`;
            let entry = needsAt.get(placeKey);
            if (!entry) needsAt.set(placeKey, (entry = { place, needs: [], count: 0, estimated: true, last: ['', ''] }));
            return entry;
        };
        const need = (entry: PairsAt, a: string, b: string, source: RttSource) => {
            entry.count++;
            entry.estimated &&= source === 'great-circle';
            entry.last = [a, b];
            if (entry.needs.length <= MAX_FIX_LINKS) entry.needs.push({ a, b, rtt: rttBetween(model, a, b) });
        };
        const unmeasured = (source: RttSource) => source === 'great-circle' || source === 'unknown';
        for (const store of model.stores.values()) {
            const regions = [...new Set(store.regions)];
            const members = new Set(regions);
            const witness = store.witness !== undefined && !members.has(store.witness) ? store.witness : undefined;
            const sourceOf = pairSources(model, witness !== undefined ? [...regions, witness] : regions);
            const touched = regions.map((r) => reported.touches(r));
            const place = regionsPlace(model, store);
            let entry: PairsAt | undefined;
            for (let i = 0; i < regions.length; i++) {
                for (let j = i + 1; j < regions.length; j++) {
                    const source = sourceOf(i, j);
                    if (unmeasured(source) && !(touched[i] && touched[j] && reported.has(regions[i]!, regions[j]!))) need((entry ??= placeEntry(place)), regions[i]!, regions[j]!, source);
                }
            }
            reported.addGroup(members);
            if (witness !== undefined) {
                let atWitness: PairsAt | undefined;
                regions.forEach((r, i) => {
                    const source = sourceOf(i, regions.length);
                    if (unmeasured(source) && !reported.has(r, witness)) need((atWitness ??= placeEntry(at(store.source, 'witness'))), r, witness, source);
                });
                reported.addStar(witness, members);
            }
        }
        for (const f of model.failovers) {
            if (f.from === undefined || f.to === undefined || f.from === f.to) continue;
            const source = rttBetween(model, f.from, f.to).source;
            if (unmeasured(source) && !reported.has(f.from, f.to)) need(placeEntry(at(f.source, 'to', 'from', 'target')), f.from, f.to, source);
            reported.addPair(f.from, f.to);
        }
        for (const { place, needs, count, estimated, last } of needsAt.values()) {
            const all = needs.length === count;
            const listed = needs.slice(0, LISTED_PAIRS).map(describePair);
            const more = count - listed.length;
            const pairsText = count > 2 ? `${formatCount(count)} region pairs (${listed.join('; ')}${more > 0 ? `; and ${formatCount(more)} more` : ''})` : listed.join('; ');
            report({
                ...place,
                // Findings at one place merge when their keys are equal: the pairs themselves while they are few.
                key: all ? needs.map((n) => `${n.a}|${n.b}`).join(',') : `${count} pairs from ${needs[0]!.a}|${needs[0]!.b} to ${last.join('|')}`,
                message: `no measured RTT for ${pairsText}: `
                    + (estimated
                        ? `latency and loss estimates here use the distance formula of facts §1 (RTT ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms); declare ${count > 1 ? 'links' : 'a link'} with a measured RTT`
                        : `latency rules skip ${count > 1 ? 'these pairs' : 'this pair'}; declare ${count > 1 ? 'links' : 'a link'} with a measured RTT`),
                fixes: all ? linkFix(model, needs) : [],
            });
        }
    },
};

export const latencyRules = { writeLatencyBudget, unknownLatency };
