// One fixture per queue, stream and object-storage engine (test/fixtures/queues): each triggers exactly the rules
// its header names, and its scenario simulates to the closed form of what replication leaves behind at a region
// loss — writes accepted in the failed region within one lag of the cut are stranded there (and lost if a
// promotion abandons them): rate in that region × min(lag, time since the start).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '../../cli/workspace.js';
import { ROOT } from '../helpers/bundles.js';
import { headerRules, reportedCodes } from '../helpers/rules-header.js';
import { designOf, runModelWithDeadline } from '../simulation/helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'queues');
const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.mregion'))
    .sort();
const textOf = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

const header = (file: string): string[] => headerRules(readFileSync(path.join(DIR, file), 'utf8'));

describe('queue and object-storage fixtures trigger exactly the rules their header names', () => {
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        workspace = await loadWorkspace(files.map((f) => path.join(DIR, f)));
    });

    it('has one fixture per engine', () => {
        const engines = files.map((f) => /engine\s+([a-z0-9-]+)/.exec(textOf(f))?.[1]).sort();
        expect(engines).toEqual(['azure-blob', 'gcs', 'kafka', 'kinesis', 'sqs']);
    });

    for (const file of files) {
        it(`${file}: ${header(file).join(', ') || 'none'}`, () => {
            const document = workspace.requested.find((d) => d.uri.fsPath.endsWith(`/${file}`))!;
            expect(reportedCodes(document)).toEqual(header(file));
        });
    }
});

/** The fixture's scenario, simulated despite the design-rule findings it exists to show. */
const run = async (file: string) => runModelWithDeadline(await designOf(textOf(file), true));

/** Within 5 % of the closed form: arrivals are a seeded Poisson process. */
const near = (measured: number, expected: number) =>
    expect(Math.abs(measured - expected)).toBeLessThan(expected * 0.05);

describe('the fixtures simulate to the closed form of a region loss', () => {
    it('Kafka: 2,000/s produced in us-east-1 × a 2 s lag are stranded at its outage, all delivered at the heal', async () => {
        const report = await run('kafka-mirrormaker2.mregion');
        const store = report.stores.find((s) => s.name === 'order-events')!;
        near(store.strandedWrites, 2000 * 2);
        expect(store.deliveredAtHeal).toBe(store.strandedWrites);
        expect(store.lostWrites).toBe(0);
    });

    it('GCS: default replication strands 50/s × the 30 min since the start (under its 1 h lag), turbo 50/s × 15 min', async () => {
        const report = await run('gcs-dual-region.mregion');
        const uploads = report.stores.find((s) => s.name === 'uploads')!;
        const thumbnails = report.stores.find((s) => s.name === 'thumbnails')!;
        near(uploads.strandedWrites, 50 * 30 * 60);
        near(thumbnails.strandedWrites, 50 * 15 * 60);
        expect(uploads.lostWrites + thumbnails.lostWrites).toBe(0);
    });

    it('Azure GRS: the account failover abandons 100/s × the 15 min typical lag', async () => {
        const report = await run('azure-blob-grs.mregion');
        const documents = report.stores.find((s) => s.name === 'documents')!;
        near(documents.lostWrites, 100 * 15 * 60);
    });

    it.each([
        ['sqs-per-region.mregion', 'order-queue'],
        ['kinesis-stream.mregion', 'clicks'],
    ])('%s: a queue per region replicates nothing, so nothing is in flight to strand or lose', async (file, name) => {
        const report = await run(file);
        const store = report.stores.find((s) => s.name === name)!;
        expect(store.replication.mode).toBe('none');
        expect(store.strandedWrites + store.lostWrites).toBe(0);
    });
});
