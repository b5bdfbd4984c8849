// Failovers: detection, routing, ordered actions (each data plane or control plane) and drills.
import * as ast from '../../generated/ast.js';
import { factRef } from '../facts/citation.js';
import { ACTIONS, ANYCAST, ENGINE_STEPS, GLOBAL_CONTROL_PLANE_REGION, HEALTH_CHECK } from '../facts/defaults.js';
import type {
    ActionM,
    Deployable,
    DetectionM,
    FailoverM,
    Plane,
    Provenance,
    RegionM,
    RouteM,
    StoreM,
    TargetRef,
} from '../model.js';
import { formatBytes } from '../../../format/quantities.js';
import { ProblemCodes } from '../problem-codes.js';
import type { BuildContext } from './context.js';
import { DECLARED, defaultFrom } from './provenance.js';

export interface FailoverLookups {
    /** Instances of a declared store/service name: all of them, or those of one cell. */
    readonly instances: (name: string, cell: string | undefined) => readonly Deployable[];
    readonly region: (name: string) => RegionM | undefined;
}

export function buildFailovers(ctx: BuildContext, node: ast.Failover, lookups: FailoverLookups): FailoverM[] {
    const targetName = node.target?.ref?.name;
    if (targetName === undefined) return [];
    const c = node.clauses;
    const detect = ctx.single(c, ast.isDetectClause, 'detect');
    const route = ctx.single(c, ast.isRouteClause, 'route');
    const drill = ctx.single(c, ast.isDrillClause, 'drill');
    // An action whose kind did not parse already has a syntax error; there is nothing to build from it.
    const actionClauses = ctx
        .all(c, ast.isActionClause)
        .filter((a) => Object.prototype.hasOwnProperty.call(ACTIONS, a.kind));
    const declaredFrom = node.from?.ref?.name;
    const declaredTo = node.to?.ref?.name;

    const routeM = readRoute(ctx, route);
    const detection = readDetection(ctx, detect, routeM);
    const drillM = drill
        ? {
              intervalMs: drill.interval
                  ? ctx.quantity(drill.interval, 'duration', { what: 'drill interval', min: 0, above: true })
                  : undefined,
              never: drill.never,
          }
        : undefined;

    const instances = lookups
        .instances(targetName, undefined)
        .filter((t) => declaredFrom === undefined || t.regions.includes(declaredFrom));
    if (declaredFrom !== undefined && instances.length === 0) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `${targetName} does not run in ${declaredFrom}`,
            node,
            'from',
        );
        return [];
    }
    // An access point routes the requests a service makes or serves through it; a store's own failover has no requests
    // of its own to move, and the simulation moves only a service's traffic.
    if (route?.method === 's3-access-point' && instances.some((t) => t.kind === 'store')) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `'route s3-access-point' moves the requests that go through an S3 Multi-Region Access Point ` +
                `(${factRef('s3-multi-region-access-points')}): put it on the failover of the service whose requests use ` +
                `the access point, not on store ${targetName}`,
            route,
            ctx.keywordRange(route, 's3-access-point'),
        );
    }
    if (instances.some((t) => t.kind === 'service') && !route) {
        ctx.missing(
            node,
            `failover of service ${targetName} needs a 'route' (dns ttl …, anycast, global-accelerator, s3-access-point, arc-routing-control, manual)`,
            'target',
        );
    }

    const source = ctx.source(node, {
        target: ctx.propRange(node, 'target'),
        from: node.from ? ctx.propRange(node, 'from') : undefined,
        to: node.to ? ctx.propRange(node, 'to') : undefined,
        detection: detect,
        route,
        drill,
        ttl: route?.ttl,
        interval: detect?.interval,
        threshold: detect?.threshold,
    });

    return instances.map((target) => {
        const from = declaredFrom ?? primaryOf(target);
        const to = declaredTo ?? target.regions.find((r) => r !== from);
        if (declaredTo !== undefined && !target.regions.includes(declaredTo)) {
            ctx.once(node, `to${target.cell ?? ''}`, () =>
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'error',
                    `${target.name} does not run in ${declaredTo}${target.cell ? ` (cell ${target.cell})` : ''}`,
                    node,
                    'to',
                ),
            );
        }
        // A failover moves away from the failed region; to the same region it would change nothing, and the
        // simulation would have to guess where the traffic goes.
        if (declaredTo !== undefined && declaredTo === from) {
            ctx.once(node, `same${target.cell ?? ''}`, () =>
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'error',
                    `${target.name} would fail over from ${from} to ${from}${target.cell ? ` (cell ${target.cell})` : ''}: ` +
                        `'to' must name another of its regions`,
                    node,
                    'to',
                ),
            );
        }
        const actions = actionClauses.map((a) => readAction(ctx, a, target, to, lookups));
        return {
            id: `failover:${target.id}`,
            target: { kind: target.kind, id: target.id },
            cell: target.cell,
            from,
            to,
            detection,
            route: routeM,
            actions,
            drill: drillM,
            source,
        };
    });
}

function primaryOf(target: Deployable): string | undefined {
    if (target.kind === 'service') return target.primary;
    return target.writes.policy === 'primary' ? target.writes.primary : undefined;
}

function readRoute(ctx: BuildContext, route: ast.RouteClause | undefined): RouteM | undefined {
    if (!route) return undefined;
    switch (route.method) {
        case 'dns':
            if (!route.ttl)
                ctx.missing(
                    route,
                    `a DNS failover route needs its 'ttl' (e.g. 'route dns ttl 60s')`,
                    ctx.keywordRange(route, 'dns'),
                );
            return { method: 'dns', ...readTtl(ctx, route), providers: route.providers };
        case 'arc-routing-control':
            // The reference gives the TTLs people choose (60 or 120 s), not a default: without one the routing time is unknown.
            if (!route.ttl) {
                ctx.report(
                    ProblemCodes.MissingProperty,
                    'warning',
                    `an ARC routing control flips Route 53 health checks on DNS records, so clients ` +
                        `still wait out the records' TTL (${factRef('arc-routing-control')}): declare it (e.g. 'route arc-routing-control ttl 60s'); until then the routing time is unknown`,
                    route,
                    ctx.keywordRange(route, 'arc-routing-control'),
                );
            }
            return { method: 'arc-routing-control', ...readTtl(ctx, route), providers: [] };
        case 'manual':
            return {
                method: 'manual',
                delayMs: route.delay
                    ? ctx.quantity(route.delay, 'duration', { what: 'manual routing delay', min: 0 })
                    : undefined,
            };
        default:
            return { method: route.method };
    }
}

/** The TTL of the records a route acts on, and the declared resolver tail (docs/facts.md#dns-resolver-tail gives no default share). */
function readTtl(
    ctx: BuildContext,
    route: ast.RouteClause,
): { ttlMs?: number; tailShare: number; tailDelayMs: number } {
    const ttlMs = route.ttl ? ctx.quantity(route.ttl, 'duration', { what: 'TTL', min: 0, above: true }) : undefined;
    const tailShare = route.tailShare
        ? ctx.quantity(route.tailShare, 'percent', { what: 'resolver tail share', min: 0, max: 1 })
        : undefined;
    const tailDelayMs = route.tailDelay
        ? ctx.quantity(route.tailDelay, 'duration', { what: 'resolver tail delay', min: 0 })
        : undefined;
    return { ttlMs, tailShare: tailShare ?? 0, tailDelayMs: tailDelayMs ?? 0 };
}

function readDetection(ctx: BuildContext, detect: ast.DetectClause | undefined, route: RouteM | undefined): DetectionM {
    const viaAccelerator = route?.method === 'anycast' || route?.method === 'global-accelerator';
    const defaults = viaAccelerator
        ? { interval: ANYCAST.intervalMs, threshold: ANYCAST.threshold }
        : { interval: HEALTH_CHECK.intervalMs, threshold: HEALTH_CHECK.threshold };
    if (detect?.method === 'manual') {
        return {
            method: 'manual',
            delayMs: detect.delay
                ? ctx.quantity(detect.delay, 'duration', { what: 'manual detection delay', min: 0 })
                : undefined,
            provenance: DECLARED,
        };
    }
    const [minThreshold, maxThreshold] = HEALTH_CHECK.thresholdRange.value;
    const interval = detect?.interval
        ? ctx.quantity(detect.interval, 'duration', { what: 'health-check interval', min: 0, above: true })
        : undefined;
    const threshold = detect?.threshold
        ? ctx.quantity(detect.threshold, 'count', {
              what: 'health-check threshold',
              min: minThreshold,
              max: maxThreshold,
              integer: true,
          })
        : undefined;
    const timeout = detect?.timeout
        ? ctx.quantity(detect.timeout, 'duration', { what: 'health-check timeout', min: 0 })
        : undefined;
    const sources = [
        interval === undefined ? defaults.interval.source : undefined,
        threshold === undefined ? defaults.threshold.source : undefined,
        timeout === undefined ? HEALTH_CHECK.timeoutMs.source : undefined,
    ].filter((s): s is string => s !== undefined);
    return {
        method: 'health-check',
        intervalMs: interval ?? defaults.interval.value,
        threshold: threshold ?? defaults.threshold.value,
        timeoutMs: timeout ?? HEALTH_CHECK.timeoutMs.value,
        // Unsaid: shallow, the endpoint answering is all a check sees — what every design meant before `deep` existed.
        depth: detect?.depth === 'deep' ? 'deep' : 'shallow',
        provenance: sources.length === 0 ? DECLARED : defaultFrom(sources.join('; ')),
    };
}

function readAction(
    ctx: BuildContext,
    node: ast.ActionClause,
    failoverTarget: Deployable,
    to: string | undefined,
    lookups: FailoverLookups,
): ActionM {
    const facts = ACTIONS[node.kind];
    const targetName = node.target?.ref?.name;
    const actionTarget = targetName !== undefined ? lookups.instances(targetName, failoverTarget.cell)[0] : undefined;
    const target: TargetRef | undefined = actionTarget ? { kind: actionTarget.kind, id: actionTarget.id } : undefined;
    const region = node.region?.ref?.name ?? to;

    let plane: Plane = facts.plane.value;
    let planeProvenance: Provenance = defaultFrom(facts.plane.source);
    let durationMs = facts.durationMs?.value;
    let durationProvenance: Provenance = facts.durationMs
        ? defaultFrom(facts.durationMs.source)
        : { kind: 'derived', from: 'not declared' };
    /** Why there is no default duration, when a source says so. */
    let undocumented: string | undefined;

    const acted = actionTarget ?? failoverTarget;
    const store = acted.kind === 'store' ? acted : undefined;
    const step =
        (node.kind === 'promote' || node.kind === 'rehome') && store?.engine
            ? ENGINE_STEPS[node.kind][store.engine]
            : undefined;
    if (step && 'itself' in step) {
        plane = 'data-plane';
        durationMs = step.itself.value;
        planeProvenance = durationProvenance = defaultFrom(step.itself.source);
    } else if (step && 'operator' in step) {
        durationMs = step.operator.value;
        durationProvenance = defaultFrom(step.operator.source);
    } else if (step) {
        undocumented = step.undocumented;
    }
    const restore = readRestore(ctx, node, store);
    if (restore.ms !== undefined) {
        durationMs = restore.ms;
        durationProvenance = { kind: 'derived', from: restore.from };
    } else undocumented ??= restore.missing;
    if (node.plane) {
        plane = node.plane;
        planeProvenance = DECLARED;
    }
    if (node.duration) {
        durationMs = ctx.quantity(node.duration, 'duration', { what: `${node.kind} duration`, min: 0 });
        durationProvenance = DECLARED;
    } else if (durationMs === undefined) {
        ctx.once(node, 'takes', () =>
            ctx.missing(
                node,
                undocumented
                    ? `action ${node.kind} on ${acted.name} has no documented duration: ${undocumented}. Say how long it 'takes' (e.g. 'takes 15m')`
                    : `action ${node.kind} has no documented duration: say how long it 'takes' (e.g. 'takes 15m')`,
                ctx.propRange(node, 'kind'),
            ),
        );
    }

    let controlPlaneRegion: string | undefined;
    if (plane === 'control-plane') {
        controlPlaneRegion = node.planeRegion?.ref?.name;
        if (
            controlPlaneRegion === undefined &&
            facts.controlPlaneHome === 'global' &&
            isAws(failoverTarget, lookups.region)
        ) {
            controlPlaneRegion = GLOBAL_CONTROL_PLANE_REGION.value;
        }
        if (controlPlaneRegion === undefined && facts.controlPlaneHome === 'target') controlPlaneRegion = region;
    }
    return {
        kind: node.kind as ActionM['kind'],
        target,
        region,
        plane,
        controlPlaneRegion,
        controlPlaneName:
            plane === 'control-plane' ? (engineControlPlane(node.kind, store) ?? facts.controlPlaneName) : undefined,
        planeProvenance,
        durationMs,
        durationProvenance,
        source: ctx.source(node, {
            kind: ctx.propRange(node, 'kind'),
            target: node.target ? ctx.propRange(node, 'target') : undefined,
            plane: node.plane ? ctx.propRange(node, 'plane') : undefined,
            duration: node.duration,
        }),
    };
}

/**
 * A restore takes the data size ÷ the restore throughput (docs/facts.md#restore-throughput). The size is the action's or the restored
 * store's `size`; the throughput the action's or the store's backup `restore`, and must be declared, because no
 * vendor documents one.
 */
function readRestore(
    ctx: BuildContext,
    node: ast.ActionClause,
    store: StoreM | undefined,
): { ms?: number; from: string; missing?: string } {
    const size = node.size ? ctx.quantity(node.size, 'size', { what: 'restore size', min: 0, above: true }) : undefined;
    const throughput = node.throughput
        ? ctx.quantity(node.throughput, 'throughput', { what: 'restore throughput', min: 0, above: true })
        : undefined;
    if (node.kind !== 'restore-backup') {
        for (const property of ['size', 'throughput'] as const) {
            if (node[property])
                ctx.report(
                    ProblemCodes.InapplicableProperty,
                    'error',
                    `only a restore-backup action has a ${property}`,
                    node,
                    property,
                );
        }
        return { from: '' };
    }
    const bytes = size ?? store?.sizeBytes;
    // The store's backup may say how fast it restores (`backup … restore 500MB/s`); the action's own figure wins.
    const rate = throughput ?? store?.backup?.restoreBytesPerS;
    if (bytes !== undefined && rate !== undefined) {
        return {
            ms: Math.ceil((bytes / rate) * 1_000),
            from: `${formatBytes(bytes)} ÷ ${formatBytes(rate)}/s`,
        };
    }
    const needs = [
        bytes === undefined ? `its 'size' (or the store's)` : undefined,
        rate === undefined ? `its 'throughput' (or the store's backup 'restore')` : undefined,
    ].filter((x) => x !== undefined);
    return {
        from: '',
        missing:
            `a restore takes size ÷ restore throughput, and no vendor documents a restore throughput (${factRef('restore-throughput')}); ` +
            `declare ${needs.join(' and ')} to have it worked out (e.g. 'size 2TB throughput 500MB/s')`,
    };
}

function isAws(target: Deployable, region: (name: string) => RegionM | undefined): boolean {
    return target.regions.some((r) => region(r)?.provider === 'aws');
}

/** An Azure storage account fails over through the Storage resource provider, not a database's management API. */
function engineControlPlane(kind: string, store: { readonly engine?: string } | undefined): string | undefined {
    return kind === 'promote' && store?.engine === 'azure-blob'
        ? 'the Azure Storage resource provider (a customer-managed account failover)'
        : undefined;
}
