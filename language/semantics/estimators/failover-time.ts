// How long a failover takes, as a sum of its parts: detection + routing + the ordered actions, floored by the
// DR tier's documented minimum. Hover, inlay hints, the rto-unachievable rule and the simulation's oracle
// tests all read this one estimate, so they agree on every number.
import { ARC, POSTURE } from '../facts/defaults.js';
import { S3_MRAP } from '../facts/messaging-and-objects.js';
import type { ActionKind, ActionM, Deployable, FailoverM, Model, Posture } from '../model.js';
import { formatDuration, formatDurationRange, formatPercent } from '../../../format/quantities.js';
import { factRef } from '../facts/citation.js';
import { describeRange, hasSpread, pointRange, sumRanges, type BoundedRange } from './range.js';

export interface DetectionTime {
    /** Undefined for manual detection without a declared delay. The worst end of `range`. */
    readonly ms?: number;
    /** Best / typical / worst over where the failure lands in the health-check cycle; undefined with `ms`. */
    readonly range?: BoundedRange;
    /** e.g. "10 s × 3 + 6 s timeout detection". */
    readonly text: string;
}

export interface RoutingTime {
    readonly method?: string;
    /** Undefined for manual routing without a declared delay. The worst end of `range`. */
    readonly ms?: number;
    /** Best / typical / worst over the age of a client's cached answer (and the resolver tail); undefined with `ms`. */
    readonly range?: BoundedRange;
    readonly ttlMs?: number;
    /** Extra delay of the declared resolver tail (share of clients keeping stale answers), included in `ms`. */
    readonly tailMs?: number;
    readonly text: string;
}

export interface ControlPlaneNeed {
    /** Which control plane (Route 53, EC2, the database management API…). */
    readonly name?: string;
    /** The region it is homed in, when known. */
    readonly region?: string;
    /** True when that region is one this failover protects against (the 7 December 2021 trap, docs/facts.md#us-east-1-2021-outage). */
    readonly inFailedRegion: boolean;
}

export interface ActionTime {
    readonly action: ActionM;
    /** Undefined when the action has no documented duration and declares none (`takes …`). */
    readonly ms?: number;
    readonly label: string;
    /** Present when the action needs a control plane to run. */
    readonly controlPlane?: ControlPlaneNeed;
}

export interface FailoverTimeEstimate {
    readonly failover: FailoverM;
    readonly detection: DetectionTime;
    readonly routing: RoutingTime;
    readonly actions: readonly ActionTime[];
    /** Sum of the known action durations. */
    readonly actionsMs: number;
    readonly posture?: Posture;
    /** The DR tier's lower bound on recovery (docs/facts.md#dr-strategy-recovery-time), when the target is a service with a posture. */
    readonly postureMinimumMs?: number;
    /** detection + routing + actions in the worst case, with unknown parts counted as 0. */
    readonly sumMs: number;
    /** max(sum, posture minimum) in the worst case: the worst end of `range`. */
    readonly totalMs: number;
    /** Best / typical / worst failover time as one client sees it, each end floored by the posture minimum. */
    readonly range: BoundedRange;
    /** Parts with no known duration (the total is then a lower bound). */
    readonly unknownParts: readonly string[];
    /** The regions whose failure this failover handles: `from`, or every region of an active-active target. */
    readonly protectsAgainst: readonly string[];
    /** e.g. "10 s × 3 + 6 s timeout detection + 60 s TTL + 1 m promotion". */
    readonly breakdown: string;
}

const ACTION_LABEL: Readonly<Record<ActionKind, string>> = {
    promote: 'promotion',
    'launch-capacity': 'capacity launch',
    'scale-out': 'scale-out',
    'edit-dns': 'DNS record edit',
    'flip-routing-control': 'routing-control flip',
    'restore-backup': 'restore',
    'shift-traffic': 'traffic shift',
    rehome: 're-homing',
    'accept-outage': 'accepted outage',
    console: 'console step',
    'create-resources': 'resource creation',
    'update-health-check': 'health-check update',
    'invalidate-cache': 'cache invalidation',
    notify: 'notification',
};

/** The target of a failover instance (a store or service of the model), if it still exists. */
export function failoverTarget(model: Model, failover: FailoverM): Deployable | undefined {
    return failover.target.kind === 'store'
        ? model.stores.get(failover.target.id)
        : model.services.get(failover.target.id);
}

/** Regions whose failure a failover handles: its `from`, or, when it has none (active-active), every target region. */
export function protectedRegions(model: Model, failover: FailoverM): string[] {
    if (failover.from !== undefined) return [failover.from];
    return [...(failoverTarget(model, failover)?.regions ?? [])];
}

/**
 * Detection time of a failover, as a range over where the failure lands in the check cycle.
 * - health check every I, threshold N, timeout T (docs/facts.md#dns-failover-time): the first check to fail is the
 *   first one that starts after the failure, φ ∈ [0, I) later; the N-th failing check starts (N−1)·I after it and is
 *   known to have failed T after it starts. So detection = φ + (N−1)·I + T: best (N−1)·I + T (the failure lands just
 *   before a check), worst N·I + T (just after one; the supremum), typical (N − ½)·I + T (φ uniform: its mean I/2).
 * - manual: the declared `after` delay (one value); unknown otherwise.
 */
export function detectionTime(failover: FailoverM): DetectionTime {
    const d = failover.detection;
    if (d.method === 'manual') {
        return d.delayMs === undefined
            ? { text: 'manual detection (no delay declared)' }
            : {
                  ms: d.delayMs,
                  range: pointRange(d.delayMs, 'the declared manual delay'),
                  text: `${formatDuration(d.delayMs)} manual detection`,
              };
    }
    const timeout = d.timeoutMs > 0 ? ` + ${formatDuration(d.timeoutMs)} timeout` : '';
    const base = (d.threshold - 1) * d.intervalMs + d.timeoutMs;
    const range: BoundedRange = {
        bestMs: base,
        typicalMs: base + d.intervalMs / 2,
        worstMs: base + d.intervalMs,
        why: {
            best: 'the failure lands just before a check',
            typical: 'the mean over the check cycle',
            worst: 'the failure lands just after a check',
        },
    };
    return { ms: range.worstMs, range, text: `${formatDuration(d.intervalMs)} × ${d.threshold}${timeout} detection` };
}

/**
 * Routing time of a failover, in ms, counted from the decision to move traffic (detection, or the routing action),
 * as one client sees it: its cached answer expires a ∈ [0, TTL) after the change (how long ago it was fetched is
 * uniform), and a declared tail share S of clients keeps the old answer T_tail longer. So routing = flip + a
 * (+ T_tail in the tail): best flip (an answer expiring at the change), worst flip + TTL + T_tail (an answer
 * fetched just before the change, in the tail), typical flip + TTL/2 + S·T_tail (the mean).
 * - dns: TTL + the declared resolver tail delay (when a tail share is declared; docs/facts.md#dns-resolver-tail gives no default share).
 * - arc-routing-control: flip + TTL + tail — a routing control changes Route 53 health-check state on DNS records,
 *   so clients keep their cached answers until the TTL expires (docs/facts.md#arc-routing-control). The decision is the detection
 *   (automation) or an operator's (`detect manual after T`); the flip takes seconds, counted as 0 (a lower bound).
 * - anycast, global-accelerator: 0 — traffic moves as soon as health checks fail, no DNS TTL (docs/facts.md#global-accelerator-no-dns).
 * - s3-access-point: up to the documented routing-change bound when active-passive; unknown when active-active
 *   (see {@link accessPointRouting}).
 * - router: 0 — the application's own router moves tenants.
 * - manual: the declared `after` delay; unknown otherwise.
 * - no route (a store failover): 0.
 */
export function routingTime(failover: FailoverM): RoutingTime {
    const r = failover.route;
    if (!r) return { ms: 0, range: NO_TIME, text: '' };
    switch (r.method) {
        case 'dns':
        case 'arc-routing-control': {
            const arc = r.method === 'arc-routing-control';
            if (r.ttlMs === undefined)
                return { method: r.method, text: `${arc ? 'ARC-flipped DNS records' : 'DNS'} (no TTL declared)` };
            const flipMs = arc ? ARC.switchMs.value : 0;
            const tailMs = r.tailShare > 0 ? r.tailDelayMs : 0;
            const tail =
                tailMs > 0
                    ? ` + ${formatDuration(tailMs)} resolver tail (${formatPercent(r.tailShare)} of clients)`
                    : '';
            const ttl = `${formatDuration(r.ttlMs)} TTL${arc ? ' of the ARC-flipped records' : ''}`;
            const range: BoundedRange = {
                bestMs: flipMs + (r.tailShare >= 1 ? tailMs : 0),
                typicalMs: flipMs + r.ttlMs / 2 + r.tailShare * tailMs,
                worstMs: flipMs + r.ttlMs + tailMs,
                why: {
                    best: 'a cached answer expires at the change',
                    typical:
                        tailMs > 0
                            ? 'cached answers half a TTL old, with the declared tail share'
                            : 'cached answers half a TTL old',
                    worst:
                        tailMs > 0
                            ? 'a client in the resolver tail fetched its answer just before the change'
                            : 'a client fetched its answer just before the change',
                },
            };
            return { method: r.method, ms: range.worstMs, range, ttlMs: r.ttlMs, tailMs, text: `${ttl}${tail}` };
        }
        case 's3-access-point':
            return accessPointRouting(failover);
        case 'manual':
            return r.delayMs === undefined
                ? { method: 'manual', text: 'manual routing (no delay declared)' }
                : {
                      method: 'manual',
                      ms: r.delayMs,
                      range: pointRange(r.delayMs, 'the declared manual delay'),
                      text: `${formatDuration(r.delayMs)} manual re-routing`,
                  };
        default:
            return { method: r.method, ms: 0, range: NO_TIME, text: '' };
    }
}

const NO_TIME = pointRange(0, 'no wait');

/**
 * An S3 Multi-Region Access Point. Active-passive (the failover has a `from`): the decision changes the routing status,
 * which applies within the documented bound B (docs/facts.md#s3-mrap-failover-controls) — best 0 (it may apply at
 * once), worst B; no typical figure is documented, so the typical end is B too, never a guessed midpoint.
 * Active-active (no `from`): the access point redirects on its own, in no documented time
 * (docs/facts.md#s3-multi-region-access-points) — unknown, so the total is a lower bound.
 */
function accessPointRouting(failover: FailoverM): RoutingTime {
    if (failover.from === undefined)
        return {
            method: 's3-access-point',
            text: `the access point's own redirection (no documented time, ${factRef('s3-multi-region-access-points')})`,
        };
    const boundMs = S3_MRAP.routeChangeMs.value;
    const range: BoundedRange = {
        bestMs: 0,
        typicalMs: boundMs,
        worstMs: boundMs,
        why: {
            best: 'the routing change applies at once',
            typical: 'no typical figure is documented, so the bound',
            worst: 'the routing change takes its documented bound to apply',
        },
    };
    return {
        method: 's3-access-point',
        ms: boundMs,
        range,
        text: `${formatDuration(boundMs)} access-point routing change (a bound, ${factRef('s3-mrap-failover-controls')})`,
    };
}

/** Duration and control-plane need of each action, in the failover's order. */
export function actionTimes(model: Model, failover: FailoverM): ActionTime[] {
    const failed = new Set(protectedRegions(model, failover));
    return failover.actions.map((action) => ({
        action,
        ms: action.durationMs,
        // A worked-out duration shows how (a restore: "20 TB ÷ 1 GB/s").
        label:
            action.durationProvenance.kind === 'derived' && action.durationMs !== undefined
                ? `${ACTION_LABEL[action.kind]} (${action.durationProvenance.from})`
                : ACTION_LABEL[action.kind],
        controlPlane:
            action.plane === 'control-plane'
                ? {
                      name: action.controlPlaneName,
                      region: action.controlPlaneRegion,
                      inFailedRegion: action.controlPlaneRegion !== undefined && failed.has(action.controlPlaneRegion),
                  }
                : undefined,
    }));
}

/**
 * Estimated time from the failure to traffic being served again, for one failover instance:
 *
 *   total = max(detection + routing + Σ actions, posture minimum)
 *
 * Units: ms. Detection and routing as in {@link detectionTime} and {@link routingTime}; each action's
 * duration is `ActionM.durationMs` (declared `takes`, else the facts entry of its kind via the builder); actions run
 * one after another as written. The posture minimum is the lower bound of the target service's DR tier
 * (docs/facts.md#dr-strategy-recovery-time via `POSTURE`): a floor on the whole recovery, not an extra step, so it is not added on top.
 * Parts with no known duration count as 0 and are listed in `unknownParts` (the total is then a lower bound).
 *
 * The range adds the same end of every part (detection and routing are independent: the check phase and the age
 * of a client's cached answer), then floors each end by the posture minimum. Actions are single figures (declared,
 * or a facts default). The worst end is the figure an RTO is judged on by default; it equals the sum above.
 */
export function estimateFailoverTime(model: Model, failover: FailoverM): FailoverTimeEstimate {
    const detection = detectionTime(failover);
    const routing = routingTime(failover);
    const actions = actionTimes(model, failover);
    const actionsMs = actions.reduce((sum, a) => sum + (a.ms ?? 0), 0);
    const target = failoverTarget(model, failover);
    const posture = target?.kind === 'service' ? target.posture : undefined;
    const postureMinimumMs = posture ? POSTURE[posture].minRtoMs.value : undefined;
    const sumMs = (detection.ms ?? 0) + (routing.ms ?? 0) + actionsMs;
    const range = floorRange(
        sumRanges(
            [detection.range ?? NO_TIME, routing.range ?? NO_TIME, pointRange(actionsMs, 'the actions')],
            rangeReasons([detection.range, routing.range]),
        ),
        postureMinimumMs,
        posture,
    );
    const unknownParts = [
        ...(detection.ms === undefined ? [detection.text] : []),
        ...(routing.ms === undefined ? [routing.text] : []),
        ...actions.filter((a) => a.ms === undefined).map((a) => `${a.action.kind} (no duration)`),
    ];
    const parts = [
        detection.ms !== undefined ? detection.text : undefined,
        routing.ms !== undefined && routing.text !== '' ? routing.text : undefined,
        ...actions.filter((a) => a.ms !== undefined && a.ms > 0).map((a) => `${formatDuration(a.ms!)} ${a.label}`),
    ].filter((p): p is string => p !== undefined);
    return {
        failover,
        detection,
        routing,
        actions,
        actionsMs,
        posture,
        postureMinimumMs,
        sumMs,
        totalMs: range.worstMs,
        range,
        unknownParts,
        protectsAgainst: protectedRegions(model, failover),
        breakdown: parts.join(' + '),
    };
}

/** What makes each end of the sum so: the reasons of the parts that vary, joined. */
function rangeReasons(parts: readonly (BoundedRange | undefined)[]): BoundedRange['why'] {
    const varying = parts.filter((p): p is BoundedRange => p !== undefined && hasSpread(p));
    if (varying.length === 0)
        return {
            best: 'every part is one figure',
            typical: 'every part is one figure',
            worst: 'every part is one figure',
        };
    const join = (end: keyof BoundedRange['why']) => varying.map((p) => p.why[end]).join(' and ');
    return {
        best: join('best'),
        typical: varying.length > 1 ? 'the mean over the check cycle and the age of cached answers' : join('typical'),
        worst: join('worst'),
    };
}

/** Each end of a failover's range, at least the DR tier's minimum (a floor on the recovery, not a step). */
function floorRange(range: BoundedRange, minimumMs: number | undefined, posture: Posture | undefined): BoundedRange {
    if (minimumMs === undefined || minimumMs <= range.bestMs) return range;
    const floor = `the ${posture} tier's minimum`;
    const at = (ms: number, why: string) => (ms >= minimumMs ? why : floor);
    return {
        bestMs: Math.max(range.bestMs, minimumMs),
        typicalMs: Math.max(range.typicalMs, minimumMs),
        worstMs: Math.max(range.worstMs, minimumMs),
        why: {
            best: at(range.bestMs, range.why.best),
            typical: at(range.typicalMs, range.why.typical),
            worst: at(range.worstMs, range.why.worst),
        },
    };
}

/** The range alone, short, for inlay hints, symbols and the lead line of a hover: "1 m 26 s–2 m 36 s (typical 2 m 1 s; worst when …)". */
export function describeFailoverRange(estimate: FailoverTimeEstimate): string {
    const text = describeRange(estimate.range);
    return estimate.unknownParts.length > 0 ? `at least ${text.replace(/^≈ /, '')}` : text;
}

/** The range's two ends, shortest: "1 m 26 s–2 m 36 s" (or "≥ …" when parts are unknown). */
export function failoverRangeLabel(estimate: FailoverTimeEstimate): string {
    const r = estimate.range;
    const span = formatDurationRange(r.bestMs, r.worstMs);
    return estimate.unknownParts.length > 0 ? `≥ ${span}` : span.includes('–') ? span : `≈ ${span}`;
}

/**
 * One-line summary for messages and hovers: "≈ 1 m 36 s (10 s × 3 + 6 s timeout detection + 1 m promotion)" when
 * nothing varies, else "1 m 26 s–2 m 36 s, typical 2 m 1 s (worst when …: 10 s × 3 + 6 s timeout detection + 1 m TTL
 * + 1 m promotion)". The parts listed are the worst case's.
 */
export function describeFailoverTime(estimate: FailoverTimeEstimate): string {
    let inner = estimate.breakdown;
    if (estimate.unknownParts.length > 0) inner += `${inner === '' ? '' : ' + '}${estimate.unknownParts.join(' + ')}`;
    if (estimate.postureMinimumMs !== undefined && estimate.postureMinimumMs > estimate.sumMs) {
        inner += `${inner === '' ? '' : '; '}the ${estimate.posture} tier itself needs at least ${formatDuration(estimate.postureMinimumMs)} (${factRef('dr-strategy-recovery-time')})`;
    }
    const r = estimate.range;
    // Ends that read the same once rounded ("5 h 33 m") are shown as one figure.
    const spread = formatDurationRange(r.bestMs, r.worstMs).includes('–');
    const prefix = estimate.unknownParts.length > 0 ? 'at least ' : spread ? '' : '≈ ';
    if (!spread) return `${prefix}${formatDuration(estimate.totalMs)}${inner === '' ? '' : ` (${inner})`}`;
    const worst = `worst when ${r.why.worst}`;
    return `${prefix}${formatDurationRange(r.bestMs, r.worstMs)}, typical ${formatDuration(r.typicalMs)} (${worst}${inner === '' ? '' : `: ${inner}`})`;
}
