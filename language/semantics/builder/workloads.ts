// Workloads (rates, origins, key space, conflict exposure) and scenarios (timed faults and expectations).
import * as ast from '../../generated/ast.js';
import type { Deployable, ExpectationM, FaultM, OriginShare, ScenarioM, WorkloadM } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { listing, METRIC_UNITS } from '../units.js';
import type { BuildContext } from './context.js';
import { readPercentile } from './objectives.js';
import { refNames } from './regions.js';

const SHARE_TOLERANCE = 0.005;

export function buildWorkload(
    ctx: BuildContext,
    node: ast.Workload,
    instances: (name: string) => readonly Deployable[],
): WorkloadM {
    const c = node.clauses;
    const writes = ctx.single(c, ast.isWriteRateClause, 'writes');
    const reads = ctx.single(c, ast.isReadRateClause, 'reads');
    const keys = ctx.single(c, ast.isKeysClause, 'keys');
    const itemSize = ctx.single(c, ast.isItemSizeClause, 'item-size');
    if (!writes && !reads) ctx.missing(node, `workload ${node.name} declares neither 'writes' nor 'reads'`);

    const targetNode = node.target?.ref;
    const target = targetNode
        ? { kind: targetNode.$type === 'Store' ? ('store' as const) : ('service' as const), name: targetNode.name }
        : undefined;
    const targetRegions = target ? [...new Set(instances(target.name).flatMap((t) => t.regions))] : [];

    const origins = (clause: ast.WriteRateClause | ast.ReadRateClause | undefined, what: string): OriginShare[] => {
        if (!clause) return [];
        if (clause.origins.length === 0)
            return targetRegions.map((region) => ({ region, share: 1 / targetRegions.length }));
        const shares: OriginShare[] = [];
        for (const o of clause.origins) {
            const share = ctx.quantity(o.share, 'percent', {
                what: `${what} share from ${o.region?.ref?.name ?? 'region'}`,
                min: 0,
                max: 1,
            });
            if (o.region?.ref && share !== undefined) shares.push({ region: o.region.ref.name, share });
        }
        const total = shares.reduce((sum, o) => sum + o.share, 0);
        if (shares.length === clause.origins.length && Math.abs(total - 1) > SHARE_TOLERANCE) {
            ctx.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `${what} origin shares add up to ${round(total * 100)}%, not 100%`,
                clause,
                ctx.listRange(clause, 'origins'),
            );
        }
        return shares;
    };

    return {
        name: node.name,
        target,
        writesPerS: writes ? (ctx.quantity(writes.rate, 'rate', { what: 'write rate', min: 0 }) ?? 0) : 0,
        writeOrigins: origins(writes, 'write'),
        readsPerS: reads ? (ctx.quantity(reads.rate, 'rate', { what: 'read rate', min: 0 }) ?? 0) : 0,
        readOrigins: origins(reads, 'read'),
        keys: keys ? ctx.quantity(keys.count, 'count', { what: 'key count', min: 1, integer: true }) : undefined,
        sharedKeyShare: keys?.sharedShare
            ? (ctx.quantity(keys.sharedShare, 'percent', { what: 'shared key share', min: 0, max: 1 }) ?? 0)
            : 0,
        itemSizeBytes: itemSize
            ? ctx.quantity(itemSize.size, 'size', { what: 'item size', min: 0, above: true })
            : undefined,
        source: ctx.source(node, {
            writes,
            reads,
            keys,
            itemSize,
            target: node.target ? ctx.propRange(node, 'target') : undefined,
        }),
    };
}

export function buildScenario(
    ctx: BuildContext,
    node: ast.Scenario,
    instances: (name: string) => readonly Deployable[],
): ScenarioM {
    const c = node.clauses;
    const workloads = ctx.single(c, ast.isScenarioWorkloadClause, 'workload');
    const duration = ctx.single(c, ast.isDurationClause, 'duration');
    const resolution = ctx.single(c, ast.isResolutionClause, 'resolution');
    const seed = ctx.single(c, ast.isSeedClause, 'seed');
    if (!duration) ctx.missing(node, `scenario ${node.name} needs a 'duration'`);
    if (!workloads) ctx.missing(node, `scenario ${node.name} needs a 'workload'`);

    const durationMs = duration
        ? ctx.quantity(duration.duration, 'duration', { what: 'scenario duration', min: 0, above: true })
        : undefined;
    const faults = ctx
        .all(c, ast.isFault)
        .map((f) => readFault(ctx, f, durationMs, instances))
        .filter((f): f is FaultM => f !== undefined);
    const expectations = ctx
        .all(c, ast.isExpectation)
        .map((e) => readExpectation(ctx, e))
        .filter((e): e is ExpectationM => e !== undefined);
    return {
        name: node.name,
        workloads: refNames(workloads?.workloads),
        durationMs,
        resolutionMs: resolution
            ? ctx.quantity(resolution.resolution, 'duration', { what: 'resolution', min: 0, above: true })
            : undefined,
        seed: seed
            ? ctx.quantity(seed.seed, 'count', { what: 'seed', min: 0, integer: true, max: 2 ** 32 - 1 })
            : undefined,
        faults,
        expectations,
        source: ctx.source(node, { workloads, duration, resolution, seed }),
    };
}

function readFault(
    ctx: BuildContext,
    node: ast.Fault,
    scenarioMs: number | undefined,
    instances: (name: string) => readonly Deployable[],
): FaultM | undefined {
    const atMs = ctx.quantity(node.at, 'duration', { what: 'fault start', min: 0 });
    // A corruption is one event (it lasts until a restore, which the simulation reports); a destroy never ends.
    const durationMs =
        node.kind === 'corrupt'
            ? 0
            : node.kind === 'destroy'
              ? Infinity
              : ctx.quantity(node.duration, 'duration', { what: 'fault duration', min: 0, above: true });
    if (atMs === undefined || durationMs === undefined) return undefined;
    if (scenarioMs !== undefined && atMs >= scenarioMs) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'warning',
            `this fault starts at ${node.at.text}, after the scenario ends`,
            node,
            'at',
        );
    }
    const source = ctx.source(node, {
        at: node.at,
        duration: node.duration,
        region: node.region ? ctx.propRange(node, 'region') : undefined,
    });
    const region = node.region?.ref?.name;
    switch (node.kind) {
        case 'outage':
            return region === undefined ? undefined : { kind: 'outage', region, atMs, durationMs, source };
        case 'destroy':
            return region === undefined ? undefined : { kind: 'destroy', region, atMs, durationMs, source };
        case 'impair':
            return region === undefined ? undefined : { kind: 'control-plane', region, atMs, durationMs, source };
        case 'partition': {
            const other = node.other?.ref?.name;
            if (region === undefined || other === undefined) return undefined;
            if (region === other) {
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'error',
                    `a partition separates two different regions; both sides are ${region}`,
                    node,
                    'other',
                );
                return undefined;
            }
            return { kind: 'partition', regions: [region, other], atMs, durationMs, source };
        }
        case 'lag-spike': {
            const lagMs = ctx.quantity(node.lag, 'duration', { what: 'lag', min: 0, above: true });
            return lagMs === undefined
                ? undefined
                : { kind: 'lag-spike', store: node.store?.ref?.name, lagMs, atMs, durationMs, source };
        }
        case 'flap': {
            if (region === undefined) return undefined;
            const targetNode = node.target?.ref;
            const periodMs = node.period
                ? ctx.quantity(node.period, 'duration', { what: 'flap period', min: 0, above: true })
                : undefined;
            return {
                kind: 'flap',
                region,
                atMs,
                durationMs,
                periodMs,
                source,
                target: targetNode
                    ? { kind: targetNode.$type === 'Store' ? 'store' : 'service', name: targetNode.name }
                    : undefined,
            };
        }
        case 'degrade':
        case 'fail':
            return readPartialFault(ctx, node, region, atMs, durationMs, source, instances);
        case 'corrupt': {
            const store = node.store?.ref?.name;
            return store === undefined ? undefined : { kind: 'corrupt', store, atMs, durationMs, source };
        }
    }
}

/**
 * `degrade X in R errors E% latency +T` and `fail S in R`: one service (or, for degrade, one store) in one region.
 * The target must run in that region, or the fault would hit nothing; a degrade must say what it does.
 */
function readPartialFault(
    ctx: BuildContext,
    node: ast.Fault,
    region: string | undefined,
    atMs: number,
    durationMs: number,
    source: FaultM['source'],
    instances: (name: string) => readonly Deployable[],
): FaultM | undefined {
    const targetNode = node.target?.ref;
    if (targetNode === undefined || region === undefined) return undefined;
    const kind = targetNode.$type === 'Store' ? 'store' : 'service';
    if (node.kind === 'fail' && kind === 'store') {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `'fail' takes a service; ${targetNode.name} is a store: write 'degrade ${targetNode.name} in ${region} errors 100%' for a store that fails every request`,
            node,
            'target',
        );
        return undefined;
    }
    const deployed = instances(targetNode.name);
    const where = [...new Set(deployed.flatMap((d) => d.regions))];
    if (deployed.length > 0 && !where.includes(region)) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `${kind} ${targetNode.name} does not run in ${region} (its regions: ${listing(where)}), so this fault would hit nothing`,
            node,
            'region',
        );
        return undefined;
    }
    const target = { kind, name: targetNode.name } as const;
    if (node.kind === 'fail')
        return { kind: 'fail', target: { kind: 'service', name: targetNode.name }, region, atMs, durationMs, source };
    if (node.errors === undefined && node.latency === undefined) {
        ctx.report(
            ProblemCodes.MissingProperty,
            'error',
            `say how ${targetNode.name} is degraded: 'errors 30%' (share of requests that fail), 'latency +2s' (added to each request), or both`,
            node,
            'kind',
        );
        return undefined;
    }
    const errorShare = node.errors ? ctx.quantity(node.errors, 'percent', { what: 'error rate', min: 0, max: 1 }) : 0;
    const addedLatencyMs = node.latency ? ctx.quantity(node.latency, 'duration', { what: 'added latency', min: 0 }) : 0;
    if (errorShare === undefined || addedLatencyMs === undefined) return undefined;
    if (node.latency !== undefined && !node.added) {
        ctx.report(
            ProblemCodes.MissingUnit,
            'error',
            `write 'latency +${node.latency.text}': a degrade adds latency to each request (there is no absolute latency to set)`,
            node,
            'latency',
            { replacement: `+${node.latency.text}` },
        );
        return undefined;
    }
    return { kind: 'degrade', target, region, errorShare, addedLatencyMs, atMs, durationMs, source };
}

function readExpectation(ctx: BuildContext, node: ast.Expectation): ExpectationM | undefined {
    const metric = node.metric;
    // write-latency's percentile is over the writes of one run; any other metric's is over the seeds of a sweep.
    let percentile: number | undefined;
    let acrossSeeds: number | undefined;
    if (metric === 'write-latency') percentile = readPercentile(ctx, node, 'percentile', node.percentile);
    else if (node.percentile !== undefined) acrossSeeds = readPercentile(ctx, node, 'percentile', node.percentile);
    const unit = METRIC_UNITS[metric];
    if (unit === undefined) return undefined; // the metric did not parse: a syntax error already says so
    const value = ctx.quantity(node.value, unit, {
        what: `expected ${metric}`,
        min: 0,
        ...(unit === 'percent' ? { max: 1 } : {}),
        ...(unit === 'count' ? { integer: true } : {}),
    });
    if (value === undefined) return undefined;
    const targetNode = node.target?.ref;
    return {
        metric,
        percentile,
        acrossSeeds,
        target: targetNode
            ? { kind: targetNode.$type === 'Store' ? 'store' : 'service', name: targetNode.name }
            : undefined,
        region: node.region?.ref?.name,
        op: node.op as ExpectationM['op'],
        value,
        text: node.$cstNode?.text ?? `${metric} ${node.op} ${node.value.text}`,
        source: ctx.source(node, { metric: ctx.propRange(node, 'metric'), value: node.value }),
    };
}

function round(n: number): number {
    return Math.round(n * 100) / 100;
}
