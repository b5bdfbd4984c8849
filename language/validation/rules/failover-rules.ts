// Failovers: what they depend on (control planes, docs/facts.md#control-plane-vs-data-plane), how long DNS keeps clients away (docs/facts.md#route53-failover-ttl),
// whether they are rehearsed, and whether home-region writes have somewhere to go.
import { DNS, HEALTH_CHECK, rehomesItself, THRESHOLDS } from '../../semantics/facts/defaults.js';
import { actionTimes, detectionTime, type DetectionTime } from '../../semantics/estimators/index.js';
import type { ActionM, FailoverM, Model, StoreM } from '../../semantics/model.js';
import { formatDuration, formatDurationRange } from '../../../format/quantities.js';
import { setClause, type Fix } from './fix.js';
import { at, listing, targetOnAws } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';
import { propRange } from '../../semantics/source-props.js';

const STEP: Readonly<Partial<Record<ActionM['kind'], string>>> = {
    'edit-dns': 'editing the DNS record',
    'update-health-check': 'updating the health check',
    'launch-capacity': 'launching capacity',
    'scale-out': 'scaling out',
    'create-resources': 'creating resources',
    promote: 'promoting the replica',
    'restore-backup': 'restoring the backup',
    console: 'the console step',
};

/** A duration as a design writes it: whole seconds in `s`, else in `ms` (no rounding). */
function durationText(ms: number): string {
    return ms % 1_000 === 0 ? `${ms / 1_000}s` : `${ms}ms`;
}

function controlPlaneFixes(failover: FailoverM, action: ActionM): Fix[] {
    const uri = action.source.uri;
    const kindRange = propRange(action.source, 'kind');
    switch (action.kind) {
        case 'edit-dns': {
            const fixes: Fix[] = [];
            if (failover.route?.method === 'dns') {
                fixes.push({
                    title: 'Let health checks fail the DNS record over: remove the record edit (data plane)',
                    edits: [{ kind: 'delete-clause', uri, range: action.source.range }],
                    preferred: true,
                });
            }
            if (kindRange) {
                // The routing control flips health checks on the same records, so their TTL and the resolvers that
                // outlast it stay (docs/facts.md#arc-routing-control): the new route keeps both as declared.
                const dns = failover.route?.method === 'dns' ? failover.route : undefined;
                const ttl = dns?.ttlMs !== undefined ? ` ttl ${durationText(dns.ttlMs)}` : '';
                const tail =
                    dns && dns.tailShare > 0
                        ? ` tail ${Number((dns.tailShare * 100).toPrecision(12))}% ${durationText(dns.tailDelayMs)}`
                        : '';
                fixes.push({
                    title: 'Flip an ARC routing control instead (data plane; clients still wait out the TTL)',
                    edits: [
                        { kind: 'replace', uri, range: kindRange, text: 'flip-routing-control' },
                        ...(failover.route?.method !== 'arc-routing-control'
                            ? [setClause(failover.source, 'route', `route arc-routing-control${ttl}${tail}`)]
                            : []),
                    ],
                    preferred: fixes.length === 0,
                });
            }
            return fixes;
        }
        case 'update-health-check':
            return [
                {
                    title: 'Create the health checks in advance: remove this step',
                    edits: [{ kind: 'delete-clause', uri, range: action.source.range }],
                    preferred: true,
                },
            ];
        case 'launch-capacity':
        case 'scale-out':
            return kindRange
                ? [
                      {
                          title: 'Pre-provision capacity: shift traffic to capacity that is already running',
                          edits: [{ kind: 'replace', uri, range: kindRange, text: 'shift-traffic' }],
                          preferred: true,
                      },
                  ]
                : [];
        case 'create-resources':
            return [
                {
                    title: 'Create the resources in advance: remove this step',
                    edits: [{ kind: 'delete-clause', uri, range: action.source.range }],
                    preferred: true,
                },
            ];
        default:
            return [];
    }
}

function controlPlaneMessage(step: string, plane: string, inFailedRegion: boolean): string {
    return inFailedRegion
        ? `${step} goes through ${plane} — the region this failover protects against. On 7 December 2021 us-east-1's control planes ` +
              `were impaired for about seven hours while running instances kept serving (${factRef('us-east-1-2021-outage')}): this step would wait for the outage to end`
        : `${step} goes through ${plane}: recovery depends on a control plane staying healthy during the incident, ` +
              `while health-checked routing, ARC routing controls and pre-provisioned capacity are data-plane (${factRef('control-plane-vs-data-plane')}, REL11-BP04)`;
}

const controlPlaneFailover: Rule = {
    code: 'control-plane-failover',
    check({ model, report }) {
        // One string per distinct message, which names no declaration: a large design repeats a dozen of them
        // thousands of times (10,000 on a 10 MB design), and each diagnostic keeps its message (≈ 330 bytes).
        const messages = new Map<string, string>();
        for (const failover of model.failovers) {
            for (const t of actionTimes(model, failover)) {
                if (!t.controlPlane) continue;
                const action = t.action;
                const step = STEP[action.kind] ?? action.kind;
                const name = t.controlPlane.name;
                const where = t.controlPlane.region ? ` homed in ${t.controlPlane.region}` : '';
                const plane = !name
                    ? `a control plane${where}`
                    : name.startsWith('the ')
                      ? `${name}, a control plane${where}`
                      : `the ${name} control plane${where ? `,${where}` : ''}`;
                const inFailedRegion = t.controlPlane.inFailedRegion;
                const said = `${step}\u0000${plane}\u0000${inFailedRegion}`;
                let message = messages.get(said);
                if (message === undefined)
                    messages.set(said, (message = controlPlaneMessage(step, plane, inFailedRegion)));
                report({
                    ...at(action.source, 'kind'),
                    cell: failover.cell,
                    key: `${action.kind}@${action.source.range.start.line}:${action.source.range.start.character}`,
                    severity: inFailedRegion ? 'error' : undefined,
                    message,
                    fixes: () => controlPlaneFixes(failover, action),
                });
            }
        }
    },
};

const dnsTtlTooLong: Rule = {
    code: 'dns-ttl-too-long',
    check({ model, report }) {
        const max = DNS.failoverTtlMaxMs.value;
        for (const failover of model.failovers) {
            const route = failover.route;
            // ARC routing controls act on DNS records too, so their TTL keeps clients just as long (docs/facts.md#arc-routing-control).
            if (
                (route?.method !== 'dns' && route?.method !== 'arc-routing-control') ||
                route.ttlMs === undefined ||
                route.ttlMs <= max
            )
                continue;
            const ttl = propRange(failover.source, 'ttl');
            report({
                ...at(failover.source, 'ttl', 'route'),
                cell: failover.cell,
                key: failover.id.replace(/@.*$/, ''),
                message:
                    `TTL ${formatDuration(route.ttlMs)} keeps resolvers sending clients to the failed region for up to ${formatDuration(route.ttlMs)} after the record ` +
                    `fails over, ${formatDuration(route.ttlMs - max)} longer than the 60 s recommended for failover records (${factRef('route53-failover-ttl')}); resolvers that ignore TTLs hold on longer still`,
                fixes: () =>
                    ttl
                        ? [
                              {
                                  title: 'Set the TTL to 60s',
                                  edits: [{ kind: 'replace', uri: failover.source.uri, range: ttl, text: '60s' }],
                                  preferred: true,
                              },
                          ]
                        : [],
            });
        }
    },
};

const failoverNeverRehearsed: Rule = {
    code: 'failover-never-rehearsed',
    check({ model, report }) {
        const max = THRESHOLDS.drillMaxIntervalMs.value;
        for (const failover of model.failovers) {
            const drill = failover.drill;
            let problem: string | undefined;
            if (!drill) problem = 'declares no drill (rehearse it at least every 90 days)';
            else if (drill.never) problem = 'is never drilled (rehearse it at least every 90 days)';
            else if (drill.intervalMs !== undefined && drill.intervalMs > max)
                problem = `is drilled every ${formatDuration(drill.intervalMs)}, more than 90 days apart`;
            if (!problem) continue;
            const target = failover.target.id.replace(/@.*$/, '');
            report({
                ...at(failover.source, 'drill', 'target'),
                cell: failover.cell,
                key: failover.id.replace(/@.*$/, ''),
                message:
                    `the failover of ${target} ${problem}: a path that is not exercised tends to fail when it is needed — stale runbooks, expired ` +
                    `credentials, capacity that was never tested (the seed: Netflix evacuates a whole region every few weeks)`,
                fixes: () => [
                    {
                        title: 'Rehearse it every 30 days (drill every 30d)',
                        edits: [setClause(failover.source, 'drill', 'drill every 30d')],
                        preferred: true,
                    },
                ],
            });
        }
    },
};

/** Failovers that concern each store: its own, and those of the services that write it (indexed once per check). */
export function failoversByStore(model: Model): Map<string, FailoverM[]> {
    const byStore = new Map<string, FailoverM[]>();
    const add = (store: string, f: FailoverM) => {
        const list = byStore.get(store);
        if (list) {
            if (!list.includes(f)) list.push(f);
        } else byStore.set(store, [f]);
    };
    for (const f of model.failovers) {
        if (f.target.kind === 'store') add(f.target.id, f);
        else for (const store of model.services.get(f.target.id)?.uses ?? []) add(store, f);
    }
    return byStore;
}

/**
 * Whether writing `store` in each key's home region would leave a home region's loss unplanned: several regions,
 * an engine that does not re-home by itself, and no failover that re-homes the keys or accepts the outage.
 */
export function homeRegionLossUnplanned(store: StoreM, byStore: Map<string, FailoverM[]>): boolean {
    if (store.regions.length < 2 || rehomesItself(store.engine)) return false;
    return !(byStore.get(store.id) ?? []).some((f) =>
        f.actions.some(
            (a) =>
                (a.kind === 'rehome' || a.kind === 'accept-outage') &&
                (a.target === undefined || a.target.id === store.id),
        ),
    );
}

const homeRegionUnrouted: Rule = {
    code: 'home-region-unrouted',
    check({ model, report }) {
        const byStore = failoversByStore(model);
        for (const store of model.stores.values()) {
            // Spanner and CockroachDB move leaders and leaseholders to a surviving region themselves: no step to add.
            if (store.writes.policy !== 'home-region' || !homeRegionLossUnplanned(store, byStore)) continue;
            const failovers = byStore.get(store.id) ?? [];
            const first = failovers.find((f) => f.source.uri === store.source.uri) ?? failovers[0];
            const fixes = (): Fix[] =>
                first
                    ? [
                          {
                              title: `Re-home ${store.name} in the failover of ${first.target.id.replace(/@.*$/, '')} (action rehome ${store.name})`,
                              edits: [
                                  {
                                      kind: 'insert-clause',
                                      uri: first.source.uri,
                                      block: first.source.range,
                                      text: `action rehome ${store.name}`,
                                  },
                              ],
                              preferred: true,
                          },
                          {
                              title: `Accept the outage explicitly (action accept-outage ${store.name})`,
                              edits: [
                                  {
                                      kind: 'insert-clause',
                                      uri: first.source.uri,
                                      block: first.source.range,
                                      text: `action accept-outage ${store.name}`,
                                  },
                              ],
                          },
                      ]
                    : [
                          {
                              title: `Add a failover that re-homes ${store.name}'s keys`,
                              edits: [
                                  {
                                      kind: 'insert-declaration',
                                      uri: store.source.uri,
                                      after: store.source.range,
                                      text: `failover ${store.name} {\n    action rehome\n    drill  every 30d\n}`,
                                  },
                              ],
                              preferred: true,
                          },
                          {
                              title: `Add a failover that accepts the outage explicitly`,
                              edits: [
                                  {
                                      kind: 'insert-declaration',
                                      uri: store.source.uri,
                                      after: store.source.range,
                                      text: `failover ${store.name} {\n    action accept-outage\n    drill  every 30d\n}`,
                                  },
                              ],
                          },
                      ];
            // The failovers of a per-cell declaration are one per cell: each is named once, and the verb agrees.
            const named = [...new Set(failovers.map((f) => `failover ${f.target.id.replace(/@.*$/, '')}`))];
            report({
                ...at(store.source, 'writes'),
                cell: store.cell,
                key: store.name,
                fixes,
                message:
                    `${store.name} writes each key in its home region (${listing(store.regions, 'or')}), ` +
                    (named.length === 0
                        ? 'and no failover concerns it'
                        : `but ${listing(named)} ${named.length === 1 ? 'says' : 'say'} nothing of where a lost home region's users write`) +
                    `: until that region returns, their writes fail. Re-home their keys to another region, or accept the outage explicitly`,
            });
        }
    },
};

/** Routes whose failover is driven by Route 53 or Global Accelerator health checks, which run every 10 s or 30 s. */
const AWS_HEALTH_CHECKED: ReadonlySet<string> = new Set(['dns', 'anycast', 'global-accelerator']);

/** A health-checked detection's range: "26–36 s" (best to worst, by where the failure lands in the check cycle). */
function spanOf(d: DetectionTime): string {
    return d.range ? formatDurationRange(d.range.bestMs, d.range.worstMs) : formatDuration(d.ms ?? 0);
}

const healthCheckInterval: Rule = {
    code: 'health-check-interval',
    check({ model, report }) {
        const allowed = HEALTH_CHECK.allowedIntervalsMs.value;
        for (const failover of model.failovers) {
            const d = failover.detection;
            const written = propRange(failover.source, 'interval');
            if (d.method !== 'health-check' || !written || allowed.includes(d.intervalMs)) continue;
            // A router, an ARC automation or a store's own monitoring probes at whatever interval it is given.
            if (!AWS_HEALTH_CHECKED.has(failover.route?.method ?? '') || !targetOnAws(model, failover)) continue;
            const nearest = d.intervalMs < allowed[0] ? allowed[0] : d.intervalMs > allowed[1] ? allowed[1] : undefined;
            const options = nearest !== undefined ? [nearest] : [...allowed];
            const real = options.map((ms) => ({
                ms,
                detection: detectionTime({ ...failover, detection: { ...d, intervalMs: ms } }),
            }));
            const assumed = detectionTime(failover);
            report({
                uri: failover.source.uri,
                range: written,
                cell: failover.cell,
                key: failover.id.replace(/@.*$/, ''),
                message:
                    `health checks every ${formatDuration(d.intervalMs)} are not available on AWS: Route 53 and Global Accelerator check every ` +
                    `${listing(allowed.map(formatDuration), 'or')} (${factRef('route53-health-check-interval')}, ${factRef('global-accelerator-health-check')}). Detection takes ${listing(
                        real.map(({ detection: r }) => `${r.text.replace(/ detection$/, '')} = ${spanOf(r)}`),
                        'or',
                    )}, ` +
                    `not the ${spanOf(assumed)} this design assumes (by where the failure lands in the check cycle)`,
                fixes: () =>
                    real.map(({ ms, detection }, i) => ({
                        title: `Check every ${formatDuration(ms)} (detection ${spanOf(detection)})`,
                        edits: [
                            {
                                kind: 'replace' as const,
                                uri: failover.source.uri,
                                range: written,
                                text: `${ms / 1_000}s`,
                            },
                        ],
                        preferred: i === 0,
                    })),
            });
        }
    },
};

export const failoverRules = {
    controlPlaneFailover,
    dnsTtlTooLong,
    failoverNeverRehearsed,
    homeRegionUnrouted,
    healthCheckInterval,
};
