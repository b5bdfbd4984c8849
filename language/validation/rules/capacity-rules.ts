// Availability: single-region parts and the capacity left after losing a region.
import { THRESHOLDS } from '../../semantics/facts/defaults.js';
import type { Deployable, Model } from '../../semantics/model.js';
import { formatDuration, formatPercent } from '../../semantics/units.js';
import type { Fix } from './fix.js';
import { at, listing, regionsPlace } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';

const MONTH_MS = 30 * 24 * 3_600_000;

function where(model: Model, d: Deployable) {
    return d.source.props.regions ? at(d.source, 'regions') : d.cell ? regionsPlace(model, d) : at(d.source, 'regions');
}

const singleRegionSpof: Rule = {
    code: 'single-region-spof',
    check({ model, report }) {
        const all: Deployable[] = [...model.services.values(), ...model.stores.values()];
        for (const d of all) {
            if (d.regions.length !== 1) continue;
            const region = d.regions[0]!;
            const availability = d.objective?.availability;
            if (availability !== undefined && availability >= THRESHOLDS.spofAvailability.value) {
                report({
                    ...where(model, d), cell: d.cell, key: `${d.name}:availability`,
                    message: `${d.name} runs only in ${region} but promises ${formatPercent(availability)} availability, about `
                        + `${formatDuration((1 - availability) * MONTH_MS)} of downtime a month: one regional outage spends years of that budget `
                        + `(us-east-1 was impaired for about seven hours on 7 December 2021, ${factRef('us-east-1-2021-outage')})`,
                });
            }
            const dependents = [...model.services.values()].filter((s) => s.regions.length > 1
                && (s.dependsOn.includes(d.id) || s.uses.includes(d.id) || s.reads.includes(d.id)));
            for (const s of dependents) {
                const how = s.dependsOn.includes(d.id) ? 'depends on it' : s.uses.includes(d.id) ? 'writes it' : 'reads it';
                report({
                    ...where(model, d), cell: d.cell, key: `${d.name}:${s.name}`,
                    message: `${d.name} runs only in ${region}, and ${s.name} (${listing(s.regions)}) ${how}: losing ${region} takes ${s.name} down in every region`,
                    related: [{ ...at(s.source, s.dependsOn.includes(d.id) ? 'dependsOn' : s.uses.includes(d.id) ? 'uses' : 'reads'), message: `${s.name} ${how}` }],
                });
            }
        }
    },
};

/** Services whose failover adds capacity (a pilot light launching its standby), found in one pass. */
function servicesAddingCapacity(model: Model): Set<string> {
    const ids = new Set<string>();
    for (const f of model.failovers) {
        if (f.target.kind === 'service' && f.actions.some((a) => a.kind === 'launch-capacity' || a.kind === 'scale-out')) ids.add(f.target.id);
    }
    return ids;
}

const standbyCapacity: Rule = {
    code: 'standby-capacity',
    check({ model, report }) {
        const adding = servicesAddingCapacity(model);
        for (const service of model.services.values()) {
            const capacity = service.capacity;
            if (!capacity || service.regions.length < 2 || adding.has(service.id)) continue;
            const caps = service.regions.map((r) => ({ region: r, share: capacity[r] ?? 0 }));
            const total = caps.reduce((sum, c) => sum + c.share, 0);
            const largest = caps.reduce((a, b) => (b.share > a.share ? b : a));
            const left = total - largest.share;
            if (left >= 1 - 1e-9) continue;
            const rest = caps.filter((c) => c !== largest).map((c) => c.region);
            const activeActive = service.posture === 'active-active';
            const needed = activeActive ? Math.ceil(100 / (service.regions.length - 1)) : 100;
            const fixes: Fix[] = service.source.props.capacity ? [{
                title: `Raise capacity to ${needed}% per region (enough for the others to carry the load alone)`,
                edits: [{ kind: 'replace', uri: service.source.uri, range: service.source.props.capacity, text: `capacity ${needed}% per region` }],
                preferred: true,
            }] : [];
            report({
                ...at(service.source, 'capacity'), cell: service.cell, key: service.name, fixes,
                message: `losing ${largest.region} leaves ${listing(rest)} with capacity for ${formatPercent(left)} of the load: about `
                    + `${formatPercent(1 - left)} of requests fail or queue until capacity is added, and no failover action adds it`,
            });
        }
    },
};

export const capacityRules = { singleRegionSpof, standbyCapacity };
