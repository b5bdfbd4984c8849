// What a queue or stream holds when things fail, beside what replication does with it (data-fate.ts).
//
// A queue without cross-region replication (SQS, Kinesis: docs/facts.md#sqs-single-region,
// #kinesis-single-region) keeps each region's messages there: the backlog no consumer has taken yet is
// *stranded* when its region goes down, available again when it returns, and *lost* when a `destroy` removes
// it. The language states no consumption rate or consumer delay, so the model assumes what it can say without
// a figure: the region's consumers (the services that `reads` the store there) take each message as it
// arrives while they are up, and the backlog is what was accepted while none was up — everything accepted
// there when no service reads the store (an upper bound). Messages in flight to live consumers are not counted.
//
// Kafka with MirrorMaker 2 (docs/facts.md#kafka-mirrormaker2): a consumer group that moves to the other cluster
// resumes from the last consumer-offset checkpoint that reached it. A checkpoint translates the group's
// position to the target's offsets, which hold only what was mirrored then (the link's head), so the group
// is delivered again everything the target had received since that checkpoint (*re-delivered at failover*),
// and, once the source's stranded messages arrive, those it had consumed in the source before it stopped
// (*re-delivered after the heal*). Consumers are assumed to keep up in the source, as above.
import { itemAt } from '../language/util/item-at.js';
import { KAFKA_MM2 } from '../language/semantics/facts/messaging-and-objects.js';
import type { PlanStructure as Plan } from './plan.js';

/** Queue engines that replicate nothing across regions: their per-region backlog is followed. */
const REGIONAL_QUEUES = new Set(['sqs', 'kinesis']);

/** One region's backlog stranded by its outage (or destroyed with it). Counts are scaled when sampled. */
export interface QueueStranding {
    readonly store: number;
    readonly slot: number;
    /** The fault that took the region down, or -1. */
    readonly fault: number;
    readonly atMs: number;
    /** Since when the stranded messages were accepted with no consumer taking them (0: the start). */
    readonly sinceMs: number;
    readonly messages: number;
    /** When the region returned and its consumers could take them again; -1 while still down. */
    returnedAtMs: number;
    /** When a `destroy` removed them; -1 when it did not. */
    lostAtMs: number;
}

/** Per queue store with no cross-region replication: where its consumers are and its backlog per replica. */
export interface QueueBacklog {
    readonly store: number;
    /** Services that read the store (its consumers), by index. */
    readonly consumers: readonly number[];
    /** Per replica slot: accepted-message count up to which the backlog is consumed (or stranded). */
    readonly mark: Float64Array;
    /** Per replica slot: since when no consumer took messages there (-1 while consumers keep up). */
    readonly since: Float64Array;
    /** Per replica slot: the region is up (its queue can be read). */
    readonly up: Uint8Array;
    /** Per replica slot: the stranding still open (region down, or destroyed). */
    readonly open: (QueueStranding | undefined)[];
    readonly all: QueueStranding[];
    /** Each time messages waited in a region that was up with no consumer taking them. */
    readonly waits: QueueWait[];
}

/** Messages accepted in a region that was up while no consumer there took them (none declared, or all down). */
export interface QueueWait {
    readonly slot: number;
    readonly sinceMs: number;
    /** When consumers took them (or the region went down, stranding them); -1 when still waiting at the end. */
    untilMs: number;
    /** Messages waiting then (scaled when sampled). */
    messages: number;
    /** How it ended: consumed, stranded by an outage, or still waiting at the end. */
    outcome: 'consumed' | 'stranded' | 'waiting';
}

/** A consumer group of a Kafka store moving from one cluster to another. Counts are scaled when sampled. */
export interface ConsumerMove {
    readonly store: number;
    readonly service: number;
    readonly from: number;
    readonly to: number;
    readonly atMs: number;
    /** When the last checkpoint the target holds was taken; -1 when none had reached it in the scenario. */
    readonly checkpointAtMs: number;
    /** Messages the target had received since that checkpoint: delivered again at the move. */
    readonly atFailover: number;
    /** Source log positions: the target's head at the move and the source's end (what the group had consumed). */
    readonly headAt: number;
    readonly consumedEnd: number;
    /** Of the source's messages not yet mirrored at the move, those the group had consumed and that arrived later. */
    afterHeal: number;
}

/** Per Kafka store with consumers: the checkpoint schedule and what each link's last checkpoint translated. */
export interface Checkpoints {
    readonly store: number;
    readonly intervalMs: number;
    /** First checkpoint in the scenario (uniform in [0, interval): the connector did not start with it). */
    readonly phaseMs: number;
    readonly consumers: readonly number[];
    /** Per consumer: the region it consumes in now. */
    readonly region: Int32Array;
    /** Per link index of the store: the target's head at the last checkpoint that crossed it, and when. */
    readonly translated: Map<number, { head: number; atMs: number }>;
    readonly moves: ConsumerMove[];
}

export interface QueueState {
    readonly backlogs: QueueBacklog[];
    readonly checkpoints: Checkpoints[];
    /** Per store index: its backlog or checkpoints, if followed. */
    readonly backlogOf: (QueueBacklog | undefined)[];
    readonly checkpointsOf: (Checkpoints | undefined)[];
}

/** Services that read store `s` (the consumers of a queue or stream). */
export function consumersOf(plan: Plan, s: number): number[] {
    return plan.services.filter((v) => v.reads.includes(s)).map((v) => v.index);
}

export function isRegionalQueue(plan: Plan, s: number): boolean {
    const store = itemAt(plan.stores, s, 'stores');
    return store.mode === 'none' && REGIONAL_QUEUES.has(store.model.engine ?? '');
}

/** A Kafka store replicated between clusters whose consumer groups can move: the checkpoints are followed. */
export function followsCheckpoints(plan: Plan, s: number): boolean {
    const store = itemAt(plan.stores, s, 'stores');
    return store.model.engine === 'kafka' && store.mode === 'async' && store.replicas.length > 1;
}

/** The source position the target held at the last checkpoint: everything mirrored since is delivered again. */
export function redeliveredAtMove(headNow: number, translated: number): number {
    return Math.max(0, headNow - translated);
}

/**
 * Of the source's messages the group had consumed but the target did not hold at the move ([headAt,
 * consumedEnd)), those that reached the target by the end (`reached`: its head, or where a loss stopped it).
 */
export function redeliveredAfterHeal(headAt: number, consumedEnd: number, reached: number): number {
    return Math.max(0, Math.min(reached, consumedEnd) - headAt);
}

/** The checkpoint events a run can take: one per interval per Kafka store followed (a bound for the budget). */
export function checkpointEvents(plan: Plan): number {
    let n = 0;
    for (const s of plan.stores) {
        if (!followsCheckpoints(plan, s.index)) continue;
        n += Math.floor(plan.durationMs / checkpointIntervalOf(plan, s.index)) + 1;
    }
    return n;
}

/** The declared `checkpoint every`, or MirrorMaker 2's default (docs/facts.md#kafka-mirrormaker2). */
export function checkpointIntervalOf(plan: Plan, s: number): number {
    return itemAt(plan.stores, s, 'stores').model.checkpointMs ?? KAFKA_MM2.checkpointIntervalMs.value;
}
