// The steady path of writes: what a write to an own key does while nothing but writes happens, worked out once
// per stream and state instead of per write. Used by the writes mechanism (mechanisms/writes.ts, `onArrival`)
// and flushed and invalidated by the core before each queued event; a test compares every example's report with
// every write on the full path (test/simulation/steady-writes.test.ts).
import { itemAt } from '../../language/util/item-at.js';
import type { Plan } from '../plan.js';
import type { WriteLog } from '../replication.js';
import { Status } from '../routing.js';
import type { GroupRuntime } from '../runtime.js';
import { addAt, float64At, int32At } from '../typed-at.js';
import type { EngineContext } from './context.js';
import { receivingLog } from './receiving-log.js';

/**
 * The steady path. While nothing but arrivals happens, a write of a stream to one of its own keys (not shared)
 * changes only its cell's count and its replicas' logs, whenever its stream's outcome is plain: no DNS
 * transition, the whole share served, the request accepted, no processing time drawn, no staleness bound to
 * ask, no lag spikes. Such a write is counted per stream and appended to the logs worked out for the stream.
 * The counts are added to the cells (`flush`) before any other event; an event that may change what the path
 * depends on (any but a delivery, which only applies logs) bumps `epoch`, and each stream's path is worked out
 * again at its next write. The counts are whole numbers added to arrays of whole numbers (the cells, and the
 * writes' own interval series), so they hold the same sums as one add per write, to the bit.
 */
export class SteadyWrites {
    epoch = 1;
    /** Per stream, the epoch its path was worked out in. */
    private readonly at: Int32Array;
    /** Per stream, how many logs its steady write joins; -1 while its writes take the full path. */
    private readonly logCount: Int32Array;
    /** Per stream, the logs such a write joins (the first `logCount`; one slot per store the stream writes). */
    private readonly logs: (WriteLog | undefined)[][];
    /** Per stream, steady writes since the last flush; the streams with any, in `dirty`. */
    private readonly counted: Float64Array;
    private readonly dirty: Int32Array;
    private dirtyCount = 0;

    constructor(plan: Plan, groups: readonly GroupRuntime[]) {
        const streams = plan.streams.length;
        this.at = new Int32Array(streams);
        this.logCount = new Int32Array(streams).fill(-1);
        this.logs = plan.streams.map((s) =>
            new Array<WriteLog | undefined>(itemAt(groups, s.group, 'groups').plan.writes.length).fill(undefined),
        );
        this.counted = new Float64Array(streams);
        this.dirty = new Int32Array(streams);
    }

    /** Takes the write of stream `i` to an own key now if the stream is steady; false when it must be written in full. */
    tryWrite(ctx: EngineContext, i: number): boolean {
        if (this.at[i] !== this.epoch) this.workOut(ctx, i);
        const n = this.logCount[i]!;
        if (n < 0) return false;
        if (this.counted[i] === 0) this.dirty[this.dirtyCount++] = i;
        this.counted[i]! += 1;
        // The time is read here, not passed: a call V8 does not inline boxes a floating-point argument.
        const t = ctx.now;
        const logs = this.logs[i]!;
        for (let k = 0; k < n; k++) logs[k]!.push(t, -1);
        return true;
    }

    /** What `write` would do for the stream's write to an own key, as far as it can be known once per epoch. */
    private workOut(ctx: EngineContext, i: number): void {
        this.at[i] = this.epoch;
        this.logCount[i] = -1;
        const g = itemAt(ctx.groups, itemAt(ctx.plan.streams, i, 'streams').group, 'groups');
        if (g.transition !== undefined || g.processingMeans !== undefined || ctx.stalenessBounded) return;
        // Slot 0 (no transition), class 0 (an own key): cell 0 of the request tables, (j, 0) of the stores'.
        if (float64At(g.serviceProb, 0, 'service shares') < 1 || g.requestStatus[0] !== Status.ok) return;
        const logs = itemAt(this.logs, i, 'steady logs');
        const writes = g.plan.writes;
        const C = ctx.classes;
        let n = 0;
        for (let j = 0; j < writes.length; j++) {
            const s = itemAt(writes, j, 'stores written');
            const log = receivingLog(ctx, s, int32At(g.location, j * C, 'locations'));
            if (log === undefined) continue;
            if (log.spiky) return;
            logs[n++] = log;
        }
        this.logCount[i] = n;
    }

    /** Adds the steady writes counted since the last flush where `write` adds each: called before any other event. */
    flush(ctx: EngineContext): void {
        if (this.dirtyCount === 0) return;
        const w = ctx.weight;
        const tick = ctx.tick < ctx.ticks ? ctx.tick : ctx.ticks - 1;
        const C = ctx.classes;
        for (let d = 0; d < this.dirtyCount; d++) {
            const i = int32At(this.dirty, d, 'dirty streams');
            const total = float64At(this.counted, i, 'steady counts') * w;
            this.counted[i] = 0;
            const g = itemAt(ctx.groups, itemAt(ctx.plan.streams, i, 'streams').group, 'groups');
            g.counters.writesOffered += total;
            addAt(g.seriesWritesOffered, tick, total, 'offered series');
            const W = g.plan.writes.length;
            for (let j = 0; j < W; j++) addAt(g.pendingStoreWrites, j * C, total, 'store writes');
            addAt(g.pendingRequestWrites, 0, total, 'request writes');
            addAt(g.seriesWritesServed, tick, total, 'served series');
        }
        this.dirtyCount = 0;
    }
}
