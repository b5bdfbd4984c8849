// Queues and streams on a multi-region path: what a consumer finds after it moves region. SQS and Kinesis keep
// their messages in one region (stranded there while it is down); Kafka MirrorMaker 2 mirrors them, but a
// consumer group resumes from its last checkpoint and is delivered again what it had consumed since.
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { consumerRedelivery, unmirroredTail } from '../../semantics/estimators/consumer-redelivery.js';
import { factRef } from '../../semantics/facts/citation.js';
import { KAFKA_MM2, QUEUE_ENGINES, REGIONAL_QUEUE_ENGINES } from '../../semantics/facts/messaging-and-objects.js';
import type { Model, ServiceM, StoreM } from '../../semantics/model.js';
import { failoversOf } from '../../semantics/model-index.js';
import { at, listing } from './helpers.js';
import type { Rule } from './rule.js';
import { rpoMisses } from './rpo-verdict.js';

const ENGINE_NAMES: Readonly<Record<string, string>> = {
    sqs: 'an SQS queue',
    kinesis: 'a Kinesis data stream',
    kafka: 'a Kafka topic',
};

/** Every (service, queue) pair where the service uses or reads a queue or stream engine. */
function consumersOfQueues(model: Model): { service: ServiceM; store: StoreM }[] {
    const pairs: { service: ServiceM; store: StoreM }[] = [];
    for (const service of model.services.values()) {
        for (const id of new Set([...service.uses, ...service.reads])) {
            const store = model.stores.get(id);
            if (store?.engine !== undefined && QUEUE_ENGINES.has(store.engine)) pairs.push({ service, store });
        }
    }
    return pairs;
}

/** The service moves between regions: it runs in several, or a failover moves it. */
function movesRegion(model: Model, service: ServiceM): boolean {
    return service.regions.length > 1 || failoversOf(model, 'service', service.id).length > 0;
}

const queueNotReplicated: Rule = {
    code: 'queue-not-replicated',
    check({ model, judge, report }) {
        for (const { service, store } of consumersOfQueues(model)) {
            // One region has no other to replicate to, even where the design declares a mode for it.
            const oneRegion = new Set(store.regions).size < 2;
            if ((store.replication.mode !== 'none' && !oneRegion) || !movesRegion(model, service)) continue;
            const rpoMs = service.objective?.rpoMs ?? store.objective?.rpoMs;
            if (rpoMs === undefined) continue;
            // A queue in one region: rpo-unachievable already says its messages are only there (an error), for the
            // objective of a service that writes it and for the store's own; one finding per cause.
            const reportedByRpoRule =
                store.regions.length === 1 &&
                (service.uses.includes(store.id) || service.objective?.rpoMs === undefined) &&
                rpoMisses(store, rpoMs, judge) !== undefined;
            if (reportedByRpoRule) continue;
            const fact = store.engine !== undefined ? REGIONAL_QUEUE_ENGINES[store.engine] : undefined;
            const why = fact
                ? `${store.engine === 'sqs' ? 'SQS' : 'Kinesis Data Streams'} has no cross-region replication (${factRef(fact.id)})`
                : oneRegion
                  ? 'it has no cluster in another region to mirror to'
                  : store.replication.provenance.kind === 'declared'
                    ? `it declares 'replication none'`
                    : 'it declares no replication';
            const where =
                store.regions.length > 1
                    ? `each of ${listing(store.regions)} has its own, independent copy`
                    : `its messages are only in ${store.regions[0] ?? 'its region'}`;
            const owner = service.objective?.rpoMs !== undefined ? 'it has' : `${store.name} has`;
            report({
                ...at(store.source, 'engine', 'replication'),
                cell: store.cell,
                key: `${service.name}:${store.name}`,
                message:
                    `${store.name} is ${ENGINE_NAMES[store.engine ?? ''] ?? 'a queue'} and ${why}: ${where}. ` +
                    `${service.name} runs in ${listing(service.regions)} and ${owner} an RPO objective of ${formatDuration(rpoMs)}, ` +
                    `but the messages enqueued in a region that fails are stranded there until it returns — consumers in another region cannot reach them. ` +
                    `Publish to a queue in a second region as well (and declare that copy as 'replication async lag …'), or accept the stranded messages in the objective.`,
                related: [
                    {
                        ...at((service.objective ?? store.objective)!.source, 'rpo'),
                        message: `the RPO objective of ${service.objective?.rpoMs !== undefined ? service.name : store.name}`,
                    },
                ],
            });
        }
    },
};

const consumerFailoverDuplicates: Rule = {
    code: 'consumer-failover-duplicates',
    check({ model, report }) {
        for (const { service, store } of consumersOfQueues(model)) {
            if (store.engine !== 'kafka' || store.replication.mode !== 'async' || store.regions.length < 2) continue;
            if (store.consumersIdempotent || !movesRegion(model, service)) continue;
            const redelivery = consumerRedelivery(model, store);
            const { checkpointMs: checkpoint, declared, withSyncMs: withSync, produced } = redelivery;
            const tail = unmirroredTail(redelivery);
            const count = produced
                ? ` (≈ ${formatCount(produced.messages)} messages at ${formatCount(produced.perS)}/s)`
                : '';
            const unique = store.invariants.find((i) => i.kind === 'unique');
            report({
                ...at(store.source, 'engine', 'replication'),
                cell: store.cell,
                key: `${service.name}:${store.name}`,
                severity: unique ? 'error' : undefined,
                message:
                    `${store.name} is mirrored between ${listing(store.regions)} by MirrorMaker 2, which translates consumer offsets only at checkpoints, every ${formatDuration(checkpoint)}${declared ? ' (declared)' : ' by default'} (${factRef(KAFKA_MM2.checkpointIntervalMs.id)}): ` +
                    `when ${service.name}'s consumers fail over to another region they resume from the last checkpoint and are delivered again up to ≈ ${formatDuration(checkpoint)} of messages${count}, ` +
                    `up to ≈ ${formatDuration(withSync)} when they rely on the group-offset sync (an estimate from the ${declared ? 'checkpoint interval and the default sync interval' : 'default intervals'})` +
                    (tail ? `; then ${tail}` : '') +
                    (unique ? `; invariant unique ${unique.field} breaks on every duplicate` : '') +
                    `. Make the consumers idempotent (deduplicate on a message key) and declare 'consumers idempotent'.`,
                fixes: () => [
                    {
                        title: 'Declare idempotent consumers (consumers idempotent)',
                        edits: [
                            {
                                kind: 'insert-clause',
                                uri: store.source.uri,
                                block: store.source.range,
                                text: 'consumers idempotent',
                            },
                        ],
                    },
                ],
            });
        }
    },
};

export const queueRules = { queueNotReplicated, consumerFailoverDuplicates };
