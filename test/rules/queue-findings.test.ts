// queue-not-replicated and consumer-failover-duplicates, whole findings: place, severity, message, related location
// and fix. The rule-cases tables (queue-rules.test.ts) check fragments only. As the rule pages say: SQS and Kinesis
// keep a queue's messages in one region (docs/facts.md#sqs-single-region, #kinesis-single-region), so a service that
// moves between regions and promises an RPO strands them; MirrorMaker 2 translates consumer offsets every 60 s by
// default and syncs group offsets every 60 s more (docs/facts.md#kafka-mirrormaker2), so a consumer that fails over
// is delivered again up to one checkpoint interval of messages, up to two with the sync. Counts worked per case.
import { describe, expect, it } from 'vitest';
import { wholeFindingsWithRelated } from './whole-findings-related.js';

const REGIONS = `topology Orders
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;
const BOTH = 'us-east-1, us-west-2';
const ACTIVE_ACTIVE = `regions ${BOTH} posture active-active capacity 100% per region`;
const PASSIVE = `regions ${BOTH} primary us-east-1 posture active-passive capacity 100% per region`;
const FAILOVER = `failover worker from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3 route global-accelerator action shift-traffic drill every 30d }`;
const PER_REGION = 'writes any-region consistency eventual';

const queue = (engine: string, regions: string, clauses: string, name = 'q') =>
    `store ${name} { engine ${engine} regions ${regions} holds per-user sequence ${clauses} }\n`;
const worker = (clauses: string, name = 'worker') => `service ${name} { ${clauses} }\n`;

/** queue-not-replicated's message: `what` the queue is and `why`, `where` its messages are, who runs where. */
const STRANDED = (what: string, why: string, where: string, service: string, owner: string, rpo: string) =>
    `${what} and ${why}: ${where}. ${service} and ${owner} an RPO objective of ${rpo}, but the messages enqueued in a ` +
    `region that fails are stranded there until it returns — consumers in another region cannot reach them. Publish ` +
    `to a queue in a second region as well (and declare that copy as 'replication async lag …'), or accept the ` +
    `stranded messages in the objective.`;
const SQS = 'q is an SQS queue';
const SQS_WHY = 'SQS has no cross-region replication (docs/facts.md#sqs-single-region)';
const KINESIS_WHY = 'Kinesis Data Streams has no cross-region replication (docs/facts.md#kinesis-single-region)';
const COPIES = 'each of us-east-1 and us-west-2 has its own, independent copy';

/** An SQS queue in both regions behind the active-active worker with an RPO objective of 1 m. */
const SQS_BOTH_REGIONS_RPO_1M = {
    at: 'engine sqs',
    severity: 'warning',
    message: STRANDED(SQS, SQS_WHY, COPIES, 'worker runs in us-east-1 and us-west-2', 'it has', '1 m'),
    fixes: [],
    related: [['rpo 1m', 'the RPO objective of worker']],
};

describe('queue-not-replicated', () => {
    it.each([
        {
            name: 'an SQS queue in each region behind an active-active service points at the engine and the service’s objective',
            design: `${REGIONS}${queue('sqs', BOTH, PER_REGION)}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [SQS_BOTH_REGIONS_RPO_1M],
        },
        {
            name: 'the queue’s own objective is named as the queue’s, and the related location is on the queue',
            design: `${REGIONS}${queue('sqs', BOTH, `${PER_REGION} objective rpo 30s`)}${worker(`${ACTIVE_ACTIVE} uses q`)}`,
            expected: [
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: STRANDED(SQS, SQS_WHY, COPIES, 'worker runs in us-east-1 and us-west-2', 'q has', '30 s'),
                    fixes: [],
                    related: [['rpo 30s', 'the RPO objective of q']],
                },
            ],
        },
        {
            // Both objectives: the service's is the one it promises (1 m), not the queue's (30 s).
            name: 'a service objective wins over the queue’s own',
            design: `${REGIONS}${queue('sqs', BOTH, `${PER_REGION} objective rpo 30s`)}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [SQS_BOTH_REGIONS_RPO_1M],
        },
        {
            // A backup every hour loses at most 1 h, within the 2 h objective: rpo-unachievable is silent, so the queue
            // rule names the one region its messages are in.
            name: 'a single-region queue whose backup meets the objective is this rule’s to report',
            design: `${REGIONS}${queue('sqs', 'us-east-1', 'consistency eventual backup every 1h to us-west-2')}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 2h`)}`,
            expected: [
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: STRANDED(
                        SQS,
                        SQS_WHY,
                        'its messages are only in us-east-1',
                        'worker runs in us-east-1 and us-west-2',
                        'it has',
                        '2 h',
                    ),
                    fixes: [],
                    related: [['rpo 2h', 'the RPO objective of worker']],
                },
            ],
        },
        {
            // rpo-unachievable also reports this one (no copy, no backup), but only a queue in one region is left to it.
            name: 'a queue in two regions written from one still speaks beside rpo-unachievable',
            design: `${REGIONS}${queue('sqs', BOTH, 'writes primary us-east-1 consistency eventual')}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [SQS_BOTH_REGIONS_RPO_1M],
        },
        {
            name: 'a Kinesis stream in one region read by a service that fails over',
            design: `${REGIONS}${queue('kinesis', 'us-east-1', 'backup every 1h to us-west-2')}${worker(`${PASSIVE} reads q objective rpo 5m`)}${FAILOVER}`,
            expected: [
                {
                    at: 'engine kinesis',
                    severity: 'warning',
                    message: STRANDED(
                        'q is a Kinesis data stream',
                        KINESIS_WHY,
                        'its messages are only in us-east-1',
                        'worker runs in us-east-1 and us-west-2',
                        'it has',
                        '5 m',
                    ),
                    fixes: [],
                    related: [['rpo 5m', 'the RPO objective of worker']],
                },
            ],
        },
        {
            // One region, but a failover moves it: the queue's copy in us-east-1 is out of reach once it has moved.
            name: 'a service in one region that a failover moves',
            design: `${REGIONS}${queue('sqs', BOTH, PER_REGION)}${worker('regions us-east-1 uses q objective rpo 1m')}failover worker { detect health-check every 10s threshold 3 route global-accelerator action shift-traffic drill every 30d }\n`,
            expected: [
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: STRANDED(SQS, SQS_WHY, COPIES, 'worker runs in us-east-1', 'it has', '1 m'),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
            ],
        },
        {
            name: 'a Kafka cluster per region that is not mirrored says it declares replication none',
            design: `${REGIONS}${queue('kafka', BOTH, 'writes any-region replication none consistency eventual')}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'warning',
                    message: STRANDED(
                        'q is a Kafka topic',
                        "it declares 'replication none'",
                        COPIES,
                        'worker runs in us-east-1 and us-west-2',
                        'it has',
                        '1 m',
                    ),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
            ],
        },
        {
            // Kafka's default replication is MirrorMaker 2's asynchronous mirroring, but one cluster in one region has
            // no other to mirror to: its messages are stranded there like an SQS queue's. rpo-unachievable does not
            // judge a store a service only reads, so this rule speaks.
            name: 'a Kafka topic in one region, read by a service in two, strands its messages there',
            design: `${REGIONS}${queue('kafka', 'us-east-1', 'consistency eventual backup every 1h to us-west-2')}${worker(`${ACTIVE_ACTIVE} reads q objective rpo 1m`)}`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'warning',
                    message: STRANDED(
                        'q is a Kafka topic',
                        'it has no cluster in another region to mirror to',
                        'its messages are only in us-east-1',
                        'worker runs in us-east-1 and us-west-2',
                        'it has',
                        '1 m',
                    ),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
            ],
        },
        {
            // The same topic written by the service: rpo-unachievable's error says the data is only in us-east-1.
            name: 'passes a Kafka topic in one region that misses the objective of a service writing it',
            design: `${REGIONS}${queue('kafka', 'us-east-1', 'consistency eventual backup every 1h to us-west-2')}${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [],
        },
        {
            // One finding per (service, queue): each queue a service touches, and each service on a queue.
            name: 'two queues of one service and two services on one queue are three findings',
            design: `${REGIONS}${queue('sqs', BOTH, PER_REGION)}${queue('kinesis', BOTH, PER_REGION, 'r')}${worker(`${ACTIVE_ACTIVE} uses q reads r objective rpo 1m`)}${worker(`${ACTIVE_ACTIVE} reads q objective rpo 1m`, 'other')}`,
            expected: [
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: STRANDED(SQS, SQS_WHY, COPIES, 'worker runs in us-east-1 and us-west-2', 'it has', '1 m'),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
                {
                    at: 'engine kinesis',
                    severity: 'warning',
                    message: STRANDED(
                        'r is a Kinesis data stream',
                        KINESIS_WHY,
                        COPIES,
                        'worker runs in us-east-1 and us-west-2',
                        'it has',
                        '1 m',
                    ),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: STRANDED(SQS, SQS_WHY, COPIES, 'other runs in us-east-1 and us-west-2', 'it has', '1 m'),
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of other']],
                },
            ],
        },
        {
            name: 'a service that both writes and reads a queue is one finding',
            design: `${REGIONS}${queue('sqs', BOTH, PER_REGION)}${worker(`${ACTIVE_ACTIVE} uses q reads q objective rpo 1m`)}`,
            expected: [SQS_BOTH_REGIONS_RPO_1M],
        },
        {
            // Per-cell instances over the same regions say the same thing: one finding, no cell named.
            name: 'a per-cell queue whose cells share their regions is one finding',
            design: `${REGIONS}cell c1 { regions ${BOTH} }\ncell c2 { regions ${BOTH} }\nstore q per cell { engine sqs holds per-user sequence ${PER_REGION} }\nservice worker per cell { posture active-active uses q objective rpo 1m }\n`,
            expected: [SQS_BOTH_REGIONS_RPO_1M],
        },
        {
            name: 'a per-cell queue whose cells differ names each cell',
            design: `${REGIONS}region eu-west-1 { provider aws }\ncell c1 { regions ${BOTH} }\ncell c2 { regions us-west-2, eu-west-1 }\nstore q per cell { engine sqs holds per-user sequence ${PER_REGION} }\nservice worker per cell { posture active-active uses q objective rpo 1m }\n`,
            expected: [
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: `${STRANDED(SQS, SQS_WHY, COPIES, 'worker runs in us-east-1 and us-west-2', 'it has', '1 m')} (cell c1)`,
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
                {
                    at: 'engine sqs',
                    severity: 'warning',
                    message: `${STRANDED(SQS, SQS_WHY, 'each of us-west-2 and eu-west-1 has its own, independent copy', 'worker runs in us-west-2 and eu-west-1', 'it has', '1 m')} (cell c2)`,
                    fixes: [],
                    related: [['rpo 1m', 'the RPO objective of worker']],
                },
            ],
        },
        {
            name: 'passes an SQS queue in each region behind a service in one region that nothing moves',
            design: `${REGIONS}${queue('sqs', BOTH, PER_REGION)}${worker('regions us-east-1 uses q objective rpo 1m')}`,
            expected: [],
        },
        {
            name: 'passes a store that is not a queue, even declared replication none',
            design: `${REGIONS}store q { engine redis regions ${BOTH} holds per-user document writes any-region replication none consistency eventual conflicts lww }\n${worker(`${ACTIVE_ACTIVE} uses q objective rpo 1m`)}`,
            expected: [],
        },
        {
            // rpo-unachievable judges the queue against its own objective (an error): one finding per cause.
            name: 'passes a single-region queue read by a service, measured against the queue’s own missed objective',
            design: `${REGIONS}${queue('sqs', 'us-east-1', 'consistency eventual objective rpo 1m backup every 1h to us-west-2')}${worker(`${ACTIVE_ACTIVE} reads q`)}`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindingsWithRelated('queue-not-replicated', design)).toEqual(expected);
    });
});

const MIRRORED = 'writes primary us-east-1 replication async lag 2s consistency eventual';
const EVENTS = 'workload events for q { writes 2000/s from us-east-1 100% }\n';

/** consumer-failover-duplicates' message, between its fixed parts. */
const REDELIVERED = (interval: string, again: string, withSync: string, basis: string, tail: string) =>
    `q is mirrored between us-east-1 and us-west-2 by MirrorMaker 2, which translates consumer offsets only at ` +
    `checkpoints, every ${interval} (docs/facts.md#kafka-mirrormaker2): when worker's consumers fail over to another ` +
    `region they resume from the last checkpoint and are delivered again up to ≈ ${again}, up to ≈ ${withSync} when ` +
    `they rely on the group-offset sync (an estimate from the ${basis})${tail}. Make the consumers idempotent ` +
    `(deduplicate on a message key) and declare 'consumers idempotent'.`;
const DEFAULTS = 'default intervals';
const DECLARED = 'checkpoint interval and the default sync interval';
const IDEMPOTENT = (block: string) => [
    {
        title: 'Declare idempotent consumers (consumers idempotent)',
        preferred: false,
        edits: [`add 'consumers idempotent' to '${block.trimEnd()}'`],
    },
];

describe('consumer-failover-duplicates', () => {
    it.each([
        {
            // No workload: no count. 60 s default checkpoint; + 60 s default group-offset sync = 2 m. The declared 2 s lag
            // is the tail not yet mirrored, with no count either.
            name: 'a mirrored topic read by a service that fails over, with the default intervals and no workload',
            design: `${REGIONS}${queue('kafka', BOTH, MIRRORED)}${worker(`${PASSIVE} reads q`)}${FAILOVER}`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'warning',
                    message: REDELIVERED(
                        '1 m by default',
                        '1 m of messages',
                        '2 m',
                        DEFAULTS,
                        '; then ≈ 2 s of messages not yet mirrored, delivered again once the source region returns',
                    ),
                    fixes: IDEMPOTENT(queue('kafka', BOTH, MIRRORED)),
                    related: [],
                },
            ],
        },
        {
            // 2,000/s × a declared 10 s = 20,000 messages; 10 s + 60 s sync = 1 m 10 s; the 2 s tail × 2,000/s = 4,000.
            // A unique invariant makes it an error.
            name: 'a declared checkpoint interval, a workload and a unique invariant',
            design: `${REGIONS}${queue('kafka', BOTH, `${MIRRORED} checkpoint every 10s invariant unique order_id`)}${worker(`${ACTIVE_ACTIVE} reads q`)}${EVENTS}`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'error',
                    message: REDELIVERED(
                        '10 s (declared)',
                        '10 s of messages (≈ 20,000 messages at 2,000/s)',
                        '1 m 10 s',
                        DECLARED,
                        '; then ≈ 2 s of messages (≈ 4,000) not yet mirrored, delivered again once the source region returns; invariant unique order_id breaks on every duplicate',
                    ),
                    fixes: IDEMPOTENT(
                        queue('kafka', BOTH, `${MIRRORED} checkpoint every 10s invariant unique order_id`),
                    ),
                    related: [],
                },
            ],
        },
        {
            // A 0 s lag leaves nothing unmirrored: no tail. 1,500/s × 60 s = 90,000.
            name: 'a zero lag says no unmirrored tail',
            design: `${REGIONS}${queue('kafka', BOTH, 'writes primary us-east-1 replication async lag 0s consistency eventual')}${worker(`${ACTIVE_ACTIVE} uses q`)}workload events for q { writes 1500/s from us-east-1 100% }\n`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'warning',
                    message: REDELIVERED(
                        '1 m by default',
                        '1 m of messages (≈ 90,000 messages at 1,500/s)',
                        '2 m',
                        DEFAULTS,
                        '',
                    ),
                    fixes: IDEMPOTENT(
                        queue('kafka', BOTH, 'writes primary us-east-1 replication async lag 0s consistency eventual'),
                    ),
                    related: [],
                },
            ],
        },
        {
            // Only `invariant unique` makes a duplicate an error; a non-negative total is not broken by a re-read.
            name: 'an invariant other than unique leaves it a warning',
            design: `${REGIONS}${queue('kafka', BOTH, `${MIRRORED} invariant non-negative total`)}${worker(`${PASSIVE} reads q`)}${FAILOVER}`,
            expected: [
                {
                    at: 'engine kafka',
                    severity: 'warning',
                    message: REDELIVERED(
                        '1 m by default',
                        '1 m of messages',
                        '2 m',
                        DEFAULTS,
                        '; then ≈ 2 s of messages not yet mirrored, delivered again once the source region returns',
                    ),
                    fixes: IDEMPOTENT(queue('kafka', BOTH, `${MIRRORED} invariant non-negative total`)),
                    related: [],
                },
            ],
        },
        {
            // Each consumer service fails over on its own: one finding per service, both at the topic's engine.
            name: 'two services reading one topic are two findings',
            design: `${REGIONS}${queue('kafka', BOTH, MIRRORED)}${worker(`${ACTIVE_ACTIVE} reads q`)}${worker(`${ACTIVE_ACTIVE} reads q`, 'audit')}`,
            expected: ['worker', 'audit'].map((service) => ({
                at: 'engine kafka',
                severity: 'warning',
                message: REDELIVERED(
                    '1 m by default',
                    '1 m of messages',
                    '2 m',
                    DEFAULTS,
                    '; then ≈ 2 s of messages not yet mirrored, delivered again once the source region returns',
                ).replace("when worker's", `when ${service}'s`),
                fixes: IDEMPOTENT(queue('kafka', BOTH, MIRRORED)),
                related: [],
            })),
        },
        {
            // Kafka's default replication is asynchronous, but one region has no other cluster to mirror to.
            name: 'passes a topic in one region, whose consumers have no other cluster to fail over to',
            design: `${REGIONS}${queue('kafka', 'us-east-1', 'replication async lag 2s consistency eventual backup every 1h to us-west-2')}${worker(`${PASSIVE} reads q`)}${FAILOVER}`,
            expected: [],
        },
        {
            name: 'passes a mirrored topic whose consumers are declared idempotent',
            design: `${REGIONS}${queue('kafka', BOTH, `${MIRRORED} consumers idempotent`)}${worker(`${PASSIVE} reads q`)}${FAILOVER}`,
            expected: [],
        },
        {
            name: 'passes a mirrored topic read by a service that stays in one region',
            design: `${REGIONS}${queue('kafka', BOTH, MIRRORED)}${worker('regions us-east-1 reads q')}`,
            expected: [],
        },
        {
            name: 'passes Kafka clusters per region that are not mirrored (queue-not-replicated’s case)',
            design: `${REGIONS}${queue('kafka', BOTH, 'writes any-region replication none consistency eventual')}${worker(`${ACTIVE_ACTIVE} reads q`)}`,
            expected: [],
        },
        {
            name: 'passes an SQS queue, which has no checkpoints',
            design: `${REGIONS}${queue('sqs', BOTH, `${PER_REGION} replication async lag 1s conflicts single-owner`)}${worker(`${ACTIVE_ACTIVE} reads q`)}`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindingsWithRelated('consumer-failover-duplicates', design)).toEqual(expected);
    });
});
