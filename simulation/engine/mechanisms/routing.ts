// Routing: where each group's users go and what their requests find there. Writes and reads are table
// lookups: after every state change the outcome tables of each group (per slot — where users go now and,
// during a DNS transition, where they went before — per store written and key class: status, location,
// latency) are recomputed from the faults, the partial faults, capacity and the stores' routing (routing.ts).
// Also moves users when a failover reroutes a service, over the route's DNS transition.
import { binOf } from '../../metrics/histogram.js';
import type { Plan, StreamPlan } from '../../plan.js';
import { nearestOf, readReplica, Status, writeOutcome, type WriteOutcome } from '../../routing.js';
import type { GroupRuntime, ServiceRuntime, TransitionRoute } from '../../runtime.js';
import { ServiceCapacity } from '../../service-capacity.js';
import { cellCost, readCost, sharedHomes } from '../../work.js';
import type { EngineContext, Landing, RunState } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';

/** What routing keeps to itself: per group its table steps and streams, capacity, and a scratch outcome. */
export class RoutingTables {
    /** Per group: outcome-table steps of one slot's refresh (the work `estimateWork` bounds). */
    readonly tableSteps: Float64Array;
    readonly streamSteps: number;
    /** The write streams of each group, in stream order. */
    readonly streamsOf: StreamPlan[][];
    readonly scratch: WriteOutcome = { status: 0, location: -1, latencyMs: 0 };

    constructor(
        plan: Plan,
        readonly serviceCapacity: ServiceCapacity,
    ) {
        const R = plan.regions.length;
        this.tableSteps = Float64Array.from(plan.groups, (g) => {
            let steps = 0;
            for (const s of g.writes) steps += g.classes.length * cellCost(plan.stores[s]!, R);
            for (const s of g.readsFrom) steps += readCost(plan.stores[s]!, R);
            return steps;
        });
        let streamSteps = 0;
        for (const st of plan.streams)
            streamSteps += plan.groups[st.group]!.writes.length * (1 + sharedHomes(plan.workloads[st.workload]!));
        this.streamSteps = streamSteps;
        this.streamsOf = plan.groups.map(() => []);
        for (const s of plan.streams) this.streamsOf[s.group]!.push(s);
    }
}

export function routingTables(run: RunState): RoutingTables {
    return new RoutingTables(run.plan, new ServiceCapacity(run.plan, run.groupsOfService, run.serviceLoad));
}

/** Where users of `origin` go before anything fails: their own region for active-active, else the primary. */
export function initialDestination(run: RunState, service: number, origin: number): number {
    const serviceRuntime = run.services[service]!;
    if (!serviceRuntime.plan.activeActive) return serviceRuntime.primary;
    return routeActiveActive(run, serviceRuntime, origin);
}

function routeActiveActive(run: RunState, s: ServiceRuntime, origin: number): number {
    if (s.plan.runsIn[origin] && s.routable[origin]) return origin;
    return nearestOf(run.plan, origin, s.plan.regions, (r) => s.routable[r] === 1);
}

/** Recomputes every group's outcome tables and where each store's writes land (after the latencies are flushed). */
export function refreshTables(run: RunState, tables: RoutingTables): void {
    const plan = run.plan;
    const regionCount = plan.regions.length;
    run.work.scans += tables.streamSteps + 3 * regionCount * run.landing.length;
    for (const s of run.services) run.work.scans += run.groupsOfService[s.plan.index]!.length + 2 * regionCount;
    run.work.scans += 2 * tables.serviceCapacity.edgeCount * regionCount;
    tables.serviceCapacity.update(run.services, run.groups, run.partial, run.now);
    for (const g of run.groups) refreshGroup(run, tables, g);
    refreshLanding(run);
    run.cacheReaders?.observe(run.groups, run.faults, run.now);
}

function refreshGroup(run: RunState, tables: RoutingTables, g: GroupRuntime): void {
    const plan = run.plan;
    const regionCount = plan.regions.length;
    const classCount = run.classes;
    const writes = g.plan.writes;
    const writeCount = writes.length;
    const origin = g.plan.origin;
    run.work.tables += 2 * tables.tableSteps[g.plan.index]!;
    for (let slot = 0; slot < 2; slot++) {
        const destination = slot === 0 ? g.dest : g.previous;
        let serviceProb = 0;
        let clientMs = 0;
        let from = destination;
        if (g.plan.kind === 'store') {
            // A degraded store answers its users in that region with errors and added latency.
            serviceProb = 1 - run.partial.storeErrorShare(g.plan.target, origin);
            clientMs = run.partial.storeAddedLatency(g.plan.target, origin);
            from = origin;
        } else if (destination >= 0) {
            const serviceRuntime = run.services[g.plan.target]!;
            serviceProb =
                run.faults.isDown(destination) || !serviceRuntime.plan.runsIn[destination]
                    ? 0
                    : serviceRuntime.servedFactor[destination]! *
                      (1 - run.partial.serviceErrorShare(serviceRuntime.plan.index, destination));
            clientMs =
                (destination === origin ? 0 : plan.rtt[origin * regionCount + destination]!) +
                run.partial.serviceAddedLatency(serviceRuntime.plan.index, destination);
        }
        g.serviceProb[slot] = serviceProb;
        // Only the key classes its writes can draw (the origin's own keys, and the homes of shared keys).
        for (const cls of g.plan.classes) {
            let status: number = Status.ok;
            let slowest = 0;
            for (let j = 0; j < writeCount; j++) {
                const storeIndex = writes[j]!;
                const home = cls === 0 ? origin : cls - 1;
                const outcome = writeOutcome(
                    plan,
                    run.faults,
                    plan.stores[storeIndex]!,
                    run.storeRouting[storeIndex]!,
                    from,
                    home,
                    tables.scratch,
                );
                const index = (slot * writeCount + j) * classCount + cls;
                g.status[index] = outcome.status;
                g.location[index] = outcome.location;
                const latency = clientMs + outcome.latencyMs;
                g.latency[index] = latency;
                g.bin[index] = binOf(latency);
                if (outcome.status > status) status = outcome.status;
                if (outcome.latencyMs > slowest) slowest = outcome.latencyMs;
            }
            g.requestStatus[slot * classCount + cls] = status;
            g.requestLatency[slot * classCount + cls] = clientMs + slowest;
            g.requestBin[slot * classCount + cls] = binOf(clientMs + slowest);
        }
        let readOk = 1;
        g.plan.readsFrom.forEach((s, k) => {
            const replica = readReplica(plan, run.faults, plan.stores[s]!, run.storeRouting[s]!, from);
            g.readReplica[slot * g.plan.readsFrom.length + k] = replica;
            if (replica < 0) readOk = 0;
        });
        g.readOk[slot] = readOk;
        g.writeOk[slot] = writeSuccessShare(run, tables, g, slot);
    }
}

/** Share of the group's writes that succeed from a slot, over the key classes each workload draws. */
function writeSuccessShare(run: RunState, tables: RoutingTables, g: GroupRuntime, slot: number): number {
    const classCount = run.classes;
    let total = 0;
    let ok = 0;
    for (const stream of tables.streamsOf[g.plan.index]!) {
        run.work.scans += 1 + sharedHomes(run.plan.workloads[stream.workload]!);
        const workload = run.plan.workloads[stream.workload]!;
        let share = (1 - workload.sharedShare) * (g.requestStatus[slot * classCount]! === Status.ok ? 1 : 0);
        for (let i = 0; i < sharedHomes(workload); i++) {
            const part = workload.homeCut[i]! - (i === 0 ? 0 : workload.homeCut[i - 1]!);
            if (g.requestStatus[slot * classCount + 1 + workload.homeRegion[i]!]! === Status.ok)
                share += workload.sharedShare * part;
        }
        total += stream.rate;
        ok += stream.rate * share;
    }
    return total > 0 ? ok / total : 1;
}

/** The workload that writes a store the most: its key space is the one reads of the store are judged against. */
export function createLanding(plan: Plan, store: number): Landing | undefined {
    const regionCount = plan.regions.length;
    const rates = new Map<number, number>();
    for (const stream of plan.streams) {
        if (plan.groups[stream.group]!.writes.includes(store))
            rates.set(stream.workload, (rates.get(stream.workload) ?? 0) + stream.rate);
    }
    const best = [...rates.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best === undefined) return undefined;
    return {
        workload: best[0],
        shared: new Float64Array(regionCount),
        other: new Float64Array(regionCount),
        ownLocation: new Int32Array(regionCount).fill(-1),
    };
}

/** Where each store's main writing workload lands its writes now: shared keys, and each origin's own keys. */
function refreshLanding(run: RunState): void {
    const classCount = run.classes;
    for (const l of run.landing) {
        if (!l) continue;
        l.shared.fill(0);
        l.other.fill(0);
        l.ownLocation.fill(-1);
    }
    for (const stream of run.plan.streams) {
        const workload = run.plan.workloads[stream.workload]!;
        const group = run.groups[stream.group]!;
        const writeCount = group.plan.writes.length;
        const perMs = (stream.rate / 1_000) * group.serviceProb[0]!;
        for (let j = 0; j < writeCount; j++) {
            const landing = run.landing[group.plan.writes[j]!];
            if (landing === undefined || landing.workload !== workload.index) continue;
            if (group.status[j * classCount] === Status.ok) {
                const own = group.location[j * classCount]!;
                landing.other[own]! += perMs * (1 - workload.sharedShare);
                landing.ownLocation[group.plan.origin] = own;
            }
            for (let i = 0; i < sharedHomes(workload); i++) {
                const part = workload.homeCut[i]! - (i === 0 ? 0 : workload.homeCut[i - 1]!);
                const index = j * classCount + 1 + workload.homeRegion[i]!;
                if (group.status[index] === Status.ok)
                    landing.shared[group.location[index]!]! += perMs * workload.sharedShare * part;
            }
        }
    }
}

/** Moves users of `service` to where routing now sends them, over `route`'s DNS transition. */
export function reroute(run: RunState, serviceIndex: number, route: TransitionRoute, t: number): void {
    const serviceRuntime = run.services[serviceIndex]!;
    run.work.scans += run.groupsOfService[serviceIndex]!.length;
    for (const gi of run.groupsOfService[serviceIndex]!) {
        const group = run.groups[gi]!;
        const target = serviceRuntime.plan.activeActive
            ? routeActiveActive(run, serviceRuntime, group.plan.origin)
            : serviceRuntime.primary;
        if (target === group.dest) continue;
        const previous = group.dest;
        group.dest = target;
        const tail = route.tailShare > 0 ? route.tailMs : 0;
        const duration = route.ttlMs + tail;
        if (duration <= 0 || previous < 0) {
            group.previous = -1;
            group.transition = undefined;
            group.transitionStamp++;
            continue;
        }
        group.previous = previous;
        group.transition = { ...route, start: t, end: t + duration };
        group.transitionStamp++;
        // Breakpoints: the TTL's end (every ordinary client has moved) and the tail's end.
        run.queue.push(t + route.ttlMs, Rank.control, EventKind.transition, gi, group.transitionStamp);
        if (tail > 0) run.queue.push(t + duration, Rank.control, EventKind.transition, gi, group.transitionStamp);
    }
}

/** `EventKind.transition`: a breakpoint of a group's DNS transition (the TTL's end, the tail's end). */
export function onTransition(ctx: EngineContext, group: number, stamp: number, t: number): void {
    const groupRuntime = ctx.groups[group]!;
    if (groupRuntime.transition === undefined || stamp !== groupRuntime.transitionStamp) return;
    ctx.integrate(t);
    if (t >= groupRuntime.transition.end) {
        groupRuntime.transition = undefined;
        groupRuntime.previous = -1;
        ctx.record(
            t,
            'traffic-moved',
            `all users of ${ctx.plan.regions[groupRuntime.plan.origin]} on ${groupRuntime.plan.targetId} now reach ${ctx.regionName(groupRuntime.dest)}`,
            groupRuntime.plan.targetId,
            groupRuntime.plan.origin,
        );
    }
    ctx.changed(t);
}
