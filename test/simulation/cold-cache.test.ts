// A cache in front of a store starts cold for the users routed to its region after a failover: their hit rate
// ramps linearly from 0 to the declared one over the warm-up, so the backing store sees their reads. Oracles, in
// closed form: with the steady miss load m = R·(1 − H) per region (R: reads served there) the moved users' R
// arrive with all their reads missing — peak R·(1 − H) + R — and over a whole warm-up W the backing store reads
// R·H·W/2 more than with a warm cache (the area of the triangle the ramp leaves).
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { expectValidReport, run } from './helpers.js';

function design(hitRate: string, warmUp: string, caches = true): string {
    return `topology ColdCache
region us-east-1 { provider aws }
region us-west-2 { provider aws }
store orders {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       per-user rows
    replication async
    writes      any-region
    consistency eventual
    conflicts   lww
}
store orders-cache {
    engine      redis
    regions     us-east-1, us-west-2
    holds       per-user rows
    replication none
    writes      any-region
    consistency eventual
    conflicts   lww
    ${caches ? `caches      orders hit-rate ${hitRate} warm-up ${warmUp}` : ''}
}
service api {
    regions  us-east-1, us-west-2
    posture  active-active
    reads    orders-cache, orders
}
failover api {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
workload browse for api {
    reads 1000/s from us-east-1 50%, us-west-2 50%
}
scenario lose-east {
    workload browse
    duration 1h
    at 5m outage region us-east-1 for 50m
    seed 3
}
`;
}

function west(report: SimulationReport) {
    const cache = report.stores.find((s) => s.name === 'orders-cache')?.coldCache;
    const region = cache?.regions.find((r) => r.region === 'us-west-2');
    if (!cache || !region) throw new Error('no cold-cache report for us-west-2');
    return { cache, region };
}

describe('a cache starts cold for the users moved to its region', () => {
    it.each([
        { hitRate: '95%', h: 0.95, warmUp: '10m', w: 600 },
        { hitRate: '80%', h: 0.8, warmUp: '5m', w: 300 },
        { hitRate: '99%', h: 0.99, warmUp: '20m', w: 1200 },
    ])('hit rate $hitRate, warm-up $warmUp: 500 reads/s arrive in us-west-2', async ({ hitRate, h, warmUp, w }) => {
        const report = await run(design(hitRate, warmUp), 'lose-east');
        expectValidReport(report);
        const { cache, region } = west(report);
        const moved = 500; // us-east-1's half of 1000 reads/s
        expect(cache.backingStore).toBe('orders');
        expect(cache.backingCapacity).toBeNull();
        expect(region.steadyMissReadsPerS).toBeCloseTo(500 * (1 - h), 6);
        expect(region.peakMissReadsPerS).toBeCloseTo(500 * (1 - h) + moved, 6);
        expect(region.multiplier).toBeCloseTo((500 * (1 - h) + moved) / (500 * (1 - h)), 6);
        expect(region.extraMissReads).toBeCloseTo((moved * h * w) / 2, 3);
    });

    it('a warm-up of 0 (a cache kept warm) adds nothing', async () => {
        const { region } = west(await run(design('95%', '0s'), 'lose-east'));
        expect(region.extraMissReads).toBe(0);
        expect(region.peakMissReadsPerS).toBeCloseTo(1000 * 0.05, 6);
    });

    it('a store without the clause has no cold-cache report', async () => {
        const report = await run(design('', '', false), 'lose-east');
        expect(report.stores.every((s) => s.coldCache === null)).toBe(true);
    });
});
