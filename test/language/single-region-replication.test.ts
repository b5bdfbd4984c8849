// An engine's default replication mode describes its copies in other regions (DynamoDB global tables, Aurora Global,
// MirrorMaker 2, S3 cross-region replication…). A store in one region has no such copy, so the model says 'none'
// and why, whatever the engine (a witness votes, so a store with one keeps its default); a mode the design declares
// is kept as written.
import { describe, expect, test } from 'vitest';
import { modelOf } from '../helpers/services.js';

const design = (engine: string, clauses = '') =>
    `topology T\nregion us-east-1 { provider aws jurisdiction US }\nregion us-west-2 { provider aws jurisdiction US }\n` +
    `store s {\n    engine ${engine}\n    regions us-east-1\n    holds shared blob\n    ${clauses}\n}\n`;

async function replicationOf(text: string) {
    const { model } = await modelOf(text);
    const store = model.stores.get('s');
    if (store === undefined) throw new Error('store s is missing from the model');
    return store.replication;
}

describe('a store in one region', () => {
    test.each([
        { engine: 'dynamodb', defaultMode: 'async (MREC)' },
        { engine: 'aurora', defaultMode: 'async (Aurora Global)' },
        { engine: 'spanner', defaultMode: 'consensus (Paxos)' },
        { engine: 'cockroachdb', defaultMode: 'consensus (Raft)' },
        { engine: 's3', defaultMode: 'async (cross-region replication)' },
        { engine: 'gcs', defaultMode: 'async (dual-region bucket)' },
        { engine: 'kafka', defaultMode: 'async (MirrorMaker 2)' },
        { engine: 'workers-kv', defaultMode: 'async (eventual)' },
    ])(
        'a $engine store in one region replicates nowhere, though its default elsewhere is $defaultMode',
        async ({ engine }) => {
            const replication = await replicationOf(design(engine));
            expect(replication.mode).toBe('none');
            expect(replication.lagMs).toBeUndefined();
            expect(replication.provenance).toEqual({
                kind: 'derived',
                from: 'a single region has nothing to replicate to',
            });
        },
    );

    test('a mode the design declares for a store in one region is kept as declared', async () => {
        const replication = await replicationOf(design('dynamodb', 'replication async lag 2s'));
        expect(replication).toMatchObject({ mode: 'async', lagMs: 2000, provenance: { kind: 'declared' } });
    });
});

describe('a store with a witness', () => {
    test('a CockroachDB store in one region with a witness elsewhere keeps consensus replication from the facts', async () => {
        const replication = await replicationOf(design('cockroachdb', 'witness us-west-2'));
        expect(replication.mode).toBe('consensus');
        expect(replication.provenance.kind).toBe('default');
    });
});

describe('a store in two regions', () => {
    test('a DynamoDB table in two regions still takes MREC asynchronous replication from the facts', async () => {
        const text = design('dynamodb').replace('regions us-east-1\n', 'regions us-east-1, us-west-2\n');
        const replication = await replicationOf(text);
        expect(replication.mode).toBe('async');
        expect(replication.provenance.kind).toBe('default');
    });
});
