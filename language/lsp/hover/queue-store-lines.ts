// The one number that matters first for a queue, stream or object store beyond S3: what a consumer re-reads after
// a Kafka failover, where SQS and Kinesis messages are stranded, the RPO bound of a GCS bucket, how long an Azure
// account failover takes. Every figure cites docs/facts.md.
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { factRef } from '../../semantics/facts/citation.js';
import { AZURE_STORAGE, KAFKA_MM2 } from '../../semantics/facts/messaging-and-objects.js';
import { consumerRedelivery, unmirroredTail } from '../../semantics/estimators/consumer-redelivery.js';
import type { Model, StoreM } from '../../semantics/model.js';

/** Lines to lead the store's hover with; none for other engines. */
export function queueAndObjectLines(model: Model, store: StoreM): string[] {
    const multiRegion = new Set(store.regions).size > 1;
    switch (store.engine) {
        case 'kafka': {
            if (!multiRegion || store.replication.mode !== 'async') return [];
            const r = consumerRedelivery(model, store);
            const interval = r.checkpointMs;
            const count = r.produced ? ` (≈ ${formatCount(r.produced.messages)} messages)` : '';
            const unmirrored = unmirroredTail(r);
            const tail = unmirrored ? `; then ${unmirrored}` : '';
            return [
                store.consumersIdempotent
                    ? `- **Consumer failover: redelivers up to ≈ ${formatDuration(interval)} of messages${count}**, which the consumers deduplicate (\`consumers idempotent\`) (${factRef(KAFKA_MM2.checkpointIntervalMs.id)})${tail}`
                    : `- **Consumer failover: redelivers up to ≈ ${formatDuration(interval)} of messages${count}** — the last MirrorMaker 2 checkpoint; up to ≈ ${formatDuration(r.withSyncMs)} with the group-offset sync (an estimate from the ${r.declared ? 'declared checkpoint interval' : 'default intervals'}, ${factRef(KAFKA_MM2.checkpointIntervalMs.id)})${tail}`,
            ];
        }
        case 'sqs':
        case 'kinesis': {
            if (store.replication.mode !== 'none') return [];
            const id = store.engine === 'sqs' ? 'sqs-single-region' : 'kinesis-single-region';
            return [
                `- **Cross-region: none** — the messages in a failed region are stranded there until it returns (${factRef(id)})`,
            ];
        }
        case 'gcs': {
            const bound = store.replication.lagBound;
            if (!multiRegion || bound === undefined || store.replication.lagProvenance?.kind !== 'default') return [];
            return [
                `- **RPO bound: ${formatDuration(bound.ms)}**; RTO 0 — the bucket serves what was replicated from the surviving region (${/docs\/facts\.md#[a-z0-9-]+/.exec(bound.source)?.[0] ?? factRef('gcs-dual-region-replication')})`,
            ];
        }
        case 'azure-blob':
            return multiRegion
                ? [
                      `- **Account failover: ≈ ${formatDuration(AZURE_STORAGE.accountFailoverMs.value)} typical** (\`action promote\`, started by you); writes not yet copied are lost (${factRef(AZURE_STORAGE.accountFailoverMs.id)})`,
                  ]
                : [];
        default:
            return [];
    }
}
