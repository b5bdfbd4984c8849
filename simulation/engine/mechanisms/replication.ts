// Replication and heal: per store, per replica a write log; per destination a link that applies it in order,
// at each entry's due time (the store's lag, at least RTT/2; after a stall, no earlier than the heal plus the
// lag; behind a healed backlog, no faster than the store's catch-up). Entries are applied in bulk when
// something needs them (a tick, a fault, a promotion); only keys whose conflicts are tracked have a real event
// (`EventKind.delivery`), applied against the key's version vectors (LWW discards, CRDT merges, siblings). A
// fault that cuts links stalls them; a heal starts a drain; a replica cut off from every other one strands
// what it alone holds (data-fate.ts).
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { itemAt } from '../../../language/util/item-at.js';
import { drainSeconds } from '../../drain.js';
import { counterState, CounterStates, followsIncrements } from '../../counter-increments.js';
import { StoreFate } from '../../data-fate.js';
import type { StorePlan } from '../../plan.js';
import {
    applyRemote,
    ApplyResult,
    atLeastTransit,
    delayOf,
    endDrain,
    KeyStates,
    stalled,
    trackedDueTime,
    WriteLog,
    type Heal,
    type Link,
} from '../../replication.js';
import { addAt, float64At } from '../../typed-at.js';
import { logState, staleExposed } from '../../work.js';
import type { EngineContext, RunState } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';
import { receivingLog } from '../receiving-log.js';

export function setUpStore(ctx: EngineContext, s: StorePlan): void {
    const replicaCount = s.replicas.length;
    const regionCount = ctx.plan.regions.length;
    if (s.tracksKeys && s.trackedKeys > 0) {
        // Each workload's shared keys (thinned like the writes when sampled), within the key-state budget.
        let needed = 0;
        for (const [w] of s.keyOffsets) needed += Math.max(1, ctx.sharedSpace[w]!);
        const cells = needed * replicaCount * (replicaCount + 2);
        const fraction = cells > ctx.options.maxKeyStateCells ? ctx.options.maxKeyStateCells / cells : 1;
        const limits = new Map<number, number>();
        let offset = 0;
        for (const [w] of s.keyOffsets) {
            const limit = Math.max(1, Math.floor(ctx.sharedSpace[w]! * fraction));
            limits.set(w, limit);
            s.keyOffsets.set(w, offset);
            offset += limit;
        }
        ctx.trackedLimit[s.index] = limits;
        if (fraction < 1) {
            ctx.conflictScale[s.index] = 1 / fraction;
            ctx.notes.push(
                `${s.id}: conflicts are tracked on ${Math.round(fraction * 1000) / 10}% of its shared keys (a uniform sample) and scaled up, to keep the key state within the memory budget`,
            );
        }
        ctx.work.state += offset * replicaCount * (replicaCount + 2);
        // Asynchronous stores follow versions (LWW, CRDT, siblings); only a synchronous one refuses a write to a
        // key while another region's write to it is in flight.
        if (s.mode === 'async') ctx.keyStates[s.index] = new KeyStates(offset, replicaCount);
        else ctx.syncLastWrite[s.index] = new Float64Array(offset * replicaCount).fill(-Infinity);
        // A counter under last-writer-wins: follow the value each version carries (increments lost).
        if (followsIncrements(s)) {
            ctx.counterStates[s.index] = new CounterStates(offset, replicaCount);
            ctx.work.state += counterState(offset, replicaCount);
        }
    } else {
        ctx.trackedLimit[s.index] = new Map();
    }
    if (s.mode !== 'async' || replicaCount < 2) return;
    const tracked = ctx.keyStates[s.index] !== undefined;
    for (let from = 0; from < replicaCount; from++) {
        const counter = ctx.counterStates[s.index] !== undefined;
        const log = new WriteLog(replicaCount, replicaCount - 1, tracked, 1024, counter, s.spikes.length > 0, from);
        ctx.work.state += logState(replicaCount, tracked, counter);
        ctx.logs[s.index]![from] = log;
        itemAt(ctx.logIn, s.index, 'logs by region')[itemAt(s.replicas, from, 'replicas')] = log;
        ctx.linksFrom[s.index]![from] = [];
        ctx.linkOf[s.index]![from] = [];
        for (let to = 0; to < replicaCount; to++) {
            if (to === from) continue;
            const fromReplica = s.replicas[from]!;
            const toReplica = s.replicas[to]!;
            const link: Link = {
                index: ctx.links.length,
                store: s,
                fromSlot: from,
                toSlot: to,
                from: fromReplica,
                to: toReplica,
                column: ctx.linksFrom[s.index]![from]!.length,
                oneWayMs: ctx.plan.rtt[fromReplica * regionCount + toReplica]! / 2,
                log,
                head: 0,
                trackedHead: 0,
                appendedDue: 0,
                scheduled: false,
                stamp: 0,
                blocked: false,
                blockedSince: 0,
                cutBy: -1,
                resumeAt: 0,
                lastApplied: 0,
                intervalMaxLag: -1,
                maxDelay: -1,
                maxHeld: -1,
                heals: [],
                healWatch: Infinity,
                gapMs: Number.isFinite(s.drain.catchUpPerS) ? (ctx.weight * 1_000) / s.drain.catchUpPerS : 0,
                draining: undefined,
                drainFree: 0,
            };
            ctx.links.push(link);
            ctx.linksFrom[s.index]![from]!.push(link);
            ctx.linkOf[s.index]![from]![to] = link;
        }
    }
}

/** Schedules the delivery event of the link's next tracked entry, if it has one. */
function scheduleTracked(ctx: EngineContext, link: Link): void {
    if (link.trackedHead >= link.log.trackedEnd) return;
    link.scheduled = true;
    ctx.queue.push(Math.max(trackedDueTime(link), ctx.now), Rank.delivery, EventKind.delivery, link.index, link.stamp);
}

/**
 * Applies, in order, every entry of the link that is due by `t` (strictly before `t` when `inclusive` is
 * false: a fault at `t` comes before deliveries at `t`). Stops at a tracked entry: those have their own event.
 */
export function advance(ctx: EngineContext, link: Link, t: number, inclusive: boolean): void {
    const log = link.log;
    const end = log.end;
    if (link.head >= end || link.resumeAt === Infinity) return;
    const nextTracked =
        link.trackedHead < log.trackedEnd ? log.trackedAt[log.trackedSlot(link.trackedHead)]! : Infinity;
    const stop = nextTracked < end ? nextTracked : end;
    const watch = link.healWatch;
    if (watch <= stop) {
        // Writes stranded in the source end at `watch`: stop there once to learn when the last one arrived.
        applyDue(ctx, link, t, inclusive, watch);
        if (link.head < watch) return trimLog(ctx, link.store.index, link.fromSlot, log);
        strandedDelivered(ctx, link, link.lastApplied);
    }
    applyDue(ctx, link, t, inclusive, stop);
    trimLog(ctx, link.store.index, link.fromSlot, log);
}

/** The bulk apply of `advance`, up to the absolute index `stop`. */
function applyDue(ctx: EngineContext, link: Link, t: number, inclusive: boolean, stop: number): void {
    if (link.draining === undefined && link.store.spikes.length === 0) applySteady(ctx, link, t, inclusive, stop);
    else applyGeneral(ctx, link, t, inclusive, stop);
}

/** `applyDue` entry by entry, for any link: lag spikes, a draining backlog. Exported for its equivalence test. */
export function applyGeneral(ctx: RunState, link: Link, t: number, inclusive: boolean, stop: number): void {
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
        const entryDelay = simple ? delay : delayOf(link, sent);
        const natural = sent + entryDelay;
        let due = natural < resumeAt ? resumeAt : natural;
        if (draining) {
            // Queued behind the backlog, or arriving to an empty queue: then the drain ended with the last one.
            if (natural < free) due = free;
            else {
                link.lastApplied = lastApplied;
                drainEnded(ctx, link, head);
                draining = false;
            }
        }
        if (lastApplied > due) due = lastApplied;
        if (due > t || (!inclusive && due === t)) break;
        if (draining) free = due + gap;
        lastApplied = due;
        // On time, an entry is its delay old (due − sent can differ from it in the last bit).
        const age = due === natural ? entryDelay : due - sent;
        if (age > maxLag) maxLag = age;
        if (natural < resumeAt) {
            if (age > maxHeld) maxHeld = age;
        } else if (age > maxDelay) maxDelay = age;
        head++;
    }
    ctx.storeCounters[link.store.index]!.applied[link.toSlot]! += (head - link.head) * ctx.weight;
    ctx.appliesInBulk += head - link.head;
    link.head = head;
    link.lastApplied = lastApplied;
    link.drainFree = free;
    if (draining && head === log.end && head > link.draining!.fromIndex && queueClosed(link, t, free))
        endDrain(link, lastApplied, head, ctx.weight);
    link.intervalMaxLag = maxLag;
    link.maxDelay = maxDelay;
    link.maxHeld = maxHeld;
}

/**
 * `applyDue` for a link with no lag spike and no drain, the common case, in time logarithmic in the entries it
 * applies. Every entry's delay is the same, so its due time is max(sent + delay, floor), the floor being the
 * later of `resumeAt` and the last applied time (send times only grow, so each entry's due time is also the
 * previous one's floor): the entries due by `t` are a prefix of the log, found by halving. Their ages are
 * known without visiting them: an entry held to the floor is floor − sent old, the oldest the most; the others
 * are `delay` old. The same entries, due times and lag maxima as the general loop, to the bit.
 */
export function applySteady(ctx: RunState, link: Link, t: number, inclusive: boolean, stop: number): void {
    const resumeAt = link.resumeAt;
    const floor = resumeAt > link.lastApplied ? resumeAt : link.lastApplied;
    if (floor > t || (!inclusive && floor === t)) return;
    const times = link.log.times;
    const delay = delayOf(link, 0);
    const from = link.head;
    const head = firstDue(times, from, stop, delay, t, inclusive);
    if (head === from) return;
    // Held by a stall (due at the resume rather than at its own time), then held behind the last applied
    // entry, then on time: three runs of the prefix, in that order.
    const onTimeAfterStall = firstDue(times, from, head, delay, resumeAt, false);
    const onTime = firstDue(times, onTimeAfterStall, head, delay, floor, false);
    let maxLag = link.intervalMaxLag;
    let maxDelay = link.maxDelay;
    let maxHeld = link.maxHeld;
    if (onTimeAfterStall > from) {
        const age = floor - sentAt(times, from);
        if (age > maxHeld) maxHeld = age;
        if (age > maxLag) maxLag = age;
    }
    if (onTime > onTimeAfterStall) {
        const age = floor - sentAt(times, onTimeAfterStall);
        if (age > maxDelay) maxDelay = age;
        if (age > maxLag) maxLag = age;
    }
    if (head > onTime) {
        if (delay > maxDelay) maxDelay = delay;
        if (delay > maxLag) maxLag = delay;
    }
    addAt(
        itemAt(ctx.storeCounters, link.store.index, 'store counters').applied,
        link.toSlot,
        (head - from) * ctx.weight,
        'applied writes',
    );
    ctx.appliesInBulk += head - from;
    link.head = head;
    link.lastApplied = head > onTime ? sentAt(times, head - 1) + delay : floor;
    link.intervalMaxLag = maxLag;
    link.maxDelay = maxDelay;
    link.maxHeld = maxHeld;
}

/** The send time of the log entry at absolute index `at` (the ring's length is a power of two). */
function sentAt(times: Float64Array, at: number): number {
    return float64At(times, at & (times.length - 1), 'write log');
}

/**
 * The first entry in [lo, hi) due (sent + delay) after `bound` — or at it, unless `atBoundIsBefore` — or `hi`:
 * send times only grow, so it is found by halving.
 */
function firstDue(
    times: Float64Array,
    lo: number,
    hi: number,
    delay: number,
    bound: number,
    atBoundIsBefore: boolean,
): number {
    while (lo < hi) {
        const mid = lo + Math.floor((hi - lo) / 2);
        const due = sentAt(times, mid) + delay;
        if (due > bound || (due === bound && !atBoundIsBefore)) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

/**
 * Whether a drain whose log is empty at `t` is over: no write sent from `t` on can arrive before the queue is free
 * again (`free`) and queue behind the backlog. Until then the next write decides, so that the drain's end does not
 * depend on when the link is observed. A lag spike only lengthens the lag: the least delay is the store's lag.
 */
function queueClosed(link: Link, t: number, free: number): boolean {
    return t + atLeastTransit(link, link.store.lagMs) >= free;
}

/**
 * The drain ended with the link's last applied entry. Called from `applyDue`'s loop without a floating-point
 * argument: one there kept the loop's times boxed, an allocation per entry applied.
 */
function drainEnded(ctx: RunState, link: Link, head: number): void {
    endDrain(link, link.lastApplied, head, ctx.weight);
}

/** Every write stranded in the link's source has reached another replica (this link's) at `t`. */
function strandedDelivered(ctx: EngineContext, link: Link, t: number): void {
    const storeIndex = link.store.index;
    for (const l of ctx.linksFrom[storeIndex]![link.fromSlot]!) l.healWatch = Infinity;
    const record = ctx.fates[storeIndex]!.delivered(link.fromSlot, t, ctx.weight);
    if (record === undefined || record.delivered <= 0) return;
    ctx.record(
        t,
        'writes-delivered',
        `${link.store.id}: the ${formatCount(record.delivered)} write${record.delivered === 1 ? '' : 's'} stranded in ${ctx.plan.regions[link.from]} since ${formatDuration(record.cutAt)} reached ${ctx.plan.regions[link.to]}, ${formatDuration(t - record.healedAt)} after it became reachable again`,
        link.store.id,
        link.from,
        record.fault >= 0 ? ctx.faultSource(record.fault) : undefined,
    );
}

/** The next tracked entry of a link is due (at `ctx.now`): apply what precedes it, then it, against the key's state. */
export function onDelivery(ctx: EngineContext): void {
    const t = ctx.now;
    const queue = ctx.queue;
    const link = ctx.links[queue.peekArgValue()]!;
    queue.pop();
    if (queue.stamp !== link.stamp) return;
    link.scheduled = false;
    advance(ctx, link, t, true);
    const log = link.log;
    const ring = log.trackedSlot(link.trackedHead);
    const absolute = log.trackedAt[ring]!;
    if (link.head !== absolute) return scheduleTracked(ctx, link);
    const at = log.slot(absolute);
    const sent = log.times[at]!;
    const weight = ctx.weight;
    const storeIndex = link.store.index;
    const counters = ctx.storeCounters[storeIndex]!;
    counters.applied[link.toSlot]! += weight;
    if (t - sent > link.intervalMaxLag) link.intervalMaxLag = t - sent;
    if (link.draining !== undefined) {
        if (sent + delayOf(link, sent) < link.drainFree) link.drainFree = t + link.gapMs;
        else drainEnded(ctx, link, link.head);
    }
    if (sent + delayOf(link, sent) < link.resumeAt) {
        if (t - sent > link.maxHeld) link.maxHeld = t - sent;
    } else if (t - sent > link.maxDelay) link.maxDelay = t - sent;
    const states = ctx.keyStates[storeIndex]!;
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
        ring * log.stride,
    );
    const counter = ctx.counterStates[storeIndex];
    // The replica now holds the replicated version (its timestamp was newer): it holds that version's count.
    if (counter !== undefined) {
        const cell = key * states.replicas + link.toSlot;
        if (
            states.valueTime[cell] === sent &&
            states.valueOrigin[cell] === link.fromSlot &&
            result !== ApplyResult.superseded
        )
            counter.adopt(key, link.toSlot, log.values![ring]!);
    }
    const scaled = weight * ctx.conflictScale[storeIndex]!;
    if (result === ApplyResult.discardedLocal) {
        counters.discarded += scaled;
        counters.discardedAt[link.toSlot]! += scaled;
        if (ctx.fates[storeIndex]!.overwritten(link.toSlot, replaced, scaled)) counters.overwritten += scaled;
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
    if (link.head === link.healWatch) strandedDelivered(ctx, link, t);
    trimLog(ctx, storeIndex, link.fromSlot, log);
    scheduleTracked(ctx, link);
}

function trimLog(ctx: EngineContext, s: number, fromSlot: number, log: WriteLog): void {
    const links = ctx.linksFrom[s]![fromSlot]!;
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

/** Stalls links that can no longer deliver and lets the ones that can drain, after the lag. */
export function updateLinks(ctx: EngineContext, t: number, fault: number): void {
    ctx.work.scans += ctx.links.length;
    let changed: Link[] | undefined;
    for (const link of ctx.links) {
        const blocked = ctx.faults.unreachable(link.from, link.to);
        if (blocked === link.blocked) continue;
        (changed ??= []).push(link);
        if (blocked) {
            advance(ctx, link, t, false);
            // A backlog that has all arrived drained; one still on its way is cut again.
            if (link.draining !== undefined && link.head === link.log.end) drainEnded(ctx, link, link.head);
            else if (link.draining !== undefined) link.draining.outcome = 'cut-again';
            link.draining = undefined;
            link.blocked = true;
            link.blockedSince = t;
            link.cutBy = fault;
            link.resumeAt = Infinity;
            link.stamp++;
            link.scheduled = false;
        } else {
            link.blocked = false;
            link.resumeAt = t + delayOf(link, t);
            const backlog = (link.log.end - link.head) * ctx.weight;
            if (backlog > 0) {
                // The fluid estimate: writes keep arriving as they did while the link was cut.
                const arrivalsPerMs = backlog / (link.resumeAt - link.blockedSince);
                const expectedEnd =
                    link.resumeAt + drainSeconds(backlog, link.store.drain.catchUpPerS, arrivalsPerMs * 1_000) * 1_000;
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
                if (staleExposed(link.store) && expectedEnd > ctx.drainUntil[storeIndex]!)
                    ctx.drainUntil[storeIndex] = expectedEnd;
            }
            scheduleTracked(ctx, link);
        }
    }
    if (changed !== undefined) for (const link of changed) updateCutOff(ctx, link.store.index, link.fromSlot, t, fault);
    strandWhereDown(ctx, t, fault);
}

/**
 * A replica whose own region is down and that strands nothing yet: its links changed nothing when the region
 * failed, its only peers being down already (what it held was then a backlog for their return, as it served its
 * users). Now it is cut off like any other. One look per replica with links (fewer than the links scanned).
 */
function strandWhereDown(ctx: EngineContext, t: number, fault: number): void {
    for (const store of ctx.plan.stores) {
        const links = itemAt(ctx.linksFrom, store.index, 'links from');
        const fate = itemAt(ctx.fates, store.index, 'fates');
        for (let slot = 0; slot < links.length; slot++) {
            const open = fate.open[slot];
            if (
                ctx.faults.isDown(itemAt(store.replicas, slot, 'replicas')) &&
                (open === undefined || open.endIndex >= 0)
            )
                updateCutOff(ctx, store.index, slot, t, fault);
        }
    }
}

/**
 * A replica that can reach no other replica strands what it alone holds; once one link is back, that is
 * on its way, and delivered when that link has applied it all.
 */
function updateCutOff(ctx: EngineContext, store: number, slot: number, t: number, fault: number): void {
    const links = ctx.linksFrom[store]![slot]!;
    const log = ctx.logs[store]![slot]!;
    const fate = ctx.fates[store]!;
    const open = fate.open[slot];
    const cutOff = open !== undefined && open.endIndex < 0;
    const region = ctx.plan.stores[store]!.replicas[slot]!;
    let isolated = true;
    // A live replica whose every peer is down still serves its users: what it alone holds is a backlog for
    // the peers' return, not stranded. It is stranded when its own region is down or a partition cuts it off.
    let peersAllDown = true;
    let furthest = log.start;
    for (const link of links) {
        if (!link.blocked) isolated = false;
        if (!ctx.faults.isDown(ctx.plan.stores[store]!.replicas[link.toSlot]!)) peersAllDown = false;
        if (link.head > furthest) furthest = link.head;
    }
    if (isolated && peersAllDown && !ctx.faults.isDown(region)) isolated = false;
    if (isolated && !cutOff && ctx.destroyed[region] === 0) {
        for (const link of links) link.healWatch = Infinity;
        const record = fate.cut(slot, t, fault, furthest, log, ctx.weight);
        const held = StoreFate.strandedCount(record, log) * ctx.weight;
        if (held > 0)
            ctx.record(
                t,
                'writes-stranded',
                `${ctx.plan.stores[store]!.id}: ${formatCount(held)} acknowledged write${held === 1 ? '' : 's'} held only in ${ctx.plan.regions[region]} are stranded there until it is reachable again (kept, not lost)`,
                ctx.plan.stores[store]!.id,
                region,
                fault >= 0 ? ctx.faultSource(fault) : undefined,
            );
    } else if (!isolated && cutOff) {
        const record = fate.heal(slot, t, log)!;
        if (furthest >= record.endIndex) {
            fate.delivered(slot, t, ctx.weight);
            return;
        }
        for (const link of links) link.healWatch = record.endIndex;
    }
}

/**
 * A write acknowledged in `location` (replica `slot` of store `s`) now joins that replica's log, and every link
 * out of it learns when it is due; a write to a tracked key also gets its version vector and a delivery event.
 * The time is the context's (once per write: no floating-point argument to box).
 */
export function appendWrite(ctx: EngineContext, s: number, location: number, key: number, workload: number): void {
    const log = receivingLog(ctx, s, location);
    if (log === undefined) return;
    const t = ctx.now;
    const states = ctx.keyStates[s];
    const tracked = states !== undefined && key >= 0 ? trackedIndex(ctx, s, key, workload) : -1;
    log.push(t, tracked);
    // Only a tracked entry reads `appendedDue`. Without lag spikes a link's delay is one constant and times only
    // grow, so the latest due time is the newest entry's: it is raised for a tracked entry, not every write.
    const trackedHere = tracked >= 0 && states !== undefined;
    if (!log.spiky && !trackedHere) return;
    const links = ctx.linksFrom[s]![log.replica]!;
    raiseAppendedDue(links, t);
    if (trackedHere) appendTracked(ctx, states, s, log.replica, tracked, log, links);
}

/** Each link's latest due time of any entry appended, now that one sent at `t` is. */
function raiseAppendedDue(links: readonly Link[], t: number): void {
    for (let i = 0; i < links.length; i++) {
        const link = links[i]!;
        const due = t + delayOf(link, t);
        if (due > link.appendedDue) link.appendedDue = due;
    }
}

/** The index of a workload's shared key in the store's key state, or -1 when its conflicts are not tracked. */
function trackedIndex(ctx: EngineContext, s: number, key: number, workload: number): number {
    return key < (ctx.trackedLimit[s]!.get(workload) ?? 0) ? key + ctx.plan.stores[s]!.keyOffsets.get(workload)! : -1;
}

/** A write to a tracked key (just appended): its version vector, its count, and a delivery event. */
function appendTracked(
    ctx: EngineContext,
    states: KeyStates,
    s: number,
    slot: number,
    tracked: number,
    log: WriteLog,
    links: readonly Link[],
): void {
    const t = ctx.now;
    const ring = log.trackedSlot(log.pushTracked());
    states.writeLocal(tracked, slot, t);
    const counter = ctx.counterStates[s];
    if (counter !== undefined) log.values![ring] = counter.increment(tracked, slot, t);
    states.snapshot(tracked, slot, log.seen!, ring * log.stride);
    for (let i = 0; i < links.length; i++) {
        const link = links[i]!;
        log.trackedDue[ring * log.links + link.column] = link.appendedDue;
        if (!link.scheduled && !link.blocked) scheduleTracked(ctx, link);
    }
}

/** At the end of sample interval `index`: every link applies what is due, and its lag is sampled. */
export function sampleLinks(ctx: EngineContext, index: number, t: number): void {
    ctx.work.scans += ctx.links.length;
    for (const link of ctx.links) {
        advance(ctx, link, t, true);
        const waiting = link.head < link.log.end ? t - link.log.timeAt(link.head) : -1;
        const lag = Math.max(link.intervalMaxLag, waiting);
        if (lag >= 0) ctx.lagSeries[link.index]![index] = lag;
        // The oldest write still waiting: held back by a stall, or on its way between live ends.
        if (stalled(link, t)) {
            if (waiting > link.maxHeld) link.maxHeld = waiting;
        } else if (waiting > link.maxDelay) link.maxDelay = waiting;
        link.intervalMaxLag = -1;
    }
}

/** At the run's end: every link applies what is due; a drain still under way is unfinished or never ends. */
export function finishLinks(ctx: EngineContext, end: number): void {
    ctx.work.scans += ctx.links.length;
    for (const link of ctx.links) {
        advance(ctx, link, end, true);
        const heal = link.draining;
        if (heal === undefined) continue;
        // Its backlog has all arrived and no write comes after the end: it drained.
        if (link.head === link.log.end) {
            drainEnded(ctx, link, link.head);
            continue;
        }
        heal.outcome = Number.isFinite(heal.expectedEnd) ? 'unfinished' : 'never-drains';
        heal.drainedWrites = (link.head - heal.fromIndex) * ctx.weight;
    }
}

/** Writes still on their way after a heal: what the furthest link has applied counts as delivered. */
export function settleFates(run: RunState): void {
    for (const link of run.links) run.fates[link.store.index]!.settle(link.fromSlot, link.head, run.weight);
}

/**
 * At the run's end, per counter-shaped last-writer-wins store: the increments lost once replication converges,
 * apart from keys with a write still waiting on a cut link (stranded there, not lost yet).
 */
export function summarizeCounters(run: RunState): void {
    run.counterStates.forEach((counter, s) => {
        if (counter === undefined) return;
        const waiting = new Uint8Array(counter.keys);
        for (const link of run.links) {
            if (link.store.index !== s || !link.blocked) continue;
            const log = link.log;
            for (let i = link.trackedHead; i < log.trackedEnd; i++) {
                const key = log.keys[log.slot(log.trackedAt[log.trackedSlot(i)]!)]!;
                if (key >= 0) waiting[key] = 1;
            }
        }
        const summary = counter.summary((key) => waiting[key] === 1);
        const scale = run.weight * run.conflictScale[s]!;
        run.counterSummaries[s] = {
            lost: summary.lost * scale,
            notConvergedKeys: summary.notConvergedKeys,
            notConvergedIncrements: summary.notConvergedIncrements * scale,
        };
    });
}
