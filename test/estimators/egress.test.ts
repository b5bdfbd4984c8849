import { describe, expect, it } from 'vitest';
import { SECONDS_PER_MONTH, estimateMonthlyEgress } from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `region us-east-1 {}\nregion eu-west-1 {}\nregion ap-southeast-2 {}\nregion x { provider on-prem jurisdiction US }\n`;

async function egress(text: string, store = 's') {
    const { model } = await modelOf(`topology T\n${REGIONS}${text}`);
    return estimateMonthlyEgress(model, model.stores.get(store)!);
}

const gb = (writesPerS: number, bytes: number) => (writesPerS * bytes * SECONDS_PER_MONTH) / 1e9;

describe('monthly egress estimator', () => {
    const cases: { name: string; text: string; usd: number | undefined }[] = [
        {
            name: 'charges primary writes once per other region at the transfer price of docs/facts.md#aws-inter-region-transfer-price',
            text: `store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 300/s from us-east-1 100%  item-size 2KB }`,
            usd: gb(300, 2_000) * 0.02,
        },
        {
            name: 'prefers a declared link price over the facts table',
            text: `link us-east-1 <-> eu-west-1 { egress $0.05/GB }
store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 300/s from us-east-1 100%  item-size 2KB }`,
            usd: gb(300, 2_000) * 0.05,
        },
        {
            name: 'charges writes accepted in each region at that region’s rate',
            text: `store s { engine dynamodb regions us-east-1, ap-southeast-2 holds per-user rows }
workload w for s { writes 1000/s from us-east-1 50%, ap-southeast-2 50%  item-size 1KB }`,
            usd: gb(500, 1_000) * 0.02 + gb(500, 1_000) * 0.14,
        },
        {
            name: 'counts the stores a service uses for a workload aimed at the service',
            text: `store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
service api { regions us-east-1, eu-west-1 posture active-passive uses s }
workload w for api { writes 100/s from us-east-1 100%  item-size 4KB }`,
            usd: gb(100, 4_000) * 0.02,
        },
        {
            // Consensus: a write issued in eu-west-1 travels to the leader in us-east-1 (0.02 $/GB from eu-west-1),
            // then the leader ships it to the two other replicas at us-east-1's rate.
            name: 'charges a consensus write issued away from the leader for its trip to the leader, then the leader’s replication',
            text: `store s { engine cockroachdb regions us-east-1, eu-west-1, ap-southeast-2 holds shared rows writes any-region replication consensus consistency strong conflicts consensus leader us-east-1 }
workload w for s { writes 100/s from eu-west-1 100%  item-size 1KB }`,
            usd: gb(100, 1_000) * 0.02 + 2 * gb(100, 1_000) * 0.02,
        },
        {
            // A write issued in the secondary region goes to the primary once; replication back is the primary's.
            name: 'charges a write issued in a secondary region for its trip to the primary',
            text: `store s { engine aurora regions us-east-1, ap-southeast-2 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 100/s from ap-southeast-2 100%  item-size 1KB }`,
            usd: gb(100, 1_000) * 0.14 + gb(100, 1_000) * 0.02,
        },
        {
            // Independent copies (a cache per region) ship nothing between regions.
            name: 'charges nothing for a store with replication none over three regions',
            text: `store s { engine redis regions us-east-1, eu-west-1, ap-southeast-2 holds per-user document writes any-region replication none consistency eventual conflicts lww }
workload w for s { writes 1000/s from us-east-1 50%, ap-southeast-2 50%  item-size 1KB }`,
            usd: 0,
        },
        {
            name: 'has no estimate when no workload writes the store',
            text: `store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }`,
            usd: undefined,
        },
        {
            name: 'has no estimate when the workload has no item size',
            text: `store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 300/s from us-east-1 100% }`,
            usd: undefined,
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const e = await egress(c.text);
            if (c.usd === undefined) {
                expect(e.usdPerMonth).toBeUndefined();
                expect(e.missing).toBeTruthy();
            } else {
                expect(e.usdPerMonth).toBeCloseTo(c.usd, 6);
            }
        });
    }

    it('lists directions with no known price instead of guessing one', async () => {
        const e =
            await egress(`store s { engine postgres regions us-east-1, x holds shared rows writes primary us-east-1 replication async lag 1s consistency session }
workload w for s { writes 10/s from us-east-1 100%  item-size 1KB }`);
        expect(e.unpriced).toEqual([['us-east-1', 'x']]);
        expect(e.usdPerMonth).toBeUndefined();
        expect(e.missing).toBe(`no price is known for us-east-1 → x: declare 'link … { egress $…/GB }'`);
    });

    it('explains the formula with the numbers it used', async () => {
        const e =
            await egress(`store s { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
workload w for s { writes 300/s from us-east-1 100%  item-size 2KB }`);
        expect(e.formula).toBe('300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days');
    });
});
