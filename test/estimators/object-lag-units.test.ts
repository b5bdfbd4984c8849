// The percentile behind an object store's lag on hand-built stores (object-lag.test.ts goes through designs, the
// hover and a report): which lags are a documented percentile and what each surface says. The figures are the
// vendors' (docs/facts.md#gcs-dual-region-replication: 99.9 % within 1 h; #gcs-turbo-replication: every object
// within 15 min; #s3-cross-region-replication: RTC, 99.99 % within 15 min).
import { describe, expect, it } from 'vitest';
import {
    describePercentile,
    lagPercentile,
    percentileLagNote,
    percentileLagText,
} from '../../language/semantics/estimators/object-lag.js';
import type { Provenance, StoreM } from '../../language/semantics/model.js';

const MIN = 60_000;
const DEFAULT: Provenance = { kind: 'default', source: 'vendor' };
const DECLARED: Provenance = { kind: 'declared' };
const store = (engine: string, mode: string, lagMs: number | undefined, lagProvenance?: Provenance): StoreM =>
    ({ engine, replication: { mode, lagMs, lagProvenance } }) as unknown as StoreM;

describe('which lags are a documented percentile', () => {
    it.each([
        {
            name: 'GCS’s default 1 h: 99.9 %',
            s: store('gcs', 'async', 60 * MIN, DEFAULT),
            p: {
                share: 0.999,
                ms: 60 * MIN,
                what: 'GCS default replication',
                ref: 'docs/facts.md#gcs-dual-region-replication',
            },
        },
        {
            name: 'GCS’s default turbo 15 min: every object',
            s: store('gcs', 'async', 15 * MIN, DEFAULT),
            p: { share: 1, ms: 15 * MIN, what: 'GCS turbo replication', ref: 'docs/facts.md#gcs-turbo-replication' },
        },
        {
            name: 'S3 declaring 15 min: RTC’s 99.99 %',
            s: store('s3', 'async', 15 * MIN, DECLARED),
            p: {
                share: 0.9999,
                ms: 15 * MIN,
                what: 'S3 Replication Time Control',
                ref: 'docs/facts.md#s3-cross-region-replication',
            },
        },
    ])('$name', ({ s, p }) => {
        expect(lagPercentile(s)).toEqual(p);
    });

    it.each([
        { name: 'an async store with no lag', s: store('gcs', 'async', undefined, DEFAULT) },
        { name: 'a synchronous S3 store at 15 min', s: store('s3', 'sync', 15 * MIN) },
        { name: 'a GCS default lag of another length', s: store('gcs', 'async', 30 * MIN, DEFAULT) },
        { name: 'a GCS lag of 1 h declared by the designer', s: store('gcs', 'async', 60 * MIN, DECLARED) },
        { name: 'a GCS lag of 1 h with no provenance', s: store('gcs', 'async', 60 * MIN) },
        { name: 'an S3 lag of 16 min', s: store('s3', 'async', 16 * MIN, DECLARED) },
        { name: 'another engine at 15 min', s: store('dynamodb', 'async', 15 * MIN, DEFAULT) },
    ])('none for $name', ({ s }) => {
        expect(lagPercentile(s)).toBeUndefined();
    });
});

describe('what the surfaces say', () => {
    const rtc = {
        share: 0.9999,
        ms: 15 * MIN,
        what: 'S3 Replication Time Control',
        ref: 'docs/facts.md#s3-cross-region-replication',
    };
    const turbo = { share: 1, ms: 15 * MIN, what: 'GCS turbo replication', ref: 'docs/facts.md#gcs-turbo-replication' };

    it.each([
        {
            name: 'a share below 1 as a percentage',
            p: rtc,
            text: 'S3 Replication Time Control: 99.99% of objects within 15 m',
        },
        { name: 'a share of 1 as every object', p: turbo, text: 'GCS turbo replication: every object within 15 m' },
    ])('the percentile reads $name', ({ p, text }) => {
        expect(describePercentile(p)).toBe(text);
    });

    it('the hover line names the percentile and the fixed delay', () => {
        expect(percentileLagText(turbo)).toBe(
            '15 m (async): the documented percentile (GCS turbo replication: every object within 15 m, docs/facts.md#gcs-turbo-replication), with no median documented — used as a fixed delay for every object',
        );
    });

    it('the report note of a bound on every object adds no share', () => {
        expect(percentileLagNote('thumbs', turbo)).toBe(
            'thumbs: the replication lag is the documented percentile (GCS turbo replication: every object within 15 m, docs/facts.md#gcs-turbo-replication), simulated as a fixed 15 m delay for every object — no median is documented, so no distribution is invented; the stranded counts and backlogs shown are upper bounds',
        );
    });

    it('the report note says what share its upper bounds cover', () => {
        expect(percentileLagNote('logs', rtc)).toBe(
            'logs: the replication lag is the documented percentile (S3 Replication Time Control: 99.99% of objects within 15 m, docs/facts.md#s3-cross-region-replication), simulated as a fixed 15 m delay for every object — no median is documented, so no distribution is invented; the stranded counts and backlogs shown are upper bounds for the 99.99% it covers (the rest is not modelled)',
        );
    });
});
