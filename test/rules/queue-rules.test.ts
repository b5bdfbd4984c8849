// Queues and streams on a multi-region path. The figures in these cases come from the vendor pages docs/facts.md
// cites — SQS and Kinesis keep messages in one region; MirrorMaker 2 checkpoints every 60 s, group-offset sync
// every 60 s when enabled — not from the implementation's tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFor, apply, check } from './fix-harness.js';
import { diagnosticsOf, ruleCases } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;

/** A queue store over `regions` with `extra` clauses, consumed by a service over `serviceRegions`. */
const design = (engine: string, regions: string, extra: string, service: string, more = '') =>
    `${REGIONS}store q { engine ${engine} regions ${regions} holds per-user sequence ${extra} backup every 1h to us-west-2 }
service worker { ${service} }
${more}`;

const ACTIVE_ACTIVE = 'regions us-east-1, us-west-2 posture active-active capacity 100% per region';
const FAILOVER = `failover worker from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3 route global-accelerator action shift-traffic drill every 30d }`;
const PASSIVE = 'regions us-east-1, us-west-2 primary us-east-1 posture active-passive capacity 100% per region';
const SQS_PER_REGION = 'writes any-region consistency eventual';
const MIRRORED = 'writes primary us-east-1 replication async lag 2s consistency eventual';

const SINGLE_REGION_SQS = `${REGIONS}store q { engine sqs regions us-east-1 holds per-user sequence consistency eventual }
service worker { ${ACTIVE_ACTIVE} uses q objective rpo 1m }`;

ruleCases('queue-not-replicated', {
    valid: [
        {
            name: 'an SQS queue in each region behind a service with no RPO objective',
            text: design('sqs', 'us-east-1, us-west-2', SQS_PER_REGION, `${ACTIVE_ACTIVE} uses q`),
        },
        {
            name: 'an SQS queue whose messages are published to both regions, declared as async replication',
            text: design(
                'sqs',
                'us-east-1, us-west-2',
                `${SQS_PER_REGION} replication async lag 1s conflicts single-owner`,
                `${ACTIVE_ACTIVE} uses q objective rpo 1m`,
            ),
        },
        {
            name: 'a single-region service and its single-region queue: nothing moves between regions',
            text: `${REGIONS}store q { engine sqs regions us-east-1 holds per-user sequence backup every 1h to us-west-2 }
service worker { regions us-east-1 uses q objective rpo 1m }`,
        },
        {
            // rpo-unachievable reports it (the next describe): one finding per cause.
            name: 'an SQS queue in one region written by a service in two with an RPO objective',
            text: SINGLE_REGION_SQS,
        },
        {
            name: 'a Kafka topic mirrored by MirrorMaker 2 (its consumers are the other rule)',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                `${MIRRORED} consumers idempotent`,
                `${ACTIVE_ACTIVE} reads q objective rpo 1m`,
            ),
        },
    ],
    invalid: [
        {
            name: 'an SQS queue in each region behind an active-active service with an RPO objective',
            text: design('sqs', 'us-east-1, us-west-2', SQS_PER_REGION, `${ACTIVE_ACTIVE} uses q objective rpo 1m`),
            at: 'engine sqs',
            says: [
                'q is an SQS queue and SQS has no cross-region replication (docs/facts.md#sqs-single-region)',
                'each of us-east-1 and us-west-2 has its own, independent copy',
                'RPO objective of 1 m',
                'stranded there until it returns',
            ],
        },
        {
            name: 'a Kinesis stream in one region read by a service that fails over',
            text: design('kinesis', 'us-east-1', '', `${PASSIVE} reads q objective rpo 5m`, FAILOVER),
            at: 'engine kinesis',
            says: [
                'q is a Kinesis data stream and Kinesis Data Streams has no cross-region replication (docs/facts.md#kinesis-single-region)',
                'its messages are only in us-east-1',
            ],
        },
        {
            name: 'an RPO objective declared on the queue itself',
            text: design(
                'sqs',
                'us-east-1, us-west-2',
                `${SQS_PER_REGION} objective rpo 30s`,
                `${ACTIVE_ACTIVE} uses q`,
            ),
            at: 'engine sqs',
            says: ['and q has an RPO objective of 30 s'],
        },
        {
            name: 'a Kafka cluster per region that is not mirrored',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                'writes any-region replication none consistency eventual',
                `${ACTIVE_ACTIVE} uses q objective rpo 1m`,
            ),
            at: 'engine kafka',
            says: ["q is a Kafka topic and it declares 'replication none'"],
        },
    ],
});

describe('a queue in one region that misses an RPO objective is reported once, by rpo-unachievable', () => {
    it.each([
        { name: 'the objective of a service that writes it', text: SINGLE_REGION_SQS, rpoRule: true, queueRule: false },
        {
            name: 'the queue’s own objective',
            text: SINGLE_REGION_SQS.replace('consistency eventual', 'consistency eventual objective rpo 1m').replace(
                'uses q objective rpo 1m',
                'uses q',
            ),
            rpoRule: true,
            queueRule: false,
        },
        {
            // rpo-unachievable judges the stores a service uses, not those it only reads: the queue rule speaks.
            name: 'the objective of a service that only reads it',
            text: SINGLE_REGION_SQS.replace('uses q', 'reads q'),
            rpoRule: false,
            queueRule: true,
        },
    ])('$name', async ({ text, rpoRule, queueRule }) => {
        expect(text.match(/objective rpo 1m/g)).toHaveLength(1);
        const codes = (await diagnosticsOf(text)).diagnostics.map((d) => d.code);
        expect(codes.includes('rpo-unachievable')).toBe(rpoRule);
        expect(codes.includes('queue-not-replicated')).toBe(queueRule);
    });
});

ruleCases('consumer-failover-duplicates', {
    valid: [
        {
            name: 'consumers that deduplicate, declared as consumers idempotent',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                `${MIRRORED} consumers idempotent`,
                `${PASSIVE} reads q`,
                FAILOVER,
            ),
        },
        {
            name: 'a consumer that runs in one region and never fails over',
            text: design('kafka', 'us-east-1, us-west-2', MIRRORED, 'regions us-east-1 reads q'),
        },
        {
            name: 'a Kafka cluster in one region: nothing is mirrored, no offsets are translated',
            text: `${REGIONS}store q { engine kafka regions us-east-1 holds per-user sequence backup every 1h to us-west-2 }
service worker { regions us-east-1 reads q }`,
        },
        {
            name: 'an SQS queue: no MirrorMaker checkpoints to resume from',
            text: design('sqs', 'us-east-1, us-west-2', SQS_PER_REGION, `${ACTIVE_ACTIVE} uses q`),
        },
    ],
    invalid: [
        {
            name: 'a MirrorMaker 2 topic read by a service that fails over from us-east-1 to us-west-2',
            text: design('kafka', 'us-east-1, us-west-2', MIRRORED, `${PASSIVE} reads q`, FAILOVER),
            at: 'engine kafka',
            says: [
                'q is mirrored between us-east-1 and us-west-2 by MirrorMaker 2',
                'every 1 m by default (docs/facts.md#kafka-mirrormaker2)',
                'delivered again up to ≈ 1 m of messages',
                'up to ≈ 2 m when they rely on the group-offset sync',
                "declare 'consumers idempotent'",
            ],
        },
        {
            // 2,000 messages/s × the 60 s default checkpoint interval = 120,000 messages; then the 2 s of lag not yet
            // mirrored when the source failed, 4,000, which the consumers had taken there and get again.
            name: 'the count of redelivered messages at the workload aimed at the topic, and the unmirrored tail',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                MIRRORED,
                `${ACTIVE_ACTIVE} reads q`,
                'workload events for q { writes 2000/s from us-east-1 100% }',
            ),
            at: 'engine kafka',
            says: [
                '≈ 120,000 messages at 2,000/s',
                '(an estimate from the default intervals); then ≈ 2 s of messages (≈ 4,000) not yet mirrored, delivered again once the source region returns.',
            ],
        },
        {
            // 2,000 messages/s × a declared 10 s checkpoint interval = 20,000 messages; + 60 s default sync = 70 s.
            name: 'a checkpoint interval the design declares',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                `${MIRRORED} checkpoint every 10s`,
                `${ACTIVE_ACTIVE} reads q`,
                'workload events for q { writes 2000/s from us-east-1 100% }',
            ),
            at: 'engine kafka',
            says: ['every 10 s (declared)', '≈ 20,000 messages at 2,000/s', 'up to ≈ 1 m 10 s when they rely'],
        },
        {
            name: 'a unique invariant that every duplicate breaks',
            text: design(
                'kafka',
                'us-east-1, us-west-2',
                `${MIRRORED} invariant unique order_id`,
                `${ACTIVE_ACTIVE} uses q`,
            ),
            at: 'engine kafka',
            severity: 'error',
            says: ['invariant unique order_id breaks on every duplicate'],
        },
    ],
});

describe('the quick fix of consumer-failover-duplicates', () => {
    it('declares idempotent consumers on the store, and the finding goes away with nothing new', async () => {
        const { checked, actions } = await actionsFor(
            design('kafka', 'us-east-1, us-west-2', MIRRORED, `${PASSIVE} reads q`, FAILOVER),
            (d) => d.code === 'consumer-failover-duplicates',
        );
        const action = actions.find((a) => a.title === 'Declare idempotent consumers (consumers idempotent)');
        expect(action, actions.map((a) => a.title).join('\n')).toBeDefined();
        const fixed = apply(checked, action!);
        expect(fixed).toContain('consumers idempotent');
        const after = await check(fixed);
        expect(after.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(
            checked.diagnostics
                .filter((d) => d.code !== 'consumer-failover-duplicates')
                .map((d) => `${d.code}: ${d.message}`),
        );
    });
});

describe('the redelivery count of consumer-failover-duplicates', () => {
    // Closed form: a consumer resumes from a checkpoint up to 60 s old (the MirrorMaker 2 default), so the messages
    // delivered again at a produce rate r are r × 60.
    it('is the workload rate × the 60 s checkpoint interval, for any rate', async () => {
        await fc.assert(
            fc.asyncProperty(fc.integer({ min: 1, max: 200_000 }), async (rate) => {
                const { diagnostics } = await diagnosticsOf(
                    design(
                        'kafka',
                        'us-east-1, us-west-2',
                        MIRRORED,
                        `${ACTIVE_ACTIVE} reads q`,
                        `workload events for q { writes ${rate}/s from us-east-1 100% }`,
                    ),
                );
                const message = String(
                    diagnostics.find((d) => d.code === 'consumer-failover-duplicates')?.message ?? '',
                );
                const count = /≈ ([\d,]+) messages at/.exec(message)?.[1];
                expect(Number(count?.replaceAll(',', ''))).toBe(rate * 60);
            }),
            { numRuns: 25 },
        );
    });
});
