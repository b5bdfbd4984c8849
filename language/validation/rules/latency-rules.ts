// Latency: write round trips against objectives, and region pairs whose latency is only estimated (facts §1).
import { worstWriteLatency } from '../../semantics/estimators/index.js';
import { rttBetween } from '../../semantics/latency.js';
import type { Model, RttEstimate, ServiceM, Source, StoreM } from '../../semantics/model.js';
import { formatCount, formatDuration } from '../../semantics/units.js';
import type { Fix } from './fix.js';
import { at, pairs, percentileName, rangeKey, regionsPlace, type Place } from './helpers.js';
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

const unknownLatency: Rule = {
    code: 'unknown-latency',
    check({ model, report }) {
        const seen = new Set<string>();
        const needsAt = new Map<string, { place: Place; needs: PairNeed[]; cell?: string }>();
        const need = (place: Place, a: string, b: string, cell?: string) => {
            if (a === b) return;
            const key = a < b ? `${a}|${b}` : `${b}|${a}`;
            if (seen.has(key)) return;
            const rtt = rttBetween(model, a, b);
            if (rtt.source !== 'great-circle' && rtt.source !== 'unknown') return;
            seen.add(key);
            const placeKey = `${place.uri}#${rangeKey(place.range)}`;
            const entry = needsAt.get(placeKey) ?? { place, needs: [], cell };
            entry.needs.push({ a, b, rtt });
            needsAt.set(placeKey, entry);
        };
        for (const store of model.stores.values()) {
            const place = regionsPlace(model, store);
            for (const [a, b] of pairs(store.regions)) need(place, a, b, store.cell);
            if (store.witness !== undefined) for (const r of store.regions) need(at(store.source, 'witness'), r, store.witness, store.cell);
        }
        for (const f of model.failovers) {
            if (f.from !== undefined && f.to !== undefined) need(at(f.source, 'to', 'from', 'target'), f.from, f.to, f.cell);
        }
        for (const { place, needs } of needsAt.values()) {
            const estimated = needs.every((n) => n.rtt.source === 'great-circle');
            report({
                ...place, key: needs.map((n) => `${n.a}|${n.b}`).join(','),
                message: `no measured RTT for ${needs.length > 2 ? `${needs.length} region pairs (${needs.map(describePair).join('; ')})` : needs.map(describePair).join('; ')}: `
                    + (estimated
                        ? `latency and loss estimates here use the distance formula of facts §1 (RTT ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms); declare a link with a measured RTT`
                        : `latency rules skip ${needs.length > 1 ? 'these pairs' : 'this pair'}; declare a link with a measured RTT`),
                fixes: linkFix(model, needs),
            });
        }
    },
};

export const latencyRules = { writeLatencyBudget, unknownLatency };
