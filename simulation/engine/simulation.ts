// The engine's core: the clock, the event queue, the run's shared state and the one dispatch from an event's
// kind to the mechanism that owns it (engine/mechanisms/; ARCHITECTURE.md says how to add one). One pass from 0
// to the scenario's duration over the queue and, beside it, the writes' one arrival process (arrival-process.ts),
// the earlier of the two first. Writes, nearly every event, and tracked replication deliveries call their
// mechanism directly; the rest go through `dispatch`. The calls one mechanism makes into another (context.ts)
// are methods here that call the mechanism owning each, so every mechanism sees only the context, and the order
// of the reactions to a change is written once (`faultsChanged`, `changed`). Writes are never objects and reads
// are a flow: a state change costs a table refresh, not events.
import { FaultState } from '../faults.js';
import { PartialFaults } from '../partial-faults.js';
import type { Plan } from '../plan.js';
import { StoreFate } from '../data-fate.js';
import type { QueueState } from '../queues.js';
import type { SplitBrain } from '../split-brain.js';
import type { CounterStates, CounterSummary } from '../counter-increments.js';
import type { KeyStates, Link, WriteLog } from '../replication.js';
import type { TimelineEvent } from '../report.js';
import { clauseOf } from '../clause.js';
import type { Source } from '../../language/semantics/model.js';
import { initialStoreRouting, type StoreRouting } from '../routing.js';
import type {
    Episode,
    FailoverRuntime,
    GroupRuntime,
    Probe,
    Run,
    ServiceRuntime,
    TransitionRoute,
} from '../runtime.js';
import { emptyWork, groupSeries, groupState, type Work } from '../work.js';
import { formatDuration } from '../../format/quantities.js';
import type { EngineContext, EngineOptions, GrayWatch, Landing, StoreCounters } from './context.js';
import { EventKind } from './event-kinds.js';
import { EventQueue, Rank } from './event-queue.js';
import { Random } from './random.js';
import { ArrivalProcess } from './arrival-process.js';
import { SteadyWrites } from './steady-writes.js';
import { newGroup, newService, newStoreCounters } from './run-state.js';
import { evaluateEpisodes, markEpisodes, type Reactions } from './mechanisms/availability.js';
import { initFailovers, onDetect, onManualDetect, onProbe, onRegionDown, onRegionUp } from './mechanisms/detection.js';
import {
    failoverHealthy,
    onActionDone,
    onControlPlaneChange,
    onRouteDelayed,
    startFailover,
} from './mechanisms/failover.js';
import { onFaultEnd, onFaultStart, scheduleFaults } from './mechanisms/faults.js';
import { onElectionDone, updateLeadership } from './mechanisms/leadership.js';
import { integrate, readSteps, refreshFluid } from './mechanisms/reads.js';
import {
    createLanding,
    initialDestination,
    onTransition,
    refreshTables,
    reroute,
    routingTables,
    type RoutingTables,
} from './mechanisms/routing.js';
import { destroyRegion, finishSplitBrains, promoted, regionBack, type OpenSplitBrains } from './mechanisms/losses.js';
import {
    advance,
    appendWrite,
    finishLinks,
    onDelivery,
    setUpStore,
    sampleLinks,
    settleFates,
    summarizeCounters,
    updateLinks,
} from './mechanisms/replication.js';
import { releaseDemoted, throttles } from './mechanisms/staleness.js';
import { finishQueues, onCheckpoint, queuesChanged, scheduleCheckpoints, setUpQueues } from './mechanisms/queues.js';
import { flushLatencies, onArrival, processingMeansOf, settleCounts, type WriteDraws } from './mechanisms/writes.js';
import { CacheReaders } from '../cold-cache.js';
import type { LoadStep } from '../service-capacity.js';
import { stalenessBound, type StalenessBound } from '../staleness-bound.js';

const TIMELINE_LIMIT = 400;

export class Simulation implements EngineContext {
    readonly faults: FaultState;
    /** Services and stores impaired in a region that stays up (`degrade`, `fail`), with their cascade. */
    readonly partial: PartialFaults;
    /** Health checks that watch a partial fault (faults.ts opens them) and whether they noticed it (detection.ts). */
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
    /** Routing's own state: table steps, streams per group, capacity (mechanisms/routing.ts). */
    private readonly tables: RoutingTables;
    /** Per group: read-flow steps of one description (mechanisms/reads.ts). */
    private readonly readSteps: Float64Array;
    /** The latest detection and routing change of each failover target (mechanisms/availability.ts). */
    private readonly reactions: Reactions = new Map();

    /** The streams writes draw from (mechanisms/writes.ts). */
    private readonly draws: WriteDraws;
    private readonly arrivals: ArrivalProcess;
    private readonly steady: SteadyWrites;
    readonly control: Random;
    /** Health checks' error draws under a partial fault (a stream of its own: other designs' runs stay identical). */
    readonly health: Random;

    readonly storeRouting: StoreRouting[];
    readonly storeCounters: StoreCounters[];
    /** Per store: writes stranded in a cut-off replica, and what became of them. */
    readonly fates: StoreFate[];
    /** Promotions that left the old primary taking writes, in order; per store the open one (or undefined). */
    readonly splitBrains: SplitBrain[] = [];
    private readonly openSplitBrain: OpenSplitBrains;
    /** Per bounded-staleness store: its bounds and the writes they throttled (mechanisms/staleness.ts). */
    readonly staleness: (StalenessBound | undefined)[];
    readonly stalenessBounded: boolean;
    /** Queues and streams (mechanisms/queues.ts). */
    readonly queues: QueueState;
    /** What a region of a service with retries or a capacity was offered, per change (mechanisms/routing.ts). */
    readonly serviceLoad: LoadStep[][];
    /** Where cache readers were served, per change (mechanisms/routing.ts); null without a `caches` clause. */
    readonly cacheReaders: CacheReaders | null;
    readonly services: ServiceRuntime[];
    readonly groups: GroupRuntime[];
    readonly groupsOfService: number[][];
    readonly logs: (WriteLog | undefined)[][];
    readonly logIn: (WriteLog | undefined)[][];
    readonly links: Link[] = [];
    readonly linksFrom: Link[][][];
    readonly linkOf: (Link | undefined)[][][];
    readonly keyStates: (KeyStates | undefined)[];
    readonly counterStates: (CounterStates | undefined)[] = [];
    readonly counterSummaries: (CounterSummary | undefined)[] = [];
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
        // Forked in this order whatever the design: each stream draws the same numbers as before a change elsewhere.
        const arrivals = root.fork();
        const choices = root.fork();
        const keyDraws = root.fork();
        this.control = root.fork();
        this.health = root.fork();
        this.draws = { choices, keyDraws, processing: root.fork() };
        this.arrivals = ArrivalProcess.forPlan(plan, options.sampling, arrivals);
        const checkpointPhases = root.fork();
        this.sampleIntervalMs = options.sampleIntervalMs;
        this.ticks = Math.max(1, Math.ceil(plan.durationMs / options.sampleIntervalMs));
        this.readSteps = readSteps(plan);
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
        this.storeCounters = plan.stores.map(newStoreCounters);
        this.fates = plan.stores.map((s) => new StoreFate(s.index, s.replicas.length));
        this.openSplitBrain = plan.stores.map(() => undefined);
        this.staleness = plan.stores.map(stalenessBound);
        this.stalenessBounded = this.staleness.some((b) => b?.active === true);
        this.services = plan.services.map((s) => newService(s, R));
        this.sharedSpace = Float64Array.from(plan.workloads, (w) =>
            w.sharedKeys > 0 ? Math.max(1, Math.round(w.sharedKeys / options.sampling)) : 0,
        );
        this.groupsOfService = plan.services.map(() => []);
        this.groups = plan.groups.map((g) => this.createGroup(g.index));
        this.steady = new SteadyWrites(plan, this.groups);
        for (const g of plan.groups) if (g.kind === 'service') this.groupsOfService[g.target]!.push(g.index);
        this.serviceLoad = Array.from({ length: plan.services.length * R }, () => []);
        this.cacheReaders = CacheReaders.for(plan);
        this.tables = routingTables(this);

        this.logs = plan.stores.map(() => []);
        this.logIn = plan.stores.map(() => new Array<WriteLog | undefined>(R).fill(undefined));
        this.linksFrom = plan.stores.map(() => []);
        this.linkOf = plan.stores.map(() => []);
        this.keyStates = [];
        this.syncLastWrite = [];
        this.trackedLimit = [];
        this.conflictScale = new Float64Array(plan.stores.length).fill(1);
        for (const s of plan.stores) setUpStore(this, s);
        this.landing = plan.stores.map((s) => createLanding(plan, s.index));
        this.queues = setUpQueues(this, checkpointPhases);
        this.lagSeries = this.links.map(() => new Float64Array(this.ticks).fill(NaN));
        this.work.series += this.links.length * this.ticks;
        this.drainUntil = new Float64Array(plan.stores.length);
    }

    private createGroup(index: number): GroupRuntime {
        const g = this.plan.groups[index]!;
        const W = g.writes.length;
        const C = this.classes;
        const dest = g.kind === 'store' ? g.origin : initialDestination(this, g.target, g.origin);
        this.work.state += groupState(W, g.readsFrom.length, C);
        this.work.series += groupSeries(W, this.ticks);
        return newGroup(g, dest, C, this.ticks, processingMeansOf(this.plan, g.writes));
    }

    // ------------------------------------------------------------------------------------------ the run

    run(): void {
        const plan = this.plan;
        scheduleFaults(this);
        initFailovers(this);
        this.arrivals.start();
        scheduleCheckpoints(this, this.queues);
        // One tick pending at a time (each schedules the next): the heap stays as small as the run's other
        // events, and ticks keep their order, as no other kind shares their rank.
        this.scheduleTick(1);
        this.refresh();
        this.refreshFluid(0);
        this.evaluateEpisodes(0);
        queuesChanged(this, this.queues, 0);

        const end = plan.durationMs;
        // A loop of steps rather than of events: `step` runs tens of thousands of times a run and is optimized
        // once as a function, where a hot loop here would be recompiled on the stack (OSR) in every run.
        while (this.step(end));
        if (this.stopped) return;
        this.steady.flush(this);
        this.finish(end);
    }

    /**
     * One step of the run: the writes before the queue's next event, or that event. False once the scenario's
     * end is reached or the run is stopped.
     */
    private step(end: number): boolean {
        const queue = this.queue;
        const next = queue.peekTime();
        const ta = this.arrivals.next;
        // At one time, a write arrives after faults, control events and deliveries, and before a tick.
        const arrival = ta < next || (ta === next && queue.peekKind() === EventKind.tick);
        const t = arrival ? ta : next;
        if (t > end) return false;
        if (arrival) {
            this.events += this.writes(end, 0x4000 - (this.events & 0x3fff));
            return (this.events & 0x3fff) !== 0 || !this.checkpoint();
        }
        this.now = t;
        if ((++this.events & 0x3fff) === 0 && this.checkpoint()) return false;
        // Anything else may read the counts; anything but a delivery may change what a steady write does.
        this.steady.flush(this);
        if (queue.peekKind() === EventKind.delivery) onDelivery(this);
        else {
            this.steady.epoch++;
            queue.pop();
            this.dispatch(queue.kind, queue.arg, queue.stamp, t);
        }
        return true;
    }

    /**
     * The writes that arrive before the queue's next event (at its time only if it is a tick), up to the
     * scenario's end and at most `max` of them; returns how many. A loop of its own: V8 optimizes the hot path
     * apart from the rest of the run.
     */
    private writes(end: number, max: number): number {
        const queue = this.queue;
        const arrivals = this.arrivals;
        const steady = this.steady;
        const draws = this.draws;
        let n = 0;
        // The queue's head changes only when a write takes the full path (it may queue a delivery).
        let head = queue.peekTime();
        let tickAtHead = queue.size > 0 && queue.peekKind() === EventKind.tick;
        while (n < max) {
            const t = arrivals.next;
            if (t > end || t > head || (t === head && !tickAtHead)) break;
            this.now = t;
            n++;
            if (onArrival(this, draws, arrivals, steady)) continue;
            head = queue.peekTime();
            tickAtHead = queue.size > 0 && queue.peekKind() === EventKind.tick;
        }
        this.simulatedWrites += n;
        return n;
    }

    private checkpoint(): boolean {
        if (this.options.shouldStop?.()) {
            this.stopped = true;
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ the dispatch

    /** Every queued event but a delivery goes to the mechanism that owns its kind (event-kinds.ts). */
    private dispatch(kind: number, arg: number, stamp: number, t: number): void {
        switch (kind) {
            case EventKind.faultStart:
                return onFaultStart(this, arg, t);
            case EventKind.faultEnd:
                return onFaultEnd(this, arg, t);
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
                return onTransition(this, arg, stamp, t);
            case EventKind.tick:
                return this.onTick(arg, t);
            case EventKind.election:
                return onElectionDone(this, arg, stamp, t);
            case EventKind.checkpoint:
                return onCheckpoint(this, this.queues, arg, t);
            default:
                return;
        }
    }

    // ------------------------------------------------------------------------------------------ the calls

    // What one mechanism asks of another (context.ts), routed here to the mechanism that owns it.

    /** Writes → replication: the write acknowledged in `location` now joins its replica's log. */
    replicate(s: number, location: number, key: number, workload: number): void {
        appendWrite(this, s, location, key, workload);
    }

    /** Writes → staleness: whether the store's bound refuses the write (counted there). */
    throttles(s: number, location: number, t: number): boolean {
        return throttles(this, s, location, t);
    }

    /** Losses → replication: the link applies, in order, what is due by `t`. */
    advance(link: Link, t: number, inclusive: boolean): void {
        advance(this, link, t, inclusive);
    }

    /** Faults → losses. */
    destroyRegion(region: number, t: number, fault: number): void {
        destroyRegion(this, region, t, fault);
    }

    /** Faults: after any fault starts or ends, in this order: links, control planes, leadership, then the tables. */
    faultsChanged(t: number, fault: number): void {
        updateLinks(this, t, fault);
        onControlPlaneChange(this, t);
        updateLeadership(this, t);
        this.changed(t);
    }

    /** Faults → detection: someone may notice the region is down (manual detection). */
    regionDown(region: number, t: number): void {
        onRegionDown(this, region, t);
    }

    /** Faults → losses and detection: an unfenced old primary there writes again; manual detection clears. */
    regionUp(region: number, t: number): void {
        settleCounts(this);
        regionBack(this, this.openSplitBrain, region, t);
        onRegionUp(this, region, t);
    }

    /** Detection → failover actions. */
    startFailover(probe: Probe, t: number): void {
        startFailover(this, probe, t);
    }

    /** Detection → failover actions. */
    failoverHealthy(probe: Probe, t: number): void {
        failoverHealthy(this, probe, t);
    }

    /** Failover actions → losses, then staleness: the old write region no longer bounds the writes. */
    promoted(store: number, from: number, to: number, t: number): void {
        // Losses read what each replica accepted: the writes counted per cell so far go to the counters first.
        settleCounts(this);
        promoted(this, this.openSplitBrain, store, from, to, t);
        releaseDemoted(this, store, from, to);
    }

    private scheduleTick(k: number): void {
        if (k <= this.ticks)
            this.queue.push(Math.min(k * this.sampleIntervalMs, this.plan.durationMs), Rank.tick, EventKind.tick, k);
    }

    /** `EventKind.tick`: the sample interval ends — reads, link lags and write latencies are recorded for it. */
    private onTick(k: number, t: number): void {
        this.scheduleTick(k + 1);
        this.integrate(t);
        sampleLinks(this, k - 1, t);
        flushLatencies(this);
        this.tick = k;
        this.options.onProgress?.(Math.min(1, t / this.plan.durationMs));
    }

    private finish(end: number): void {
        this.now = end;
        this.integrate(end);
        flushLatencies(this);
        finishLinks(this, end);
        summarizeCounters(this);
        finishSplitBrains(this, this.openSplitBrain, end);
        settleFates(this);
        finishQueues(this, this.queues);
    }

    // ------------------------------------------------------------------------------------------ state changes

    /** Recomputes every outcome table, the read flow and the interruption episodes after a state change. */
    changed(t: number): void {
        this.stateChanges++;
        this.refresh();
        this.refreshFluid(t);
        this.evaluateEpisodes(t);
        queuesChanged(this, this.queues, t);
    }

    /** Moves users of a service to where routing now sends them (routing). */
    reroute(serviceIndex: number, route: TransitionRoute, t: number): void {
        reroute(this, serviceIndex, route, t);
    }

    /** The outcome tables from now on: the writes counted against the old ones are recorded first. */
    private refresh(): void {
        flushLatencies(this);
        refreshTables(this, this.tables);
    }

    integrate(t: number): void {
        integrate(this, this.readSteps, t);
    }

    private refreshFluid(t: number): void {
        refreshFluid(this, this.readSteps, t);
    }

    private evaluateEpisodes(t: number): void {
        evaluateEpisodes(this, this.reactions, t);
    }

    markEpisodes(targetKind: 'service' | 'store', target: number, field: 'detectionAt' | 'routingAt', t: number): void {
        markEpisodes(this, this.reactions, targetKind, target, field, t);
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
