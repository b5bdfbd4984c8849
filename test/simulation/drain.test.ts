// A healed backlog drains at the store's declared catch-up rate while new writes keep arriving. Oracles are the
// closed forms of a queue served at c and fed at w (docs/facts.md#catch-up-rate): a backlog B is empty after
// B ÷ (c − w), so the drain reported (heal → empty) is one lag d plus that; it applies B·c ÷ (c − w) writes; and
// with c ≤ w it never empties. Counts are Poisson, so each check allows a few standard deviations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, SECOND, TWO_US_REGIONS } from './helpers.js';

const D = 1;
const T0 = 60;
const PRICE = 0.05;
const ITEM_BYTES = 1_000;

/** One writer region (us-east-1, w writes/s over 10,000 keys), reads in both; the link priced at PRICE per GB. */
function design({
    w,
    catchUp,
    partitionS,
    durationS = 900,
    itemSize = '1KB',
    readsPerRegion = 0,
}: {
    w: number;
    catchUp?: string;
    partitionS: number;
    durationS?: number;
    itemSize?: string;
    readsPerRegion?: number;
}): string {
    return `${TWO_US_REGIONS}
link us-east-1 <-> us-west-2 { egress $${PRICE}/GB }
store db {
    engine      aurora
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag ${D}s
    consistency eventual
    ${catchUp === undefined ? '' : `catch-up ${catchUp}`}
}
service app {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      db
}
workload load for app { writes ${w}/s from us-east-1 100%  ${readsPerRegion > 0 ? `reads ${2 * readsPerRegion}/s from us-east-1 50%, us-west-2 50%` : ''}  keys 10000  item-size ${itemSize} }
scenario s { workload load  duration ${durationS}s  at ${T0}s partition us-east-1 <-> us-west-2 for ${partitionS}s  seed 11 }
`;
}

async function eastHeal(text: string) {
    const report = await run(text);
    const store = report.stores[0]!;
    const link = store.lag.find((l) => l.from === 'us-east-1')!;
    expect(link.heals).toHaveLength(1);
    return { report, store, heal: link.heals[0]! };
}

describe('a backlog drains in B ÷ (c − w) after one lag', () => {
    const cases = [
        {
            name: 'at 300/s with 100/s arriving after a 60 s partition',
            w: 100,
            c: 300,
            catchUp: '300/s',
            partitionS: 60,
        },
        {
            name: 'at 1000/s with 100/s arriving after a 2-minute partition',
            w: 100,
            c: 1_000,
            catchUp: '1000/s',
            partitionS: 120,
        },
        {
            name: 'at 150/s with 100/s arriving: slow, three times the backlog',
            w: 100,
            c: 150,
            catchUp: '150/s',
            partitionS: 60,
        },
        {
            name: 'at a throughput of 300KB/s with 1 KB items, as 300/s',
            w: 100,
            c: 300,
            catchUp: '300KB/s',
            partitionS: 60,
        },
    ];
    for (const k of cases) {
        it(k.name, async () => {
            const { store, heal } = await eastHeal(design({ w: k.w, catchUp: k.catchUp, partitionS: k.partitionS }));
            // The backlog: what was sent from T0 − d to the heal, λ(P + d).
            const held = k.w * (k.partitionS + D);
            expect(Math.abs(heal.backlogWrites - held)).toBeLessThanOrEqual(4 * Math.sqrt(held));
            const B = heal.backlogWrites;
            const drainS = D + B / (k.c - k.w);
            expect(heal.outcome).toBe('drained');
            // The writes queued behind the backlog are Poisson: 4σ of the drain time is 4·√(w·B/(c−w)) / (c − w).
            const slack = (4 * Math.sqrt((k.w * B) / (k.c - k.w))) / (k.c - k.w) + 0.01;
            expect(Math.abs(heal.drainMs! / SECOND - drainS)).toBeLessThanOrEqual(slack);
            expect(heal.drainedAtMs!).toBeCloseTo(heal.atMs + heal.drainMs!, 3);
            // Applied during the drain: at rate c for B/(c − w), i.e. B·c/(c − w).
            const drained = (B * k.c) / (k.c - k.w);
            expect(Math.abs(heal.drainedWrites - drained)).toBeLessThanOrEqual(k.c * slack + 1);
            expect(heal.egressBytes).toBe(heal.drainedWrites * ITEM_BYTES);
            expect(heal.egressUsd!).toBeCloseTo(((heal.drainedWrites * ITEM_BYTES) / 1e9) * PRICE, 6);
            expect(store.drain).toMatchObject({
                catchUpWritesPerS: k.c,
                drainTime: 'simulated',
                heals: 1,
                backlogPeakWrites: B,
                drainMs: heal.drainMs,
                outcome: 'drained',
            });
        });
    }
});

describe('a sampled run drains at the declared rate too', () => {
    it('keeps d + B/(c − w) when one write in k stands for k', async () => {
        const w = 10_000;
        const c = 30_000;
        const text = design({ w, catchUp: `${c}/s`, partitionS: 120, durationS: 600 }).replace(
            'seed 11',
            'resolution 10ms  seed 3',
        );
        const report = await run(text, undefined, { eventBudget: 2_000_000 });
        const k = report.run.resolution.sampling;
        expect(k).toBeGreaterThan(1);
        const heal = report.stores[0]!.lag.find((l) => l.from === 'us-east-1')!.heals[0]!;
        const B = heal.backlogWrites;
        // Each simulated write stands for k: the count's variance is k times a Poisson one.
        const slack = (5 * Math.sqrt((k * w * B) / (c - w))) / (c - w) + k / c;
        expect(Math.abs(heal.drainMs! / SECOND - (D + B / (c - w)))).toBeLessThanOrEqual(slack);
    });
});

describe('a catch-up rate not above the write rate never drains', () => {
    it('says so when the rate is below it, and the run still ends', async () => {
        const { report, store, heal } = await eastHeal(
            design({ w: 100, catchUp: '60/s', partitionS: 60, durationS: 300 }),
        );
        expect(report.notes).toContain(
            `db: a healed backlog never drains: its catch-up of 60 writes/s is not above the writes arriving meanwhile, so the replica falls further behind (docs/facts.md#catch-up-rate); declare the rate its replication really reaches`,
        );
        expect(heal).toMatchObject({ outcome: 'never-drains', drainedAtMs: null, drainMs: null });
        expect(store.drain).toMatchObject({ outcome: 'never-drains', drainMs: null });
        // Still waiting at the end: at least the backlog less what the rate could apply since the heal.
        const pending = store.replicas.find((r) => r.region === 'us-west-2')!.pendingWrites;
        expect(pending).toBeGreaterThan(0);
    });

    it('judges a rate equal to it by the writes that arrived during the cut, and the run still ends', async () => {
        // The fluid estimate assumes writes keep arriving as they did while the link was cut: a Poisson count
        // at or above the catch-up (100/s over the cut and the lag) never drains; one below drains long after
        // the run (unfinished). Either way nothing is drained by the end and writes are still waiting.
        const { report, store, heal } = await eastHeal(
            design({ w: 100, catchUp: '100/s', partitionS: 60, durationS: 300 }),
        );
        const observedPerS = heal.backlogWrites / ((heal.atMs - heal.cutAtMs) / SECOND + D);
        const outcome = observedPerS >= 100 ? 'never-drains' : 'unfinished';
        expect(heal).toMatchObject({ outcome, drainedAtMs: null, drainMs: null });
        expect(store.drain).toMatchObject({ outcome, drainMs: null });
        expect(report.notes.some((n) => n.startsWith('db: a healed backlog never drains'))).toBe(
            outcome === 'never-drains',
        );
        expect(store.replicas.find((r) => r.region === 'us-west-2')!.pendingWrites).toBeGreaterThan(0);
    });
});

describe('without a declared catch-up the backlog arrives at once', () => {
    it('reports the drain time as a lower bound: one lag', async () => {
        const { store, heal } = await eastHeal(design({ w: 100, partitionS: 60 }));
        expect(heal).toMatchObject({ outcome: 'drained', drainMs: D * SECOND });
        expect(store.drain).toMatchObject({ catchUpWritesPerS: null, drainTime: 'lower-bound', drainMs: D * SECOND });
    });
});

describe('reads during a finite drain', () => {
    it('are stale as the closed form of a window closing linearly from P + 2d to d says', async () => {
        const w = 20;
        const c = 60;
        const keys = 10_000;
        const P = 60;
        const R = 100;
        const { store, heal } = await eastHeal(design({ w, catchUp: `${c}/s`, partitionS: P, readsPerRegion: R }));
        // From the heal: for d the link is still stalled (window P + d + s); then the drain, L = B/(c − ŵ) long,
        // over which the newest applied write's send time gains c/ŵ s per s, so the window closes at 1 − c/ŵ and
        // reaches d as the backlog empties. ŵ = B/(P + d) is the rate the run's own backlog shows (Poisson); a
        // key is written at μ = w/K.
        const mu = w / keys;
        const B = heal.backlogWrites;
        const wHat = B / (P + D);
        const L = B / (c - wHat);
        const k = c / wHat - 1;
        const stalledStale = D - (Math.exp(-mu * (P + D)) * (1 - Math.exp(-mu * D))) / mu;
        const drainingStale = L - (Math.exp(-mu * D) - Math.exp(-mu * (P + 2 * D))) / (mu * k);
        const stale = R * (stalledStale + drainingStale);
        const served = 2 * R * (D + L);
        expect(Math.abs(store.reads.duringDrain.served - served) / served).toBeLessThan(1e-5);
        expect(Math.abs(store.reads.duringDrain.stale - stale) / stale).toBeLessThan(1e-5);
        expect(store.drain!.staleReadShare).toBe(store.reads.duringDrain.staleShare);
    });
});

describe('for generated rates, partitions and lags', () => {
    it('a drain above the write rate ends after d + B/(c − w) and one below it never does, losing nothing', async () => {
        const arbitrary = fc.record({
            w: fc.integer({ min: 20, max: 300 }),
            // c = k·w: below (never drains) or well above (drains); c = w is left to the table above.
            k: fc.constantFrom(0.5, 0.8, 1.5, 2, 3, 5),
            partitionS: fc.integer({ min: 10, max: 120 }),
            seed: fc.integer({ min: 0, max: 1_000 }),
        });
        await fc.assert(
            fc.asyncProperty(arbitrary, async ({ w, k, partitionS, seed }) => {
                const c = Math.round(w * k);
                // Long enough for the slowest drain, (P + d)/(k − 1), with a minute to spare.
                const durationS = T0 + partitionS + (k > 1 ? Math.ceil((partitionS + D) / (k - 1)) : 120) + 60;
                const text = design({ w, catchUp: `${c}/s`, partitionS, durationS }).replace('seed 11', `seed ${seed}`);
                const { store, heal } = await eastHeal(text);
                expect(store.lostWrites).toBe(0);
                for (const r of store.replicas)
                    expect(r.appliedWrites + r.pendingWrites).toBeLessThanOrEqual(store.writes.acknowledged);
                if (c <= w) {
                    expect(heal.outcome).toBe('never-drains');
                    return;
                }
                const B = heal.backlogWrites;
                const expected = D + B / (c - w);
                const slack = (5 * Math.sqrt((w * B) / (c - w))) / (c - w) + 0.05;
                expect(heal.outcome).toBe('drained');
                expect(Math.abs(heal.drainMs! / SECOND - expected)).toBeLessThanOrEqual(slack);
            }),
            { numRuns: 12, seed: 20_261_206 },
        );
    });
});
