// After a partition heals, the backlog the cut held arrives one lag later (an instant drain: no catch-up rate
// is documented per engine). The report gives the backlog's peak, when it had arrived, the reads served meanwhile
// and, per link, the replication delay between live ends apart from the age of what the cut held back.
import { describe, expect, it } from 'vitest';
import { dynamoStore, MINUTE, replicaReaders, run, SECOND, TWO_US_REGIONS } from './helpers.js';

// Writes land in us-east-1 at λ = 5/s over K = 1000 keys (μ = λ/K per key); the lag is d = 30 s; the partition
// [T0, T1) lasts P = 60 s. Reads: 500/s in each region.
const LAMBDA = 5;
const KEYS = 1_000;
const D = 30;
const T0 = 200;
const P = 60;
const T1 = T0 + P;
const READS = 500;

const design = replicaReaders({
    lag: `${D}s`,
    writes: LAMBDA,
    keys: KEYS,
    readsPerRegion: READS,
    scenario: `duration 10m  at ${T0}s partition us-east-1 <-> us-west-2 for ${P}s  seed 5`,
});

describe('a partition heals with its backlog arriving one lag later', () => {
    it('reports one heal on the link that held writes, with the backlog and the drain', async () => {
        const store = (await run(design)).stores[0]!;
        const east = store.lag.find((l) => l.from === 'us-east-1')!;
        expect(east.heals).toHaveLength(1);
        const [heal] = east.heals;
        // Held: the writes sent from T0 − d (not yet applied at the cut) to T1: λ(P + d), ± 4σ of a Poisson count.
        const held = LAMBDA * (P + D);
        expect(Math.abs(heal!.backlogWrites - held)).toBeLessThanOrEqual(4 * Math.sqrt(held));
        expect(heal).toMatchObject({
            cutAtMs: T0 * SECOND,
            atMs: T1 * SECOND,
            drainedAtMs: (T1 + D) * SECOND,
            drainMs: D * SECOND,
        });
        // us-west-2 wrote nothing, so its link held nothing.
        expect(store.lag.find((l) => l.from === 'us-west-2')?.heals ?? []).toEqual([]);
    });

    it('keeps the lag between live ends apart from the age of the backlog', async () => {
        const store = (await run(design)).stores[0]!;
        const east = store.lag.find((l) => l.from === 'us-east-1')!;
        // Every write no cut held took exactly the lag.
        expect(east.maxMs).toBe(D * SECOND);
        // The oldest held write was sent just after T0 − d and arrived at T1 + d: P + 2d, less the gap to the
        // first write after T0 − d (exponential, mean 1/λ = 200 ms; below 2 s with probability 1 − e^{−10}).
        expect(east.backlogMaxMs!).toBeLessThanOrEqual((P + 2 * D) * SECOND);
        expect(east.backlogMaxMs!).toBeGreaterThan((P + 2 * D) * SECOND - 2 * SECOND);
    });

    it('counts the reads served during the drain and the stale ones among them', async () => {
        const store = (await run(design)).stores[0]!;
        // During the drain s ∈ [0, d) after the heal, the us-west-2 replica misses what was sent since T0 − d:
        // window P + d + s, so its reads are stale with 1 − e^{−μ(P+d+s)}; us-east-1's reads are never stale.
        const mu = LAMBDA / KEYS;
        const stale = READS * (D - (Math.exp(-mu * (P + D)) * (1 - Math.exp(-mu * D))) / mu);
        const served = 2 * READS * D;
        expect(store.reads.duringDrain.served).toBeCloseTo(served, 3);
        expect(Math.abs(store.reads.duringDrain.stale - stale) / stale).toBeLessThan(1e-6);
        expect(store.reads.duringDrain.staleShare!).toBeCloseTo(stale / served, 6);
    });
});

describe('a 10-minute partition of a multi-writer store', () => {
    // Both regions write 100/s; each side holds what it wrote during the cut until the heal.
    it('reports a heal on both links and a backlog far beyond the lag', async () => {
        const report = await run(`${TWO_US_REGIONS}
${dynamoStore('carts')}
workload w for carts { writes 200/s from us-east-1 50%, us-west-2 50%  keys 100000 }
scenario s { workload w  duration 20m  at 5m partition us-east-1 <-> us-west-2 for 10m  seed 2 }
`);
        const store = report.stores[0]!;
        expect(store.lag).toHaveLength(2);
        for (const link of store.lag) {
            expect(link.heals).toHaveLength(1);
            expect(link.heals[0]!.drainMs).toBe(SECOND);
            expect(link.maxMs).toBe(SECOND);
            expect(link.backlogMaxMs!).toBeGreaterThan(10 * MINUTE);
        }
        expect(store.lostWrites).toBe(0);
    });
});
