// A store's bounded staleness on hand-built plans: which bounds are simulated, why the others are not, and the
// text that names the declared bounds.
import { describe, expect, it } from 'vitest';
import { boundText, stalenessBound } from '../../simulation/staleness-bound.js';
import type { StorePlan } from '../../simulation/plan.js';

const planOf = (p: {
    engine?: string;
    regions: number;
    mode?: string;
    policy?: string;
    maxVersions?: number;
    maxLagMs?: number;
}): StorePlan =>
    ({
        model: {
            engine: p.engine,
            consistency: { level: 'bounded-staleness', maxVersions: p.maxVersions, maxLagMs: p.maxLagMs },
        },
        replicas: Array.from({ length: p.regions }, (_, i) => i),
        mode: p.mode ?? 'async',
        policy: p.policy ?? 'primary',
    }) as unknown as StorePlan;

describe('which declared bounds throttle writes in the simulation', () => {
    it.each([
        {
            name: 'Cosmos DB, two regions, async, one write region: simulated',
            plan: { engine: 'cosmosdb', regions: 2 },
            reason: null,
        },
        {
            name: 'another engine: not simulated, and the engine is named',
            plan: { engine: 'dynamodb', regions: 2 },
            reason: /documented for Cosmos DB only \(docs\/facts\.md#cosmos-bounded-staleness-throttling\); dynamodb is not simulated/,
        },
        {
            name: 'no engine: not simulated, said of "this engine"',
            plan: { regions: 2 },
            reason: /; this engine is not simulated/,
        },
        {
            name: 'one region: not simulated, staleness is checked across regions',
            plan: { engine: 'cosmosdb', regions: 1 },
            reason: /^one region: Cosmos DB checks staleness only across regions \(docs\/facts\.md#cosmos-bounded-staleness-throttling\)$/,
        },
        {
            name: 'synchronous replication: no replica lags',
            plan: { engine: 'cosmosdb', regions: 2, mode: 'sync' },
            reason: /^replication is sync: no replica lags behind the write region$/,
        },
        {
            name: 'several write regions: not simulated, Microsoft does not say which writes are throttled',
            plan: { engine: 'cosmosdb', regions: 2, policy: 'multi' },
            reason: /^several write regions: .*\(docs\/facts\.md#cosmos-bounded-staleness-throttling\), so none are$/,
        },
    ])('$name', ({ plan, reason }) => {
        const bound = stalenessBound(planOf(plan));
        expect(bound?.active).toBe(reason === null);
        if (reason === null) expect(bound?.reason).toBeNull();
        else expect(bound?.reason).toMatch(reason);
        // Nothing throttled yet: the first and last throttles are unset (−1), as is the cause.
        expect([bound?.firstAtMs, bound?.lastAtMs, bound?.cause, bound?.throttled]).toEqual([-1, -1, -1, 0]);
    });

    it('a store of another consistency has no bound', () => {
        const plan = { model: { consistency: { level: 'eventual' } } } as unknown as StorePlan;
        expect(stalenessBound(plan)).toBeUndefined();
    });
});

describe('the declared bounds, named', () => {
    it.each([
        { name: 'both bounds', maxVersions: 100_000, maxLagMs: 300_000, expected: 'K = 100,000 writes, T = 5 m' },
        { name: 'K only (T unbounded)', maxVersions: 100_000, maxLagMs: Infinity, expected: 'K = 100,000 writes' },
        { name: 'T only (K unbounded)', maxVersions: Infinity, maxLagMs: 300_000, expected: 'T = 5 m' },
        { name: 'neither', maxVersions: Infinity, maxLagMs: Infinity, expected: '' },
    ])('$name: "$expected"', ({ maxVersions, maxLagMs, expected }) => {
        expect(boundText({ maxVersions, maxLagMs })).toBe(expected);
    });
});
