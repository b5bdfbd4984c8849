import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
`;
/** A two-region Aurora store with `extra` clauses (a backup, a size, an objective). */
const GLOBAL = (extra: string) =>
    `${REGIONS}store orders { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency session  ${extra} }\n`;
/** A single-region Postgres store. */
const LOCAL = (extra: string) =>
    `${REGIONS}store ledger { engine postgres  regions us-east-1  holds shared rows  ${extra} }\n`;
const SERVICE = `service api { regions us-east-1  uses orders  objective rpo 1m }\n`;
const CORRUPTING = `workload w for orders { writes 10/s  keys 100  item-size 1KB }
scenario bad { workload w  duration 1h  at 10m corrupt orders }\n`;

ruleCases('no-backup', {
    valid: [
        {
            name: 'a store with a backup in another region',
            text: GLOBAL('backup every 1h to eu-west-1  objective rpo 1s'),
        },
        { name: 'a store with no RPO objective that no scenario corrupts', text: GLOBAL('') },
        {
            name: 'a memcached cache, which holds no data of record',
            text: `${REGIONS}store c { engine memcached  regions us-east-1  holds shared rows  objective rpo 0s }\n`,
        },
    ],
    invalid: [
        {
            name: 'a replicated store held to an RPO objective without a backup',
            text: GLOBAL('objective rpo 1s'),
            at: 'replication async lag 1s',
            severity: 'info',
            says: [
                'store orders keeps no backup',
                'it reaches its 1 other replica within 1 s',
                'its RPO objective of 1 s holds for a region loss, not for a corruption',
                'docs/facts.md#corruption-replicates',
            ],
        },
        {
            name: 'a store a service holds to an RPO objective',
            text: GLOBAL('') + SERVICE,
            at: 'replication async lag 1s',
            says: ['the RPO objective of service api of 1 m'],
        },
        {
            name: 'a store a scenario corrupts',
            text: GLOBAL('') + CORRUPTING,
            at: 'replication async lag 1s',
            says: ['scenario bad corrupts it and nothing older is left to restore'],
        },
        {
            name: 'a single-region store, whose only copy takes the damage',
            text: LOCAL('objective rpo 1h'),
            at: 'engine postgres',
            says: ['it is written where the only copy is'],
        },
    ],
});

ruleCases('backup-same-region', {
    valid: [
        { name: 'backups in another region', text: LOCAL('backup every 1h to us-west-2') },
        { name: 'backups whose region is not stated', text: LOCAL('backup every 1h') },
        { name: 'backups in one of two replica regions', text: GLOBAL('backup every 1h to us-east-1') },
    ],
    invalid: [
        {
            name: 'backups in the only region of the data',
            text: LOCAL('backup every 1h to us-east-1'),
            at: 'us-east-1',
            severity: 'warning',
            says: ['keeps its only replica and its backups (every 1 h) in us-east-1', 'losing the region loses both'],
        },
    ],
});

ruleCases('restore-exceeds-rto', {
    valid: [
        {
            name: 'a restore that fits the RTO (1 TB ÷ 1 GB/s = 16 m 40 s < 30 m)',
            text: GLOBAL('backup every 1h to eu-west-1 restore 1GB/s  size 1TB  objective rto 30m'),
        },
        {
            name: 'a restore exactly as long as the RTO (600 GB ÷ 1 GB/s = 10 m)',
            text: GLOBAL('backup every 1h restore 1GB/s  size 600GB  objective rto 10m'),
        },
        { name: 'a store without a backup (no-backup covers it)', text: GLOBAL('size 2TB  objective rto 5m') },
        { name: 'a backed-up store with no RTO anywhere', text: GLOBAL('backup every 1h restore 1GB/s  size 2TB') },
    ],
    invalid: [
        {
            name: 'a restore longer than the store RTO (2 TB ÷ 500 MB/s = 1 h 6 m > 30 m)',
            text: GLOBAL('backup every 1h to eu-west-1 restore 500MB/s  size 2TB  objective rto 30m'),
            at: '500MB/s',
            severity: 'warning',
            says: [
                'takes about 1 h 6 m',
                '2 TB ÷ 500 MB/s',
                'docs/facts.md#restore-throughput',
                'longer than the 30 m RTO of store orders',
            ],
        },
        {
            name: 'a restore longer than the RTO of a service using the store',
            text:
                GLOBAL('backup every 1h restore 100MB/s  size 100GB') +
                `service api { regions us-east-1  uses orders  objective rto 5m }\n`,
            at: '100MB/s',
            says: ['takes about 16 m 40 s', '5 m RTO of service api'],
        },
        {
            name: 'an RTO with a backup but no restore throughput',
            text: GLOBAL('backup every 1h  size 2TB  objective rto 30m'),
            at: 'backup every 1h',
            severity: 'info',
            says: [
                "declare 'restore <throughput>' on its backup",
                'no vendor documents a restore throughput',
                'docs/facts.md#restore-throughput',
            ],
        },
        {
            name: 'an RTO with a backup but neither size nor restore throughput',
            text: GLOBAL('backup every 1h  objective rto 30m'),
            at: 'backup every 1h',
            severity: 'info',
            says: ["declare 'size' and 'restore <throughput>' on its backup"],
        },
    ],
});
