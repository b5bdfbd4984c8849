import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 {}
region us-west-2 {}
`;

const withStore = (storeBody: string, objective: string) =>
    `${REGIONS}store db {\n${storeBody}\n}\nservice orders {\nregions us-east-1, us-west-2\nposture active-active\nuses db\nobjective ${objective}\n}\nfailover orders { detect health-check every 10s threshold 3 route anycast drill every 30d }\n`;
const AURORA =
    'engine aurora\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nconsistency session';

ruleCases('rpo-unachievable', {
    valid: [
        { name: 'Aurora Global’s 1 s lag against an RPO of 1 s', text: withStore(AURORA, 'rpo 1s') },
        {
            name: 'consensus against an RPO of 0',
            text: `${REGIONS}region us-east-2 {}\nstore db { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds shared rows }\nservice orders { regions us-east-1, us-west-2 posture active-active uses db objective rpo 0s }\nfailover orders { route anycast drill every 30d }`,
        },
        {
            name: 'a 500 ms lag against an RPO of 1 s',
            text: withStore(
                'engine postgres\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nreplication async lag 500ms\nconsistency session',
                'rpo 1s',
            ),
        },
        {
            name: 'a memcached cache (no data of record) against an RPO of 0',
            text: withStore('engine memcached\nregions us-east-1\nholds per-user document', 'rpo 0s'),
        },
        {
            name: 'independent copies per region (replication none, every region writes) against an RPO of 0',
            text: withStore(
                'engine redis\nregions us-east-1, us-west-2\nholds per-user document\nwrites any-region\nreplication none\nconsistency eventual\nconflicts lww',
                'rpo 0s',
            ),
        },
    ],
    invalid: [
        {
            name: 'a 5 s asynchronous lag against an RPO of 1 s',
            text: withStore(
                'engine postgres\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nreplication async lag 5s\nconsistency session',
                'rpo 1s',
            ),
            at: 'rpo 1s',
            says: [
                'RPO objective 1 s, but a region loss can cost db up to 5 s of acknowledged writes',
                'lags ≈ 5 s behind',
            ],
        },
        {
            name: 'RPO 0 over asynchronous replication',
            text: withStore(AURORA, 'rpo 0s'),
            // Aurora's 1 s lag is typical, not a bound: with nothing bounding the worst, the typical lag is judged, and the message says so.
            at: 'rpo 0s',
            says: [
                'typically 1 s',
                '(judged: the typical case — no source bounds the worst)',
                'RPO 0 needs synchronous replication or consensus',
            ],
        },
        {
            name: 'a single-region store without backups',
            text: withStore('engine postgres\nregions us-east-1\nholds shared rows', 'rpo 1m'),
            at: 'rpo 1m',
            says: ['everything written since its last copy', 'only in us-east-1 and no backup is declared'],
        },
        {
            name: 'hourly backups of a single-region store against an RPO of 15 minutes',
            text: withStore('engine postgres\nregions us-east-1\nholds shared rows\nbackup every 1h', 'rpo 15m'),
            at: 'rpo 15m',
            says: ['up to 1 h of acknowledged writes (judged: the worst case of 0–1 h)', 'a backup every 1 h'],
        },
        {
            name: 'a store’s own RPO objective',
            text: `${REGIONS}store db {\n${AURORA}\nobjective rpo 100ms\n}`,
            at: 'rpo 100ms',
            says: ['a region loss can cost it typically 1 s'],
        },
    ],
});

const failoverOf = (body: string, posture = 'warm-standby', objective = 'rto 5m') => `${REGIONS}store db {\n${AURORA}\n}
service orders {
regions us-east-1, us-west-2
primary us-east-1
posture ${posture}
capacity 100% per region
uses db
objective ${objective}
}
failover orders {
${body}
drill every 30d
}
`;
const DNS_PROMOTE = 'detect health-check every 10s threshold 3\nroute dns ttl 60s\naction promote db';

/** A backup-and-restore store of `size` restored at `throughput`, with a store RTO objective. */
const restored = (size: string, throughput: string, rto: string) => `${REGIONS}store archive {
engine postgres
regions us-east-1, us-west-2
holds shared rows
writes primary us-east-1
replication async lag 1s
consistency session
size ${size}
objective ${rto}
}
failover archive {
detect health-check every 10s threshold 3
action restore-backup archive throughput ${throughput}
drill every 30d
}
`;

// Three active-active regions at 50 % capacity each; half the users in us-east-1, a quarter in each other region.
// Losing us-east-1 sends its half to us-east-2 (its nearest): 75 % against 50 %, so 25 % of requests fail until
// it returns; losing us-east-2 sends its quarter to us-east-1: 75 % again; losing us-west-2 leaves us-east-2 at 50 %.
const shortAfterLoss = (capacity: string, actions = '') =>
    `${REGIONS}region us-east-2 {}\nservice orders { regions us-east-1, us-east-2, us-west-2 posture active-active capacity ${capacity} per region objective rto 5m }\n` +
    `failover orders { detect health-check every 10s threshold 3 route anycast ${actions} drill every 30d }\n` +
    `workload w for orders { writes 1000/s from us-east-1 50%, us-east-2 25%, us-west-2 25% }\n`;

ruleCases('rto-unachievable', {
    valid: [
        { name: 'a DNS failover of ≈ 2 m 36 s against an RTO of 5 minutes', text: failoverOf(DNS_PROMOTE) },
        {
            name: 'an estimate exactly equal to the RTO (156 s)',
            text: failoverOf(DNS_PROMOTE, 'warm-standby', 'rto 156s'),
        },
        {
            name: 'an anycast failover against an RTO of 1 minute',
            text: failoverOf(
                'detect health-check every 10s threshold 3\nroute anycast\naction shift-traffic',
                'active-active',
                'rto 1m',
            ),
        },
        {
            name: 'a single-region service (the SPOF rule speaks for it)',
            text: `${REGIONS}service solo { regions us-east-1 objective rto 1m }`,
        },
        // 1 TB ÷ 1 GB/s = 1,000 s, + 36 s detection = 17 m 16 s: under 2 h.
        { name: 'a 1 TB restore at 1 GB/s against an RTO of 2 hours', text: restored('1TB', '1GB/s', 'rto 2h') },
        { name: 'active-active regions with the capacity to absorb any one loss', text: shortAfterLoss('100%') },
        {
            name: 'regions short after a loss, but the failover scales out (its time is the RTO)',
            text: shortAfterLoss('50%', 'action scale-out orders takes 2m'),
        },
    ],
    invalid: [
        {
            name: 'active-active regions left short of capacity by a loss: some users fail until the region returns',
            text: shortAfterLoss('50%'),
            at: 'rto 5m',
            says: [
                'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-east-2 leaves the other regions short of capacity, and about 25% of requests fail until us-east-1 returns',
            ],
        },
        {
            name: 'a DNS failover of ≈ 2 m 36 s against an RTO of 1 minute, with the breakdown',
            text: failoverOf(DNS_PROMOTE, 'warm-standby', 'rto 1m'),
            at: 'orders',
            says: [
                'failover takes 1 m 26 s–2 m 36 s, typical 2 m 1 s (worst when the failure lands just after a check and a client fetched its answer just before the change: 10 s × 3 + 6 s timeout detection + 1 m TTL + 1 m promotion) but the RTO objective of orders is 1 m (judged: the worst case, 2 m 36 s)',
            ],
        },
        {
            name: 'an estimate 1 s over the RTO (155 s)',
            text: failoverOf(DNS_PROMOTE, 'warm-standby', 'rto 155s'),
            at: 'orders',
            says: ['RTO objective of orders is 2 m 35 s (judged: the worst case, 2 m 36 s)'],
        },
        {
            name: 'a pilot light whose tier alone takes 10 minutes',
            text: failoverOf(
                'detect health-check every 10s threshold 3\nroute anycast\naction shift-traffic',
                'pilot-light',
                'rto 5m',
            ),
            at: 'orders',
            says: [
                '≈ 10 m',
                'the pilot-light tier itself needs at least 10 m (docs/facts.md#dr-strategy-recovery-time)',
            ],
        },
        {
            name: 'a launch of capacity in the failover',
            text: failoverOf(
                'detect health-check every 30s threshold 3\nroute dns ttl 60s\naction launch-capacity orders\naction edit-dns',
                'warm-standby',
                'rto 5m',
            ),
            at: 'orders',
            says: ['30 s × 3 + 6 s timeout detection + 1 m TTL + 10 m capacity launch + 1 m DNS record edit'],
        },
        {
            // 20 TB ÷ 1 GB/s = 20,000 s = 5 h 33 m 20 s before the 36 s detection: a restore cannot meet 2 h.
            name: 'a 20 TB restore at 1 GB/s against an RTO of 2 hours',
            text: restored('20TB', '1GB/s', 'rto 2h'),
            at: 'archive',
            says: [
                'failover takes ≈ 5 h 33 m (10 s × 3 + 6 s timeout detection + 5 h 33 m restore (20 TB ÷ 1 GB/s))',
                'RTO objective of archive is 2 h',
            ],
        },
        {
            // At 100 MB/s the same 20 TB takes 200,000 s ≈ 2 d 7 h.
            name: 'a 20 TB restore at 100 MB/s against an RTO of 2 hours',
            text: restored('20TB', '100MB/s', 'rto 2h'),
            at: 'archive',
            says: ['2 d 7 h restore (20 TB ÷ 100 MB/s)'],
        },
        {
            name: 'an RTO objective with no failover at all',
            text: `${REGIONS}service orders { regions us-east-1, us-west-2 posture warm-standby objective rto 5m }`,
            at: 'rto 5m',
            says: ['no failover of orders says how traffic leaves a failed region'],
        },
    ],
});
