// Defaults and thresholds, each from shared/reference/multi-region-facts.md (section and tag in the source).
// Where the reference gives a range ("tens of minutes", "hours"), the lower bound is used, so estimates err
// towards the optimistic side and a rule that fires is never an artefact of a pessimistic default.
import { fact, type Fact } from './fact.js';
import type { ActionKind, Engine, Posture } from '../model.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const HEALTH_CHECK = {
    intervalMs: fact(30_000, 'facts §2 [D] HealthCheckConfig.RequestInterval default 30 s'),
    allowedIntervalsMs: fact([10_000, 30_000], 'facts §2 [D] HealthCheckConfig.RequestInterval 10 s or 30 s'),
    threshold: fact(3, 'facts §2 [D] HealthCheckConfig.FailureThreshold default 3'),
    thresholdRange: fact([1, 10] as const, 'facts §2 [D] FailureThreshold 1–10'),
    // TCP connect within 4 s, then a 2xx/3xx within 2 s.
    timeoutMs: fact(6_000, 'facts §2 [D] HTTP(S) check timeouts 4 s + 2 s'),
} as const;

export const DNS = {
    failoverTtlMaxMs: fact(60_000, 'facts §2 [D] TTL for failover records 60 s; seed: keep DNS TTLs at 60 s'),
    recordPropagationMs: fact(60_000, 'facts §2 [D] record-change propagation generally within 60 s'),
    // No figure for the share of resolvers that ignore the TTL: the tail is 0 unless the design declares one.
    resolverTailShare: fact(0, 'facts §2: the resolver tail is real but unquantified; declare it with `tail`'),
} as const;

export const ANYCAST = {
    intervalMs: fact(30_000, 'facts §3 [D] Global Accelerator health-check interval default 30 s'),
    threshold: fact(3, 'facts §3 [D] Global Accelerator threshold count default 3'),
    switchMs: fact(0, 'facts §3 [D] traffic moves immediately; no DNS TTL'),
} as const;

export const ARC = {
    // The flip itself is a data-plane call documented only as taking seconds: counted as 0, so the routing time
    // (flip + the records' TTL + resolver tail) is a lower bound on that term.
    switchMs: fact(0, 'facts §14 [D] an ARC flip is a data-plane state change taking seconds (no figure: counted as 0, a lower bound)'),
    // Routing controls act through Route 53 health checks on DNS records: clients keep cached answers until the TTL.
    routesThroughDns: fact(true, 'facts §10, §14 [D] routing controls change Route 53 health-check state on DNS records; clients wait out the TTL'),
    controlPlaneRegion: fact('us-west-2', 'facts §10 [S] ARC and Global Accelerator control planes in us-west-2'),
} as const;

/** Control planes of global services homed in us-east-1 (facts §10 [S]). */
export const GLOBAL_CONTROL_PLANE_REGION = fact('us-east-1', 'facts §10 [S] IAM, Organizations, Route 53 and CloudFront control planes are in us-east-1');

export const DYNAMODB = {
    mrecLagMs: fact(1_000, 'facts §4 [D] MREC replication typically ≤ 1 s'),
    mrscRegionSets: fact<readonly (readonly string[])[]>([
        ['us-east-1', 'us-east-2', 'us-west-2'],
        ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
        ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
    ], 'facts §4 [D] MRSC allowed region sets'),
    mrscUnsupported: fact(['ttl', 'local-secondary-index', 'transactions'] as const, 'facts §4 [D] MRSC does not support TTL, LSIs, transactions'),
} as const;

export const AURORA = {
    lagMs: fact(1_000, 'facts §5 [D] Aurora Global replication lag typically under a second'),
    managedFailoverMs: fact(MINUTE, 'facts §5 [S] managed failover typically about a minute'),
    maxSecondaries: fact(10, 'facts §5 [D] up to 10 secondary regions'),
} as const;

export const COSMOS = {
    strongMaxDistanceKm: fact(8_000, 'facts §6 [D] Strong is blocked for regions more than 8,000 km apart'),
    strongWriteOverheadMs: fact(10, 'facts §6 [D] strong write p99 ≈ 2 × RTT(farthest) + 10 ms'),
    boundedStalenessMultiRegion: fact({ versions: 100_000, lagMs: 300_000 }, 'facts §6 [D] multi-region K = 100,000, T = 300 s'),
    boundedStalenessSingleRegion: fact({ versions: 10, lagMs: 5_000 }, 'facts §6 [D] single region K = 10, T = 5 s'),
} as const;

export const CONSENSUS = {
    minRegionsForRegionSurvival: fact(3, 'facts §7 [D] REGION survival needs ≥ 3 database regions'),
    seedWriteLatencyMs: fact([80, 200] as const, 'facts §7 / §13 seed: consensus costs 80–200 ms per write'),
} as const;

export const NETFLIX_CASSANDRA = {
    // The seed's one measurement of cross-region visibility: 1,000,000 records all readable after 500 ms.
    visibleAfterMs: fact(500, 'facts §13 Netflix: 1,000,000 records readable in the other region after 500 ms'),
} as const;

export const GREAT_CIRCLE = {
    minRttMs: fact(2, 'facts §1 [E] suggested default RTT = max(2 ms, 1.6 × km / 100)'),
    msPerKm: fact(1.6 / 100, 'facts §1 [E] suggested default RTT = max(2 ms, 1.6 × km / 100)'),
    earthRadiusKm: fact(6_371, 'facts §1 [E] haversine, R = 6371 km'),
} as const;

/** Lower bound of each DR tier's recovery time, and its cost multiplier (facts §8, the seed). */
export const POSTURE: Readonly<Record<Posture, { readonly minRtoMs: Fact<number>; readonly costMultiplier: Fact<number> }>> = {
    'backup-restore': {
        minRtoMs: fact(HOUR, 'facts §8 backup & restore: RTO hours (lower bound 1 h)'),
        costMultiplier: fact(1.05, 'facts §8 backup & restore ≈ 1.05×'),
    },
    'pilot-light': {
        minRtoMs: fact(10 * MINUTE, 'facts §8 pilot light: tens of minutes (lower bound 10 min)'),
        costMultiplier: fact(1.2, 'facts §8 pilot light ≈ 1.2×'),
    },
    'warm-standby': {
        minRtoMs: fact(MINUTE, 'facts §8 warm standby: minutes (lower bound 1 min)'),
        costMultiplier: fact(1.5, 'facts §8 warm standby ≈ 1.5×'),
    },
    'active-passive': {
        minRtoMs: fact(MINUTE, 'facts §8 active-passive with a live standby: minutes (lower bound 1 min)'),
        costMultiplier: fact(1.5, 'facts §8 warm standby ≈ 1.5×'),
    },
    'active-active': {
        minRtoMs: fact(0, 'facts §8 multi-site active/active: near zero'),
        costMultiplier: fact(2, 'facts §8 active/active 2–3× (lower bound 2×)'),
    },
};

/** How long each failover action takes and which plane it needs (facts §2, §5, §8, §10, §13). */
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
        plane: fact('control-plane', 'facts §10 [S] ChangeResourceRecordSets is control plane'),
        controlPlaneHome: 'global', controlPlaneName: 'Route 53',
    },
    'update-health-check': {
        durationMs: DNS.recordPropagationMs,
        plane: fact('control-plane', 'facts §10 [S] creating/updating health checks is control plane'),
        controlPlaneHome: 'global', controlPlaneName: 'Route 53',
    },
    'launch-capacity': {
        durationMs: fact(10 * MINUTE, 'simulation spec: launching capacity ≈ 10–20 min (lower bound 10 min)'),
        plane: fact('control-plane', 'facts §10 [S] launching instances is control plane'),
        controlPlaneHome: 'target', controlPlaneName: 'EC2',
    },
    'scale-out': {
        durationMs: fact(10 * MINUTE, 'simulation spec: launching capacity ≈ 10–20 min (lower bound 10 min)'),
        plane: fact('control-plane', 'facts §10 [S] scaling groups is control plane'),
        controlPlaneHome: 'target', controlPlaneName: 'EC2 Auto Scaling',
    },
    'create-resources': {
        plane: fact('control-plane', 'facts §10 [S] creating load balancers and resources is control plane'),
        controlPlaneHome: 'target', controlPlaneName: 'the provider management API',
    },
    // How long depends on the engine (ENGINE_STEPS below); engines with no documented figure declare `takes`.
    'promote': {
        plane: fact('control-plane', 'facts §10 [S] promoting replicas through management APIs is control plane'),
        controlPlaneHome: 'target', controlPlaneName: 'the database management API',
    },
    // size ÷ restore throughput (both declared): no vendor publishes a restore throughput (facts §14).
    'restore-backup': {
        plane: fact('control-plane', 'facts §10 [S] restoring creates resources through the control plane'),
        controlPlaneHome: 'target', controlPlaneName: 'the backup service',
    },
    'console': {
        plane: fact('control-plane', 'facts §10 [S] console actions and IAM/STS are control plane'),
        controlPlaneHome: 'global', controlPlaneName: 'console sign-in / IAM',
    },
    'flip-routing-control': {
        durationMs: ARC.switchMs,
        plane: fact('data-plane', 'facts §10 [D] ARC UpdateRoutingControlState is data plane'),
    },
    'shift-traffic': {
        durationMs: fact(0, 'facts §10 already-provisioned capacity and health-based routing are data plane'),
        plane: fact('data-plane', 'facts §10 health-based failover is data plane'),
    },
    // The seed's one figure for an application-level move of users and their data; engines that move their
    // own leaders or accept writes everywhere do it by themselves (ENGINE_STEPS below).
    'rehome': {
        durationMs: fact(MINUTE, 'facts §13 Shopify Pod Mover relocates a pod in about a minute (typical; an estimate for other engines)'),
        plane: fact('data-plane', 'facts §10 routing to pre-provisioned capacity is data plane'),
    },
    'accept-outage': {
        durationMs: fact(0, 'a declared decision, not an operation'),
        plane: fact('data-plane', 'a declared decision, not an operation'),
    },
    'invalidate-cache': {
        durationMs: fact(0, 'cache invalidation is a data-plane message'),
        plane: fact('data-plane', 'cache invalidation is a data-plane message'),
    },
    'notify': {
        durationMs: fact(0, 'notification does not block recovery'),
        plane: fact('data-plane', 'notification does not block recovery'),
    },
};

/**
 * How an engine carries out `promote` and `rehome`, where it differs from ACTIONS: `itself` — the engine does it
 * with no operator step (data plane) in that time; `operator` — the operator's step takes that long; `undocumented`
 * — the step exists but no source gives its duration (the reason is shown), so the design declares `takes`.
 */
export type EngineStep =
    | { readonly itself: Fact<number> }
    | { readonly operator: Fact<number> }
    | { readonly undocumented: string };

const EVERY_REPLICA_WRITES = (engine: string) => ({ itself: fact(0, `${engine}: every replica accepts writes, so there is no writer to promote or re-home`) });
const ELECTS_LEADER = (engine: string) => ({
    itself: fact(0, `facts §7, §14 [D] ${engine} elects a new leader or leaseholder in a surviving region by itself (the election time is not quantified: counted as 0, a lower bound)`),
});
const RDS_PROMOTION = 'Amazon RDS documents read-replica promotion as taking "several minutes or longer, depending on the size of the read replica" (RDS user guide, Promoting a read replica), with no figure';

export const ENGINE_STEPS: Readonly<Record<'promote' | 'rehome', Readonly<Partial<Record<Engine, EngineStep>>>>> = {
    promote: {
        aurora: { operator: AURORA.managedFailoverMs },
        postgres: { undocumented: RDS_PROMOTION },
        mysql: { undocumented: RDS_PROMOTION },
        cosmosdb: { undocumented: 'Azure documents no duration for a Cosmos DB service-managed failover of the write region' },
        dynamodb: EVERY_REPLICA_WRITES('DynamoDB global tables (facts §4)'),
        cassandra: EVERY_REPLICA_WRITES('Cassandra (facts §14)'),
        'workers-kv': EVERY_REPLICA_WRITES('Workers KV (seed)'),
        spanner: ELECTS_LEADER('Spanner'),
        cockroachdb: ELECTS_LEADER('CockroachDB'),
        'durable-object': { itself: fact(0, 'seed: a Durable Object has one owner location; there is no replica to promote') },
    },
    rehome: {
        dynamodb: EVERY_REPLICA_WRITES('DynamoDB global tables (facts §4)'),
        cassandra: EVERY_REPLICA_WRITES('Cassandra (facts §14)'),
        'workers-kv': EVERY_REPLICA_WRITES('Workers KV (seed)'),
        spanner: ELECTS_LEADER('Spanner'),
        cockroachdb: ELECTS_LEADER('CockroachDB'),
    },
};

/**
 * Engines that move the home of their keys by themselves (leaders, leaseholders, facts §7, §14): a lost home
 * region needs no failover step. Multi-writer engines are not among them: with `writes home-region` the
 * application chose where each key is written, and only it can choose again.
 */
const REHOMES_ITSELF: ReadonlySet<Engine> = new Set<Engine>(['spanner', 'cockroachdb']);

export function rehomesItself(engine: Engine | undefined): boolean {
    return engine !== undefined && REHOMES_ITSELF.has(engine);
}

/** Engines that fail over by themselves: `promote` on them is automatic and data plane (facts §4, §7). */
export const SELF_FAILOVER_ENGINES: Fact<ReadonlySet<Engine>> = fact(
    new Set<Engine>(['dynamodb', 'spanner', 'cockroachdb', 'cassandra', 'durable-object', 'workers-kv']),
    'facts §4 (global tables are multi-active) and §7 (consensus databases elect a new leader)',
);

/** Inter-region transfer price by source region, USD per GB (facts §9). */
const EGRESS_GROUPS: readonly { readonly regions: readonly string[]; readonly usdPerGB: Fact<number> }[] = [
    { regions: ['ap-northeast-2'], usdPerGB: fact(0.08, 'facts §9 [M] Seoul $0.08/GB') },
    { regions: ['ap-south-1', 'ap-south-2'], usdPerGB: fact(0.086, 'facts §9 [M] Mumbai $0.086/GB') },
    { regions: ['ap-northeast-1', 'ap-southeast-1'], usdPerGB: fact(0.09, 'facts §9 [M] Tokyo, Singapore $0.09/GB') },
    { regions: ['ap-southeast-2'], usdPerGB: fact(0.14, 'facts §9 [M] Sydney $0.14/GB') },
    { regions: ['sa-east-1', 'me-south-1'], usdPerGB: fact(0.16, 'facts §9 [M] São Paulo, Bahrain $0.16/GB') },
    {
        regions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1',
            'eu-west-1', 'eu-central-1', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-2', 'eu-central-2'],
        usdPerGB: fact(0.02, 'facts §9 [M] other US, Canada, EU $0.02/GB'),
    },
];
const US_EAST_PAIR = fact(0.01, 'facts §9 [S] us-east-1 ↔ us-east-2 $0.01/GB');

/** Regions of a pair facts §9 prices apart from the source region's rate (either direction). */
export const EGRESS_PAIR_PRICED_REGIONS: ReadonlySet<string> = new Set(['us-east-1', 'us-east-2']);

/** Price of sending one GB from `from` to `to` on AWS, or undefined when facts §9 does not list it. */
export function egressUsdPerGB(from: string, to: string): Fact<number> | undefined {
    const pair = [from, to].sort().join('|');
    if (pair === 'us-east-1|us-east-2') return US_EAST_PAIR;
    return egressUsdPerGBFrom(from);
}

/** The rate facts §9 charges for a GB leaving `from` to any AWS region but a pair-priced one. */
export function egressUsdPerGBFrom(from: string): Fact<number> | undefined {
    return EGRESS_GROUPS.find((g) => g.regions.includes(from))?.usdPerGB;
}

export const THRESHOLDS = {
    drillMaxIntervalMs: fact(90 * 24 * HOUR, 'rules catalog: drills further apart than 90 days'),
    spofAvailability: fact(0.9995, 'rules catalog: single-region availability objective ≥ 99.95 %'),
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
    readonly provider?: 'aws' | 'gcp' | 'azure' | 'cloudflare';
}

export const ENGINES: Readonly<Record<Engine, EngineFacts>> = {
    dynamodb: {
        provider: 'aws',
        replication: fact('async', 'facts §4 [D] MREC (the default) replicates asynchronously'),
        asyncLagMs: DYNAMODB.mrecLagMs,
        consistency: fact('eventual', 'facts §4 [D] MREC reads may be stale across regions'),
        conflicts: fact('lww', 'facts §4 [D] MREC: last writer wins per item, not logged'),
        writes: fact('any-region', 'facts §4 [D] global tables accept writes in every replica region'),
    },
    aurora: {
        provider: 'aws',
        replication: fact('async', 'facts §5 [D] Aurora Global replicates asynchronously'),
        asyncLagMs: AURORA.lagMs,
        writes: fact('primary', 'facts §5 [D] one writer region, read-only secondaries'),
        conflicts: fact('single-owner', 'facts §5 [D] a single writer has no write conflicts'),
        asyncOnlyAcrossRegions: fact(true, 'facts §5 [D] a DR and local-read feature, not a globally consistent database'),
    },
    spanner: {
        provider: 'gcp',
        replication: fact('consensus', 'facts §7 [D] Spanner multi-region uses Paxos voting replicas'),
        consistency: fact('strong', 'facts §7 [D] Spanner is externally consistent'),
        conflicts: fact('consensus', 'facts §7 [D] writes are serialized by consensus'),
        writes: fact('any-region', 'facts §7 [D] writes go through the leader from any region'),
    },
    cockroachdb: {
        replication: fact('consensus', 'facts §7 [D] Raft per range'),
        consistency: fact('strong', 'facts §7 [D] serializable transactions'),
        conflicts: fact('consensus', 'facts §7 [D] writes are serialized by consensus'),
        writes: fact('any-region', 'facts §7 [D] any region writes through the range leaseholder'),
    },
    cosmosdb: { provider: 'azure' },
    cassandra: {
        replication: fact('async', 'seed: Cassandra asynchronous multi-region replication'),
        conflicts: fact('lww', 'seed: Cassandra resolves concurrent writes by cell timestamp (last write wins)'),
        asyncOnlyAcrossRegions: fact(true, 'rules catalog: Cassandra multi-DC replication is asynchronous'),
        writes: fact('any-region', 'seed: Netflix writes in every region with LOCAL_QUORUM'),
    },
    postgres: {},
    mysql: {},
    redis: {},
    memcached: {},
    s3: {
        provider: 'aws',
        replication: fact('async', 'cross-region replication of S3 is asynchronous'),
    },
    'durable-object': {
        provider: 'cloudflare',
        replication: fact('none', 'seed: each Durable Object exists in exactly one location'),
        consistency: fact('strong', 'seed: single-threaded, one owner per id'),
        conflicts: fact('single-owner', 'seed: one owner per id, no replication conflicts'),
        writes: fact('home-region', 'seed: requests route to the object’s single location'),
    },
    'workers-kv': {
        provider: 'cloudflare',
        replication: fact('async', 'seed: Workers KV is eventually consistent'),
        consistency: fact('eventual', 'seed: Workers KV is eventually consistent'),
        conflicts: fact('lww', 'seed: Workers KV is last-writer-wins'),
        asyncOnlyAcrossRegions: fact(true, 'seed: Workers KV is eventually consistent'),
        writes: fact('any-region', 'seed: Workers KV accepts writes at every location'),
    },
    custom: {},
};
