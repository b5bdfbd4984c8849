// Defaults and thresholds, each citing its entry of docs/facts.md (value, kind of figure, public source).
// Where the reference gives a range ("tens of minutes", "hours"), the lower bound is used, so estimates err
// towards the optimistic side and a rule that fires is never an artefact of a pessimistic default.
import type { FactId } from './citation.js';
import { fact, type Fact } from './fact.js';
import type { ActionKind, CassandraLevel, Engine, Posture } from '../model.js';
import { AZURE_STORAGE, GCS, REGIONAL_QUEUE_ENGINES } from './messaging-and-objects.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const HEALTH_CHECK = {
    intervalMs: fact(
        30_000,
        'route53-health-check-interval',
        'Route 53 HealthCheckConfig.RequestInterval default 30 s',
    ),
    allowedIntervalsMs: fact<readonly [number, number]>(
        [10_000, 30_000],
        'route53-health-check-interval',
        'Route 53 HealthCheckConfig.RequestInterval 10 s or 30 s',
    ),
    threshold: fact(3, 'route53-failure-threshold', 'Route 53 HealthCheckConfig.FailureThreshold default 3'),
    thresholdRange: fact([1, 10] as const, 'route53-failure-threshold', 'Route 53 FailureThreshold 1–10'),
    // TCP connect within 4 s, then a 2xx/3xx within 2 s.
    timeoutMs: fact(6_000, 'route53-health-check-timeout', 'Route 53 HTTP(S) check timeouts 4 s + 2 s'),
} as const;

export const DNS = {
    failoverTtlMaxMs: fact(60_000, 'route53-failover-ttl', 'TTL of 60 s or less for records with a health check'),
    recordPropagationMs: fact(
        60_000,
        'route53-change-propagation',
        'Route 53 record changes propagate generally within 60 s',
    ),
    // No figure for the share of resolvers that ignore the TTL: the tail is 0 unless the design declares one.
    resolverTailShare: fact(
        0,
        'dns-resolver-tail',
        'the resolver tail is real but unquantified; declare it with `tail`',
    ),
} as const;

export const ANYCAST = {
    intervalMs: fact(
        30_000,
        'global-accelerator-health-check',
        'Global Accelerator health-check interval default 30 s',
    ),
    threshold: fact(3, 'global-accelerator-health-check', 'Global Accelerator threshold count default 3'),
    switchMs: fact(0, 'global-accelerator-no-dns', 'Global Accelerator moves traffic without waiting for a DNS TTL'),
} as const;

export const ARC = {
    // The flip itself is a data-plane call documented only as taking seconds: counted as 0, so the routing time
    // (flip + the records' TTL + resolver tail) is a lower bound on that term.
    switchMs: fact(
        0,
        'arc-routing-control',
        'an ARC flip is a data-plane state change taking seconds (no figure: counted as 0, a lower bound)',
    ),
    // Routing controls act through Route 53 health checks on DNS records: clients keep cached answers until the TTL.
    routesThroughDns: fact(
        true,
        'arc-routing-control',
        'routing controls change Route 53 health-check state on DNS records; clients wait out the TTL',
    ),
    controlPlaneRegion: fact(
        'us-west-2',
        'arc-control-plane-region',
        'ARC and Global Accelerator control planes in us-west-2',
    ),
} as const;

/** Control planes of global services homed in us-east-1. */
export const GLOBAL_CONTROL_PLANE_REGION = fact(
    'us-east-1',
    'global-control-planes-us-east-1',
    'IAM, Organizations, Route 53 and CloudFront control planes are in us-east-1',
);

export const DYNAMODB = {
    mrecLagMs: fact(1_000, 'dynamodb-mrec-lag', 'MREC replication typically within a second (typical, not a bound)'),
    // US, EU, AP: the three sets the documentation lists.
    mrscRegionSets: fact<readonly [readonly string[], readonly string[], readonly string[]]>(
        [
            ['us-east-1', 'us-east-2', 'us-west-2'],
            ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
            ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
        ],
        'dynamodb-mrsc-region-sets',
        'MRSC allowed region sets',
    ),
    mrscUnsupported: fact(
        ['ttl', 'local-secondary-index', 'transactions'] as const,
        'dynamodb-mrsc-unsupported-features',
        'MRSC does not support TTL, LSIs, transactions',
    ),
} as const;

export const AURORA = {
    lagMs: fact(
        1_000,
        'aurora-global-lag',
        'Aurora Global replication lag typically under a second (typical, not a bound)',
    ),
    managedFailoverMs: fact(
        MINUTE,
        'aurora-managed-failover-time',
        'Aurora Global managed failover typically about a minute',
    ),
    maxSecondaries: fact(10, 'aurora-global-max-secondaries', 'Aurora Global Database: up to 10 secondary regions'),
} as const;

export const COSMOS = {
    strongMaxDistanceKm: fact(
        8_000,
        'cosmos-strong-max-distance',
        'Cosmos DB strong is blocked for regions more than 8,000 km apart',
    ),
    strongWriteOverheadMs: fact(
        10,
        'cosmos-strong-write-latency',
        'Cosmos DB strong write latency p99 upper bound 2 × RTT(farthest) + 10 ms',
    ),
    // A p99 bound only: the simulation fits an exponential to it (simulation/processing-time.ts).
    pointOperationP99Ms: fact(
        10,
        'cosmos-point-latency',
        'Cosmos DB point reads and writes under 10 ms at p99 (SLA, direct connectivity)',
    ),
    boundedStalenessMultiRegion: fact(
        { versions: 100_000, lagMs: 300_000 },
        'cosmos-bounded-staleness-minimums',
        'Cosmos DB bounded staleness, multi-region K = 100,000, T = 300 s',
    ),
    boundedStalenessSingleRegion: fact(
        { versions: 10, lagMs: 5_000 },
        'cosmos-bounded-staleness-minimums',
        'Cosmos DB bounded staleness, single region K = 10, T = 5 s',
    ),
} as const;

export const CONSENSUS = {
    minRegionsForRegionSurvival: fact(
        3,
        'cockroachdb-region-survival',
        'CockroachDB REGION survival needs ≥ 3 database regions',
    ),
    seedWriteLatencyMs: fact(
        [80, 200] as const,
        'consensus-write-cost',
        'consensus across regions costs 80–200 ms per write',
    ),
    // CockroachDB "Multi-Region Survival Goals": ZONE (the default) keeps 3 voters in the home region; REGION keeps
    // 2 there and 3 in the other regions.
    zoneSurvivalVoters: fact(
        3,
        'cockroachdb-zone-survival',
        'CockroachDB ZONE survival: 3 voting replicas, all in the home region',
    ),
    regionSurvivalVoters: fact(5, 'cockroachdb-region-survival', 'SURVIVE REGION FAILURE places 5 voting replicas'),
    regionSurvivalHomeVoters: fact(
        2,
        'cockroachdb-region-survival',
        'SURVIVE REGION FAILURE: 2 of the 5 voting replicas in the home region',
    ),
    // A bound the operator sets (--max-offset), not a measurement: GLOBAL tables' writes wait it out.
    maxClockOffsetMs: fact(
        250,
        'cockroachdb-multi-region',
        'CockroachDB GLOBAL tables wait out the max clock offset, 250 ms recommended',
    ),
    defaultLocality: fact(
        'regional-by-table' as const,
        'cockroachdb-default-locality',
        'CockroachDB REGIONAL BY TABLE is the default locality, homed in the primary region',
    ),
    // Multi-region replication recovers with "potential increased latency for 1-9 seconds" while leases move off
    // the failed nodes. The upper end is used: a bound, not a typical value.
    cockroachLeaseFailoverMs: fact(
        9_000,
        'cockroachdb-lease-failover-time',
        'CockroachDB moves leases off failed nodes within 1–9 s (upper end used)',
    ),
} as const;

/** Engines with a table locality clause (CockroachDB's table localities); Spanner has none. */
export const CONSENSUS_ENGINES_WITH_LOCALITY: ReadonlySet<Engine> = new Set<Engine>(['cockroachdb']);

export const NETFLIX_CASSANDRA = {
    // Netflix's one published measurement of cross-region visibility: 1,000,000 records all readable after 500 ms.
    visibleAfterMs: fact(
        500,
        'netflix-cross-region-visibility',
        'Netflix: 1,000,000 records readable in the other region after 500 ms',
    ),
} as const;

export const GREAT_CIRCLE = {
    minRttMs: fact(2, 'rtt-from-distance', 'RTT estimate max(2 ms, 1.6 ms per 100 km)'),
    msPerKm: fact(1.6 / 100, 'rtt-from-distance', 'RTT estimate max(2 ms, 1.6 ms per 100 km)'),
    earthRadiusKm: fact(6_371, 'haversine-earth-radius', 'haversine, R = 6371 km'),
} as const;

/** Lower bound of each DR tier's recovery time, and its cost multiplier. */
export const POSTURE: Readonly<
    Record<Posture, { readonly minRtoMs: Fact<number>; readonly costMultiplier: Fact<number> }>
> = {
    'backup-restore': {
        minRtoMs: fact(HOUR, 'dr-strategy-recovery-time', 'backup & restore: RTO hours (lower bound 1 h)'),
        costMultiplier: fact(1.05, 'dr-strategy-cost-multiplier', 'backup & restore ≈ 1.05×'),
    },
    'pilot-light': {
        minRtoMs: fact(10 * MINUTE, 'dr-strategy-recovery-time', 'pilot light: tens of minutes (lower bound 10 min)'),
        costMultiplier: fact(1.2, 'dr-strategy-cost-multiplier', 'pilot light ≈ 1.2×'),
    },
    'warm-standby': {
        minRtoMs: fact(MINUTE, 'dr-strategy-recovery-time', 'warm standby: minutes (lower bound 1 min)'),
        costMultiplier: fact(1.5, 'dr-strategy-cost-multiplier', 'warm standby ≈ 1.5×'),
    },
    'active-passive': {
        minRtoMs: fact(
            MINUTE,
            'dr-strategy-recovery-time',
            'active-passive with a live standby: minutes (lower bound 1 min)',
        ),
        costMultiplier: fact(1.5, 'dr-strategy-cost-multiplier', 'warm standby ≈ 1.5×'),
    },
    'active-active': {
        minRtoMs: fact(0, 'dr-strategy-recovery-time', 'multi-site active/active: near zero'),
        costMultiplier: fact(2, 'dr-strategy-cost-multiplier', 'active/active 2–3× (lower bound 2×)'),
    },
};

/** How long each failover action takes and which plane it needs. */
export interface ActionFacts {
    readonly durationMs?: Fact<number>;
    readonly plane: Fact<'control-plane' | 'data-plane'>;
    /** Which control plane: `global` = homed in us-east-1; `target` = the region the action acts in. */
    readonly controlPlaneHome?: 'global' | 'target';
    readonly controlPlaneName?: string;
}

export const ACTIONS: Readonly<Record<ActionKind, ActionFacts>> = {
    'edit-dns': {
        durationMs: DNS.recordPropagationMs,
        plane: fact('control-plane', 'control-plane-vs-data-plane', 'ChangeResourceRecordSets is control plane'),
        controlPlaneHome: 'global',
        controlPlaneName: 'Route 53',
    },
    'update-health-check': {
        durationMs: DNS.recordPropagationMs,
        plane: fact('control-plane', 'control-plane-vs-data-plane', 'creating/updating health checks is control plane'),
        controlPlaneHome: 'global',
        controlPlaneName: 'Route 53',
    },
    'launch-capacity': {
        durationMs: fact(10 * MINUTE, 'capacity-launch-time', 'launching capacity ≈ 10–20 min (lower bound 10 min)'),
        plane: fact('control-plane', 'control-plane-vs-data-plane', 'launching instances is control plane'),
        controlPlaneHome: 'target',
        controlPlaneName: 'EC2',
    },
    'scale-out': {
        durationMs: fact(10 * MINUTE, 'capacity-launch-time', 'launching capacity ≈ 10–20 min (lower bound 10 min)'),
        plane: fact('control-plane', 'control-plane-vs-data-plane', 'scaling groups is control plane'),
        controlPlaneHome: 'target',
        controlPlaneName: 'EC2 Auto Scaling',
    },
    'create-resources': {
        plane: fact(
            'control-plane',
            'control-plane-vs-data-plane',
            'creating load balancers and resources is control plane',
        ),
        controlPlaneHome: 'target',
        controlPlaneName: 'the provider management API',
    },
    // How long depends on the engine (ENGINE_STEPS below); engines with no documented figure declare `takes`.
    promote: {
        plane: fact(
            'control-plane',
            'control-plane-vs-data-plane',
            'promoting replicas through management APIs is control plane',
        ),
        controlPlaneHome: 'target',
        controlPlaneName: 'the database management API',
    },
    // size ÷ restore throughput (both declared): no vendor publishes a restore throughput.
    'restore-backup': {
        plane: fact(
            'control-plane',
            'control-plane-vs-data-plane',
            'restoring creates resources through the control plane',
        ),
        controlPlaneHome: 'target',
        controlPlaneName: 'the backup service',
    },
    console: {
        plane: fact('control-plane', 'control-plane-vs-data-plane', 'console actions and IAM/STS are control plane'),
        controlPlaneHome: 'global',
        controlPlaneName: 'console sign-in / IAM',
    },
    'flip-routing-control': {
        durationMs: ARC.switchMs,
        plane: fact('data-plane', 'control-plane-vs-data-plane', 'ARC UpdateRoutingControlState is data plane'),
    },
    'shift-traffic': {
        durationMs: fact(
            0,
            'data-plane-shift-time',
            'already-provisioned capacity and health-based routing are data plane',
        ),
        plane: fact('data-plane', 'control-plane-vs-data-plane', 'health-based failover is data plane'),
    },
    // The one published figure for an application-level move of users and their data; engines that move their
    // own leaders or accept writes everywhere do it by themselves (ENGINE_STEPS below).
    rehome: {
        durationMs: fact(
            MINUTE,
            'shopify-pod-failover-time',
            'Shopify moves a pod in about a minute (typical; an estimate for other engines)',
        ),
        plane: fact('data-plane', 'control-plane-vs-data-plane', 'routing to pre-provisioned capacity is data plane'),
    },
    'accept-outage': {
        durationMs: fact(0, 'non-blocking-actions', 'a declared decision, not an operation'),
        plane: fact('data-plane', 'non-blocking-actions', 'a declared decision, not an operation'),
    },
    'invalidate-cache': {
        durationMs: fact(0, 'non-blocking-actions', 'cache invalidation is a data-plane message'),
        plane: fact('data-plane', 'non-blocking-actions', 'cache invalidation is a data-plane message'),
    },
    notify: {
        durationMs: fact(0, 'non-blocking-actions', 'notification does not block recovery'),
        plane: fact('data-plane', 'non-blocking-actions', 'notification does not block recovery'),
    },
};

/**
 * How an engine carries out `promote` and `rehome`, where it differs from ACTIONS: `itself` — the engine does it
 * with no operator step (data plane) in that time; `operator` — the operator's step takes that long; `undocumented`
 * — the step exists but no source gives its duration (the reason is shown), so the design declares `takes`.
 */
export type EngineStep =
    { readonly itself: Fact<number> } | { readonly operator: Fact<number> } | { readonly undocumented: string };

const EVERY_REPLICA_WRITES = (engine: string, id: FactId) => ({
    itself: fact(0, id, `${engine}: every replica accepts writes, so there is no writer to promote or re-home`),
});
// The election starts at the failure, not after detection, so it adds no step to a failover; the simulation fails
// the store's writes for the election's own time (simulation/leadership.ts), which CockroachDB's 1–9 s keeps under
// a health-checked detection (10 s intervals at the least).
const ELECTS_LEADER = (engine: string, id: FactId, election: string) => ({
    itself: fact(
        0,
        id,
        `${engine} elects a new leader or leaseholder in a surviving region by itself, starting at the failure (${election}); no step after detection`,
    ),
});
const SPANNER_ELECTS = ELECTS_LEADER('Spanner', 'spanner-multi-region', 'Google documents no election time');
const COCKROACH_ELECTS = ELECTS_LEADER('CockroachDB', 'cockroachdb-lease-failover-time', 'leases move within 1–9 s');
const RDS_PROMOTION =
    'Amazon RDS documents read-replica promotion as taking "several minutes or longer, depending on the size of the read replica" (RDS user guide, Promoting a read replica), with no figure';

export const ENGINE_STEPS: Readonly<Record<'promote' | 'rehome', Readonly<Partial<Record<Engine, EngineStep>>>>> = {
    promote: {
        aurora: { operator: AURORA.managedFailoverMs },
        postgres: { undocumented: RDS_PROMOTION },
        mysql: { undocumented: RDS_PROMOTION },
        cosmosdb: {
            undocumented: 'Azure documents no duration for a Cosmos DB service-managed failover of the write region',
        },
        dynamodb: EVERY_REPLICA_WRITES('DynamoDB global tables', 'dynamodb-mrec'),
        cassandra: EVERY_REPLICA_WRITES('Cassandra', 'cassandra-multi-datacenter'),
        'workers-kv': EVERY_REPLICA_WRITES('Workers KV', 'cloudflare-workers-kv'),
        spanner: SPANNER_ELECTS,
        cockroachdb: COCKROACH_ELECTS,
        'azure-blob': { operator: AZURE_STORAGE.accountFailoverMs },
        // A dual-region bucket serves every object already replicated from the surviving region (RTO 0).
        gcs: {
            itself: fact(
                0,
                'gcs-dual-region-replication',
                'a dual-region bucket serves from the surviving region by itself (RTO 0); there is nothing to promote',
            ),
        },
        'durable-object': {
            itself: fact(
                0,
                'cloudflare-durable-objects',
                'a Durable Object has one owner location; there is no replica to promote',
            ),
        },
    },
    rehome: {
        dynamodb: EVERY_REPLICA_WRITES('DynamoDB global tables', 'dynamodb-mrec'),
        cassandra: EVERY_REPLICA_WRITES('Cassandra', 'cassandra-multi-datacenter'),
        'workers-kv': EVERY_REPLICA_WRITES('Workers KV', 'cloudflare-workers-kv'),
        spanner: SPANNER_ELECTS,
        cockroachdb: COCKROACH_ELECTS,
    },
};

/**
 * Engines that move the home of their keys by themselves (leaders, leaseholders: docs/facts.md#spanner-multi-region, docs/facts.md#cockroachdb-multi-region): a lost home
 * region needs no failover step. Multi-writer engines are not among them: with `writes home-region` the
 * application chose where each key is written, and only it can choose again.
 */
const REHOMES_ITSELF: ReadonlySet<Engine> = new Set<Engine>(['spanner', 'cockroachdb']);

export function rehomesItself(engine: Engine | undefined): boolean {
    return engine !== undefined && REHOMES_ITSELF.has(engine);
}

/** Engines that fail over by themselves: `promote` on them is automatic and data plane. */
export const SELF_FAILOVER_ENGINES: Fact<ReadonlySet<Engine>> = fact(
    new Set<Engine>(['dynamodb', 'spanner', 'cockroachdb', 'cassandra', 'durable-object', 'workers-kv', 'gcs']),
    'self-failover-engines',
    'global tables are multi-active; consensus databases elect a new leader',
);

/**
 * What each Cassandra consistency level makes of cross-datacenter replication: LOCAL_QUORUM and
 * LOCAL_SERIAL wait only for the local datacenter (async elsewhere); EACH_QUORUM waits for a quorum in every
 * datacenter (sync, to the farthest); QUORUM counts replicas across all datacenters and SERIAL runs Paxos across
 * them (a majority of all replicas: consensus).
 */
export const CASSANDRA_LEVELS: Readonly<Record<CassandraLevel, Fact<'async' | 'sync' | 'consensus'>>> = {
    'local-quorum': fact('async', 'cassandra-multi-datacenter', 'LOCAL_QUORUM writes are async to other datacenters'),
    'local-serial': fact('async', 'cassandra-multi-datacenter', 'LOCAL_SERIAL runs Paxos within one datacenter'),
    'each-quorum': fact('sync', 'cassandra-multi-datacenter', 'EACH_QUORUM waits for a quorum in every datacenter'),
    quorum: fact('consensus', 'cassandra-multi-datacenter', 'QUORUM counts replicas across all datacenters'),
    serial: fact(
        'consensus',
        'cassandra-multi-datacenter',
        'SERIAL (lightweight transactions) runs Paxos across datacenters',
    ),
};
export const CASSANDRA_DEFAULT_LEVEL = fact<CassandraLevel>(
    'local-quorum',
    'cassandra-multi-datacenter',
    'every datacenter accepts writes with LOCAL_QUORUM',
);

/** Inter-region transfer price by source region, USD per GB. */
const EGRESS_GROUPS: readonly { readonly regions: readonly string[]; readonly usdPerGB: Fact<number> }[] = [
    { regions: ['ap-northeast-2'], usdPerGB: fact(0.08, 'aws-inter-region-transfer-price', 'Seoul $0.08/GB') },
    {
        regions: ['ap-south-1', 'ap-south-2'],
        usdPerGB: fact(0.086, 'aws-inter-region-transfer-price', 'Mumbai $0.086/GB'),
    },
    {
        regions: ['ap-northeast-1', 'ap-southeast-1'],
        usdPerGB: fact(0.09, 'aws-inter-region-transfer-price', 'Tokyo, Singapore $0.09/GB'),
    },
    { regions: ['ap-southeast-2'], usdPerGB: fact(0.14, 'aws-inter-region-transfer-price', 'Sydney $0.14/GB') },
    {
        regions: ['sa-east-1', 'me-south-1'],
        usdPerGB: fact(0.16, 'aws-inter-region-transfer-price', 'São Paulo, Bahrain $0.16/GB'),
    },
    {
        regions: [
            'us-east-1',
            'us-east-2',
            'us-west-1',
            'us-west-2',
            'ca-central-1',
            'ca-west-1',
            'eu-west-1',
            'eu-central-1',
            'eu-west-3',
            'eu-north-1',
            'eu-south-1',
            'eu-south-2',
            'eu-west-2',
            'eu-central-2',
        ],
        usdPerGB: fact(0.02, 'aws-inter-region-transfer-price', 'other US, Canada, EU $0.02/GB'),
    },
];
const US_EAST_PAIR = fact(0.01, 'aws-us-east-pair-transfer-price', 'us-east-1 ↔ us-east-2 $0.01/GB');

/** Regions of a pair priced apart from the source region's rate (either direction). */
export const EGRESS_PAIR_PRICED_REGIONS: ReadonlySet<string> = new Set(['us-east-1', 'us-east-2']);

/** Price of sending one GB from `from` to `to` on AWS, or undefined when the transfer price table does not list it. */
export function egressUsdPerGB(from: string, to: string): Fact<number> | undefined {
    const pair = [from, to].sort().join('|');
    if (pair === 'us-east-1|us-east-2') return US_EAST_PAIR;
    return egressUsdPerGBFrom(from);
}

/** The rate charged for a GB leaving `from` to any AWS region but a pair-priced one. */
export function egressUsdPerGBFrom(from: string): Fact<number> | undefined {
    return EGRESS_GROUPS.find((g) => g.regions.includes(from))?.usdPerGB;
}

export const THRESHOLDS = {
    drillMaxIntervalMs: fact(90 * 24 * HOUR, 'drill-max-interval', 'drills further apart than 90 days'),
    spofAvailability: fact(
        0.9995,
        'single-region-availability-threshold',
        'single-region availability objective ≥ 99.95 %',
    ),
} as const;

/** Engine defaults where the reference documents them; anything not here must be declared. */
export interface EngineFacts {
    readonly replication?: Fact<'sync' | 'async' | 'consensus' | 'none'>;
    readonly asyncLagMs?: Fact<number>;
    readonly consistency?: Fact<'strong' | 'eventual' | 'session'>;
    readonly conflicts?: Fact<'lww' | 'consensus' | 'single-owner' | 'reject'>;
    readonly writes?: Fact<'any-region' | 'primary' | 'home-region'>;
    /** Replicates across regions only asynchronously whatever the declaration says (strong-needs-sync). */
    readonly asyncOnlyAcrossRegions?: Fact<boolean>;
    /** A documented bound on the asynchronous lag (the worst end of the RPO), where the vendor gives one. */
    readonly asyncLagBoundMs?: Fact<number>;
    readonly provider?: 'aws' | 'gcp' | 'azure' | 'cloudflare';
}

export const ENGINES: Readonly<Record<Engine, EngineFacts>> = {
    dynamodb: {
        provider: 'aws',
        replication: fact('async', 'dynamodb-mrec', 'MREC (the default) replicates asynchronously'),
        asyncLagMs: DYNAMODB.mrecLagMs,
        consistency: fact('eventual', 'dynamodb-mrec', 'MREC reads may be stale across regions'),
        conflicts: fact('lww', 'dynamodb-mrec', 'MREC: last writer wins per item, not logged'),
        writes: fact('any-region', 'dynamodb-mrec', 'global tables accept writes in every replica region'),
    },
    aurora: {
        provider: 'aws',
        replication: fact('async', 'aurora-global-single-writer', 'Aurora Global replicates asynchronously'),
        asyncLagMs: AURORA.lagMs,
        writes: fact('primary', 'aurora-global-single-writer', 'one writer region, read-only secondaries'),
        conflicts: fact('single-owner', 'aurora-global-single-writer', 'a single writer has no write conflicts'),
        asyncOnlyAcrossRegions: fact(
            true,
            'aurora-global-single-writer',
            'a DR and local-read feature, not a globally consistent database',
        ),
    },
    spanner: {
        provider: 'gcp',
        replication: fact('consensus', 'spanner-multi-region', 'Spanner multi-region uses Paxos voting replicas'),
        consistency: fact('strong', 'spanner-multi-region', 'Spanner is externally consistent'),
        conflicts: fact('consensus', 'spanner-multi-region', 'writes are serialized by consensus'),
        writes: fact('any-region', 'spanner-multi-region', 'writes go through the leader from any region'),
    },
    cockroachdb: {
        replication: fact('consensus', 'cockroachdb-multi-region', 'Raft per range'),
        consistency: fact('strong', 'cockroachdb-multi-region', 'serializable transactions'),
        conflicts: fact('consensus', 'spanner-multi-region', 'writes are serialized by consensus'),
        writes: fact('any-region', 'cockroachdb-multi-region', 'any region writes through the range leaseholder'),
    },
    cosmosdb: { provider: 'azure' },
    // Replication follows the declared consistency level (CASSANDRA_LEVELS); LOCAL_QUORUM is the default.
    cassandra: {
        replication: fact(
            'async',
            'cassandra-multi-datacenter',
            'LOCAL_QUORUM writes replicate to other datacenters asynchronously',
        ),
        conflicts: fact(
            'lww',
            'cassandra-multi-datacenter',
            'Cassandra resolves concurrent writes by cell timestamp (last write wins)',
        ),
        writes: fact('any-region', 'cassandra-multi-datacenter', 'every datacenter accepts writes (LOCAL_QUORUM)'),
    },
    postgres: {},
    mysql: {},
    redis: {},
    memcached: {},
    s3: {
        provider: 'aws',
        replication: fact('async', 's3-cross-region-replication', 'cross-region replication of S3 is asynchronous'),
    },
    gcs: {
        provider: 'gcp',
        replication: fact('async', 'gcs-dual-region-replication', 'a dual-region bucket replicates asynchronously'),
        asyncLagMs: GCS.defaultTypicalLagMs,
        asyncLagBoundMs: GCS.defaultRpoMs,
        asyncOnlyAcrossRegions: fact(
            true,
            'gcs-dual-region-replication',
            'redundancy across regions occurs asynchronously, turbo replication included',
        ),
        writes: fact('any-region', 'gcs-dual-region-replication', 'one bucket, active-active across its two regions'),
    },
    'azure-blob': {
        provider: 'azure',
        replication: fact(
            'async',
            'azure-storage-geo-replication',
            'GRS and GZRS copy to the secondary asynchronously',
        ),
        asyncLagMs: AZURE_STORAGE.typicalLagMs,
        asyncOnlyAcrossRegions: fact(
            true,
            'azure-storage-geo-replication',
            'geo-redundant storage copies to the secondary region asynchronously',
        ),
        writes: fact(
            'primary',
            'azure-storage-geo-replication',
            'clients write to the primary region; the secondary is written only after an account failover',
        ),
    },
    // MirrorMaker 2 documents no replication lag: a design states the one it measures.
    kafka: {
        replication: fact(
            'async',
            'kafka-mirrormaker2',
            'MirrorMaker 2 mirrors topics between clusters asynchronously',
        ),
        asyncOnlyAcrossRegions: fact(
            true,
            'kafka-mirrormaker2',
            'mirroring falls behind while a link is down and catches up after',
        ),
        conflicts: fact(
            'single-owner',
            'kafka-mirrormaker2',
            'mirrored topics are renamed after their source cluster, so no two clusters write one partition',
        ),
    },
    kinesis: {
        provider: 'aws',
        replication: REGIONAL_QUEUE_ENGINES.kinesis,
        conflicts: fact('single-owner', 'kinesis-single-region', 'a record lives in one stream, in one region'),
    },
    sqs: {
        provider: 'aws',
        replication: REGIONAL_QUEUE_ENGINES.sqs,
        conflicts: fact('single-owner', 'sqs-single-region', 'a message lives in one queue, in one region'),
    },
    'durable-object': {
        provider: 'cloudflare',
        replication: fact('none', 'cloudflare-durable-objects', 'each Durable Object exists in exactly one location'),
        consistency: fact('strong', 'cloudflare-durable-objects', 'single-threaded, one owner per id'),
        conflicts: fact('single-owner', 'cloudflare-durable-objects', 'one owner per id, no replication conflicts'),
        writes: fact('home-region', 'cloudflare-durable-objects', 'requests route to the object’s single location'),
    },
    'workers-kv': {
        provider: 'cloudflare',
        replication: fact('async', 'cloudflare-workers-kv', 'Workers KV is eventually consistent'),
        consistency: fact('eventual', 'cloudflare-workers-kv', 'Workers KV is eventually consistent'),
        conflicts: fact('lww', 'cloudflare-workers-kv', 'Workers KV is last-writer-wins'),
        asyncOnlyAcrossRegions: fact(true, 'cloudflare-workers-kv', 'Workers KV is eventually consistent'),
        writes: fact('any-region', 'cloudflare-workers-kv', 'Workers KV accepts writes at every location'),
    },
    custom: {},
};

const DAY = 24 * HOUR;

/** The longest point-in-time recovery window each engine accepts; engines not here have no documented bound. */
export const PITR_MAX_MS: Readonly<Partial<Record<Engine, Fact<number>>>> = {
    dynamodb: fact(35 * DAY, 'pitr-retention', 'DynamoDB PITR reaches back at most 35 days'),
    aurora: fact(35 * DAY, 'pitr-retention', 'Aurora keeps restore data at most 35 days'),
    spanner: fact(7 * DAY, 'pitr-retention', 'Spanner keeps old versions at most 7 days'),
    cosmosdb: fact(30 * DAY, 'pitr-retention', 'Cosmos DB continuous backup reaches back at most 30 days'),
};
