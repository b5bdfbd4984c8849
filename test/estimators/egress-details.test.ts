// What the egress estimate says besides its total: its flows, their order and prices, the directions it cannot
// price, the words of its formula and of its hover line. Figures are worked by hand (a 30-day month is
// 2,592,000 s), never taken from the estimator's own constants.
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_MONTH, describeEgress, estimateMonthlyEgress } from '../../language/semantics/estimators/index.js';
import { LISTED_ITEMS } from '../../language/semantics/units.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = 'region us-east-1 {}\nregion us-east-2 {}\nregion eu-west-1 {}\nregion ap-southeast-2 {}\n';

async function egress(text: string) {
    const { model } = await modelOf(`topology T\n${REGIONS}${text}`);
    return estimateMonthlyEgress(model, model.stores.get('s')!);
}

const AURORA =
    'store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }';

describe('the egress estimate in detail', () => {
    it('counts a 30-day month of 2,592,000 seconds', () => {
        expect(SECONDS_PER_MONTH).toBe(2_592_000);
    });

    it('says 300 writes/s of 2 KB to one other region at $0.02/GB is $31.10 a month, in its hover line', async () => {
        const e = await egress(`${AURORA}\nworkload w for s { writes 300/s from us-east-1 100%  item-size 2KB }`);
        // 300 × 2,000 B × 2,592,000 s = 1,555.2 GB × $0.02 = $31.104
        expect(e.usdPerMonth).toBeCloseTo(31.104, 9);
        expect(e.bytesPerMonth).toBe(1_555_200_000_000);
        expect(describeEgress(e)).toBe('≈ $31.1/month (300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days)');
        expect(e.flows).toEqual([
            {
                from: 'us-east-1',
                to: undefined,
                regions: 1,
                writesPerS: 300,
                bytesPerMonth: 1_555_200_000_000,
                usdPerGB: 0.02,
                priceSource: expect.stringContaining('aws-inter-region-transfer-price'),
                usdPerMonth: expect.closeTo(31.104, 9),
            },
        ]);
        expect(e.missing).toBeUndefined();
    });

    it('lists its flows in the order of the store’s regions: the grouped AWS regions, a region it cannot price, the us-east pair priced apart', async () => {
        const e = await egress(`region x { provider on-prem jurisdiction US }
store s { engine aurora regions us-east-1, eu-west-1, x, us-east-2 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`);
        expect(e.flows.map((f) => [f.to, f.regions, f.usdPerGB])).toEqual([
            [undefined, 1, 0.02],
            [undefined, 1, undefined],
            ['us-east-2', 1, 0.01],
        ]);
        expect(e.unpriced).toEqual([['us-east-1', 'x']]);
        expect(e.unpricedCount).toBe(1);
        // Priced flows only: 259.2 GB × $0.02 + 259.2 GB × $0.01
        expect(e.usdPerMonth).toBeCloseTo(259.2 * 0.03, 9);
        expect(e.formula).toBe('100 writes/s × 1 KB × 3 other regions × $0.02/GB or $0.01/GB over 30 days');
    });

    it('names the price of a declared link by its line, and still prices a link that declares only an RTT from the facts', async () => {
        const priced = await egress(
            `link us-east-1 <-> eu-west-1 { egress $0.05/GB }\n${AURORA}\nworkload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`,
        );
        expect(priced.flows.map((f) => f.priceSource)).toEqual(['link at line 6']);
        const rttOnly = await egress(
            `link us-east-1 <-> eu-west-1 { rtt 70ms }\n${AURORA}\nworkload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`,
        );
        expect(rttOnly.usdPerMonth).toBeCloseTo(259.2 * 0.02, 9);
    });

    it('adds the writes several workloads forward from one region into one flow, and names the leader in the formula', async () => {
        const e =
            await egress(`store s { engine cockroachdb regions us-east-1, eu-west-1, ap-southeast-2 holds shared rows writes any-region replication consensus consistency strong conflicts consensus leader us-east-1 }
workload a for s { writes 60/s from eu-west-1 100%  item-size 1KB }
workload b for s { writes 40/s from eu-west-1 100%  item-size 1KB }`);
        const forwarded = e.flows.filter((f) => f.forwarded);
        expect(forwarded.map((f) => [f.from, f.to, f.writesPerS])).toEqual([['eu-west-1', 'us-east-1', 100]]);
        expect(e.flows.filter((f) => !f.forwarded).every((f) => f.forwarded === undefined)).toBe(true);
        expect(e.formula).toBe(
            '(100 writes/s × 1 KB × 2 other regions + 100 writes/s × 1 KB forwarded to the leader) × $0.02/GB over 30 days',
        );
    });

    it('says "the writing region" for a primary store, and joins different item sizes with a slash', async () => {
        const e = await egress(`${AURORA}
workload a for s { writes 10/s from eu-west-1 100%  item-size 1KB }
workload b for s { writes 10/s from us-east-1 100%  item-size 4KB }`);
        expect(e.formula).toBe(
            '(20 writes/s × 1 KB / 4 KB × 1 other region + 10 writes/s × 1 KB / 4 KB forwarded to the writing region) × $0.02/GB over 30 days',
        );
    });

    it('costs nothing, with no flows and nothing unpriced, for a store kept in one region', async () => {
        const e =
            await egress(`store s { engine aurora regions us-east-1 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`);
        expect(e).toMatchObject({ usdPerMonth: 0, bytesPerMonth: 0, flows: [], unpriced: [], unpricedCount: 0 });
        expect(e.missing).toBeUndefined();
    });

    it.each([
        {
            name: 'replication none',
            text: 'store s { engine redis regions us-east-1, eu-west-1 holds per-user document writes any-region replication none consistency eventual conflicts lww }\nworkload w for s { writes 10/s from us-east-1 100%  item-size 1KB }',
            formula: 'replication none: each region keeps its own copy, so nothing crosses regions',
            missing: undefined,
        },
        { name: 'no workload', text: AURORA, formula: '', missing: 'no workload writes this store' },
        {
            name: 'no item size',
            text: `${AURORA}\nworkload w for s { writes 10/s from us-east-1 100% }`,
            formula: '',
            missing: 'workload w declares no item-size',
        },
    ])('has no flows and nothing unpriced with $name', async ({ text, formula, missing }) => {
        const e = await egress(text);
        expect(e.flows).toEqual([]);
        expect(e.unpriced).toEqual([]);
        expect(e.formula).toBe(formula);
        expect(e.missing).toBe(missing);
        expect(describeEgress(e)).toBe(missing ?? `≈ $0/month (${formula})`);
    });

    it(`names the first ${LISTED_ITEMS + 1} directions it cannot price and counts all of them, forwarded writes included`, async () => {
        const onPrem = Array.from({ length: 14 }, (_, i) => `region p${i} { provider on-prem jurisdiction US }`).join(
            '\n',
        );
        const e = await egress(`${onPrem}
store s { engine postgres regions ${Array.from({ length: 14 }, (_, i) => `p${i}`).join(', ')} holds shared rows writes primary p0 replication async lag 1s consistency session }
workload w for s { writes 10/s from p0 50%, p1 50%  item-size 1KB }`);
        // 13 replication directions from p0, plus the writes issued in p1 and forwarded to p0.
        expect(e.unpricedCount).toBe(14);
        expect(e.unpriced).toHaveLength(LISTED_ITEMS + 1);
        expect(e.unpriced[0]).toEqual(['p0', 'p1']);
        expect(e.usdPerMonth).toBeUndefined();
        expect(e.missing).toBe(
            `no price is known for ${e.unpriced
                .slice(0, LISTED_ITEMS)
                .map(([a, b]) => `${a} → ${b}`)
                .join(', ')} and 4 more: declare 'link … { egress $…/GB }'`,
        );
        expect(describeEgress(e)).toBe(e.missing);
    });

    it('says "unknown" in its hover line when it has no total and no reason', () => {
        expect(
            describeEgress({
                store: 's',
                bytesPerMonth: 0,
                flows: [],
                unpriced: [],
                unpricedCount: 0,
                workloads: [],
                formula: '',
            }),
        ).toBe('unknown');
    });
});

describe('the egress estimate’s grouping, in the cases that tell groupings apart', () => {
    it.each([
        {
            name: 'the us-east pair listed first, a region of another provider, then the AWS group after the writer',
            regions: 'us-east-2, x, eu-west-1, us-east-1',
            flows: [
                ['us-east-2', 1, 0.01],
                [undefined, 1, undefined],
                [undefined, 1, 0.02],
            ],
        },
        {
            name: 'the writer listed first: the region of another provider comes before the AWS group',
            regions: 'us-east-1, x, eu-west-1',
            flows: [
                [undefined, 1, undefined],
                [undefined, 1, 0.02],
            ],
        },
    ])('keeps the order of the store’s regions: $name', async ({ regions, flows }) => {
        const e = await egress(`region x { provider on-prem jurisdiction US }
store s { engine aurora regions ${regions} holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`);
        expect(e.flows.map((f) => [f.to, f.regions, f.usdPerGB])).toEqual(flows);
        expect(e.workloads).toEqual(['w']);
    });

    it('groups the us-east regions with the rest when the writer is outside the pair', async () => {
        const e =
            await egress(`store s { engine aurora regions eu-west-1, us-east-1, us-east-2 holds shared rows writes primary eu-west-1 consistency session }
workload w for s { writes 100/s from eu-west-1 100%  item-size 1KB }`);
        expect(e.flows.map((f) => [f.from, f.to, f.regions, f.usdPerGB])).toEqual([['eu-west-1', undefined, 2, 0.02]]);
    });

    it('prices a declared link to a region of another provider on its own, and keeps the AWS group whole', async () => {
        const e = await egress(`region x { provider on-prem jurisdiction US }
link us-east-1 <-> x { egress $0.07/GB }
store s { engine aurora regions us-east-1, eu-west-1, ap-southeast-2, x holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`);
        expect(e.flows.map((f) => [f.to, f.regions, f.usdPerGB])).toEqual([
            [undefined, 2, 0.02],
            ['x', 1, 0.07],
        ]);
        expect(e.unpricedCount).toBe(0);
        // 259.2 GB × (2 × $0.02 + $0.07)
        expect(e.usdPerMonth).toBeCloseTo(259.2 * 0.11, 9);
    });

    it('keeps every link of a region that has several', async () => {
        const e = await egress(`link us-east-1 <-> eu-west-1 { egress $0.05/GB }
link us-east-1 <-> ap-southeast-2 { egress $0.06/GB }
store s { engine aurora regions us-east-1, eu-west-1, ap-southeast-2 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from us-east-1 100%  item-size 1KB }`);
        expect(e.flows.map((f) => [f.to, f.usdPerGB])).toEqual([
            ['eu-west-1', 0.05],
            ['ap-southeast-2', 0.06],
        ]);
    });

    it('keeps one forwarded flow per pair of regions, priced writes not counted as unpriced', async () => {
        const e =
            await egress(`store s { engine cockroachdb regions us-east-1, eu-west-1, ap-southeast-2 holds shared rows writes any-region replication consensus consistency strong conflicts consensus leader us-east-1 }
workload w for s { writes 100/s from eu-west-1 50%, ap-southeast-2 50%  item-size 1KB }`);
        expect(e.flows.filter((f) => f.forwarded).map((f) => [f.from, f.to, f.writesPerS, f.usdPerGB])).toEqual([
            ['eu-west-1', 'us-east-1', 50, 0.02],
            ['ap-southeast-2', 'us-east-1', 50, 0.14],
        ]);
        expect(e.unpricedCount).toBe(0);
        expect(e.unpriced).toEqual([]);
    });

    it(`names the first ${LISTED_ITEMS + 1} unpriced replication directions when nothing is forwarded, and no price in its formula`, async () => {
        const onPrem = Array.from({ length: 14 }, (_, i) => `region p${i} { provider on-prem jurisdiction US }`).join(
            '\n',
        );
        const e = await egress(`${onPrem}
store s { engine postgres regions ${Array.from({ length: 14 }, (_, i) => `p${i}`).join(', ')} holds shared rows writes primary p0 replication async lag 1s consistency session }
workload w for s { writes 10/s from p0 100%  item-size 1KB }`);
        expect(e.unpricedCount).toBe(13);
        expect(e.unpriced).toEqual(Array.from({ length: LISTED_ITEMS + 1 }, (_, i) => ['p0', `p${i + 1}`]));
        expect(e.formula).toBe('10 writes/s × 1 KB × 13 other regions over 30 days');
    });
});

describe('the list of unpriced directions at its bound', () => {
    it(`still names a forwarded direction when replication filled exactly ${LISTED_ITEMS} places`, async () => {
        const onPrem = Array.from(
            { length: LISTED_ITEMS + 1 },
            (_, i) => `region p${i} { provider on-prem jurisdiction US }`,
        );
        const e = await egress(`${onPrem.join('\n')}
store s { engine postgres regions ${onPrem.map((_, i) => `p${i}`).join(', ')} holds shared rows writes primary p0 replication async lag 1s consistency session }
workload w for s { writes 10/s from p0 50%, p1 50%  item-size 1KB }`);
        // p0 → p1 … p10 fill the first ten places; the writes issued in p1 and forwarded to p0 take the eleventh.
        expect(e.unpriced).toHaveLength(LISTED_ITEMS + 1);
        expect(e.unpriced.at(-1)).toEqual(['p1', 'p0']);
        expect(e.unpricedCount).toBe(LISTED_ITEMS + 1);
    });
});

describe('a store with nothing to ship', () => {
    it('costs $0 with no missing price when its one region leaves no other to replicate to', async () => {
        const e =
            await egress(`store s { engine postgres regions us-east-1 holds shared rows writes primary us-east-1 replication async lag 1s consistency session }
workload w for s { writes 300/s from us-east-1 100%  item-size 2KB }`);
        // one replica, so 0 other regions: 300 writes/s × 2 KB × 0 = 0 bytes, a known $0, not an unknown price
        expect({ usd: e.usdPerMonth, bytes: e.bytesPerMonth, flows: e.flows, missing: e.missing }).toEqual({
            usd: 0,
            bytes: 0,
            flows: [],
            missing: undefined,
        });
        expect(e.formula).toBe('300 writes/s × 2 KB × 0 other regions over 30 days');
    });
});
