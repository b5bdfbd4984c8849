// Queues and streams (simulation/queues.ts and engine/mechanisms/queues.ts) on hand-built plans and an engine
// context: the pure helpers with figures worked in each row; an SQS or Kinesis backlog stranded with its region
// (accepted − the mark up to which consumers took it), returned, destroyed, and its waits; MirrorMaker 2's
// checkpoints (the first at ⌊u × interval⌋, then every interval) and a consumer group's moves, delivered again
// head − translated head at the move and min(reached, consumed end) − head after the heal. Fast enough to run per
// mutant, which the whole-simulation suites (queues.test.ts) are not.
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import {
    finishQueues,
    onCheckpoint,
    queuesChanged,
    scheduleCheckpoints,
    setUpQueues,
} from '../../simulation/engine/mechanisms/queues.js';
import type { Random } from '../../simulation/engine/random.js';
import type { PlanStructure, StorePlan } from '../../simulation/plan.js';
import {
    checkpointEvents,
    checkpointIntervalOf,
    consumersOf,
    followsCheckpoints,
    isRegionalQueue,
    redeliveredAfterHeal,
    redeliveredAtMove,
    type QueueState,
} from '../../simulation/queues.js';
import type { Link } from '../../simulation/replication.js';
import { timelineRecorder } from './timeline-recorder.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

interface StoreSpec {
    id: string;
    engine?: string;
    mode?: string;
    replicas?: number[];
    checkpointMs?: number;
    idempotent?: boolean;
}

interface ServiceSpec {
    id: string;
    reads: number[];
    activeActive?: boolean;
    /** Regions it runs in (all three unless said). */
    runsIn?: number[];
    primary?: number;
}

/** Only what the queue code reads of a store plan. */
function storePlan(index: number, spec: StoreSpec): StorePlan {
    const replicas = spec.replicas ?? [0, 1];
    const slotOf = new Int32Array(REGIONS.length).fill(-1);
    replicas.forEach((r, slot) => (slotOf[r] = slot));
    return {
        index,
        id: spec.id,
        replicas,
        slotOf,
        mode: spec.mode ?? 'none',
        model: { engine: spec.engine, checkpointMs: spec.checkpointMs, consumersIdempotent: spec.idempotent },
    } as unknown as StorePlan;
}

function plan(stores: StoreSpec[], services: ServiceSpec[] = [], durationMs = 600_000): PlanStructure {
    return {
        durationMs,
        regions: REGIONS,
        stores: stores.map((s, i) => storePlan(i, s)),
        services: services.map((v, index) => ({
            index,
            id: v.id,
            reads: v.reads,
            activeActive: v.activeActive ?? false,
            runsIn: Uint8Array.from(REGIONS, (_, r) => ((v.runsIn ?? [0, 1, 2]).includes(r) ? 1 : 0)),
        })),
    } as unknown as PlanStructure;
}

/** A random stream whose every draw is `u`. */
const draws = (u: number) => ({ uniform: () => u }) as unknown as Random;

/**
 * An engine context over `stores` and `services`; `down`, `destroyed` and `errorShare` (service:region → share)
 * are changed by the test between calls, as are each store's `accepted` counts. Every store replicated `async`
 * gets a link each way between its first two replicas (indices 0: slot 0 → 1, 1: slot 1 → 0), whose `advance`
 * moves the head to `reach(link index, t)` when one is given.
 */
function context(
    stores: StoreSpec[],
    services: ServiceSpec[] = [],
    opts: {
        durationMs?: number;
        weight?: number;
        faults?: { at: number; until: number; kind: string; region?: number }[];
        reach?: (link: number, t: number) => number;
        /** Error shares from the start, `service:region` → share. */
        shares?: Record<string, number>;
    } = {},
) {
    const p = plan(stores, services, opts.durationMs);
    const { rows, record } = timelineRecorder();
    const pushed: [number, number, number, number][] = [];
    const advanced: [number, number, boolean][] = [];
    const down = new Set<number>();
    const errorShare = new Map<string, number>(Object.entries(opts.shares ?? {}));
    const links: Link[] = [];
    const linkOf = p.stores.map((s) => s.replicas.map(() => new Array<Link | undefined>(s.replicas.length)));
    for (const s of p.stores) {
        if (s.mode !== 'async') continue;
        for (const [fromSlot, toSlot] of [
            [0, 1],
            [1, 0],
        ] as const) {
            const link = {
                index: links.length,
                store: s,
                fromSlot,
                toSlot,
                from: s.replicas[fromSlot],
                to: s.replicas[toSlot],
                head: 0,
                blocked: false,
                log: { end: 0 },
            } as unknown as Link;
            links.push(link);
            linkOf[s.index]![fromSlot]![toSlot] = link;
        }
    }
    const ctx = {
        plan: { ...p, faults: (opts.faults ?? []).map((f, index) => ({ index, ...f })) },
        weight: opts.weight ?? 1,
        services: services.map((v) => ({ primary: v.primary ?? -1 })),
        storeCounters: p.stores.map((s) => ({ accepted: new Float64Array(s.replicas.length), losses: [] })),
        destroyed: new Uint8Array(REGIONS.length),
        faults: { isDown: (r: number) => down.has(r) },
        partial: { serviceErrorShare: (v: number, r: number) => errorShare.get(`${v}:${r}`) ?? 0 },
        links,
        linkOf,
        queue: { push: (t: number, rank: number, kind: number, arg: number) => pushed.push([t, rank, kind, arg]) },
        advance(link: Link, t: number, inclusive: boolean) {
            advanced.push([link.index, t, inclusive]);
            if (opts.reach) link.head = opts.reach(link.index, t);
        },
        record,
        faultSource: (i: number) => ({ fault: i }),
        regionName: (r: number) => REGIONS[r]!,
    } as unknown as EngineContext;
    const accepted = (s: number, counts: number[]) => ctx.storeCounters[s]!.accepted.set(counts);
    return { ctx, rows, pushed, advanced, down, errorShare, links, accepted };
}

describe('the pure helpers', () => {
    const p = plan(
        [
            { id: 'q', engine: 'sqs' },
            { id: 'k', engine: 'kinesis' },
            { id: 'sqs-replicated', engine: 'sqs', mode: 'async' },
            { id: 'ddb', engine: 'dynamodb' },
            { id: 'none' },
            { id: 'log', engine: 'kafka', mode: 'async', checkpointMs: 45_000 },
            { id: 'one-cluster', engine: 'kafka', mode: 'async', replicas: [0] },
            { id: 'sync-kafka', engine: 'kafka', mode: 'sync' },
            { id: 'default', engine: 'kafka', mode: 'async' },
        ],
        [
            { id: 'a', reads: [5] },
            { id: 'b', reads: [0, 5] },
            { id: 'c', reads: [] },
        ],
    );

    it.each([
        { name: 'consumers: the services that read the store', s: 5, consumers: [0, 1] },
        { name: 'consumers: one service of three reads it', s: 0, consumers: [1] },
        { name: 'consumers: none read it', s: 1, consumers: [] },
    ])('$name', ({ s, consumers }) => {
        expect(consumersOf(p, s)).toEqual(consumers);
    });

    it.each([
        { name: 'regional queue: SQS without replication', s: 0, regional: true, follows: false },
        { name: 'regional queue: Kinesis without replication', s: 1, regional: true, follows: false },
        { name: 'not regional: SQS replicated', s: 2, regional: false, follows: false },
        { name: 'not regional: another engine unreplicated', s: 3, regional: false, follows: false },
        { name: 'not regional: no engine named', s: 4, regional: false, follows: false },
        { name: 'followed: Kafka mirrored async in two clusters', s: 5, regional: false, follows: true },
        { name: 'not followed: Kafka in one cluster', s: 6, regional: false, follows: false },
        { name: 'not followed: Kafka replicated sync', s: 7, regional: false, follows: false },
    ])('$name', ({ s, regional, follows }) => {
        expect(isRegionalQueue(p, s)).toBe(regional);
        expect(followsCheckpoints(p, s)).toBe(follows);
    });

    it('a store index past the list is an error, not a silent undefined', () => {
        expect(() => isRegionalQueue(p, 9)).toThrow('stores: no element at index 9 of 9');
        expect(() => followsCheckpoints(p, 9)).toThrow('stores: no element at index 9 of 9');
        expect(() => checkpointIntervalOf(p, 9)).toThrow('stores: no element at index 9 of 9');
    });

    it.each([
        // head − translated, never negative
        { name: 'at a move: 10 received, 4 at the checkpoint, 6 again', head: 10, translated: 4, again: 6 },
        { name: 'at a move: the head at the checkpoint, none again', head: 5, translated: 5, again: 0 },
        { name: 'at a move: a head behind the checkpoint gives none', head: 4, translated: 10, again: 0 },
    ])('$name', ({ head, translated, again }) => {
        expect(redeliveredAtMove(head, translated)).toBe(again);
    });

    it.each([
        // min(reached, consumed end) − head at the move, never negative
        { name: 'after heal: reached 7 of [4, 10): 3 again', reached: 7, again: 3 },
        { name: 'after heal: reached past the end, [4, 10): 6', reached: 12, again: 6 },
        { name: 'after heal: reached exactly the end: 6', reached: 10, again: 6 },
        { name: 'after heal: reached short of the head: none', reached: 3, again: 0 },
    ])('$name', ({ reached, again }) => {
        expect(redeliveredAfterHeal(4, 10, reached)).toBe(again);
    });

    it('the interval is the declared one, else MirrorMaker 2 default of 60 s', () => {
        expect(checkpointIntervalOf(p, 5)).toBe(45_000);
        expect(checkpointIntervalOf(p, 8)).toBe(60_000);
    });

    it.each([
        // 10 m: ⌊600 / 45⌋ + 1 = 14 for `log`, ⌊600 / 60⌋ + 1 = 11 for `default`; the others none
        { name: 'checkpoint events in 10 m: 14 + 11', durationMs: 600_000, events: 25 },
        // 90 s: ⌊90 / 45⌋ + 1 = 3, ⌊90 / 60⌋ + 1 = 2
        { name: 'checkpoint events in 90 s: 3 + 2', durationMs: 90_000, events: 5 },
        // 30 s: one each (the first)
        { name: 'checkpoint events in 30 s: 1 + 1', durationMs: 30_000, events: 2 },
    ])('$name', ({ durationMs, events }) => {
        expect(checkpointEvents({ ...p, durationMs })).toBe(events);
    });
});

const Q: StoreSpec = { id: 'q', engine: 'sqs' };
const K: StoreSpec = { id: 'k', engine: 'kinesis', replicas: [1] };
const T: StoreSpec = { id: 't', engine: 'kafka', mode: 'async', checkpointMs: 40_000 };
const WORKER: ServiceSpec = { id: 'worker', reads: [0], activeActive: true, runsIn: [0, 1] };

describe('setting up the queues followed', () => {
    it('gives each regional queue an empty backlog and each mirrored Kafka store its checkpoints', () => {
        const { ctx } = context(
            [Q, T, K, { id: 'ddb', engine: 'dynamodb' }, { id: 'fanout', engine: 'kafka', mode: 'async' }],
            [
                WORKER,
                { id: 'consumer', reads: [1, 3], primary: 1 },
                { id: 'everywhere', reads: [1, 4], activeActive: true },
            ],
        );
        // ⌊0.123456 × 40,000⌋ = ⌊4,938.24⌋
        const state = setUpQueues(ctx, draws(0.123456));
        const empty = (consumers: number[], n: number) => ({
            consumers,
            mark: new Float64Array(n),
            since: new Float64Array(n),
            up: new Uint8Array(n).fill(1),
            open: new Array(n).fill(undefined),
            all: [],
            waits: [],
        });
        expect(state.backlogs).toEqual([
            { store: 0, ...empty([0], 2) },
            { store: 2, ...empty([], 1) },
        ]);
        // the active-active reader consumes in every region: no group moves, so it is left out; `fanout` has no
        // other consumer and is not followed; `ddb`, read by `consumer` too, is neither a queue nor a stream
        expect(state.checkpoints).toEqual([
            {
                store: 1,
                intervalMs: 40_000,
                phaseMs: 4_938,
                consumers: [1],
                region: Int32Array.from([1]),
                translated: new Map(),
                moves: [],
            },
        ]);
        expect(state.backlogOf).toEqual([state.backlogs[0], undefined, state.backlogs[1], undefined, undefined]);
        expect(state.checkpointsOf).toEqual([undefined, state.checkpoints[0], undefined, undefined, undefined]);
    });

    it.each([
        // the phase is a whole millisecond below the interval: ⌊0.99999 × 40,000⌋ = 39,999
        { name: 'the first checkpoint: ⌊0.99999 × 40 s⌋ = 39,999 ms', u: 0.99999, phase: 39_999 },
        { name: 'the first checkpoint: a draw of 0 takes it at 0', u: 0, phase: 0 },
    ])('$name', ({ u, phase }) => {
        const { ctx } = context([T], [{ id: 'consumer', reads: [0], primary: 0 }]);
        expect(setUpQueues(ctx, draws(u)).checkpoints[0]!.phaseMs).toBe(phase);
    });

    it.each([
        // pushed when the first checkpoint falls within the scenario, at its end included
        { name: 'schedules the first checkpoint inside the scenario', durationMs: 600_000, pushed: true },
        { name: 'schedules a first checkpoint at the very end', durationMs: 4_938, pushed: true },
        { name: 'schedules none after the end', durationMs: 4_937, pushed: false },
    ])('$name', ({ durationMs, pushed: expected }) => {
        const { ctx, pushed } = context([Q, T], [{ id: 'consumer', reads: [1], primary: 0 }], { durationMs });
        scheduleCheckpoints(ctx, setUpQueues(ctx, draws(0.123456)));
        expect(pushed).toEqual(expected ? [[4_938, Rank.control, EventKind.checkpoint, 0]] : []);
    });
});

/** The setup of `context` with the queues set up and checked once at 0, as the engine does. */
function started(...args: Parameters<typeof context>) {
    const c = context(...args);
    const state: QueueState = setUpQueues(c.ctx, draws(0.123456));
    queuesChanged(c.ctx, state, 0);
    return { ...c, state };
}

const SQS_FACT = 'docs/facts.md#sqs-single-region';

describe('a regional backlog', () => {
    it('consumers that are up take what arrived and strand nothing the model can count when the region goes down', () => {
        const { ctx, rows, down, accepted } = context([Q], [WORKER], {
            faults: [{ at: 5_000, until: 9_000, kind: 'outage', region: 0 }],
        });
        const state = setUpQueues(ctx, draws(0));
        const b = state.backlogs[0]!;
        accepted(0, [50, 30]);
        queuesChanged(ctx, state, 1_000);
        // first checked at 1 s (not at 0): the consumers take the 50 and 30 that waited since the start
        expect(b.waits).toEqual([
            { slot: 0, sinceMs: 0, untilMs: 1_000, messages: 50, outcome: 'consumed' },
            { slot: 1, sinceMs: 0, untilMs: 1_000, messages: 30, outcome: 'consumed' },
        ]);
        accepted(0, [80, 45]);
        down.add(0);
        queuesChanged(ctx, state, 5_000);
        expect(b.all).toEqual([
            {
                store: 0,
                slot: 0,
                fault: 0,
                atMs: 5_000,
                sinceMs: 5_000,
                messages: 0,
                returnedAtMs: -1,
                lostAtMs: -1,
            },
        ]);
        expect(b.open[0]).toBe(b.all[0]);
        expect(rows).toEqual([
            {
                t: 5_000,
                kind: 'writes-stranded',
                text: `q: 0 messages stranded in us-east-1 until it returns — its consumers were up and are assumed to keep up: messages in flight to them are not counted (no consumption rate is declared) (${SQS_FACT})`,
                target: 'q',
                region: 0,
                cause: { fault: 0 },
            },
        ]);
        // us-west-2 kept consuming: its mark follows what it accepted, nothing waits there
        expect(Array.from(b.mark)).toEqual([80, 45]);
        expect(Array.from(b.since)).toEqual([-1, -1]);
        expect(Array.from(b.up)).toEqual([0, 1]);
        expect(b.waits).toHaveLength(2);
    });

    it('with its consumers failed, an outage strands accepted − mark since they stopped, back when it returns', () => {
        const { ctx, state, rows, down, errorShare, accepted } = started([Q], [WORKER], {
            faults: [
                { at: 2_000, until: 4_000, kind: 'outage', region: 0 },
                { at: 5_000, until: 9_000, kind: 'outage', region: 0 },
                { at: 6_000, until: 7_000, kind: 'outage', region: 0 },
            ],
        });
        const b = state.backlogs[0]!;
        accepted(0, [60, 40]);
        errorShare.set('0:0', 1);
        queuesChanged(ctx, state, 2_000);
        // 60 taken as they came (the mark), none taken from 2 s on
        expect([b.mark[0], b.since[0]]).toEqual([60, 2_000]);
        accepted(0, [100, 70]);
        down.add(0);
        queuesChanged(ctx, state, 5_000);
        // 100 − 60 = 40 accepted while no consumer was up; the fault in effect at 5 s is the second (the first
        // ended at 4 s, the third starts at 6 s)
        const stranding = {
            store: 0,
            slot: 0,
            fault: 1,
            atMs: 5_000,
            sinceMs: 2_000,
            messages: 40,
            returnedAtMs: -1,
            lostAtMs: -1,
        };
        expect(b.all).toEqual([stranding]);
        expect(b.waits).toContainEqual({ slot: 0, sinceMs: 2_000, untilMs: 5_000, messages: 40, outcome: 'stranded' });
        expect(rows.at(-1)).toEqual({
            t: 5_000,
            kind: 'writes-stranded',
            text: `q: 40 messages stranded in us-east-1 until it returns — accepted there since 2 s while none of its consumers was up (${SQS_FACT})`,
            target: 'q',
            region: 0,
            cause: { fault: 1 },
        });
        // back at 9 s with its consumers (nothing accepted while down): the 40 return to the queue (mark
        // 100 − 40 = 60, waiting since 2 s) and are taken at once
        down.delete(0);
        errorShare.set('0:0', 0.5);
        queuesChanged(ctx, state, 9_000);
        expect(b.all[0]).toEqual({ ...stranding, returnedAtMs: 9_000 });
        expect(b.open[0]).toBeUndefined();
        expect(rows.at(-1)).toEqual({
            t: 9_000,
            kind: 'writes-delivered',
            text: 'q: the 40 messages stranded in us-east-1 since 5 s can be consumed again',
            target: 'q',
            region: 0,
            cause: undefined,
        });
        expect(b.waits.at(-1)).toEqual({ slot: 0, sinceMs: 2_000, untilMs: 9_000, messages: 40, outcome: 'consumed' });
        expect([b.mark[0], b.since[0], b.up[0]]).toEqual([100, -1, 1]);
    });

    it('a backlog back in a region with no consumer up waits on, and is still waiting at the end', () => {
        const { ctx, state, down, errorShare, accepted } = started([Q], [WORKER]);
        const b = state.backlogs[0]!;
        errorShare.set('0:0', 1);
        accepted(0, [10, 0]);
        queuesChanged(ctx, state, 1_000);
        accepted(0, [25, 0]);
        down.add(0);
        queuesChanged(ctx, state, 3_000);
        accepted(0, [25, 0]);
        down.delete(0);
        queuesChanged(ctx, state, 4_000);
        // back: mark 25 − 15 = 10, waiting since 1 s; no consumer, so nothing is taken
        expect([b.mark[0], b.since[0]]).toEqual([10, 1_000]);
        accepted(0, [32, 0]);
        finishQueues(ctx, state);
        expect(b.waits).toEqual([
            { slot: 0, sinceMs: 1_000, untilMs: 3_000, messages: 15, outcome: 'stranded' },
            // 32 − 10 still waiting at the end
            { slot: 0, sinceMs: 1_000, untilMs: -1, messages: 22, outcome: 'waiting' },
        ]);
    });

    it('a region that comes back with no consumer starts waiting from its return', () => {
        const { ctx, state, down, errorShare, accepted } = started([Q], [WORKER]);
        const b = state.backlogs[0]!;
        accepted(0, [10, 0]);
        down.add(0);
        // consumers up until the outage: 0 stranded
        queuesChanged(ctx, state, 1_000);
        errorShare.set('0:0', 1);
        accepted(0, [12, 0]);
        down.delete(0);
        queuesChanged(ctx, state, 2_000);
        expect([b.mark[0], b.since[0]]).toEqual([12, 2_000]);
        expect(b.all[0]).toMatchObject({ messages: 0, returnedAtMs: 2_000 });
    });

    it('a stranding of no message that returns restarts no wait', () => {
        const { ctx, state, down, errorShare, accepted } = started([Q], [WORKER]);
        const b = state.backlogs[0]!;
        accepted(0, [10, 0]);
        errorShare.set('0:0', 1);
        queuesChanged(ctx, state, 1_000);
        // nothing accepted since the consumers stopped: 0 stranded, no wait recorded
        down.add(0);
        queuesChanged(ctx, state, 2_000);
        expect(b.all[0]).toMatchObject({ sinceMs: 1_000, messages: 0 });
        expect(b.waits).toEqual([]);
        accepted(0, [15, 0]);
        down.delete(0);
        errorShare.set('0:0', 0);
        queuesChanged(ctx, state, 3_000);
        // consumers up again: they keep up from the return; nothing waited
        expect([b.mark[0], b.since[0]]).toEqual([15, -1]);
        expect(b.waits).toEqual([]);
    });

    it.each([
        // the worker runs only in us-east-1 and us-west-2: in eu-west-1 nobody reads q
        { name: 'a service that does not run in the region is no consumer there', runsIn: [0, 1], share: 0, waits: 1 },
        { name: 'a service failing every request there is no consumer', runsIn: [0, 1, 2], share: 1, waits: 1 },
        { name: 'a service failing half its requests still consumes', runsIn: [0, 1, 2], share: 0.5, waits: 0 },
    ])('$name', ({ runsIn, share, waits }) => {
        const { ctx, state, accepted } = started([{ ...Q, replicas: [2] }], [{ ...WORKER, runsIn }], {
            shares: { '0:2': share },
        });
        accepted(0, [7]);
        queuesChanged(ctx, state, 1_000);
        finishQueues(ctx, state);
        expect(state.backlogs[0]!.waits).toEqual(
            waits ? [{ slot: 0, sinceMs: 0, untilMs: -1, messages: 7, outcome: 'waiting' }] : [],
        );
    });

    it('with consumers declared but none in the region since the start, strands all it accepted while none was up', () => {
        // the worker runs only in us-east-1 and us-west-2: in eu-west-1 nothing has taken a message since 0
        const { ctx, state, rows, down, accepted } = started([{ ...Q, replicas: [2] }], [WORKER]);
        accepted(0, [40]);
        down.add(2);
        queuesChanged(ctx, state, 30_000);
        expect(state.backlogs[0]!.all[0]).toMatchObject({ sinceMs: 0, messages: 40 });
        expect(rows[0]!.text).toBe(
            `q: 40 messages stranded in eu-west-1 until it returns — accepted there since 0 ms while none of its consumers was up (${SQS_FACT})`,
        );
    });

    it('consumers that are up leave nothing waiting at the end, even what arrived after the last change', () => {
        const { ctx, state, accepted } = started([Q], [WORKER]);
        accepted(0, [5, 5]);
        queuesChanged(ctx, state, 1_000);
        // taken as they arrive: 9 and 6 accepted since the change at 1 s are not a backlog
        accepted(0, [14, 11]);
        finishQueues(ctx, state);
        expect(state.backlogs[0]!.waits).toEqual([]);
    });

    it('with no consumer declared, strands everything accepted since the start, an upper bound (Kinesis cited)', () => {
        const { ctx, state, rows, down, accepted } = started([K]);
        accepted(0, [12_345]);
        queuesChanged(ctx, state, 1_000);
        down.add(1);
        queuesChanged(ctx, state, 60_000);
        expect(state.backlogs[0]!.all).toEqual([
            expect.objectContaining({ fault: -1, atMs: 60_000, sinceMs: 0, messages: 12_345 }),
        ]);
        expect(rows).toEqual([
            {
                t: 60_000,
                kind: 'writes-stranded',
                text: 'k: 12,345 messages stranded in us-west-2 until it returns — no service reads k, so every message accepted there since 0 ms counts as not consumed (an upper bound) (docs/facts.md#kinesis-single-region)',
                target: 'k',
                region: 1,
                // no fault in effect: none cited
                cause: undefined,
            },
        ]);
        expect(state.backlogs[0]!.waits).toEqual([
            { slot: 0, sinceMs: 0, untilMs: 60_000, messages: 12_345, outcome: 'stranded' },
        ]);
    });

    it('a region destroyed at once strands its backlog and loses it in the same change', () => {
        const { ctx, state, rows, down, accepted } = started([{ ...Q, replicas: [0] }], [], {
            faults: [{ at: 90_000, until: 600_000, kind: 'destroy', region: 0 }],
        });
        accepted(0, [900]);
        down.add(0);
        ctx.destroyed[0] = 1;
        queuesChanged(ctx, state, 90_000);
        expect(state.backlogs[0]!.all).toEqual([
            {
                store: 0,
                slot: 0,
                fault: 0,
                atMs: 90_000,
                sinceMs: 0,
                messages: 900,
                returnedAtMs: -1,
                lostAtMs: 90_000,
            },
        ]);
        expect(state.backlogs[0]!.open[0]).toBeUndefined();
        expect(rows.map((r) => [r.kind, r.cause])).toEqual([
            ['writes-stranded', { fault: 0 }],
            ['writes-lost', { fault: 0 }],
        ]);
        expect(rows[1]).toMatchObject({
            t: 90_000,
            text: 'q: the 900 messages stranded in us-east-1 since 1 m 30 s are destroyed with it',
            target: 'q',
            region: 0,
        });
    });

    it.each([
        // a destroy that started at 30 s is still the latest fault at 1 m 30 s, its `until` reached or not
        {
            name: 'a later destroy loses the backlog stranded, citing the destroy',
            kind: 'destroy',
            cause: { fault: 0 },
        },
        // an outage whose `until` is the strand's instant is over by then: nothing cited
        { name: 'a backlog stranded as an outage ends cites none', kind: 'outage', cause: undefined },
    ])('$name', ({ kind, cause }) => {
        const { ctx, state, rows, down, accepted } = started([Q], [], {
            faults: [{ at: 30_000, until: 90_000, kind, region: 0 }],
        });
        accepted(0, [300, 0]);
        down.add(0);
        queuesChanged(ctx, state, 90_000);
        ctx.destroyed[0] = 1;
        queuesChanged(ctx, state, 120_000);
        expect(state.backlogs[0]!.all[0]).toMatchObject({ atMs: 90_000, lostAtMs: 120_000, returnedAtMs: -1 });
        expect(rows.at(-1)).toEqual({
            t: 120_000,
            kind: 'writes-lost',
            text: 'q: the 300 messages stranded in us-east-1 since 1 m 30 s are destroyed with it',
            target: 'q',
            region: 0,
            cause,
        });
        // destroyed means gone for good: a later change records nothing more
        down.delete(0);
        queuesChanged(ctx, state, 150_000);
        expect(rows).toHaveLength(2);
    });

    it.each([
        // declared after the outage of us-east-1 and in effect when it strands the backlog, but not what took
        // us-east-1 down: an outage and a destroy of us-west-2, a lag spike, a failed service in us-east-1
        { name: 'cause: an outage elsewhere is not cited', other: { kind: 'outage', region: 1 } },
        { name: 'cause: a destroy elsewhere is not cited', other: { kind: 'destroy', region: 1 } },
        { name: 'cause: a lag spike is not cited', other: { kind: 'lag-spike' } },
        { name: 'cause: a failed service there is not cited', other: { kind: 'fail', region: 0 } },
    ])('$name', ({ other }) => {
        const { ctx, state, rows, down, accepted } = started([Q], [], {
            faults: [
                { at: 5_000, until: 9_000, kind: 'outage', region: 0 },
                { at: 3_000, until: 20_000, ...other },
            ],
        });
        accepted(0, [10, 0]);
        down.add(0);
        queuesChanged(ctx, state, 5_000);
        expect(state.backlogs[0]!.all[0]!.fault).toBe(0);
        expect(rows[0]!.cause).toEqual({ fault: 0 });
    });

    it('a destroy loses only the stranding still open in the region destroyed', () => {
        const { ctx, state, rows, down, accepted } = started([Q], [WORKER]);
        accepted(0, [5, 0]);
        down.add(0);
        queuesChanged(ctx, state, 1_000);
        down.delete(0);
        queuesChanged(ctx, state, 2_000);
        ctx.destroyed[1] = 1;
        queuesChanged(ctx, state, 3_000);
        // the us-west-2 stranding opened at 3 s is lost at once; the us-east-1 one had returned at 2 s
        expect(state.backlogs[0]!.all.map((s) => [s.slot, s.returnedAtMs, s.lostAtMs])).toEqual([
            [0, 2_000, -1],
            [1, -1, 3_000],
        ]);
        expect(rows.filter((r) => r.kind === 'writes-lost')).toHaveLength(1);
    });

    it('a backlog that waits at the end is not counted when none is left or its region is down', () => {
        const { ctx, state, down, accepted } = started([Q]);
        // no consumer: both slots waiting since 0; us-east-1 is down at the end (stranded, not waiting)
        accepted(0, [4, 0]);
        down.add(0);
        queuesChanged(ctx, state, 1_000);
        accepted(0, [4, 0]);
        finishQueues(ctx, state);
        expect(state.backlogs[0]!.waits).toEqual([
            { slot: 0, sinceMs: 0, untilMs: 1_000, messages: 4, outcome: 'stranded' },
        ]);
    });
});

const CONSUMER: ServiceSpec = { id: 'consumer', reads: [0], primary: 0 };
const KAFKA_FACT = 'docs/facts.md#kafka-mirrormaker2';

describe('MirrorMaker 2 checkpoints and consumer moves', () => {
    it.each([
        // a checkpoint 40 s before the end schedules the next at the end
        { name: 'a checkpoint schedules the next one interval later', t: 4_938, next: [44_938] },
        { name: 'the next one falls at the very end: scheduled', t: 560_000, next: [600_000] },
        { name: 'the next one falls after the end: none', t: 560_001, next: [] },
    ])('$name', ({ t, next }) => {
        const { ctx, pushed } = context([T], [CONSUMER]);
        const state = setUpQueues(ctx, draws(0.123456));
        onCheckpoint(ctx, state, 0, t);
        expect(pushed).toEqual(next.map((n) => [n, Rank.control, EventKind.checkpoint, 0]));
    });

    it('translates the head of every link of the store that is not cut, less what a loss dropped', () => {
        const { ctx, advanced, links } = context([T, { ...T, id: 'other' }], [CONSUMER], {
            weight: 2,
            reach: (link, t) => t / 1_000 + link,
        });
        const state = setUpQueues(ctx, draws(0.5));
        links[1]!.blocked = true;
        // losses at the link's source region up to t (weight 2: 6 written stand for 3 simulated)
        ctx.storeCounters[0]!.losses.push(
            { region: 0, atMs: 30_000, lostWrites: 6 } as never,
            { region: 0, atMs: 40_000, lostWrites: 100 } as never,
            { region: 1, atMs: 10_000, lostWrites: 100 } as never,
        );
        onCheckpoint(ctx, state, 0, 40_000);
        // only the store's link 0 (us-east-1 → us-west-2) is advanced, inclusive of t: link 1 is cut, links 2
        // and 3 belong to `other`
        expect(advanced).toEqual([[0, 40_000, true]]);
        // head 40, less 3 and 50 dropped at or before 40 s from us-east-1: −13 (the loss in us-west-2 is not
        // this link's)
        expect(state.checkpoints[0]!.translated).toEqual(new Map([[0, { head: -13, atMs: 40_000 }]]));
    });

    it('a group that moves is delivered again what the target received since the last checkpoint', () => {
        const { ctx, state, rows, advanced, links } = started([T], [CONSUMER], {
            weight: 2,
            reach: (_, t) => (t === 44_938 ? 40 : 55),
        });
        onCheckpoint(ctx, state, 0, 44_938);
        links[0]!.log.end = 62;
        advanced.length = 0;
        // the consumer fails over to us-west-2 at 70 s: the target's head is 55, 40 at the checkpoint
        ctx.services[0]!.primary = 1;
        queuesChanged(ctx, state, 70_000);
        expect(advanced).toEqual([[0, 70_000, true]]);
        const move = {
            store: 0,
            service: 0,
            from: 0,
            to: 1,
            atMs: 70_000,
            checkpointAtMs: 44_938,
            // (55 − 40) × 2
            atFailover: 30,
            headAt: 55,
            consumedEnd: 62,
            afterHeal: 0,
        };
        expect(state.checkpoints[0]!.moves).toEqual([move]);
        expect(state.checkpoints[0]!.region[0]).toBe(1);
        expect(rows).toEqual([
            {
                t: 70_000,
                kind: 'writes-delivered',
                text: `t: consumers of consumer resume in us-west-2 from the checkpoint at 44.9 s: 30 messages delivered again (duplicates) (${KAFKA_FACT})`,
                target: 't',
                region: 1,
                cause: undefined,
            },
        ]);
        // no second move while it stays
        queuesChanged(ctx, state, 80_000);
        expect(state.checkpoints[0]!.moves).toHaveLength(1);
        // at the end the link reached 60 of the 62 the group had consumed: (60 − 55) × 2 again after the heal
        links[0]!.head = 60;
        finishQueues(ctx, state);
        expect(state.checkpoints[0]!.moves).toEqual([{ ...move, afterHeal: 10 }]);
    });

    it('with no checkpoint yet, a move re-delivers all the target holds, and idempotent consumers are named', () => {
        const { ctx, state, rows } = started([{ ...T, idempotent: true }], [CONSUMER], { reach: () => 8 });
        ctx.services[0]!.primary = 1;
        queuesChanged(ctx, state, 3_000);
        expect(state.checkpoints[0]!.moves[0]).toMatchObject({ checkpointAtMs: -1, atFailover: 8, headAt: 8 });
        expect(rows[0]!.text).toBe(
            `t: consumers of consumer resume in us-west-2 from the start of the scenario (no checkpoint yet): 8 messages delivered again (consumers idempotent) (${KAFKA_FACT})`,
        );
    });

    it('a move to or from a region without a cluster follows the group but re-delivers nothing', () => {
        const { ctx, state, rows, advanced } = started([T], [CONSUMER], { reach: () => 8 });
        ctx.services[0]!.primary = 2;
        queuesChanged(ctx, state, 3_000);
        expect(state.checkpoints[0]!.region[0]).toBe(2);
        ctx.services[0]!.primary = 1;
        queuesChanged(ctx, state, 4_000);
        expect(state.checkpoints[0]!.region[0]).toBe(1);
        expect(state.checkpoints[0]!.moves).toEqual([]);
        expect(rows).toEqual([]);
        expect(advanced).toEqual([]);
    });

    it('the move back uses the reverse link and its own checkpoint, and a loss caps what arrives after the heal', () => {
        const { ctx, state, links } = started([T], [CONSUMER], {
            reach: (link, t) => (link === 1 ? t / 1_000 : 20),
        });
        onCheckpoint(ctx, state, 0, 10_000);
        links[0]!.log.end = 26;
        ctx.services[0]!.primary = 1;
        queuesChanged(ctx, state, 12_000);
        links[1]!.log.end = 30;
        ctx.services[0]!.primary = 0;
        // back at 25 s over us-west-2 → us-east-1: head 25, 10 at the checkpoint: 15 again
        queuesChanged(ctx, state, 25_000);
        const back = state.checkpoints[0]!.moves[1]!;
        expect(back).toMatchObject({ from: 1, to: 0, checkpointAtMs: 10_000, atFailover: 15, headAt: 25 });
        expect(back.consumedEnd).toBe(30);
        // the first move (us-east-1 → us-west-2, head 20, 26 consumed) reached 24 at the end: 4 after the heal;
        // a loss of 3 in us-west-2 makes the reverse link's 28 count as 25: nothing after the heal (28 without it
        // would give 3), and it does not touch the first move's link
        links[0]!.head = 24;
        links[1]!.head = 28;
        ctx.storeCounters[0]!.losses.push({ region: 1, atMs: 599_000, lostWrites: 3 } as never);
        finishQueues(ctx, state);
        expect(state.checkpoints[0]!.moves.map((m) => m.afterHeal)).toEqual([4, 0]);
    });

    it('a loss after the end does not count against what arrived', () => {
        const { ctx, state, links } = started([T], [CONSUMER], { reach: () => 5 });
        links[0]!.log.end = 12;
        ctx.services[0]!.primary = 1;
        queuesChanged(ctx, state, 1_000);
        links[0]!.head = 9;
        ctx.storeCounters[0]!.losses.push(
            { region: 0, atMs: 600_000, lostWrites: 1 } as never,
            { region: 0, atMs: 600_001, lostWrites: 50 } as never,
        );
        finishQueues(ctx, state);
        // reached 9 − 1 (the loss at the very end counts, the later one not): 8 − 5 = 3
        expect(state.checkpoints[0]!.moves[0]!.afterHeal).toBe(3);
    });
});
