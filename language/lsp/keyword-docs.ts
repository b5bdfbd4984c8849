// Documentation of every keyword of the grammar: the one source for keyword hover, completion details and
// docs/language-reference.md (scripts/generate-language-reference.mjs). A keyword that means different things
// in different places (`writes` in a store and in a workload) has one usage per meaning, chosen by the AST
// node that owns the keyword. Numbers come from the facts table (language/semantics/facts/defaults.ts), never
// from this file.
import { formatCount, formatDuration, formatPercent } from '../../format/quantities.js';
import {
    ACTIONS,
    ANYCAST,
    AURORA,
    CASSANDRA_LEVELS,
    COSMOS,
    CONSENSUS,
    DNS,
    ENGINES,
    HEALTH_CHECK,
    POSTURE,
    SELF_FAILOVER_ENGINES,
    THRESHOLDS,
} from '../semantics/facts/defaults.js';
import { GLOBAL_SERVICE_NAMES, GLOBAL_SERVICES } from '../semantics/facts/global-services.js';
import { AZURE_STORAGE, GCS, KAFKA_MM2, S3_MRAP } from '../semantics/facts/messaging-and-objects.js';
import { factRef } from '../semantics/facts/citation.js';
import type { Fact } from '../semantics/facts/fact.js';
import type { ActionKind, Engine, Posture } from '../semantics/model.js';
import type { UnitKind } from '../semantics/units.js';

export type SectionId = 'file' | 'regions' | 'stores' | 'services' | 'failovers' | 'workloads' | 'scenarios' | 'names';

export const SECTIONS: readonly { readonly id: SectionId; readonly title: string; readonly intro: string }[] = [
    {
        id: 'file',
        title: 'Files',
        intro: 'A file describes one system. It may import other files and starts with its topology.',
    },
    {
        id: 'regions',
        title: 'Regions, links and cells',
        intro: 'Where the system runs, how far apart its parts are, and how it is cut into cells.',
    },
    {
        id: 'stores',
        title: 'Stores',
        intro: 'Data stores: engine, placement, what they hold, who writes, replication, consistency and conflicts.',
    },
    {
        id: 'services',
        title: 'Services and objectives',
        intro: 'Services, their disaster-recovery posture, capacity, the stores they use and their objectives.',
    },
    {
        id: 'failovers',
        title: 'Failovers',
        intro: 'How a service or store moves away from a failed region: detection, routing, ordered actions and drills.',
    },
    {
        id: 'workloads',
        title: 'Workloads',
        intro: 'Traffic: write and read rates, where they come from, the key space and its conflict exposure.',
    },
    {
        id: 'scenarios',
        title: 'Scenarios',
        intro: 'Drills to simulate: a workload, timed faults and the expectations that make the run pass or fail.',
    },
    { id: 'names', title: 'Names', intro: 'Words accepted as names although the grammar knows them.' },
];

export interface KeywordUsage {
    /** AST node types that own the keyword's token when it has this meaning. */
    readonly in: readonly string[];
    readonly section: SectionId;
    /** One or two sentences; markdown allowed. */
    readonly summary: string;
    /** The unit family of the value that follows, when it is a quantity. */
    readonly unit?: UnitKind;
    readonly example: string;
}

/** The plain citation of a fact's entry in docs/facts.md. */
function cite(f: Fact<unknown>): string {
    return factRef(f.id);
}

function seconds(f: Fact<number>): string {
    return `${formatDuration(f.value)} (${cite(f)})`;
}

function engineDefaults(engine: Engine): string {
    const facts = ENGINES[engine];
    const parts: string[] = [];
    if (facts.replication)
        parts.push(
            `replication ${facts.replication.value}${facts.asyncLagMs ? ` with lag ${formatDuration(facts.asyncLagMs.value)}` : ''} (${cite(facts.replication)})`,
        );
    if (facts.consistency) parts.push(`consistency ${facts.consistency.value} (${cite(facts.consistency)})`);
    if (facts.conflicts) parts.push(`conflicts ${facts.conflicts.value} (${cite(facts.conflicts)})`);
    if (facts.writes) parts.push(`writes ${facts.writes.value} (${cite(facts.writes)})`);
    const selfFailover = SELF_FAILOVER_ENGINES.value.has(engine)
        ? ` Fails over by itself: \`action promote\` on it is data plane.`
        : '';
    return parts.length === 0
        ? ` No documented defaults: declare replication, consistency and conflicts.${selfFailover}`
        : ` Defaults when not declared: ${parts.join('; ')}.${selfFailover}`;
}

function actionFacts(kind: ActionKind): string {
    const f = ACTIONS[kind];
    const plane =
        f.plane.value === 'control-plane'
            ? `Control plane${f.controlPlaneName ? ` (${f.controlPlaneName})` : ''}`
            : 'Data plane';
    const duration = f.durationMs
        ? `, takes ${formatDuration(f.durationMs.value)} (${cite(f.durationMs)})`
        : ', no documented duration: say how long it `takes`';
    return ` ${plane} (${cite(f.plane)})${duration}.`;
}

/** "iam (us-east-1, docs/facts.md#…), …, route53 (global data plane, …)": every known name with its home. */
function globalServiceHomes(): string {
    return GLOBAL_SERVICE_NAMES.map((name) => {
        const home = GLOBAL_SERVICES[name].home;
        return `\`${name}\` (${home.value ?? 'global data plane, not homed'}, ${cite(home)})`;
    }).join(', ');
}

function postureFacts(p: Posture): string {
    const f = POSTURE[p];
    return ` Recovery takes at least ${formatDuration(f.minRtoMs.value)}; costs about ${f.costMultiplier.value}× a single region (${cite(f.minRtoMs)}, ${cite(f.costMultiplier)}).`;
}

const STORE = ['Store'];
const SERVICE = ['Service'];

function value(
    section: SectionId,
    owner: readonly string[],
    summary: string,
    example: string,
): readonly KeywordUsage[] {
    return [{ in: owner, section, summary, example }];
}

function engine(e: Engine, what: string): readonly KeywordUsage[] {
    return value('stores', ['EngineClause'], `${what}${engineDefaults(e)}`, `engine ${e}`);
}

function action(kind: ActionKind, what: string, example = `action ${kind}`): readonly KeywordUsage[] {
    return value('failovers', ['ActionClause'], `${what}${actionFacts(kind)}`, example);
}

function posture(p: Posture, what: string): readonly KeywordUsage[] {
    return value('services', ['PostureClause'], `${what}${postureFacts(p)}`, `posture ${p}`);
}

function crdt(name: string, what: string): readonly KeywordUsage[] {
    return value('stores', ['ConflictsClause'], `${what} (docs/facts.md#crdt-limits)`, `conflicts crdt ${name}`);
}

function metric(
    objective: string | undefined,
    expectation: string,
    unit: UnitKind,
    objectiveExample: string,
    expectationExample: string,
): readonly KeywordUsage[] {
    const usages: KeywordUsage[] = [];
    if (objective)
        usages.push({
            in: ['ObjectiveTerm'],
            section: 'services',
            summary: objective,
            unit,
            example: objectiveExample,
        });
    usages.push({ in: ['Expectation'], section: 'scenarios', summary: expectation, unit, example: expectationExample });
    return usages;
}

const COMPARISON = (meaning: string, op: string): readonly KeywordUsage[] =>
    value(
        'scenarios',
        ['Expectation'],
        `Comparison in an expectation: the simulated value must be ${meaning} the given value.`,
        `expect rto ${op} 5m`,
    );

export const KEYWORD_DOCS: Readonly<Record<string, readonly KeywordUsage[]>> = {
    // ------------------------------------------------------------------ files
    import: value(
        'file',
        ['Import'],
        'Makes the declarations of another .mregion file visible here. The path is relative to this file; imports are transitive.',
        'import "regions.mregion"',
    ),
    topology: value(
        'file',
        ['Topology'],
        'Names the system this file describes, with an optional description. One per file, before the declarations; required when the file declares services or scenarios.',
        'topology Fintech "EU/US payments"',
    ),

    // ------------------------------------------------------------------ regions, links, cells
    region: [
        {
            in: ['Region'],
            section: 'regions',
            summary:
                'Declares a region the system runs in. Known cloud region codes (docs/facts.md#aws-region-jurisdictions) bring their provider, jurisdiction and location; other names must declare them.',
            example: 'region eu-west-1 { provider aws  jurisdiction EU }',
        },
        {
            in: ['CapacityClause'],
            section: 'services',
            summary:
                '`capacity N% per region`: every region of the service can absorb the same share of the total load.',
            example: 'capacity 100% per region',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: '`outage region R`, `destroy region R`: optional word before the region that goes down.',
            example: 'at 10m outage region us-east-1 for 1h',
        },
        {
            in: ['SurviveClause'],
            section: 'stores',
            summary: `\`survive region\`: ${CONSENSUS.regionSurvivalVoters.value} voters, ${CONSENSUS.regionSurvivalHomeVoters.value} in the leader's region, the rest over the others; needs ${CONSENSUS.minRegionsForRegionSurvival.value} regions and makes every write wait for another region (docs/facts.md#cockroachdb-multi-region).`,
            example: 'survive region',
        },
    ],
    provider: value(
        'regions',
        ['ProviderClause'],
        'The cloud the region belongs to. Decides which control planes and defaults apply.',
        'provider aws',
    ),
    aws: value('regions', ['ProviderClause'], 'Amazon Web Services.', 'provider aws'),
    gcp: value('regions', ['ProviderClause'], 'Google Cloud.', 'provider gcp'),
    azure: value('regions', ['ProviderClause'], 'Microsoft Azure.', 'provider azure'),
    cloudflare: value(
        'regions',
        ['ProviderClause'],
        'Cloudflare: an edge location (anycast, Workers KV, Durable Objects).',
        'provider cloudflare',
    ),
    'on-prem': value(
        'regions',
        ['ProviderClause'],
        'Your own data centre: no cloud defaults apply.',
        'provider on-prem',
    ),
    jurisdiction: value(
        'regions',
        ['JurisdictionClause'],
        "The legal jurisdiction of the region (EU, US, UK, IN, …); residency rules compare it with the data's residency. Known AWS regions default to docs/facts.md#aws-region-jurisdictions.",
        'jurisdiction EU',
    ),
    location: [
        {
            in: ['LocationClause'],
            section: 'regions',
            summary:
                'Latitude and longitude of the region in degrees. Used for great-circle RTT estimates (max(2 ms, 1.6 ms per 100 km), docs/facts.md#rtt-from-distance) and distance limits when nothing was measured.',
            unit: 'number',
            example: 'location 48.8566, 2.3522',
        },
    ],
    city: value(
        'regions',
        ['CityClause'],
        'The city the region is in, for people reading the design and reports.',
        'city "Paris"',
    ),
    link: value(
        'regions',
        ['Link'],
        "Measured facts about the path between two regions. A link's `rtt` wins over the built-in table (docs/facts.md#cloudping-rtt-matrix) and over distance estimates; its `egress` price wins over docs/facts.md#aws-inter-region-transfer-price.",
        'link eu-west-1 <-> us-east-1 { rtt 76ms  egress $0.02/GB }',
    ),
    '<->': [
        {
            in: ['Link'],
            section: 'regions',
            summary: 'Joins the two regions of a link (the path works both ways).',
            example: 'link eu-west-1 <-> us-east-1 { rtt 76ms }',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: 'Separates the two sides of a network partition.',
            example: 'at 10m partition eu-west-1 <-> us-east-1 for 5m',
        },
    ],
    rtt: [
        {
            in: ['RttClause'],
            section: 'regions',
            summary:
                'Measured round-trip time between the two regions of the link; overrides the built-in table (docs/facts.md#cloudping-rtt-matrix).',
            unit: 'duration',
            example: 'rtt 76ms',
        },
    ],
    egress: [
        {
            in: ['EgressClause'],
            section: 'regions',
            summary:
                'Price of sending one GB between the two regions; overrides docs/facts.md#aws-inter-region-transfer-price. Used by the monthly egress estimate.',
            unit: 'price',
            example: 'egress $0.02/GB',
        },
    ],
    cell: [
        {
            in: ['Cell'],
            section: 'regions',
            summary:
                'A self-contained shard (a Shopify pod, a jurisdiction shard): its own regions and residency. Stores and services declared `per cell` get one instance in each cell.',
            example: 'cell eu { regions eu-west-1, eu-central-1  residency EU }',
        },
        {
            in: ['Store', 'Service'],
            section: 'stores',
            summary: "`per cell`: one instance in every cell, in the cell's regions, keeping the cell's blast radius.",
            example: 'store ledger per cell { … }',
        },
    ],
    regions: value(
        'regions',
        ['RegionsClause'],
        'The regions a cell, store or service runs in (a store has a replica in each).',
        'regions eu-west-1, eu-central-1',
    ),
    residency: value(
        'regions',
        ['ResidencyClause'],
        "The jurisdiction data must stay in. A cell's residency applies to every per-cell store in it; replicas or writers elsewhere are flagged.",
        'residency EU',
    ),

    // ------------------------------------------------------------------ stores
    store: value(
        'stores',
        STORE,
        'Declares a data store: its engine, where its replicas are, what it holds, who writes, how it replicates and resolves conflicts.',
        'store sessions { engine dynamodb … }',
    ),
    per: [
        {
            in: ['Store', 'Service'],
            section: 'stores',
            summary: '`per cell`: one instance in every cell.',
            example: 'service payments per cell { … }',
        },
        {
            in: ['CapacityClause'],
            section: 'services',
            summary: '`per region`: the same capacity in every region.',
            example: 'capacity 50% per region',
        },
    ],
    engine: value(
        'stores',
        ['EngineClause'],
        'The database or storage product. Engines bring documented defaults for replication, consistency and conflicts (the engine entries of docs/facts.md); the replication default is for copies in other regions, so a store in one region replicates nowhere (`replication none`).',
        'engine cockroachdb',
    ),
    dynamodb: engine(
        'dynamodb',
        'Amazon DynamoDB global tables (MREC by default; `replication sync` for MRSC, exactly three regions of one set, docs/facts.md#dynamodb-mrsc-region-sets).',
    ),
    aurora: engine(
        'aurora',
        `Amazon Aurora Global Database: one writer region, up to ${AURORA.maxSecondaries.value} read-only secondaries, managed failover in about ${formatDuration(AURORA.managedFailoverMs.value)} (${cite(AURORA.managedFailoverMs)}).`,
    ),
    spanner: engine(
        'spanner',
        'Google Cloud Spanner: Paxos-replicated, externally consistent; writes pay at least the RTT to the nearest other voting region (docs/facts.md#spanner-multi-region).',
    ),
    cockroachdb: engine(
        'cockroachdb',
        `CockroachDB: Raft per range; the REGION survival goal needs at least ${CONSENSUS.minRegionsForRegionSurvival.value} regions (${cite(CONSENSUS.minRegionsForRegionSurvival)}).`,
    ),
    cosmosdb: engine(
        'cosmosdb',
        `Azure Cosmos DB: five consistency levels; strong is blocked across regions more than ${formatCount(COSMOS.strongMaxDistanceKm.value)} km apart (${cite(COSMOS.strongMaxDistanceKm)}).`,
    ),
    cassandra: engine(
        'cassandra',
        "Apache Cassandra with asynchronous multi-region replication (the seed's Netflix design).",
    ),
    postgres: engine('postgres', 'PostgreSQL with streaming replication.'),
    mysql: engine('mysql', 'MySQL with replication.'),
    redis: engine('redis', 'Redis.'),
    memcached: engine('memcached', "Memcached (EVCache in the seed's Netflix design)."),
    s3: engine(
        's3',
        `Amazon S3 with cross-region replication: no timing guarantee without Replication Time Control, and with it 99.99 % of objects within 15 m — a percentile with no median documented, so declare \`replication async lag 15m\` and the simulation delays every object by it (its stranded counts are upper bounds) (${factRef('s3-cross-region-replication')}). A service reaching its buckets through a Multi-Region Access Point fails over with \`route s3-access-point\`.`,
    ),
    gcs: engine(
        'gcs',
        `Google Cloud Storage dual-region bucket: RPO at most ${formatDuration(GCS.defaultRpoMs.value)} with default replication (99.9 % of new objects across within ${formatDuration(GCS.defaultTypicalLagMs.value)} — a percentile, no median documented; the simulation delays every object by it, so its stranded counts are upper bounds, ${cite(GCS.defaultRpoMs)}), at most ${formatDuration(GCS.turboRpoMs.value)} with \`features turbo-replication\` (${cite(GCS.turboRpoMs)}); RTO 0 — the bucket serves what was replicated from the surviving region by itself.`,
    ),
    'azure-blob': engine(
        'azure-blob',
        `Azure Blob Storage in a geo-redundant account (GRS, GZRS, RA-GRS, RA-GZRS): account failover typically about ${formatDuration(AZURE_STORAGE.accountFailoverMs.value)} (${cite(AZURE_STORAGE.accountFailoverMs)}), started by you (\`action promote\`); RPO typically under ${formatDuration(AZURE_STORAGE.typicalLagMs.value)}, with no SLA and so no bound (${cite(AZURE_STORAGE.typicalLagMs)}).`,
    ),
    kafka: engine(
        'kafka',
        `Apache Kafka mirrored between regions by MirrorMaker 2: a consumer group that fails over resumes from the last offset checkpoint, every ${formatDuration(KAFKA_MM2.checkpointIntervalMs.value)} by default (${cite(KAFKA_MM2.checkpointIntervalMs)}), and is delivered again what it consumed since — declare \`consumers idempotent\` once consumers deduplicate. No replication lag is documented: declare \`replication async lag …\`.`,
    ),
    kinesis: engine(
        'kinesis',
        'Amazon Kinesis Data Streams: no cross-region replication — the records in a failed region are stranded there until it returns (docs/facts.md#kinesis-single-region).',
    ),
    sqs: engine(
        'sqs',
        'Amazon SQS: no cross-region replication — a queue and its messages live in one region and are stranded there while it is down (docs/facts.md#sqs-single-region).',
    ),
    'durable-object': engine(
        'durable-object',
        'Cloudflare Durable Objects: one owner location per object id, single-threaded.',
    ),
    'workers-kv': engine(
        'workers-kv',
        'Cloudflare Workers KV: eventually consistent key-value store, last writer wins.',
    ),
    custom: engine('custom', 'Any other store.'),
    replicas: [
        {
            in: ['ReplicasClause'],
            section: 'stores',
            summary:
                'Number of data replicas (default: one per region). With `witness`, decides the consensus majority.',
            unit: 'count',
            example: 'replicas 2',
        },
    ],
    witness: value(
        'stores',
        ['WitnessClause'],
        'A voting replica that holds no data (a tie-breaker for consensus), in the named region.',
        'witness us-west-2',
    ),
    holds: value(
        'stores',
        ['HoldsClause'],
        'What the store holds (shared, per-user, per-tenant, reference data) and its shape (rows, counter, set, register, document, sequence, blob). Rules about conflicts depend on both.',
        'holds shared counter',
    ),
    shared: [
        {
            in: ['HoldsClause'],
            section: 'stores',
            summary:
                'Data every region may touch (a global counter, an account row): concurrent writes in two regions conflict.',
            example: 'holds shared rows',
        },
        {
            in: ['KeysClause'],
            section: 'workloads',
            summary: '`shared N%`: the share of keys written from several regions, the conflict exposure.',
            unit: 'percent',
            example: 'keys 1000000 shared 1%',
        },
    ],
    'per-user': value(
        'stores',
        ['HoldsClause'],
        "Data owned by one user, usually written from the user's home region.",
        'holds per-user register',
    ),
    'per-tenant': value(
        'stores',
        ['HoldsClause'],
        'Data owned by one tenant (a shop, a room).',
        'holds per-tenant document',
    ),
    reference: value(
        'stores',
        ['HoldsClause'],
        'Rarely changing reference data (configuration, catalogues) read everywhere.',
        'holds reference document',
    ),
    rows: value('stores', ['HoldsClause'], 'Shape: relational rows or items.', 'holds shared rows'),
    counter: value(
        'stores',
        ['HoldsClause'],
        'Shape: a number that is incremented or decremented (fits g-counter, pn-counter, bounded-counter).',
        'holds shared counter',
    ),
    set: value(
        'stores',
        ['HoldsClause'],
        'Shape: a collection of distinct elements (fits g-set, two-phase-set, or-set).',
        'holds per-user set',
    ),
    register: value(
        'stores',
        ['HoldsClause'],
        'Shape: a single value that is overwritten (fits lww-register, mv-register).',
        'holds per-user register',
    ),
    document: value('stores', ['HoldsClause'], 'Shape: a nested document (fits or-map).', 'holds per-tenant document'),
    sequence: value('stores', ['HoldsClause'], 'Shape: an ordered list or text (fits rga).', 'holds shared sequence'),
    blob: value('stores', ['HoldsClause'], 'Shape: an opaque object, replaced whole.', 'holds reference blob'),
    writes: [
        {
            in: ['WritesClause'],
            section: 'stores',
            summary:
                "Who may write: `any-region`, `home-region` (each key in its owner's region) or `primary <region>`.",
            example: 'writes home-region',
        },
        {
            in: ['WriteRateClause'],
            section: 'workloads',
            summary:
                'Write rate of the workload, optionally split by origin region (`from r1 60%, r2 40%`; shares add up to 100%).',
            unit: 'rate',
            example: 'writes 2000/s from eu-west-1 50%, us-east-1 50%',
        },
    ],
    'any-region': value(
        'stores',
        ['WritesClause'],
        'Every replica accepts writes: concurrent writes to one key in two regions must be resolved by `conflicts`.',
        'writes any-region',
    ),
    'home-region': value(
        'stores',
        ['WritesClause'],
        "Each key is written only in its home region; the failover must say where a home region's users write while it is down.",
        'writes home-region',
    ),
    primary: [
        {
            in: ['WritesClause'],
            section: 'stores',
            summary: '`primary <region>`: one writer region (default: the first region); the others are read replicas.',
            example: 'writes primary us-east-1',
        },
        {
            in: ['PrimaryClause'],
            section: 'services',
            summary: 'The region that serves traffic in normal operation (default: the first region).',
            example: 'primary us-east-1',
        },
    ],
    replication: value(
        'stores',
        ['ReplicationClause'],
        'How writes reach the other replicas: `sync`, `async lag T`, `consensus [quorum N]` or `none`.',
        'replication async lag 1s',
    ),
    sync: value(
        'stores',
        ['ReplicationClause'],
        'Synchronous replication: a write returns after another region has it (RPO 0; every write pays a round trip).',
        'replication sync',
    ),
    async: value(
        'stores',
        ['ReplicationClause'],
        'Asynchronous replication: writes return locally and reach other regions after the lag; an unplanned failover loses up to the lag (RPO ≈ lag).',
        'replication async lag 1s',
    ),
    lag: [
        {
            in: ['ReplicationClause'],
            section: 'stores',
            summary:
                'Typical replication lag of async replication; the RPO of an unplanned failover (a declared lag is one figure; an engine default is typical, not a bound).',
            unit: 'duration',
            example: 'replication async lag 1s',
        },
    ],
    consensus: [
        {
            in: ['ReplicationClause'],
            section: 'stores',
            summary:
                'Consensus replication (Raft/Paxos): a write commits when a majority of voting replicas have it; survives losing a minority.',
            example: 'replication consensus quorum 2',
        },
        {
            in: ['ConflictsClause'],
            section: 'stores',
            summary: 'Conflicts cannot happen: consensus orders every write.',
            example: 'conflicts consensus',
        },
    ],
    leader: value(
        'stores',
        ['LeaderClause'],
        "Where a consensus store orders its writes: Spanner's default leader region, CockroachDB's home (primary) region. A write from another region pays its round trip to the leader plus the leader's quorum round trip (docs/facts.md#cockroachdb-multi-region). Default: the first region, with a warning.",
        'leader us-east-1',
    ),
    locality: value(
        'stores',
        ['LocalityClause'],
        `CockroachDB table locality: \`regional-by-table\` (the default, homed in the leader's region), \`regional-by-row\` (each row homed where it is written) or \`global\` (reads local everywhere, writes wait out the ${CONSENSUS.maxClockOffsetMs.value} ms max clock offset), docs/facts.md#cockroachdb-multi-region.`,
        'locality regional-by-row',
    ),
    'regional-by-table': value(
        'stores',
        ['LocalityClause'],
        'CockroachDB default: the table lives in its home region (the leader); writes from elsewhere travel there (docs/facts.md#cockroachdb-multi-region).',
        'locality regional-by-table',
    ),
    'regional-by-row': value(
        'stores',
        ['LocalityClause'],
        'CockroachDB: each row is homed in the region that writes it, so writes from a store region reach a local leaseholder (docs/facts.md#cockroachdb-multi-region).',
        'locality regional-by-row',
    ),
    global: value(
        'stores',
        ['LocalityClause'],
        `CockroachDB GLOBAL table: up-to-date reads in every region, writes wait out the max clock offset (${CONSENSUS.maxClockOffsetMs.value} ms recommended), docs/facts.md#cockroachdb-multi-region.`,
        'locality global',
    ),
    survive: value(
        'stores',
        ['SurviveClause'],
        `Consensus survival goal: \`zone\` keeps ${CONSENSUS.zoneSurvivalVoters.value} voters in the leader's region (CockroachDB's default; a region outage stops writes), \`region\` places ${CONSENSUS.regionSurvivalVoters.value} voters so a region can fail (docs/facts.md#cockroachdb-multi-region). Not declared: the \`replicas\` spread over the regions.`,
        'survive region',
    ),
    zone: value(
        'stores',
        ['SurviveClause'],
        `\`survive zone\`: all ${CONSENSUS.zoneSurvivalVoters.value} voters in the leader's region — writes stay local but stop when that region fails (docs/facts.md#cockroachdb-multi-region).`,
        'survive zone',
    ),
    quorum: [
        {
            in: ['ReplicationClause'],
            section: 'stores',
            summary: 'Votes needed to commit (default: a majority of replicas plus witness).',
            unit: 'count',
            example: 'replication consensus quorum 2',
        },
        {
            in: ['ConsistencyLevelClause'],
            section: 'stores',
            summary: `Cassandra QUORUM: a majority of the replicas across all datacenters (replication ${CASSANDRA_LEVELS.quorum.value}, ${cite(CASSANDRA_LEVELS.quorum)}).`,
            example: 'consistency-level quorum',
        },
    ],
    'consistency-level': value(
        'stores',
        ['ConsistencyLevelClause'],
        `Cassandra only: the consistency level of the store's writes, which sets its replication across datacenters (${cite(CASSANDRA_LEVELS['each-quorum'])}): \`local-quorum\` (default, async), \`local-serial\` (async), \`each-quorum\` (sync to every datacenter), \`quorum\` or \`serial\` (consensus across datacenters).`,
        'consistency-level each-quorum',
    ),
    'local-quorum': value(
        'stores',
        ['ConsistencyLevelClause'],
        `Cassandra LOCAL_QUORUM: a quorum in the local datacenter; other datacenters get the write asynchronously (${cite(CASSANDRA_LEVELS['local-quorum'])}). The default.`,
        'consistency-level local-quorum',
    ),
    'each-quorum': value(
        'stores',
        ['ConsistencyLevelClause'],
        `Cassandra EACH_QUORUM: a quorum in every datacenter before the write returns — synchronous, paced by the farthest datacenter (${cite(CASSANDRA_LEVELS['each-quorum'])}).`,
        'consistency-level each-quorum',
    ),
    serial: value(
        'stores',
        ['ConsistencyLevelClause'],
        `Cassandra SERIAL: lightweight transactions run Paxos across datacenters (consensus, ${cite(CASSANDRA_LEVELS.serial)}); the estimate counts one quorum round trip, a lower bound.`,
        'consistency-level serial',
    ),
    'local-serial': value(
        'stores',
        ['ConsistencyLevelClause'],
        `Cassandra LOCAL_SERIAL: Paxos within the local datacenter; others get the write asynchronously (${cite(CASSANDRA_LEVELS['local-serial'])}).`,
        'consistency-level local-serial',
    ),
    none: value('stores', ['ReplicationClause'], 'No replication: one copy.', 'replication none'),
    consistency: value(
        'stores',
        ['ConsistencyClause'],
        'What readers may see: `strong`, `bounded-staleness`, `session`, `consistent-prefix` or `eventual` (docs/facts.md#cosmos-consistency-levels).',
        'consistency strong',
    ),
    strong: value(
        'stores',
        ['ConsistencyClause'],
        'Linearizable reads: always the latest committed write. Needs synchronous or consensus replication across regions.',
        'consistency strong',
    ),
    'bounded-staleness': value(
        'stores',
        ['ConsistencyClause'],
        `Reads lag by at most K versions or T time. Cosmos DB minimums across regions: K = ${formatCount(COSMOS.boundedStalenessMultiRegion.value.versions)}, T = ${formatDuration(COSMOS.boundedStalenessMultiRegion.value.lagMs)} (${cite(COSMOS.boundedStalenessMultiRegion)}). Beyond the bound Cosmos DB throttles the write region's writes, and the simulation refuses them (docs/facts.md#cosmos-bounded-staleness-throttling).`,
        'consistency bounded-staleness versions 100000 time 300s',
    ),
    versions: [
        {
            in: ['ConsistencyClause'],
            section: 'stores',
            summary: 'Bounded staleness: at most K versions behind.',
            unit: 'count',
            example: 'consistency bounded-staleness versions 100000',
        },
    ],
    time: [
        {
            in: ['ConsistencyClause'],
            section: 'stores',
            summary: 'Bounded staleness: at most T behind.',
            unit: 'duration',
            example: 'consistency bounded-staleness time 300s',
        },
    ],
    session: value(
        'stores',
        ['ConsistencyClause'],
        'Read-your-writes and write-follows-reads within a session (docs/facts.md#cosmos-consistency-levels).',
        'consistency session',
    ),
    'consistent-prefix': value(
        'stores',
        ['ConsistencyClause'],
        "No partial or out-of-order views of a transaction's writes (docs/facts.md#cosmos-consistency-levels).",
        'consistency consistent-prefix',
    ),
    eventual: value(
        'stores',
        ['ConsistencyClause'],
        'No ordering guarantee; replicas converge eventually (docs/facts.md#cosmos-consistency-levels).',
        'consistency eventual',
    ),
    conflicts: value(
        'stores',
        ['ConflictsClause'],
        'How concurrent writes to one key in different regions are resolved: `lww`, `crdt <type>`, `vector-clocks`, `consensus`, `reject` or `single-owner`.',
        'conflicts crdt or-set',
    ),
    lww: value(
        'stores',
        ['ConflictsClause'],
        'Last writer wins: the concurrent write with the older timestamp is discarded silently (DynamoDB MREC logs nothing, docs/facts.md#dynamodb-mrec).',
        'conflicts lww',
    ),
    crdt: value(
        'stores',
        ['ConflictsClause'],
        'A conflict-free replicated data type merges concurrent writes; it must fit the declared shape and cannot keep uniqueness or non-negativity (docs/facts.md#crdt-limits).',
        'conflicts crdt pn-counter',
    ),
    'vector-clocks': value(
        'stores',
        ['ConflictsClause'],
        'Concurrent writes are detected and kept as siblings for the application to merge.',
        'conflicts vector-clocks',
    ),
    reject: value(
        'stores',
        ['ConflictsClause'],
        'A conflicting write fails with a retryable error instead of vanishing (DynamoDB MRSC, docs/facts.md#dynamodb-mrsc-region-sets).',
        'conflicts reject',
    ),
    'single-owner': value(
        'stores',
        ['ConflictsClause'],
        'Each key has exactly one writer, so nothing conflicts (Durable Objects, a single primary).',
        'conflicts single-owner',
    ),
    'g-counter': crdt('g-counter', 'Grow-only counter: increments only; merge takes the element-wise maximum'),
    'pn-counter': crdt('pn-counter', 'Counter up and down; can go below any bound'),
    'bounded-counter': crdt(
        'bounded-counter',
        'Counter with escrow: keeps a lower bound (balance ≥ 0) by reserving rights per region',
    ),
    'g-set': crdt('g-set', 'Grow-only set: elements are never removed'),
    'two-phase-set': crdt('two-phase-set', 'Add and remove once: a removed element cannot be re-added'),
    'or-set': crdt('or-set', 'Observed-remove set, add wins: sets with re-adds (carts, tags, membership)'),
    'lww-register': crdt(
        'lww-register',
        'A single field where losing a concurrent write is acceptable; clock skew silently drops writes',
    ),
    'mv-register': crdt('mv-register', 'A single field whose concurrent values go to the application to merge'),
    rga: crdt('rga', 'Replicated growable array: ordered lists and collaborative text'),
    'or-map': crdt('or-map', 'Map of CRDTs with observed-remove keys: nested documents'),
    invariant: value(
        'stores',
        ['InvariantClause'],
        'A property that must always hold: `unique <field>`, `non-negative <field>` or `references <field>`. No CRDT keeps these without coordination (docs/facts.md#crdt-limits).',
        'invariant non-negative balance',
    ),
    unique: value(
        'stores',
        ['InvariantClause'],
        "No two items share the field's value (an account id, a seat).",
        'invariant unique account_id',
    ),
    'non-negative': value(
        'stores',
        ['InvariantClause'],
        'The field never goes below zero (a balance, a stock count).',
        'invariant non-negative stock',
    ),
    references: value(
        'stores',
        ['InvariantClause'],
        'The field points at an item that exists (referential integrity under concurrent delete).',
        'invariant references owner_id',
    ),
    features: value(
        'stores',
        ['FeaturesClause'],
        'Engine features the design uses; some are not available in every mode (DynamoDB MRSC supports no TTL, local secondary indexes or transactions, docs/facts.md#dynamodb-mrsc-unsupported-features).',
        'features ttl, streams',
    ),
    ttl: [
        {
            in: ['FeaturesClause'],
            section: 'stores',
            summary: 'Items expire after a time to live.',
            example: 'features ttl',
        },
        {
            in: ['RouteClause'],
            section: 'failovers',
            summary: `DNS time to live of the failover records (\`dns\` and \`arc-routing-control\`): a client's cached answer expires 0 to this long after the change (half of it typically), so it spans the routing part of the failover-time range. Keep it at or below ${formatDuration(DNS.failoverTtlMaxMs.value)} (${cite(DNS.failoverTtlMaxMs)}).`,
            unit: 'duration',
            example: 'route dns ttl 60s',
        },
    ],
    'local-secondary-index': value(
        'stores',
        ['FeaturesClause'],
        'DynamoDB local secondary indexes.',
        'features local-secondary-index',
    ),
    transactions: value(
        'stores',
        ['FeaturesClause'],
        'Multi-item transactions (in DynamoDB global tables atomic only in the invoking region, docs/facts.md#dynamodb-mrec).',
        'features transactions',
    ),
    streams: value('stores', ['FeaturesClause'], 'Change streams.', 'features streams'),
    'turbo-replication': value(
        'stores',
        ['FeaturesClause'],
        `Cloud Storage turbo replication (dual-region buckets only): every new object in both regions within a ${formatDuration(GCS.turboRpoMs.value)} RPO, a bound (${cite(GCS.turboRpoMs)}); default replication's bound is ${formatDuration(GCS.defaultRpoMs.value)}.`,
        'features turbo-replication',
    ),
    consumers: value(
        'stores',
        ['ConsumersClause'],
        `Queues and streams (kafka, kinesis, sqs): \`consumers idempotent\` says the consumers deduplicate what is delivered again — after a Kafka failover, up to a checkpoint interval of messages (${formatDuration(KAFKA_MM2.checkpointIntervalMs.value)} by default, ${cite(KAFKA_MM2.checkpointIntervalMs)}).`,
        'consumers idempotent',
    ),
    checkpoint: [
        {
            in: ['CheckpointClause'],
            section: 'stores',
            summary: `Kafka only: how often MirrorMaker 2 checkpoints consumer-group offsets to the other cluster (\`emit.checkpoints.interval.seconds\`), where the design changes the ${formatDuration(KAFKA_MM2.checkpointIntervalMs.value)} default (${cite(KAFKA_MM2.checkpointIntervalMs)}). A consumer that fails over resumes from a checkpoint up to this old, so it is delivered again up to this much of what it consumed.`,
            unit: 'duration',
            example: 'checkpoint every 10s',
        },
    ],
    idempotent: value(
        'stores',
        ['ConsumersClause'],
        'Processing a message twice has the effect of processing it once (the consumer deduplicates on a message key), so redelivery after a failover is harmless.',
        'consumers idempotent',
    ),
    backup: [
        {
            in: ['BackupClause'],
            section: 'stores',
            summary: `\`backup every T [to R] [immutable] [pitr W] [restore X]\`: copies outside the replication path. Without replication the RPO of a region loss is 0 to the backup interval (half of it typically); a corruption replicates to every replica, and only a backup taken before it is clean (${factRef('corruption-replicates')}).`,
            unit: 'duration',
            example: 'backup every 1h to us-west-2 immutable pitr 35d restore 500MB/s',
        },
    ],
    immutable: value(
        'stores',
        ['BackupClause'],
        `The backups are locked: nobody can delete them or shorten their retention, not even whoever can write to the store (${factRef('backup-vault-lock')}).`,
        'backup every 1h to us-west-2 immutable',
    ),
    pitr: [
        {
            in: ['BackupClause'],
            section: 'stores',
            summary: `Point-in-time recovery window: a restore can reach any second within it, so a corruption costs seconds of writes instead of up to a backup interval. At most 35 d on DynamoDB and Aurora, 7 d on Spanner, 30 d on Cosmos DB (${factRef('pitr-retention')}).`,
            unit: 'duration',
            example: 'backup every 1d pitr 35d',
        },
    ],
    restore: [
        {
            in: ['BackupClause'],
            section: 'stores',
            summary: `Restore throughput from the backup: a restore takes the store's \`size\` ÷ this. No vendor documents a figure (${factRef('restore-throughput')}), so without it the restore time after a corruption is unknown.`,
            unit: 'throughput',
            example: 'backup every 1h restore 500MB/s',
        },
    ],
    size: [
        {
            in: ['SizeClause'],
            section: 'stores',
            summary: 'Amount of data the store holds (a restore of it takes size ÷ restore throughput).',
            unit: 'size',
            example: 'size 5TB',
        },
        {
            in: ['ActionClause'],
            section: 'failovers',
            summary: "Amount of data a `restore-backup` restores (default: the store's `size`).",
            unit: 'size',
            example: 'action restore-backup orders-db size 2TB throughput 500MB/s',
        },
    ],
    'catch-up': [
        {
            in: ['CatchUpClause'],
            section: 'stores',
            summary: `How fast an asynchronous store's replication backlog drains once a partition or outage heals, in writes per second (\`5000/s\`) or as a throughput (\`50MB/s\`, turned into writes by the workloads' \`item-size\`). Writes keep arriving during the drain, so a backlog B drains in B ÷ (rate − write rate). No engine documents a store-level figure (${factRef('catch-up-rate')}), so without it the simulation delivers the backlog at once and reports the drain time as a lower bound.`,
            unit: 'rate',
            example: 'catch-up 5000/s',
        },
    ],
    throughput: [
        {
            in: ['ActionClause'],
            section: 'failovers',
            summary:
                'Restore throughput of a `restore-backup`: the restore takes size ÷ throughput. No vendor documents a figure, so it is declared (or the action says how long it `takes`).',
            unit: 'throughput',
            example: 'action restore-backup orders-db throughput 500MB/s',
        },
    ],

    // ------------------------------------------------------------------ services and objectives
    service: value(
        'services',
        SERVICE,
        'Declares a service: its regions, disaster-recovery posture, capacity per region, the stores it uses and its objectives.',
        'service payments per cell { … }',
    ),
    posture: value(
        'services',
        ['PostureClause'],
        'Disaster-recovery strategy (AWS DR tiers, docs/facts.md#dr-strategy-recovery-time): `active-active`, `active-passive`, `warm-standby`, `pilot-light` or `backup-restore`.',
        'posture warm-standby',
    ),
    'active-active': posture('active-active', 'Every region serves traffic all the time.'),
    'active-passive': posture('active-passive', 'A live standby region takes over from the primary.'),
    'warm-standby': posture('warm-standby', 'A scaled-down copy runs in the standby region and scales up on failover.'),
    'pilot-light': posture('pilot-light', 'Data is replicated; compute is launched on failover.'),
    'backup-restore': posture('backup-restore', 'Everything is restored from backups on failover.'),
    capacity: [
        {
            in: ['CapacityClause'],
            section: 'services',
            summary:
                'How much of the total load each region can absorb: `N% per region` or per region (`us-east-1 100%, us-west-2 50%`). After losing the largest region the rest must still carry 100%.',
            unit: 'percent',
            example: 'capacity 100% per region',
        },
    ],
    quota: [
        {
            in: ['QuotaClause'],
            section: 'services',
            summary:
                "The most capacity `launch-capacity` or `scale-out` can bring a region to — the account's limit — as a share of the total load, the unit of `capacity` (the language has no instance size to turn a count of instances into load). Without it the action brings the region to 100%.",
            unit: 'percent',
            example: 'quota 80%',
        },
    ],
    caches: [
        {
            in: ['CachesClause'],
            section: 'stores',
            summary:
                'On a cache (engine redis or memcached): the store it is in front of, the share of reads it answers once warm (`hit-rate`) and its `warm-up`. Users routed to a region after a failover find its cache cold for their keys, so the backing store first sees all their reads (docs/facts.md#cold-cache). Neither figure has a default.',
            example: 'caches orders hit-rate 95% warm-up 10m',
        },
    ],
    'hit-rate': [
        {
            in: ['CachesClause'],
            section: 'stores',
            summary: 'Share of reads the cache answers once warm; the misses go to the backing store.',
            unit: 'percent',
            example: 'caches orders hit-rate 95% warm-up 10m',
        },
    ],
    'warm-up': [
        {
            in: ['CachesClause'],
            section: 'stores',
            summary:
                "Time a region's cache takes to reach its hit rate for users newly routed there (a linear ramp from 0, docs/facts.md#cold-cache); `0s` for a cache kept warm.",
            unit: 'duration',
            example: 'caches orders hit-rate 95% warm-up 10m',
        },
    ],
    retries: [
        {
            in: ['RetriesClause'],
            section: 'services',
            summary:
                "How many times the service's clients try a failed request again (0 = never). While a region's requests fail — over its capacity, or under a `degrade` — each retry is one more attempt it is offered: up to N + 1 times the requests (docs/facts.md#retry-load). Never assumed: without the clause there are no retries, whatever SDK defaults are (docs/facts.md#client-retries).",
            unit: 'count',
            example: 'retries 2 backoff 100ms',
        },
    ],
    backoff: [
        {
            in: ['RetriesClause'],
            section: 'services',
            summary:
                'Wait before the first retry. Recorded and shown; it does not change the steady-state load the retries add, and is not added to latency.',
            unit: 'duration',
            example: 'retries 3 backoff 100ms',
        },
    ],
    uses: value(
        'services',
        ['UsesClause'],
        'Stores the service reads and writes (its writes count for latency objectives and cell boundaries).',
        'uses ledger, sessions',
    ),
    reads: [
        {
            in: ['ReadsClause'],
            section: 'services',
            summary: 'Stores the service only reads.',
            example: 'reads config',
        },
        {
            in: ['ReadRateClause'],
            section: 'workloads',
            summary: 'Read rate of the workload, optionally split by origin region.',
            unit: 'rate',
            example: 'reads 20000/s',
        },
    ],
    'depends-on': value(
        'services',
        ['DependsOnClause'],
        'Other services this one calls; a single-region dependency of a multi-region service is a single point of failure.',
        'depends-on auth',
    ),
    'global-dependency': value(
        'services',
        ['GlobalDependencyClause'],
        `Provider-global services the service calls on its request path, each homed where the facts say: ${globalServiceHomes()}. While the home region is down or its control plane impaired (\`impair control-plane R\`), the simulation fails the service in every region it runs in (and in a region a \`partition\` cuts off from the home); the data planes are never impaired. A service running outside a home is flagged (request-path-control-plane).`,
        'global-dependency sts, route53',
    ),
    objective: value(
        'services',
        ['ObjectiveClause'],
        "What the service or store promises: any of `rto`, `rpo`, `availability`, `write-latency pNN`, `cost`. Rules compare the design's estimates with them.",
        'objective rto 5m  rpo 1s  availability 99.99%',
    ),
    rto: metric(
        'Recovery time objective: longest acceptable outage after a region fails. Compared with the estimated failover time (detection + routing + actions), a range from best to worst: the rules judge its worst end, or its typical end with `judge` "typical" in .mregion.json.',
        'Simulated recovery time: from the fault until traffic is served again.',
        'duration',
        'objective rto 5m',
        'expect rto <= 5m',
    ),
    rpo: metric(
        'Recovery point objective: most data (as time) an unplanned failover may lose. Async replication gives RPO ≈ lag; 0 needs sync or consensus.',
        'Simulated data loss window of the failover.',
        'duration',
        'objective rpo 1s',
        'expect rpo <= 1s',
    ),
    availability: metric(
        `Availability objective. At or above ${formatPercent(THRESHOLDS.spofAvailability.value)} a single-region deployment is flagged.`,
        'Simulated share of requests served during the scenario.',
        'percent',
        'objective availability 99.99%',
        'expect availability >= 99.9%',
    ),
    cost: metric(
        'Monthly cost ceiling; compared with the estimated cross-region egress (docs/facts.md#aws-inter-region-transfer-price).',
        "Estimated cost of the scenario's traffic per month.",
        'money',
        'objective cost $5000/month',
        'expect cost <= $5000/month',
    ),
    'write-latency': metric(
        'Write-latency objective at a percentile (`p50`, `p99`, `p999`). Compared with the quorum round trip of sync and consensus stores the service writes.',
        'Simulated write latency at a percentile.',
        'duration',
        'objective write-latency p99 150ms',
        'expect write-latency p99 <= 150ms',
    ),

    // ------------------------------------------------------------------ failovers
    failover: value(
        'failovers',
        ['Failover'],
        'How a service or store fails over: `detect`, `route`, ordered `action`s and the `drill` schedule. Optional `from`/`to` regions (default: from the primary to the next region). Hover leads with the estimated failover time as a range (best, typical, worst) against the RTO.',
        'failover payments { detect health-check every 10s threshold 3 … }',
    ),
    from: [
        {
            in: ['Failover'],
            section: 'failovers',
            summary: "The region the failover moves away from (default: the target's primary).",
            example: 'failover orders from us-east-1 to us-west-2 { … }',
        },
        {
            in: ['WriteRateClause', 'ReadRateClause'],
            section: 'workloads',
            summary: 'Where the traffic comes from: regions with their share (adding up to 100%).',
            example: 'writes 2000/s from eu-west-1 50%, us-east-1 50%',
        },
    ],
    to: [
        {
            in: ['Failover'],
            section: 'failovers',
            summary: 'The region the failover moves to (default: the first other region of the target).',
            example: 'failover orders from us-east-1 to us-west-2 { … }',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: '`lag-spike [store] to T`: the replication lag during the spike.',
            example: 'at 20m lag-spike sessions to 30s for 5m',
        },
        {
            in: ['BackupClause'],
            section: 'stores',
            summary:
                'Where the backups are kept. In the only region of the data they are lost with it (rule backup-same-region); not stated: mregion assumes nothing.',
            example: 'backup every 1h to us-west-2',
        },
    ],
    detect: value(
        'failovers',
        ['DetectClause'],
        `How the failure is noticed: \`health-check [every T] [threshold N] [timeout T] [shallow|deep]\` or \`manual [after T]\`. Health checks default to every ${seconds(HEALTH_CHECK.intervalMs)}, threshold ${HEALTH_CHECK.threshold.value}, timeout ${formatDuration(HEALTH_CHECK.timeoutMs.value)}.`,
        'detect health-check every 10s threshold 3',
    ),
    'health-check': [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: `Automatic detection: down after \`threshold\` consecutive failed checks, one \`every\` interval. Route 53 allows 10 s or 30 s intervals and thresholds ${HEALTH_CHECK.thresholdRange.value[0]}–${HEALTH_CHECK.thresholdRange.value[1]} (${cite(HEALTH_CHECK.thresholdRange)}).`,
            example: 'detect health-check every 10s threshold 3',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary:
                '`flap health-check [target] in R [every T]`: health checks in R alternate between failing and passing.',
            example: 'at 15m flap health-check payments in eu-west-1 every 30s for 5m',
        },
    ],
    every: [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: `Health-check interval (default ${seconds(HEALTH_CHECK.intervalMs)}; ${formatDuration(ANYCAST.intervalMs.value)} for anycast and Global Accelerator, ${cite(ANYCAST.intervalMs)}). Where the failure lands in the interval makes detection up to one interval longer: the spread of the failover-time range.`,
            unit: 'duration',
            example: 'detect health-check every 10s',
        },
        {
            in: ['DrillClause'],
            section: 'failovers',
            summary: `How often the failover is rehearsed; more than ${formatDuration(THRESHOLDS.drillMaxIntervalMs.value)} apart is flagged.`,
            unit: 'duration',
            example: 'drill every 30d',
        },
        {
            in: ['BackupClause'],
            section: 'stores',
            summary: 'Backup interval.',
            unit: 'duration',
            example: 'backup every 1h',
        },
        {
            in: ['CheckpointClause'],
            section: 'stores',
            summary: `MirrorMaker 2's checkpoint interval (default ${seconds(KAFKA_MM2.checkpointIntervalMs)}).`,
            unit: 'duration',
            example: 'checkpoint every 10s',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: 'Flap period: how often the health check changes state.',
            unit: 'duration',
            example: 'at 15m flap health-check in eu-west-1 every 30s for 5m',
        },
    ],
    threshold: [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: `Consecutive failed checks before the target is declared down (default ${HEALTH_CHECK.threshold.value}, ${cite(HEALTH_CHECK.threshold)}).`,
            unit: 'count',
            example: 'detect health-check every 10s threshold 3',
        },
    ],
    shallow: value(
        'failovers',
        ['DetectClause'],
        `The default depth: the check asks only whether the endpoint answers, in time and without an error, as a Route 53 HTTP check does (${cite(HEALTH_CHECK.timeoutMs)}). It never notices a dependency's degrade or failure, and notices the service's own degrade only when errors happen to fail \`threshold\` checks in a row.`,
        'detect health-check every 10s threshold 3 shallow',
    ),
    deep: value(
        'failovers',
        ['DetectClause'],
        "The check also asks what the service calls in its region — the stores it `uses` and `reads` and the services it `depends-on` — so a dependency's errors fail it as often as they fail requests. In the simulation one check fails with probability equal to the error share it sees.",
        'detect health-check every 10s threshold 3 deep',
    ),
    timeout: [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: `How long one check waits (default ${seconds(HEALTH_CHECK.timeoutMs)}).`,
            unit: 'duration',
            example: 'detect health-check timeout 4s',
        },
    ],
    manual: [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: 'An operator notices the failure; `after T` says how long that takes.',
            example: 'detect manual after 15m',
        },
        {
            in: ['RouteClause'],
            section: 'failovers',
            summary: 'An operator moves traffic; `after T` says how long that takes.',
            example: 'route manual after 10m',
        },
    ],
    after: [
        {
            in: ['DetectClause'],
            section: 'failovers',
            summary: 'Time until an operator notices the failure.',
            unit: 'duration',
            example: 'detect manual after 15m',
        },
        {
            in: ['RouteClause'],
            section: 'failovers',
            summary: 'Time until an operator moves traffic.',
            unit: 'duration',
            example: 'route manual after 10m',
        },
    ],
    route: value(
        'failovers',
        ['RouteClause'],
        'How traffic moves to the surviving region: `dns ttl T`, `anycast`, `global-accelerator`, `s3-access-point`, `arc-routing-control`, `router` or `manual`.',
        'route dns ttl 60s',
    ),
    dns: value(
        'failovers',
        ['RouteClause'],
        `Health-checked DNS failover: clients move after the TTL (end to end ≈ detection + TTL, docs/facts.md#dns-failover-time). \`tail S% T\` declares clients that ignore the TTL; \`providers a, b\` lists DNS providers.`,
        'route dns ttl 60s',
    ),
    tail: [
        {
            in: ['RouteClause'],
            section: 'failovers',
            summary:
                'Share of clients that ignore the TTL and how long they stay on the old answer (resolvers, kept-alive connections, docs/facts.md#dns-resolver-tail). No source gives a figure, so it is 0 unless declared.',
            unit: 'percent',
            example: 'route dns ttl 60s tail 5% 10m',
        },
    ],
    providers: value(
        'failovers',
        ['RouteClause'],
        "The DNS providers serving the record (two providers survive one provider's outage).",
        'route dns ttl 60s providers route53, ns1',
    ),
    anycast: value(
        'failovers',
        ['RouteClause'],
        `Anycast: one address announced everywhere; traffic moves as soon as the failure is detected, with no DNS tail (docs/facts.md#global-accelerator-no-dns).`,
        'route anycast',
    ),
    'global-accelerator': [
        {
            in: ['RouteClause'],
            section: 'failovers',
            summary: `AWS Global Accelerator: health checks every ${formatDuration(ANYCAST.intervalMs.value)} by default, threshold ${ANYCAST.threshold.value}, then an immediate switch (${cite(ANYCAST.threshold)}).`,
            example: 'route global-accelerator',
        },
        {
            in: ['GlobalDependencyClause'],
            section: 'services',
            summary: `Global Accelerator's data plane (anycast addresses, endpoint health): served from every edge location, not homed in a region (${cite(GLOBAL_SERVICES['global-accelerator'].home)}). Its control plane is \`global-accelerator-control\`.`,
            example: 'global-dependency global-accelerator',
        },
    ],
    's3-access-point': value(
        'failovers',
        ['RouteClause'],
        `The service's users reach it through an S3 Multi-Region Access Point (e.g. downloads from the access point's endpoint, each region serving its own bucket): each request goes to the nearest bucket whose routing status is active (${factRef('s3-multi-region-access-points')}). With a \`from\` region (active-passive) the failover is a routing-status change that may take up to ${formatDuration(S3_MRAP.routeChangeMs.value)} to apply — a bound; no typical figure is given, so both ends use it (${cite(S3_MRAP.routeChangeMs)}); the change is served from ${S3_MRAP.failoverControlRegions.value.length} regions' endpoints (${S3_MRAP.failoverControlRegions.value.join(', ')}), not one region's control plane. Active-active, the access point redirects on its own in no documented time, so the failover time is a lower bound. The buckets stay in step only by their own replication (\`replication async lag …\`, ${factRef('s3-cross-region-replication')}).`,
        'route s3-access-point',
    ),
    'arc-routing-control': value(
        'failovers',
        ['RouteClause'],
        "Amazon Application Recovery Controller routing controls: data-plane on/off switches (docs/facts.md#control-plane-vs-data-plane) that change Route 53 health checks on DNS records, so clients still wait out the records' `ttl` (and `tail`): routing ≈ decision (detection or an operator) + flip + TTL (docs/facts.md#arc-routing-control). Only anycast and Global Accelerator are TTL-free.",
        'route arc-routing-control ttl 60s',
    ),
    router: value(
        'failovers',
        ['RouteClause'],
        'An application router (e.g. a pod router mapping tenants to cells) moves traffic.',
        'route router',
    ),
    action: value(
        'failovers',
        ['ActionClause'],
        'One step of the failover, in order: `action <kind> [target] [in R] [via control-plane|data-plane [R]] [takes T]`. Each kind is data plane or control plane by its nature (docs/facts.md#control-plane-vs-data-plane).',
        'action promote ledger',
    ),
    promote: action(
        'promote',
        `Promote a replica of a store to writer; how long depends on the engine: Aurora Global managed failover ≈ ${formatDuration(AURORA.managedFailoverMs.value)} (${cite(AURORA.managedFailoverMs)}); RDS read replicas (postgres, mysql) and Cosmos DB have no documented figure, so declare \`takes\`; DynamoDB, Cassandra and Workers KV have no writer to promote, and Spanner and CockroachDB elect a new leader by themselves (data plane, counted as 0).`,
        'action promote orders-db',
    ),
    'launch-capacity': action(
        'launch-capacity',
        'Launch instances in the standby region.',
        'action launch-capacity status-page in us-west-2',
    ),
    'scale-out': action('scale-out', "Scale out the standby region's capacity."),
    'edit-dns': action('edit-dns', 'Edit a DNS record to point at the standby.'),
    'flip-routing-control': action('flip-routing-control', 'Flip an ARC routing control.'),
    'restore-backup': action(
        'restore-backup',
        "Restore a store from backup: takes size ÷ `throughput` (the size is the action's or the store's `size`). No vendor documents a restore throughput, so declare it, or say how long the restore `takes`.",
        'action restore-backup orders-db throughput 500MB/s',
    ),
    'shift-traffic': action('shift-traffic', 'Move traffic to already-provisioned capacity.'),
    rehome: action(
        'rehome',
        'Move the users of the lost region to another home region (a Shopify pod move). Spanner and CockroachDB move leaders and leaseholders by themselves, and multi-writer engines (DynamoDB, Cassandra, Workers KV) just take the writes elsewhere: data plane, counted as 0.',
        'action rehome sessions',
    ),
    'accept-outage': action('accept-outage', 'Declare that users homed in the lost region wait for it to come back.'),
    console: action('console', 'An operator signs in to the console to run a step.', 'action console takes 5m'),
    'create-resources': action(
        'create-resources',
        'Create resources (load balancers, queues) during the failover.',
        'action create-resources takes 15m',
    ),
    'update-health-check': action('update-health-check', 'Create or change a health check during the failover.'),
    'invalidate-cache': action('invalidate-cache', 'Invalidate caches in the surviving regions.'),
    notify: action('notify', 'Notify people or systems; does not block recovery.'),
    in: [
        {
            in: ['ActionClause'],
            section: 'failovers',
            summary: "The region the action acts in (default: the failover's destination).",
            example: 'action launch-capacity web in us-west-2',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary:
                'The region the fault hits: whose health checks flap, or where a service or store is degraded or fails (the region itself stays up).',
            example: 'at 15m flap health-check in eu-west-1 for 5m',
        },
        {
            in: ['Expectation'],
            section: 'scenarios',
            summary: 'Restricts the expectation to one region.',
            example: 'expect availability in eu-west-1 >= 99.9%',
        },
    ],
    via: value(
        'failovers',
        ['ActionClause'],
        '`via control-plane [R]` or `via data-plane`: overrides the plane the action needs, and the region whose control plane it uses.',
        'action edit-dns via control-plane us-east-1',
    ),
    'control-plane': [
        {
            in: ['ActionClause'],
            section: 'failovers',
            summary:
                'The action needs a management API (avoid during recovery, docs/facts.md#control-plane-vs-data-plane); optionally the region that API is homed in.',
            example: 'action promote orders-db via control-plane us-west-2',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary:
                '`impair control-plane R`: management APIs homed in R fail while running resources keep serving (7 December 2021, docs/facts.md#us-east-1-2021-outage).',
            example: 'at 10m impair control-plane us-east-1 for 7h',
        },
    ],
    'data-plane': value(
        'failovers',
        ['ActionClause'],
        'The action uses only the data plane (safe during recovery, docs/facts.md#control-plane-vs-data-plane).',
        'action shift-traffic via data-plane',
    ),
    takes: [
        {
            in: ['ActionClause'],
            section: 'failovers',
            summary:
                'How long the action takes; overrides the facts default and is required where the reference gives none.',
            unit: 'duration',
            example: 'action console takes 5m',
        },
    ],
    drill: value(
        'failovers',
        ['DrillClause'],
        `How often the failover is rehearsed: \`every T\` or \`never\`. Missing or further apart than ${formatDuration(THRESHOLDS.drillMaxIntervalMs.value)} is flagged.`,
        'drill every 30d',
    ),
    never: value('failovers', ['DrillClause'], 'The failover is never rehearsed (flagged).', 'drill never'),

    // ------------------------------------------------------------------ workloads
    workload: [
        {
            in: ['Workload'],
            section: 'workloads',
            summary:
                'Declares traffic: write and read rates, where they come from, the key space and how much of it is written from several regions. `for` names the store or service it hits.',
            example: 'workload peak for payments { writes 2000/s … }',
        },
        {
            in: ['ScenarioWorkloadClause'],
            section: 'scenarios',
            summary: 'The workload(s) the scenario runs.',
            example: 'workload peak',
        },
    ],
    for: [
        {
            in: ['Workload'],
            section: 'workloads',
            summary: 'The store or service the workload hits; its regions are the default origins.',
            example: 'workload peak for payments { … }',
        },
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: 'How long the fault lasts.',
            unit: 'duration',
            example: 'at 10m outage region us-east-1 for 1h',
        },
    ],
    keys: [
        {
            in: ['KeysClause'],
            section: 'workloads',
            summary:
                'Size of the key space, and with `shared N%` the share of keys written from several regions (the conflict exposure).',
            unit: 'count',
            example: 'keys 1000000 shared 1%',
        },
    ],
    'item-size': [
        {
            in: ['ItemSizeClause'],
            section: 'workloads',
            summary: 'Size of one written item; with the write rate it gives the replication traffic and egress cost.',
            unit: 'size',
            example: 'item-size 1KB',
        },
    ],

    // ------------------------------------------------------------------ scenarios
    scenario: value(
        'scenarios',
        ['Scenario'],
        'A named drill to simulate: workload, duration, timed faults, a seed, and `expect` clauses that make the run pass or fail.',
        'scenario us-east-1-outage { workload peak  duration 2h … }',
    ),
    duration: [
        {
            in: ['DurationClause'],
            section: 'scenarios',
            summary: 'How long the simulated scenario runs.',
            unit: 'duration',
            example: 'duration 2h',
        },
    ],
    resolution: [
        {
            in: ['ResolutionClause'],
            section: 'scenarios',
            summary: 'Simulation time step.',
            unit: 'duration',
            example: 'resolution 1s',
        },
    ],
    seed: [
        {
            in: ['SeedClause'],
            section: 'scenarios',
            summary: 'Random seed: the same seed gives the same run.',
            unit: 'count',
            example: 'seed 42',
        },
    ],
    at: [
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: 'A timed fault: `at T <fault> for D`, T from the scenario start.',
            unit: 'duration',
            example: 'at 10m outage region us-east-1 for 1h',
        },
    ],
    outage: value(
        'scenarios',
        ['Fault'],
        'The whole region goes down: data plane and control plane. Its storage survives: writes it alone held are stranded, and sent when it is back.',
        'at 10m outage region us-east-1 for 1h',
    ),
    corrupt: value(
        'scenarios',
        ['Fault'],
        `\`corrupt <store>\`: a bad write damages the store's data once. It replicates to every replica at replication speed (${factRef('corruption-replicates')}); the simulation reports the writes lost back to the last clean restore point and the restore time (size ÷ \`restore\` throughput, an estimate). Takes no \`for\`.`,
        'at 30m corrupt ledger',
    ),
    destroy: value(
        'scenarios',
        ['Fault'],
        'The region goes down for good and its storage is gone: the writes no other replica had applied are lost. Takes no `for`.',
        'at 10m destroy region us-east-1',
    ),
    partition: value(
        'scenarios',
        ['Fault'],
        'The two regions cannot reach each other; both keep running.',
        'at 10m partition eu-west-1 <-> us-east-1 for 5m',
    ),
    impair: value(
        'scenarios',
        ['Fault'],
        '`impair control-plane R`: only the control plane of R fails.',
        'at 10m impair control-plane us-east-1 for 7h',
    ),
    'lag-spike': value(
        'scenarios',
        ['Fault'],
        'Replication lag of a store (or all stores) rises to the given value.',
        'at 20m lag-spike sessions to 30s for 5m',
    ),
    flap: value(
        'scenarios',
        ['Fault'],
        'Health checks alternate between failing and passing.',
        'at 15m flap health-check in eu-west-1 every 30s for 5m',
    ),
    degrade: value(
        'scenarios',
        ['Fault'],
        '`degrade <service|store> in R [errors E%] [latency +T]`: a gray failure — the target answers E% of requests in R with an error and adds T to each, while R stays up. Services that use, read or depend on it in R are degraded with it.',
        'at 10m degrade card-gateway in eu-west-1 errors 30% latency +2s for 20m',
    ),
    fail: value(
        'scenarios',
        ['Fault'],
        '`fail <service> in R`: the service stops answering in R while the region and everything else in it stay up. Services that depend on it in R fail with it.',
        'at 10m fail card-gateway in eu-west-1 for 15m',
    ),
    errors: [
        {
            in: ['Fault'],
            section: 'scenarios',
            summary: "Share of the degraded target's requests answered with an error (0–100%).",
            unit: 'percent',
            example: 'at 10m degrade card-gateway in eu-west-1 errors 30% for 20m',
        },
    ],
    latency: [
        {
            in: ['Fault'],
            section: 'scenarios',
            summary:
                "Latency the degrade adds to each request, written with a plus: `latency +2s`. An added latency at or above a health check's timeout fails every check.",
            unit: 'duration',
            example: 'at 10m degrade card-gateway in eu-west-1 latency +2s for 20m',
        },
    ],
    '+': value(
        'scenarios',
        ['Fault'],
        'Marks the latency of a degrade as added to each request.',
        'at 10m degrade card-gateway in eu-west-1 latency +2s for 20m',
    ),
    expect: value(
        'scenarios',
        ['Expectation'],
        "A pass/fail check on the simulation: `expect <metric> [pNN] [of target] [in region] <op> <value>`. With `pNN`, write-latency takes that percentile of the run's writes; any other metric is judged across the runs of a seed sweep (`mregion simulate --seeds N`): `expect rto p95 <= 5m` passes when 95 % of the runs meet it (a single run judges it on itself). Without `pNN`, a sweep needs every run to meet it.",
        'expect rto p95 <= 5m',
    ),
    of: value(
        'scenarios',
        ['Expectation'],
        'Restricts the expectation to one store or service.',
        'expect lost-writes of ledger == 0',
    ),
    'lost-writes': metric(
        undefined,
        'Acknowledged writes lost: not yet replicated when a promotion elsewhere abandoned them or their region was destroyed. An outage alone only strands them.',
        'count',
        '',
        'expect lost-writes == 0',
    ),
    'stranded-writes': metric(
        undefined,
        'Acknowledged writes held only by a replica cut off from every other one (an outage, partitions): kept there and delivered when it is reachable again, unless a promotion abandons them.',
        'count',
        '',
        'expect stranded-writes < 1000',
    ),
    'discarded-writes': metric(
        undefined,
        'Writes silently discarded by last-writer-wins conflict resolution.',
        'count',
        '',
        'expect discarded-writes == 0',
    ),
    merges: metric(undefined, 'Concurrent writes merged by a CRDT.', 'count', '', 'expect merges > 0'),
    siblings: metric(
        undefined,
        'Concurrent versions kept for the application (vector clocks, mv-register).',
        'count',
        '',
        'expect siblings < 100',
    ),
    'rejected-writes': metric(
        undefined,
        'Writes refused because they conflicted (the client must retry).',
        'count',
        '',
        'expect rejected-writes < 10',
    ),
    'stale-reads': metric(
        undefined,
        'Share of reads that returned an older value than the latest acknowledged write.',
        'percent',
        '',
        'expect stale-reads < 1%',
    ),
    detection: metric(
        undefined,
        'Time from the fault until the failover noticed it.',
        'duration',
        '',
        'expect detection <= 1m',
    ),
    drain: metric(
        undefined,
        `Longest time from a heal until the replica that was cut off has applied its backlog and the writes queued behind it (one replication delay plus B ÷ (catch-up − write rate)), over the asynchronous stores named; "never" when a backlog had not drained by the end of the scenario. Without a declared \`catch-up\` the backlog arrives at once and the time is a lower bound (${factRef('catch-up-rate')}). \`in R\` names the replica that catches up.`,
        'duration',
        '',
        'expect drain of orders <= 10m',
    ),
    'throttled-writes': metric(
        undefined,
        `Writes a bounded-staleness store refused in its write region while a read region lagged beyond K versions or T (Cosmos DB throttles them, ${factRef('cosmos-bounded-staleness-throttling')}): the client saw an error, nothing was lost. \`in R\` names the region where they were refused.`,
        'count',
        '',
        'expect throttled-writes of profiles == 0',
    ),
    duplicates: metric(
        undefined,
        `Messages a queue or stream delivered again to consumers that moved to another region and resumed from the last translated checkpoint (Kafka MirrorMaker 2, ${factRef('kafka-mirrormaker2')}); none when the consumers are declared idempotent. \`in R\` counts the moves into R.`,
        'count',
        '',
        'expect duplicates of orders < 1000',
    ),
    'corruption-loss': metric(
        undefined,
        `Writes lost to a corruption (\`at T corrupt <store>\`), as the time back to the last clean restore point: one second with \`pitr\`, up to the backup interval without; "everything" when the store keeps no backup, since the damage replicates to every copy (${factRef('corruption-replicates')}).`,
        'duration',
        '',
        'expect corruption-loss of ledger <= 1h',
    ),
    'restore-time': metric(
        undefined,
        `Time to restore a corrupted store from its restore point: its declared size ÷ its declared restore throughput, an estimate (${factRef('restore-throughput')}); not measured when either is missing.`,
        'duration',
        '',
        'expect restore-time of ledger <= 4h',
    ),
    '<=': COMPARISON('at most', '<='),
    '<': COMPARISON('below', '<'),
    '==': COMPARISON('exactly', '=='),
    '>=': COMPARISON('at least', '>='),
    '>': COMPARISON('above', '>'),

    // ------------------------------------------------------------------ names
    cache: value(
        'names',
        ['Region', 'Cell', 'Store', 'Service', 'Workload', 'Scenario', 'Topology'],
        'Accepted as a name (a store called `cache`); it has no meaning of its own.',
        'store cache { engine redis … }',
    ),
};

/** Punctuation that structures the text and needs no documentation of its own. */
export const UNDOCUMENTED_PUNCTUATION: ReadonlySet<string> = new Set(['{', '}', ',']);

/** The usage of `keyword` that applies when its token belongs to a node of type `ownerType`. */
export function keywordUsage(keyword: string, ownerType?: string): KeywordUsage | undefined {
    const usages = Object.hasOwn(KEYWORD_DOCS, keyword) ? KEYWORD_DOCS[keyword] : undefined;
    if (!usages || usages.length === 0) return undefined;
    return (ownerType !== undefined ? usages.find((u) => u.in.includes(ownerType)) : undefined) ?? usages[0];
}

/** Markdown for a keyword hover or a completion item's documentation. */
export function keywordMarkdown(keyword: string, usage: KeywordUsage): string {
    const unit = usage.unit ? `\n\nValue: ${describeUnit(usage.unit)}` : '';
    return `**${keyword}** — ${usage.summary}${unit}\n\n\`\`\`mregion\n${usage.example}\n\`\`\``;
}

export function describeUnit(unit: UnitKind): string {
    switch (unit) {
        case 'duration':
            return 'a duration (`250ms`, `10s`, `5m`, `7h`, `30d`)';
        case 'rate':
            return 'a rate (`2000/s`, `5/m`)';
        case 'percent':
            return 'a percentage (`99.99%`)';
        case 'size':
            return 'a size (`512B`, `1KB`, `5TB`)';
        case 'throughput':
            return 'a throughput (`200MB/s`, `1TB/h`)';
        case 'price':
            return 'a price per GB (`$0.02/GB`)';
        case 'money':
            return 'a monthly amount (`$5000/month`)';
        case 'count':
            return 'a whole number without unit';
        case 'number':
            return 'a number without unit';
    }
}
