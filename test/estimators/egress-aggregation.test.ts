// The egress estimate groups a writer's replica regions by price: the same numbers as summing every writer ×
// replica pair, with work linear in the store's regions.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
    SECONDS_PER_MONTH,
    egressPrice,
    estimateMonthlyEgress,
    workloadsWriting,
    writeFlows,
    writesByWriter,
} from '../../language/semantics/estimators/index.js';
import type { Model, StoreM } from '../../language/semantics/model.js';
import { ROOT } from '../helpers/bundles.js';
import { modelOf } from '../helpers/services.js';

/**
 * Every writer × replica pair priced on its own, as the estimate was defined before it grouped them, plus each
 * write issued in a replica region and accepted in another, forwarded once from the one to the other.
 */
function perPair(model: Model, store: StoreM) {
    const bytesPerS = new Map<string, number>();
    let usd = 0;
    let bytes = 0;
    const unpriced: [string, string][] = [];
    const unpricedForwards: [string, string][] = []; // listed after the replication pairs
    const prices: number[] = [];
    for (const w of workloadsWriting(model, store)) {
        const flows = writeFlows(model, store, w);
        for (const [writer, perS] of writesByWriter(flows))
            bytesPerS.set(writer, (bytesPerS.get(writer) ?? 0) + perS * w.itemSizeBytes!);
        for (const f of flows.filter((f) => f.origin !== f.writer && store.regions.includes(f.origin))) {
            const perMonth = f.writesPerS * w.itemSizeBytes! * SECONDS_PER_MONTH;
            const price = egressPrice(model, f.origin, f.writer);
            bytes += perMonth;
            if (!price) unpricedForwards.push([f.origin, f.writer]);
            else {
                usd += (perMonth / 1e9) * price.usdPerGB;
                if (!prices.includes(price.usdPerGB)) prices.push(price.usdPerGB);
            }
        }
    }
    for (const [from, perS] of bytesPerS) {
        for (const to of store.regions) {
            if (to === from) continue;
            const price = egressPrice(model, from, to);
            bytes += perS * SECONDS_PER_MONTH;
            if (!price) unpriced.push([from, to]);
            else {
                usd += ((perS * SECONDS_PER_MONTH) / 1e9) * price.usdPerGB;
                if (!prices.includes(price.usdPerGB)) prices.push(price.usdPerGB);
            }
        }
    }
    return { usd, bytes, unpriced: [...unpriced, ...unpricedForwards], prices };
}

const AWS =
    'region us-east-1 {}\nregion us-east-2 {}\nregion eu-west-1 {}\nregion ap-southeast-2 {}\nregion af-south-1 {}\n' +
    'region x { provider on-prem jurisdiction US }\nregion y { provider gcp jurisdiction EU }\n';

describe('egress estimate grouped by price', () => {
    it.each([
        {
            name: 'a store written in every region, with the us-east pair priced apart',
            text: `${AWS}store s { engine dynamodb regions us-east-1, eu-west-1, us-east-2, ap-southeast-2 holds per-user rows }
workload w for s { writes 1000/s from us-east-1 40%, us-east-2 30%, eu-west-1 20%, ap-southeast-2 10%  item-size 1KB }`,
        },
        {
            name: 'declared link prices between some of the regions, in both directions',
            text: `${AWS}link eu-west-1 <-> ap-southeast-2 { egress $0.05/GB }\nlink us-east-2 <-> us-east-1 { egress $0.03/GB }
store s { engine dynamodb regions ap-southeast-2, us-east-1, eu-west-1, us-east-2 holds per-user rows }
workload w for s { writes 1000/s from us-east-1 25%, us-east-2 25%, eu-west-1 25%, ap-southeast-2 25%  item-size 3KB }`,
        },
        {
            name: 'regions of other providers and an AWS region the transfer price table does not price',
            text: `${AWS}link x <-> eu-west-1 { egress $0.07/GB }
store s { engine postgres regions x, us-east-1, y, af-south-1, eu-west-1 holds shared rows writes primary us-east-1 replication async lag 1s consistency session }
workload w for s { writes 10/s from us-east-1 100%  item-size 1KB }
workload v for s { writes 5/s from x 100%  item-size 2KB }`,
        },
    ])('gives the numbers of a sum over every pair for $name', async ({ text }) => {
        const { model } = await modelOf(`topology T\n${text}`);
        const store = model.stores.get('s')!;
        const e = estimateMonthlyEgress(model, store);
        const expected = perPair(model, store);
        expect(expected.usd).toBeGreaterThan(0);
        expect(e.bytesPerMonth).toBeCloseTo(expected.bytes, 3);
        expect(e.usdPerMonth ?? 0).toBeCloseTo(expected.usd, 9);
        expect(e.unpricedCount).toBe(expected.unpriced.length);
        expect(e.unpriced).toEqual(expected.unpriced.slice(0, 11));
        expect(e.formula).toContain(
            expected.prices.length > 0 ? `× ${expected.prices.map((p) => `$${p}/GB`).join(' or ')} over` : 'region',
        );
    });

    it('builds flows per writer region and price, not per pair, for a store over 300 regions written from all of them', async () => {
        const { manyRegions } = (await import(
            pathToFileURL(path.join(ROOT, 'bench', 'robustness', 'scaling-designs.mjs')).href
        )) as { manyRegions(n: number, k: number): string };
        const text = `${manyRegions(300, 300)}workload everywhere for sessions {\n    writes    100/s\n    keys      100000 shared 0%\n    item-size 1KB\n}\n`;
        const { model } = await modelOf(text);
        const e = estimateMonthlyEgress(model, model.stores.get('sessions')!);
        // Every writer ships to its AWS and to its other replica regions, both unpriced: two flows, not 299.
        expect(e.flows).toHaveLength(2 * 300);
        expect(e.unpricedCount).toBe(300 * 299);
        expect(e.bytesPerMonth).toBeCloseTo(100 * 1_000 * SECONDS_PER_MONTH * 299, 0);
    });
});
