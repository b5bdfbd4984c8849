// `replication none` over regions that each write: independent copies, one per region (a cache per region).
// Nothing crosses regions, so a failover loses no replicated write and costs no egress; the users moved find the
// other region's own copy, cold for their keys (the report says so at the re-routing).
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const design = (store: string) => `topology Caches
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
${store}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      cache
}
failover api {
    detect health-check every 10s threshold 3
    route  anycast
    drill  every 30d
}
workload w for api { writes 200/s from us-east-1 100%  keys 1000  item-size 1KB }
scenario lose-east {
    workload w
    duration 20m
    at 5m outage region us-east-1 for 10m
    seed 4
}
`;

const CACHE =
    'store cache { engine redis regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww }';

describe('independent copies per region (replication none)', () => {
    it('lose no write and ship nothing when a region fails, and say the moved users find a cold copy', async () => {
        const report = await run(design(CACHE));
        const store = report.stores.find((s) => s.id === 'cache')!;
        expect(store.replication.mode).toBe('none');
        expect(store.lostWrites).toBe(0);
        expect(store.strandedWrites).toBe(0);
        const cold = report.timeline.filter(
            (e) => e.kind === 'routing-change' && e.text.startsWith('cache keeps an independent copy per region'),
        );
        expect(cold.map((e) => e.text)).toEqual([
            "cache keeps an independent copy per region (replication none): the users moved to us-west-2 find that region's own copy, cold for their keys — nothing was replicated, so nothing is lost",
        ]);
    });

    it('say nothing of cold copies for a store that replicates', async () => {
        const report = await run(design(CACHE.replace('replication none', 'replication async lag 1s')));
        expect(report.timeline.some((e) => e.text.includes('independent copy'))).toBe(false);
    });
});
