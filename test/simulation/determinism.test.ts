// The same design, scenario and seed give byte-identical reports; another seed gives other samples whose
// means agree within the statistics of the quantity measured.
import { describe, expect, it } from 'vitest';
import { designOf, dynamoStore, runModelWithDeadline as runModel, TWO_US_REGIONS } from './helpers.js';

const DESIGN = `${TWO_US_REGIONS}
${dynamoStore('carts')}
service shop {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      carts
}
failover shop {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    action shift-traffic
    drill  every 30d
}
workload busy for shop { writes 1000/s from us-east-1 50%, us-west-2 50%  reads 5000/s  keys 5000 shared 10%  item-size 1KB }
scenario region-loss {
    workload busy
    duration 30m
    at 10m outage region us-east-1 for 10m
    at 25m partition us-east-1 <-> us-west-2 for 2m
}
`;

describe('determinism', () => {
    it('gives byte-identical JSON for the same seed', async () => {
        const model = await designOf(DESIGN);
        const a = JSON.stringify(await runModel(model, 'region-loss', { seed: 42 }));
        const b = JSON.stringify(await runModel(model, 'region-loss', { seed: 42 }));
        expect(a).toBe(b);
    });

    it('gives other samples but the same means for other seeds', async () => {
        const model = await designOf(DESIGN);
        const reports = [];
        for (const seed of [1, 2, 3, 4]) reports.push(await runModel(model, 'region-loss', { seed }));
        expect(new Set(reports.map((r) => JSON.stringify(r))).size).toBe(4);
        // Writes stranded in us-east-1 by its outage: Poisson with mean ≈ 500 writes/s × 1 s; tolerance 5σ ≈ 112.
        // Nothing is lost: the region comes back and delivers them.
        for (const r of reports) {
            const cut = r.stores[0]!.stranded.find((x) => x.region === 'us-east-1' && x.cutAtMs === 10 * 60_000)!;
            expect(Math.abs(cut.strandedWrites - 500)).toBeLessThanOrEqual(5 * Math.sqrt(500));
            expect(r.summary.lostWrites).toBe(0);
        }
        // Discarded writes: each run counts hundreds; the means agree within 10 %.
        const discarded = reports.map((r) => r.summary.discardedWrites);
        const mean = discarded.reduce((x, y) => x + y, 0) / discarded.length;
        for (const d of discarded) expect(Math.abs(d - mean) / mean).toBeLessThan(0.1);
        // Recovery depends on the probe phase only: within one 10 s interval of each other.
        const rtos = reports.map((r) => r.summary.worstRtoMs!);
        expect(Math.max(...rtos) - Math.min(...rtos)).toBeLessThan(10_000);
    });

    it('uses the scenario seed unless one is given, and the default when the scenario has none', async () => {
        const model = await designOf(DESIGN);
        expect((await runModel(model, 'region-loss')).scenario.seed).toBe(1);
        const seeded = await designOf(DESIGN.replace('duration 30m', 'duration 30m\n    seed 77'));
        expect((await runModel(seeded, 'region-loss')).scenario.seed).toBe(77);
        expect((await runModel(seeded, 'region-loss', { seed: 5 })).scenario.seed).toBe(5);
        expect((await runModel(model, 'region-loss', { defaultSeed: 9 })).scenario.seed).toBe(9);
    });
});
