// Queues, streams and object storage beyond S3: what each replicates across regions, how far behind, and what a
// failover costs. Every figure cites its docs/facts.md entry; where a vendor gives none, there is no default.
import type { Engine } from '../model.js';
import { fact, type Fact } from './fact.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Apache Kafka MirrorMaker 2 defaults (docs/facts.md#kafka-mirrormaker2). No replication lag is documented. */
export const KAFKA_MM2 = {
    checkpointIntervalMs: fact(
        MINUTE,
        'kafka-mirrormaker2',
        'MirrorMaker 2 emits consumer-group checkpoints every 60 s by default (emit.checkpoints.interval.seconds)',
    ),
    groupOffsetSyncIntervalMs: fact(
        MINUTE,
        'kafka-mirrormaker2',
        'MirrorMaker 2 writes translated group offsets every 60 s when sync.group.offsets.enabled is set (off by default)',
    ),
} as const;

/** Google Cloud Storage dual-region buckets (docs/facts.md#gcs-dual-region-replication, #gcs-turbo-replication). */
export const GCS = {
    defaultTypicalLagMs: fact(
        HOUR,
        'gcs-dual-region-replication',
        'GCS default replication: 99.9 % of new objects within 1 h, a percentile with no median documented (used as the lag)',
    ),
    defaultRpoMs: fact(
        12 * HOUR,
        'gcs-dual-region-replication',
        'GCS default replication RPO 12 h (100 % of new objects within a 12 h target)',
    ),
    turboRpoMs: fact(
        15 * MINUTE,
        'gcs-turbo-replication',
        'GCS turbo replication: 100 % of new objects in both regions within a 15 min RPO',
    ),
} as const;

/** Azure Storage geo-redundant accounts (GRS, GZRS and their read-access forms). */
export const AZURE_STORAGE = {
    typicalLagMs: fact(
        15 * MINUTE,
        'azure-storage-geo-replication',
        'Azure Storage geo-replication RPO typically under 15 min, no SLA (typical, not a bound)',
    ),
    accountFailoverMs: fact(
        HOUR,
        'azure-storage-account-failover',
        'a customer-managed storage account failover typically takes about an hour',
    ),
} as const;

/** Engines that carry messages: a consumer that moves region may be delivered some of them again. */
export const QUEUE_ENGINES: ReadonlySet<Engine> = new Set<Engine>(['kafka', 'kinesis', 'sqs']);

/** Queue engines whose messages never leave their region (no built-in cross-region replication). */
export const REGIONAL_QUEUE_ENGINES: Readonly<Partial<Record<Engine, Fact<'none'>>>> = {
    sqs: fact('none', 'sqs-single-region', 'SQS stores a queue and its messages in one region'),
    kinesis: fact('none', 'kinesis-single-region', 'Kinesis Data Streams replicates only within its region'),
};

/**
 * S3 Multi-Region Access Points (docs/facts.md#s3-multi-region-access-points, #s3-mrap-failover-controls). Only the
 * active-passive routing change has a documented time; the automatic redirection of an active-active access point
 * has none, so there is no default for it.
 */
export const S3_MRAP = {
    routeChangeMs: fact(
        2 * MINUTE,
        's3-mrap-failover-controls',
        'an S3 Multi-Region Access Point routing change may take up to 2 min to take effect (a bound; no typical figure)',
    ),
    failoverControlRegions: fact(
        ['us-east-1', 'us-west-2', 'ap-southeast-2', 'ap-northeast-1', 'eu-west-1'] as const,
        's3-mrap-failover-controls',
        'S3 failover-control endpoints serve routing changes from five regions',
    ),
} as const;
