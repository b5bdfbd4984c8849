// An independent oracle for counters under last-writer-wins: its own event loop over explicit writes and its own
// generator (pure-rand's Mersenne Twister, not the engine's xoroshiro). Every write reads its region's newest
// version and writes value + 1 with its own timestamp; a delivered version replaces the held one only when newer.
// Once everything is delivered the counter reads the newest version: lost = writes − that version's value.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

export interface CounterWrite {
    readonly at: number;
    readonly region: number;
}

/** Delay before a version written in `from` is visible in `to`: one number for every pair, or a matrix. */
export type CounterLag = number | readonly (readonly number[])[];

interface Version {
    readonly time: number;
    readonly value: number;
}

interface Delivery {
    readonly at: number;
    readonly to: number;
    readonly version: Version;
}

/** Plays the writes (in any order); returns acknowledged − converged value. */
export function lostIncrements(writes: readonly CounterWrite[], regions: number, lag: CounterLag): number {
    const held: Version[] = Array.from({ length: regions }, () => ({ time: -Infinity, value: 0 }));
    const ordered = [...writes].sort((a, b) => a.at - b.at);
    const pending = new DeliveryHeap();
    let newest: Version = { time: -Infinity, value: 0 };
    const deliver = (d: Delivery) => {
        const current = held[d.to];
        if (current !== undefined && d.version.time > current.time) held[d.to] = d.version;
    };
    for (const write of ordered) {
        for (let due = pending.peek(); due !== undefined && due.at < write.at; due = pending.peek())
            deliver(pending.pop() as Delivery);
        const version = { time: write.at, value: (held[write.region]?.value ?? 0) + 1 };
        held[write.region] = version;
        if (version.time > newest.time) newest = version;
        for (let to = 0; to < regions; to++)
            if (to !== write.region) pending.push({ at: write.at + delay(lag, write.region, to), to, version });
    }
    return writes.length - newest.value;
}

function delay(lag: CounterLag, from: number, to: number): number {
    if (typeof lag === 'number') return lag;
    const d = lag[from]?.[to];
    if (d === undefined) throw new Error(`no lag from region ${from} to ${to}`);
    return d;
}

/** One run of Poisson writes at `rates[i]` per second in region i for `seconds`. */
export function counterMonteCarlo(seed: number, rates: readonly number[], lag: CounterLag, seconds: number): number {
    const twister = mersenne(seed);
    const random = () => uniformFloat64(twister);
    const writes: CounterWrite[] = [];
    rates.forEach((rate, region) => {
        if (rate <= 0) return;
        for (let t = -Math.log(1 - random()) / rate; t < seconds; t += -Math.log(1 - random()) / rate)
            writes.push({ at: t, region });
    });
    return lostIncrements(writes, rates.length, lag);
}

/** A binary min-heap of deliveries by time. */
class DeliveryHeap {
    private readonly items: Delivery[] = [];

    peek(): Delivery | undefined {
        return this.items[0];
    }

    push(d: Delivery): void {
        const items = this.items;
        items.push(d);
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            const p = items[parent] as Delivery;
            if (p.at <= d.at) break;
            items[i] = p;
            i = parent;
        }
        items[i] = d;
    }

    pop(): Delivery | undefined {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length === 0 || last === undefined) return top;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            if (left >= items.length) break;
            const right = left + 1;
            const l = items[left] as Delivery;
            const r = items[right];
            const child = r !== undefined && r.at < l.at ? right : left;
            const c = items[child] as Delivery;
            if (c.at >= last.at) break;
            items[i] = c;
            i = child;
        }
        items[i] = last;
        return top;
    }
}
