// no-backup, whole messages: how far a corruption spreads and why no clean copy is left. The rule-cases table
// (backup-rules.test.ts) checks fragments only. As docs/rules/no-backup.md and docs/facts.md#corruption-replicates
// say, a corruption is a write: it reaches the other replicas as a synchronous write commits, within the lag of an
// asynchronous one, and a store that does not replicate has its only copy where it is written. The objective named is
// the store's own, else the tightest RPO of the services that use it; a scenario that corrupts the store also counts.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
`;

async function findings(design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    return diagnostics.filter((d) => d.code === 'no-backup').map((d) => ({ at: textAt(text, d), message: d.message }));
}

const noBackup = (store: string, spread: string, why: string) =>
    `store ${store} keeps no backup: a corruption replicates like any write — ${spread} — so no clean copy is left and ${why} (docs/facts.md#corruption-replicates). Declare 'backup every <interval>' in another region, with 'pitr' where the engine offers it`;
const ORDERS = (replication: string, regions = 'us-east-1, us-east-2, us-west-2') =>
    `store orders { engine postgres regions ${regions} holds shared rows writes primary us-east-1 ${replication} consistency session }\n`;

describe('no-backup', () => {
    it.each([
        {
            // d uses orders with no RPO; a (5 m), b (1 m), e (1 m, a tie: the first is kept) and g (10 m) use it;
            // c (30 s) does not. b's is the tightest.
            name: 'names the tightest RPO of the services that use the store, over three replicas',
            design: `${ORDERS('replication async lag 2s')}service d { regions us-east-1 uses orders }
service a { regions us-east-1 uses orders objective rpo 5m }
service b { regions us-east-1 uses orders objective rpo 1m }
service c { regions us-east-1 objective rpo 30s }
service e { regions us-east-1 uses orders objective rpo 1m }
service g { regions us-east-1 uses orders objective rpo 10m }`,
            expected: [
                {
                    at: 'replication async lag 2s',
                    message: noBackup(
                        'orders',
                        'it reaches its 2 other replicas within 2 s',
                        'the RPO objective of service b of 1 m holds for a region loss, not for a corruption',
                    ),
                },
            ],
        },
        {
            // One region: no other replica, whatever the replication says.
            name: 'says a single-region store has its only copy where the corruption is written',
            design: `${ORDERS('replication async lag 2s', 'us-east-1')}service a { regions us-east-1 uses orders objective rpo 5m }`,
            expected: [
                {
                    at: 'replication async lag 2s',
                    message: noBackup(
                        'orders',
                        'it is written where the only copy is',
                        'the RPO objective of service a of 5 m holds for a region loss, not for a corruption',
                    ),
                },
            ],
        },
        {
            name: 'says a synchronous write carries a corruption as it commits',
            design: `${ORDERS('replication sync', 'us-east-1, us-west-2')}service a { regions us-east-1 uses orders objective rpo 5m }`,
            expected: [
                {
                    at: 'replication sync',
                    message: noBackup(
                        'orders',
                        'it reaches its 1 other replica as it commits (0 s)',
                        'the RPO objective of service a of 5 m holds for a region loss, not for a corruption',
                    ),
                },
            ],
        },
        {
            // Copies per region that never replicate: the corruption stays where it is written.
            name: 'says a store that does not replicate has its only copy where the corruption is written',
            design: `store carts { engine redis regions us-east-1, us-west-2 holds per-user document writes any-region replication none consistency eventual conflicts lww objective rpo 0s }`,
            expected: [
                {
                    at: 'replication none',
                    message: noBackup(
                        'carts',
                        'it is written where the only copy is',
                        'its RPO objective of 0 ms holds for a region loss, not for a corruption',
                    ),
                },
            ],
        },
        {
            // Only scenario s2 corrupts orders: s1 fails a region, s0 corrupts another store.
            name: 'names the scenario that corrupts the store, not one that corrupts another',
            design: `${ORDERS('replication async lag 2s')}store audit { engine postgres regions us-east-1 holds shared rows backup every 1h to us-west-2 }
workload w for orders { writes 10/s }
workload v for audit { writes 10/s }
scenario s0 { workload v duration 1h at 10m corrupt audit }
scenario s1 { workload w duration 1h at 10m outage us-east-1 for 5m }
scenario s2 { workload w duration 1h at 5m outage us-west-2 for 1m at 10m corrupt orders }`,
            expected: [
                {
                    at: 'replication async lag 2s',
                    message: noBackup(
                        'orders',
                        'it reaches its 2 other replicas within 2 s',
                        'scenario s2 corrupts it and nothing older is left to restore',
                    ),
                },
            ],
        },
        {
            // s0 corrupts another store; s1 only delays orders' replication.
            name: 'says nothing of a store no scenario corrupts',
            design: `${ORDERS('replication async lag 2s')}store audit { engine postgres regions us-east-1 holds shared rows backup every 1h to us-west-2 }
workload v for audit { writes 10/s }
workload w for orders { writes 10/s }
scenario s0 { workload v duration 1h at 10m corrupt audit }
scenario s1 { workload w duration 1h at 10m lag-spike orders to 10s for 5m }`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });

    it('says "one replication lag" when asynchronous replication declares none', async () => {
        // postgres documents no lag: the builder asks for it, and the spread is said without a figure.
        const found = await findings(
            `${ORDERS('replication async', 'us-east-1, us-west-2')}service a { regions us-east-1 uses orders objective rpo 5m }`,
        );
        expect(found.map((f) => f.message)).toEqual([
            noBackup(
                'orders',
                'it reaches its 1 other replica within one replication lag',
                'the RPO objective of service a of 5 m holds for a region loss, not for a corruption',
            ),
        ]);
    });
});
