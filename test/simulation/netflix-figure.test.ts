// The seed's Netflix measurement: 1,000,000 records written in us-east-1, all readable in us-west-2 after
// 500 ms. Run on the Netflix example's own Cassandra store (async, lag 500 ms), driven directly.
import { describe, expect, it } from 'vitest';
import { designOfExample, run } from './helpers.js';

describe("the seed's Netflix figure", () => {
    it('makes every one of a million records readable in the other region within 500 ms', async () => {
        const report = await run(`${designOfExample('netflix')}
workload records for viewing-history { writes 10000/s from us-east-1 100% }
scenario million { workload records  duration 100s  seed 7 }
`);
        const store = report.stores.find((s) => s.id === 'viewing-history')!;
        // About a million records (Poisson: ± 4σ = 4,000).
        expect(Math.abs(store.writes.acknowledged - 1_000_000)).toBeLessThanOrEqual(4_000);
        // No record waited longer than 500 ms to be applied in us-west-2 …
        const link = store.lag.find((l) => l.from === 'us-east-1' && l.to === 'us-west-2')!;
        expect(link.maxMs).toBeLessThanOrEqual(500);
        // … and when the run ends only the last half second is still on its way.
        const west = store.replicas.find((r) => r.region === 'us-west-2')!;
        expect(west.appliedWrites + west.pendingWrites).toBe(store.writes.acknowledged);
        expect(west.pendingWrites).toBeLessThanOrEqual(10_000 * 0.5 + 4 * Math.sqrt(5_000));
    });
});
