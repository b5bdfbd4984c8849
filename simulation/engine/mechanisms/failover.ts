// Failover actions: after a detection (detection.ts) the declared actions run in order, each for its
// duration (`EventKind.actionDone`); an action that needs a control plane waits while that control plane is
// impaired or its region is down (and pauses if that happens mid-way). Routing moves when the last routing
// action (edit-dns, flip-routing-control, shift-traffic) completes, or at detection when there is none
// (health-check-driven routing needs no edit, docs/facts.md#dns-failover-time), or after a manual route's
// delay (`EventKind.routeDelayed`); DNS then moves users over the TTL and the declared resolver tail — so does
// an ARC routing control, which flips health checks on DNS records (docs/facts.md#arc-routing-control). When the
// region is healthy again before routing moved, the failover is dropped — unless an irreversible action
// (promote, restore-backup, rehome) has started: then it completes. An active-active service takes the region
// back (over the same DNS transition).
import type { ActionM, Source } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { S3_MRAP } from '../../../language/semantics/facts/messaging-and-objects.js';
import { nearestOf } from '../../routing.js';
import { failoverTargetId, type FailoverRuntime, type Probe, type Run, type TransitionRoute } from '../../runtime.js';
import type { EngineContext } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';

/** Actions that change where data is written: once one has started, recovering health checks cannot stop it. */
const IRREVERSIBLE_ACTIONS: ReadonlySet<ActionM['kind']> = new Set(['promote', 'restore-backup', 'rehome']);

/** A detection of the failure of a failover's target in a region: its actions start, unless a run is under way. */
export function startFailover(ctx: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const existing = f.runs.get(region);
    if (existing && existing.state !== 'abandoned') return;
    if (f.plan.targetKind === 'service') {
        const s = ctx.services[f.plan.target]!;
        if (!s.plan.activeActive && s.primary !== region) return;
    } else {
        const store = ctx.plan.stores[f.plan.target]!;
        if (store.policy === 'primary' && ctx.storeRouting[store.index]!.primary !== region) return;
    }
    const run: Run = {
        index: ctx.runs.length,
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
        falseAlarm: !ctx.faults.isDown(region) && !ctx.partial.impaired(f.plan.targetKind, f.plan.target, region),
        committedAt: -1,
        healthyAgainAt: -1,
        doneAt: -1,
    };
    ctx.runs.push(run);
    ctx.activeRuns.push(run);
    f.runs.set(region, run);
    if (f.routingStep < 0) routeNow(ctx, run, t);
    startStep(ctx, run, t);
    ctx.changed(t);
}

/** The target's health checks pass again: a run not yet routed is dropped, an active-active service takes the region back. */
export function failoverHealthy(ctx: EngineContext, probe: Probe, t: number): void {
    const f = probe.failover;
    const region = probe.region;
    const id = targetId(ctx, f);
    const run = f.runs.get(region);
    if (run === undefined) return;
    const inProgress = run.state === 'running' || run.state === 'blocked';
    // A promotion, restore or re-homing under way cannot be taken back: the failover runs to its end.
    const committed = inProgress && run.committedAt >= 0;
    if (committed) {
        run.healthyAgainAt = t;
        const a = f.plan.model.actions[run.step]!;
        ctx.record(
            t,
            'failover-committed',
            `${id} in ${ctx.regionName(region)} looks healthy again, but the failover cannot be cancelled: an irreversible action started at ${formatDuration(run.committedAt)}; ${describe(a)} continues and the failover completes`,
            id,
            region,
            f.plan.model.source,
        );
    }
    if (!run.routed) {
        if (committed) return;
        // A run whose actions are done but whose routing change is still on its way (a manual route's delay, an
        // access point's bound) has not moved traffic either: it is dropped too, unless it already promoted.
        if (inProgress || (run.state === 'done' && run.committedAt < 0 && awaitsRoute(run))) {
            run.state = 'abandoned';
            run.stamp++;
            ctx.record(
                t,
                'failover-abandoned',
                `failover of ${id} away from ${ctx.regionName(region)} dropped: the region recovered before traffic moved`,
                id,
                region,
                f.plan.model.source,
            );
        }
        f.runs.delete(region);
        ctx.changed(t);
        return;
    }
    if (f.plan.targetKind === 'service') {
        const s = ctx.services[f.plan.target]!;
        if (s.plan.activeActive) {
            if (inProgress && !committed) {
                run.state = 'abandoned';
                run.stamp++;
            }
            s.routable[region] = 1;
            ctx.reroute(s.plan.index, s.route ?? NO_DELAY, t);
            ctx.record(
                t,
                'failback',
                `${id} takes users back in ${ctx.regionName(region)}`,
                id,
                region,
                f.plan.model.source,
            );
            if (!committed) f.runs.delete(region);
        }
    }
    ctx.changed(t);
}

const NO_DELAY: TransitionRoute = { ttlMs: 0, tailShare: 0, tailMs: 0 };

function startStep(ctx: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    const actions = f.plan.model.actions;
    const id = targetId(ctx, f);
    while (run.step < actions.length) {
        const a = actions[run.step]!;
        const duration = run.remainingMs >= 0 ? run.remainingMs : (a.durationMs ?? 0);
        const plane = controlPlaneOf(ctx, a);
        if (plane >= 0 && !ctx.faults.controlPlaneAvailable(plane)) {
            if (run.state !== 'blocked') {
                ctx.record(
                    t,
                    'action-blocked',
                    `${describe(a)} for ${id} waits: ${planeName(a)} in ${ctx.regionName(plane)} is unavailable`,
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
            ctx.record(
                t,
                'action-start',
                `${describe(a)} for ${id} starts (${formatDuration(duration)})`,
                id,
                a.region !== undefined ? (ctx.plan.regionIndex.get(a.region) ?? null) : null,
                a.source,
            );
            run.stamp++;
            run.endsAt = t + duration;
            ctx.queue.push(run.endsAt, Rank.control, EventKind.actionDone, run.index, run.stamp);
            return;
        }
        complete(ctx, run, t);
    }
    run.state = 'done';
    run.doneAt = t;
}

export function onActionDone(ctx: EngineContext, run: Run, stamp: number, t: number): void {
    if (stamp !== run.stamp || run.state !== 'running') return;
    ctx.integrate(t);
    complete(ctx, run, t);
    startStep(ctx, run, t);
    ctx.changed(t);
}

function complete(ctx: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    const a = f.plan.model.actions[run.step]!;
    applyEffect(ctx, run, a, t);
    ctx.record(
        t,
        'action-done',
        `${describe(a)} for ${targetId(ctx, f)} done`,
        targetId(ctx, f),
        a.region !== undefined ? (ctx.plan.regionIndex.get(a.region) ?? null) : null,
        a.source,
    );
    if (run.step === f.routingStep) routeNow(ctx, run, t);
    run.step++;
    run.remainingMs = -1;
}

/** Control planes of running actions pause while impaired; blocked actions start once theirs is back. */
export function onControlPlaneChange(ctx: EngineContext, t: number): void {
    const runs = ctx.activeRuns;
    ctx.work.scans += 2 * runs.length;
    for (const run of runs) {
        if (run.state !== 'running' && run.state !== 'blocked') continue;
        const a = run.failover.plan.model.actions[run.step];
        if (a === undefined) continue;
        const plane = controlPlaneOf(ctx, a);
        if (run.state === 'blocked') {
            if (plane < 0 || ctx.faults.controlPlaneAvailable(plane)) startStep(ctx, run, t);
        } else if (plane >= 0 && !ctx.faults.controlPlaneAvailable(plane)) {
            run.remainingMs = Math.max(0, run.endsAt - t);
            run.stamp++;
            run.state = 'blocked';
            ctx.record(
                t,
                'action-blocked',
                `${describe(a)} for ${targetId(ctx, run.failover)} pauses with ${formatDuration(run.remainingMs)} to go: ${planeName(a)} in ${ctx.regionName(plane)} became unavailable`,
                targetId(ctx, run.failover),
                plane,
                a.source,
            );
        }
    }
    // At most one run per failover and region can be running or blocked: dropping the others keeps this linear.
    ctx.activeRuns = runs.filter((r) => r.state === 'running' || r.state === 'blocked');
}

function controlPlaneOf(ctx: EngineContext, a: ActionM): number {
    if (a.plane !== 'control-plane' || a.controlPlaneRegion === undefined) return -1;
    return ctx.plan.regionIndex.get(a.controlPlaneRegion) ?? -1;
}

/** The routing-change point: moves traffic now, after a manual delay, or never (no route, accept-outage). */
function routeNow(ctx: EngineContext, run: Run, t: number): void {
    const route = run.failover.plan.model.route;
    if (run.acceptOutage || route === undefined) return;
    if (route.method === 'manual') {
        if (route.delayMs === undefined) {
            ctx.notes.push(
                `the failover of ${targetId(ctx, run.failover)} routes manually with no declared delay, so traffic never moves in the simulation (declare 'route manual after 10m')`,
            );
            return;
        }
        ctx.queue.push(t + route.delayMs, Rank.control, EventKind.routeDelayed, run.index, run.stamp);
        return;
    }
    // An active-passive access point's routing change applies within a bound, simulated as a fixed delay (an upper bound).
    if (route.method === 's3-access-point' && run.failover.plan.model.from !== undefined) {
        ctx.queue.push(t + S3_MRAP.routeChangeMs.value, Rank.control, EventKind.routeDelayed, run.index, run.stamp);
        return;
    }
    applyRouting(ctx, run, t);
}

/** Whether the run's routing change, once its actions reached it, waits for a delay (see `routeNow`). */
function awaitsRoute(run: Run): boolean {
    const route = run.failover.plan.model.route;
    if (run.acceptOutage || route === undefined) return false;
    if (route.method === 'manual') return route.delayMs !== undefined;
    return route.method === 's3-access-point' && run.failover.plan.model.from !== undefined;
}

export function onRouteDelayed(ctx: EngineContext, run: Run, _stamp: number, t: number): void {
    if (run.state === 'abandoned') return;
    ctx.integrate(t);
    applyRouting(ctx, run, t);
    ctx.changed(t);
}

function applyRouting(ctx: EngineContext, run: Run, t: number): void {
    const f = run.failover;
    run.routed = true;
    if (f.plan.targetKind !== 'service') return;
    const s = ctx.services[f.plan.target]!;
    const route = f.plan.model.route;
    // An ARC flip changes which DNS records Route 53 answers with: users follow over the TTL as with DNS (docs/facts.md#arc-routing-control).
    const transition: TransitionRoute =
        route?.method === 'dns' || route?.method === 'arc-routing-control'
            ? { ttlMs: route.ttlMs ?? 0, tailShare: route.tailShare, tailMs: route.tailDelayMs }
            : NO_DELAY;
    let where: string;
    if (s.plan.activeActive) {
        s.routable[run.region] = 0;
        where = `away from ${ctx.regionName(run.region)}`;
    } else {
        const to =
            f.plan.to >= 0 && f.plan.to !== run.region && s.plan.runsIn[f.plan.to]
                ? f.plan.to
                : nearestOf(ctx.plan, run.region, s.plan.regions, (r) => r !== run.region);
        if (to < 0) return;
        s.primary = to;
        where = `to ${ctx.regionName(to)}`;
    }
    s.route = transition;
    ctx.reroute(s.plan.index, transition, t);
    const dns =
        transition.ttlMs > 0
            ? ` (DNS: users follow within the ${formatDuration(transition.ttlMs)} TTL${transition.tailShare > 0 ? `, ${Math.round(transition.tailShare * 1000) / 10}% after ${formatDuration(transition.ttlMs + transition.tailMs)}` : ''})`
            : '';
    ctx.record(
        t,
        'routing-change',
        `routing moves ${s.plan.id} ${where}${dns}`,
        s.plan.id,
        run.region,
        f.plan.model.source,
    );
    coldCopies(ctx, [...new Set([...s.plan.uses, ...s.plan.reads])], run.region, where, t, f.plan.model.source);
    ctx.markEpisodes('service', s.plan.index, 'routingAt', t);
}

/**
 * Stores kept as independent copies, one per region (`replication none`, every region writing): nothing was
 * replicated, so nothing is lost, but the users moved find the other region's own copy, cold for their keys.
 */
function coldCopies(
    ctx: EngineContext,
    stores: readonly number[],
    region: number,
    where: string,
    t: number,
    failover: Source,
): void {
    for (const i of stores) {
        const store = ctx.plan.stores[i]!;
        if (store.mode !== 'none' || store.policy === 'primary' || store.replicas.length < 2) continue;
        ctx.record(
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

function applyEffect(ctx: EngineContext, run: Run, a: ActionM, t: number): void {
    const f = run.failover;
    const plan = ctx.plan;
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
                const routing = ctx.storeRouting[i]!;
                if (s.policy !== 'primary' || routing.primary !== run.region) continue;
                const to = replicaFor(i);
                if (to < 0) continue;
                movePrimary(ctx, i, to, t, a);
            }
            return;
        case 'rehome':
            // Users of the lost region write elsewhere: home-region keys move to the destination, and a
            // single-writer store still homed in the lost region moves with them (a pod moved as a whole).
            for (const i of a.target?.kind === 'store' || f.plan.targetKind === 'store'
                ? storesConcerned('home-region')
                : plan.services[f.plan.target]!.uses) {
                const s = plan.stores[i]!;
                const routing = ctx.storeRouting[i]!;
                const to = replicaFor(i);
                if (to < 0) continue;
                if (s.policy === 'home-region') {
                    for (let h = 0; h < routing.homeLocation.length; h++)
                        if (routing.homeLocation[h] === run.region) routing.homeLocation[h] = to;
                } else if (s.policy === 'primary' && routing.primary === run.region) {
                    movePrimary(ctx, i, to, t, a);
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
            const s = ctx.services[service]!;
            // Full capacity (100 % of the load), or as far as the declared quota lets it go.
            const quota = s.plan.model.quota ?? Infinity;
            const before = s.capacity[destination] ?? Infinity;
            s.capacity[destination] = Math.max(before, Math.min(1, quota));
            if (quota < 1 && before < 1)
                ctx.record(
                    t,
                    'action-done',
                    `${s.plan.id} ${a.kind} in ${ctx.regionName(destination)} stopped at its quota: capacity ${Math.round(Math.max(before, quota) * 1e4) / 100}% of the load, not 100%`,
                    s.plan.id,
                    destination,
                    a.source,
                );
            return;
        }
        default:
            return;
    }
}

/** A single-writer store accepts writes in `to` from now on; what the old primary alone held is abandoned. */
function movePrimary(ctx: EngineContext, store: number, to: number, t: number, action: ActionM): void {
    const routing = ctx.storeRouting[store]!;
    const from = routing.primary;
    routing.primary = to;
    const s = ctx.plan.stores[store]!;
    ctx.record(t, 'action-done', `${s.id} now accepts writes in ${ctx.regionName(to)}`, s.id, to, action.source);
    ctx.promoted(store, from, to, t);
}

/** "the Route 53 control plane"; some facts name theirs with the article ("the database management API"). */
function planeName(a: ActionM): string {
    const name = a.controlPlaneName;
    if (name === undefined) return 'the control plane';
    return `${name.startsWith('the ') ? name : `the ${name}`} control plane`;
}

function describe(a: ActionM): string {
    const target = a.target ? ` ${a.target.id}` : '';
    const where = a.region ? ` in ${a.region}` : '';
    return `${a.kind}${target}${where}`;
}

function targetId(ctx: EngineContext, f: FailoverRuntime): string {
    return failoverTargetId(ctx.plan, f.plan);
}
