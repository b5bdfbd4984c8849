// Replication lag and recovery point of a store: how far behind the other regions are, and how much
// acknowledged data a region loss can take with it. Shared by hover, rpo-unachievable and the simulation.
import type { Provenance, StoreM } from '../model.js';
import { formatDuration, formatDurationRange } from '../../../format/quantities.js';
import { factRef } from '../facts/citation.js';
import { QUEUE_ENGINES } from '../facts/messaging-and-objects.js';
import { pointRange, type EstimateRange } from './range.js';
import { describePercentile, lagPercentile, type LagPercentile } from './object-lag.js';

export interface ReplicationLagEstimate {
    /** Typical lag of the other regions behind the writer, in ms (0 for sync/consensus); undefined when unknown. */
    readonly ms?: number;
    readonly mode: StoreM['replication']['mode'];
    /** Where the lag figure comes from (declared, or the engine's facts-table default). */
    readonly provenance?: Provenance;
    readonly text: string;
}

/**
 * Replication lag of a store, in ms.
 * - async: the declared `lag`, else the engine default (docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag: typical values, not bounds).
 * - sync / consensus: 0 — other regions have the write before it is acknowledged.
 * - none: undefined (nothing is replicated).
 */
export function replicationLag(store: StoreM): ReplicationLagEstimate {
    const r = store.replication;
    switch (r.mode) {
        case 'sync':
        case 'consensus':
            return { ms: 0, mode: r.mode, provenance: r.provenance, text: `0 (${r.mode} replication)` };
        case 'async':
            return r.lagMs === undefined
                ? { mode: r.mode, text: 'unknown (async replication without a declared lag)' }
                : {
                      ms: r.lagMs,
                      mode: r.mode,
                      provenance: r.lagProvenance,
                      text: `≈ ${formatDuration(r.lagMs)} (async)`,
                  };
        case 'none':
            return { mode: r.mode, text: 'not replicated' };
    }
}

export type RpoBasis = 'sync' | 'consensus' | 'async-lag' | 'backup' | 'cache' | 'independent' | 'no-copy' | 'unknown';

export interface RpoEstimate {
    /**
     * The loss window in ms as one figure: the worst end when a source bounds it, else the typical lag (the figure
     * RPO was always given); undefined = unbounded (no copy outside the failed region) or unknown.
     */
    readonly ms?: number;
    /** Best / typical / worst loss window; undefined with `ms`. A typical-only lag has no worst end. */
    readonly range?: EstimateRange;
    readonly basis: RpoBasis;
    /** Why, in words a reviewer would use. */
    readonly reason: string;
}

/**
 * The loss window of a periodic backup every B: the failure lands anywhere in the cycle, so the writes since the
 * last backup span [0, B): best 0 (just after a backup), typical B/2, worst B (just before the next).
 */
function backupRange(intervalMs: number): EstimateRange {
    return {
        bestMs: 0,
        typicalMs: intervalMs / 2,
        worstMs: intervalMs,
        why: {
            best: 'the failure lands just after a backup',
            typical: 'the mean over the backup cycle',
            worst: 'the failure lands just before a backup',
        },
    };
}

/**
 * The loss window of asynchronous replication: the writes not yet replicated when the region is lost. A declared
 * lag is the design's own figure (all ends). An engine default is a vendor's *typical* value, not a bound
 * (docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag): best 0 (nothing in flight), typical the lag, and no worst end —
 * unless a backup bounds the loss at its interval.
 */
function lagRange(
    lagMs: number,
    provenance: Provenance | undefined,
    backupMs: number | undefined,
    bound: StoreM['replication']['lagBound'],
    percentile?: LagPercentile,
): EstimateRange {
    if (provenance?.kind !== 'default') return pointRange(lagMs, 'the declared lag');
    const cite = /docs\/facts\.md#[a-z0-9-]+/.exec(provenance.source)?.[0] ?? factRef('dynamodb-mrec-lag');
    // A documented bound (GCS's RPO) caps the loss; a backup taken more often caps it sooner.
    const worstMs =
        bound !== undefined && backupMs !== undefined ? Math.min(bound.ms, backupMs) : (bound?.ms ?? backupMs);
    const boundCite = bound ? /docs\/facts\.md#[a-z0-9-]+/.exec(bound.source)?.[0] : undefined;
    return {
        bestMs: 0,
        typicalMs: lagMs,
        ...(worstMs !== undefined ? { worstMs } : {}),
        why: {
            best: 'no write is in flight at the failure',
            typical:
                bound?.ms === lagMs
                    ? `no typical lag is documented: the bound (${cite})`
                    : percentile !== undefined
                      ? `the documented percentile, ${describePercentile(percentile)}, with no median documented (${cite})`
                      : `the engine's typical lag (${cite})`,
            worst:
                bound !== undefined && worstMs === bound.ms
                    ? `replication reaches its documented bound (${boundCite ?? cite})`
                    : backupMs !== undefined
                      ? 'the lag grows past the backup interval: the last backup bounds the loss'
                      : 'the lag is typical, not a bound; it grows in the congestion that precedes regional failures',
        },
    };
}

/**
 * Recovery point of a store when one of its regions is lost, in ms:
 * - memcached: not counted — a cache holds no data of record (whatever it loses is recomputed).
 * - sync or consensus across ≥ 2 regions: 0 (MRSC, Cosmos DB strong and consensus acknowledge a write only once another region has it).
 * - async: the replication lag (RPO = replication delay: docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag),
 *   or the backup interval when that is shorter. An engine's default lag is typical, not a bound: the range has no
 *   worst end unless a backup bounds it (`lagRange`).
 * - a backup every B: the loss window spans [0, B) (`backupRange`); `ms` is B, the worst.
 * - `replication none` over several regions that each write (any-region, home-region): independent copies, one
 *   per region (a cache per region): no acknowledged write is expected anywhere but where it was written, so a
 *   failover loses nothing replicated (0); the users moved to another region find its own copy, cold for their
 *   keys. With one writer (`writes primary`) the other regions hold nothing of it: that is `no-copy` below.
 * - a single region: the backup interval when one is declared; otherwise unbounded (`ms` undefined, basis
 *   `no-copy`): everything written since the region was lost has no other copy.
 */
export function estimateRpo(store: StoreM): RpoEstimate {
    const backup = store.backupIntervalMs;
    const backupText = backup !== undefined ? `a backup every ${formatDuration(backup)}` : undefined;
    if (store.engine === 'memcached')
        return {
            ms: 0,
            range: pointRange(0, 'a cache holds no data of record'),
            basis: 'cache',
            reason: 'memcached is a cache: losing it loses no data of record',
        };
    const multiRegion =
        store.regions.length > 1 ||
        (store.witness !== undefined && store.regions.length === 1 && store.witness !== store.regions[0]);
    const mode = store.replication.mode;
    if (multiRegion && (mode === 'sync' || mode === 'consensus')) {
        return {
            ms: 0,
            range: pointRange(0, 'a write is in another region before it is acknowledged'),
            basis: mode,
            reason: `${mode} replication: a write is in another region before it is acknowledged`,
        };
    }
    if (multiRegion && mode === 'async') {
        const lag = store.replication.lagMs;
        if (lag === undefined) {
            return backup !== undefined
                ? {
                      ms: backup,
                      range: backupRange(backup),
                      basis: 'backup',
                      reason: `async replication without a declared lag; ${backupText}`,
                  }
                : { basis: 'unknown', reason: 'async replication without a declared lag' };
        }
        if (backup !== undefined && backup < lag)
            return {
                ms: backup,
                range: backupRange(backup),
                basis: 'backup',
                reason: `${backupText} (shorter than the ${formatDuration(lag)} replication lag)`,
            };
        const fromDefault = store.replication.lagProvenance?.kind === 'default';
        const bound = fromDefault ? store.replication.lagBound : undefined;
        const percentile = lagPercentile(store);
        const kind = !fromDefault
            ? ''
            : percentile !== undefined && percentile.share < 1 && bound !== undefined && bound.ms !== lag
              ? ` (${describePercentile(percentile)} — a percentile, no median documented; at most ${formatDuration(bound.ms)}, a documented bound)`
              : bound === undefined
                ? ' (typical, not a bound)'
                : bound.ms === lag
                  ? ` (at most ${formatDuration(bound.ms)}, a documented bound; no typical figure)`
                  : ` (typical; at most ${formatDuration(bound.ms)}, a documented bound)`;
        return {
            ms: bound !== undefined ? Math.max(bound.ms, lag) : lag,
            range: lagRange(lag, store.replication.lagProvenance, backup, bound, percentile),
            basis: 'async-lag',
            reason: `asynchronous replication lags ${percentile !== undefined ? 'up to' : '≈'} ${formatDuration(lag)} behind${kind}: an unplanned failover loses the writes not yet replicated`,
        };
    }
    if (multiRegion && mode === 'none' && store.writes.policy !== 'primary') {
        return {
            ms: 0,
            range: pointRange(0, 'each region keeps its own copy'),
            basis: 'independent',
            reason:
                store.engine !== undefined && QUEUE_ENGINES.has(store.engine)
                    ? `replication none: each region's ${store.engine} queue is its own, so a failover loses no replicated message — but the messages queued in the failed region are stranded there until it returns (rule queue-not-replicated)`
                    : 'replication none: each region keeps its own independent copy, so a failover loses no replicated write — users moved to another region find its copy cold for their keys',
        };
    }
    const where = store.regions.length === 1 ? `only in ${store.regions[0]}` : 'not replicated between its regions';
    // Backups kept in the one region the data is in go with it (rule backup-same-region).
    if (backup !== undefined && store.regions.length === 1 && store.backup?.region === store.regions[0])
        return {
            basis: 'no-copy',
            reason: `the data and its backups (${backupText}) are ${where}: a region loss loses them all`,
        };
    if (backup !== undefined)
        return {
            ms: backup,
            range: backupRange(backup),
            basis: 'backup',
            reason: `the data is ${where}; the last copy elsewhere is ${backupText}`,
        };
    // A queue's messages are durable within their region: an outage strands them, only a destroyed region loses them.
    if (store.engine !== undefined && QUEUE_ENGINES.has(store.engine))
        return {
            basis: 'no-copy',
            reason: `the messages are ${where} and no backup is declared: a region outage strands them until it returns, and a lost region takes them all`,
        };
    return { basis: 'no-copy', reason: `the data is ${where} and no backup is declared: a region loss loses it all` };
}

/** The RPO as hover shows it: "0–1 h, typical 30 m", "1 s typical, no documented bound", "0 ms"; undefined when unbounded or unknown. */
export function describeRpoRange(rpo: RpoEstimate): string | undefined {
    if (rpo.ms === undefined) return undefined;
    const r = rpo.range;
    if (r === undefined) return formatDuration(rpo.ms);
    if (r.worstMs === undefined) return `${formatDuration(r.typicalMs)} typical, no documented bound`;
    const span = formatDurationRange(r.bestMs, r.worstMs);
    return span.includes('–') ? `${span}, typical ${formatDuration(r.typicalMs)}` : formatDuration(rpo.ms);
}
