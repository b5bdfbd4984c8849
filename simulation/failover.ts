// Failover as the design declares it: health checks probe each watched region every interval (from a random
// phase); `threshold` failed probes in a row, each known `timeout` after it was sent, detect the failure. The
// declared actions then run in order, each for its duration; an action that needs a control plane waits while
// that control plane is impaired or its region is down (and pauses if that happens mid-way). Routing moves
// when the last routing action (edit-dns, flip-routing-control, shift-traffic) completes, or at detection when
// there is none (health-check-driven routing needs no edit, docs/facts.md#dns-failover-time); DNS then moves users over the TTL and
// the declared resolver tail — so does an ARC routing control, which flips health checks on DNS records
// (docs/facts.md#arc-routing-control). When the region is healthy again before routing moved, the failover is dropped — unless an
// irreversible action (promote, restore-backup, rehome) has started: then it completes. An
// active-active service takes the region back (over the same DNS transition).
import type { ActionM, Source } from '../language/semantics/model.js';
import { formatDuration } from '../format/quantities.js';
import { EventKind } from './engine/event-kinds.js';
import type { EngineContext } from './engine/context.js';
import { Rank } from './engine/event-queue.js';
import { noticePartialFaults, partialCheck } from './gray-detection.js';
import { nearestOf } from './routing.js';
import type { FailoverRuntime, Probe, Run, TransitionRoute } from './runtime.js';

const ROUTING_ACTIONS: ReadonlySet<ActionM['kind']> = new Set(['edit-dns', 'flip-routing-control', 'shift-traffic']);
/** Actions that change where data is written: once one has started, recovering health checks cannot stop it. */
const IRREVERSIBLE_ACTIONS: ReadonlySet<ActionM['kind']> = new Set(['promote', 'restore-backup', 'rehome']);

export function initFailovers(sim: EngineContext): void {
    for (const plan of sim.plan.failovers) {
        const actions = plan.model.actions;
        let routingStep = -1;
        actions.forEach((a, i) => {
            if (ROUTING_ACTIONS.has(a.kind)) routingStep = i;
        });
        const runtime: FailoverRuntime = { plan, probes: [], runs: new Map(), routingStep };
        sim.failovers.push(runtime);
        const d = plan.model.detection;
        for (const region of plan.monitored) {
            const probe: Probe = {
                index: sim.probes.length,
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
            sim.probes.push(probe);
            runtime.probes.push(probe);
            // Health checks run on their own clock: the first probe falls at a random phase of the interval.
            if (d.method === 'health-check')
                sim.queue.push(sim.control.uniform() * probe.intervalMs, Rank.control, EventKind.probe, probe.index);
        }
        const route = plan.model.route;
        if (route?.method === 'arc-routing-control' && route.ttlMs === undefined) {
            sim.notes.push(
                `the ARC route of ${plan.model.target.id} declares no TTL, so users move the moment the control flips in the simulation — a lower bound (declare 'route arc-routing-control ttl 60s')`,
            );
        }
        if (d.method === 'manual' && d.delayMs === undefined) {
            sim.notes.push(
                `the failover of ${plan.model.target.id} is detected manually with no declared delay, so the simulation never detects a failure (declare 'detect manual after 15m')`,
            );
        }
    }
}

function targetName(sim: EngineContext, f: FailoverRuntime): string {
    return f.plan.targetKind === 'service'
        ? sim.plan.services[f.plan.target]!.name
        : sim.plan.stores[f.plan.target]!.name;
}

function targetId(sim: EngineContext, f: FailoverRuntime): string {
    return f.plan.targetKind === 'service' ? sim.plan.services[f.plan.target]!.id : sim.plan.stores[f.plan.target]!.id;
}

export function onProbe(sim: EngineContext, probe: Probe, _stamp: number, t: number): void {
    sim.work.scans += sim.faults.activeCount;
    const hard =
        sim.faults.isDown(probe.region) ||
        sim.faults.flapFails(targetName(sim, probe.failover), probe.region, t, probe.count);
    // A partial fault: an error answer is known when it arrives, a missing or late one at the timeout.
    const partial = hard ? undefined : partialCheck(sim, probe);
    const fails = hard || partial!.fails;
    probe.count++;
    if (fails) {
        probe.oks = 0;
        probe.fails++;
        if (!probe.failed && probe.fails >= probe.threshold) {
            probe.failed = true;
            probe.stamp++;
            // A probe of an unresponsive endpoint fails when it times out.
            sim.queue.push(
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
            healthy(sim, probe, t);
        }
    }
    sim.queue.push(t + probe.intervalMs, Rank.control, EventKind.probe, probe.index);
}

export function onDetect(sim: EngineContext, probe: Probe, stamp: number, t: number): void {
    if (stamp !== probe.stamp || !probe.failed) return;
    detected(sim, probe, t);
}

export function onManualDetect(sim: EngineContext, probe: Probe, stamp: number, t: number): void {
    if (stamp !== probe.stamp || !probe.failed) return;
    detected(sim, probe, t);
}

/** Manual detection: someone notices the declared delay after the region goes down. */
export function onRegionDown(sim: EngineContext, region: number, t: number): void {
    for (const f of sim.failovers) {
        sim.work.scans += f.probes.length;
        const d = f.plan.model.detection;
        if (d.method !== 'manual' || d.delayMs === undefined) continue;
        for (const probe of f.probes) {
            if (probe.region !== region || probe.failed) continue;
            probe.failed = true;
            probe.stamp++;
            sim.queue.push(t + d.delayMs, Rank.control, EventKind.manualDetect, probe.index, probe.stamp);
        }
    }
}

export function onRegionUp(sim: EngineContext, region: number, t: number): void {
    for (const f of sim.failovers) {
        sim.work.scans += f.probes.length;
        if (f.plan.model.detection.method !== 'manual') continue;
        for (const probe of f.probes) {
            if (probe.region !== region || !probe.failed) continue;
            probe.failed = false;
            probe.stamp++;
            healthy(sim, probe, t);
        }
    }
}

function detected(sim: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const id = targetId(sim, f);
    sim.integrate(t);
    const d = f.plan.model.detection;
    const how =
        d.method === 'health-check'
            ? `${d.threshold} failed health check${d.threshold === 1 ? '' : 's'} every ${formatDuration(d.intervalMs)}`
            : 'manual detection';
    sim.record(
        t,
        'detection',
        `failure of ${id} in ${sim.regionName(region)} detected (${how})`,
        id,
        region,
        f.plan.model.source,
    );
    sim.markEpisodes(f.plan.targetKind, f.plan.target, 'detectionAt', t);
    if (sim.partial.active) noticePartialFaults(sim, probe, t);
    const existing = f.runs.get(region);
    if (existing && existing.state !== 'abandoned') return;
    if (f.plan.targetKind === 'service') {
        const s = sim.services[f.plan.target]!;
        if (!s.plan.activeActive && s.primary !== region) return;
    } else {
        const store = sim.plan.stores[f.plan.target]!;
        if (store.policy === 'primary' && sim.storeRouting[store.index]!.primary !== region) return;
    }
    const run: Run = {
        index: sim.runs.length,
        failover: f,
        region,
        detectedAt: t,
        step: 0,
        state: 'running',
        stamp: 0,
        endsAt: 0,
        remainingMs: -1,
        routed: false,
        acceptOutage: f.plan.model.actions.some((a) => a.kind === 'accept-outage'),
        falseAlarm: !sim.faults.isDown(region) && !sim.partial.impaired(f.plan.targetKind, f.plan.target, region),
        committedAt: -1,
        healthyAgainAt: -1,
        doneAt: -1,
    };
    sim.runs.push(run);
    sim.activeRuns.push(run);
    f.runs.set(region, run);
    if (f.routingStep < 0) routeNow(sim, run, t);
    startStep(sim, run, t);
    sim.changed(t);
}

function healthy(sim: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const id = targetId(sim, f);
    sim.integrate(t);
    sim.record(
        t,
        'healthy-again',
        `health checks of ${id} in ${sim.regionName(region)} pass again`,
        id,
        region,
        f.plan.model.source,
    );
    const run = f.runs.get(region);
    if (run === undefined) return;
    const inProgress = run.state === 'running' || run.state === 'blocked';
    // A promotion, restore or re-homing under way cannot be taken back: the failover runs to its end.
    const committed = inProgress && run.committedAt >= 0;
    if (committed) {
        run.healthyAgainAt = t;
        const a = f.plan.model.actions[run.step]!;
        sim.record(
            t,
            'failover-committed',
            `${id} in ${sim.regionName(region)} looks healthy again, but the failover cannot be cancelled: an irreversible action started at ${formatDuration(run.committedAt)}; ${describe(a)} continues and the failover completes`,
            id,
            region,
            f.plan.model.source,
        );
    }
    if (!run.routed) {
        if (committed) return;
        if (inProgress) {
            run.state = 'abandoned';
            run.stamp++;
            sim.record(
                t,
                'failover-abandoned',
                `failover of ${id} away from ${sim.regionName(region)} dropped: the region recovered before traffic moved`,
                id,
                region,
                f.plan.model.source,
            );
        }
        f.runs.delete(region);
        sim.changed(t);
        return;
    }
    if (f.plan.targetKind === 'service') {
        const s = sim.services[f.plan.target]!;
        if (s.plan.activeActive) {
            if (inProgress && !committed) {
                run.state = 'abandoned';
                run.stamp++;
            }
            s.routable[region] = 1;
            sim.reroute(s.plan.index, s.route ?? NO_DELAY, t);
            sim.record(
                t,
                'failback',
                `${id} takes users back in ${sim.regionName(region)}`,
                id,
                region,
                f.plan.model.source,
            );
            if (!committed) f.runs.delete(region);
        }
    }
    sim.changed(t);
}

const NO_DELAY: TransitionRoute = { ttlMs: 0, tailShare: 0, tailMs: 0 };

function startStep(sim: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    const actions = f.plan.model.actions;
    const id = targetId(sim, f);
    while (run.step < actions.length) {
        const a = actions[run.step]!;
        const duration = run.remainingMs >= 0 ? run.remainingMs : (a.durationMs ?? 0);
        const plane = controlPlaneOf(sim, a);
        if (plane >= 0 && !sim.faults.controlPlaneAvailable(plane)) {
            if (run.state !== 'blocked') {
                sim.record(
                    t,
                    'action-blocked',
                    `${describe(a)} for ${id} waits: the ${a.controlPlaneName ?? 'control plane'} control plane in ${sim.regionName(plane)} is unavailable`,
                    id,
                    plane,
                    a.source,
                );
            }
            run.state = 'blocked';
            run.remainingMs = duration;
            return;
        }
        run.state = 'running';
        run.remainingMs = duration;
        if (run.committedAt < 0 && IRREVERSIBLE_ACTIONS.has(a.kind)) run.committedAt = t;
        if (duration > 0) {
            sim.record(
                t,
                'action-start',
                `${describe(a)} for ${id} starts (${formatDuration(duration)})`,
                id,
                a.region !== undefined ? (sim.plan.regionIndex.get(a.region) ?? null) : null,
                a.source,
            );
            run.stamp++;
            run.endsAt = t + duration;
            sim.queue.push(run.endsAt, Rank.control, EventKind.actionDone, run.index, run.stamp);
            return;
        }
        complete(sim, run, t);
    }
    run.state = 'done';
    run.doneAt = t;
}

export function onActionDone(sim: EngineContext, run: Run, stamp: number, t: number): void {
    if (stamp !== run.stamp || run.state !== 'running') return;
    sim.integrate(t);
    complete(sim, run, t);
    startStep(sim, run, t);
    sim.changed(t);
}

function complete(sim: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    const a = f.plan.model.actions[run.step]!;
    applyEffect(sim, run, a, t);
    sim.record(
        t,
        'action-done',
        `${describe(a)} for ${targetId(sim, f)} done`,
        targetId(sim, f),
        a.region !== undefined ? (sim.plan.regionIndex.get(a.region) ?? null) : null,
        a.source,
    );
    if (run.step === f.routingStep) routeNow(sim, run, t);
    run.step++;
    run.remainingMs = -1;
}

/** Control planes of running actions pause while impaired; blocked actions start once theirs is back. */
export function onControlPlaneChange(sim: EngineContext, t: number): void {
    const runs = sim.activeRuns;
    sim.work.scans += 2 * runs.length;
    for (const run of runs) {
        if (run.state !== 'running' && run.state !== 'blocked') continue;
        const a = run.failover.plan.model.actions[run.step];
        if (a === undefined) continue;
        const plane = controlPlaneOf(sim, a);
        if (run.state === 'blocked') {
            if (plane < 0 || sim.faults.controlPlaneAvailable(plane)) startStep(sim, run, t);
        } else if (plane >= 0 && !sim.faults.controlPlaneAvailable(plane)) {
            run.remainingMs = Math.max(0, run.endsAt - t);
            run.stamp++;
            run.state = 'blocked';
            sim.record(
                t,
                'action-blocked',
                `${describe(a)} for ${targetId(sim, run.failover)} pauses with ${formatDuration(run.remainingMs)} to go: the ${a.controlPlaneName ?? 'control plane'} control plane in ${sim.regionName(plane)} became unavailable`,
                targetId(sim, run.failover),
                plane,
                a.source,
            );
        }
    }
    // At most one run per failover and region can be running or blocked: dropping the others keeps this linear.
    sim.activeRuns = runs.filter((r) => r.state === 'running' || r.state === 'blocked');
}

function controlPlaneOf(sim: EngineContext, a: ActionM): number {
    if (a.plane !== 'control-plane' || a.controlPlaneRegion === undefined) return -1;
    return sim.plan.regionIndex.get(a.controlPlaneRegion) ?? -1;
}

/** The routing-change point: moves traffic now, after a manual delay, or never (no route, accept-outage). */
function routeNow(sim: EngineContext, run: Run, t: number): void {
    const route = run.failover.plan.model.route;
    if (run.acceptOutage || route === undefined) return;
    if (route.method === 'manual') {
        if (route.delayMs === undefined) {
            sim.notes.push(
                `the failover of ${targetId(sim, run.failover)} routes manually with no declared delay, so traffic never moves in the simulation (declare 'route manual after 10m')`,
            );
            return;
        }
        sim.queue.push(t + route.delayMs, Rank.control, EventKind.routeDelayed, run.index, run.stamp);
        return;
    }
    applyRouting(sim, run, t);
}

export function onRouteDelayed(sim: EngineContext, run: Run, _stamp: number, t: number): void {
    if (run.state === 'abandoned') return;
    sim.integrate(t);
    applyRouting(sim, run, t);
    sim.changed(t);
}

function applyRouting(sim: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    run.routed = true;
    if (f.plan.targetKind !== 'service') return;
    const s = sim.services[f.plan.target]!;
    const route = f.plan.model.route;
    // An ARC flip changes which DNS records Route 53 answers with: users follow over the TTL as with DNS (docs/facts.md#arc-routing-control).
    const transition: TransitionRoute =
        route?.method === 'dns' || route?.method === 'arc-routing-control'
            ? { ttlMs: route.ttlMs ?? 0, tailShare: route.tailShare, tailMs: route.tailDelayMs }
            : NO_DELAY;
    let where: string;
    if (s.plan.activeActive) {
        s.routable[run.region] = 0;
        where = `away from ${sim.regionName(run.region)}`;
    } else {
        const to =
            f.plan.to >= 0 && f.plan.to !== run.region && s.plan.runsIn[f.plan.to]
                ? f.plan.to
                : nearestOf(sim.plan, run.region, s.plan.regions, (r) => r !== run.region);
        if (to < 0) return;
        s.primary = to;
        where = `to ${sim.regionName(to)}`;
    }
    s.route = transition;
    sim.reroute(s.plan.index, transition, t);
    const dns =
        transition.ttlMs > 0
            ? ` (DNS: users follow within the ${formatDuration(transition.ttlMs)} TTL${transition.tailShare > 0 ? `, ${Math.round(transition.tailShare * 1000) / 10}% after ${formatDuration(transition.ttlMs + transition.tailMs)}` : ''})`
            : '';
    sim.record(
        t,
        'routing-change',
        `routing moves ${s.plan.id} ${where}${dns}`,
        s.plan.id,
        run.region,
        f.plan.model.source,
    );
    coldCopies(sim, [...new Set([...s.plan.uses, ...s.plan.reads])], run.region, where, t, f.plan.model.source);
    sim.markEpisodes('service', s.plan.index, 'routingAt', t);
}

/**
 * Stores kept as independent copies, one per region (`replication none`, every region writing): nothing was
 * replicated, so nothing is lost, but the users moved find the other region's own copy, cold for their keys.
 */
function coldCopies(
    sim: EngineContext,
    stores: readonly number[],
    region: number,
    where: string,
    t: number,
    failover: Source,
): void {
    for (const i of stores) {
        const store = sim.plan.stores[i]!;
        if (store.mode !== 'none' || store.policy === 'primary' || store.replicas.length < 2) continue;
        sim.record(
            t,
            'routing-change',
            `${store.id} keeps an independent copy per region (replication none): the users moved ${where} ` +
                `find that region's own copy, cold for their keys — nothing was replicated, so nothing is lost`,
            store.id,
            region,
            failover,
        );
    }
}

function applyEffect(sim: EngineContext, run: Run, a: ActionM, t: number): void {
    const f = run.failover;
    const plan = sim.plan;
    const destination = a.region !== undefined ? (plan.regionIndex.get(a.region) ?? f.plan.to) : f.plan.to;
    const storesConcerned = (policy: 'primary' | 'home-region'): number[] => {
        if (a.target?.kind === 'store') {
            const i = plan.stores.findIndex((s) => s.id === a.target!.id);
            return i >= 0 ? [i] : [];
        }
        if (f.plan.targetKind === 'store') return [f.plan.target];
        return plan.services[f.plan.target]!.uses.filter((i) => plan.stores[i]!.policy === policy);
    };
    const replicaFor = (store: number): number => {
        const s = plan.stores[store]!;
        if (destination >= 0 && destination !== run.region && s.slotOf[destination]! >= 0) return destination;
        return nearestOf(plan, run.region, s.replicas, (r) => r !== run.region);
    };
    switch (a.kind) {
        case 'promote':
        case 'restore-backup':
            for (const i of storesConcerned('primary')) {
                const s = plan.stores[i]!;
                const routing = sim.storeRouting[i]!;
                if (s.policy !== 'primary' || routing.primary !== run.region) continue;
                const to = replicaFor(i);
                if (to < 0) continue;
                movePrimary(sim, i, to, t, a);
            }
            return;
        case 'rehome':
            // Users of the lost region write elsewhere: home-region keys move to the destination, and a
            // single-writer store still homed in the lost region moves with them (a pod moved as a whole).
            for (const i of a.target?.kind === 'store' || f.plan.targetKind === 'store'
                ? storesConcerned('home-region')
                : plan.services[f.plan.target]!.uses) {
                const s = plan.stores[i]!;
                const routing = sim.storeRouting[i]!;
                const to = replicaFor(i);
                if (to < 0) continue;
                if (s.policy === 'home-region') {
                    for (let h = 0; h < routing.homeLocation.length; h++)
                        if (routing.homeLocation[h] === run.region) routing.homeLocation[h] = to;
                } else if (s.policy === 'primary' && routing.primary === run.region) {
                    movePrimary(sim, i, to, t, a);
                }
            }
            return;
        case 'launch-capacity':
        case 'scale-out': {
            const service =
                a.target?.kind === 'service'
                    ? plan.services.findIndex((s) => s.id === a.target!.id)
                    : f.plan.targetKind === 'service'
                      ? f.plan.target
                      : -1;
            if (service < 0 || destination < 0) return;
            const s = sim.services[service]!;
            s.capacity[destination] = Math.max(s.capacity[destination]!, 1);
            return;
        }
        default:
            return;
    }
}

/** A single-writer store accepts writes in `to` from now on; what the old primary alone held is abandoned. */
function movePrimary(sim: EngineContext, store: number, to: number, t: number, action: ActionM): void {
    const routing = sim.storeRouting[store]!;
    const from = routing.primary;
    routing.primary = to;
    const s = sim.plan.stores[store]!;
    sim.record(t, 'action-done', `${s.id} now accepts writes in ${sim.regionName(to)}`, s.id, to, action.source);
    sim.promoted(store, from, to, t);
}

function describe(a: ActionM): string {
    const target = a.target ? ` ${a.target.id}` : '';
    const where = a.region ? ` in ${a.region}` : '';
    return `${a.kind}${target}${where}`;
}
