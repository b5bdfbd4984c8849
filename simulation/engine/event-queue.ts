// The pending-event set: a binary min-heap over parallel typed arrays (no object per event), ordered by
// (time, rank, sequence). The rank orders different kinds of events that fall on the same millisecond (a
// fault takes effect before a health check probes it); the sequence number breaks the remaining ties in
// insertion order, so a run never depends on the heap's internal layout.

/**
 * Ranks of event kinds at equal times: lower runs first. Writes, which are not queued, come at `arrival`: the
 * core runs one at the queue head's time after a delivery and before a tick.
 */
export const Rank = { fault: 0, control: 1, delivery: 2, arrival: 3, tick: 4 } as const;

const SEQUENCE_SPAN = 2 ** 40;

export class EventQueue {
    private times: Float64Array;
    private orders: Float64Array;
    private kinds: Int32Array;
    private args: Int32Array;
    private stamps: Int32Array;
    private count = 0;
    private sequence = 0;
    /** The event {@link siftDown} places (see there); doubles from the start, so V8 stores them unboxed. */
    private siftTime = 0.5;
    private siftOrder = 0.5;

    /** The event most recently taken by {@link pop}. */
    time = 0;
    kind = 0;
    arg = 0;
    stamp = 0;

    constructor(capacity = 64) {
        this.times = new Float64Array(capacity);
        this.orders = new Float64Array(capacity);
        this.kinds = new Int32Array(capacity);
        this.args = new Int32Array(capacity);
        this.stamps = new Int32Array(capacity);
    }

    get size(): number {
        return this.count;
    }

    /** Time of the next event, or +∞ when none is pending. */
    peekTime(): number {
        return this.count > 0 ? this.times[0]! : Infinity;
    }

    /** Kind of the next event (only meaningful when {@link size} > 0). */
    peekKind(): number {
        return this.kinds[0]!;
    }

    peekArgValue(): number {
        return this.args[0]!;
    }

    peekStampValue(): number {
        return this.stamps[0]!;
    }

    /**
     * Adds an event. `arg` names the entity it concerns (a stream, a link, a failover…); `stamp` lets the
     * owner recognise and skip an event it has since cancelled.
     */
    push(time: number, rank: number, kind: number, arg: number, stamp = 0): void {
        if (this.count === this.times.length) this.grow();
        const order = rank * SEQUENCE_SPAN + this.sequence++;
        let i = this.count++;
        // Sift up: move parents down until the new event's place is found.
        while (i > 0) {
            const parent = (i - 1) >> 1;
            const pt = this.times[parent]!;
            if (pt < time || (pt === time && this.orders[parent]! < order)) break;
            this.move(parent, i);
            i = parent;
        }
        this.place(i, time, order, kind, arg, stamp);
    }

    /** Removes the next event and exposes it in {@link time}, {@link kind}, {@link arg}, {@link stamp}. */
    pop(): void {
        this.take();
        const last = --this.count;
        if (last > 0) {
            this.siftTime = this.times[last]!;
            this.siftOrder = this.orders[last]!;
            this.siftDown(this.kinds[last]!, this.args[last]!, this.stamps[last]!);
        }
    }

    /**
     * Removes the next event (exposed like {@link pop}) and adds another in one pass: the common case of a
     * replication link scheduling its own next event.
     */
    popPush(time: number, rank: number, kind: number, arg: number, stamp = 0): void {
        this.take();
        this.siftTime = time;
        this.siftOrder = rank * SEQUENCE_SPAN + this.sequence++;
        this.siftDown(kind, arg, stamp);
    }

    private take(): void {
        this.time = this.times[0]!;
        this.kind = this.kinds[0]!;
        this.arg = this.args[0]!;
        this.stamp = this.stamps[0]!;
    }

    /**
     * Places the event whose time and order are in `siftTime`, `siftOrder` from the root down. They travel in
     * fields, not arguments: a call V8 does not inline boxes its floating-point arguments, an allocation per event.
     */
    private siftDown(kind: number, arg: number, stamp: number): void {
        const time = this.siftTime;
        const order = this.siftOrder;
        const count = this.count;
        const times = this.times;
        const orders = this.orders;
        let i = 0;
        for (;;) {
            let child = 2 * i + 1;
            if (child >= count) break;
            const right = child + 1;
            if (
                right < count &&
                (times[right]! < times[child]! || (times[right] === times[child] && orders[right]! < orders[child]!))
            )
                child = right;
            const ct = times[child]!;
            if (ct > time || (ct === time && orders[child]! > order)) break;
            this.move(child, i);
            i = child;
        }
        times[i] = time;
        orders[i] = order;
        this.kinds[i] = kind;
        this.args[i] = arg;
        this.stamps[i] = stamp;
    }

    private move(from: number, to: number): void {
        this.times[to] = this.times[from]!;
        this.orders[to] = this.orders[from]!;
        this.kinds[to] = this.kinds[from]!;
        this.args[to] = this.args[from]!;
        this.stamps[to] = this.stamps[from]!;
    }

    private place(i: number, time: number, order: number, kind: number, arg: number, stamp: number): void {
        this.times[i] = time;
        this.orders[i] = order;
        this.kinds[i] = kind;
        this.args[i] = arg;
        this.stamps[i] = stamp;
    }

    private grow(): void {
        const size = this.times.length * 2;
        const grown = <T extends Float64Array | Int32Array>(array: T): T => {
            const copy = new (array.constructor as new (length: number) => T)(size);
            copy.set(array);
            return copy;
        };
        this.times = grown(this.times);
        this.orders = grown(this.orders);
        this.kinds = grown(this.kinds);
        this.args = grown(this.args);
        this.stamps = grown(this.stamps);
    }
}
