import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateLwwLosses } from '../../language/semantics/estimators/index.js';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

function design(opts: {
    rate: number;
    keys: number;
    shared: number;
    lag: string;
    rtt: string;
    split?: [number, number];
}): string {
    const [a, b] = opts.split ?? [50, 50];
    return `topology T
region r1 { provider on-prem jurisdiction US }
region r2 { provider on-prem jurisdiction US }
link r1 <-> r2 { rtt ${opts.rtt} }
store s { engine custom regions r1, r2 holds shared counter writes any-region replication async lag ${opts.lag} consistency eventual conflicts lww }
workload w for s { writes ${opts.rate}/s from r1 ${a}%, r2 ${b}%  keys ${opts.keys} shared ${opts.shared}% }`;
}

async function lossesPerDay(text: string): Promise<number | undefined> {
    const { model } = (await modelOf(text)) as { model: Model };
    return estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!).perDay;
}

describe('LWW loss estimator', () => {
    it('matches the closed form for one hot key written from two regions', async () => {
        // μ = 1 write/s per region on one key, window d = max(1 s lag, 100 ms / 2) = 1 s:
        // both regions together lose μ·e^{−μd}·(1 − e^{−2μd}) writes/s (the simulation's oracle).
        const perDay = await lossesPerDay(design({ rate: 2, keys: 1, shared: 100, lag: '1s', rtt: '100ms' }));
        expect(perDay).toBeCloseTo(Math.exp(-1) * (1 - Math.exp(-2)) * 86_400, 6);
    });

    it('estimates ≈ 205,000 lost writes a day for the DynamoDB MREC cart example', async () => {
        const { model } = await modelOf(`topology T
region us-east-1 {}
region eu-west-1 {}
store c { engine dynamodb regions us-east-1, eu-west-1 holds shared counter writes any-region }
workload w for c { writes 500/s from us-east-1 50%, eu-west-1 50%  keys 10000 shared 20% }`);
        const e = estimateLwwLosses(model, model.stores.get('c')!, model.workloads.get('w')!);
        // μ = 250 / 10,000 per key per region; w = max(1 s, 76 ms / 2) = 1 s; 2,000 shared keys.
        const mu = 0.025;
        expect(e.perDay).toBeCloseTo(mu * Math.exp(-mu) * (1 - Math.exp(-2 * mu)) * 2_000 * 86_400, 3);
        expect(e.formula).toBe('500 writes/s from 2 regions, 20% of 10,000 keys shared, replication window ≈ 1 s');
    });

    const zero: { name: string; text: string }[] = [
        {
            name: 'loses nothing when no key is shared between regions',
            text: design({ rate: 500, keys: 1000, shared: 0, lag: '1s', rtt: '80ms' }),
        },
        {
            name: 'loses nothing when all writes come from one region',
            text: design({ rate: 500, keys: 1000, shared: 50, lag: '1s', rtt: '80ms', split: [100, 0] }),
        },
    ];
    for (const c of zero) it(c.name, async () => expect(await lossesPerDay(c.text)).toBe(0));

    it('needs a key count', async () => {
        const { model } = await modelOf(
            design({ rate: 10, keys: 1, shared: 1, lag: '1s', rtt: '80ms' }).replace(/keys 1 shared 1%/, ''),
        );
        const e = estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!);
        expect(e.perDay).toBeUndefined();
        expect(e.missing).toContain('key count');
    });

    it('approaches the Poisson pair count 2·μ²·w per shared key when writes are rare', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 20 }),
                fc.integer({ min: 100_000, max: 1_000_000 }),
                fc.integer({ min: 1, max: 100 }),
                fc.integer({ min: 10, max: 2_000 }),
                async (rate, keys, shared, lagMs) => {
                    const perDay = await lossesPerDay(design({ rate, keys, shared, lag: `${lagMs}ms`, rtt: '100ms' }));
                    const mu = rate / 2 / keys;
                    const w = Math.max(lagMs, 50) / 1_000;
                    const pairs = 2 * mu * mu * w * keys * (shared / 100) * 86_400;
                    expect(perDay!).toBeLessThanOrEqual(pairs * (1 + 1e-9));
                    expect(perDay!).toBeGreaterThan(pairs * 0.99);
                },
            ),
            { numRuns: 25 },
        );
    });

    it('grows with the replication lag while a key sees less than one write per window', async () => {
        // μ = 0.02/s per key and region; μ·lag ≤ 0.2, below ln 3 / 2 where the loss rate peaks.
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 40, max: 5_000 }),
                fc.integer({ min: 1, max: 5_000 }),
                async (lag, extra) => {
                    const a = await lossesPerDay(
                        design({ rate: 200, keys: 5_000, shared: 30, lag: `${lag}ms`, rtt: '80ms' }),
                    );
                    const b = await lossesPerDay(
                        design({ rate: 200, keys: 5_000, shared: 30, lag: `${lag + extra}ms`, rtt: '80ms' }),
                    );
                    expect(b!).toBeGreaterThan(a!);
                },
            ),
            { numRuns: 20 },
        );
    });
});

describe('what the LWW loss estimate counts', () => {
    // It counts overwritten writes; a counter loses at least that many increments (each overwritten write takes
    // its own), so for a counter the same figure is offered as a lower bound on lost increments — the bound the
    // Monte Carlo in test/simulation/counter-increments.test.ts checks. Other shapes have no increments.
    it.each([
        {
            name: 'a counter gets the figure again as the lower bound on increments lost',
            shape: 'counter',
            bound: true,
        },
        { name: 'a register gets no increment bound', shape: 'register', bound: false },
        { name: 'rows get no increment bound', shape: 'rows', bound: false },
    ])('$name', async ({ shape, bound }) => {
        const { model } = (await modelOf(
            design({ rate: 2, keys: 1, shared: 100, lag: '1s', rtt: '100ms' }).replace(
                'holds shared counter',
                `holds shared ${shape}`,
            ),
        )) as { model: Model };
        const e = estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!);
        expect(e.counts).toBe('overwritten writes');
        expect(e.incrementsLostAtLeastPerDay).toBe(bound ? e.perDay : undefined);
    });
});
