// Bounded staleness in the engine (simulation/engine/mechanisms/staleness.ts) on a hand-built context
// (engine-world.ts): a write in the write region is refused while a read replica has K writes or more waiting
// (accepting one more would put it more than K behind) or its oldest waiting write is older than T, read from the
// links out of the writing replica once they have applied what is due; the first refusal and the return within
// the bound are timeline rows; a promotion takes the old write region out of the bound. Lag 100 ms.
import { describe, expect, it } from 'vitest';
import { appendWrite, updateLinks } from '../../simulation/engine/mechanisms/replication.js';
import { releaseDemoted, throttles } from '../../simulation/engine/mechanisms/staleness.js';
import type { StalenessBound } from '../../simulation/staleness-bound.js';
import { world, type StoreSpec } from './engine-world.js';

function bound(maxVersions: number, maxLagMs: number, replicas: number): StalenessBound {
    return {
        active: true,
        reason: null,
        maxVersions,
        maxLagMs,
        released: new Uint8Array(replicas),
        throttled: 0,
        throttledAt: new Float64Array(replicas),
        firstAtMs: -1,
        lastAtMs: -1,
        throttling: false,
        cause: -1,
    };
}

/** A bounded store (K, T) whose write region us-east-1 accepted writes at `times`. */
function bounded(K: number, T: number, times: number[], spec: Partial<StoreSpec> = {}, weight = 1) {
    const replicas = spec.replicas ?? [0, 1];
    const w = world([{ replicas, ...spec }], { weight });
    w.ctx.staleness[0] = bound(K, T, replicas.length);
    for (const t of times) {
        w.at(t);
        appendWrite(w.ctx, 0, 0, -1, 0);
    }
    return { ...w, bound: w.ctx.staleness[0] };
}

const THROTTLED =
    'orders: writes in us-east-1 are throttled — us-west-2 is beyond the staleness bound (K = 1 writes, T = 50 ms; docs/facts.md#cosmos-bounded-staleness-throttling)';

describe('a write in the write region under a staleness bound', () => {
    it.each([
        { name: 'nothing waiting: accepted', K: 1, T: Infinity, times: [], t: 50, weight: 1, refused: false },
        // the write sent at 0 arrives at 100, which counts before the check at 100
        {
            name: 'a write arriving at t no longer waits',
            K: 1,
            T: Infinity,
            times: [0],
            t: 100,
            weight: 1,
            refused: false,
        },
        { name: 'K = 1 with one waiting: refused', K: 1, T: Infinity, times: [0], t: 99, weight: 1, refused: true },
        { name: 'K = 2 with one waiting: accepted', K: 2, T: Infinity, times: [0], t: 99, weight: 1, refused: false },
        {
            name: 'K = 2 with one sampled for two: refused',
            K: 2,
            T: Infinity,
            times: [0],
            t: 99,
            weight: 2,
            refused: true,
        },
        {
            name: 'oldest waiting 51 ms, T = 50: refused',
            K: Infinity,
            T: 50,
            times: [0],
            t: 51,
            weight: 1,
            refused: true,
        },
        {
            name: 'oldest waiting 50 ms, T = 50: accepted',
            K: Infinity,
            T: 50,
            times: [0],
            t: 50,
            weight: 1,
            refused: false,
        },
        {
            name: 'only the oldest write’s age counts',
            K: Infinity,
            T: 50,
            times: [20, 40],
            t: 70,
            weight: 1,
            refused: false,
        },
    ])('$name', ({ K, T, times, t, weight, refused }) => {
        const w = bounded(K, T, times, {}, weight);
        expect(throttles(w.ctx, 0, 0, t)).toBe(refused);
        expect([w.bound.throttled, w.bound.throttledAt[0], w.bound.throttling]).toEqual(
            refused ? [weight, weight, true] : [0, 0, false],
        );
    });

    it('records the first refusal once, with the lagging region and the bound, and counts each', () => {
        const w = bounded(1, 50, [0, 10]);
        expect([throttles(w.ctx, 0, 0, 60), throttles(w.ctx, 0, 0, 80)]).toEqual([true, true]);
        expect(w.bound).toMatchObject({ throttled: 2, firstAtMs: 60, lastAtMs: 80, throttling: true, cause: -1 });
        expect([...w.bound.throttledAt]).toEqual([2, 0]);
        expect(w.rows).toEqual([
            { t: 60, kind: 'writes-throttled', text: THROTTLED, target: 'orders', region: 0, cause: undefined },
        ]);
    });

    it('records the return within the bound, naming the cut that caused the refusals', () => {
        const w = bounded(1, 50, [0]);
        // the link is cut at 10 by fault 4: the write at 0 waits until the heal at 200 (+ 100)
        w.partition(0, 1);
        updateLinks(w.ctx, 10, 4);
        expect(throttles(w.ctx, 0, 0, 200)).toBe(true);
        w.partition(0, 1, false);
        updateLinks(w.ctx, 200, 4);
        expect([throttles(w.ctx, 0, 0, 299), throttles(w.ctx, 0, 0, 300), throttles(w.ctx, 0, 0, 400)]).toEqual([
            true,
            false,
            false,
        ]);
        expect(w.bound).toMatchObject({ throttled: 2, firstAtMs: 200, lastAtMs: 299, throttling: false, cause: 4 });
        const throttling = w.rows.filter((r) => r.kind.includes('throttl'));
        expect(throttling.map((r) => [r.t, r.kind, r.cause])).toEqual([
            [200, 'writes-throttled', { fault: 4 }],
            [300, 'throttling-ended', { fault: 4 }],
        ]);
        expect(throttling[1]!.text).toBe(
            'orders: writes in us-east-1 are accepted again — every read region is back within the staleness bound',
        );
    });

    it('records the return with no cause when no fault held the replica back', () => {
        const w = bounded(1, Infinity, [0]);
        throttles(w.ctx, 0, 0, 50);
        throttles(w.ctx, 0, 0, 100);
        expect(w.rows.map((r) => [r.kind, r.cause])).toEqual([
            ['writes-throttled', undefined],
            ['throttling-ended', undefined],
        ]);
    });

    it.each([
        // lag 35: due at 35 in us-west-2 (RTT/2 30), at 40 in eu-west-1 (RTT/2 40)
        { name: 'the first lagging replica is named', t: 20, released: [], behind: 'us-west-2' },
        { name: 'a replica caught up is passed over', t: 37, released: [], behind: 'eu-west-1' },
        { name: 'a released replica is passed over', t: 20, released: [1], behind: 'eu-west-1' },
        { name: 'with every replica released nothing waits', t: 20, released: [1, 2], behind: undefined },
    ])('$name', ({ t, released, behind }) => {
        const w = bounded(1, Infinity, [0], { replicas: [0, 1, 2], lagMs: 35 });
        for (const slot of released) w.bound.released[slot] = 1;
        expect(throttles(w.ctx, 0, 0, t)).toBe(behind !== undefined);
        expect(w.rows.map((r) => r.text.split(' — ')[1]?.split(' is beyond')[0])).toEqual(behind ? [behind] : []);
    });

    it('names us-east-1, region 0, as the lagging replica of a store written in us-west-2', () => {
        const w = world([{ replicas: [1, 0] }]);
        w.ctx.staleness[0] = bound(1, Infinity, 2);
        w.at(0);
        appendWrite(w.ctx, 0, 1, -1, 0);
        expect(throttles(w.ctx, 0, 1, 50)).toBe(true);
        expect(w.rows.map((r) => r.text.split(' — ')[1]?.split(' is beyond')[0])).toEqual(['us-east-1']);
        expect([...w.ctx.staleness[0]!.throttledAt]).toEqual([1, 0]);
    });

    it('keeps the first refusal at 0 ms and names the first fault, index 0', () => {
        const w = bounded(1, Infinity, [0]);
        w.partition(0, 1);
        updateLinks(w.ctx, 0, 0);
        expect([throttles(w.ctx, 0, 0, 0), throttles(w.ctx, 0, 0, 50)]).toEqual([true, true]);
        expect(w.bound).toMatchObject({ firstAtMs: 0, lastAtMs: 50, cause: 0 });
        w.partition(0, 1, false);
        updateLinks(w.ctx, 60, 0);
        expect(throttles(w.ctx, 0, 0, 200)).toBe(false);
        expect(w.rows.filter((r) => r.kind.includes('throttl')).map((r) => [r.t, r.cause])).toEqual([
            [0, { fault: 0 }],
            [200, { fault: 0 }],
        ]);
    });

    it('accepts a write in a store with no link out of the region', () => {
        const w = bounded(1, Infinity, [0], { replicas: [0] });
        expect(throttles(w.ctx, 0, 0, 50)).toBe(false);
    });
});

describe('a promotion moves the bound’s source', () => {
    it.each([
        { name: 'from us-east-1 to us-west-2', from: 0, to: 1, before: [0, 1], after: [1, 0] },
        { name: 'to the region it was already in', from: 0, to: 0, before: [1, 0], after: [1, 0] },
        { name: 'from a region with no replica', from: 2, to: 1, before: [0, 1], after: [0, 0] },
        { name: 'to a region with no replica', from: 0, to: 2, before: [0, 0], after: [1, 0] },
        { name: 'back to us-east-1', from: 1, to: 0, before: [1, 0], after: [0, 1] },
    ])('$name: the old write region released, the new one bound', ({ from, to, before, after }) => {
        const w = bounded(1, Infinity, []);
        w.bound.released.set(before);
        releaseDemoted(w.ctx, 0, from, to);
        expect([...w.bound.released]).toEqual(after);
    });

    it('does nothing for a store without a bound', () => {
        const w = world([{ replicas: [0, 1] }]);
        expect(() => releaseDemoted(w.ctx, 0, 0, 1)).not.toThrow();
    });
});
