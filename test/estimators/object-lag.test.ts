// Object storage documents its replication time only as a percentile, with no median: the hover and the report say
// which percentile a store's lag is and that it is simulated as a fixed delay, so what it strands is an upper bound.
// The figures are the vendors' (docs/facts.md#gcs-dual-region-replication, #gcs-turbo-replication,
// #s3-cross-region-replication), not the implementation's.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lagPercentile } from '../../language/semantics/estimators/object-lag.js';
import { estimateRpo } from '../../language/semantics/estimators/replication.js';
import { ROOT } from '../helpers/bundles.js';
import { modelOf } from '../helpers/services.js';
import { hoverAt } from '../lsp/lsp-helpers.js';
import { designOf, runModelWithDeadline } from '../simulation/helpers.js';

const REGIONS = `topology T
region us-east1 { provider gcp }
region us-central1 { provider gcp }
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;

const GCS = 'engine gcs regions us-east1, us-central1 holds shared blob conflicts lww consistency eventual';
const S3 = 'engine s3 regions us-east-1, us-west-2 holds reference blob writes primary us-east-1 consistency eventual';

async function percentileOf(store: string) {
    const { model } = await modelOf(`${REGIONS}store b { ${store} }`);
    const s = model.stores.get('b');
    expect(s).toBeDefined();
    return lagPercentile(s!);
}

describe('the documented percentile behind an object store’s lag', () => {
    it.each([
        ['a GCS dual-region bucket: 99.9 % within 1 h', GCS, { share: 0.999, ms: 3_600_000 }],
        [
            'a GCS bucket with turbo replication: every object within 15 min',
            `${GCS} features turbo-replication`,
            { share: 1, ms: 900_000 },
        ],
        [
            'an S3 bucket declaring RTC’s 15 min: 99.99 % within it',
            `${S3} replication async lag 15m`,
            { share: 0.9999, ms: 900_000 },
        ],
    ])('%s', async (_name, store, expected) => {
        expect(await percentileOf(store)).toMatchObject(expected);
    });

    it.each([
        ['an S3 bucket declaring a lag of its own (no RTC figure)', `${S3} replication async lag 5m`],
        ['a GCS bucket whose lag is declared, not the vendor’s', `${GCS} replication async lag 30m`],
        [
            'a DynamoDB table (a typical lag, not a percentile)',
            'engine dynamodb regions us-east-1, us-west-2 holds shared rows conflicts lww consistency eventual',
        ],
    ])('none for %s', async (_name, store) => {
        expect(await percentileOf(store)).toBeUndefined();
    });
});

describe('the hover and the report say the percentile is a fixed delay', () => {
    it('the store hover of a GCS bucket names the 99.9 % percentile and says it is used for every object', async () => {
        const hover = await hoverAt(`${REGIONS}store <|>b { ${GCS} }`);
        // The hover links the citation to the shipped facts reference.
        expect(hover).toContain(
            '- Replication lag: 1 h (async): the documented percentile (GCS default replication: 99.9% of objects within 1 h, [docs/facts.md#gcs-dual-region-replication](',
        );
        expect(hover).toContain('), with no median documented — used as a fixed delay for every object');
    });

    it('the GCS fixture’s report says its stranded counts are upper bounds', async () => {
        const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'queues', 'gcs-dual-region.mregion'), 'utf8');
        const report = await runModelWithDeadline(await designOf(text, true));
        expect(report.notes).toEqual(
            expect.arrayContaining([
                'uploads: the replication lag is the documented percentile (GCS default replication: 99.9% of objects within 1 h, docs/facts.md#gcs-dual-region-replication), simulated as a fixed 1 h delay for every object — no median is documented, so no distribution is invented; the stranded counts and backlogs shown are upper bounds for the 99.9% it covers (the rest is not modelled)',
                'thumbnails: the replication lag is the documented percentile (GCS turbo replication: every object within 15 m, docs/facts.md#gcs-turbo-replication), simulated as a fixed 15 m delay for every object — no median is documented, so no distribution is invented; the stranded counts and backlogs shown are upper bounds',
            ]),
        );
    });
});

describe('the RPO of a GCS bucket', () => {
    it('calls its 1 h lag a percentile with no median, and the 12 h RPO the bound', async () => {
        const { model } = await modelOf(`${REGIONS}store b { ${GCS} }`);
        const rpo = estimateRpo(model.stores.get('b')!);
        expect(rpo.ms).toBe(12 * 3_600_000);
        expect(rpo.reason).toBe(
            'asynchronous replication lags up to 1 h behind (GCS default replication: 99.9% of objects within 1 h — a percentile, no median documented; at most 12 h, a documented bound): an unplanned failover loses the writes not yet replicated',
        );
        expect(rpo.range?.why.typical).toBe(
            'the documented percentile, GCS default replication: 99.9% of objects within 1 h, with no median documented (docs/facts.md#gcs-dual-region-replication)',
        );
    });
});
