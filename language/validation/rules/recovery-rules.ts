// Recovery objectives against the estimates: RPO against replication, RTO against the failover time.
import { POSTURE } from '../../semantics/facts/defaults.js';
import {
    describeFailoverTime,
    estimateFailoverTime,
    hasSpread,
    judged,
    type Judge,
} from '../../semantics/estimators/index.js';
import type { ActionM, Deployable, FailoverM, Model, ServiceM, StoreM } from '../../semantics/model.js';
import { placeLoad, regionLoss, serviceLoad, type RegionLoss } from '../../semantics/estimators/region-loss.js';
import { dependenciesOf, failoversOf } from '../../semantics/model-index.js';
import { protectedRegions } from '../../semantics/estimators/failover-time.js';
import { formatDuration, formatDurationRange, formatPercent } from '../../../format/quantities.js';
import type { Fix, FixEdit } from './fix.js';
import { at, listing, targetOnAws } from './helpers.js';
import type { Rule } from './rule.js';
import { rpoMisses } from './rpo-verdict.js';
import { factRef } from '../../semantics/facts/citation.js';
import { propRange } from '../../semantics/source-props.js';

const rpoUnachievable: Rule = {
    code: 'rpo-unachievable',
    check({ model, judge, report }) {
        const check = (owner: Deployable, stores: readonly StoreM[]) => {
            const objective = owner.objective;
            if (objective?.rpoMs === undefined) return;
            for (const store of stores) {
                const missed = rpoMisses(store, objective.rpoMs, judge);
                if (missed === undefined) continue;
                const { rpo, verdict } = missed;
                const loss =
                    verdict === undefined
                        ? 'everything written since its last copy'
                        : `${verdict.end === 'worst' ? 'up to' : 'typically'} ${formatDuration(verdict.ms)} of acknowledged writes`;
                const needs = objective.rpoMs === 0 ? ' RPO 0 needs synchronous replication or consensus' : '';
                const spread =
                    rpo.range !== undefined && rpo.range.worstMs !== undefined && hasSpread(rpo.range)
                        ? ` of ${formatDurationRange(rpo.range.bestMs, rpo.range.worstMs)}`
                        : '';
                const which = verdict === undefined ? '' : ` (judged: the ${verdict.label}${spread})`;
                report({
                    ...at(objective.source, 'rpo'),
                    cell: owner.cell,
                    key: `${owner.name}:${store.name}`,
                    message: `RPO objective ${formatDuration(objective.rpoMs)}, but a region loss can cost ${store.name === owner.name ? 'it' : store.name} ${loss}${which}: ${rpo.reason}.${needs}`,
                    related: [
                        {
                            ...at(store.source, 'replication', 'backup', 'regions', 'engine'),
                            message: `${store.name}'s replication`,
                        },
                    ],
                });
            }
        };
        for (const service of model.services.values()) {
            check(
                service,
                service.uses.map((id) => model.stores.get(id)).filter((s): s is StoreM => s !== undefined),
            );
        }
        for (const store of model.stores.values()) check(store, [store]);
    },
};

/** The judged end of a failover's estimate with some of its parts changed (for the titles of the quick fixes). */
function withChanges(
    model: Model,
    failover: FailoverM,
    judge: Judge,
    change: Partial<FailoverM>,
    service?: Partial<ServiceM>,
): number {
    const changedModel: Model =
        service && failover.target.kind === 'service'
            ? {
                  ...model,
                  services: new Map([
                      ...model.services,
                      [failover.target.id, { ...model.services.get(failover.target.id)!, ...service }],
                  ]),
              }
            : model;
    return judged(estimateFailoverTime(changedModel, { ...failover, ...change }).range, judge).ms;
}

/** "worst-case failover 36 s" / "typical failover 31 s": what a fix's title promises, on the end the rule judges. */
function promise(judge: Judge, ms: number): string {
    return `${judge === 'worst' ? 'worst-case' : 'typical'} failover ${formatDuration(ms)}`;
}

const LAUNCHES: ReadonlySet<ActionM['kind']> = new Set([
    'launch-capacity',
    'scale-out',
    'create-resources',
    'restore-backup',
]);

function rtoFixes(model: Model, failover: FailoverM, rtoMs: number, judge: Judge): Fix[] {
    const fixes: Fix[] = [];
    const uri = failover.source.uri;
    const d = failover.detection;
    if (d.method === 'manual' || d.intervalMs > 10_000 || d.threshold > 3) {
        const faster: FailoverM['detection'] = {
            method: 'health-check',
            intervalMs: 10_000,
            threshold: 3,
            timeoutMs: 6_000,
            depth: 'shallow',
            provenance: { kind: 'declared' },
        };
        const ms = withChanges(model, failover, judge, { detection: faster });
        const detectionRange = propRange(failover.source, 'detection');
        const edit: FixEdit = detectionRange
            ? {
                  kind: 'replace',
                  uri,
                  range: detectionRange,
                  text: 'detect health-check every 10s threshold 3',
              }
            : {
                  kind: 'insert-clause',
                  uri,
                  block: failover.source.range,
                  text: 'detect health-check every 10s threshold 3',
              };
        fixes.push({
            title: `Detect faster: health checks every 10 s, threshold 3 (${promise(judge, ms)})`,
            edits: [edit],
            preferred: ms <= rtoMs,
        });
    }
    const route = failover.route;
    const routeRange = propRange(failover.source, 'route');
    if (
        route &&
        (route.method === 'dns' || route.method === 'arc-routing-control' || route.method === 'manual') &&
        routeRange
    ) {
        // Only anycast and Global Accelerator move traffic without waiting out a DNS TTL (docs/facts.md#global-accelerator-no-dns); an ARC routing
        // control still acts on DNS records (docs/facts.md#arc-routing-control), so it saves no TTL. The record edits and flips go with the DNS.
        const ttlFree = targetOnAws(model, failover) ? 'global-accelerator' : 'anycast';
        const edits: FixEdit[] = [{ kind: 'replace', uri, range: routeRange, text: `route ${ttlFree}` }];
        const actions = failover.actions.filter((a) => {
            if (a.kind !== 'edit-dns' && a.kind !== 'flip-routing-control') return true;
            edits.push({ kind: 'delete-clause', uri: a.source.uri, range: a.source.range });
            return false;
        });
        const ms = withChanges(model, failover, judge, { route: { method: ttlFree }, actions });
        fixes.push({
            title: `Route through ${ttlFree === 'anycast' ? 'anycast' : 'Global Accelerator'}, which waits out no DNS TTL (${promise(judge, ms)})`,
            edits,
            preferred: ms <= rtoMs && !fixes.some((f) => f.preferred),
        });
    }
    const service = failover.target.kind === 'service' ? model.services.get(failover.target.id) : undefined;
    const slowPosture = service?.posture === 'pilot-light' || service?.posture === 'backup-restore';
    const launches = failover.actions.filter((a) => LAUNCHES.has(a.kind) && propRange(a.source, 'kind'));
    if (slowPosture || launches.length > 0) {
        const edits: FixEdit[] = launches.map((a) => ({
            kind: 'replace',
            uri: a.source.uri,
            range: propRange(a.source, 'kind')!,
            text: 'shift-traffic',
        }));
        const postureRange = service ? propRange(service.source, 'posture') : undefined;
        if (slowPosture && service && postureRange)
            edits.push({
                kind: 'replace',
                uri: service.source.uri,
                range: postureRange,
                text: 'posture warm-standby',
            });
        const actions = failover.actions.map((a) =>
            LAUNCHES.has(a.kind) && propRange(a.source, 'kind')
                ? {
                      ...a,
                      kind: 'shift-traffic' as const,
                      plane: 'data-plane' as const,
                      durationMs: a.durationProvenance.kind === 'declared' ? a.durationMs : 0,
                  }
                : a,
        );
        const ms = withChanges(
            model,
            failover,
            judge,
            { actions },
            slowPosture ? { posture: 'warm-standby' } : undefined,
        );
        if (edits.length > 0) {
            fixes.push({
                title: `Pre-provision capacity: warm standby that shifts traffic instead of launching (${promise(judge, ms)})`,
                edits,
                preferred: ms <= rtoMs && !fixes.some((f) => f.preferred),
            });
        }
    }
    return fixes;
}

/** A region loss that leaves the service short — in its own regions, or in a service it depends on (`via`). */
interface Shortfall {
    readonly loss: RegionLoss;
    readonly via?: string;
}

/**
 * The losses this failover handles that leave the service's other regions short of their declared capacity, when
 * none of its actions adds capacity, or that leave a service it depends on (transitively) short when none of that
 * one's failovers adds capacity: the excess fails until the region returns, whatever the failover time (the same
 * estimate standby-capacity and the simulation use, estimators/region-loss.ts).
 */
function shortAfterLoss(model: Model, service: ServiceM, failover: FailoverM): Shortfall[] {
    const lost = protectedRegions(model, failover).filter((r) => service.regions.includes(r));
    const shortfalls: Shortfall[] = [];
    if (service.capacity && service.regions.length >= 2 && !addsCapacity(failover)) {
        const placement = placeLoad(model, service, serviceLoad(model, service));
        for (const r of lost) {
            const loss = regionLoss(model, service, placement, r);
            if (loss.failingShare > 1e-9) shortfalls.push({ loss });
        }
    }
    for (const dependency of dependenciesOf(model, service)) {
        if (!dependency.capacity || dependency.regions.length < 2) continue;
        if (failoversOf(model, 'service', dependency.id).some(addsCapacity)) continue;
        const placement = placeLoad(model, dependency, serviceLoad(model, dependency));
        for (const r of lost) {
            const loss = regionLoss(model, dependency, placement, r);
            if (loss.failingShare > 1e-9) shortfalls.push({ loss, via: dependency.name });
        }
    }
    return shortfalls;
}

function addsCapacity(failover: FailoverM): boolean {
    return failover.actions.some((a) => a.kind === 'launch-capacity' || a.kind === 'scale-out');
}

const rtoUnachievable: Rule = {
    code: 'rto-unachievable',
    check({ model, judge, report }) {
        const targets: Deployable[] = [...model.services.values(), ...model.stores.values()];
        for (const target of targets) {
            const objective = target.objective;
            if (objective?.rtoMs === undefined) continue;
            const failovers = failoversOf(model, target.kind, target.id);
            if (failovers.length === 0) {
                if (target.regions.length < 2) continue; // single-region-spof speaks for these
                const tier = target.kind === 'service' && target.posture ? POSTURE[target.posture].minRtoMs.value : 0;
                report({
                    ...at(objective.source, 'rto'),
                    cell: target.cell,
                    key: `${target.name}:no-failover`,
                    message:
                        `RTO objective ${formatDuration(objective.rtoMs)}, but no failover of ${target.name} says how traffic leaves a failed region ` +
                        `(${listing(target.regions)}): recovery waits for the region to return` +
                        (tier > 0
                            ? `; even its ${(target as ServiceM).posture} tier needs at least ${formatDuration(tier)} (${factRef('dr-strategy-recovery-time')})`
                            : ''),
                });
                continue;
            }
            for (const failover of failovers) {
                const short = target.kind === 'service' ? shortAfterLoss(model, target as ServiceM, failover) : [];
                if (short.length > 0) {
                    const worst = short.reduce((a, b) => (b.loss.failingShare > a.loss.failingShare ? b : a));
                    const lostRegions = [...new Set(short.map((l) => l.loss.lost))];
                    // Each loss is judged alone (N−1): several regions are alternatives, never lost together.
                    const [only] = lostRegions;
                    const losing =
                        lostRegions.length === 1 && only !== undefined
                            ? only
                            : `any one of ${listing(lostRegions, 'or')}`;
                    report({
                        ...at(objective.source, 'rto'),
                        cell: failover.cell,
                        key: `${failover.id.replace(/@.*$/, '')}:capacity`,
                        message:
                            `the RTO objective of ${target.name} (${formatDuration(objective.rtoMs)}) is missed for some users however fast the failover: ` +
                            (worst.via === undefined
                                ? `losing ${losing} leaves the other regions short of capacity, and about ` +
                                  `${formatPercent(worst.loss.failingShare)} of requests fail until ${worst.loss.lost} returns, since no action of the failover adds capacity (standby-capacity)`
                                : `losing ${losing} leaves ${worst.via}, which it depends on, short of capacity, and about ` +
                                  `${formatPercent(worst.loss.failingShare)} of the requests ${worst.via} serves fail until capacity is added, since no failover adds it (standby-capacity)`),
                        related: [{ ...at(failover.source, 'target'), message: `failover of ${target.name}` }],
                    });
                }
                const estimate = estimateFailoverTime(model, failover);
                const verdict = judged(estimate.range, judge);
                const rtoMs = objective.rtoMs;
                if (verdict.ms <= rtoMs) continue;
                report({
                    ...at(failover.source, 'target'),
                    cell: failover.cell,
                    key: failover.id.replace(/@.*$/, ''),
                    message: `failover takes ${describeFailoverTime(estimate)} but the RTO objective of ${target.name} is ${formatDuration(objective.rtoMs)} (judged: the ${verdict.label}, ${formatDuration(verdict.ms)})`,
                    related: [{ ...at(objective.source, 'rto'), message: `RTO objective of ${target.name}` }],
                    fixes: () => rtoFixes(model, failover, rtoMs, judge),
                });
            }
        }
    },
};

export const recoveryRules = { rpoUnachievable, rtoUnachievable };
