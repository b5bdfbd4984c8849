// Availability: single-region parts and the capacity left after losing a region.
import { THRESHOLDS } from '../../semantics/facts/defaults.js';
import { lossFits, placeLoad, regionLoss, serviceLoad } from '../../semantics/estimators/region-loss.js';
import type { Deployable, Model, ServiceM } from '../../semantics/model.js';
import { servicesOn } from '../../semantics/model-index.js';
import { formatDuration, formatPercent } from '../../../format/quantities.js';
import type { Fix } from './fix.js';
import { at, listing, regionsPlace } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';
import { propRange } from '../../semantics/source-props.js';

const MONTH_MS = 30 * 24 * 3_600_000;

function where(model: Model, d: Deployable) {
    return d.cell && !propRange(d.source, 'regions') ? regionsPlace(model, d) : at(d.source, 'regions');
}

const singleRegionSpof: Rule = {
    code: 'single-region-spof',
    check({ model, report }) {
        const all: Deployable[] = [...model.services.values(), ...model.stores.values()];
        for (const d of all) {
            const [region, ...others] = d.regions;
            if (region === undefined || others.length > 0) continue;
            const availability = d.objective?.availability;
            if (availability !== undefined && availability >= THRESHOLDS.spofAvailability.value) {
                report({
                    ...where(model, d),
                    cell: d.cell,
                    key: `${d.name}:availability`,
                    message:
                        `${d.name} runs only in ${region} but promises ${formatPercent(availability)} availability, about ` +
                        `${formatDuration((1 - availability) * MONTH_MS)} of downtime a month: one regional outage spends years of that budget ` +
                        `(us-east-1 was impaired for about seven hours on 7 December 2021, ${factRef('us-east-1-2021-outage')})`,
                });
            }
            const dependents = servicesOn(model, d.id).filter((s) => s.regions.length > 1);
            for (const s of dependents) {
                const how = s.dependsOn.includes(d.id)
                    ? 'depends on it'
                    : s.uses.includes(d.id)
                      ? 'writes it'
                      : 'reads it';
                report({
                    ...where(model, d),
                    cell: d.cell,
                    key: `${d.name}:${s.name}`,
                    message:
                        `${d.name} runs only in ${region}, and ${s.name} (${listing(s.regions)}) ${how}: losing ${region} takes ${s.name} down in every region` +
                        // The 2017 S3 event is this shape: one region's buckets on every region's request path.
                        (d.kind === 'store' && d.engine === 's3'
                            ? ` (S3 in us-east-1 failed for about four hours on 28 February 2017, and so did everything that read or wrote its buckets, ${factRef('s3-us-east-1-2017-outage')})`
                            : ''),
                    related: [
                        {
                            ...at(
                                s.source,
                                s.dependsOn.includes(d.id) ? 'dependsOn' : s.uses.includes(d.id) ? 'uses' : 'reads',
                            ),
                            message: `${s.name} ${how}`,
                        },
                    ],
                });
            }
        }
    },
};

/** The service as its capacity-adding failover leaves it: every region raised to its quota. */
function withQuota(service: ServiceM, quota: number): ServiceM {
    const capacity = Object.fromEntries(
        Object.entries(service.capacity ?? {}).map(([r, c]) => [r, Math.max(c, Math.min(1, quota))]),
    );
    return { ...service, capacity };
}

/** Services whose failover adds capacity (a pilot light launching its standby), found in one pass. */
function servicesAddingCapacity(model: Model): Set<string> {
    const ids = new Set<string>();
    for (const f of model.failovers) {
        if (
            f.target.kind === 'service' &&
            f.actions.some((a) => a.kind === 'launch-capacity' || a.kind === 'scale-out')
        )
            ids.add(f.target.id);
    }
    return ids;
}

/**
 * N−1 per service instance (per cell): for each region whose loss moves load, the load each surviving region then
 * carries, routed as the simulation routes it (estimators/region-loss.ts); the worst loss is reported.
 */
const standbyCapacity: Rule = {
    code: 'standby-capacity',
    check({ model, report }) {
        const adding = servicesAddingCapacity(model);
        for (const service of model.services.values()) {
            // A failover that adds capacity exempts the service, unless a quota stops it short of the whole load.
            const quota = adding.has(service.id) ? (service.quota ?? Infinity) : undefined;
            if (!service.capacity || service.regions.length < 2 || (quota !== undefined && quota >= 1)) continue;
            const judged = quota === undefined ? service : withQuota(service, quota);
            const load = serviceLoad(model, service);
            const placement = placeLoad(model, service, load);
            const activeActive = service.posture === 'active-active';
            // Losing a standby moves nothing: only the regions that serve users can overload the others.
            const primary = service.primary ?? service.regions[0];
            const candidates = activeActive ? service.regions : primary === undefined ? [] : [primary];
            if (candidates.every((lost) => lossFits(judged, placement, lost))) continue;
            const losses = candidates.map((lost) => regionLoss(model, judged, placement, lost));
            const worst = losses.reduce((a, b) => (b.failingShare > a.failingShare + 1e-9 ? b : a));
            if (worst.failingShare <= 1e-9) continue;
            const needed = Math.ceil(losses.reduce((m, l) => Math.max(m, l.largestLoad), 0) * 100 - 1e-6);
            const capacityRange = propRange(service.source, 'capacity');
            const fixes = (): Fix[] =>
                capacityRange
                    ? [
                          {
                              title: `Raise capacity to ${needed}% per region (enough for the region that takes over to carry the load)`,
                              edits: [
                                  {
                                      kind: 'replace',
                                      uri: service.source.uri,
                                      range: capacityRange,
                                      text: `capacity ${needed}% per region`,
                                  },
                              ],
                              preferred: true,
                          },
                      ]
                    : [];
            const carrying = worst.overloaded.map(
                (o) =>
                    `${o.region} then carries ${formatPercent(o.load)} of the load with capacity for ${formatPercent(o.capacity)}` +
                    (o.offered > o.load + 1e-9
                        ? ` (offered about ${formatPercent(o.offered)} with its clients' ${service.retries?.count ?? 0} retries, ${factRef('retry-load')})`
                        : ''),
            );
            const others = losses.filter((l) => l !== worst && l.failingShare > 1e-9).length;
            report({
                ...at(service.source, 'capacity'),
                cell: service.cell,
                key: service.name,
                fixes,
                message:
                    `losing ${worst.lost} sends its users to ${listing(worst.receivers.length > 0 ? worst.receivers : ['the other regions'])}: ${listing(carrying)} — about ` +
                    `${formatPercent(worst.failingShare)} of requests fail or queue until capacity is added, and ${quota === undefined ? 'no failover action adds it' : `its failover adds it only up to its quota of ${formatPercent(quota)}`}` +
                    `${others > 0 ? ` (losing ${others === 1 ? 'one other region overloads' : `${others} other regions overload`} too)` : ''}` +
                    (placement.dependents !== undefined
                        ? `; its load includes one call per request of ${listing(placement.dependents.map((d) => d.service.id))} (depends-on), served where they serve it`
                        : load.assumed
                          ? `; no workload says where the load comes from, so it is taken as ${activeActive ? 'even over the regions' : 'all at the primary'}`
                          : ''),
            });
        }
    },
};

export const capacityRules = { singleRegionSpof, standbyCapacity };
