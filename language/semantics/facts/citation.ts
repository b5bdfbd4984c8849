// How the product cites a fact: `docs/facts.md#<id>`, the entry of the shipped facts reference that gives the
// value, what kind of figure it is and its public source. The ids are a closed list, so a citation of an entry
// that does not exist is a type error, and test/docs/facts-reference.test.ts checks that this list and the
// anchors of docs/facts.md are the same set.

export const FACT_IDS = [
    // Inter-region latency
    'cloudping-rtt-matrix',
    'rtt-from-distance',
    'haversine-earth-radius',
    'region-cities',
    'same-city-regions',
    'inter-region-jitter',
    // DNS failover (Route 53)
    'route53-health-check-interval',
    'route53-failure-threshold',
    'route53-health-check-timeout',
    'route53-failover-ttl',
    'route53-change-propagation',
    'dns-resolver-tail',
    'dns-failover-time',
    // Anycast, Global Accelerator, ARC
    'global-accelerator-health-check',
    'global-accelerator-no-dns',
    'arc-routing-control',
    'arc-control-plane-region',
    'arc-cluster-price',
    // Game days (AWS FIS)
    'fis-action-duration',
    'fis-pause-replication',
    // Control plane and data plane
    'control-plane-vs-data-plane',
    'global-control-planes-us-east-1',
    'sts-global-endpoint',
    'us-east-1-2021-outage',
    's3-us-east-1-2017-outage',
    'data-plane-shift-time',
    'capacity-launch-time',
    'client-retries',
    'retry-load',
    'cold-cache',
    'restore-throughput',
    'non-blocking-actions',
    'self-failover-engines',
    // What an outage does to acknowledged writes
    'stranded-writes',
    'catch-up-rate',
    // Backups and corruption
    'corruption-replicates',
    'pitr-retention',
    'backup-vault-lock',
    // DynamoDB global tables
    'dynamodb-mrec',
    'dynamodb-mrec-lag',
    'dynamodb-mrsc-region-sets',
    'dynamodb-mrsc-unsupported-features',
    // Aurora Global Database
    'aurora-global-single-writer',
    'aurora-global-lag',
    'aurora-managed-failover-time',
    'aurora-global-max-secondaries',
    // Cosmos DB
    'cosmos-consistency-levels',
    'cosmos-strong-max-distance',
    'cosmos-strong-write-latency',
    'cosmos-bounded-staleness-minimums',
    'cosmos-bounded-staleness-throttling',
    'cosmos-bounded-staleness-read-region-outage',
    'cosmos-point-latency',
    // Consensus databases
    'spanner-multi-region',
    'cockroachdb-multi-region',
    'cockroachdb-region-survival',
    'consensus-write-cost',
    'cockroachdb-zone-survival',
    'cockroachdb-default-locality',
    'cockroachdb-lease-failover-time',
    // Other engines
    'cassandra-multi-datacenter',
    'netflix-cross-region-visibility',
    's3-cross-region-replication',
    's3-multi-region-access-points',
    's3-mrap-failover-controls',
    'rds-cross-region-read-replica',
    'elasticache-global-datastore',
    'cloudflare-durable-objects',
    'cloudflare-workers-kv',
    'shopify-pod-failover-time',
    // Queues, streams and object storage beyond S3
    'kafka-mirrormaker2',
    'sqs-single-region',
    'kinesis-single-region',
    'gcs-dual-region-replication',
    'gcs-turbo-replication',
    'azure-storage-geo-replication',
    'azure-storage-account-failover',
    // CRDTs
    'crdt-limits',
    // Disaster-recovery strategies
    'dr-strategy-recovery-time',
    'dr-strategy-cost-multiplier',
    // Data transfer prices
    'aws-inter-region-transfer-price',
    'aws-us-east-pair-transfer-price',
    // Residency
    'aws-region-jurisdictions',
    'eu-adequacy-decisions',
    // The product's own thresholds
    'drill-max-interval',
    'single-region-availability-threshold',
] as const;

export type FactId = (typeof FACT_IDS)[number];

/** The reference as the package ships it, relative to the package (and repository) root. */
export const FACTS_DOC = 'docs/facts.md';

/** The plain citation of an entry, for messages, CLI text, SARIF and reports: `docs/facts.md#route53-failover-ttl`. */
export function factRef(id: FactId): string {
    return `${FACTS_DOC}#${id}`;
}

/** Every citation in a text, in the form `factRef` writes (a Markdown-escaped `\#` is accepted too). */
const CITATION = /docs\/facts\.md\\?#([a-z0-9]+(?:-[a-z0-9]+)*)/g;

/** The ids a text cites, in order of appearance (repeats kept). */
export function citedFactIds(text: string): string[] {
    return [...text.matchAll(CITATION)].flatMap((m) => m.slice(1, 2));
}

/**
 * Markdown in which each citation is a link whose target `href` chooses (the bundled file in an editor, a relative
 * path in a generated page); the link text stays the plain citation, so what a reader sees is the same everywhere.
 * A citation already inside a link's text or target is left as it is.
 */
export function linkFactCitations(markdown: string, href: (id: string) => string): string {
    return markdown.replace(
        /(\[[^\]]*\]\([^)]*\))|docs\/facts\.md\\?#([a-z0-9]+(?:-[a-z0-9]+)*)/g,
        (_whole, link: string | undefined, id: string | undefined) =>
            link !== undefined ? link : `[${FACTS_DOC}#${id}](${href(id!)})`,
    );
}
