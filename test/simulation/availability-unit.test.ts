// Interruptions (simulation/engine/mechanisms/availability.ts) on hand-built groups: the share of requests served
// (writes and reads weighted by their rates, each slot of a DNS transition by the users in it), when an
// interruption opens and closes, the fault it blames and the detection and routing change credited to it. Every
// share is worked by hand in its row (fast enough to run per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../simulation/engine/context.js';
import { evaluateEpisodes, markEpisodes, type Reactions } from '../../simulation/engine/mechanisms/availability.js';
import type { GroupRuntime, Transition } from '../../simulation/runtime.js';
import { timelineRecorder } from './timeline-recorder.js';

const REGIONS = ['us-east-1', 'us-west-2'];

interface GroupSpec {
    kind?: 'service' | 'store';
    target?: number;
    writeRate?: number;
    readRate?: number;
    serviceProb?: [number, number];
    writeOk?: [number, number];
    readOk?: [number, number];
    transition?: Transition;
    writes?: number[];
    readsFrom?: number[];
}

function group(index: number, spec: GroupSpec): GroupRuntime {
    return {
        plan: {
            index,
            kind: spec.kind ?? 'service',
            target: spec.target ?? 0,
            targetId: `api${index}`,
            origin: index % 2,
            writeRate: spec.writeRate ?? 300,
            readRate: spec.readRate ?? 700,
            writes: spec.writes ?? [],
            readsFrom: spec.readsFrom ?? [],
        },
        serviceProb: Float64Array.from(spec.serviceProb ?? [1, 1]),
        writeOk: Float64Array.from(spec.writeOk ?? [1, 1]),
        readOk: Float64Array.from(spec.readOk ?? [1, 1]),
        transition: spec.transition,
    } as unknown as GroupRuntime;
}

/** Faults: an outage at 1000 (0), a lag spike at 2000 (1), an outage at 3000 (2); `active` in effect now. */
function context(groups: GroupSpec[], active: number[] = []) {
    const { rows, record } = timelineRecorder();
    const ctx = {
        plan: {
            regions: REGIONS,
            faults: [
                { at: 1_000, kind: 'outage', label: 'outage of us-east-1' },
                { at: 2_000, kind: 'lag-spike', label: 'lag spike' },
                { at: 3_000, kind: 'outage', label: 'outage of us-west-2' },
            ],
        },
        groups: groups.map((g, i) => group(i, g)),
        faults: { activeFaults: () => active },
        work: { scans: 0 },
        episodes: [],
        record,
        faultSource: (i: number) => ({ fault: i }),
    } as unknown as EngineContext;
    return { ctx, rows, reactions: new Map() as Reactions };
}

describe('the share of requests served', () => {
    it.each([
        // writes fail: 700 of 1000 requests per s served, 30 % fail
        { name: 'failed writes weigh by the write rate', spec: { writeOk: [0, 1] }, fail: '30%', worst: 0.7 },
        // reads fail: 300 of 1000 served
        { name: 'failed reads weigh by the read rate', spec: { readOk: [0, 1] }, fail: '70%', worst: 0.3 },
        // the service is reached by 40 % of requests, each served: 0.4
        {
            name: 'requests that do not reach the service fail',
            spec: { serviceProb: [0.4, 1] },
            fail: '60%',
            worst: 0.4,
        },
        // 0.5 × (300 × 0.5 + 700 × 1) / 1000 = 0.425
        {
            name: 'reaching the service and succeeding multiply',
            spec: { serviceProb: [0.5, 1], writeOk: [0.5, 1] },
            fail: '57.5%',
            worst: 0.425,
        },
        // a quarter of users moved to the new destination, which serves everything; the others' old one fails
        {
            name: 'over a DNS transition each destination weighs by the users in it',
            spec: { serviceProb: [1, 0], transition: { start: 0, end: 1_000, ttlMs: 1_000, tailShare: 0, tailMs: 0 } },
            fail: '75%',
            worst: 0.25,
        },
        // the quarter not moved yet is served by the old destination; the new one fails
        {
            name: 'users not moved yet are served where they were',
            spec: { serviceProb: [0, 1], transition: { start: 0, end: 1_000, ttlMs: 1_000, tailShare: 0, tailMs: 0 } },
            fail: '25%',
            worst: 0.75,
        },
    ] as { name: string; spec: GroupSpec; fail: string; worst: number }[])('$name', ({ spec, fail, worst }) => {
        const { ctx, rows, reactions } = context([spec]);
        evaluateEpisodes(ctx, reactions, 250);
        expect(ctx.groups[0]!.episode?.worstServed).toBeCloseTo(worst, 12);
        expect(rows.map((r) => r.text)).toEqual([`users of us-east-1 on api0: ${fail} of requests fail`]);
    });

    it.each([
        // 1 − 1e-8 is below 1 − 1e-9: an interruption, however small
        { name: 'a shortfall of one in a hundred million interrupts', ok: 1 - 1e-8, interrupted: true },
        // 1 − 1e-10 is rounding, not an interruption
        { name: 'a shortfall below one in a billion is rounding', ok: 1 - 1e-10, interrupted: false },
        // exactly 1 − 1e-9 is still rounding: the threshold is strict
        { name: 'a shortfall of exactly one in a billion is rounding', ok: 1 - 1e-9, interrupted: false },
        { name: 'everything served interrupts nothing', ok: 1, interrupted: false },
    ])('$name', ({ ok, interrupted }) => {
        const { ctx, rows, reactions } = context([{ writeOk: [ok, 1], writeRate: 1, readRate: 0 }]);
        evaluateEpisodes(ctx, reactions, 100);
        expect(ctx.groups[0]!.episode !== undefined).toBe(interrupted);
        expect(ctx.episodes).toHaveLength(interrupted ? 1 : 0);
        expect(rows).toHaveLength(interrupted ? 1 : 0);
    });

    it('a group with no requests is never interrupted', () => {
        const { ctx, rows, reactions } = context([{ writeRate: 0, readRate: 0, serviceProb: [0, 0] }]);
        evaluateEpisodes(ctx, reactions, 100);
        expect(ctx.groups[0]!.episode).toBeUndefined();
        expect(rows).toEqual([]);
    });
});

describe('an interruption', () => {
    it('blames the latest fault in effect that is not a lag spike, and cites its clause', () => {
        const { ctx, rows, reactions } = context([{ writeOk: [0, 1] }, {}], [0, 2, 1]);
        evaluateEpisodes(ctx, reactions, 3_500);
        expect(ctx.episodes).toEqual([{ group: 0, fault: 2, start: 3_500, worstServed: 0.7 }]);
        expect(ctx.groups[0]!.episode).toBe(ctx.episodes[0]);
        expect(rows).toEqual([
            {
                t: 3_500,
                kind: 'interrupted',
                text: 'users of us-east-1 on api0: 30% of requests fail',
                target: 'api0',
                region: 0,
                cause: { fault: 2 },
            },
        ]);
        // two groups scanned, then the two faults that are not lag spikes
        expect(ctx.work.scans).toBe(4);
    });

    it('with only a lag spike in effect, blames no fault', () => {
        const { ctx, rows, reactions } = context([{ writeOk: [0, 1] }], [1]);
        evaluateEpisodes(ctx, reactions, 2_500);
        expect(ctx.episodes[0]!.fault).toBe(-1);
        expect(rows[0]!.cause).toBeUndefined();
    });

    it('keeps the lowest share served while it lasts, and records nothing new until it ends', () => {
        const { ctx, rows, reactions } = context([{ writeOk: [0, 1] }], [0]);
        evaluateEpisodes(ctx, reactions, 1_000);
        const g = ctx.groups[0]!;
        g.readOk[0] = 0.5;
        // (0 + 700 × 0.5) / 1000 = 0.35
        evaluateEpisodes(ctx, reactions, 1_200);
        g.readOk[0] = 0.9;
        evaluateEpisodes(ctx, reactions, 1_400);
        expect(ctx.episodes).toHaveLength(1);
        expect(ctx.episodes[0]!.worstServed).toBeCloseTo(0.35, 12);
        expect(rows).toHaveLength(1);
    });

    it.each([
        // fault 0 began at 1000, the interruption at 31000 (users moved in later); served again at 91000: 90 s
        // after the fault, not the 60 s since the interruption began
        {
            name: 'ends when every request is served, timed from the fault',
            active: [0],
            start: 31_000,
            text: '1 m 30 s after the outage of us-east-1',
            cause: { fault: 0 },
        },
        // no fault: timed from the interruption's own start (1000)
        {
            name: 'with no fault, is timed from its own start',
            active: [],
            start: 1_000,
            text: '1 m 30 s after the interruption',
            cause: undefined,
        },
    ])('$name', ({ active, start, text, cause }) => {
        const { ctx, rows, reactions } = context([{ writeOk: [0, 1] }], active);
        evaluateEpisodes(ctx, reactions, start);
        ctx.groups[0]!.writeOk[0] = 1;
        evaluateEpisodes(ctx, reactions, 91_000);
        expect(ctx.episodes[0]).toMatchObject({ start, end: 91_000 });
        expect(ctx.groups[0]!.episode).toBeUndefined();
        expect(rows[0]!.cause).toEqual(cause);
        expect(rows[1]).toEqual({
            t: 91_000,
            kind: 'recovered',
            text: `users of us-east-1 on api0 are served again (${text})`,
            target: 'api0',
            region: 0,
            cause,
        });
        // a later failure opens a new interruption
        ctx.groups[0]!.writeOk[0] = 0;
        evaluateEpisodes(ctx, reactions, 95_000);
        expect(ctx.episodes).toHaveLength(2);
    });
});

describe('detection and routing changes credited to an interruption', () => {
    it('marks the open interruptions of the target: a service by its users, once', () => {
        const { ctx, reactions } = context(
            [
                { writeOk: [0, 1], target: 1 },
                { writeOk: [0, 1], target: 2 },
                { writeOk: [0, 1], kind: 'store', target: 1 },
            ],
            [0],
        );
        evaluateEpisodes(ctx, reactions, 1_000);
        ctx.work.scans = 0;
        markEpisodes(ctx, reactions, 'service', 1, 'detectionAt', 1_500);
        markEpisodes(ctx, reactions, 'service', 1, 'detectionAt', 1_700);
        markEpisodes(ctx, reactions, 'service', 1, 'routingAt', 1_900);
        expect(ctx.episodes.map((e) => [e.detectionAt, e.routingAt])).toEqual([
            [1_500, 1_900],
            [undefined, undefined],
            [undefined, undefined],
        ]);
        // the latest of each is remembered for interruptions that open later
        expect(reactions.get('service:1')).toEqual({ detectionAt: 1_700, routingAt: 1_900 });
        expect(ctx.work.scans).toBe(9);
    });

    it.each([
        { name: 'a store marks the users that write it', spec: { kind: 'service', writes: [3] }, marked: true },
        { name: 'a store marks the users that read it', spec: { kind: 'service', readsFrom: [3] }, marked: true },
        { name: 'a store marks its own users', spec: { kind: 'store', target: 3, writes: [3] }, marked: true },
        {
            name: 'a store does not mark users of other stores',
            spec: { kind: 'service', target: 3, writes: [1], readsFrom: [2] },
            marked: false,
        },
    ] as { name: string; spec: GroupSpec; marked: boolean }[])('$name', ({ spec, marked }) => {
        const { ctx, reactions } = context([{ ...spec, writeOk: [0, 1] }], [0]);
        evaluateEpisodes(ctx, reactions, 1_000);
        markEpisodes(ctx, reactions, 'store', 3, 'routingAt', 1_500);
        expect(ctx.episodes[0]!.routingAt).toBe(marked ? 1_500 : undefined);
    });

    it.each([
        // the fault began at 1000: a detection at 1200 answered it
        {
            name: 'an interruption opening after the detection of its fault is credited with it',
            at: 1_200,
            want: 1_200,
        },
        { name: 'a detection at the fault start itself counts', at: 1_000, want: 1_000 },
        // detected at 900, before this fault began: it answered an earlier one
        { name: 'a detection before its fault began is not credited', at: 900, want: undefined },
    ])('$name', ({ at, want }) => {
        const { ctx, reactions } = context([{ writeOk: [0, 1], target: 1 }], [0]);
        markEpisodes(ctx, reactions, 'service', 1, 'detectionAt', at);
        markEpisodes(ctx, reactions, 'service', 1, 'routingAt', at);
        evaluateEpisodes(ctx, reactions, 5_000);
        expect([ctx.episodes[0]!.detectionAt, ctx.episodes[0]!.routingAt]).toEqual([want, want]);
    });

    it.each([
        // no fault: only reactions from the interruption's own start on
        { name: 'with no fault, a reaction at the interruption start counts', at: 5_000, want: 5_000 },
        { name: 'with no fault, an earlier reaction does not', at: 4_999, want: undefined },
    ])('$name', ({ at, want }) => {
        const { ctx, reactions } = context([{ writeOk: [0, 1], kind: 'store', target: 4 }], []);
        reactions.set('store:4', { detectionAt: at, routingAt: at });
        evaluateEpisodes(ctx, reactions, 5_000);
        expect([ctx.episodes[0]!.detectionAt, ctx.episodes[0]!.routingAt]).toEqual([want, want]);
    });

    it('a reaction to another target is not credited', () => {
        const { ctx, reactions } = context([{ writeOk: [0, 1], target: 1 }], [0]);
        reactions.set('service:2', { detectionAt: 1_200, routingAt: 1_300 });
        reactions.set('store:1', { detectionAt: 1_200, routingAt: 1_300 });
        evaluateEpisodes(ctx, reactions, 5_000);
        expect(ctx.episodes[0]).toEqual({ group: 0, fault: 0, start: 5_000, worstServed: 0.7 });
    });
});
