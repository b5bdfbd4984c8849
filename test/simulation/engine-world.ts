// A hand-built engine context for the replication and staleness mechanisms' unit suites: real write logs,
// links (made by `setUpStore`), key states, data-fate records and event queue, with only the plan fields those
// mechanisms read. Faults are two sets the test edits (cut region pairs, regions down); `advance` is routed to
// the real one, as the core does. Regions: us-east-1 (0), us-west-2 (1), eu-west-1 (2), with round trips of
// 60 ms (0↔1), 80 ms (0↔2) and 140 ms (1↔2), so RTT/2 floors of 30, 40 and 70 ms.
import { StoreFate } from '../../simulation/data-fate.js';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventQueue } from '../../simulation/engine/event-queue.js';
import { advance, appendWrite, onDelivery, setUpStore } from '../../simulation/engine/mechanisms/replication.js';
import { newStoreCounters } from '../../simulation/engine/run-state.js';
import type { StorePlan } from '../../simulation/plan.js';
import type { Link, WriteLog } from '../../simulation/replication.js';
import type { StalenessBound } from '../../simulation/staleness-bound.js';
import { timelineRecorder } from './timeline-recorder.js';

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const RTT = [0, 60, 80, 60, 0, 140, 80, 140, 0];

export interface StoreSpec {
    id?: string;
    replicas: number[];
    mode?: 'async' | 'sync';
    lagMs?: number;
    spikes?: { from: number; to: number; lagMs: number }[];
    /** Writes per second a healed backlog is applied at; Infinity (the default): at once. */
    catchUpPerS?: number;
    conflicts?: 'lww' | 'crdt' | 'vector-clocks' | 'none';
    shape?: string;
    /** Workloads whose shared keys are tracked one by one (their key counts: `sharedSpace`). */
    trackedWorkloads?: number[];
    /** The plan's count of tracked keys (default: one per tracked workload). */
    trackedKeys?: number;
    strongReads?: boolean;
}

/** Only what the replication and staleness mechanisms read of a store plan. */
function storePlan(index: number, spec: StoreSpec): StorePlan {
    const slotOf = new Int32Array(REGIONS.length).fill(-1);
    spec.replicas.forEach((r, slot) => (slotOf[r] = slot));
    const tracked = spec.trackedWorkloads ?? [];
    return {
        index,
        id: spec.id ?? 'orders',
        replicas: spec.replicas,
        slotOf,
        mode: spec.mode ?? 'async',
        lagMs: spec.lagMs ?? 100,
        spikes: spec.spikes ?? [],
        conflicts: spec.conflicts ?? 'lww',
        strongReads: spec.strongReads ?? false,
        tracksKeys: tracked.length > 0,
        trackedKeys: spec.trackedKeys ?? tracked.length,
        keyOffsets: new Map(tracked.map((w) => [w, 0])),
        drain: { catchUpPerS: spec.catchUpPerS ?? Infinity },
        model: { shape: spec.shape ?? 'record', engine: 'cosmosdb' },
    } as unknown as StorePlan;
}

export interface WorldOptions {
    weight?: number;
    /** Per workload: its shared keys (as the core thins them). */
    sharedSpace?: number[];
    maxKeyStateCells?: number;
    ticks?: number;
}

export function world(specs: StoreSpec[], opts: WorldOptions = {}) {
    const plans = specs.map((s, i) => storePlan(i, s));
    const R = REGIONS.length;
    const { rows, record } = timelineRecorder();
    const cut = new Set<string>();
    const down = new Set<number>();
    const ctx = {
        plan: { regions: REGIONS, rtt: RTT, stores: plans },
        options: { maxKeyStateCells: opts.maxKeyStateCells ?? 1e9 },
        queue: new EventQueue(),
        now: 0,
        weight: opts.weight ?? 1,
        appliesInBulk: 0,
        work: { state: 0, scans: 0 },
        notes: [] as string[],
        sharedSpace: Float64Array.from(opts.sharedSpace ?? []),
        conflictScale: new Float64Array(plans.length).fill(1),
        trackedLimit: [],
        keyStates: [],
        syncLastWrite: [],
        counterStates: [],
        counterSummaries: [],
        logs: plans.map(() => []),
        logIn: plans.map(() => new Array<WriteLog | undefined>(R).fill(undefined)),
        linksFrom: plans.map(() => []),
        linkOf: plans.map(() => []),
        links: [] as Link[],
        lagSeries: [] as Float64Array[],
        storeCounters: plans.map((p) => newStoreCounters(p)),
        fates: plans.map((p) => new StoreFate(p.index, p.replicas.length)),
        drainUntil: new Float64Array(plans.length),
        storeRouting: plans.map(() => ({ stalePrimary: -1 })),
        destroyed: new Uint8Array(R),
        staleness: [] as (StalenessBound | undefined)[],
        faults: {
            unreachable: (a: number, b: number) => down.has(a) || down.has(b) || cut.has(`${a}-${b}`),
            isDown: (r: number) => down.has(r),
        },
        record,
        faultSource: (i: number) => ({ fault: i }),
        regionName: (r: number) => REGIONS[r]!,
        advance: (link: Link, t: number, inclusive: boolean) => advance(ctx, link, t, inclusive),
    } as unknown as EngineContext;
    for (const p of plans) setUpStore(ctx, p);
    for (const _ of ctx.links) ctx.lagSeries.push(new Float64Array(opts.ticks ?? 4).fill(NaN));
    const mutable = ctx as unknown as { now: number };
    return {
        ctx,
        rows,
        plans,
        /** Sets the clock, as the core does before a handler runs. */
        at(t: number) {
            mutable.now = t;
        },
        /** Cuts (or restores) both directions between two regions. */
        partition(a: number, b: number, on = true) {
            for (const k of [`${a}-${b}`, `${b}-${a}`]) (on ? cut.add(k) : cut.delete(k)) as unknown;
        },
        setDown(region: number, on = true) {
            (on ? down.add(region) : down.delete(region)) as unknown;
        },
        /** The link of store `s` from replica slot `from` to slot `to`. */
        link(s: number, from: number, to: number): Link {
            return ctx.linkOf[s]![from]![to]!;
        },
        log(s: number, slot: number): WriteLog {
            return ctx.logs[s]![slot]!;
        },
    };
}

export type World = ReturnType<typeof world>;

/** Writes to key `key` of workload `workload` (−1: no key) accepted in `region` at each time, in store `s`. */
export function writes(w: World, region: number, times: number[], key = -1, workload = 0, s = 0): void {
    for (const t of times) {
        w.at(t);
        appendWrite(w.ctx, s, region, key, workload);
    }
}

/** Pops and handles every delivery event due by `until`, with the clock at each one's time; their times. */
export function deliver(w: World, until = Infinity): number[] {
    const times: number[] = [];
    while (w.ctx.queue.size > 0 && w.ctx.queue.peekTime() <= until) {
        times.push(w.ctx.queue.peekTime());
        w.at(w.ctx.queue.peekTime());
        onDelivery(w.ctx);
    }
    return times;
}
