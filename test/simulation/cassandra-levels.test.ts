// Cassandra's consistency level in the simulation (docs/facts.md#cassandra-multi-datacenter): EACH_QUORUM needs a
// quorum in every datacenter, so a partition from one datacenter refuses the writes; LOCAL_QUORUM acknowledges in
// the local datacenter and keeps accepting them.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const design = (level: string) => `topology Cass
region us-east-1 { provider aws jurisdiction US }
region eu-west-1 { provider aws jurisdiction EU }
store c {
    engine            cassandra
    regions           us-east-1, eu-west-1
    holds             per-user rows
    consistency-level ${level}
    ${level === 'local-quorum' ? 'replication async lag 500ms' : ''}
    consistency       eventual
}
service api { regions us-east-1, eu-west-1 posture active-active capacity 100% per region uses c }
workload w for api { writes 100/s from us-east-1 100%  keys 1000  item-size 1KB }
scenario cut {
    workload w
    duration 10m
    at 2m partition us-east-1 <-> eu-west-1 for 5m
    seed 2
}
`;

describe('Cassandra consistency levels in the simulation', () => {
    it('refuses writes at EACH_QUORUM while a datacenter is out of reach, and only then', async () => {
        const store = (await run(design('each-quorum'))).stores.find((s) => s.id === 'c')!;
        expect(store.replication.mode).toBe('sync');
        // 100 writes/s for the 5 minutes of the partition, all refused (Poisson arrivals: within 10 %).
        expect(store.writes.rejected).toBeGreaterThan(0.9 * 100 * 300);
        expect(store.writes.rejected).toBeLessThan(1.1 * 100 * 300);
    });

    it('keeps accepting writes at LOCAL_QUORUM through the same partition', async () => {
        const store = (await run(design('local-quorum'))).stores.find((s) => s.id === 'c')!;
        expect(store.replication.mode).toBe('async');
        expect(store.writes.rejected).toBe(0);
    });
});
