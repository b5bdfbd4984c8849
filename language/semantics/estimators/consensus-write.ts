// The parts of a consensus write (docs/facts.md#cockroachdb-multi-region): where it is ordered (the leader, or a regional-by-row row's
// home), the leader's quorum round trip, and the commit wait of a GLOBAL table. The write-latency estimator and
// the simulation's write outcomes both compose these, over names and over region indices respectively.
import { CONSENSUS } from '../facts/defaults.js';
import type { StoreM } from '../model.js';
import { nthSmallestIndex } from './nth-smallest.js';
import { itemAt } from '../../util/item-at.js';

/** Rows are homed where they are written (regional-by-row, or `writes home-region`). */
export function homedPerRow(store: Pick<StoreM, 'consensus' | 'writes'>): boolean {
    return store.consensus?.locality === 'regional-by-row' || store.writes.policy === 'home-region';
}

/**
 * The region that orders a write issued in `from`, given the current `leader`: a regional-by-row row lives in the
 * region that wrote it when that is one of the store's regions (CockroachDB's default `crdb_region` is the
 * gateway's region), else in the leader's; every other write goes to the leader (Spanner's default leader,
 * CockroachDB's leaseholder in the home region), docs/facts.md#cockroachdb-multi-region.
 */
export function consensusHomeOf<R>(perRow: boolean, leader: R, from: R, isStoreRegion: (r: R) => boolean): R {
    return perRow && isStoreRegion(from) ? from : leader;
}

export type QuorumRoundTrip<R> =
    | { readonly kind: 'ok'; readonly ms: number; readonly closing: R }
    /** An RTT from the leader to a voter is unknown. */
    | { readonly kind: 'unknown' }
    /** Fewer than `quorum` voters are reachable. */
    | { readonly kind: 'no-quorum' };

/**
 * The leader's quorum round trip: the RTT to the voter whose vote completes the quorum, i.e. the `quorum`-th
 * nearest reachable voter, own-region voters at 0 ms (the leader votes for itself). Selected in O(voters).
 */
export function quorumRoundTrip<R>(
    leader: R,
    voters: readonly R[],
    quorum: number,
    rtt: (a: R, b: R) => number | undefined,
    reachable: (r: R) => boolean = () => true,
): QuorumRoundTrip<R> {
    const regions: R[] = [];
    const ms: number[] = [];
    for (const v of voters) {
        if (!reachable(v)) continue;
        const d = v === leader ? 0 : rtt(leader, v);
        if (d === undefined) return { kind: 'unknown' };
        regions.push(v);
        ms.push(d);
    }
    if (quorum < 1 || quorum > ms.length) return { kind: 'no-quorum' };
    const nth = nthSmallestIndex(ms, quorum - 1);
    return {
        kind: 'ok',
        ms: itemAt(ms, nth, 'voter round trips'),
        closing: itemAt(regions, nth, 'voter regions'),
    };
}

/** What a write waits after its quorum: a GLOBAL table's commit wait, the max clock offset (docs/facts.md#cockroachdb-multi-region). */
export function commitWaitMs(store: Pick<StoreM, 'consensus'>): number {
    return store.consensus?.locality === 'global' ? CONSENSUS.maxClockOffsetMs.value : 0;
}

/** Reads served by the nearest replica whatever the consistency: GLOBAL tables read locally (docs/facts.md#cockroachdb-multi-region). */
export function readsLocally(store: Pick<StoreM, 'consensus'>): boolean {
    return store.consensus?.locality === 'global';
}
