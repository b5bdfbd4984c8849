// Queues and streams (simulation/queues.ts says what is modelled and assumed): the backlog of a queue without
// cross-region replication, stranded with its region and back when it returns, and the consumer-offset
// checkpoints of Kafka MirrorMaker 2 (`EventKind.checkpoint`), from which a consumer group that moves to the
// other cluster is re-delivered. Reacts to every state change (`queuesChanged`): regions going down or coming
// back, consumers failing, a consumer service routed to another region.
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { factRef } from '../../../language/semantics/facts/citation.js';
import {
    checkpointIntervalOf,
    consumersOf,
    followsCheckpoints,
    isRegionalQueue,
    redeliveredAfterHeal,
    redeliveredAtMove,
    type Checkpoints,
    type QueueBacklog,
    type QueueState,
} from '../../queues.js';
import type { Link } from '../../replication.js';
import type { EngineContext } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';
import type { Random } from '../random.js';

/** The queue stores followed, before the run: backlogs start empty, checkpoints at a phase drawn from `phases`. */
export function setUpQueues(ctx: EngineContext, phases: Random): QueueState {
    const plan = ctx.plan;
    const backlogOf: (QueueBacklog | undefined)[] = plan.stores.map(() => undefined);
    const checkpointsOf: (Checkpoints | undefined)[] = plan.stores.map(() => undefined);
    const backlogs: QueueBacklog[] = [];
    const checkpoints: Checkpoints[] = [];
    for (const s of plan.stores) {
        if (isRegionalQueue(plan, s.index)) {
            const n = s.replicas.length;
            const b: QueueBacklog = {
                store: s.index,
                consumers: consumersOf(plan, s.index),
                mark: new Float64Array(n),
                since: new Float64Array(n).fill(0),
                up: new Uint8Array(n).fill(1),
                open: new Array(n).fill(undefined),
                all: [],
                waits: [],
            };
            backlogs.push(b);
            backlogOf[s.index] = b;
        } else if (followsCheckpoints(plan, s.index)) {
            // A consumer group follows one cluster at a time: an active-active service consumes in every region.
            const consumers = consumersOf(plan, s.index).filter((v) => !plan.services[v]!.activeActive);
            if (consumers.length === 0) continue;
            const intervalMs = checkpointIntervalOf(plan, s.index);
            const c: Checkpoints = {
                store: s.index,
                intervalMs,
                // Whole milliseconds, as every scheduled time: uniform over the interval to the millisecond.
                phaseMs: Math.floor(phases.uniform() * intervalMs),
                consumers,
                region: Int32Array.from(consumers, (v) => ctx.services[v]!.primary),
                translated: new Map(),
                moves: [],
            };
            checkpoints.push(c);
            checkpointsOf[s.index] = c;
        }
    }
    return { backlogs, checkpoints, backlogOf, checkpointsOf };
}

export function scheduleCheckpoints(ctx: EngineContext, state: QueueState): void {
    state.checkpoints.forEach((c, i) => {
        if (c.phaseMs <= ctx.plan.durationMs) ctx.queue.push(c.phaseMs, Rank.control, EventKind.checkpoint, i);
    });
}

/** `EventKind.checkpoint`: each link of the store that is not cut carries the group's position, translated. */
export function onCheckpoint(ctx: EngineContext, state: QueueState, index: number, t: number): void {
    const c = state.checkpoints[index]!;
    for (const link of ctx.links) {
        if (link.store.index !== c.store || link.blocked) continue;
        ctx.advance(link, t, true);
        c.translated.set(link.index, { head: received(ctx, link, t), atMs: t });
    }
    const next = t + c.intervalMs;
    if (next <= ctx.plan.durationMs) ctx.queue.push(next, Rank.control, EventKind.checkpoint, index);
}

/** After any state change: backlogs stranded, returned or lost; consumer groups that moved cluster. */
export function queuesChanged(ctx: EngineContext, state: QueueState, t: number): void {
    for (const b of state.backlogs) updateBacklog(ctx, b, t);
    for (const c of state.checkpoints) detectMoves(ctx, c, t);
}

function consuming(ctx: EngineContext, b: QueueBacklog, region: number): boolean {
    for (const v of b.consumers) {
        const service = ctx.plan.services[v]!;
        if (service.runsIn[region] && ctx.partial.serviceErrorShare(v, region) < 1) return true;
    }
    return false;
}

function updateBacklog(ctx: EngineContext, b: QueueBacklog, t: number): void {
    const store = ctx.plan.stores[b.store]!;
    const accepted = ctx.storeCounters[b.store]!.accepted;
    store.replicas.forEach((region, slot) => {
        const up = !ctx.faults.isDown(region) && !ctx.destroyed[region];
        const wasUp = b.up[slot] === 1;
        b.up[slot] = up ? 1 : 0;
        if (wasUp && !up) strand(ctx, b, slot, accepted[slot]!, t);
        const open = b.open[slot];
        if (open !== undefined && ctx.destroyed[region]) {
            open.lostAtMs = t;
            b.open[slot] = undefined;
            ctx.record(
                t,
                'writes-lost',
                `${store.id}: the ${formatCount(open.messages)} messages stranded in ${ctx.regionName(region)} since ${formatDuration(open.atMs)} are destroyed with it`,
                store.id,
                region,
                open.fault >= 0 ? ctx.faultSource(open.fault) : undefined,
            );
        }
        if (!up) return;
        if (!wasUp && open !== undefined) {
            open.returnedAtMs = t;
            b.open[slot] = undefined;
            ctx.record(
                t,
                'writes-delivered',
                `${store.id}: the ${formatCount(open.messages)} messages stranded in ${ctx.regionName(region)} since ${formatDuration(open.atMs)} can be consumed again`,
                store.id,
                region,
            );
            // Back in the queue: they wait with what arrives next until a consumer takes them.
            if (open.messages > 0) {
                b.mark[slot] = accepted[slot]! - open.messages;
                b.since[slot] = open.sinceMs;
            }
        }
        const now = consuming(ctx, b, region);
        const since = b.since[slot]!;
        if (now && since >= 0) {
            // Consumers that are up keep up (no consumption rate is declared): what waited is taken now.
            const messages = accepted[slot]! - b.mark[slot]!;
            if (messages > 0) b.waits.push({ slot, sinceMs: since, untilMs: t, messages, outcome: 'consumed' });
            b.mark[slot] = accepted[slot]!;
            b.since[slot] = -1;
        } else if (now) {
            b.mark[slot] = accepted[slot]!;
        } else if (since < 0) {
            b.mark[slot] = accepted[slot]!;
            b.since[slot] = t;
        }
    });
}

/** The region went down: the backlog no consumer had taken stays in it. */
function strand(ctx: EngineContext, b: QueueBacklog, slot: number, accepted: number, t: number): void {
    const store = ctx.plan.stores[b.store]!;
    const region = store.replicas[slot]!;
    const since = b.since[slot]!;
    const messages = since >= 0 ? accepted - b.mark[slot]! : 0;
    if (since >= 0 && messages > 0) b.waits.push({ slot, sinceMs: since, untilMs: t, messages, outcome: 'stranded' });
    const stranding = {
        store: b.store,
        slot,
        fault: downBy(ctx, region, t),
        atMs: t,
        sinceMs: since >= 0 ? since : t,
        messages,
        returnedAtMs: -1,
        lostAtMs: -1,
    };
    b.all.push(stranding);
    b.open[slot] = stranding;
    b.mark[slot] = accepted;
    b.since[slot] = -1;
    const why =
        b.consumers.length === 0
            ? `no service reads ${store.id}, so every message accepted there since ${formatDuration(stranding.sinceMs)} counts as not consumed (an upper bound)`
            : since >= 0
              ? `accepted there since ${formatDuration(since)} while none of its consumers was up`
              : `its consumers were up and are assumed to keep up: messages in flight to them are not counted (no consumption rate is declared)`;
    ctx.record(
        t,
        'writes-stranded',
        `${store.id}: ${formatCount(messages)} messages stranded in ${ctx.regionName(region)} until it returns — ${why} (${factRef(store.model.engine === 'kinesis' ? 'kinesis-single-region' : 'sqs-single-region')})`,
        store.id,
        region,
        stranding.fault >= 0 ? ctx.faultSource(stranding.fault) : undefined,
    );
}

/**
 * The outage or destroy of `region` in effect at `t` (the last declared, if several), or -1: what took it down. Any
 * other fault in effect then (elsewhere, or not one that takes a region down) is not this stranding's cause.
 */
function downBy(ctx: EngineContext, region: number, t: number): number {
    let latest = -1;
    for (const f of ctx.plan.faults) {
        if (f.kind !== 'outage' && f.kind !== 'destroy') continue;
        if (f.region === region && f.at <= t && (f.until > t || f.kind === 'destroy')) latest = f.index;
    }
    return latest;
}

function detectMoves(ctx: EngineContext, c: Checkpoints, t: number): void {
    const store = ctx.plan.stores[c.store]!;
    c.consumers.forEach((v, i) => {
        const from = c.region[i]!;
        const to = ctx.services[v]!.primary;
        if (to === from) return;
        c.region[i] = to;
        const fromSlot = store.slotOf[from] ?? -1;
        const toSlot = store.slotOf[to] ?? -1;
        const link = fromSlot >= 0 && toSlot >= 0 ? ctx.linkOf[c.store]![fromSlot]![toSlot] : undefined;
        if (link === undefined) return;
        ctx.advance(link, t, true);
        const head = received(ctx, link, t);
        const last = c.translated.get(link.index);
        const atFailover = redeliveredAtMove(head, last?.head ?? 0) * ctx.weight;
        c.moves.push({
            store: c.store,
            service: v,
            from,
            to,
            atMs: t,
            checkpointAtMs: last?.atMs ?? -1,
            atFailover,
            headAt: head,
            consumedEnd: link.log.end,
            afterHeal: 0,
        });
        const since = last
            ? `the checkpoint at ${formatDuration(last.atMs)}`
            : 'the start of the scenario (no checkpoint yet)';
        ctx.record(
            t,
            'writes-delivered',
            `${store.id}: consumers of ${ctx.plan.services[v]!.id} resume in ${ctx.regionName(to)} from ${since}: ${formatCount(atFailover)} messages delivered again${store.model.consumersIdempotent ? ' (consumers idempotent)' : ' (duplicates)'} (${factRef('kafka-mirrormaker2')})`,
            store.id,
            to,
        );
    });
}

/** At the run's end: what each move's consumers get again once the source's stranded messages arrive. */
export function finishQueues(ctx: EngineContext, state: QueueState): void {
    for (const b of state.backlogs) {
        const accepted = ctx.storeCounters[b.store]!.accepted;
        b.up.forEach((up, slot) => {
            const since = b.since[slot]!;
            const messages = accepted[slot]! - b.mark[slot]!;
            if (up && since >= 0 && messages > 0)
                b.waits.push({ slot, sinceMs: since, untilMs: -1, messages, outcome: 'waiting' });
        });
    }
    for (const c of state.checkpoints) {
        const store = ctx.plan.stores[c.store]!;
        for (const m of c.moves) {
            const link = ctx.linkOf[c.store]![store.slotOf[m.from]!]![store.slotOf[m.to]!]!;
            const reached = received(ctx, link, ctx.plan.durationMs);
            m.afterHeal = redeliveredAfterHeal(m.headAt, m.consumedEnd, reached) * ctx.weight;
        }
    }
}

/**
 * How far into the source's log the target got by `t`: the link's head, less what a loss (a promotion
 * elsewhere, a destroy) dropped — dropping the log moves the head to its end without applying anything.
 */
function received(ctx: EngineContext, link: Link, t: number): number {
    let dropped = 0;
    for (const loss of ctx.storeCounters[link.store.index]!.losses)
        if (loss.region === link.from && loss.atMs <= t) dropped += loss.lostWrites / ctx.weight;
    return link.head - dropped;
}
