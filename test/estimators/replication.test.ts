import { describe, expect, it } from 'vitest';
import { estimateRpo, replicationLag } from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `region us-east-1 {}\nregion us-west-2 {}\nregion us-east-2 {}\n`;

describe('replication lag and RPO estimators', () => {
    const cases: {
        name: string;
        store: string;
        lagMs: number | undefined;
        rpoMs: number | undefined;
        basis: string;
    }[] = [
        {
            name: 'takes the declared async lag as the RPO',
            store: `engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 5s`,
            lagMs: 5_000,
            rpoMs: 5_000,
            basis: 'async-lag',
        },
        {
            name: 'uses the DynamoDB MREC default lag of 1 s (docs/facts.md#dynamodb-mrec-lag)',
            store: `engine dynamodb regions us-east-1, us-west-2 holds per-user rows`,
            lagMs: 1_000,
            rpoMs: 1_000,
            basis: 'async-lag',
        },
        {
            name: 'gives RPO 0 for consensus across regions',
            store: `engine cockroachdb regions us-east-1, us-west-2, us-east-2 holds shared rows`,
            lagMs: 0,
            rpoMs: 0,
            basis: 'consensus',
        },
        {
            name: 'gives RPO 0 for synchronous replication across regions',
            store: `engine dynamodb regions us-east-1, us-west-2, us-east-2 holds shared rows replication sync consistency strong conflicts reject`,
            lagMs: 0,
            rpoMs: 0,
            basis: 'sync',
        },
        {
            name: 'has no bound for a single-region store without backups',
            store: `engine postgres regions us-east-1 holds shared rows`,
            lagMs: undefined,
            rpoMs: undefined,
            basis: 'no-copy',
        },
        {
            name: 'falls back to the backup interval for a single-region store',
            store: `engine postgres regions us-east-1 holds shared rows backup every 1h`,
            lagMs: undefined,
            rpoMs: 3_600_000,
            basis: 'backup',
        },
        {
            name: 'prefers a backup interval shorter than the lag',
            store: `engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 2h backup every 1h`,
            lagMs: 7_200_000,
            rpoMs: 3_600_000,
            basis: 'backup',
        },
        {
            name: 'does not count a memcached cache as data of record',
            store: `engine memcached regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww`,
            lagMs: undefined,
            rpoMs: 0,
            basis: 'cache',
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const { model } = await modelOf(`${REGIONS}store s { ${c.store} }`);
            const store = model.stores.get('s')!;
            expect(replicationLag(store).ms).toBe(c.lagMs);
            const rpo = estimateRpo(store);
            expect(rpo.ms).toBe(c.rpoMs);
            expect(rpo.basis).toBe(c.basis);
            expect(rpo.reason.length).toBeGreaterThan(10);
        });
    }
});

describe('replication lag and RPO in the words hover and the rules show', () => {
    it.each([
        {
            name: 'a declared async lag',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 5s',
            lag: { ms: 5_000, text: '≈ 5 s (async)' },
            rpo: {
                ms: 5_000,
                basis: 'async-lag',
                reason: 'asynchronous replication lags ≈ 5 s behind: an unplanned failover loses the writes not yet replicated',
            },
        },
        {
            name: 'consensus across regions',
            store: 'engine cockroachdb regions us-east-1, us-west-2, us-east-2 holds shared rows',
            lag: { ms: 0, text: '0 (consensus replication)' },
            rpo: {
                ms: 0,
                basis: 'consensus',
                reason: 'consensus replication: a write is in another region before it is acknowledged',
            },
        },
        {
            name: 'async without a lag',
            store: 'engine custom regions us-east-1, us-west-2 holds shared rows writes primary replication async consistency eventual conflicts lww',
            lag: { ms: undefined, text: 'unknown (async replication without a declared lag)' },
            rpo: { ms: undefined, basis: 'unknown', reason: 'async replication without a declared lag' },
        },
        {
            name: 'async without a lag but with a backup',
            store: 'engine custom regions us-east-1, us-west-2 holds shared rows writes primary replication async consistency eventual conflicts lww backup every 1h',
            lag: { ms: undefined, text: 'unknown (async replication without a declared lag)' },
            rpo: {
                ms: 3_600_000,
                basis: 'backup',
                reason: 'async replication without a declared lag; a backup every 1 h',
            },
        },
        {
            name: 'a backup exactly as old as the lag (the lag is the RPO)',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 1h backup every 1h',
            lag: { ms: 3_600_000, text: '≈ 1 h (async)' },
            rpo: {
                ms: 3_600_000,
                basis: 'async-lag',
                reason: 'asynchronous replication lags ≈ 1 h behind: an unplanned failover loses the writes not yet replicated',
            },
        },
        {
            name: 'a backup shorter than the lag',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 2h backup every 1h',
            lag: { ms: 7_200_000, text: '≈ 2 h (async)' },
            rpo: {
                ms: 3_600_000,
                basis: 'backup',
                reason: 'a backup every 1 h (shorter than the 2 h replication lag)',
            },
        },
        {
            name: 'two regions without replication',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication none',
            lag: { ms: undefined, text: 'not replicated' },
            rpo: {
                ms: undefined,
                basis: 'no-copy',
                reason: 'the data is not replicated between its regions and no backup is declared: a region loss loses it all',
            },
        },
        {
            name: 'two regions without replication but with a backup',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication none backup every 1d',
            lag: { ms: undefined, text: 'not replicated' },
            rpo: {
                ms: 86_400_000,
                basis: 'backup',
                reason: 'the data is not replicated between its regions; the last copy elsewhere is a backup every 1 d',
            },
        },
        {
            name: 'a cache per region (every region writes its own copy)',
            store: 'engine redis regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww',
            lag: { ms: undefined, text: 'not replicated' },
            rpo: {
                ms: 0,
                basis: 'independent',
                reason: 'replication none: each region keeps its own independent copy, so a failover loses no replicated write — users moved to another region find its copy cold for their keys',
            },
        },
        {
            name: 'independent copies per home region',
            store: 'engine postgres regions us-east-1, us-west-2 holds per-user rows writes home-region replication none consistency session',
            lag: { ms: undefined, text: 'not replicated' },
            rpo: { ms: 0, basis: 'independent', reason: expect.stringContaining('independent copy') },
        },
        {
            name: 'one region with a witness in another',
            store: 'engine cockroachdb regions us-east-1 witness us-west-2 holds shared rows',
            lag: { ms: 0, text: '0 (consensus replication)' },
            rpo: {
                ms: 0,
                basis: 'consensus',
                reason: 'consensus replication: a write is in another region before it is acknowledged',
            },
        },
        {
            name: 'one region with its witness in the same region',
            store: 'engine cockroachdb regions us-east-1 witness us-east-1 holds shared rows',
            lag: { ms: 0, text: '0 (consensus replication)' },
            rpo: {
                ms: undefined,
                basis: 'no-copy',
                reason: 'the data is only in us-east-1 and no backup is declared: a region loss loses it all',
            },
        },
        {
            name: 'one region',
            store: 'engine postgres regions us-east-1 holds shared rows',
            lag: { ms: undefined, text: 'not replicated' },
            rpo: {
                ms: undefined,
                basis: 'no-copy',
                reason: 'the data is only in us-east-1 and no backup is declared: a region loss loses it all',
            },
        },
    ])('says exactly what $name means', async ({ store, lag, rpo }) => {
        const { model } = await modelOf(`${REGIONS}store s { ${store} }`);
        const s = model.stores.get('s')!;
        const { ms, text } = replicationLag(s);
        expect({ ms, text }).toEqual(lag);
        const { range: _range, ...rest } = estimateRpo(s);
        expect(rest).toEqual(rpo);
    });
});

describe('the RPO range', () => {
    // A backup every B loses the writes since the last one: the failure lands anywhere in [0, B). An engine's default
    // lag is typical, not a bound (docs/facts.md#aurora-global-lag, docs/facts.md#dynamodb-mrec-lag): no worst end
    // unless a backup bounds it. A declared lag is the design's own figure.
    const cases: { name: string; store: string; best: number; typical: number; worst: number | undefined }[] = [
        {
            name: 'spans the backup cycle of a single-region store',
            store: 'engine postgres regions us-east-1 holds shared rows backup every 1h',
            best: 0,
            typical: 1_800_000,
            worst: 3_600_000,
        },
        {
            name: 'has no worst end for Aurora Global’s typical 1 s lag',
            store: 'engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session',
            best: 0,
            typical: 1_000,
            worst: undefined,
        },
        {
            name: 'has no worst end for DynamoDB MREC’s typical 1 s lag',
            store: 'engine dynamodb regions us-east-1, us-west-2 holds per-user rows',
            best: 0,
            typical: 1_000,
            worst: undefined,
        },
        {
            name: 'bounds a typical lag by a daily backup',
            store: 'engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session backup every 1d',
            best: 0,
            typical: 1_000,
            worst: 86_400_000,
        },
        {
            name: 'takes a declared lag as one figure',
            store: 'engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 5s',
            best: 5_000,
            typical: 5_000,
            worst: 5_000,
        },
        {
            name: 'is 0 at every end for consensus',
            store: 'engine cockroachdb regions us-east-1, us-west-2, us-east-2 holds shared rows',
            best: 0,
            typical: 0,
            worst: 0,
        },
    ];
    it.each(cases)('$name', async (c) => {
        const { model } = await modelOf(`${REGIONS}store s { ${c.store} }`);
        const range = estimateRpo(model.stores.get('s')!).range!;
        expect([range.bestMs, range.typicalMs, range.worstMs]).toEqual([c.best, c.typical, c.worst]);
    });
});
