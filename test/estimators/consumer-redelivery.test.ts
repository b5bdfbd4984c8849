// The sentence about the unmirrored tail of a Kafka topic (language/semantics/estimators/consumer-redelivery.ts):
// said only when the design declares a positive lag, with the count only when a produce rate gives one.
import { describe, expect, it } from 'vitest';
import {
    consumerRedelivery,
    unmirroredTail,
    type ConsumerRedelivery,
} from '../../language/semantics/estimators/consumer-redelivery.js';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

const base: ConsumerRedelivery = { checkpointMs: 60_000, declared: false, withSyncMs: 120_000 };

describe('the unmirrored tail a failover delivers again once the source returns', () => {
    it.each([
        { name: 'no declared lag says nothing', r: base, expected: '' },
        { name: 'a zero lag says nothing', r: { ...base, lagMs: 0 }, expected: '' },
        {
            name: 'a lag without a produce rate gives the time only',
            r: { ...base, lagMs: 2_000 },
            expected: '≈ 2 s of messages not yet mirrored, delivered again once the source region returns',
        },
        {
            // 2,000 messages/s for a 2 s lag: 4,000 messages.
            name: 'a lag with a produce rate gives the time and the count',
            r: { ...base, lagMs: 2_000, expected: { meanAtMove: 60_000, afterHeal: 4_000 } },
            expected: '≈ 2 s of messages (≈ 4,000) not yet mirrored, delivered again once the source region returns',
        },
    ])('$name', ({ r, expected }) => {
        expect(unmirroredTail(r)).toBe(expected);
    });
});

const topic = (replication: string, workload: string) => `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
store q { engine kafka regions us-east-1, us-west-2 holds per-user sequence writes primary us-east-1 ${replication} consistency eventual }
service worker { regions us-east-1, us-west-2 posture active-active capacity 100% per region reads q }
${workload}`;

describe('what a consumer group is delivered again after a failover, by the closed form', () => {
    // MirrorMaker 2 checkpoints every 60 s (docs/facts.md#kafka-mirrormaker2): at a uniformly random phase the group
    // re-reads λ·60/2 messages on average; once the source returns, the λ·lag not mirrored yet.
    it.each([
        {
            name: '1,000 messages/s with a 2 s lag: 30,000 at the move on average, 2,000 after the source returns',
            replication: 'replication async lag 2s',
            workload: 'workload events for q { writes 1000/s from us-east-1 100% }',
            expected: {
                produced: { perS: 1_000, messages: 60_000 },
                expected: { meanAtMove: 30_000, afterHeal: 2_000 },
                lagMs: 2_000,
            },
        },
        {
            name: 'synchronous replication: no unmirrored tail',
            replication: 'replication sync',
            workload: 'workload events for q { writes 10/s from us-east-1 100% }',
            expected: { produced: { perS: 10, messages: 600 }, expected: { meanAtMove: 300 }, lagMs: undefined },
        },
        {
            name: 'no workload produces to the topic: no count',
            replication: 'replication async lag 2s',
            workload: '',
            expected: { produced: undefined, expected: undefined, lagMs: 2_000 },
        },
    ])('$name', async ({ replication, workload, expected }) => {
        const { model } = (await modelOf(topic(replication, workload))) as { model: Model };
        const r = consumerRedelivery(model, model.stores.get('q')!);
        expect({ produced: r.produced, expected: r.expected, lagMs: r.lagMs }).toEqual(expected);
        expect('lagMs' in r).toBe(expected.lagMs !== undefined);
    });
});
