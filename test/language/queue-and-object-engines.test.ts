// Queue, stream and object-storage engines: the defaults the model takes from docs/facts.md, the RPO range each
// gives, and the clauses that apply to only some of them. The expected figures are the vendors' own (Google: 1 h
// typical, 12 h RPO, 15 min with turbo replication; Microsoft: RPO typically under 15 min with no SLA; MirrorMaker 2
// documents no lag), written here as numbers, not read from the implementation's tables.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimateRpo, judged } from '../../language/semantics/estimators/index.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1']
    .map((r) => `region ${r} { provider aws jurisdiction US }`)
    .join('\n');
const store = (engine: string, clauses = '', regions = 'us-east-1, us-west-2') =>
    `topology T\n${REGIONS}\nstore s {\n    engine ${engine}\n    regions ${regions}\n    holds shared blob\n    ${clauses}\n}\n`;

async function storeOf(text: string) {
    const { model, diagnostics } = await modelOf(text);
    const problems = diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`);
    return { store: model.stores.get('s')!, problems };
}

describe('engine defaults', () => {
    const cases = [
        {
            name: 'a Cloud Storage dual-region bucket replicates asynchronously, typically within 1 h, any region writes',
            engine: 'gcs',
            clauses: 'conflicts lww consistency eventual',
            replication: { mode: 'async', lagMs: HOUR, lagBound: 12 * HOUR },
            writes: 'any-region',
        },
        {
            name: 'turbo replication bounds the bucket at 15 min, and no typical figure is documented',
            engine: 'gcs',
            clauses: 'conflicts lww consistency eventual features turbo-replication',
            replication: { mode: 'async', lagMs: 15 * MIN, lagBound: 15 * MIN },
            writes: 'any-region',
        },
        {
            name: 'Azure GRS copies to the secondary asynchronously, typically within 15 min, with no bound; the primary writes',
            engine: 'azure-blob',
            clauses: 'consistency eventual',
            replication: { mode: 'async', lagMs: 15 * MIN },
            writes: 'primary',
        },
        {
            name: 'an SQS queue per region is not replicated',
            engine: 'sqs',
            clauses: 'writes any-region consistency eventual',
            replication: { mode: 'none' },
            writes: 'any-region',
        },
        {
            name: 'a Kinesis stream per region is not replicated',
            engine: 'kinesis',
            clauses: 'writes any-region consistency eventual',
            replication: { mode: 'none' },
            writes: 'any-region',
        },
        {
            name: 'a Kafka topic mirrored by MirrorMaker 2 takes the lag the design declares',
            engine: 'kafka',
            clauses: 'writes primary us-east-1 replication async lag 2s consistency eventual',
            replication: { mode: 'async', lagMs: 2_000 },
            writes: 'primary',
        },
    ];
    test.each(cases)('$name', async ({ engine, clauses, replication, writes }) => {
        const { store: s, problems } = await storeOf(store(engine, clauses));
        expect(problems).toEqual([]);
        expect(s.replication.mode).toBe(replication.mode);
        expect(s.replication.lagMs).toBe(replication.lagMs);
        expect(s.replication.lagBound?.ms).toBe(replication.lagBound);
        expect(s.writes.policy).toBe(writes);
    });

    test('a mirrored Kafka topic without a declared lag asks for one: MirrorMaker 2 documents none', async () => {
        const { problems } = await storeOf(store('kafka', 'writes primary us-east-1 consistency eventual'));
        expect(problems.join('\n')).toMatch(/async replication of kafka store needs 'lag'/);
    });

    test('a Kafka topic resolves no conflicts: mirrored topics are renamed after their source cluster', async () => {
        const { store: s } = await storeOf(
            store('kafka', 'writes any-region replication async lag 2s consistency eventual'),
        );
        expect(s.conflicts.strategy).toBe('single-owner');
        expect(s.conflicts.provenance).toMatchObject({ kind: 'default' });
    });
});

describe('the RPO of object stores, judged', () => {
    const cases = [
        { name: 'GCS default: typical 1 h, worst the 12 h RPO', features: '', typical: HOUR, worst: 12 * HOUR },
        {
            name: 'GCS turbo replication: 15 min at either end',
            features: 'features turbo-replication',
            typical: 15 * MIN,
            worst: 15 * MIN,
        },
        {
            name: 'GCS default with hourly backups elsewhere: the backup caps the worst end at 1 h',
            features: 'backup every 1h to eu-west-1',
            typical: HOUR,
            worst: HOUR,
        },
    ];
    test.each(cases)('$name', async ({ features, typical, worst }) => {
        const { store: s } = await storeOf(store('gcs', `conflicts lww consistency eventual ${features}`));
        const rpo = estimateRpo(s);
        expect(rpo.range?.bestMs).toBe(0);
        expect(judged(rpo.range!, 'typical').ms).toBe(typical);
        expect(judged(rpo.range!, 'worst')).toMatchObject({ ms: worst, end: 'worst' });
    });

    // Closed form: a backup every B copies the bucket elsewhere, so the loss is at most min(B, 12 h); a backup more
    // often than the 1 h typical lag is the better estimate outright (0 to B, B/2 typical).
    test('a GCS bucket backed up every B loses at most min(B, 12 h), for any B', async () => {
        await fc.assert(
            fc.asyncProperty(fc.integer({ min: 1, max: 48 * 60 }), async (minutes) => {
                const b = minutes * MIN;
                const { store: s } = await storeOf(
                    store('gcs', `conflicts lww consistency eventual backup every ${minutes}m to eu-west-1`),
                );
                const rpo = estimateRpo(s);
                expect(judged(rpo.range!, 'worst').ms).toBe(Math.min(b, 12 * HOUR));
                expect(judged(rpo.range!, 'typical').ms).toBe(b < HOUR ? b / 2 : HOUR);
            }),
            { numRuns: 40 },
        );
    });

    test('Azure geo-replication has no SLA: the worst end stays open and the typical 15 min is judged', async () => {
        const { store: s } = await storeOf(store('azure-blob', 'consistency eventual'));
        const rpo = estimateRpo(s);
        expect(rpo.range?.worstMs).toBeUndefined();
        expect(judged(rpo.range!, 'worst')).toMatchObject({ ms: 15 * MIN, end: 'typical' });
        expect(rpo.reason).toContain('typical, not a bound');
    });

    test('a declared lag on a GCS bucket is the design’s own figure, with no documented bound attached', async () => {
        const { store: s } = await storeOf(store('gcs', 'conflicts lww consistency eventual replication async lag 5m'));
        expect(s.replication.lagBound).toBeUndefined();
        expect(estimateRpo(s).range).toMatchObject({ bestMs: 5 * MIN, typicalMs: 5 * MIN, worstMs: 5 * MIN });
    });
});

describe('the RPO of a queue that is not replicated', () => {
    test('a queue per region loses no replicated message, and the reason says the failed region strands its own', async () => {
        const rpo = estimateRpo((await storeOf(store('sqs', 'writes any-region consistency eventual'))).store);
        expect(rpo).toMatchObject({ ms: 0, basis: 'independent' });
        expect(rpo.reason).toContain('stranded there until it returns');
    });

    test('a queue in one region: an outage strands its messages, a lost region takes them', async () => {
        const rpo = estimateRpo((await storeOf(store('kinesis', '', 'us-east-1'))).store);
        expect(rpo).toMatchObject({ basis: 'no-copy' });
        expect(rpo.ms).toBeUndefined();
        expect(rpo.reason).toBe(
            'the messages are only in us-east-1 and no backup is declared: a region outage strands them until it returns, and a lost region takes them all',
        );
    });
});

describe('clauses that apply to some engines only', () => {
    test('checkpoint every is kept on a Kafka topic, in ms', async () => {
        const { store: s, problems } = await storeOf(
            store(
                'kafka',
                'writes primary us-east-1 replication async lag 2s consistency eventual checkpoint every 10s',
            ),
        );
        expect(problems).toEqual([]);
        expect(s.checkpointMs).toBe(10_000);
    });

    test('a checkpoint interval that is not a duration is a wrong unit', async () => {
        const { problems } = await storeOf(
            store(
                'kafka',
                'writes primary us-east-1 replication async lag 2s consistency eventual checkpoint every 10GB',
            ),
        );
        expect(problems.join('\n')).toMatch(/^wrong-unit: .*checkpoint interval/m);
    });

    test('consumers idempotent is kept on a queue', async () => {
        const { store: s, problems } = await storeOf(
            store(
                'kafka',
                'writes primary us-east-1 replication async lag 2s consistency eventual consumers idempotent',
            ),
        );
        expect(problems).toEqual([]);
        expect(s.consumersIdempotent).toBe(true);
    });

    const invalid = [
        {
            name: 'consumers on a database',
            text: store('dynamodb', '«consumers» idempotent'),
            message:
                /'consumers' describes the consumers of a queue or stream \(kafka, kinesis, sqs\); a dynamodb store has none/,
        },
        {
            name: 'a checkpoint interval on an SQS queue',
            text: store('sqs', 'writes any-region consistency eventual «checkpoint» every 10s'),
            message:
                /'checkpoint' is the interval of Kafka MirrorMaker 2's consumer-offset checkpoints .*; a sqs store has none/,
        },
        {
            name: 'turbo replication on an S3 bucket',
            text: store('s3', 'replication async lag 1m writes primary features «turbo-replication»'),
            message:
                /turbo replication is a Cloud Storage dual-region feature .*gcs-turbo-replication.*; a s3 store has none/,
        },
        {
            name: 'turbo replication on a bucket over three regions',
            text: store(
                'gcs',
                'conflicts lww consistency eventual features ttl, «turbo-replication»',
                'us-east-1, us-west-2, eu-west-1',
            ),
            message: /turbo replication applies only to dual-region buckets, and this bucket has 3 regions/,
        },
    ];
    test.each(invalid)('reports $name as inapplicable, at the offending word', async ({ text: marked, message }) => {
        const { text, ranges } = unmark(marked);
        const { diagnostics } = await validate(text);
        const found = diagnostics.filter(
            (d) => d.code === ProblemCodes.InapplicableProperty && message.test(String(d.message)),
        );
        expect(
            found.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});

describe('the Azure account failover', () => {
    test('promote on an azure-blob store takes about an hour, through the Storage resource provider', async () => {
        const { model, diagnostics } = await modelOf(`${store('azure-blob', 'consistency eventual')}
service api { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby uses s }
failover api from us-east-1 to us-west-2 { detect health-check every 10s threshold 3 route anycast action promote s in us-west-2 }
`);
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => d.message)).toEqual([]);
        const promote = model.failovers[0]!.actions[0]!;
        expect(promote).toMatchObject({
            kind: 'promote',
            plane: 'control-plane',
            controlPlaneRegion: 'us-west-2',
            durationMs: HOUR,
        });
        expect(promote.controlPlaneName).toContain('Azure Storage resource provider');
    });
});
