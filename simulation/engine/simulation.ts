// The discrete-event engine. One pass over the event queue from 0 to the scenario's duration: Poisson write
// arrivals per stream, in-order replication deliveries per link, fault starts and ends, health-check probes,
// failover actions, DNS transitions and sample ticks. Writes are never objects: a write is a handful of
// typed-array updates chosen from outcome tables that are recomputed only when the state changes. Reads are a
// flow (rate × time), integrated in closed form between breakpoints (read-flow.ts), so read-heavy designs cost
// nothing extra.
import { corruptionEvents } from '../corruption.js';
import { FaultState } from '../faults.js';
import { homesGlobalDependency, PartialFaults } from '../partial-faults.js';
import { onPartialFaultEnd, onPartialFaultStart, updateCascade } from '../gray-detection.js';
import {
    initFailovers,
    onActionDone,
    onControlPlaneChange,
    onDetect,
    onManualDetect,
    onProbe,
    onRegionDown,
    onRegionUp,
    onRouteDelayed,
} from '../failover.js';
import { onElectionDone, updateLeadership } from '../leadership.js';
import { binOf, LatencyHistogram } from '../metrics/histogram.js';
import { IntervalLatencies } from '../metrics/interval-latencies.js';
import type { LatencyShape } from '../metrics/latency-shape.js';
import type { Plan, StorePlan, StreamPlan, WorkloadPlan } from '../plan.js';
import { StoreFate } from '../data-fate.js';
import { endSplitBrain, oldPrimaryStaysWritable, startSplitBrain, type SplitBrain } from '../split-brain.js';
import { drainSeconds } from '../drain.js';
import {
    applyRemote,
    ApplyResult,
    delayOf,
    KeyStates,
    stalled,
    trackedDueTime,
    visibilityWindow,
    windowBreak,
    windowSlope,
    WriteLog,
    type Heal,
    type Link,
} from '../replication.js';
import type { TimelineEvent } from '../report.js';
import { clauseOf } from '../clause.js';
import type { Source } from '../../language/semantics/model.js';
import {
    initialStoreRouting,
    nearestOf,
    readReplica,
    Status,
    writeOutcome,
    type StoreRouting,
    type WriteOutcome,
} from '../routing.js';
import type {
    Episode,
    FailoverRuntime,
    GroupRuntime,
    Probe,
    Run,
    ServiceRuntime,
    Transition,
    TransitionRoute,
} from '../runtime.js';
import {
    cellCost,
    emptyWork,
    groupSeries,
    groupState,
    logState,
    readCost,
    readFlowCost,
    sharedHomes,
    staleExposed,
    TERMS,
    type Work,
} from '../work.js';
import { formatCount, formatDuration } from '../../format/quantities.js';
import type { EngineContext, EngineOptions, GrayWatch, Landing, Loss, StoreCounters } from './context.js';
import { EventKind } from './event-kinds.js';
import { EventQueue, Rank } from './event-queue.js';
import { Random } from './random.js';
import { ReadFlow } from './read-flow.js';
import { ServiceCapacity } from '../service-capacity.js';

const EPSILON = 1e-9;
const TIMELINE_LIMIT = 400;

export class Simulation implements EngineContext {
    readonly faults: FaultState;
    /** Services and stores impaired in a region that stays up (`degrade`, `fail`), with their cascade. */
    readonly partial: PartialFaults;
    /** Health checks that watch a partial fault, and whether they noticed it (gray-detection.ts). */
    readonly grayWatches: GrayWatch[] = [];
    /** Regions whose storage a `destroy` fault removed: they never come back. */
    readonly destroyed: Uint8Array;
    readonly queue = new EventQueue(256);
    readonly weight: number;
    readonly classes: number;
    now = 0;
    events = 0;
    simulatedWrites = 0;
    /** Replication deliveries applied in bulk by `advance` (each one an event at its own due time). */
    appliesInBulk = 0;
    stopped = false;
    /** Work besides events, in the units `estimateWork` bounds (simulation/work.ts), and the state changes. */
    readonly work: Work = emptyWork();
    stateChanges = 0;
    /** Per group: outcome-table steps of one slot's refresh, and read-flow steps of one integration. */
    private readonly tableSteps: Float64Array;
    private readonly readFlowSteps: Float64Array;
    private readonly streamSteps: number;

    private readonly arrivals: Random;
    private readonly choices: Random;
    private readonly keyDraws: Random;
    readonly control: Random;
    /** Health checks' error draws under a partial fault (a stream of its own: other designs' runs stay identical). */
    readonly health: Random;
    /** Engines' processing times (processing-time.ts): a stream of its own, so the others draw as before. */
    private readonly processingDraws: Random;

    readonly storeRouting: StoreRouting[];
    readonly storeCounters: StoreCounters[];
    /** Per store: writes stranded in a cut-off replica, and what became of them. */
    readonly fates: StoreFate[];
    /** Promotions that left the old primary taking writes, in order; per store the open one (or undefined). */
    readonly splitBrains: SplitBrain[] = [];
    private readonly openSplitBrain: (SplitBrain | undefined)[];
    readonly services: ServiceRuntime[];
    readonly groups: GroupRuntime[];
    readonly groupsOfService: number[][];
    private readonly serviceCapacity: ServiceCapacity;
    /** The write streams of each group, in stream order. */
    private readonly streamsOf: StreamPlan[][];
    readonly logs: (WriteLog | undefined)[][];
    readonly links: Link[] = [];
    readonly linksFrom: Link[][][];
    readonly linkOf: (Link | undefined)[][][];
    readonly keyStates: (KeyStates | undefined)[];
    readonly syncLastWrite: (Float64Array | undefined)[];
    /** Per store, per workload: keys below this index are tracked key by key. */
    readonly trackedLimit: Map<number, number>[];
    readonly conflictScale: Float64Array;
    /** Per workload: shared keys drawn from (the declared shared keys, thinned by the sampling factor). */
    readonly sharedSpace: Float64Array;
    /** Per store: where the writes of its main writing workload land now (for stale-read estimates). */
    readonly landing: (Landing | undefined)[];

    readonly failovers: FailoverRuntime[] = [];
    readonly probes: Probe[] = [];
    readonly runs: Run[] = [];
    /** Runs that may still be running or blocked, in creation order (the others are dropped lazily). */
    activeRuns: Run[] = [];
    readonly episodes: Episode[] = [];
    readonly timeline: TimelineEvent[] = [];
    timelineDropped = 0;
    readonly notes: string[] = [];

    readonly sampleIntervalMs: number;
    readonly ticks: number;
    tick = 0;
    readonly lagSeries: Float64Array[];
    /** Per store: when the backlog of its links healed last has all arrived (reads until then are `duringDrain`). */
    readonly drainUntil: Float64Array;

    private readonly scratch: WriteOutcome = { status: 0, location: -1, latencyMs: 0 };

    constructor(
        readonly plan: Plan,
        readonly options: EngineOptions,
    ) {
        const R = plan.regions.length;
        this.faults = new FaultState(plan);
        this.partial = new PartialFaults(plan);
        this.destroyed = new Uint8Array(R);
        this.weight = options.sampling;
        this.classes = R + 1;
        const root = Random.fromSeed(options.seed);
        this.arrivals = root.fork();
        this.choices = root.fork();
        this.keyDraws = root.fork();
        this.control = root.fork();
        this.health = root.fork();
        this.processingDraws = root.fork();
        this.sampleIntervalMs = options.sampleIntervalMs;
        this.ticks = Math.max(1, Math.ceil(plan.durationMs / options.sampleIntervalMs));
        this.tableSteps = Float64Array.from(plan.groups, (g) => {
            let steps = 0;
            for (const s of g.writes) steps += g.classes.length * cellCost(plan.stores[s]!, R);
            for (const s of g.readsFrom) steps += readCost(plan.stores[s]!, R);
            return steps;
        });
        this.readFlowSteps = Float64Array.from(plan.groups, (g) =>
            g.readRate > 0 ? readFlowCost(g.readsFrom.map((s) => plan.stores[s]!)).describe : 0,
        );
        let streamSteps = 0;
        for (const st of plan.streams)
            streamSteps += plan.groups[st.group]!.writes.length * (1 + sharedHomes(plan.workloads[st.workload]!));
        this.streamSteps = streamSteps;
        this.work.state += R * R + plan.stores.length * R;
        for (const s of plan.stores) this.work.tables += R * (1 + s.replicas.length);

        for (const f of plan.faults) {
            // The checker warns at the fault too; the report says why it is missing from the timeline.
            if (f.at >= plan.durationMs)
                this.notes.push(
                    `the ${f.label} at ${formatDuration(f.at)} (line ${f.line}) starts after the scenario ends at ${formatDuration(plan.durationMs)}, so it is not simulated: move it inside the scenario or lengthen the scenario`,
                );
        }
        this.storeRouting = plan.stores.map((s) => initialStoreRouting(plan, s));
        this.storeCounters = plan.stores.map((s) => ({
            acknowledged: 0,
            failed: 0,
            rejected: 0,
            conflictRejected: 0,
            lost: 0,
            rpoMs: -1,
            discarded: 0,
            overwritten: 0,
            merges: 0,
            siblings: 0,
            readsServed: 0,
            readsStale: 0,
            drainReadsServed: 0,
            drainReadsStale: 0,
            staleKnown: true,
            applied: new Float64Array(s.replicas.length),
            accepted: new Float64Array(s.replicas.length),
            losses: [],
            discardedAt: new Float64Array(s.replicas.length),
            mergesAt: new Float64Array(s.replicas.length),
            siblingsAt: new Float64Array(s.replicas.length),
        }));
        this.fates = plan.stores.map((s) => new StoreFate(s.index, s.replicas.length));
        this.openSplitBrain = plan.stores.map(() => undefined);
        this.services = plan.services.map((s) => ({
            plan: s,
            primary: s.primary,
            routable: Uint8Array.from(s.runsIn),
            capacity: Float64Array.from(s.capacity),
            capacityFactor: new Float64Array(R).fill(1),
            servedFactor: new Float64Array(R).fill(1),
        }));
        this.sharedSpace = Float64Array.from(plan.workloads, (w) =>
            w.sharedKeys > 0 ? Math.max(1, Math.round(w.sharedKeys / options.sampling)) : 0,
        );
        this.groupsOfService = plan.services.map(() => []);
        this.streamsOf = plan.groups.map(() => []);
        for (const s of plan.streams) this.streamsOf[s.group]!.push(s);
        this.groups = plan.groups.map((g) => this.createGroup(g.index));
        for (const g of plan.groups) if (g.kind === 'service') this.groupsOfService[g.target]!.push(g.index);
        this.serviceCapacity = new ServiceCapacity(plan, this.groupsOfService);

        this.logs = plan.stores.map(() => []);
        this.linksFrom = plan.stores.map(() => []);
        this.linkOf = plan.stores.map(() => []);
        this.keyStates = [];
        this.syncLastWrite = [];
        this.trackedLimit = [];
        this.conflictScale = new Float64Array(plan.stores.length).fill(1);
        for (const s of plan.stores) this.setUpStore(s);
        this.landing = plan.stores.map((s) => this.createLanding(s.index));
        this.lagSeries = this.links.map(() => new Float64Array(this.ticks).fill(NaN));
        this.work.series += this.links.length * this.ticks;
        this.drainUntil = new Float64Array(plan.stores.length);
    }

    private createGroup(index: number): GroupRuntime {
        const g = this.plan.groups[index]!;
        const W = g.writes.length;
        const C = this.classes;
        const dest = g.kind === 'store' ? g.origin : this.initialDestination(g.target, g.origin);
        this.work.state += groupState(W, g.readsFrom.length, C);
        this.work.series += groupSeries(W, this.ticks);
        return {
            plan: g,
            dest,
            previous: -1,
            transitionStamp: 0,
            status: new Int8Array(2 * W * C),
            location: new Int32Array(2 * W * C),
            latency: new Float64Array(2 * W * C),
            bin: new Int32Array(2 * W * C),
            requestStatus: new Int8Array(2 * C),
            requestLatency: new Float64Array(2 * C),
            requestBin: new Int32Array(2 * C),
            serviceProb: new Float64Array(2),
            readOk: new Float64Array(2),
            writeOk: new Float64Array(2),
            readReplica: new Int32Array(2 * g.readsFrom.length).fill(-1),
            counters: {
                writesOffered: 0,
                writesServed: 0,
                readsOffered: 0,
                readsServed: 0,
                staleReads: 0,
                rejected: 0,
                conflictRejected: 0,
            },
            histograms: new Array(W + 1).fill(undefined),
            pendingStoreWrites: new Float64Array(2 * W * C),
            pendingRequestWrites: new Float64Array(2 * C),
            intervalLatencies: Array.from({ length: W + 1 }, () => new IntervalLatencies()),
            processingMeans: processingMeansOf(this.plan, g.writes),
            reads: new ReadFlow(g.readsFrom.length),
            seriesOffered: new Float64Array(this.ticks),
            seriesServed: new Float64Array(this.ticks),
        };
    }

    /** Where users of `origin` go before anything fails: their own region for active-active, else the primary. */
    private initialDestination(service: number, origin: number): number {
        const serviceRuntime = this.services[service]!;
        if (!serviceRuntime.plan.activeActive) return serviceRuntime.primary;
        return this.routeActiveActive(serviceRuntime, origin);
    }

    routeActiveActive(s: ServiceRuntime, origin: number): number {
        if (s.plan.runsIn[origin] && s.routable[origin]) return origin;
        return nearestOf(this.plan, origin, s.plan.regions, (r) => s.routable[r] === 1);
    }

    private setUpStore(s: StorePlan): void {
        const replicaCount = s.replicas.length;
        const regionCount = this.plan.regions.length;
        if (s.tracksKeys && s.trackedKeys > 0) {
            // Each workload's shared keys (thinned like the writes when sampled), within the key-state budget.
            let needed = 0;
            for (const [w] of s.keyOffsets) needed += Math.max(1, this.sharedSpace[w]!);
            const cells = needed * replicaCount * (replicaCount + 2);
            const fraction = cells > this.options.maxKeyStateCells ? this.options.maxKeyStateCells / cells : 1;
            const limits = new Map<number, number>();
            let offset = 0;
            for (const [w] of s.keyOffsets) {
                const limit = Math.max(1, Math.floor(this.sharedSpace[w]! * fraction));
                limits.set(w, limit);
                s.keyOffsets.set(w, offset);
                offset += limit;
            }
            this.trackedLimit[s.index] = limits;
            if (fraction < 1) {
                this.conflictScale[s.index] = 1 / fraction;
                this.notes.push(
                    `${s.id}: conflicts are tracked on ${Math.round(fraction * 1000) / 10}% of its shared keys (a uniform sample) and scaled up, to keep the key state within the memory budget`,
                );
            }
            this.work.state += offset * replicaCount * (replicaCount + 2);
            if (s.mode === 'async') this.keyStates[s.index] = new KeyStates(offset, replicaCount);
            else this.syncLastWrite[s.index] = new Float64Array(offset * replicaCount).fill(-Infinity);
        } else {
            this.trackedLimit[s.index] = new Map();
        }
        if (s.mode !== 'async' || replicaCount < 2) return;
        const tracked = this.keyStates[s.index] !== undefined;
        for (let from = 0; from < replicaCount; from++) {
            const log = new WriteLog(replicaCount, replicaCount - 1, tracked);
            this.work.state += logState(replicaCount, tracked);
            this.logs[s.index]![from] = log;
            this.linksFrom[s.index]![from] = [];
            this.linkOf[s.index]![from] = [];
            for (let to = 0; to < replicaCount; to++) {
                if (to === from) continue;
                const fromReplica = s.replicas[from]!;
                const toReplica = s.replicas[to]!;
                const link: Link = {
                    index: this.links.length,
                    store: s,
                    fromSlot: from,
                    toSlot: to,
                    from: fromReplica,
                    to: toReplica,
                    column: this.linksFrom[s.index]![from]!.length,
                    oneWayMs: this.plan.rtt[fromReplica * regionCount + toReplica]! / 2,
                    log,
                    head: 0,
                    trackedHead: 0,
                    appendedDue: 0,
                    scheduled: false,
                    stamp: 0,
                    blocked: false,
                    blockedSince: 0,
                    resumeAt: 0,
                    lastApplied: 0,
                    intervalMaxLag: -1,
                    maxDelay: -1,
                    maxHeld: -1,
                    heals: [],
                    healWatch: Infinity,
                    gapMs: Number.isFinite(s.drain.catchUpPerS) ? (this.weight * 1_000) / s.drain.catchUpPerS : 0,
                    draining: undefined,
                    drainFree: 0,
                };
                this.links.push(link);
                this.linksFrom[s.index]![from]!.push(link);
                this.linkOf[s.index]![from]![to] = link;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the run

    run(): void {
        const plan = this.plan;
        for (const f of plan.faults) {
            this.queue.push(f.at, Rank.fault, EventKind.faultStart, f.index);
            // A destroy never ends; a corruption is one moment (corruption.ts follows what it reaches).
            if (f.kind !== 'destroy' && f.kind !== 'corrupt')
                this.queue.push(f.until, Rank.fault, EventKind.faultEnd, f.index);
        }
        initFailovers(this);
        for (const s of plan.streams) {
            if (s.rate <= 0) continue;
            this.queue.push(this.nextArrivalGap(s), Rank.arrival, EventKind.arrival, s.index);
        }
        for (let k = 1; k <= this.ticks; k++)
            this.queue.push(Math.min(k * this.sampleIntervalMs, plan.durationMs), Rank.tick, EventKind.tick, k);
        this.refresh();
        this.refreshFluid(0);
        this.evaluateEpisodes(0);

        const end = plan.durationMs;
        const queue = this.queue;
        while (queue.size > 0) {
            const t = queue.peekTime();
            if (t > end) break;
            this.now = t;
            if ((++this.events & 0x3fff) === 0 && this.checkpoint()) return;
            const kind = queue.peekKind();
            if (kind === EventKind.arrival) this.onArrival(t);
            else if (kind === EventKind.delivery) this.onDelivery(t);
            else {
                queue.pop();
                this.onControl(queue.kind, queue.arg, queue.stamp, t);
            }
        }
        this.finish(end);
    }

    private checkpoint(): boolean {
        if (this.options.shouldStop?.()) {
            this.stopped = true;
            return true;
        }
        return false;
    }

    private nextArrivalGap(s: StreamPlan): number {
        // Rate per ms of the simulated (possibly thinned) stream.
        return this.arrivals.exponential(s.rate / 1_000 / this.weight);
    }

    private onArrival(t: number): void {
        const stream = this.plan.streams[this.queue.peekArgValue()]!;
        this.queue.popPush(t + this.nextArrivalGap(stream), Rank.arrival, EventKind.arrival, stream.index);
        this.simulatedWrites++;
        this.write(stream, this.groups[stream.group]!, t);
    }

    private write(stream: StreamPlan, g: GroupRuntime, t: number): void {
        const w = this.weight;
        const c = g.counters;
        c.writesOffered += w;
        const tick = this.tick < this.ticks ? this.tick : this.ticks - 1;
        g.seriesOffered[tick]! += w;
        let slot = 0;
        const tr = g.transition;
        if (tr !== undefined) {
            const f = movedFraction(tr, t);
            if (f < 1 && (f <= 0 || this.choices.chance() >= f)) slot = 1;
        }
        const sp = g.serviceProb[slot]!;
        if (sp < 1 && (sp <= 0 || this.choices.chance() >= sp)) return;

        const workload = this.plan.workloads[stream.workload]!;
        let cls = 0;
        let key = -1;
        if (workload.sharedShare > 0 && this.keyDraws.chance() < workload.sharedShare) {
            const space = this.sharedSpace[workload.index]!;
            key = this.keyDraws.below(space);
            cls = 1 + homeOf(workload, key / space);
        }
        const C = this.classes;
        const writes = g.plan.writes;
        const W = writes.length;
        const rs = g.requestStatus[slot * C + cls]!;
        if (rs !== Status.ok) {
            if (rs === Status.noQuorum) c.rejected += w;
            for (let j = 0; j < W; j++) {
                const st = g.status[(slot * W + j) * C + cls]!;
                if (st === Status.noQuorum) this.storeCounters[writes[j]!]!.rejected += w;
                else if (st === Status.unavailable) this.storeCounters[writes[j]!]!.failed += w;
            }
            return;
        }
        for (let j = 0; j < W; j++) {
            const s = writes[j]!;
            const ls = this.syncLastWrite[s];
            if (ls === undefined || key < 0) continue;
            const limit = this.trackedLimit[s]!.get(workload.index) ?? 0;
            if (key >= limit) continue;
            if (
                this.syncConflict(
                    s,
                    ls,
                    key + this.plan.stores[s]!.keyOffsets.get(workload.index)!,
                    g.location[(slot * W + j) * C + cls]!,
                    t,
                )
            ) {
                c.conflictRejected += w;
                this.storeCounters[s]!.conflictRejected += w * this.conflictScale[s]!;
                return;
            }
        }
        const means = g.processingMeans;
        const r = slot * C + cls;
        if (means === undefined) {
            for (let j = 0; j < W; j++) {
                const index = (slot * W + j) * C + cls;
                g.pendingStoreWrites[index]! += w;
                this.applyLocal(
                    writes[j]!,
                    g,
                    j,
                    g.location[index]!,
                    g.latency[index]!,
                    g.bin[index]!,
                    key,
                    workload,
                    t,
                );
            }
            this.histogram(g, W).add(g.requestBin[r]!, g.requestLatency[r]!, w);
        } else {
            // Each store's processing time is drawn; the request waits for the slowest store.
            let slowest = -Infinity;
            for (let j = 0; j < W; j++) {
                const index = (slot * W + j) * C + cls;
                g.pendingStoreWrites[index]! += w;
                const mean = means[j]!;
                let latency = g.latency[index]!;
                let bin = g.bin[index]!;
                if (mean > 0) {
                    latency += this.processingDraws.exponential(1 / mean);
                    bin = binOf(latency);
                }
                if (latency > slowest) slowest = latency;
                this.applyLocal(writes[j]!, g, j, g.location[index]!, latency, bin, key, workload, t);
            }
            this.histogram(g, W).add(binOf(slowest), slowest, w);
        }
        g.pendingRequestWrites[r]! += w;
        c.writesServed += w;
        g.seriesServed[tick]! += w;
    }

    private histogram(g: GroupRuntime, j: number): LatencyHistogram {
        return (g.histograms[j] ??= new LatencyHistogram());
    }

    /**
     * Records the writes counted per outcome cell with the cell's latency in the current interval, and resets
     * the counts: called before the tables change and when an interval ends.
     */
    private flushLatencies(): void {
        const tick = this.tick < this.ticks ? this.tick : this.ticks - 1;
        const C = this.classes;
        for (const g of this.groups) {
            const W = g.plan.writes.length;
            const classes = g.plan.classes;
            const stores = g.pendingStoreWrites;
            const requests = g.pendingRequestWrites;
            this.work.scans += 2 * (W + 1) * classes.length;
            // Writes land only in the classes the group can draw; visited in the cells' order.
            for (let row = 0; row < 2 * W; row++) {
                for (const cls of classes) {
                    const index = row * C + cls;
                    const count = stores[index]!;
                    if (count === 0) continue;
                    const latency = g.latency[index]!;
                    const mean = g.processingMeans?.[row % W] ?? 0;
                    g.intervalLatencies[row % W]!.add(
                        tick,
                        latency,
                        count,
                        mean > 0 ? Float64Array.of(latency, mean) : undefined,
                    );
                    stores[index] = 0;
                }
            }
            for (let slot = 0; slot < 2; slot++) {
                for (const cls of classes) {
                    const r = slot * C + cls;
                    const count = requests[r]!;
                    if (count === 0) continue;
                    g.intervalLatencies[W]!.add(
                        tick,
                        g.requestLatency[r]!,
                        count,
                        g.processingMeans === undefined ? undefined : requestShape(g, slot, cls, C),
                    );
                    requests[r] = 0;
                }
            }
        }
    }

    private syncConflict(s: number, last: Float64Array, trackedKey: number, location: number, t: number): boolean {
        const store = this.plan.stores[s]!;
        const replicaCount = store.replicas.length;
        const regionCount = this.plan.regions.length;
        const slot = store.slotOf[location]!;
        for (let o = 0; o < replicaCount; o++) {
            if (o === slot) continue;
            const other = last[trackedKey * replicaCount + o]!;
            // The other region's write reaches this one RTT/2 after it was made; until then both are in flight.
            if (t < other + this.plan.rtt[store.replicas[o]! * regionCount + location]! / 2) return true;
        }
        last[trackedKey * replicaCount + slot] = t;
        return false;
    }

    private applyLocal(
        s: number,
        g: GroupRuntime,
        j: number,
        location: number,
        latency: number,
        bin: number,
        key: number,
        workload: WorkloadPlan,
        t: number,
    ): void {
        const weight = this.weight;
        const store = this.plan.stores[s]!;
        const counters = this.storeCounters[s]!;
        counters.acknowledged += weight;
        this.histogram(g, j).add(bin, latency, weight);
        const slot = store.slotOf[location]!;
        counters.applied[slot]! += weight;
        counters.accepted[slot]! += weight;
        const log = this.logs[s]![slot];
        // An unfenced old primary's writes go nowhere: the new primary does not replicate from it.
        if (log === undefined || location === this.storeRouting[s]!.stalePrimary) return;
        let tracked = -1;
        const states = this.keyStates[s];
        if (states !== undefined && key >= 0 && key < (this.trackedLimit[s]!.get(workload.index) ?? 0))
            tracked = key + store.keyOffsets.get(workload.index)!;
        const at = log.push(t, tracked);
        const links = this.linksFrom[s]![slot]!;
        for (let i = 0; i < links.length; i++) {
            const link = links[i]!;
            const delay = delayOf(link, t);
            if (t + delay > link.appendedDue) link.appendedDue = t + delay;
        }
        if (tracked < 0) return;
        states!.writeLocal(tracked, slot, t);
        states!.snapshot(tracked, slot, log.seen!, at * log.stride);
        const ring = log.trackedSlot(log.pushTracked());
        for (let i = 0; i < links.length; i++) {
            const link = links[i]!;
            log.trackedDue[ring * log.links + link.column] = link.appendedDue;
            if (!link.scheduled && !link.blocked) this.scheduleTracked(link);
        }
    }

    /** Schedules the delivery event of the link's next tracked entry, if it has one. */
    private scheduleTracked(link: Link): void {
        if (link.trackedHead >= link.log.trackedEnd) return;
        link.scheduled = true;
        this.queue.push(
            Math.max(trackedDueTime(link), this.now),
            Rank.delivery,
            EventKind.delivery,
            link.index,
            link.stamp,
        );
    }

    /**
     * Applies, in order, every entry of the link that is due by `t` (strictly before `t` when `inclusive` is
     * false: a fault at `t` comes before deliveries at `t`). Stops at a tracked entry: those have their own event.
     */
    private advance(link: Link, t: number, inclusive: boolean): void {
        const log = link.log;
        const end = log.end;
        if (link.head >= end || link.resumeAt === Infinity) return;
        const nextTracked =
            link.trackedHead < log.trackedEnd ? log.trackedAt[log.trackedSlot(link.trackedHead)]! : Infinity;
        const stop = nextTracked < end ? nextTracked : end;
        const watch = link.healWatch;
        if (watch <= stop) {
            // Writes stranded in the source end at `watch`: stop there once to learn when the last one arrived.
            this.applyDue(link, t, inclusive, watch);
            if (link.head < watch) return this.trimLog(link.store.index, link.fromSlot, log);
            this.strandedDelivered(link, link.lastApplied);
        }
        this.applyDue(link, t, inclusive, stop);
        this.trimLog(link.store.index, link.fromSlot, log);
    }

    /** The bulk apply of `advance`, up to the absolute index `stop`. */
    private applyDue(link: Link, t: number, inclusive: boolean, stop: number): void {
        const log = link.log;
        let head = link.head;
        let lastApplied = link.lastApplied;
        let maxLag = link.intervalMaxLag;
        let maxDelay = link.maxDelay;
        let maxHeld = link.maxHeld;
        const resumeAt = link.resumeAt;
        const times = log.times;
        const mask = times.length - 1;
        const simple = link.store.spikes.length === 0;
        // Without spikes the delay is the same for every entry: computed once, by the one implementation.
        const delay = simple ? delayOf(link, 0) : 0;
        const gap = link.gapMs;
        let draining = link.draining !== undefined;
        let free = link.drainFree;
        while (head < stop) {
            const sent = times[head & mask]!;
            const natural = sent + (simple ? delay : delayOf(link, sent));
            let due = natural < resumeAt ? resumeAt : natural;
            if (draining) {
                // Queued behind the backlog, or arriving to an empty queue: then the drain ended with the last one.
                if (natural < free) due = free;
                else {
                    this.drained(link, lastApplied, head);
                    draining = false;
                }
            }
            if (lastApplied > due) due = lastApplied;
            if (due > t || (!inclusive && due === t)) break;
            if (draining) free = due + gap;
            lastApplied = due;
            const age = due - sent;
            if (age > maxLag) maxLag = age;
            if (natural < resumeAt) {
                if (age > maxHeld) maxHeld = age;
            } else if (age > maxDelay) maxDelay = age;
            head++;
        }
        this.storeCounters[link.store.index]!.applied[link.toSlot]! += (head - link.head) * this.weight;
        this.appliesInBulk += head - link.head;
        link.head = head;
        link.lastApplied = lastApplied;
        link.drainFree = free;
        if (draining && head === log.end && head > link.draining!.fromIndex) this.drained(link, lastApplied, head);
        link.intervalMaxLag = maxLag;
        link.maxDelay = maxDelay;
        link.maxHeld = maxHeld;
    }

    /** The backlog of the link's heal and what queued behind it are applied, the last at `t` (entries before `head`). */
    private drained(link: Link, t: number, head: number): void {
        const heal = link.draining!;
        link.draining = undefined;
        heal.drainedAt = t;
        heal.drainedWrites = (head - heal.fromIndex) * this.weight;
        heal.outcome = 'drained';
    }

    /** Every write stranded in the link's source has reached another replica (this link's) at `t`. */
    private strandedDelivered(link: Link, t: number): void {
        const storeIndex = link.store.index;
        for (const l of this.linksFrom[storeIndex]![link.fromSlot]!) l.healWatch = Infinity;
        const record = this.fates[storeIndex]!.delivered(link.fromSlot, t, this.weight);
        if (record === undefined || record.delivered <= 0) return;
        this.record(
            t,
            'writes-delivered',
            `${link.store.id}: the ${formatCount(record.delivered)} write${record.delivered === 1 ? '' : 's'} stranded in ${this.plan.regions[link.from]} since ${formatDuration(record.cutAt)} reached ${this.plan.regions[link.to]}, ${formatDuration(t - record.healedAt)} after it became reachable again`,
            link.store.id,
            link.from,
            record.fault >= 0 ? this.faultSource(record.fault) : undefined,
        );
    }

    /** The next tracked entry of a link is due: apply what precedes it, then it, against the key's state. */
    private onDelivery(t: number): void {
        const queue = this.queue;
        const link = this.links[queue.peekArgValue()]!;
        queue.pop();
        if (queue.stamp !== link.stamp) return;
        link.scheduled = false;
        this.advance(link, t, true);
        const log = link.log;
        const absolute = log.trackedAt[log.trackedSlot(link.trackedHead)]!;
        if (link.head !== absolute) return this.scheduleTracked(link);
        const at = log.slot(absolute);
        const sent = log.times[at]!;
        const weight = this.weight;
        const storeIndex = link.store.index;
        const counters = this.storeCounters[storeIndex]!;
        counters.applied[link.toSlot]! += weight;
        if (t - sent > link.intervalMaxLag) link.intervalMaxLag = t - sent;
        if (link.draining !== undefined) {
            if (sent + delayOf(link, sent) < link.drainFree) link.drainFree = t + link.gapMs;
            else this.drained(link, link.lastApplied, link.head);
        }
        if (sent + delayOf(link, sent) < link.resumeAt) {
            if (t - sent > link.maxHeld) link.maxHeld = t - sent;
        } else if (t - sent > link.maxDelay) link.maxDelay = t - sent;
        const states = this.keyStates[storeIndex]!;
        const key = log.keys[at]!;
        // The destination's value before: if it is discarded, was it a write stranded there until a heal?
        const replaced = states.valueTime[key * states.replicas + link.toSlot]!;
        const result = applyRemote(
            states,
            link.store.conflicts,
            key,
            link.toSlot,
            link.fromSlot,
            sent,
            log.seen!,
            at * log.stride,
        );
        const scaled = weight * this.conflictScale[storeIndex]!;
        if (result === ApplyResult.discardedLocal) {
            counters.discarded += scaled;
            counters.discardedAt[link.toSlot]! += scaled;
            if (this.fates[storeIndex]!.overwritten(link.toSlot, replaced, scaled)) counters.overwritten += scaled;
        } else if (result === ApplyResult.merged) {
            counters.merges += scaled;
            counters.mergesAt[link.toSlot]! += scaled;
        } else if (result === ApplyResult.sibling) {
            counters.siblings += scaled;
            counters.siblingsAt[link.toSlot]! += scaled;
        }
        link.head++;
        link.trackedHead++;
        link.lastApplied = t;
        if (link.head === link.healWatch) this.strandedDelivered(link, t);
        this.trimLog(storeIndex, link.fromSlot, log);
        this.scheduleTracked(link);
    }

    private trimLog(s: number, fromSlot: number, log: WriteLog): void {
        const links = this.linksFrom[s]![fromSlot]!;
        let min = log.end;
        let minTracked = log.trackedEnd;
        for (let i = 0; i < links.length; i++) {
            const link = links[i]!;
            if (link.head < min) min = link.head;
            if (link.trackedHead < minTracked) minTracked = link.trackedHead;
        }
        log.start = min;
        log.trackedStart = minTracked;
    }

    // ------------------------------------------------------------------------------------------ control events

    private onControl(kind: number, arg: number, stamp: number, t: number): void {
        switch (kind) {
            case EventKind.faultStart:
                return this.onFaultStart(arg, t);
            case EventKind.faultEnd:
                return this.onFaultEnd(arg, t);
            case EventKind.probe:
                return onProbe(this, this.probes[arg]!, stamp, t);
            case EventKind.detect:
                return onDetect(this, this.probes[arg]!, stamp, t);
            case EventKind.manualDetect:
                return onManualDetect(this, this.probes[arg]!, stamp, t);
            case EventKind.actionDone:
                return onActionDone(this, this.runs[arg]!, stamp, t);
            case EventKind.routeDelayed:
                return onRouteDelayed(this, this.runs[arg]!, stamp, t);
            case EventKind.transition:
                return this.onTransition(arg, stamp, t);
            case EventKind.tick:
                return this.onTick(arg, t);
            case EventKind.election:
                return onElectionDone(this, arg, stamp, t);
            default:
                return;
        }
    }

    private onFaultStart(index: number, t: number): void {
        const f = this.plan.faults[index]!;
        if (f.kind === 'corrupt') {
            // Nothing goes down: the corrupted data is served as if it were good until a restore.
            this.record(
                t,
                'fault-start',
                `${f.label}: the damage replicates to every replica`,
                null,
                null,
                this.faultSource(index),
            );
            // Its later steps are known now (corruption.ts); the report orders the timeline by time.
            for (const e of corruptionEvents(this.plan, f)) {
                if (e.atMs < this.plan.durationMs)
                    this.record(e.atMs, e.kind, e.text, e.target, e.region, this.faultSource(index));
            }
            return;
        }
        this.integrate(t);
        const down = f.kind === 'outage' || f.kind === 'destroy';
        const where =
            down || f.kind === 'control-plane' || f.kind === 'flap' || f.kind === 'degrade' || f.kind === 'fail'
                ? f.region
                : null;
        this.record(
            t,
            'fault-start',
            f.kind === 'destroy'
                ? `${f.label}: its storage is gone and it does not come back`
                : `${f.label} begins (for ${formatDuration(f.until - f.at)})`,
            null,
            where,
            this.faultSource(index),
        );
        if (f.kind === 'destroy') this.destroyRegion(f.region, t, index);
        this.faults.start(f);
        if (f.kind === 'degrade' || f.kind === 'fail') onPartialFaultStart(this, f, t);
        else if (homesGlobalDependency(this.plan, f)) updateCascade(this, index, t);
        this.afterFaultChange(t, index);
        if (down) onRegionDown(this, f.region, t);
    }

    private onFaultEnd(index: number, t: number): void {
        const f = this.plan.faults[index]!;
        this.integrate(t);
        this.faults.end(f);
        this.record(
            t,
            'fault-end',
            `${f.label} ends`,
            null,
            f.kind === 'outage' ||
                f.kind === 'control-plane' ||
                f.kind === 'flap' ||
                f.kind === 'degrade' ||
                f.kind === 'fail'
                ? f.region
                : null,
            this.faultSource(index),
        );
        if (f.kind === 'degrade' || f.kind === 'fail') onPartialFaultEnd(this, f, t);
        else if (homesGlobalDependency(this.plan, f)) updateCascade(this, index, t);
        this.afterFaultChange(t, index);
        if (f.kind === 'outage' && !this.faults.isDown(f.region)) {
            this.regionBack(f.region, t);
            onRegionUp(this, f.region, t);
        }
    }

    private afterFaultChange(t: number, fault: number): void {
        this.updateLinks(t, fault);
        onControlPlaneChange(this, t);
        updateLeadership(this, t);
        this.changed(t);
    }

    /** A region's storage is destroyed: what no other replica had applied yet is gone (RPO = lag: docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag). */
    private destroyRegion(region: number, t: number, fault: number): void {
        this.destroyed[region] = 1;
        this.work.scans += this.plan.stores.length;
        for (const store of this.plan.stores) {
            const slot = store.slotOf[region]!;
            const log = slot >= 0 ? this.logs[store.index]![slot] : undefined;
            if (log === undefined) continue;
            let kept = log.start;
            for (const link of this.linksFrom[store.index]![slot]!) {
                this.advance(link, t, false);
                if (link.head > kept) kept = link.head;
            }
            this.abandon(store.index, slot, kept, t, fault, 'destroyed', -1);
        }
    }

    /**
     * A single-writer store now accepts writes in `to` instead of `from` (a promotion): the writes `to` had not
     * applied are gone (docs/facts.md#aurora-managed-failover-time), and an old primary nothing fences keeps taking the
     * writes of its own region (split brain).
     */
    promoted(store: number, from: number, to: number, t: number): void {
        const storePlan = this.plan.stores[store]!;
        const routing = this.storeRouting[store]!;
        const counters = this.storeCounters[store]!;
        const previous = this.openSplitBrain[store];
        if (previous !== undefined) endSplitBrain(previous, t, counters.accepted, storePlan, false);
        this.openSplitBrain[store] = undefined;
        routing.stalePrimary = -1;
        if (oldPrimaryStaysWritable(storePlan) && from !== to && this.destroyed[from] === 0) {
            routing.stalePrimary = from;
            const splitBrain: SplitBrain = {
                store,
                oldPrimary: from,
                newPrimary: to,
                promotedAt: t,
                startAt: -1,
                endAt: -1,
                oldAtStart: 0,
                newAtStart: 0,
                oldWrites: 0,
                newWrites: 0,
            };
            this.splitBrains.push(splitBrain);
            this.openSplitBrain[store] = splitBrain;
            if (!this.faults.isDown(from)) this.splitBrainStarts(splitBrain, t);
        }
        this.abandonOldPrimary(store, from, to, t);
    }

    private splitBrainStarts(b: SplitBrain, t: number): void {
        const storePlan = this.plan.stores[b.store]!;
        startSplitBrain(b, t, this.storeCounters[b.store]!.accepted, storePlan);
        this.record(
            t,
            'split-brain',
            `${storePlan.id} has two primaries: ${this.plan.regions[b.oldPrimary]} is up and was not fenced when ${this.plan.regions[b.newPrimary]} was promoted, so writes issued in ${this.plan.regions[b.oldPrimary]} still land there and neither side sees the other's`,
            storePlan.id,
            b.oldPrimary,
        );
    }

    /** A region is up again: an unfenced old primary there takes writes next to the new one. */
    private regionBack(region: number, t: number): void {
        for (const b of this.openSplitBrain)
            if (b !== undefined && b.oldPrimary === region && b.startAt < 0) this.splitBrainStarts(b, t);
    }

    private abandonOldPrimary(store: number, from: number, to: number, t: number): void {
        const storePlan = this.plan.stores[store]!;
        const slot = storePlan.slotOf[from]!;
        const log = slot >= 0 ? this.logs[store]![slot] : undefined;
        const link = log !== undefined ? this.linkOf[store]![slot]![storePlan.slotOf[to]!] : undefined;
        if (log === undefined || link === undefined) return;
        this.advance(link, t, false);
        const open = this.fates[store]!.open[slot];
        this.abandon(store, slot, link.head, t, open !== undefined ? open.fault : this.latestFault(t), 'promotion', to);
    }

    /** The fault most recently started by `t` (what a failover without a cut-off reacted to), or -1. */
    private latestFault(t: number): number {
        let best = -1;
        for (const f of this.plan.faults)
            if (f.at <= t && (best < 0 || f.at >= this.plan.faults[best]!.at)) best = f.index;
        return best;
    }

    /** Drops the log of a replica from `kept` on: counted as lost, with the age of the oldest as the RPO. */
    private abandon(
        store: number,
        slot: number,
        kept: number,
        t: number,
        fault: number,
        cause: Loss['cause'],
        keptIn: number,
    ): void {
        const storePlan = this.plan.stores[store]!;
        const log = this.logs[store]![slot]!;
        const region = storePlan.replicas[slot]!;
        const record = this.fates[store]!.abandon(slot, t, kept, log, this.weight);
        const lost = (log.end - kept) * this.weight;
        const states = this.keyStates[store];
        if (states !== undefined) {
            // A lost write survives only in the abandoned replica's state: mark it so that, when the region
            // rejoins and is overwritten, it is not counted a second time as a silent discard.
            for (let i = kept; i < log.end; i++) {
                const key = log.keys[log.slot(i)]!;
                if (key >= 0) states.markLost(key, slot, log.timeAt(i));
            }
        }
        if (lost > 0) {
            const oldest = log.timeAt(kept);
            // The RPO counts from when the region stopped replicating: its cut-off, or now if it never was.
            const stoppedAt = record !== undefined && record.cutAt >= oldest ? record.cutAt : t;
            const rpo = stoppedAt - oldest;
            const counters = this.storeCounters[store]!;
            counters.lost += lost;
            if (rpo > counters.rpoMs) counters.rpoMs = rpo;
            counters.losses.push({ region, atMs: t, lostWrites: lost, rpoMs: rpo, fault, cause, keptIn });
            const why =
                cause === 'destroyed'
                    ? `destroyed with ${this.plan.regions[region]}`
                    : `abandoned in ${this.plan.regions[region]}: ${storePlan.id} now accepts writes in ${this.regionName(keptIn)}, which never received them`;
            this.record(
                t,
                'writes-lost',
                `${storePlan.id} loses ${formatCount(lost)} acknowledged write${lost === 1 ? '' : 's'} not yet replicated, ${why} (oldest ${formatDuration(rpo)} old when replication stopped)`,
                storePlan.id,
                region,
                cause === 'destroyed' && fault >= 0 ? this.faultSource(fault) : undefined,
            );
        }
        for (const link of this.linksFrom[store]![slot]!) {
            // What was still queued behind a heal's backlog is dropped with the log: the drain ends here.
            if (link.draining !== undefined) this.drained(link, t, link.head);
            link.head = log.end;
            link.trackedHead = log.trackedEnd;
            link.stamp++;
            link.scheduled = false;
            link.healWatch = Infinity;
        }
        log.start = log.end;
        log.trackedStart = log.trackedEnd;
    }

    /** Stalls links that can no longer deliver and lets the ones that can drain, after the lag. */
    private updateLinks(t: number, fault: number): void {
        this.work.scans += this.links.length;
        let changed: Link[] | undefined;
        for (const link of this.links) {
            const blocked = this.faults.unreachable(link.from, link.to);
            if (blocked === link.blocked) continue;
            (changed ??= []).push(link);
            if (blocked) {
                this.advance(link, t, false);
                if (link.draining !== undefined) link.draining.outcome = 'cut-again';
                link.draining = undefined;
                link.blocked = true;
                link.blockedSince = t;
                link.resumeAt = Infinity;
                link.stamp++;
                link.scheduled = false;
            } else {
                link.blocked = false;
                link.resumeAt = t + delayOf(link, t);
                const backlog = (link.log.end - link.head) * this.weight;
                if (backlog > 0) {
                    // The fluid estimate: writes keep arriving as they did while the link was cut.
                    const arrivalsPerMs = backlog / (link.resumeAt - link.blockedSince);
                    const expectedEnd =
                        link.resumeAt +
                        drainSeconds(backlog, link.store.drain.catchUpPerS, arrivalsPerMs * 1_000) * 1_000;
                    const heal: Heal = {
                        cutAt: link.blockedSince,
                        at: t,
                        backlog,
                        fromIndex: link.head,
                        arrivalsPerMs,
                        expectedEnd,
                        drainedAt: -1,
                        drainedWrites: 0,
                        outcome: 'draining',
                    };
                    link.heals.push(heal);
                    link.draining = heal;
                    link.drainFree = link.resumeAt;
                    const storeIndex = link.store.index;
                    if (staleExposed(link.store) && expectedEnd > this.drainUntil[storeIndex]!)
                        this.drainUntil[storeIndex] = expectedEnd;
                }
                this.scheduleTracked(link);
            }
        }
        if (changed !== undefined)
            for (const link of changed) this.updateCutOff(link.store.index, link.fromSlot, t, fault);
    }

    /**
     * A replica that can reach no other replica strands what it alone holds; once one link is back, that is
     * on its way, and delivered when that link has applied it all.
     */
    private updateCutOff(store: number, slot: number, t: number, fault: number): void {
        const links = this.linksFrom[store]![slot]!;
        const log = this.logs[store]![slot]!;
        const fate = this.fates[store]!;
        const open = fate.open[slot];
        const cutOff = open !== undefined && open.endIndex < 0;
        const region = this.plan.stores[store]!.replicas[slot]!;
        let isolated = true;
        // A live replica whose every peer is down still serves its users: what it alone holds is a backlog for
        // the peers' return, not stranded. It is stranded when its own region is down or a partition cuts it off.
        let peersAllDown = true;
        let furthest = log.start;
        for (const link of links) {
            if (!link.blocked) isolated = false;
            if (!this.faults.isDown(this.plan.stores[store]!.replicas[link.toSlot]!)) peersAllDown = false;
            if (link.head > furthest) furthest = link.head;
        }
        if (isolated && peersAllDown && !this.faults.isDown(region)) isolated = false;
        if (isolated && !cutOff && this.destroyed[region] === 0) {
            for (const link of links) link.healWatch = Infinity;
            const record = fate.cut(slot, t, fault, furthest, log, this.weight);
            const held = StoreFate.strandedCount(record, log) * this.weight;
            if (held > 0)
                this.record(
                    t,
                    'writes-stranded',
                    `${this.plan.stores[store]!.id}: ${formatCount(held)} acknowledged write${held === 1 ? '' : 's'} held only in ${this.plan.regions[region]} are stranded there until it is reachable again (kept, not lost)`,
                    this.plan.stores[store]!.id,
                    region,
                    fault >= 0 ? this.faultSource(fault) : undefined,
                );
        } else if (!isolated && cutOff) {
            const record = fate.heal(slot, t, log)!;
            if (furthest >= record.endIndex) {
                fate.delivered(slot, t, this.weight);
                return;
            }
            for (const link of links) link.healWatch = record.endIndex;
        }
    }

    private onTransition(group: number, stamp: number, t: number): void {
        const groupRuntime = this.groups[group]!;
        if (groupRuntime.transition === undefined || stamp !== groupRuntime.transitionStamp) return;
        this.integrate(t);
        if (t >= groupRuntime.transition.end) {
            groupRuntime.transition = undefined;
            groupRuntime.previous = -1;
            this.record(
                t,
                'traffic-moved',
                `all users of ${this.plan.regions[groupRuntime.plan.origin]} on ${groupRuntime.plan.targetId} now reach ${this.regionName(groupRuntime.dest)}`,
                groupRuntime.plan.targetId,
                groupRuntime.plan.origin,
            );
        }
        this.changed(t);
    }

    private onTick(k: number, t: number): void {
        this.integrate(t);
        const index = k - 1;
        this.work.scans += this.links.length;
        for (const link of this.links) {
            this.advance(link, t, true);
            const waiting = link.head < link.log.end ? t - link.log.timeAt(link.head) : -1;
            const lag = Math.max(link.intervalMaxLag, waiting);
            if (lag >= 0) this.lagSeries[link.index]![index] = lag;
            // The oldest write still waiting: held back by a stall, or on its way between live ends.
            if (stalled(link, t)) {
                if (waiting > link.maxHeld) link.maxHeld = waiting;
            } else if (waiting > link.maxDelay) link.maxDelay = waiting;
            link.intervalMaxLag = -1;
        }
        this.flushLatencies();
        this.tick = k;
        this.options.onProgress?.(Math.min(1, t / this.plan.durationMs));
    }

    private finish(end: number): void {
        this.now = end;
        this.integrate(end);
        this.flushLatencies();
        this.work.scans += this.links.length;
        for (const link of this.links) {
            this.advance(link, end, true);
            const heal = link.draining;
            if (heal === undefined) continue;
            heal.outcome = Number.isFinite(heal.expectedEnd) ? 'unfinished' : 'never-drains';
            heal.drainedWrites = (link.head - heal.fromIndex) * this.weight;
        }
        for (const b of this.openSplitBrain)
            if (b !== undefined)
                endSplitBrain(b, end, this.storeCounters[b.store]!.accepted, this.plan.stores[b.store]!, true);
        // Writes still on their way after a heal: what the furthest link has applied counts as delivered.
        for (const link of this.links) this.fates[link.store.index]!.settle(link.fromSlot, link.head, this.weight);
    }

    // ------------------------------------------------------------------------------------------ state changes

    /** Recomputes every outcome table, the read flow and the interruption episodes after a state change. */
    changed(t: number): void {
        this.stateChanges++;
        this.refresh();
        this.refreshFluid(t);
        this.evaluateEpisodes(t);
    }

    /** Moves users of `service` to where routing now sends them, over `route`'s DNS transition. */
    reroute(serviceIndex: number, route: TransitionRoute, t: number): void {
        const serviceRuntime = this.services[serviceIndex]!;
        this.work.scans += this.groupsOfService[serviceIndex]!.length;
        for (const gi of this.groupsOfService[serviceIndex]!) {
            const group = this.groups[gi]!;
            const target = serviceRuntime.plan.activeActive
                ? this.routeActiveActive(serviceRuntime, group.plan.origin)
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
            this.queue.push(t + route.ttlMs, Rank.control, EventKind.transition, gi, group.transitionStamp);
            if (tail > 0) this.queue.push(t + duration, Rank.control, EventKind.transition, gi, group.transitionStamp);
        }
    }

    private refresh(): void {
        this.flushLatencies();
        const plan = this.plan;
        const regionCount = plan.regions.length;
        this.work.scans += this.streamSteps + 3 * regionCount * this.landing.length;
        for (const s of this.services) this.work.scans += this.groupsOfService[s.plan.index]!.length + 2 * regionCount;
        this.work.scans += 2 * this.serviceCapacity.edgeCount * regionCount;
        this.serviceCapacity.update(this.services, this.groups);
        for (const g of this.groups) this.refreshGroup(g);
        this.refreshLanding();
    }

    private refreshGroup(g: GroupRuntime): void {
        const plan = this.plan;
        const regionCount = plan.regions.length;
        const classCount = this.classes;
        const writes = g.plan.writes;
        const writeCount = writes.length;
        const origin = g.plan.origin;
        this.work.tables += 2 * this.tableSteps[g.plan.index]!;
        for (let slot = 0; slot < 2; slot++) {
            const destination = slot === 0 ? g.dest : g.previous;
            let serviceProb = 0;
            let clientMs = 0;
            let from = destination;
            if (g.plan.kind === 'store') {
                // A degraded store answers its users in that region with errors and added latency.
                serviceProb = 1 - this.partial.storeErrorShare(g.plan.target, origin);
                clientMs = this.partial.storeAddedLatency(g.plan.target, origin);
                from = origin;
            } else if (destination >= 0) {
                const serviceRuntime = this.services[g.plan.target]!;
                serviceProb =
                    this.faults.isDown(destination) || !serviceRuntime.plan.runsIn[destination]
                        ? 0
                        : serviceRuntime.servedFactor[destination]! *
                          (1 - this.partial.serviceErrorShare(serviceRuntime.plan.index, destination));
                clientMs =
                    (destination === origin ? 0 : plan.rtt[origin * regionCount + destination]!) +
                    this.partial.serviceAddedLatency(serviceRuntime.plan.index, destination);
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
                        this.faults,
                        plan.stores[storeIndex]!,
                        this.storeRouting[storeIndex]!,
                        from,
                        home,
                        this.scratch,
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
                const replica = readReplica(plan, this.faults, plan.stores[s]!, this.storeRouting[s]!, from);
                g.readReplica[slot * g.plan.readsFrom.length + k] = replica;
                if (replica < 0) readOk = 0;
            });
            g.readOk[slot] = readOk;
            g.writeOk[slot] = this.writeSuccessShare(g, slot);
        }
    }

    /** Share of the group's writes that succeed from a slot, over the key classes each workload draws. */
    private writeSuccessShare(g: GroupRuntime, slot: number): number {
        const classCount = this.classes;
        let total = 0;
        let ok = 0;
        for (const stream of this.streamsOf[g.plan.index]!) {
            this.work.scans += 1 + sharedHomes(this.plan.workloads[stream.workload]!);
            const workload = this.plan.workloads[stream.workload]!;
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
    private createLanding(store: number): Landing | undefined {
        const regionCount = this.plan.regions.length;
        const rates = new Map<number, number>();
        for (const stream of this.plan.streams) {
            if (this.plan.groups[stream.group]!.writes.includes(store))
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
    private refreshLanding(): void {
        const classCount = this.classes;
        for (const l of this.landing) {
            if (!l) continue;
            l.shared.fill(0);
            l.other.fill(0);
            l.ownLocation.fill(-1);
        }
        for (const stream of this.plan.streams) {
            const workload = this.plan.workloads[stream.workload]!;
            const group = this.groups[stream.group]!;
            const writeCount = group.plan.writes.length;
            const perMs = (stream.rate / 1_000) * group.serviceProb[0]!;
            for (let j = 0; j < writeCount; j++) {
                const landing = this.landing[group.plan.writes[j]!];
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

    // ------------------------------------------------------------------------------------------ the read flow

    /**
     * Integrates reads from each group's last breakpoint to `t`, in closed form (engine/read-flow.ts), piece by
     * piece where a stalled link's backlog arrives in between (that changes a stale exposure's slope).
     */
    integrate(t: number): void {
        const tick = Math.min(this.tick, this.ticks - 1);
        this.work.scans += this.groups.length;
        for (const g of this.groups) {
            const flow = g.reads;
            if (g.plan.readRate <= 0) {
                if (t > flow.from) flow.from = t;
                continue;
            }
            while (flow.from < t) {
                const end = flow.until < t ? flow.until : t;
                const span = end - flow.from;
                const offered = (g.plan.readRate / 1_000) * span;
                this.work.reads += flow.integrate(span);
                const totals = flow.totals;
                g.counters.readsOffered += offered;
                g.counters.readsServed += totals.served;
                g.counters.staleReads += totals.stale;
                g.seriesOffered[tick]! += offered;
                g.seriesServed[tick]! += totals.served;
                for (let k = 0; k < totals.storeServed.length; k++) {
                    const store = g.plan.readsFrom[k]!;
                    const counters = this.storeCounters[store]!;
                    counters.readsServed += totals.storeServed[k]!;
                    counters.readsStale += totals.storeStale[k]!;
                    // The drain's end is a breakpoint (describeStaleness), so a piece is inside it or after it.
                    if (end <= this.drainUntil[store]!) {
                        counters.drainReadsServed += totals.storeServed[k]!;
                        counters.drainReadsStale += totals.storeStale[k]!;
                    }
                }
                flow.from = end;
                if (end >= flow.until) this.describeReads(g, end);
            }
        }
    }

    /** Re-reads every group's read flow at `t` after a state change: the start of the next piece. */
    refreshFluid(t: number): void {
        this.work.scans += this.groups.length;
        for (const g of this.groups) {
            if (t > g.reads.from) g.reads.from = t;
            if (g.plan.readRate > 0) this.describeReads(g, t);
        }
    }

    /**
     * The group's read flow from `t` on (values just after `t`): per slot, reads per ms served and their slope
     * over a DNS transition; per store read, the terms of the probability that a read is fresh.
     */
    private describeReads(g: GroupRuntime, t: number): void {
        this.work.reads += this.readFlowSteps[g.plan.index]!;
        const flow = g.reads;
        flow.from = t;
        flow.until = Infinity;
        const rate = g.plan.readRate / 1_000;
        const tr = g.transition;
        const moved = tr ? movedFraction(tr, t) : 1;
        const fSlope = tr ? movedSlope(tr, t) : 0;
        const readCount = g.plan.readsFrom.length;
        for (let slot = 0; slot < 2; slot++) {
            const scale = rate * g.serviceProb[slot]! * g.readOk[slot]!;
            flow.ok[slot] = scale * (slot === 0 ? moved : 1 - moved);
            flow.okSlope[slot] = scale * (slot === 0 ? fSlope : -fSlope);
            for (let k = 0; k < readCount; k++) {
                const until = this.describeStaleness(
                    g,
                    g.plan.readsFrom[k]!,
                    g.readReplica[slot * readCount + k]!,
                    t,
                    flow,
                    slot * readCount + k,
                );
                if (until < flow.until) flow.until = until;
            }
        }
    }

    /**
     * The fresh-read terms of a read of store `s` served by `replica` (cell `c` of `flow`): a read misses a
     * write already acknowledged elsewhere when its key has a write, landed in another region, still inside
     * that link's visibility window. Keys of the store's main writing workload are written as Poisson processes
     * (rate = writes / keys): shared keys from wherever they land; a user's own keys from where that user's
     * region writes (or, for readers with no writes of their own, any key, from wherever writes land). So
     *   P(fresh) = 1 − shared·(1 − e^{−Σ μ·window}) − own·(1 − e^{−Σ μ·window}),
     * each window linear in time until a stalled link's backlog arrives — returned, as the flow's next breakpoint.
     */
    private describeStaleness(
        g: GroupRuntime,
        s: number,
        replica: number,
        t: number,
        flow: ReadFlow,
        c: number,
    ): number {
        flow.keep[c] = 1;
        for (let j = 0; j < TERMS; j++) flow.coef[c * TERMS + j] = 0;
        // The end of a drain is a breakpoint: the reads during it are reported apart.
        const drained = this.drainUntil[s]! > t ? this.drainUntil[s]! : Infinity;
        const store = this.plan.stores[s]!;
        if (replica < 0 || !staleExposed(store)) return drained;
        const landing = this.landing[s];
        if (landing === undefined) return drained;
        const workload = this.plan.workloads[landing.workload]!;
        if (workload.keys === undefined) {
            this.storeCounters[s]!.staleKnown = false;
            return drained;
        }
        const to = store.slotOf[replica]!;
        let until = drained;
        const term = (j: number, share: number, perKey: (from: number) => number): void => {
            let x = 0;
            let slope = 0;
            for (let from = 0; from < store.replicas.length; from++) {
                const mu = from === to ? 0 : perKey(from);
                if (mu <= 0) continue;
                const link = this.linkOf[s]![from]![to]!;
                x += mu * visibilityWindow(link, t);
                slope += mu * windowSlope(link, t);
                const next = windowBreak(link, t);
                if (next < until) until = next;
            }
            if (x <= 0 && slope <= 0) return;
            const i = c * TERMS + j;
            flow.keep[c]! -= share;
            flow.coef[i] = share;
            flow.x[i] = x;
            flow.slope[i] = slope;
        };
        const rateFrom =
            (rates: Float64Array, keys: number) =>
            (from: number): number =>
                keys > 0 ? rates[store.replicas[from]!]! / keys : 0;
        if (workload.sharedShare > 0) term(0, workload.sharedShare, rateFrom(landing.shared, workload.sharedKeys));
        if (workload.sharedShare < 1) {
            const own = landing.ownLocation[g.plan.origin]!;
            if (own < 0)
                term(1, 1 - workload.sharedShare, rateFrom(landing.other, workload.keys - workload.sharedKeys));
            else if (own !== replica) {
                const perKey = workload.model.writesPerS / 1_000 / workload.keys;
                const ownSlot = store.slotOf[own]!;
                term(1, 1 - workload.sharedShare, (from) => (from === ownSlot ? perKey : 0));
            }
        }
        if (flow.keep[c]! < 0) flow.keep[c] = 0;
        return until;
    }

    // ------------------------------------------------------------------------------------------ interruptions

    /** Share of a group's requests served at `t` (writes and reads, weighted by their rates). */
    servedShare(g: GroupRuntime, t: number): number {
        const total = g.plan.writeRate + g.plan.readRate;
        if (total <= 0) return 1;
        const moved = g.transition ? movedFraction(g.transition, t) : 1;
        let share = 0;
        for (let slot = 0; slot < 2; slot++) {
            const weight = slot === 0 ? moved : 1 - moved;
            if (weight <= 0) continue;
            share +=
                (weight *
                    g.serviceProb[slot]! *
                    (g.plan.writeRate * g.writeOk[slot]! + g.plan.readRate * g.readOk[slot]!)) /
                total;
        }
        return share;
    }

    evaluateEpisodes(t: number): void {
        this.work.scans += this.groups.length;
        for (const g of this.groups) {
            const share = this.servedShare(g, t);
            const e = g.episode;
            if (share < 1 - EPSILON) {
                if (e === undefined) {
                    const active = this.faults.activeFaults().filter((i) => this.plan.faults[i]!.kind !== 'lag-spike');
                    this.work.scans += active.length;
                    const fault = active.length > 0 ? active[active.length - 1]! : -1;
                    const episode: Episode = { group: g.plan.index, fault, start: t, worstServed: share };
                    // Interrupted after the failover already acted (e.g. overloaded by users moved in): its
                    // detection and routing change are the ones that followed the same fault.
                    const since = fault >= 0 ? this.plan.faults[fault]!.at : t;
                    const seen = this.lastReaction.get(this.reactionKey(g));
                    if (seen?.detectionAt !== undefined && seen.detectionAt >= since)
                        episode.detectionAt = seen.detectionAt;
                    if (seen?.routingAt !== undefined && seen.routingAt >= since) episode.routingAt = seen.routingAt;
                    g.episode = episode;
                    this.episodes.push(episode);
                    this.record(
                        t,
                        'interrupted',
                        `users of ${this.plan.regions[g.plan.origin]} on ${g.plan.targetId}: ${pct(1 - share)} of requests fail`,
                        g.plan.targetId,
                        g.plan.origin,
                        fault >= 0 ? this.faultSource(fault) : undefined,
                    );
                } else if (share < e.worstServed) e.worstServed = share;
            } else if (e !== undefined) {
                e.end = t;
                g.episode = undefined;
                const from = e.fault >= 0 ? this.plan.faults[e.fault]!.at : e.start;
                this.record(
                    t,
                    'recovered',
                    `users of ${this.plan.regions[g.plan.origin]} on ${g.plan.targetId} are served again (${formatDuration(t - from)} after ${e.fault >= 0 ? `the ${this.plan.faults[e.fault]!.label}` : 'the interruption'})`,
                    g.plan.targetId,
                    g.plan.origin,
                    e.fault >= 0 ? this.faultSource(e.fault) : undefined,
                );
            }
        }
    }

    /** Notes a detection or routing change on the open interruptions of a service's (or store's) users. */
    markEpisodes(targetKind: 'service' | 'store', target: number, field: 'detectionAt' | 'routingAt', t: number): void {
        const key = `${targetKind}:${target}`;
        const reaction = this.lastReaction.get(key) ?? {};
        reaction[field] = t;
        this.lastReaction.set(key, reaction);
        this.work.scans += this.groups.length;
        for (const g of this.groups) {
            const episode = g.episode;
            if (episode === undefined || episode[field] !== undefined) continue;
            const concerned =
                targetKind === 'service'
                    ? g.plan.kind === 'service' && g.plan.target === target
                    : g.plan.writes.includes(target) || g.plan.readsFrom.includes(target);
            if (concerned) episode[field] = t;
        }
    }

    /** The latest detection and routing change of each failover target (`service:i`, `store:i`). */
    private readonly lastReaction = new Map<string, { detectionAt?: number; routingAt?: number }>();

    private reactionKey(g: GroupRuntime): string {
        return `${g.plan.kind}:${g.plan.target}`;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** `cause`: the clause that made it happen (a fault, an action, a failover), which the results view reveals. */
    record(
        t: number,
        kind: TimelineEvent['kind'],
        text: string,
        target: string | null,
        region: number | null,
        cause?: Source,
    ): void {
        if (this.timeline.length >= TIMELINE_LIMIT) {
            this.timelineDropped++;
            return;
        }
        this.timeline.push({
            atMs: t,
            kind,
            text,
            target,
            region: region === null || region < 0 ? null : this.plan.regions[region]!,
            clause: cause ? clauseOf(cause) : null,
        });
    }

    /** The `at …` clause of a fault of the scenario. */
    faultSource(index: number): Source | undefined {
        return this.plan.scenario.faults[index]?.source;
    }

    regionName(region: number): string {
        return region >= 0 ? this.plan.regions[region]! : 'nowhere';
    }
}

/** Rate (per ms) at which users move to the new destination just after `t`: 1/TTL of the ordinary clients. */
export function movedSlope(tr: Transition, t: number): number {
    const elapsed = t - tr.start;
    if (elapsed < 0 || tr.ttlMs <= 0 || elapsed >= tr.ttlMs || t >= tr.end) return 0;
    return (1 - (tr.tailShare > 0 ? tr.tailShare : 0)) / tr.ttlMs;
}

/** Share of users that have moved to the new destination `t` ms into a DNS transition. */
export function movedFraction(tr: Transition, t: number): number {
    if (t >= tr.end) return 1;
    const elapsed = t - tr.start;
    if (elapsed <= 0) return 0;
    const ordinary = tr.ttlMs > 0 ? Math.min(1, elapsed / tr.ttlMs) : 1;
    const tail = tr.tailShare > 0 ? tr.tailShare : 0;
    return (1 - tail) * ordinary + (elapsed >= tr.ttlMs + tr.tailMs ? tail : 0);
}

/** Region a shared key is homed in: keys are spread over the workload's write origins by their shares. */
function homeOf(w: WorkloadPlan, u: number): number {
    const cut = w.homeCut;
    for (let i = 0; i < cut.length; i++) if (u < cut[i]!) return w.homeRegion[i]!;
    return w.homeRegion[cut.length - 1]!;
}

function pct(share: number): string {
    return `${Math.round(share * 1000) / 10}%`;
}

/** Per store a group writes, its processing time's mean (0: not modelled); undefined when none is modelled. */
function processingMeansOf(plan: Plan, writes: readonly number[]): Float64Array | undefined {
    const means = Float64Array.from(writes, (s) => plan.stores[s]!.processing?.meanMs ?? 0);
    return means.some((m) => m > 0) ? means : undefined;
}

/** A whole request's latency distribution in one cell: every store it writes, each with its processing time. */
function requestShape(g: GroupRuntime, slot: number, cls: number, C: number): LatencyShape {
    const W = g.plan.writes.length;
    const shape = new Float64Array(2 * W);
    for (let j = 0; j < W; j++) {
        shape[2 * j] = g.latency[(slot * W + j) * C + cls]!;
        shape[2 * j + 1] = g.processingMeans![j]!;
    }
    return shape;
}
