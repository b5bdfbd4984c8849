// Object storage documents its replication time as a percentile ("99.9 % of new objects within 1 h"), never as a
// median or a distribution. mregion uses that figure as one fixed delay for every object and invents no
// distribution, so what it derives from the lag (stranded objects, the backlog at a heal) is an upper bound for the
// share the percentile covers. This names the percentile behind a store's lag, for the hover and the report.
import { GCS } from '../facts/messaging-and-objects.js';
import { factRef } from '../facts/citation.js';
import type { StoreM } from '../model.js';
import { formatDuration, formatPercent } from '../../../format/quantities.js';

export interface LagPercentile {
    /** The share of objects the vendor says arrive within `ms` (1 for a bound on every object). */
    readonly share: number;
    readonly ms: number;
    /** Whose figure it is ("GCS default replication"). */
    readonly what: string;
    /** The docs/facts.md citation. */
    readonly ref: string;
}

/** S3 Replication Time Control: 99.99 % of objects within 15 minutes (docs/facts.md#s3-cross-region-replication). */
const S3_RTC = { share: 0.9999, ms: 15 * 60_000 };

/**
 * The documented percentile a store's lag is, or undefined when the lag is a figure of another kind (a typical
 * value, the designer's own measurement):
 * - gcs with its default lag: 99.9 % within 1 h, or with turbo replication 100 % within 15 min;
 * - s3 with a declared lag of 15 min: Replication Time Control's 99.99 % within 15 min (S3 gives no time without it).
 */
export function lagPercentile(store: StoreM): LagPercentile | undefined {
    const r = store.replication;
    if (r.mode !== 'async' || r.lagMs === undefined) return undefined;
    if (store.engine === 'gcs' && r.lagProvenance?.kind === 'default') {
        if (r.lagMs === GCS.turboRpoMs.value)
            return { share: 1, ms: r.lagMs, what: 'GCS turbo replication', ref: factRef(GCS.turboRpoMs.id) };
        if (r.lagMs === GCS.defaultTypicalLagMs.value)
            return {
                share: 0.999,
                ms: r.lagMs,
                what: 'GCS default replication',
                ref: factRef(GCS.defaultTypicalLagMs.id),
            };
    }
    if (store.engine === 's3' && r.lagMs === S3_RTC.ms)
        return {
            share: S3_RTC.share,
            ms: S3_RTC.ms,
            what: 'S3 Replication Time Control',
            ref: factRef('s3-cross-region-replication'),
        };
    return undefined;
}

/** "GCS default replication: 99.9% of objects within 1 h", or "…: every object within 15 m" for a bound. */
export function describePercentile(p: LagPercentile): string {
    const figure =
        p.share >= 1
            ? `every object within ${formatDuration(p.ms)}`
            : `${formatPercent(p.share)} of objects within ${formatDuration(p.ms)}`;
    return `${p.what}: ${figure}`;
}

/** For the hover's replication-lag line. */
export function percentileLagText(p: LagPercentile): string {
    return (
        `${formatDuration(p.ms)} (async): the documented percentile (${describePercentile(p)}, ${p.ref}), ` +
        `with no median documented — used as a fixed delay for every object`
    );
}

/** For the simulation report's notes. */
export function percentileLagNote(storeId: string, p: LagPercentile): string {
    const covered = p.share >= 1 ? '' : ` for the ${formatPercent(p.share)} it covers (the rest is not modelled)`;
    return (
        `${storeId}: the replication lag is the documented percentile (${describePercentile(p)}, ${p.ref}), simulated ` +
        `as a fixed ${formatDuration(p.ms)} delay for every object — no median is documented, so no distribution is ` +
        `invented; the stranded counts and backlogs shown are upper bounds${covered}`
    );
}
