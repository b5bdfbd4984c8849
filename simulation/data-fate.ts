// What happens to the writes a replica accepted but no other replica holds yet, when that replica is cut off
// from every other one (an outage of its region, partitions on every path). Unreachable is not destroyed
// (docs/facts.md#stranded-writes): those writes are *stranded* — kept in the region and sent when it is reachable again (*delivered
// at heal*). They are *lost* only when the design abandons them (a single-writer store promoted elsewhere: the
// old primary rejoins as a secondary and its unreplicated writes are gone, docs/facts.md#aurora-managed-failover-time) or the region's storage is
// destroyed; under last-writer-wins they can be delivered and then lose to newer writes to the same keys
// (*overwritten at heal*). One record per cut-off, per store and replica.
import type { WriteLog } from './replication.js';

export interface Stranding {
    readonly store: number;
    readonly slot: number;
    /** The fault that cut the replica off (the one whose start made every link stall), or -1. */
    readonly fault: number;
    readonly cutAt: number;
    /** Absolute log index of the first write no other replica held at the cut. */
    readonly firstIndex: number;
    /** Time of that write (or the cut, when nothing was pending): writes accepted from then on are stranded. */
    readonly firstTime: number;
    /** Log end when the replica became reachable again, or was abandoned; -1 while cut off. */
    endIndex: number;
    healedAt: number;
    /** When the last stranded write was applied by another replica; -1 until then. */
    deliveredAt: number;
    /** Writes delivered, fixed when delivery completes, the record is re-stranded, or the run ends. */
    delivered: number;
    lostAt: number;
    lost: number;
    /** Of the delivered writes, those last-writer-wins discarded for a newer write to the same key. */
    overwritten: number;
}

/** The records of one store: every cut-off in order, and the one still open (cut off or draining) per replica. */
export class StoreFate {
    readonly all: Stranding[] = [];
    readonly open: (Stranding | undefined)[];

    constructor(
        readonly store: number,
        replicas: number,
    ) {
        this.open = new Array(replicas).fill(undefined);
    }

    /** Writes a record holds: up to the heal (or abandonment), or up to the log's end while still cut off. */
    static strandedCount(s: Stranding, log: WriteLog): number {
        return (s.endIndex >= 0 ? s.endIndex : log.end) - s.firstIndex;
    }

    /**
     * The replica in `slot` is cut off at `t`; `furthest` is the furthest any link from it got. A previous
     * record still draining hands its undelivered rest to this one (counted once, here).
     */
    cut(slot: number, t: number, fault: number, furthest: number, log: WriteLog, weight: number): Stranding {
        const previous = this.open[slot];
        if (previous !== undefined) {
            previous.delivered = Math.max(0, furthest - previous.firstIndex) * weight;
            previous.endIndex = Math.max(previous.firstIndex, furthest);
        }
        const s: Stranding = {
            store: this.store,
            slot,
            fault,
            cutAt: t,
            firstIndex: furthest,
            firstTime: furthest < log.end ? log.timeAt(furthest) : t,
            endIndex: -1,
            healedAt: -1,
            deliveredAt: -1,
            delivered: 0,
            lostAt: -1,
            lost: 0,
            overwritten: 0,
        };
        this.all.push(s);
        this.open[slot] = s;
        return s;
    }

    /** The replica is reachable again: what it holds is now on its way; returns the record, if one was open. */
    heal(slot: number, t: number, log: WriteLog): Stranding | undefined {
        const s = this.open[slot];
        if (s === undefined || s.endIndex >= 0) return undefined;
        s.endIndex = log.end;
        s.healedAt = t;
        return s;
    }

    /** The last stranded write reached another replica at `t`. */
    delivered(slot: number, t: number, weight: number): Stranding | undefined {
        const s = this.open[slot];
        if (s === undefined || s.endIndex < 0) return undefined;
        s.deliveredAt = t;
        s.delivered = (s.endIndex - s.firstIndex) * weight;
        this.open[slot] = undefined;
        return s;
    }

    /**
     * The writes of the replica no other replica holds (beyond `kept`) are abandoned or destroyed at `t`: the
     * open record's undelivered rest is lost. Returns the record, if one was open.
     */
    abandon(slot: number, t: number, kept: number, log: WriteLog, weight: number): Stranding | undefined {
        const s = this.open[slot];
        if (s === undefined) return undefined;
        const end = s.endIndex >= 0 ? s.endIndex : log.end;
        const from = Math.max(s.firstIndex, kept);
        s.delivered = Math.max(0, Math.min(end, kept) - s.firstIndex) * weight;
        s.lost = Math.max(0, end - from) * weight;
        s.lostAt = t;
        if (s.endIndex < 0) s.endIndex = end;
        this.open[slot] = undefined;
        return s;
    }

    /** At the end of the run, per link from the replica: what a record still draining had delivered (the furthest). */
    settle(slot: number, head: number, weight: number): void {
        const s = this.open[slot];
        if (s === undefined || s.endIndex < 0) return;
        s.delivered = Math.max(s.delivered, Math.max(0, Math.min(s.endIndex, head) - s.firstIndex) * weight);
    }

    /** A value of the replica's own, written at `time`, was discarded by last-writer-wins: a stranded one? */
    overwritten(slot: number, time: number, count: number): boolean {
        for (let i = this.all.length - 1; i >= 0; i--) {
            const s = this.all[i];
            if (s === undefined || s.slot !== slot) continue;

            if (time < s.firstTime) continue;
            if (s.healedAt >= 0 && time > s.healedAt) return false;
            if (s.lostAt >= 0) return false;
            s.overwritten += count;
            return true;
        }
        return false;
    }
}
