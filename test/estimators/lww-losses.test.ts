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
    // perDay counts overwritten writes. A counter also gets the increments lost, a larger number (an overwritten
    // write can carry earlier increments of its region); test/estimators/counter-increments.test.ts checks it
    // against a closed form and a Monte Carlo. Other shapes have no increments.
    it.each([
        {
            name: 'a counter gets the increments lost, more than the overwritten writes',
            shape: 'counter',
            counter: true,
        },
        { name: 'a register gets no increment count', shape: 'register', counter: false },
        { name: 'rows get no increment count', shape: 'rows', counter: false },
    ])('$name', async ({ shape, counter }) => {
        const { model } = (await modelOf(
            design({ rate: 2, keys: 1, shared: 100, lag: '1s', rtt: '100ms' }).replace(
                'holds shared counter',
                `holds shared ${shape}`,
            ),
        )) as { model: Model };
        const e = estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!);
        expect(e.counts).toBe('overwritten writes');
        if (!counter) {
            expect(e.incrementsLostPerDay).toBeUndefined();
            return;
        }
        // Two regions at 1 write/s each on one key, window max(1 s lag, 50 ms) = 1 s: 2 − 1 ÷ (1 − e⁻¹/2) a second.
        expect(e.incrementsLostPerDay).toBeCloseTo((2 - 1 / (1 - Math.exp(-1) / 2)) * 86_400, 0);
        expect(e.incrementsModel).toBe('exact');
        expect(e.incrementsLostPerDay!).toBeGreaterThan(e.perDay!);
    });
});

describe('how the increments a counter loses are obtained, by the number of writing regions', () => {
    // Regions on a line of longitudes with locations, so every pair has a great-circle RTT estimate.
    const counterIn = (n: number) => {
        const names = Array.from({ length: n }, (_, i) => `r${i}`);
        return `topology T
${names.map((r, i) => `region ${r} { provider on-prem  jurisdiction US  location 40, ${-120 + i * 0.5} }`).join('\n')}
store s { engine dynamodb regions ${names.join(', ')} holds shared counter writes any-region replication async lag 1s }
workload w for s { writes ${n}/s from ${names.map((r) => `${r} ${100 / n}%`).join(', ')}  keys 1 shared 100% }`;
    };
    it.each([
        { name: 'two regions: exact', n: 2, model: 'exact', missing: undefined },
        { name: 'three regions: an approximation', n: 3, model: 'approximation', missing: undefined },
        { name: '64 regions: still an approximation', n: 64, model: 'approximation', missing: undefined },
        {
            name: '65 regions: not computed, and says why',
            n: 65,
            model: undefined,
            missing: 'more than 64 regions write the counter',
        },
    ])('$name', async ({ n, model: expectedModel, missing }) => {
        const { model } = (await modelOf(counterIn(n))) as { model: Model };
        const e = estimateLwwLosses(model, model.stores.get('s')!, model.workloads.get('w')!);
        expect(e.missing).toBeUndefined();
        expect(e.incrementsModel).toBe(expectedModel);
        expect(e.incrementsMissing).toBe(missing);
        if (missing === undefined) expect(e.incrementsLostPerDay!).toBeGreaterThan(e.perDay!);
    });
});
