// A store's bounded staleness (Cosmos DB) and what it refused in a run. Cosmos DB throttles the writes of a
// partition while its data in some region lags beyond K versions or T (docs/facts.md#cosmos-bounded-staleness-throttling);
// an outage of a read region does it too, until an operator takes that region offline
// (docs/facts.md#cosmos-bounded-staleness-read-region-outage). Microsoft documents it for one write region;
// what it does with several is not said, so that case is not simulated. The store counts as one partition, its
// versions over all its keys: with many partitions each lags fewer versions, so K throttles earlier here than
// there (T does not depend on it: every partition's oldest unapplied write ages alike).
import { formatCount, formatDuration } from '../format/quantities.js';
import { factRef } from '../language/semantics/facts/citation.js';
import type { StorePlan } from './plan.js';

/** Per bounded-staleness store: its bounds, and the writes they refused. */
export interface StalenessBound {
    /** False when the bound is declared but not simulated (`reason` says why). */
    readonly active: boolean;
    readonly reason: string | null;
    /** K, writes; Infinity when only T is declared. */
    readonly maxVersions: number;
    /** T, ms; Infinity when only K is declared. */
    readonly maxLagMs: number;
    /** Replica slots that no longer bound the writes: a failover moved the writes away from them. */
    readonly released: Uint8Array;
    throttled: number;
    /** Writes refused, by the replica slot where they were to be accepted. */
    readonly throttledAt: Float64Array;
    firstAtMs: number;
    lastAtMs: number;
    /** Whether the store's last write was refused: a change either way is a timeline row. */
    throttling: boolean;
    /** The fault that cut the lagging link when the throttling started (-1: none, e.g. a lag spike). */
    cause: number;
}

/** The store's bound, or undefined when its consistency is not bounded staleness. */
export function stalenessBound(s: StorePlan): StalenessBound | undefined {
    const c = s.model.consistency;
    if (c.level !== 'bounded-staleness') return undefined;
    const reason = notSimulated(s);
    return {
        active: reason === null,
        reason,
        maxVersions: c.maxVersions ?? Infinity,
        maxLagMs: c.maxLagMs ?? Infinity,
        released: new Uint8Array(s.replicas.length),
        throttled: 0,
        throttledAt: new Float64Array(s.replicas.length),
        firstAtMs: -1,
        lastAtMs: -1,
        throttling: false,
        cause: -1,
    };
}

/** Why a declared bound does not throttle in the simulation, or null when it does. */
function notSimulated(s: StorePlan): string | null {
    if (s.model.engine !== 'cosmosdb')
        return `throttling at the staleness bound is documented for Cosmos DB only (${factRef('cosmos-bounded-staleness-throttling')}); ${s.model.engine ?? 'this engine'} is not simulated with it`;
    if (s.replicas.length < 2)
        return `one region: Cosmos DB checks staleness only across regions (${factRef('cosmos-bounded-staleness-throttling')})`;
    if (s.mode !== 'async') return `replication is ${s.mode}: no replica lags behind the write region`;
    if (s.policy !== 'primary')
        return `several write regions: Microsoft calls bounded staleness there an anti-pattern and does not say which region's writes are throttled (${factRef('cosmos-bounded-staleness-throttling')}), so none are`;
    return null;
}

/** "K = 100,000 writes, T = 5 m" — the declared bounds only. */
export function boundText(bound: { readonly maxVersions: number; readonly maxLagMs: number }): string {
    const parts: string[] = [];
    if (Number.isFinite(bound.maxVersions)) parts.push(`K = ${formatCount(bound.maxVersions)} writes`);
    if (Number.isFinite(bound.maxLagMs)) parts.push(`T = ${formatDuration(bound.maxLagMs)}`);
    return parts.join(', ');
}
