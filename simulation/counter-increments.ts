// Counters under last-writer-wins. Each write to a counter-shaped store is a read-modify-write increment: the
// writing replica reads its current version's value and writes (its timestamp, value + 1); a replicated version
// replaces a replica's own only when its timestamp is newer. Once replication converges every replica holds the
// newest version, so the counter reads that version's value and the increments it does not carry are lost.
// That is not the number of discarded versions: a region's later write can carry an overwritten increment of
// its own forward, and a discarded version can take several increments with it.

import type { StorePlan } from './plan.js';
import { float64At } from './typed-at.js';

/** Whether the engine follows the store's increments: a counter replicated asynchronously under last-writer-wins. */
export function followsIncrements(s: Pick<StorePlan, 'mode' | 'conflicts' | 'model'>): boolean {
    return s.mode === 'async' && s.conflicts === 'lww' && s.model.shape === 'counter';
}

/** Numbers CounterStates keeps for `keys` keys over `replicas` replicas (the budget's and the engine's count). */
export function counterState(keys: number, replicas: number): number {
    return keys * (replicas + 3);
}

/** Per key and replica the value of the replica's current version; per key the increments and the newest one. */
export class CounterStates {
    /** key × replica: the count the replica's current version holds. */
    readonly value: Float64Array;
    /** Per key: increments acknowledged, and the newest version written anywhere (its time, value, replica). */
    readonly acknowledged: Float64Array;
    readonly newestTime: Float64Array;
    readonly newestValue: Float64Array;

    constructor(
        readonly keys: number,
        readonly replicas: number,
    ) {
        this.value = new Float64Array(keys * replicas);
        this.acknowledged = new Float64Array(keys);
        this.newestTime = new Float64Array(keys).fill(-1);
        this.newestValue = new Float64Array(keys);
    }

    /** An increment acknowledged in replica `slot` at `time`: returns the value it wrote. */
    increment(key: number, slot: number, time: number): number {
        const cell = key * this.replicas + slot;
        const written = this.value[cell]! + 1;
        this.value[cell] = written;
        this.acknowledged[key]! += 1;
        // Writes arrive in time order, so the latest write is the newest version (ties: the first keeps it).
        if (time > this.newestTime[key]!) {
            this.newestTime[key] = time;
            this.newestValue[key] = written;
        }
        return written;
    }

    /** Replica `slot` adopted a replicated version of `key` carrying `value`. */
    adopt(key: number, slot: number, value: number): void {
        this.value[key * this.replicas + slot] = value;
    }

    /**
     * Increments lost once replication converges (acknowledged − the newest version's value, summed over keys),
     * and apart from them the keys that cannot converge because a write to them waits on a cut link: their
     * increments are stranded, not lost yet.
     */
    summary(waiting: (key: number) => boolean): CounterSummary {
        let lost = 0;
        let notConvergedKeys = 0;
        let notConvergedIncrements = 0;
        for (const [key, acknowledged] of this.acknowledged.entries()) {
            if (acknowledged === 0) continue;
            if (waiting(key)) {
                notConvergedKeys++;
                notConvergedIncrements += acknowledged;
            } else lost += acknowledged - float64At(this.newestValue, key, 'counter versions');
        }
        return { lost, notConvergedKeys, notConvergedIncrements };
    }
}

export interface CounterSummary {
    readonly lost: number;
    readonly notConvergedKeys: number;
    readonly notConvergedIncrements: number;
}
