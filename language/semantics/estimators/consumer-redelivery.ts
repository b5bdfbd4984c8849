// What a Kafka consumer group is delivered again after it fails over to the other cluster: MirrorMaker 2 translates
// consumer offsets only at checkpoints, so the group resumes from the last one and re-reads what it consumed since
// (docs/facts.md#kafka-mirrormaker2). One implementation for the consumer-failover-duplicates rule and the hover.
import { KAFKA_MM2 } from '../facts/messaging-and-objects.js';
import type { Model, StoreM } from '../model.js';
import { workloadsAimedAtStore } from '../model-index.js';

export interface ConsumerRedelivery {
    /** The checkpoint interval: how much consumption a failover can repeat (an estimate, not a bound). */
    readonly checkpointMs: number;
    /** Whether the design declares the interval (`checkpoint every …`) rather than taking MirrorMaker 2's default. */
    readonly declared: boolean;
    /** The same when consumers rely on the group-offset sync, which runs on its own interval after a checkpoint. */
    readonly withSyncMs: number;
    /** Messages a second the workloads aimed at the store produce, and the messages one checkpoint interval holds. */
    readonly produced?: { readonly perS: number; readonly messages: number };
}

export function consumerRedelivery(model: Model, store: StoreM): ConsumerRedelivery {
    const declared = store.checkpointMs !== undefined;
    const checkpointMs = store.checkpointMs ?? KAFKA_MM2.checkpointIntervalMs.value;
    const workloads = workloadsAimedAtStore(model, store.name);
    const perS = workloads.reduce((sum, w) => sum + w.writesPerS, 0);
    return {
        checkpointMs,
        declared,
        withSyncMs: checkpointMs + KAFKA_MM2.groupOffsetSyncIntervalMs.value,
        ...(workloads.length > 0 ? { produced: { perS, messages: Math.round((perS * checkpointMs) / 1000) } } : {}),
    };
}
