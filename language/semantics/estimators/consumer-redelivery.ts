// What a Kafka consumer group is delivered again after it fails over to the other cluster: MirrorMaker 2 translates
// consumer offsets only at checkpoints, so the group resumes from the last one and re-reads what it consumed since
// (docs/facts.md#kafka-mirrormaker2). One implementation for the consumer-failover-duplicates rule and the hover.
import { formatCount, formatDuration } from '../../../format/quantities.js';
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
    /**
     * The closed form the simulation is checked against (test/simulation/queues.test.ts), at a failover at a
     * uniformly random phase of the checkpoints: delivered again at the move, λ·C/2 on average and below λ·C
     * (`produced.messages`); then, once the source's unmirrored messages arrive, the ones the consumers had
     * already taken there, λ·lag — only when the design declares the lag (no MirrorMaker 2 lag is documented).
     * Estimates, not bounds: λ is the declared rate, the consumers are assumed to keep up.
     */
    readonly expected?: { readonly meanAtMove: number; readonly afterHeal?: number };
    /** The declared replication lag: the unmirrored tail the consumers are delivered again once the source returns. */
    readonly lagMs?: number;
}

/** "≈ 2 s of messages (≈ 4,000) not yet mirrored, delivered again once the source region returns", or ''. */
export function unmirroredTail(r: ConsumerRedelivery): string {
    if (r.lagMs === undefined || r.lagMs <= 0) return '';
    const count = r.expected?.afterHeal !== undefined ? ` (≈ ${formatCount(Math.round(r.expected.afterHeal))})` : '';
    return `≈ ${formatDuration(r.lagMs)} of messages${count} not yet mirrored, delivered again once the source region returns`;
}

export function consumerRedelivery(model: Model, store: StoreM): ConsumerRedelivery {
    const declared = store.checkpointMs !== undefined;
    const checkpointMs = store.checkpointMs ?? KAFKA_MM2.checkpointIntervalMs.value;
    const workloads = workloadsAimedAtStore(model, store.name);
    const perS = workloads.reduce((sum, w) => sum + w.writesPerS, 0);
    const lagMs = store.replication.mode === 'async' ? store.replication.lagMs : undefined;
    return {
        checkpointMs,
        declared,
        withSyncMs: checkpointMs + KAFKA_MM2.groupOffsetSyncIntervalMs.value,
        ...(lagMs !== undefined ? { lagMs } : {}),
        ...(workloads.length > 0 ? { produced: { perS, messages: Math.round((perS * checkpointMs) / 1000) } } : {}),
        ...(workloads.length > 0
            ? {
                  expected: {
                      meanAtMove: (perS * checkpointMs) / 2 / 1000,
                      ...(lagMs !== undefined ? { afterHeal: (perS * lagMs) / 1000 } : {}),
                  },
              }
            : {}),
    };
}
