import { describe, expect, it } from 'vitest';
import { estimateRpo, replicationLag } from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `region us-east-1 {}\nregion us-west-2 {}\nregion us-east-2 {}\n`;

describe('replication lag and RPO estimators', () => {
    const cases: { name: string; store: string; lagMs: number | undefined; rpoMs: number | undefined; basis: string }[] = [
        { name: 'takes the declared async lag as the RPO', store: `engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 5s`, lagMs: 5_000, rpoMs: 5_000, basis: 'async-lag' },
        { name: 'uses the DynamoDB MREC default lag of 1 s (facts §4)', store: `engine dynamodb regions us-east-1, us-west-2 holds per-user rows`, lagMs: 1_000, rpoMs: 1_000, basis: 'async-lag' },
        { name: 'gives RPO 0 for consensus across regions', store: `engine cockroachdb regions us-east-1, us-west-2, us-east-2 holds shared rows`, lagMs: 0, rpoMs: 0, basis: 'consensus' },
        { name: 'gives RPO 0 for synchronous replication across regions', store: `engine dynamodb regions us-east-1, us-west-2, us-east-2 holds shared rows replication sync consistency strong conflicts reject`, lagMs: 0, rpoMs: 0, basis: 'sync' },
        { name: 'has no bound for a single-region store without backups', store: `engine postgres regions us-east-1 holds shared rows`, lagMs: undefined, rpoMs: undefined, basis: 'no-copy' },
        { name: 'falls back to the backup interval for a single-region store', store: `engine postgres regions us-east-1 holds shared rows backup every 1h`, lagMs: undefined, rpoMs: 3_600_000, basis: 'backup' },
        { name: 'prefers a backup interval shorter than the lag', store: `engine postgres regions us-east-1, us-west-2 holds shared rows writes primary consistency session replication async lag 2h backup every 1h`, lagMs: 7_200_000, rpoMs: 3_600_000, basis: 'backup' },
        { name: 'does not count a memcached cache as data of record', store: `engine memcached regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww`, lagMs: undefined, rpoMs: 0, basis: 'cache' },
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
