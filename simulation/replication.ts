// Asynchronous replication as in-order streams. Every write a region accepts is appended to that region's
// log; one link per destination replica applies the log in order (as replication streams do), each entry
// no earlier than its send time plus the lag. Partitions and outages of the destination stall a link and it
// drains after they end; what the source holds alone while it is cut off is stranded there until it is
// reachable again (data-fate.ts).
//
// Applying an entry is an event at its due time. Most entries change nothing anyone can observe between
// their due time and the next observation (a tick, a fault, the end), so the engine applies them in bulk,
// in order, each at its own due time, when such an observation comes — the same result as one heap event
// each, at a fraction of the cost. Entries whose key's conflicts are tracked must meet the destination's
// own writes in true time order, so each of them gets a real event in the queue.
import { lagFor } from './faults.js';
import type { StorePlan } from './plan.js';
import type { DrainOutcome } from './drain.js';

/** Writes accepted in one replica region of one store, waiting to be applied elsewhere (a ring buffer). */
export class WriteLog {
    times: Float64Array;
    keys: Int32Array;
    /**
     * Per tracked entry (at its place in the tracked ring, `stride` values each), what the writing replica's
     * state of the key included from each replica; kept with the tracked entries, not with every entry, as the
     * others never need it.
     */
    seen: Float64Array | undefined;
    /** Per tracked entry (at its place in the tracked ring), the counter value the write carried (counter-shaped
     *  last-writer-wins stores only). */
    values: Float64Array | undefined;
    private mask: number;
    /** Absolute index of the oldest entry still needed, and of the next entry to write. */
    start = 0;
    end = 0;
    /**
     * The tracked entries (keys whose conflicts are followed) in order: their absolute index and, per outgoing
     * link, the latest due time of any entry up to them (replication applies in order, so that is when they
     * can be applied at the earliest).
     */
    trackedAt: Float64Array;
    trackedDue: Float64Array;
    private trackedMask: number;
    trackedStart = 0;
    trackedEnd = 0;

    constructor(
        readonly stride: number,
        readonly links: number,
        tracked: boolean,
        capacity = 1024,
        counter = false,
        /** The store has lag spikes: a link's delay depends on the send time (see `delayOf`). */
        readonly spiky = false,
        /** The replica slot whose writes it holds. */
        readonly replica = 0,
    ) {
        this.times = new Float64Array(capacity);
        this.keys = new Int32Array(capacity);
        this.mask = capacity - 1;
        const trackedCapacity = tracked ? 256 : 1;
        this.seen = tracked ? new Float64Array(trackedCapacity * stride) : undefined;
        this.values = counter ? new Float64Array(trackedCapacity) : undefined;
        this.trackedAt = new Float64Array(trackedCapacity);
        this.trackedDue = new Float64Array(trackedCapacity * links);
        this.trackedMask = trackedCapacity - 1;
    }

    get length(): number {
        return this.end - this.start;
    }

    /** Appends an entry and returns its position in the ring. */
    push(time: number, key: number): number {
        if (this.end - this.start === this.times.length) this.grow();
        const at = this.end & this.mask;
        this.times[at] = time;
        this.keys[at] = key;
        this.end++;
        return at;
    }

    /** Records the entry just pushed as tracked; returns its position in the tracked ring (for its `seen` vector). */
    pushTracked(): number {
        if (this.trackedEnd - this.trackedStart === this.trackedAt.length) this.growTracked();
        const at = this.trackedEnd & this.trackedMask;
        this.trackedAt[at] = this.end - 1;
        this.trackedEnd++;
        return at;
    }

    trackedSlot(absolute: number): number {
        return absolute & this.trackedMask;
    }

    slot(absolute: number): number {
        return absolute & this.mask;
    }

    timeAt(absolute: number): number {
        return this.times[absolute & this.mask]!;
    }

    private grow(): void {
        const capacity = this.times.length * 2;
        const times = new Float64Array(capacity);
        const keys = new Int32Array(capacity);
        copyRing(this.times, times, this.start, this.end, 1);
        copyRing(this.keys, keys, this.start, this.end, 1);
        this.times = times;
        this.keys = keys;
        this.mask = capacity - 1;
    }

    private growTracked(): void {
        const capacity = this.trackedAt.length * 2;
        const at = new Float64Array(capacity);
        const due = new Float64Array(capacity * this.links);
        copyRing(this.trackedAt, at, this.trackedStart, this.trackedEnd, 1);
        if (this.links > 0) copyRing(this.trackedDue, due, this.trackedStart, this.trackedEnd, this.links);
        if (this.seen) {
            const seen = new Float64Array(capacity * this.stride);
            copyRing(this.seen, seen, this.trackedStart, this.trackedEnd, this.stride);
            this.seen = seen;
        }
        if (this.values) {
            const values = new Float64Array(capacity);
            copyRing(this.values, values, this.trackedStart, this.trackedEnd, 1);
            this.values = values;
        }
        this.trackedAt = at;
        this.trackedDue = due;
        this.trackedMask = capacity - 1;
    }
}

/**
 * Copies the entries [start, end) (absolute indices) of a power-of-two ring into a larger one, in contiguous
 * runs: each absolute index keeps its place modulo the ring's size. `stride` values per entry.
 */
function copyRing<T extends Float64Array | Int32Array>(
    from: T,
    to: T,
    start: number,
    end: number,
    stride: number,
): void {
    const fromSize = from.length / stride;
    const toSize = to.length / stride;
    let i = start;
    while (i < end) {
        const a = i % fromSize;
        const b = i % toSize;
        const run = Math.min(end - i, fromSize - a, toSize - b);
        to.set(from.subarray(a * stride, (a + run) * stride), b * stride);
        i += run;
    }
}

/** One direction of replication of one store: source replica → destination replica. */
export interface Link {
    readonly index: number;
    readonly store: StorePlan;
    readonly fromSlot: number;
    readonly toSlot: number;
    readonly from: number;
    readonly to: number;
    /** This link's position among its source's links (for the log's per-link columns). */
    readonly column: number;
    /** RTT/2 between the two regions: the floor under any lag. */
    readonly oneWayMs: number;
    readonly log: WriteLog;
    /** Absolute index of the next entry to apply, and of the next tracked entry (in the log's tracked ring). */
    head: number;
    trackedHead: number;
    /** Latest due time of any entry appended so far (the floor for the next one: replication is in order). */
    appendedDue: number;
    /** A delivery event is pending for the next tracked entry. */
    scheduled: boolean;
    /** Bumped to cancel a scheduled event (a stall, a dropped log). */
    stamp: number;
    blocked: boolean;
    blockedSince: number;
    /** The fault that cut the link last (-1: never cut), which the timeline names as the cause of what follows. */
    cutBy: number;
    /** No entry is applied before this time: +∞ while stalled, then the drain after the stall. */
    resumeAt: number;
    lastApplied: number;
    /** Largest send-to-apply delay seen in the current sample interval (stalled or not: the lag series). */
    intervalMaxLag: number;
    /** Over the run: the largest send-to-apply delay of a write no stall held back (replication between live
     *  ends), and the largest age of a write a stall held back (delivered after the heal, or still waiting). */
    maxDelay: number;
    maxHeld: number;
    /** Each heal that found writes waiting: the backlog then, and when it had all arrived. */
    readonly heals: Heal[];
    /** Log end when the source became reachable again after being cut off: applying up to here delivers what
     *  was stranded there (data-fate.ts); +∞ when nothing is waiting. */
    healWatch: number;
    /** Spacing of two applied entries while a backlog drains (sampled writes ÷ catch-up rate, ms); 0: at once. */
    readonly gapMs: number;
    /** The heal whose backlog is draining, or undefined; `drainFree` is when its next entry may be applied. */
    draining: Heal | undefined;
    drainFree: number;
}

/**
 * A stalled link reachable again with writes waiting. From one lag after the heal the backlog is applied no faster
 * than the store's catch-up rate (drain.ts), or at once when none is declared; writes accepted meanwhile queue
 * behind it. The drain is over when an entry arrives to an empty queue, or when the log is empty and no later
 * write can arrive before the queue is free (at the run's end or a new cut: at once).
 */
export interface Heal {
    readonly cutAt: number;
    readonly at: number;
    /** Writes waiting at the heal (scaled when sampled): the backlog's peak, as nothing drained while cut. */
    readonly backlog: number;
    /** Absolute log index of the first entry waiting at the heal. */
    readonly fromIndex: number;
    /** Writes per ms that arrived while the link was cut: the arrival rate the drain's fluid estimate assumes. */
    readonly arrivalsPerMs: number;
    /** When the fluid estimate says the backlog is gone (+∞ when it never drains): the stale-read breakpoint. */
    readonly expectedEnd: number;
    /** When the last entry queued behind the backlog was applied; -1 until then. */
    drainedAt: number;
    /** Writes applied from the heal until then: the backlog plus what queued behind it (the egress burst). */
    drainedWrites: number;
    outcome: DrainOutcome;
}

/** The backlog of the link's heal and what queued behind it are applied, the last at `t` (entries before `head`). */
export function endDrain(link: Link, t: number, head: number, weight: number): void {
    const heal = link.draining;
    if (heal === undefined) throw new Error(`endDrain: link ${link.index} of ${link.store.id} is not draining`);
    link.draining = undefined;
    heal.drainedAt = t;
    heal.drainedWrites = (head - heal.fromIndex) * weight;
    heal.outcome = 'drained';
}

/** Send-to-apply delay of a write sent at `sent` over `link`: the store's lag at that time, at least RTT/2. */
export function delayOf(link: Link, sent: number): number {
    return atLeastTransit(link, link.store.spikes.length === 0 ? link.store.lagMs : lagFor(link.store, sent));
}

/** A lag over `link`, floored at its one-way transit (RTT/2): no write arrives sooner than that. */
export function atLeastTransit(link: Link, lag: number): number {
    return lag > link.oneWayMs ? lag : link.oneWayMs;
}

/** When the link's next tracked entry can be applied: its in-order floor, after any stall. */
export function trackedDueTime(link: Link): number {
    const log = link.log;
    let due = log.trackedDue[log.trackedSlot(link.trackedHead) * log.links + link.column]!;
    if (link.resumeAt > due) due = link.resumeAt;
    if (link.lastApplied > due) due = link.lastApplied;
    // While draining, the entries before it queue behind the backlog, one gap each — unless one of them arrives to
    // an empty queue: the drain ends there, and the in-order due time above holds from then on.
    if (link.draining !== undefined) {
        const target = log.trackedAt[log.trackedSlot(link.trackedHead)]!;
        const floor = link.drainFree + (target - link.head) * link.gapMs;
        if (floor > due && queuesUpTo(link, target)) due = floor;
    }
    return due;
}

/**
 * Whether every entry of a draining link before the absolute index `target` queues behind the backlog. It stops at
 * the first entry that arrives to an empty queue, which is applied before the tracked entry's event: a later call
 * starts past it, so the scans of one drain add up to its entries once.
 */
function queuesUpTo(link: Link, target: number): boolean {
    let free = link.drainFree;
    for (let i = link.head; i < target; i++) {
        const sent = link.log.timeAt(i);
        if (sent + delayOf(link, sent) >= free) return false;
        free += link.gapMs;
    }
    return true;
}

/**
 * A link is stalled from its cut until its backlog has arrived (`resumeAt`), not only while it is cut: after a
 * heal the destination still holds nothing sent since the cut until the drain delivers it.
 */
export function stalled(link: Link, time: number): boolean {
    return link.blocked || time < link.resumeAt;
}

/**
 * How far behind the destination is at `time` (just after it) for an analytic estimate of stale reads: the lag
 * a write sent now would see, plus the time the link has been stalled; while a backlog drains at a finite rate
 * the fluid estimate closes that gap linearly, reaching the lag at the heal's `expectedEnd`.
 */
export function visibilityWindow(link: Link, time: number): number {
    const delay = delayOf(link, time);
    if (stalled(link, time)) return time - link.blockedSince + delay;
    const heal = link.draining;
    if (heal === undefined || time >= heal.expectedEnd) return delay;
    return link.resumeAt - link.blockedSince + delay + (time - link.resumeAt) * drainSlope(link, heal);
}

/** How fast the visibility window grows just after `time`, per ms: 1 while the link is stalled, 1 − c/w while a backlog drains, else 0. */
export function windowSlope(link: Link, time: number): number {
    if (stalled(link, time)) return 1;
    const heal = link.draining;
    return heal !== undefined && time < heal.expectedEnd ? drainSlope(link, heal) : 0;
}

/** When the window next changes slope with no event in between: a healed link's drain starts or ends; else +∞. */
export function windowBreak(link: Link, time: number): number {
    if (link.blocked) return Infinity;
    if (link.resumeAt > time) return link.resumeAt;
    const heal = link.draining;
    return heal !== undefined && heal.expectedEnd > time ? heal.expectedEnd : Infinity;
}

/** 1 − c/w: the newest applied write's send time advances c/w ms per ms while the backlog drains. */
function drainSlope(link: Link, heal: Heal): number {
    return link.gapMs > 0 && heal.arrivalsPerMs > 0 ? 1 - link.store.drain.catchUpPerS / 1_000 / heal.arrivalsPerMs : 0;
}

/**
 * Per-key state of a store whose keys can be written in several regions: for each key and replica, the
 * timestamp and origin of the value it holds and, per origin replica, the newest write that value includes.
 * That is enough to tell a concurrent write from a later one (a version vector of the value), which is what
 * decides a silent LWW discard, a CRDT merge or a vector-clock sibling.
 */
export class KeyStates {
    readonly valueTime: Float64Array;
    /** Replica slot of each value, or LOST_VALUE; -1 before the first write. */
    readonly valueOrigin: Int8Array | Int16Array | Int32Array;
    readonly includes: Float64Array;

    constructor(
        readonly keys: number,
        readonly replicas: number,
    ) {
        this.valueTime = new Float64Array(keys * replicas).fill(-1);
        this.valueOrigin = slotArray(keys * replicas, replicas).fill(-1);
        this.includes = new Float64Array(keys * replicas * replicas).fill(-1);
    }

    /** A write accepted in replica `slot`: its value now includes everything the replica had, plus itself. */
    writeLocal(key: number, slot: number, time: number): void {
        const cell = key * this.replicas + slot;
        this.valueTime[cell] = time;
        this.valueOrigin[cell] = slot;
        this.includes[cell * this.replicas + slot] = time;
    }

    /** The replica's value of `key`, written there at `time`, was lost in an outage (never counted again). */
    markLost(key: number, slot: number, time: number): void {
        const cell = key * this.replicas + slot;
        if (this.valueTime[cell] === time && this.valueOrigin[cell] === slot) this.valueOrigin[cell] = LOST_VALUE;
    }

    /** Copies what replica `slot`'s value of `key` includes into `into` at `offset` (the write's vector). */
    snapshot(key: number, slot: number, into: Float64Array, offset: number): void {
        const base = (key * this.replicas + slot) * this.replicas;
        for (let o = 0; o < this.replicas; o++) into[offset + o] = this.includes[base + o]!;
    }
}

/** Origin mark of a value lost with its region (see KeyStates.markLost). */
const LOST_VALUE = -2;

/**
 * The narrowest signed array that holds every slot of `replicas` replicas (and LOST_VALUE): one byte per cell
 * up to 128 replicas, wider beyond, where a byte would wrap a slot into another slot or into LOST_VALUE.
 */
export function slotArray(length: number, replicas: number): Int8Array | Int16Array | Int32Array {
    if (replicas <= 2 ** 7) return new Int8Array(length);
    if (replicas <= 2 ** 15) return new Int16Array(length);
    return new Int32Array(length);
}

export const ApplyResult = { applied: 0, discardedLocal: 1, merged: 2, sibling: 3, superseded: 4 } as const;

/**
 * Applies a replicated write (from replica `origin`, sent at `time`, whose value included `seen`) at replica
 * `slot`, and says what happened under the store's conflict strategy.
 *
 * Concurrent means neither value includes the other. Last-write-wins keeps the later timestamp; when the
 * value it replaces is the destination's own write that the incoming one never saw, that write's effect is
 * gone for good — counted once, at the replica that accepted it (exact for two writing regions; with more,
 * a value that carried it elsewhere is not followed). CRDTs join both values (a merge); vector clocks keep
 * both as siblings.
 */
export function applyRemote(
    states: KeyStates,
    strategy: StorePlan['conflicts'],
    key: number,
    slot: number,
    origin: number,
    time: number,
    seen: Float64Array,
    seenOffset: number,
): number {
    const n = states.replicas;
    const cell = key * n + slot;
    const base = cell * n;
    const currentTime = states.valueTime[cell]!;
    const currentOrigin = states.valueOrigin[cell]!;
    if (currentTime < 0) {
        adopt(states, cell, base, time, origin, seen, seenOffset);
        return ApplyResult.applied;
    }
    if (currentOrigin === LOST_VALUE) {
        // A value already counted as lost: whatever arrives replaces (or joins) it without another count.
        if (strategy === 'lww') {
            if (time > currentTime) adopt(states, cell, base, time, origin, seen, seenOffset);
        } else join(states, cell, base, time, origin, seen, seenOffset);
        return ApplyResult.applied;
    }
    const incomingIncludesCurrent = seen[seenOffset + currentOrigin]! >= currentTime;
    const currentIncludesIncoming = states.includes[base + origin]! >= time;
    if (currentIncludesIncoming) return ApplyResult.superseded;
    const concurrent = !incomingIncludesCurrent;
    if (strategy === 'lww') {
        if (time > currentTime) {
            const discards = concurrent && currentOrigin === slot;
            adopt(states, cell, base, time, origin, seen, seenOffset);
            return discards ? ApplyResult.discardedLocal : ApplyResult.applied;
        }
        return ApplyResult.superseded;
    }
    join(states, cell, base, time, origin, seen, seenOffset);
    if (!concurrent) return ApplyResult.applied;
    return strategy === 'crdt' ? ApplyResult.merged : ApplyResult.sibling;
}

/** CRDT or vector clocks: the value now includes both (the later timestamp names it). */
function join(
    states: KeyStates,
    cell: number,
    base: number,
    time: number,
    origin: number,
    seen: Float64Array,
    seenOffset: number,
): void {
    for (let o = 0; o < states.replicas; o++) {
        const v = seen[seenOffset + o]!;
        if (v > states.includes[base + o]!) states.includes[base + o] = v;
    }
    if (time > states.valueTime[cell]!) {
        states.valueTime[cell] = time;
        states.valueOrigin[cell] = origin;
    }
}

function adopt(
    states: KeyStates,
    cell: number,
    base: number,
    time: number,
    origin: number,
    seen: Float64Array,
    seenOffset: number,
): void {
    states.valueTime[cell] = time;
    states.valueOrigin[cell] = origin;
    for (let o = 0; o < states.replicas; o++) states.includes[base + o] = seen[seenOffset + o]!;
}
