// The editor on queue, stream and object-storage engines: completion offers the engines, the turbo-replication
// feature and `consumers idempotent`; the engine and store hovers lead with the figure that matters (the Kafka
// redelivery window, where SQS messages are stranded, the GCS RPO bound, the Azure account failover time).
import { describe, expect, it } from 'vitest';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;

describe('completion', () => {
    it('offers the queue, stream and object-storage engines after engine', async () => {
        const labels = await completionLabelsAt(`${DESIGN}store s { engine <|> }`);
        expect(labels).toEqual(expect.arrayContaining(['kafka', 'kinesis', 'sqs', 'gcs', 'azure-blob']));
    });

    it('offers turbo-replication among the features of a Cloud Storage bucket only', async () => {
        expect(await completionLabelsAt(`${DESIGN}store s { engine gcs features <|> }`)).toContain('turbo-replication');
        expect(await completionLabelsAt(`${DESIGN}store s { engine dynamodb features <|> }`)).not.toContain(
            'turbo-replication',
        );
    });

    it('offers the checkpoint clause in a Kafka store only', async () => {
        expect(await completionLabelsAt(`${DESIGN}store s { engine kafka <|> }`)).toContain('checkpoint');
        expect(await completionLabelsAt(`${DESIGN}store s { engine sqs <|> }`)).not.toContain('checkpoint');
    });

    it('offers the consumers clause in a store, and idempotent after it', async () => {
        expect(await completionLabelsAt(`${DESIGN}store s { engine kafka <|> }`)).toContain('consumers');
        expect(await completionLabelsAt(`${DESIGN}store s { engine kafka consumers <|> }`)).toEqual(['idempotent']);
    });
});

describe('hover of the engine keywords', () => {
    it.each([
        ['gcs', /RPO at most 12 h with default replication[\s\S]*at most 15 m with `features turbo-replication`/],
        ['azure-blob', /account failover typically about 1 h \(\[docs\/facts\.md#azure-storage-account-failover\]/],
        ['kafka', /resumes from the last offset checkpoint, every 1 m by default/],
        ['sqs', /no cross-region replication/],
        ['kinesis', /no cross-region replication/],
    ])('leads the %s hover with the figure that matters', async (engine, pattern) => {
        expect(await hoverAt(`${DESIGN}store s { engine <|>${engine} }`)).toMatch(pattern);
    });
});

describe('hover of a store', () => {
    const first = (text: string | undefined) => text?.split('\n').find((l) => l.startsWith('- '));

    it.each([
        [
            'a mirrored Kafka topic: the redelivery window, with the count at the workload aimed at it',
            `${DESIGN}store <|>q { engine kafka regions us-east-1, us-west-2 holds shared sequence writes primary us-east-1 replication async lag 2s consistency eventual }
workload w for q { writes 2000/s from us-east-1 100% }`,
            '- **Consumer failover: redelivers up to ≈ 1 m of messages (≈ 120,000 messages)** — the last MirrorMaker 2 checkpoint',
        ],
        [
            'a Kafka topic with a declared checkpoint interval: the window it gives',
            `${DESIGN}store <|>q { engine kafka regions us-east-1, us-west-2 holds shared sequence writes primary us-east-1 replication async lag 2s consistency eventual checkpoint every 10s }`,
            '- **Consumer failover: redelivers up to ≈ 10 s of messages**',
        ],
        [
            // 2 s of lag × 2,000 messages/s: the tail not yet mirrored when the source failed.
            'a mirrored Kafka topic: then the unmirrored tail, delivered again once the source returns',
            `${DESIGN}store <|>q { engine kafka regions us-east-1, us-west-2 holds shared sequence writes primary us-east-1 replication async lag 2s consistency eventual }
workload w for q { writes 2000/s from us-east-1 100% }`,
            '; then ≈ 2 s of messages (≈ 4,000) not yet mirrored, delivered again once the source region returns',
        ],
        [
            'an SQS queue per region: no cross-region copy',
            `${DESIGN}store <|>q { engine sqs regions us-east-1, us-west-2 holds per-user sequence writes any-region consistency eventual }`,
            '- **Cross-region: none** — the messages in a failed region are stranded there until it returns',
        ],
        [
            'a GCS bucket with turbo replication: its RPO bound',
            `${DESIGN}store <|>b { engine gcs regions us-east-1, us-west-2 holds shared blob conflicts lww consistency eventual features turbo-replication }`,
            '- **RPO bound: 15 m**; RTO 0',
        ],
        [
            'an Azure GRS account: its failover time',
            `${DESIGN}store <|>b { engine azure-blob regions us-east-1, us-west-2 holds shared blob consistency eventual }`,
            '- **Account failover: ≈ 1 h typical**',
        ],
    ])('leads with %s', async (_what, text, lead) => {
        expect(first(await hoverAt(text))).toContain(lead);
    });
});
