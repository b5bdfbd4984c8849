// The semantic model: what a .mregion design means, in base units, with defaults resolved and derived
// values computed. Plain readonly data with no Langium import; rules, hover, simulation and export read
// this and never the AST. Base units: ms, per second, fraction 0–1, bytes, USD, USD per GB, km, degrees.

export interface Position {
    readonly line: number;
    readonly character: number;
}
/** Zero-based, end-exclusive, LSP-shaped. */
export interface Range {
    readonly start: Position;
    readonly end: Position;
}

/** Where a declaration is written, with the range of each clause/property it was built from. */
export interface Source {
    readonly uri: string;
    /** The whole declaration. */
    readonly range: Range;
    /** The declared name (or the keyword that opens an unnamed block). */
    readonly nameRange: Range;
    /** Ranges of the properties, keyed by the model property they became (e.g. `ttl`, `replication`). */
    readonly props: Readonly<Record<string, Range | undefined>>;
    /**
     * One property's range, for a source that works its ranges out when read (the builder's); a plain copy has
     * `props` only. Read one property with `propRange` (`source-props.ts`), which takes either.
     */
    prop?(key: string): Range | undefined;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A problem found while building the model: always anchored at the place a user must change. */
export interface Problem {
    readonly code: string;
    readonly severity: Severity;
    readonly message: string;
    readonly uri: string;
    readonly range: Range;
    /** Machine-readable details for quick fixes (e.g. the suggested replacement text). */
    readonly data?: Readonly<Record<string, unknown>>;
}

/** Where a resolved value comes from: written in the design, a facts-table default, or derived. */
export type Provenance =
    | { readonly kind: 'declared' }
    | { readonly kind: 'default'; readonly source: string }
    | { readonly kind: 'derived'; readonly from: string };

export type Provider = 'aws' | 'gcp' | 'azure' | 'cloudflare' | 'on-prem';
export type Engine =
    | 'dynamodb'
    | 'aurora'
    | 'spanner'
    | 'cockroachdb'
    | 'cosmosdb'
    | 'cassandra'
    | 'postgres'
    | 'mysql'
    | 'redis'
    | 'memcached'
    | 's3'
    | 'gcs'
    | 'azure-blob'
    | 'kafka'
    | 'kinesis'
    | 'sqs'
    | 'durable-object'
    | 'workers-kv'
    | 'custom';
export type HoldsKind = 'shared' | 'per-user' | 'per-tenant' | 'reference';
export type Shape = 'rows' | 'counter' | 'set' | 'register' | 'document' | 'sequence' | 'blob';
export type WritePolicy = 'any-region' | 'home-region' | 'primary';
export type ReplicationMode = 'sync' | 'async' | 'consensus' | 'none';
/** CockroachDB table locality (docs/facts.md#cockroachdb-multi-region): where a row's leaseholder lives and what a write waits for. */
export type Locality = 'regional-by-table' | 'regional-by-row' | 'global';
/** Consensus survival goal (docs/facts.md#cockroachdb-multi-region): ZONE keeps every voter in the home region, REGION spreads 5 of them. */
export type SurvivalGoal = 'zone' | 'region';
export type ConsistencyLevel = 'strong' | 'bounded-staleness' | 'session' | 'consistent-prefix' | 'eventual';
/** Cassandra's per-request consistency level for the store's writes (docs/facts.md#cassandra-multi-datacenter). */
export type CassandraLevel = 'local-quorum' | 'each-quorum' | 'quorum' | 'serial' | 'local-serial';
export type ConflictStrategy = 'lww' | 'crdt' | 'vector-clocks' | 'consensus' | 'reject' | 'single-owner';
export type CrdtType =
    | 'g-counter'
    | 'pn-counter'
    | 'bounded-counter'
    | 'g-set'
    | 'two-phase-set'
    | 'or-set'
    | 'lww-register'
    | 'mv-register'
    | 'rga'
    | 'or-map';
export type InvariantKind = 'unique' | 'non-negative' | 'references';
export type StoreFeature = 'ttl' | 'local-secondary-index' | 'transactions' | 'streams' | 'turbo-replication';
export type Posture = 'active-active' | 'active-passive' | 'warm-standby' | 'pilot-light' | 'backup-restore';
export type ActionKind =
    | 'promote'
    | 'launch-capacity'
    | 'scale-out'
    | 'edit-dns'
    | 'flip-routing-control'
    | 'restore-backup'
    | 'shift-traffic'
    | 'rehome'
    | 'accept-outage'
    | 'console'
    | 'create-resources'
    | 'update-health-check'
    | 'invalidate-cache'
    | 'notify';
export type Plane = 'control-plane' | 'data-plane';
/** Provider-global services a request path can call (language/semantics/facts/global-services.ts). */
export type GlobalServiceName =
    | 'iam'
    | 'organizations'
    | 'sts'
    | 'route53-control'
    | 'cloudfront-control'
    | 'arc-control'
    | 'global-accelerator-control'
    | 'route53'
    | 'cloudfront'
    | 'global-accelerator';
export type Metric =
    | 'rto'
    | 'rpo'
    | 'availability'
    | 'lost-writes'
    | 'stranded-writes'
    | 'discarded-writes'
    | 'merges'
    | 'siblings'
    | 'rejected-writes'
    | 'stale-reads'
    | 'write-latency'
    | 'detection'
    | 'drain'
    | 'cost'
    | 'throttled-writes'
    | 'duplicates'
    | 'corruption-loss'
    | 'restore-time';
export type Comparison = '<=' | '<' | '==' | '>=' | '>';

export interface GeoPoint {
    readonly lat: number;
    readonly lon: number;
}

export interface TopologyM {
    readonly name: string;
    readonly description?: string;
    readonly source: Source;
}

export interface RegionM {
    readonly name: string;
    readonly provider?: Provider;
    readonly jurisdiction?: string;
    readonly jurisdictionProvenance: Provenance;
    readonly location?: GeoPoint;
    readonly locationProvenance: Provenance;
    readonly city?: string;
    /** In the facts table of known regions (docs/facts.md#aws-region-jurisdictions, docs/facts.md#same-city-regions). */
    readonly known: boolean;
    readonly source: Source;
}

export interface LinkM {
    readonly a: string;
    readonly b: string;
    readonly rttMs?: number;
    readonly egressUsdPerGB?: number;
    readonly source: Source;
}

export interface CellM {
    readonly name: string;
    readonly regions: readonly string[];
    readonly residency?: string;
    readonly source: Source;
}

export interface ObjectiveM {
    readonly rtoMs?: number;
    readonly rpoMs?: number;
    /** Fraction, e.g. 0.9999. */
    readonly availability?: number;
    readonly writeLatency?: { readonly percentile: number; readonly ms: number };
    readonly costUsdPerMonth?: number;
    /** Props: `rto`, `rpo`, `availability`, `writeLatency`, `cost`. */
    readonly source: Source;
}

export interface StoreM {
    readonly kind: 'store';
    /** Instance id: the declared name, or `name@cell` for a `per cell` declaration. */
    readonly id: string;
    readonly name: string;
    readonly cell?: string;
    readonly engine?: Engine;
    readonly regions: readonly string[];
    /** Number of data replicas (default: one per region). */
    readonly replicas: number;
    readonly witness?: string;
    readonly holds?: HoldsKind;
    readonly shape?: Shape;
    readonly writes: { readonly policy: WritePolicy; readonly primary?: string; readonly provenance: Provenance };
    readonly replication: {
        readonly mode: ReplicationMode;
        readonly lagMs?: number;
        readonly lagProvenance?: Provenance;
        /**
         * A documented bound on the lag (GCS dual-region: 12 h by default, 15 min with turbo replication), with the
         * docs/facts.md entry it comes from; absent where the vendor gives only a typical figure or none.
         */
        readonly lagBound?: { readonly ms: number; readonly source: string };
        readonly quorum?: number;
        readonly provenance: Provenance;
    };
    /** Leadership and voter placement of a consensus store; absent for other replication modes. */
    readonly consensus?: ConsensusM;
    readonly consistency: {
        readonly level: ConsistencyLevel;
        readonly maxVersions?: number;
        readonly maxLagMs?: number;
        readonly provenance: Provenance;
    };
    readonly conflicts: {
        readonly strategy: ConflictStrategy;
        readonly crdt?: CrdtType;
        readonly provenance: Provenance;
    };
    /** Cassandra only: the consistency level of its writes (declared, or LOCAL_QUORUM), which sets the replication mode. */
    readonly cassandraLevel?: { readonly level: CassandraLevel; readonly provenance: Provenance };
    readonly invariants: readonly { readonly kind: InvariantKind; readonly field: string; readonly range: Range }[];
    readonly residency?: string;
    readonly residencyProvenance?: Provenance;
    readonly features: readonly StoreFeature[];
    readonly backupIntervalMs?: number;
    /** The `backup` clause in full: where the backups are kept, whether they are locked, PITR, restore throughput. */
    readonly backup?: BackupM;
    readonly sizeBytes?: number;
    /** Declared `catch-up`: how fast a replication backlog drains after a heal, as written (writes/s or bytes/s). */
    readonly catchUp?: CatchUpM;
    /** A cache store's backing store (`caches`): redis and memcached only. */
    readonly caches?: CachesM;
    /** Queues and streams: `consumers idempotent` — redelivered messages do no harm (rule consumer-failover-duplicates). */
    readonly consumersIdempotent: boolean;
    /** Kafka: the declared MirrorMaker 2 checkpoint interval (`checkpoint every`), ms; absent: the 60 s default. */
    readonly checkpointMs?: number;
    readonly objective?: ObjectiveM;
    readonly source: Source;
}

/**
 * `backup every B [to R] [immutable] [pitr W] [restore T]`. Backups are copies outside the replication path: a
 * corruption replicates to every replica but not into a backup taken before it.
 */
export interface BackupM {
    readonly intervalMs: number;
    /** Where the backups are kept (`to`); absent: not stated. */
    readonly region?: string;
    /** Locked against deletion and change (a vault lock: docs/facts.md#backup-vault-lock). */
    readonly immutable: boolean;
    /** Point-in-time recovery window: a restore can reach any second within it (docs/facts.md#pitr-retention). */
    readonly pitrMs?: number;
    /** Declared restore throughput, bytes/s: no vendor documents one (docs/facts.md#restore-throughput). */
    readonly restoreBytesPerS?: number;
}

/** Exactly one of the two is set: no engine documents a store-level catch-up rate, so there is no default. */
export interface CachesM {
    /** Instance id of the store the cache is in front of. */
    readonly store: string;
    /** Share of reads the cache answers once warm (fraction). */
    readonly hitRate: number;
    /** Time a region's cache takes to reach the hit rate for users newly routed there (ms; 0 = kept warm). */
    readonly warmUpMs: number;
}

export interface CatchUpM {
    readonly writesPerS?: number;
    readonly bytesPerS?: number;
}

export interface ConsensusM {
    /** Spanner's default leader region, CockroachDB's home (primary) region: where writes are ordered. */
    readonly leader: string;
    readonly leaderProvenance: Provenance;
    /** CockroachDB only; other engines have none. */
    readonly locality?: Locality;
    readonly localityProvenance?: Provenance;
    /** Declared survival goal; absent: the voters are the `replicas` spread over the regions. */
    readonly survive?: SurvivalGoal;
}

export interface ServiceM {
    readonly kind: 'service';
    readonly id: string;
    readonly name: string;
    readonly cell?: string;
    readonly regions: readonly string[];
    /** Where traffic goes in normal operation for non-active-active postures (declared or the first region). */
    readonly primary?: string;
    readonly posture?: Posture;
    /** Share of the total load each region can absorb (fraction; 1 = 100 %). Absent when not declared. */
    readonly capacity?: Readonly<Record<string, number>>;
    /** The most capacity launch-capacity / scale-out can bring a region to (`quota`, a share); absent: no limit declared. */
    readonly quota?: number;
    /** Its clients' retry policy (`retries`); absent when not declared, which means no retries (never a default). */
    readonly retries?: RetriesM;
    /** Store instance ids the service reads and writes. */
    readonly uses: readonly string[];
    /** Store instance ids the service only reads. */
    readonly reads: readonly string[];
    readonly dependsOn: readonly string[];
    /** Provider-global services its requests call (`global-dependency`), each with the region it is homed in. */
    readonly globalDependencies: readonly GlobalDependencyM[];
    readonly objective?: ObjectiveM;
    readonly source: Source;
}

export interface RetriesM {
    /** Retries after the first attempt (0 = none): a request is tried at most `count + 1` times. */
    readonly count: number;
    /** Wait before the first retry (ms); absent when not declared. */
    readonly backoffMs?: number;
}

export interface GlobalDependencyM {
    readonly name: GlobalServiceName;
    /** The region whose impairment impairs it (docs/facts.md); absent for a data plane served from everywhere. */
    readonly home?: string;
    /** Where the name is written. */
    readonly range: Range;
}

export type Deployable = StoreM | ServiceM;
export interface TargetRef {
    readonly kind: 'store' | 'service';
    readonly id: string;
}

export type DetectionM =
    /**
     * `depth`: a `shallow` check asks whether the endpoint answers; a `deep` one also checks what the service
     * `uses` and `depends-on` in its region. Default `shallow` (what a Route 53 HTTP check does on its own).
     */
    | {
          readonly method: 'health-check';
          readonly intervalMs: number;
          readonly threshold: number;
          readonly timeoutMs: number;
          readonly depth: HealthCheckDepth;
          readonly provenance: Provenance;
      }
    | { readonly method: 'manual'; readonly delayMs?: number; readonly provenance: Provenance };

export type HealthCheckDepth = 'shallow' | 'deep';

export type RouteM =
    // ARC routing controls flip Route 53 health checks on DNS records, so clients wait out the TTL as with DNS (docs/facts.md#arc-routing-control).
    | {
          readonly method: 'dns' | 'arc-routing-control';
          readonly ttlMs?: number;
          readonly tailShare: number;
          readonly tailDelayMs: number;
          readonly providers: readonly string[];
      }
    | { readonly method: 'anycast' | 'global-accelerator' | 'router' }
    // An S3 Multi-Region Access Point: active-passive failover is a routing-status change that applies within a
    // documented bound; an active-active one redirects on its own, in no documented time (docs/facts.md#s3-mrap-failover-controls).
    | { readonly method: 's3-access-point' }
    | { readonly method: 'manual'; readonly delayMs?: number };

export interface ActionM {
    readonly kind: ActionKind;
    readonly target?: TargetRef;
    /** The region the action acts in (declared `in`, else the failover's destination). */
    readonly region?: string;
    readonly plane: Plane;
    /** The region whose control plane the action needs, when known. */
    readonly controlPlaneRegion?: string;
    readonly controlPlaneName?: string;
    readonly planeProvenance: Provenance;
    readonly durationMs?: number;
    readonly durationProvenance: Provenance;
    readonly source: Source;
}

export interface FailoverM {
    /** `failover:<target id>` plus `@cell` for per-cell expansions. */
    readonly id: string;
    readonly target: TargetRef;
    readonly cell?: string;
    /** The region the failover moves away from (declared, or the target's primary). */
    readonly from?: string;
    /** The region it moves to (declared, or the first other region of the target). */
    readonly to?: string;
    readonly detection: DetectionM;
    readonly route?: RouteM;
    readonly actions: readonly ActionM[];
    readonly drill?: { readonly intervalMs?: number; readonly never: boolean };
    /** Props: `detection`, `route`, `ttl`, `interval`, `threshold`, `drill`, `target`. */
    readonly source: Source;
}

export interface OriginShare {
    readonly region: string;
    readonly share: number;
}

export interface WorkloadM {
    readonly name: string;
    readonly target?: { readonly kind: 'store' | 'service'; readonly name: string };
    readonly writesPerS: number;
    readonly writeOrigins: readonly OriginShare[];
    readonly readsPerS: number;
    readonly readOrigins: readonly OriginShare[];
    readonly keys?: number;
    /** Fraction of keys written from several regions (the conflict exposure). */
    readonly sharedKeyShare: number;
    readonly itemSizeBytes?: number;
    readonly source: Source;
}

/** `durationMs` is +∞ for `destroy`: the region does not come back. */
export type FaultM = { readonly atMs: number; readonly durationMs: number; readonly source: Source } & (
    | { readonly kind: 'outage'; readonly region: string }
    | { readonly kind: 'destroy'; readonly region: string }
    /** A store's data is damaged once at `atMs` (durationMs 0); the damage replicates like a write, backups before it stay clean. */
    | { readonly kind: 'corrupt'; readonly store: string }
    | { readonly kind: 'partition'; readonly regions: readonly [string, string] }
    | { readonly kind: 'control-plane'; readonly region: string }
    | { readonly kind: 'lag-spike'; readonly store?: string; readonly lagMs: number }
    | {
          readonly kind: 'flap';
          readonly target?: TargetRef | { readonly kind: 'store' | 'service'; readonly name: string };
          readonly region: string;
          readonly periodMs?: number;
      }
    /** One service or store in one region answers `errorShare` of its requests with an error and adds latency; the region stays up. */
    | {
          readonly kind: 'degrade';
          readonly target: { readonly kind: 'store' | 'service'; readonly name: string };
          readonly region: string;
          readonly errorShare: number;
          readonly addedLatencyMs: number;
      }
    /** One service stops answering in one region; the region and everything else in it stay up. */
    | {
          readonly kind: 'fail';
          readonly target: { readonly kind: 'service'; readonly name: string };
          readonly region: string;
      }
);

export interface ExpectationM {
    readonly metric: Metric;
    /** write-latency only: the percentile over the run's writes (0.99 for p99). */
    readonly percentile?: number;
    /**
     * Any other metric: the share of a seed sweep's runs that must meet the clause (0.95 for `expect rto p95 …`).
     * Absent: every run must. A single run judges it on itself (see simulation/sweep-judge.ts).
     */
    readonly acrossSeeds?: number;
    readonly target?: { readonly kind: 'store' | 'service'; readonly name: string };
    readonly region?: string;
    readonly op: Comparison;
    /** Normalized: ms for times, fraction for availability/stale-reads, count for writes, USD/month for cost. */
    readonly value: number;
    readonly text: string;
    readonly source: Source;
}

export interface ScenarioM {
    readonly name: string;
    readonly workloads: readonly string[];
    readonly durationMs?: number;
    readonly resolutionMs?: number;
    readonly seed?: number;
    readonly faults: readonly FaultM[];
    readonly expectations: readonly ExpectationM[];
    readonly source: Source;
}

export type RttSource = 'same-region' | 'link' | 'table' | 'great-circle' | 'unknown';
export interface RttEstimate {
    readonly ms?: number;
    readonly source: RttSource;
    readonly distanceKm?: number;
    /** Human-readable provenance (facts section or the link's location). */
    readonly note: string;
}

export interface Model {
    /** The document the model was built for; declarations from imported files are included. */
    readonly uri: string;
    readonly topology?: TopologyM;
    readonly regions: ReadonlyMap<string, RegionM>;
    readonly links: readonly LinkM[];
    readonly cells: ReadonlyMap<string, CellM>;
    /** Store instances by id (per-cell declarations expanded to `name@cell`). */
    readonly stores: ReadonlyMap<string, StoreM>;
    readonly services: ReadonlyMap<string, ServiceM>;
    /** Instance ids of every declared store or service name (one id, or one per cell). */
    readonly instances: ReadonlyMap<string, readonly string[]>;
    readonly failovers: readonly FailoverM[];
    readonly workloads: ReadonlyMap<string, WorkloadM>;
    readonly scenarios: ReadonlyMap<string, ScenarioM>;
    // RTTs are derived from regions and links when asked for: `rttBetween` in latency.ts (a table of every pair
    // would be n² for n regions).
}

export interface BuildResult {
    readonly model: Model;
    readonly problems: readonly Problem[];
}
