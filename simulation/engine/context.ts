// What the mechanisms of the engine share: the run's state, and the calls one mechanism makes into another.
// A mechanism (engine/mechanisms/) takes an `EngineContext`, never the Simulation class; the core
// (simulation.ts) implements it and routes each call to the mechanism that owns it, so no mechanism imports
// another or the core, and simulation/ has no import cycle (test/architecture.test.ts checks both).
import type { HealthCheckDepth, Source } from '../../language/semantics/model.js';
import type { CounterStates, CounterSummary } from '../counter-increments.js';
import type { StoreFate } from '../data-fate.js';
import type { FaultState } from '../faults.js';
import type { PartialFaults } from '../partial-faults.js';
import type { QueueState } from '../queues.js';
import type { Plan } from '../plan.js';
import type { KeyStates, Link, WriteLog } from '../replication.js';
import type { TimelineEvent } from '../report.js';
import type { StoreRouting } from '../routing.js';
import type {
    Episode,
    FailoverRuntime,
    GroupRuntime,
    Probe,
    Run,
    ServiceRuntime,
    TransitionRoute,
} from '../runtime.js';
import type { SplitBrain } from '../split-brain.js';
import type { CacheReaders } from '../cold-cache.js';
import type { LoadStep } from '../service-capacity.js';
import type { StalenessBound } from '../staleness-bound.js';
import type { Work } from '../work.js';
import type { EventQueue } from './event-queue.js';
import type { Random } from './random.js';

export interface EngineOptions {
    readonly seed: number;
    /** Simulate one write in `sampling` (keys sampled alike so per-key rates stay exact); counts are scaled. */
    readonly sampling: number;
    readonly sampleIntervalMs: number;
    /** Upper bound on per-key conflict state cells (keys × replicas × (replicas + 2)); beyond it keys are sampled. */
    readonly maxKeyStateCells: number;
    readonly onProgress?: (fraction: number) => void;
    /** Polled every few thousand events; true stops the run. */
    readonly shouldStop?: () => boolean;
}

export interface StoreCounters {
    /**
     * Current only after `settleCounts` (writes.ts): a write is one count in its outcome cell, and `acknowledged`,
     * `applied`, `accepted` (and a group's `writesServed`) are brought up to date when a flush, a promotion or a
     * region's return reads them. A new mid-run reader calls `settleCounts` first.
     */
    acknowledged: number;
    failed: number;
    rejected: number;
    conflictRejected: number;
    lost: number;
    rpoMs: number;
    discarded: number;
    /** Of the discards, writes that were stranded in their region and lost to newer writes once delivered. */
    overwritten: number;
    merges: number;
    siblings: number;
    readsServed: number;
    readsStale: number;
    /** Of those, the reads served while a healed link's backlog was on its way. */
    drainReadsServed: number;
    drainReadsStale: number;
    staleKnown: boolean;
    readonly applied: Float64Array;
    /** Writes each replica accepted itself (acknowledged there). */
    readonly accepted: Float64Array;
    /** Discards, merges and siblings by the replica (region slot) where they happened. */
    readonly discardedAt: Float64Array;
    readonly mergesAt: Float64Array;
    readonly siblingsAt: Float64Array;
    readonly losses: Loss[];
}

/** Acknowledged writes lost at once: abandoned by a promotion elsewhere, or destroyed with their region. */
export interface Loss {
    readonly region: number;
    readonly atMs: number;
    readonly lostWrites: number;
    /** Age of the oldest lost write when its region stopped replicating (cut off, or the loss itself). */
    readonly rpoMs: number;
    readonly fault: number;
    readonly cause: 'promotion' | 'destroyed';
    /** Where the store accepts writes after a promotion; -1 for a destroyed region. */
    readonly keptIn: number;
}

/** Where the writes of a store's main writing workload land, per ms, by region. */
export interface Landing {
    readonly workload: number;
    readonly shared: Float64Array;
    /** Writes to keys that are not shared, by the region they land in. */
    readonly other: Float64Array;
    /** Region where each origin's own keys are written, or -1. */
    readonly ownLocation: Int32Array;
}

/** A failover's health checks that watch what a partial fault impairs, and whether they noticed it. */
export interface GrayWatch {
    readonly fault: number;
    readonly probe: number;
    readonly depth: HealthCheckDepth;
    /** Detection of the watched target in the fault's region while the fault was in effect; -1 if none. */
    noticedAt: number;
}

/**
 * The run's state, grouped by the mechanism that writes it; the others (and the report, once the run is
 * over) only read it.
 */
export interface RunState {
    // The core: clock, queue, counts, seeded streams the mechanisms draw from.
    readonly plan: Plan;
    readonly options: EngineOptions;
    readonly queue: EventQueue;
    readonly now: number;
    readonly events: number;
    /** Counted by the core's loop of writes. */
    simulatedWrites: number;
    /** Replication deliveries applied in bulk, each one an event at its own due time (counted by replication). */
    appliesInBulk: number;
    readonly stopped: boolean;
    /** Work besides events, in the units `estimateWork` bounds (simulation/work.ts). */
    readonly work: Work;
    readonly stateChanges: number;
    /** Writes one simulated write stands for (the sampling factor). */
    readonly weight: number;
    /** Key classes of the outcome tables: a group's own keys, and shared keys per home region. */
    readonly classes: number;
    readonly sampleIntervalMs: number;
    readonly ticks: number;
    readonly tick: number;
    readonly control: Random;
    /** Health checks' error draws under a partial fault (a stream of its own: other designs' runs stay identical). */
    readonly health: Random;

    // Faults.
    readonly faults: FaultState;
    /** Services and stores impaired in a region that stays up (`degrade`, `fail`), with their cascade. */
    readonly partial: PartialFaults;
    /** Regions whose storage a `destroy` fault removed: they never come back. */
    readonly destroyed: Uint8Array;
    readonly grayWatches: GrayWatch[];

    // Routing: where each group's users go and what their writes and reads find there.
    readonly storeRouting: StoreRouting[];
    readonly services: ServiceRuntime[];
    readonly groups: GroupRuntime[];
    readonly groupsOfService: number[][];
    /** Per store: where the writes of its main writing workload land now (for stale-read estimates). */
    readonly landing: (Landing | undefined)[];

    // Writes and replication.
    readonly storeCounters: StoreCounters[];
    readonly logs: (WriteLog | undefined)[][];
    /** The same logs by region (store × region; undefined where the store has no log): one lookup per write. */
    readonly logIn: (WriteLog | undefined)[][];
    readonly links: Link[];
    readonly linksFrom: Link[][][];
    readonly linkOf: (Link | undefined)[][][];
    readonly keyStates: (KeyStates | undefined)[];
    /** Per counter-shaped last-writer-wins store: the value each replica's version holds (counter-increments.ts). */
    readonly counterStates: (CounterStates | undefined)[];
    /** Filled at the run's end: the increments lost once replication converges, and those still stranded. */
    readonly counterSummaries: (CounterSummary | undefined)[];
    readonly syncLastWrite: (Float64Array | undefined)[];
    /** Per store, per workload: keys below this index are tracked key by key. */
    readonly trackedLimit: Map<number, number>[];
    readonly conflictScale: Float64Array;
    /** Per workload: shared keys drawn from (the declared shared keys, thinned by the sampling factor). */
    readonly sharedSpace: Float64Array;
    readonly lagSeries: Float64Array[];
    /** Per store: when the backlog of its links healed last has all arrived (reads until then are `duringDrain`). */
    readonly drainUntil: Float64Array;
    /** Per store: writes stranded in a cut-off replica, and what became of them. */
    readonly fates: StoreFate[];
    /** Promotions that left the old primary taking writes, in order. */
    readonly splitBrains: SplitBrain[];
    /** Per bounded-staleness store: its bounds and the writes they throttled (mechanisms/staleness.ts). */
    readonly staleness: (StalenessBound | undefined)[];
    /** Some store's bound is simulated: only then do writes ask `throttles`. */
    readonly stalenessBounded: boolean;
    /** Queues and streams: backlogs stranded with their region, consumer groups re-delivered after a move. */
    readonly queues: QueueState;
    /** Service × region: what a region of a service with retries or a capacity was offered, per change (routing). */
    readonly serviceLoad: readonly LoadStep[][];
    /** Where the readers of cache stores were served, per change; null when no cache declares `caches`. */
    readonly cacheReaders: CacheReaders | null;

    // Failover actions.
    readonly failovers: FailoverRuntime[];
    readonly probes: Probe[];
    readonly runs: Run[];
    /** Runs that may still be running or blocked, in creation order (the others are dropped lazily). */
    activeRuns: Run[];

    // Availability.
    readonly episodes: Episode[];

    // The report's timeline and notes.
    readonly timeline: TimelineEvent[];
    readonly timelineDropped: number;
    readonly notes: string[];
}

/** What one mechanism asks of another; the core routes each to the mechanism that owns it. */
export interface Calls {
    /** Adds a timeline row; `cause` is the clause that made it happen, which the results view reveals. */
    record(
        t: number,
        kind: TimelineEvent['kind'],
        text: string,
        target: string | null,
        region: number | null,
        cause?: Source,
    ): void;
    /** The `at …` clause of a fault of the scenario. */
    faultSource(index: number): Source | undefined;
    regionName(region: number): string;
    /** Reads: integrates the read flow up to `t` (before any state change at `t`). */
    integrate(t: number): void;
    /** After a state change: outcome tables, the read flow and the interruption episodes from `t` on. */
    changed(t: number): void;
    /** Routing: moves users of a service to where it routes now, over `route`'s DNS transition. */
    reroute(service: number, route: TransitionRoute, t: number): void;
    /** Availability: notes a detection or routing change on the open interruptions of a target's users. */
    markEpisodes(targetKind: 'service' | 'store', target: number, field: 'detectionAt' | 'routingAt', t: number): void;
    /** Replication: the write acknowledged in `location` (a replica region of store `s`) at `now` joins its log. */
    replicate(s: number, location: number, key: number, workload: number): void;
    /** Staleness: whether the store's bound refuses a write it would accept in `location` (counted if so). */
    throttles(s: number, location: number, t: number): boolean;
    /** Replication: the link applies, in order, what is due by `t` (strictly before when not `inclusive`). */
    advance(link: Link, t: number, inclusive: boolean): void;
    /** Losses: a single-writer store now accepts writes in `to` instead of `from`. */
    promoted(store: number, from: number, to: number, t: number): void;
    /** Losses: a `destroy` takes the region's storage and what only it held. */
    destroyRegion(region: number, t: number, fault: number): void;
    /** After a fault starts or ends: links, control planes, leadership and the tables react, in the core's order. */
    faultsChanged(t: number, fault: number): void;
    /** Detection: a region went down (manual detection starts its delay). */
    regionDown(region: number, t: number): void;
    /** Losses and detection: a region is back (an unfenced old primary writes again; manual detection clears). */
    regionUp(region: number, t: number): void;
    /** Failover actions: the target's failure in the probe's region was detected. */
    startFailover(probe: Probe, t: number): void;
    /** Failover actions: the target's health checks in the probe's region pass again. */
    failoverHealthy(probe: Probe, t: number): void;
}

export interface EngineContext extends RunState, Calls {}
