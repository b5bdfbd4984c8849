// The LWW loss estimate beyond two symmetric regions: unequal rates and windows over three regions, one writing
// region, and the inputs it says are missing. Regions are on-prem with no location, so every RTT is a link written
// in the case. The oracle integrates the definition numerically instead of restating the closed form: a write x
// from region i stays i's value until i writes again (X ~ Exp(μᵢ)) or the first newer write from another region
// arrives; j's first write comes uⱼ ~ Exp(μⱼ) after x and arrives wⱼ later (w = max(lag, RTT/2)), and it never
// saw x when uⱼ < wⱼ. x is lost when that first arrival comes before X and never saw x.
import { describe, expect, it } from 'vitest';
import { estimateLwwLosses, lwwLossesForStore } from '../../language/semantics/estimators/index.js';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `topology T
region r1 { provider on-prem jurisdiction US }
region r2 { provider on-prem jurisdiction US }
region r3 { provider on-prem jurisdiction US }
`;
const STORE =
    'store s { engine custom regions r1, r2, r3 holds shared counter writes any-region replication async lag 10ms consistency eventual conflicts lww }';

async function estimate(design: string) {
    const { model } = (await modelOf(`${REGIONS}${STORE}\n${design}`)) as { model: Model };
    return estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!);
}

/**
 * μᵢ · P(a write from i is lost), by Simpson's rule: the density of j's arrival at a is μⱼe^{−μⱼ(a−wⱼ)} for
 * a ∈ [wⱼ, 2wⱼ] (it never saw x), times P(i did not write again by a) = e^{−μᵢa}, times P(every other region's
 * first write arrives after a) = Πₖ e^{−μₖ(a−wₖ)⁺}. Rates per s, windows in s.
 */
function lostPerSecond(i: number, mu: readonly number[], windows: readonly number[]): number {
    const mi = mu[i]!;
    let p = 0;
    mu.forEach((mj, j) => {
        if (j === i) return;
        const wj = windows[j]!;
        const f = (a: number) =>
            mj *
            Math.exp(-mj * (a - wj)) *
            Math.exp(-mi * a) *
            mu.reduce((s, mk, k) => (k === i || k === j ? s : s * Math.exp(-mk * Math.max(0, a - windows[k]!))), 1);
        const n = 4_000;
        const h = wj / n;
        let sum = f(wj) + f(2 * wj);
        for (let k = 1; k < n; k++) sum += (k % 2 === 1 ? 4 : 2) * f(wj + k * h);
        p += (h / 3) * sum;
    });
    return mi * p;
}

describe('LWW loss estimate, paths', () => {
    it('weighs three regions with their own rates and windows: the first newer arrival decides', async () => {
        // Links 100, 400 and 1,000 ms with a 10 ms lag: windows max(10 ms, RTT/2) = 50, 200 and 500 ms.
        // 60 writes/s split 50/30/20 % = 30, 18, 12 writes/s over 10 keys: μ = 3, 1.8, 1.2 per key and s.
        // 50 % of 10 keys shared = 5 keys.
        const e = await estimate(`link r1 <-> r2 { rtt 100ms }
link r1 <-> r3 { rtt 400ms }
link r2 <-> r3 { rtt 1000ms }
workload w for s { writes 60/s from r1 50%, r2 30%, r3 20%  keys 10 shared 50% }`);
        const mu = [3, 1.8, 1.2];
        // Windows seen from r1, r2 and r3 (0 for the region itself, unused).
        const perKey =
            lostPerSecond(0, mu, [0, 0.05, 0.2]) +
            lostPerSecond(1, mu, [0.05, 0, 0.5]) +
            lostPerSecond(2, mu, [0.2, 0.5, 0]);
        expect(e.perDay).toBeCloseTo(perKey * 5 * 86_400, 3);
        expect(e.sharedKeys).toBe(5);
        expect(e.windowMs).toBe(500);
        expect([...e.writesByRegion]).toEqual([
            ['r1', 30],
            ['r2', 18],
            ['r3', 12],
        ]);
        expect(e.missing).toBeUndefined();
        expect(e.formula).toBe('60 writes/s from 3 regions, 50% of 10 keys shared, replication window ≈ 500 ms');
    });

    it('weighs three regions whose nearer peer is listed last: the windows are taken in time order', async () => {
        // The same rates with the links swapped: r1–r2 1,000 ms and r2–r3 100 ms, so from r1 the later-listed r3
        // (200 ms) is nearer than r2 (500 ms), and from r2 r3 (50 ms) is nearer than r1 (500 ms).
        const e = await estimate(`link r1 <-> r2 { rtt 1000ms }
link r1 <-> r3 { rtt 400ms }
link r2 <-> r3 { rtt 100ms }
workload w for s { writes 60/s from r1 50%, r2 30%, r3 20%  keys 10 shared 50% }`);
        const mu = [3, 1.8, 1.2];
        const perKey =
            lostPerSecond(0, mu, [0, 0.5, 0.2]) +
            lostPerSecond(1, mu, [0.5, 0, 0.05]) +
            lostPerSecond(2, mu, [0.2, 0.05, 0]);
        expect(e.perDay).toBeCloseTo(perKey * 5 * 86_400, 3);
    });

    it.each([
        {
            name: 'three regions of which one writes nothing: exact, as two',
            split: 'r1 50%, r2 50%, r3 0%',
            model: 'exact',
        },
        {
            name: 'three regions that all write: an approximation',
            split: 'r1 50%, r2 30%, r3 20%',
            model: 'approximation',
        },
    ])('$name', async ({ split, model }) => {
        const e = await estimate(`link r1 <-> r2 { rtt 100ms }
link r1 <-> r3 { rtt 400ms }
link r2 <-> r3 { rtt 1000ms }
workload w for s { writes 60/s from ${split}  keys 10 shared 50% }`);
        expect(e.incrementsModel).toBe(model);
    });

    it('weighs a busy region’s write against a quiet one’s, not the other way round', async () => {
        // Two regions, one link of 2 s (window 1 s), 4 writes/s split 75/25 % on one key: μ₁ = 3, μ₂ = 1.
        // A write from the busy region is rarely lost (its own next write comes first); from the quiet one, often.
        const e = await estimate(`link r1 <-> r2 { rtt 2s }
workload w for s { writes 4/s from r1 75%, r2 25%  keys 1 shared 100% }`);
        const perKey = lostPerSecond(0, [3, 1], [0, 1]) + lostPerSecond(1, [3, 1], [1, 0]);
        expect(e.perDay).toBeCloseTo(perKey * 86_400, 3);
        expect(e.windowMs).toBe(1_000);
    });

    it('loses nothing, and names no window, when one region writes', async () => {
        const e = await estimate(`link r1 <-> r2 { rtt 100ms }
workload w for s { writes 40/s from r1 100%  keys 10 shared 50% }`);
        expect(e).toEqual({
            store: 's',
            workload: 'w',
            writesByRegion: new Map([['r1', 40]]),
            counts: 'overwritten writes',
            perDay: 0,
            // A counter written from one region loses no increment either.
            incrementsLostPerDay: 0,
            incrementsModel: 'exact',
            sharedKeys: 5,
            windowMs: undefined,
            formula: '40 writes/s from 1 region, 50% of 10 keys shared',
        });
    });

    it.each([
        {
            name: 'says which workload declares no key count',
            design: `link r1 <-> r2 { rtt 100ms }
workload w for s { writes 40/s from r1 50%, r2 50% }`,
            expected: {
                store: 's',
                workload: 'w',
                writesByRegion: new Map([
                    ['r1', 20],
                    ['r2', 20],
                ]),
                counts: 'overwritten writes',
                missing: "workload w declares no key count ('keys N shared S%')",
                formula: '',
            },
        },
        {
            // r1–r2 is linked, r3 has no link and no location: the first pair without an RTT is r1 and r3.
            name: 'says which pair of writing regions has no known RTT',
            design: `link r1 <-> r2 { rtt 100ms }
workload w for s { writes 60/s from r1 50%, r2 30%, r3 20%  keys 10 shared 50% }`,
            expected: {
                store: 's',
                workload: 'w',
                writesByRegion: new Map([
                    ['r1', 30],
                    ['r2', 18],
                    ['r3', 12],
                ]),
                sharedKeys: 5,
                counts: 'overwritten writes',
                missing: 'the RTT between r1 and r3 is unknown',
                formula: '',
            },
        },
    ])('$name', async ({ design, expected }) => {
        expect(await estimate(design)).toEqual(expected);
    });

    it('estimates every workload that writes the store, in declaration order', async () => {
        // a: 2 writes/s on one key from r1 and r2 (μ = 1 each, window 50 ms); b: from r1 only (no loss).
        const { model } = (await modelOf(`${REGIONS}${STORE}
link r1 <-> r2 { rtt 100ms }
workload a for s { writes 2/s from r1 50%, r2 50%  keys 1 shared 100% }
workload b for s { writes 5/s from r1 100%  keys 1 shared 100% }`)) as { model: Model };
        const all = lwwLossesForStore(model, model.stores.get('s')!);
        expect(all.map((e) => [e.workload, e.perDay])).toEqual([
            [
                'a',
                expect.closeTo((lostPerSecond(0, [1, 1], [0, 0.05]) + lostPerSecond(1, [1, 1], [0.05, 0])) * 86_400, 3),
            ],
            ['b', 0],
        ]);
    });
});
