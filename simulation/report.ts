// The simulation report: one JSON document per scenario run, described by report-schema.json (the version
// below is its `schemaVersion`). The CLI's text and Markdown, the VS Code results view and the tests all read
// this shape. Times are ms from the scenario start (or durations in ms), shares are fractions 0–1, money is USD.
// Nothing here depends on the wall clock: the same design, scenario and seed give the same document.

import type { Metric } from '../language/semantics/model.js';

export const REPORT_SCHEMA_VERSION = '1.14.0';

/** What an expectation measures: the model's list (language/semantics/model.ts), which the grammar's must equal. */
export type { Metric };

export interface Percentiles {
    /** The fastest write. Since 1.9.0. */
    readonly min: number | null;
    readonly p50: number | null;
    readonly p95: number | null;
    readonly p99: number | null;
    readonly max: number | null;
}

/**
 * Write latency over the scenario, one entry per sample interval (the intervals of `sampleTimesMs`): exact
 * percentiles of the latencies of the writes acknowledged in each interval. Added in schema 1.1.0.
 */
export interface LatencySeries {
    /** ms; null for an interval in which no write was acknowledged. */
    readonly p50: readonly (number | null)[];
    readonly p99: readonly (number | null)[];
    /** Writes acknowledged in each interval (scaled by the sampling factor when sampled). */
    readonly acknowledged: readonly number[];
}

export interface FaultReport {
    readonly index: number;
    /** degrade and fail since 1.6.0, corrupt since 1.8.0. */
    readonly kind:
        'outage' | 'destroy' | 'partition' | 'control-plane' | 'lag-spike' | 'flap' | 'degrade' | 'fail' | 'corrupt';
    readonly label: string;
    readonly atMs: number;
    readonly untilMs: number;
    readonly line: number;
}

export interface ExpectationResult {
    /** The clause as written, e.g. `expect rto <= 5m`. */
    readonly text: string;
    readonly metric: Metric;
    readonly op: '<=' | '<' | '==' | '>=' | '>';
    /** Expected value in base units (ms, fraction, count, USD per month). */
    readonly expected: number;
    /** Measured value in base units; null when the run cannot measure it (then the clause fails). */
    readonly measured: number | null;
    readonly passed: boolean;
    /** measured − expected, in base units (null when not measured or infinite). */
    readonly delta: number | null;
    /** The measured value and the difference for people, e.g. "7 h 2 m (+6 h 57 m)". */
    readonly measuredText: string;
    /** Whose number it is and when, e.g. "users of us-east-1 on payments@us, from the outage of us-east-1 at 10 m". */
    readonly where: string;
    /** One line that says it all, e.g. "expect rto <= 5m passed: measured 2 m 28 s for …". */
    readonly message: string;
    /** 1-based line of the clause. */
    readonly line: number;
    /** Time the worst case happened (ms from start), when it has one. */
    readonly atMs: number | null;
}

export interface RegionShare {
    readonly region: string;
    readonly offered: number;
    readonly served: number;
    readonly availability: number | null;
}

export interface ServiceReport {
    readonly id: string;
    readonly name: string;
    readonly cell: string | null;
    readonly posture: string | null;
    readonly regions: readonly string[];
    readonly offered: number;
    readonly served: number;
    readonly availability: number | null;
    /** Latency of a whole write request: client → serving region plus the slowest store it writes. */
    readonly writeLatencyMs: Percentiles;
    /** Per origin region of the users. */
    readonly byRegion: readonly (RegionShare & {
        readonly writeLatencyMs: Percentiles;
        /** Whole write requests of these users, per sample interval. */
        readonly writeLatencySeries: LatencySeries;
        readonly worstRtoMs: number | null;
        readonly availabilitySeries: readonly (number | null)[];
    })[];
    /** What each region was offered, with retries, against its capacity; null without retries or capacity. Since 1.14.0. */
    readonly load: ServiceLoadReport | null;
}

export interface ColdCacheReport {
    /** Instance id of the store the cache is in front of. */
    readonly backingStore: string;
    readonly hitRate: number;
    readonly warmUpMs: number;
    readonly regions: readonly {
        readonly region: string;
        /** Miss reads per second with the routing at the start (the cache warm). */
        readonly steadyMissReadsPerS: number;
        readonly peakMissReadsPerS: number;
        /** Peak ÷ steady state; null when the steady state sends none. */
        readonly multiplier: number | null;
        /** Reads sent to the backing store beyond what a warm cache would have sent, over the run (an estimate). */
        readonly extraMissReads: number;
        /** Miss reads per second, linear between the points (two points at one time: a step). */
        readonly series: readonly { readonly atMs: number; readonly missReadsPerS: number }[];
    }[];
    /** The backing store's read capacity: stores declare none, so always null (nothing is judged against it). */
    readonly backingCapacity: null;
    readonly note: string;
    readonly source: string;
}

export interface ServiceLoadReport {
    /** Declared retries (`retries`); null: none declared, none assumed. */
    readonly retries: number | null;
    readonly backoffMs: number | null;
    readonly note: string;
    /** Loads are shares of the service's load with every region up, the unit of `capacity`. */
    readonly regions: readonly {
        readonly region: string;
        readonly peakRequests: number;
        readonly peakOffered: number;
        /** Time the offered load (retries included) was over the capacity. */
        readonly overCapacityMs: number;
        /** From `atMs` on: first attempts, attempts with retries, the capacity (null: none) and the share served. */
        readonly steps: readonly {
            readonly atMs: number;
            readonly requests: number;
            readonly offered: number;
            readonly capacity: number | null;
            readonly served: number;
        }[];
    }[];
    readonly source: string;
}

export interface LagReport {
    readonly from: string;
    readonly to: string;
    /** Largest commit-to-apply delay of a write no stall held back: replication delay between live ends, ms.
     *  Since 1.3.0 it no longer includes the backlog of a cut link (`backlogMaxMs`). */
    readonly maxMs: number;
    /** Largest age of a write a partition or outage held back on this link (delivered after the heal or still
     *  waiting); null when nothing was held. Since 1.3.0. */
    readonly backlogMaxMs: number | null;
    /** Per sample interval: the largest delay of the writes applied in it, or the age of the oldest write
     *  still waiting at its end when that is larger (a stalled link); null when the link carried nothing. */
    readonly series: readonly (number | null)[];
    /** Each heal that found writes waiting: the backlog, and how it drained at the store's catch-up rate (at
     *  once when none is declared). Since 1.3.0; the drain's outcome, writes and egress since 1.5.0. */
    readonly heals: readonly HealReport[];
}

export interface HealReport {
    readonly cutAtMs: number;
    readonly atMs: number;
    /** Writes waiting at the heal: the backlog's peak. */
    readonly backlogWrites: number;
    /** When the backlog and the writes queued behind it had all been applied; null when that did not happen
     *  in the run (nullable since 1.5.0). */
    readonly drainedAtMs: number | null;
    /** drainedAtMs − atMs: one replication delay plus the drain; null when not drained. */
    readonly drainMs: number | null;
    /** `drained`; `never-drains` (the catch-up rate is not above the arrival rate); `unfinished` (the run ended
     *  first); `cut-again` (another cut came first). Since 1.5.0. */
    readonly outcome: 'drained' | 'never-drains' | 'unfinished' | 'cut-again';
    /** Writes applied from the heal to the drain's end: the backlog plus what queued behind it. Since 1.5.0. */
    readonly drainedWrites: number;
    /** Those writes × the mean item size, and × the egress price of the direction; null when unknown. Since 1.5.0. */
    readonly egressBytes: number | null;
    readonly egressUsd: number | null;
}

/**
 * What a store's write latency adds to the network: modelled (an exponential fitted to a documented p99, drawn
 * per write, so p99 > p50) or not (no source documents it: p99 = p50 for each network path). Since 1.9.0.
 */
export interface ProcessingTimeReport {
    readonly modelled: boolean;
    readonly distribution: 'exponential' | null;
    /** The distribution's mean, median and 99th percentile, ms; null when not modelled. */
    readonly meanMs: number | null;
    readonly p50Ms: number | null;
    readonly p99Ms: number | null;
    /** `estimate` (fitted to a documented bound), or null when not modelled. */
    readonly kind: 'estimate' | null;
    /** Where the figure comes from, or why there is none, with its docs/facts.md citation. */
    readonly source: string;
}

/** A store's heals together. Since 1.5.0. */
export interface DrainReport {
    /** The declared catch-up in writes per second; null when none is declared (the backlog arrives at once). */
    readonly catchUpWritesPerS: number | null;
    /** `simulated` at the declared rate, or `lower-bound`: delivered at once, so real drains take longer. */
    readonly drainTime: 'simulated' | 'lower-bound';
    readonly heals: number;
    /** The largest backlog a heal found, in writes. */
    readonly backlogPeakWrites: number;
    /** The longest heal → drained time; null when some backlog never drained in the run (see `outcome`). */
    readonly drainMs: number | null;
    /** The worst outcome over the heals (never-drains, unfinished, cut-again, drained). */
    readonly outcome: HealReport['outcome'];
    /** Share of the store's reads during drains that were stale; null when unknown. */
    readonly staleReadShare: number | null;
    readonly egressBytes: number | null;
    readonly egressUsd: number | null;
}

/**
 * Increments of a counter-shaped last-writer-wins store lost once replication converges: acknowledged
 * increments minus the converged value, per key, summed — not the discarded versions (a region's later write
 * can carry an overwritten increment forward). Keys with a write still waiting on a cut link have not
 * converged: their increments are stranded, not lost yet, and counted apart. Since 1.10.0.
 */
export interface LostIncrementsReport {
    readonly lost: number;
    readonly notConvergedKeys: number;
    readonly notConvergedIncrements: number;
}

/**
 * A store's bounded staleness and the writes it throttled: Cosmos DB refuses the write region's writes while a
 * read region lags beyond K versions or T (docs/facts.md#cosmos-bounded-staleness-throttling). Since 1.11.0.
 */
export interface StalenessBoundReport {
    /** K, writes; null when not declared. */
    readonly maxVersions: number | null;
    /** T, ms; null when not declared. */
    readonly maxLagMs: number | null;
    /** Whether the run throttled at the bound; when not, `reason` says why. */
    readonly simulated: boolean;
    readonly reason: string | null;
    readonly throttledWrites: number;
    /** The first and the last throttled write; null when none was. */
    readonly firstAtMs: number | null;
    readonly lastAtMs: number | null;
    /** Per region where the refused writes were to be accepted (the write region; another after a failover). */
    readonly byRegion: readonly { readonly region: string; readonly throttledWrites: number }[];
    /** The docs/facts.md entries the behaviour comes from. */
    readonly source: string;
}

export interface StoreReport {
    readonly id: string;
    readonly name: string;
    readonly engine: string | null;
    readonly replication: { readonly mode: string; readonly lagMs: number | null; readonly quorum: number | null };
    readonly conflicts: string;
    readonly writes: {
        readonly acknowledged: number;
        readonly failed: number;
        /** No quorum reachable (consensus minority, sync without a peer). */
        readonly rejected: number;
        /** Refused by a sync store's conflict check (retryable). */
        readonly conflictRejected: number;
    };
    /** Acknowledged writes lost: abandoned by a promotion elsewhere, or destroyed with their region. */
    readonly lostWrites: number;
    /** Age of the oldest acknowledged write lost when its region stopped replicating; null when none was lost. */
    readonly rpoMs: number | null;
    /** Writes held only by a replica cut off from every other one (kept there, not lost). Since 1.2.0. */
    readonly strandedWrites: number;
    /** Of those, the writes another replica applied once their region was reachable again. Since 1.2.0. */
    readonly deliveredAtHeal: number;
    /** Of those delivered, the ones last-writer-wins then discarded for newer writes (also in discardedWrites). Since 1.2.0. */
    readonly overwrittenAtHeal: number;
    /** Each cut-off of a replica, with what became of the writes it alone held. Since 1.2.0. */
    readonly stranded: readonly StrandingReport[];
    readonly discardedWrites: number;
    /** A counter under last-writer-wins: increments lost; null for other stores. Since 1.10.0. */
    readonly lostIncrements: LostIncrementsReport | null;
    /** Writes refused at the staleness bound (retryable: not accepted, not lost). Since 1.11.0. */
    readonly throttledWrites: number;
    /** A bounded-staleness store's bound and what it throttled; null for other consistency levels. Since 1.11.0. */
    readonly stalenessBound: StalenessBoundReport | null;
    /** A cache's (`caches`) miss reads on its backing store, per region over time; null for other stores. Since 1.14.0. */
    readonly coldCache: ColdCacheReport | null;
    readonly merges: number;
    readonly siblings: number;
    readonly reads: {
        readonly served: number;
        readonly stale: number;
        readonly staleShare: number | null;
        /** The reads served while a healed link's backlog was on its way to a replica. Since 1.3.0. */
        readonly duringDrain: { readonly served: number; readonly stale: number; readonly staleShare: number | null };
    };
    /** The store's heals that found a backlog, together; null when none did. Since 1.5.0. */
    readonly drain: DrainReport | null;
    /** The engine's processing time, drawn per write where a source documents it, else why not. Since 1.9.0. */
    readonly processingTime: ProcessingTimeReport;
    readonly writeLatencyMs: Percentiles;
    /** Per origin region of the writers: their writes to this store, overall and per sample interval. */
    readonly byRegion: readonly {
        readonly region: string;
        readonly writeLatencyMs: Percentiles;
        readonly writeLatencySeries: LatencySeries;
    }[];
    /** Writes each replica had applied when the scenario ended (its own and replicated ones). */
    readonly replicas: readonly {
        readonly region: string;
        readonly appliedWrites: number;
        readonly pendingWrites: number;
    }[];
    readonly lag: readonly LagReport[];
    readonly losses: readonly {
        readonly region: string;
        readonly atMs: number;
        readonly lostWrites: number;
        readonly rpoMs: number;
        readonly fault: number;
        /** `promotion`: abandoned when another replica became the primary; `destroyed`: the region's storage is gone. Since 1.2.0. */
        readonly cause: 'promotion' | 'destroyed';
        /** Where the store accepts writes after the promotion; null for a destroyed region. Since 1.2.0. */
        readonly primaryAfter: string | null;
    }[];
    /** A queue or stream: messages stranded with their region, re-delivered to consumers that moved; null for
     *  other stores. Since 1.12.0. */
    readonly queue: QueueReport | null;
    /** How conflicts were tracked: all shared keys, or a sample of them (counts scaled up). */
    readonly conflictTracking: {
        readonly trackedKeys: number;
        readonly sharedKeys: number;
        readonly scale: number;
    } | null;
}

/**
 * What a queue or stream held when things failed (simulation/queues.ts). No consumption rate or consumer delay
 * is declared, so consumers that are up are assumed to keep up (`assumption` says it in words). Since 1.12.0.
 */
export interface QueueReport {
    /** The services that read the store: its consumers. */
    readonly consumers: readonly string[];
    readonly consumersIdempotent: boolean;
    readonly assumption: string;
    /** Messages stranded in a region that went down (no cross-region replication), and what became of them. */
    readonly strandedMessages: number;
    readonly deliveredAtHeal: number;
    readonly lostMessages: number;
    readonly stranded: readonly {
        readonly region: string;
        readonly fault: number | null;
        readonly atMs: number;
        /** Since when they were accepted with no consumer taking them. */
        readonly sinceMs: number;
        readonly messages: number;
        /** When the region returned and consumers could take them again. */
        readonly returnedAtMs: number | null;
        readonly lostAtMs: number | null;
    }[];
    /** Messages that waited in a region that was up with no consumer taking them (none declared, or all down). */
    readonly backlog: readonly {
        readonly region: string;
        readonly sinceMs: number;
        readonly untilMs: number | null;
        readonly messages: number;
        readonly outcome: 'consumed' | 'stranded' | 'waiting';
    }[];
    /** Kafka MirrorMaker 2: the checkpoint interval (declared or the default) and the first checkpoint's time. */
    readonly checkpoints: {
        readonly intervalMs: number;
        readonly declared: boolean;
        readonly firstAtMs: number;
    } | null;
    /** Messages delivered again to consumer groups that moved cluster, and of them the duplicates (all of them
     *  unless the consumers are idempotent). */
    readonly redeliveredMessages: number;
    readonly duplicates: number;
    readonly moves: readonly {
        readonly service: string;
        readonly from: string;
        readonly to: string;
        readonly atMs: number;
        /** The checkpoint the group resumed from; null when none had reached the target in the scenario. */
        readonly checkpointAtMs: number | null;
        /** What the target had received since that checkpoint: delivered again at the move. */
        readonly atFailover: number;
        /** What the group had consumed in the source before it was mirrored: delivered again once it arrives. */
        readonly afterHeal: number;
    }[];
}

/** A replica cut off from every other one (times in ms from the start; null when it did not happen). */
export interface StrandingReport {
    readonly region: string;
    /** The fault that cut it off. */
    readonly fault: number | null;
    readonly cutAtMs: number;
    /** When the oldest stranded write was accepted — the cut itself when nothing was pending then (a partition's
     *  writes come after it); null when nothing was stranded. cutAtMs minus this is the window at risk. */
    readonly oldestAtMs: number | null;
    readonly strandedWrites: number;
    /** When it could replicate again. */
    readonly healedAtMs: number | null;
    readonly deliveredWrites: number;
    /** When the last stranded write was applied by another replica. */
    readonly deliveredByMs: number | null;
    readonly lostWrites: number;
    readonly lostAtMs: number | null;
    readonly overwrittenWrites: number;
}

/** One failover run: detected for a watched region, then its actions. Since 1.2.0. */
export interface FailoverRunReport {
    /** The failover's target (service or store instance). */
    readonly target: string;
    /** The region it moves away from. */
    readonly region: string;
    readonly detectedAtMs: number;
    /** The region was up when the failure was detected (a health-check false alarm). */
    readonly falseAlarm: boolean;
    readonly outcome: 'completed' | 'abandoned' | 'unfinished';
    /** When its first irreversible action (promote, restore-backup, rehome) started; null when none did. */
    readonly committedAtMs: number | null;
    /** When the health checks passed again while it was still running (a committed failover completes anyway). */
    readonly healthyAgainAtMs: number | null;
    readonly completedAtMs: number | null;
}

/** A promotion that left the old primary taking writes (nothing fenced it). Since 1.2.0. */
export interface SplitBrainReport {
    readonly store: string;
    readonly oldPrimary: string;
    readonly newPrimary: string;
    readonly promotedAtMs: number;
    /** When both primaries took writes (the promotion, or the old region's return); null when it never came back. */
    readonly startMs: number | null;
    /** When another promotion ended it; null when it lasted to the end of the scenario. */
    readonly endMs: number | null;
    /** Writes each side accepted during the window: neither side sees the other's. */
    readonly writesOldPrimary: number;
    readonly writesNewPrimary: number;
}

/**
 * A corruption (`at T corrupt <store>`) of one store instance: where the damage was written, when it reached each
 * replica, the last clean restore point and the restore from it (size ÷ declared throughput, an estimate:
 * docs/facts.md#restore-throughput), judged against the RTO that applies. Since 1.8.0.
 */
export interface CorruptionReport {
    readonly fault: number;
    readonly store: string;
    readonly label: string;
    readonly atMs: number;
    /** The region the damaging write was made in: the primary, the leader or the first replica. */
    readonly origin: string;
    /** Each replica and when the damage reached it; null: never in the run (no replication, or a destroyed side). */
    readonly replicas: readonly { readonly region: string; readonly damagedAtMs: number | null }[];
    /** null: the store has no backup, so no clean copy is left. */
    readonly restorePoint: {
        readonly kind: 'pitr' | 'backup';
        /** ms from the scenario start; negative when before it. */
        readonly atMs: number;
        /** Writes of this window before the corruption are lost with the restore, ms. */
        readonly lostWindowMs: number;
        /** The most the window can be: the PITR step or the backup interval. */
        readonly lostWindowBoundMs: number;
        readonly backupRegion: string | null;
        readonly immutable: boolean;
    } | null;
    readonly restore: {
        readonly sizeBytes: number | null;
        readonly throughputBytesPerS: number | null;
        /** size ÷ throughput, an estimate; null when either is not declared or there is nothing to restore. */
        readonly durationMs: number | null;
        /** When the restore ends if it starts at the corruption (detection is not modelled): a lower bound. */
        readonly restoredAtMs: number | null;
    };
    /** The RTO that applies (the store's, else the tightest of the services using it); null when none is declared. */
    readonly rto: { readonly objectiveMs: number; readonly from: string; readonly met: boolean | null } | null;
    readonly notes: readonly string[];
}

/**
 * A partial fault (`degrade`, `fail`): one service or store impaired in a region that stays up, the services
 * it reached there through `uses`, `reads` and `depends-on`, and whether each failover's health checks that
 * watch one of them noticed it. Since 1.6.0.
 */
export interface PartialFaultReport {
    readonly fault: number;
    readonly kind: 'degrade' | 'fail';
    readonly label: string;
    readonly target: string;
    readonly targetKind: 'service' | 'store';
    readonly region: string;
    readonly atMs: number;
    readonly untilMs: number;
    /** Share of the target's requests answered with an error (1 for fail). */
    readonly errorShare: number;
    readonly addedLatencyMs: number;
    /** Service instances it reached in the region, the target's own included. */
    readonly reached: readonly string[];
    readonly checks: readonly PartialFaultCheck[];
}

export interface PartialFaultCheck {
    /** The failover's target. */
    readonly failover: string;
    readonly depth: 'shallow' | 'deep';
    readonly noticed: boolean;
    /** When its health checks detected the failure while the fault was in effect; null if they never did. */
    readonly noticedAtMs: number | null;
    /** noticedAtMs − the fault's start. */
    readonly afterMs: number | null;
}

export interface RecoveryReport {
    readonly target: string;
    readonly targetName: string;
    readonly usersOf: string;
    readonly fault: number | null;
    readonly faultLabel: string | null;
    readonly faultAtMs: number | null;
    /** When requests of these users started to fail. */
    readonly startMs: number;
    /** When all of them were served again; null when not by the end of the scenario. */
    readonly endMs: number | null;
    /** endMs − the fault's start (or − startMs without a fault); null when not recovered. */
    readonly rtoMs: number | null;
    readonly detectionMs: number | null;
    readonly routingChangeMs: number | null;
    readonly worstServedShare: number;
}

/** Where a clause is written: its file and 1-based first and last lines. Since 1.4.0. */
export interface ClauseRef {
    readonly uri: string;
    readonly line: number;
    readonly endLine: number;
}

export interface TimelineEvent {
    readonly atMs: number;
    readonly kind:
        | 'fault-start'
        | 'fault-end'
        | 'detection'
        | 'healthy-again'
        | 'action-start'
        | 'action-blocked'
        | 'action-done'
        | 'routing-change'
        | 'traffic-moved'
        | 'failback'
        | 'failover-abandoned'
        | 'writes-lost'
        | 'interrupted'
        | 'recovered'
        | 'writes-stranded'
        | 'writes-delivered'
        | 'failover-committed'
        | 'split-brain'
        /** Since 1.6.0: a service impaired through what it depends on, and a partial fault its health checks never noticed. */
        | 'cascade'
        | 'gray-undetected'
        /** Since 1.8.0: a corruption reaching a replica, and the estimated end of the restore from backup. */
        | 'corruption-reached'
        | 'corruption-restored'
        /** Since 1.11.0: a bounded-staleness store starts and stops throttling its writes. */
        | 'writes-throttled'
        | 'throttling-ended';
    readonly text: string;
    readonly target: string | null;
    readonly region: string | null;
    /** The clause that caused the event — the fault's `at …` line (also for the interruptions, recoveries and
     *  stranded or delivered writes it caused), the failover's `action` line, or the `failover` block for its
     *  detection and routing; null when no one clause did. Since 1.4.0. */
    readonly clause: ClauseRef | null;
}

/**
 * An `objective` declared on a service or store, judged on the run as the matching `expect` clause would be
 * (`rto`, `rpo`, `write-latency` at most, `availability` at least, over the run's window). Since 1.4.0.
 */
export interface ObjectiveResult extends Omit<ExpectationResult, 'line'> {
    /** The declared name of the service or store (per-cell instances are judged together). */
    readonly owner: string;
    readonly ownerKind: 'service' | 'store';
    /** Where the objective's term is written. */
    readonly clause: ClauseRef;
}

export interface CostReport {
    /** Cross-region replication egress at the workloads' declared rates, per 30-day month. */
    readonly egressUsdPerMonth: number | null;
    readonly egress: readonly {
        readonly store: string;
        readonly usdPerMonth: number | null;
        readonly formula: string;
        readonly missing: string | null;
    }[];
    readonly postures: readonly {
        readonly service: string;
        readonly posture: string;
        readonly multiplier: number;
        readonly source: string;
    }[];
    /** What the `cost` expectation is compared with: the egress estimate (no compute baseline is declared in the design). */
    readonly totalUsdPerMonth: number | null;
    readonly note: string;
}

export interface SimulationReport {
    readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
    readonly generator: { readonly name: 'mregion'; readonly engine: string };
    readonly design: { readonly uri: string; readonly topology: string | null };
    readonly scenario: {
        readonly name: string;
        readonly line: number;
        readonly durationMs: number;
        readonly seed: number;
        readonly workloads: readonly string[];
        readonly faults: readonly FaultReport[];
    };
    readonly run: {
        /** `exact`: every write simulated; `sampled`: one write in `sampling` (keys sampled alike), counts scaled. */
        readonly resolution: {
            readonly mode: 'exact' | 'sampled';
            readonly sampling: number;
            readonly declaredMs: number | null;
            readonly note: string;
        };
        readonly eventBudget: number;
        readonly estimatedEvents: number;
        /** Events processed: write arrivals, replication deliveries (each applied at its own due time) and control events. */
        readonly events: number;
        readonly simulatedWrites: number;
        readonly sampleIntervalMs: number;
    };
    readonly summary: {
        readonly passed: boolean | null;
        readonly expectations: { readonly total: number; readonly passed: number; readonly failed: number };
        readonly availability: number | null;
        readonly worstRtoMs: number | null;
        /** True when some interrupted users were still not served when the scenario ended. */
        readonly unrecovered: boolean;
        readonly worstRpoMs: number | null;
        readonly lostWrites: number;
        /** Since 1.2.0: writes held only by a cut-off replica, those delivered once it was reachable, and those then overwritten. */
        readonly strandedWrites: number;
        readonly deliveredAtHeal: number;
        readonly overwrittenAtHeal: number;
        /** Failovers that started an irreversible action on a false alarm (the region was up). Since 1.2.0. */
        readonly falseAlarmFailovers: number;
        /** Writes old primaries accepted during split brain (diverging from the new primary). Since 1.2.0. */
        readonly splitBrainWrites: number;
        readonly discardedWrites: number;
        readonly merges: number;
        readonly siblings: number;
        readonly rejectedWrites: number;
        /** Writes refused at a bounded-staleness store's bound. Since 1.11.0. */
        readonly throttledWrites: number;
        readonly staleReadShare: number | null;
        readonly writeLatencyMs: Percentiles;
        readonly costUsdPerMonth: number | null;
    };
    readonly expectations: readonly ExpectationResult[];
    /** Since 1.4.0. */
    readonly objectives: readonly ObjectiveResult[];
    readonly services: readonly ServiceReport[];
    readonly stores: readonly StoreReport[];
    readonly recovery: readonly RecoveryReport[];
    /** Since 1.2.0. */
    readonly failovers: readonly FailoverRunReport[];
    /** Since 1.2.0. */
    readonly splitBrain: readonly SplitBrainReport[];
    readonly regions: readonly RegionShare[];
    readonly cost: CostReport;
    /** Since 1.6.0. */
    readonly partialFaults: readonly PartialFaultReport[];
    /** Since 1.8.0. */
    readonly corruptions: readonly CorruptionReport[];
    readonly timeline: readonly TimelineEvent[];
    /** Start of each sample interval of the series (ms). */
    readonly sampleTimesMs: readonly number[];
    /** Whether the latency between regions varies around its RTT: not modelled, with the reason. Since 1.9.0. */
    readonly networkJitter: { readonly modelled: false; readonly reason: string };
    readonly notes: readonly string[];
}
