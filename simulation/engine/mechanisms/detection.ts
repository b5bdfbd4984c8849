// Detection: health checks probe each watched region every interval, from a random phase (`EventKind.probe`);
// `threshold` failed probes in a row, each known `timeout` after it was sent, detect the failure
// (`EventKind.detect`); manual detection notices the declared delay after a region goes down
// (`EventKind.manualDetect`). Under a partial fault a check fails with the error share it sees — a shallow
// check the target's own, a deep one through what it calls (partial-faults.ts) — drawn from a stream of its
// own, and always when the answer is later than the timeout; a detection while such a fault is in effect
// notices it (the gray watches faults.ts opened). What a detection or a recovery does to the failover's
// actions is failover.ts's, reached through the context.
import type { ActionM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { S3_MRAP } from '../../../language/semantics/facts/messaging-and-objects.js';
import { factRef } from '../../../language/semantics/facts/citation.js';
import { failoverTargetId, type FailoverRuntime, type Probe } from '../../runtime.js';
import type { EngineContext } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';

/** Actions that move traffic: the failover routes when the last of them completes (failover.ts). */
const ROUTING_ACTIONS: ReadonlySet<ActionM['kind']> = new Set(['edit-dns', 'flip-routing-control', 'shift-traffic']);

export function initFailovers(ctx: EngineContext): void {
    for (const plan of ctx.plan.failovers) {
        const actions = plan.model.actions;
        let routingStep = -1;
        actions.forEach((a, i) => {
            if (ROUTING_ACTIONS.has(a.kind)) routingStep = i;
        });
        const runtime: FailoverRuntime = { plan, probes: [], runs: new Map(), routingStep };
        ctx.failovers.push(runtime);
        const d = plan.model.detection;
        for (const region of plan.monitored) {
            const probe: Probe = {
                index: ctx.probes.length,
                failover: runtime,
                region,
                intervalMs: d.method === 'health-check' ? d.intervalMs : 0,
                threshold: d.method === 'health-check' ? d.threshold : 1,
                timeoutMs: d.method === 'health-check' ? d.timeoutMs : 0,
                fails: 0,
                oks: 0,
                failed: false,
                count: 0,
                stamp: 0,
            };
            ctx.probes.push(probe);
            runtime.probes.push(probe);
            // Health checks run on their own clock: the first probe falls at a random phase of the interval.
            if (d.method === 'health-check')
                ctx.queue.push(ctx.control.uniform() * probe.intervalMs, Rank.control, EventKind.probe, probe.index);
        }
        const route = plan.model.route;
        if (route?.method === 'arc-routing-control' && route.ttlMs === undefined) {
            ctx.notes.push(
                `the ARC route of ${plan.model.target.id} declares no TTL, so users move the moment the control flips in the simulation — a lower bound (declare 'route arc-routing-control ttl 60s')`,
            );
        }
        if (route?.method === 's3-access-point') {
            ctx.notes.push(
                plan.model.from !== undefined
                    ? `the access-point routing change of ${plan.model.target.id} is simulated as its documented bound, ${formatDuration(S3_MRAP.routeChangeMs.value)} (${factRef('s3-mrap-failover-controls')}): an upper bound on its time`
                    : `the active-active access point of ${plan.model.target.id} redirects in no documented time (${factRef('s3-multi-region-access-points')}), so users move the moment the failure is detected in the simulation — a lower bound`,
            );
        }
        if (d.method === 'manual' && d.delayMs === undefined) {
            ctx.notes.push(
                `the failover of ${plan.model.target.id} is detected manually with no declared delay, so the simulation never detects a failure (declare 'detect manual after 15m')`,
            );
        }
    }
}

export function onProbe(ctx: EngineContext, probe: Probe, _stamp: number, t: number): void {
    ctx.work.scans += ctx.faults.activeCount;
    const hard =
        ctx.faults.isDown(probe.region) ||
        ctx.faults.flapFails(targetName(ctx, probe.failover), probe.region, t, probe.count);
    // A partial fault: an error answer is known when it arrives, a missing or late one at the timeout.
    const partial = hard ? undefined : partialCheck(ctx, probe);
    const fails = hard || partial!.fails;
    probe.count++;
    if (fails) {
        probe.oks = 0;
        probe.fails++;
        if (!probe.failed && probe.fails >= probe.threshold) {
            probe.failed = true;
            probe.stamp++;
            // A probe of an unresponsive endpoint fails when it times out.
            ctx.queue.push(
                t + (partial?.delayMs ?? probe.timeoutMs),
                Rank.control,
                EventKind.detect,
                probe.index,
                probe.stamp,
            );
        }
    } else {
        probe.fails = 0;
        probe.oks++;
        if (probe.failed && probe.oks >= probe.threshold) {
            probe.failed = false;
            probe.stamp++;
            healthy(ctx, probe, t);
        }
    }
    ctx.queue.push(t + probe.intervalMs, Rank.control, EventKind.probe, probe.index);
}

export function onDetect(ctx: EngineContext, probe: Probe, stamp: number, t: number): void {
    if (stamp !== probe.stamp || !probe.failed) return;
    detected(ctx, probe, t);
}

export function onManualDetect(ctx: EngineContext, probe: Probe, stamp: number, t: number): void {
    if (stamp !== probe.stamp || !probe.failed) return;
    detected(ctx, probe, t);
}

/** Manual detection: someone notices the declared delay after the region goes down. */
export function onRegionDown(ctx: EngineContext, region: number, t: number): void {
    for (const f of ctx.failovers) {
        ctx.work.scans += f.probes.length;
        const d = f.plan.model.detection;
        if (d.method !== 'manual' || d.delayMs === undefined) continue;
        for (const probe of f.probes) {
            if (probe.region !== region || probe.failed) continue;
            probe.failed = true;
            probe.stamp++;
            ctx.queue.push(t + d.delayMs, Rank.control, EventKind.manualDetect, probe.index, probe.stamp);
        }
    }
}

export function onRegionUp(ctx: EngineContext, region: number, t: number): void {
    for (const f of ctx.failovers) {
        ctx.work.scans += f.probes.length;
        if (f.plan.model.detection.method !== 'manual') continue;
        for (const probe of f.probes) {
            if (probe.region !== region || !probe.failed) continue;
            probe.failed = false;
            probe.stamp++;
            healthy(ctx, probe, t);
        }
    }
}

function detected(ctx: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const id = targetId(ctx, f);
    ctx.integrate(t);
    const d = f.plan.model.detection;
    const how =
        d.method === 'health-check'
            ? `${d.threshold} failed health check${d.threshold === 1 ? '' : 's'} every ${formatDuration(d.intervalMs)}`
            : 'manual detection';
    ctx.record(
        t,
        'detection',
        `failure of ${id} in ${ctx.regionName(region)} detected (${how})`,
        id,
        region,
        f.plan.model.source,
    );
    ctx.markEpisodes(f.plan.targetKind, f.plan.target, 'detectionAt', t);
    if (ctx.partial.active) noticePartialFaults(ctx, probe, t);
    ctx.startFailover(probe, t);
}

function healthy(ctx: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const id = targetId(ctx, f);
    ctx.integrate(t);
    ctx.record(
        t,
        'healthy-again',
        `health checks of ${id} in ${ctx.regionName(region)} pass again`,
        id,
        region,
        f.plan.model.source,
    );
    ctx.failoverHealthy(probe, t);
}

/** A probe's verdict under the partial faults in effect: whether it fails, and when that is known. */
function partialCheck(ctx: EngineContext, probe: Probe): { readonly fails: boolean; readonly delayMs: number } {
    const d = probe.failover.plan.model.detection;
    if (!ctx.partial.active || d.method !== 'health-check') return { fails: false, delayMs: 0 };
    const f = probe.failover.plan;
    const view = ctx.partial.check(f.targetKind, f.target, probe.region, d.depth);
    // No answer, or one later than the timeout: the check fails when it times out.
    if (view.noAnswer || view.addedLatencyMs >= probe.timeoutMs) return { fails: true, delayMs: probe.timeoutMs };
    const fails = view.errorShare >= 1 || (view.errorShare > 0 && ctx.health.chance() < view.errorShare);
    return { fails, delayMs: view.addedLatencyMs };
}

/** A detection of a watched target while a partial fault is in effect: that fault was noticed. */
function noticePartialFaults(ctx: EngineContext, probe: Probe, t: number): void {
    for (const w of ctx.grayWatches) {
        if (w.probe !== probe.index || w.noticedAt >= 0) continue;
        const f = ctx.plan.faults[w.fault]!;
        if (t >= f.at && t <= f.until) w.noticedAt = t;
    }
}

function targetName(ctx: EngineContext, f: FailoverRuntime): string {
    return f.plan.targetKind === 'service'
        ? ctx.plan.services[f.plan.target]!.name
        : ctx.plan.stores[f.plan.target]!.name;
}

function targetId(ctx: EngineContext, f: FailoverRuntime): string {
    return failoverTargetId(ctx.plan, f.plan);
}
