// What a quick fix that moves a consensus store's voters would leave: the store as the fix would write it, and
// whether it then outlives a region. Shared by consensus-quorum-survival (add a witness or a region) and
// residency-violation (remove a witness).
import { quorumOf, regionLossSurvival, votersOf } from '../../semantics/estimators/voters.js';
import type { StoreM } from '../../semantics/model.js';
import { propRange } from '../../semantics/source-props.js';

/**
 * The store with its voters laid out anew. A quorum the design does not declare is a majority of the new voters:
 * the builder derived the model's quorum from the voters as written, and keeping it would judge four voters
 * against the majority of three.
 */
export function relaidOut(store: StoreM, change: Partial<Pick<StoreM, 'regions' | 'replicas' | 'witness'>>): StoreM {
    const declared = propRange(store.source, 'quorum') !== undefined;
    return {
        ...store,
        ...change,
        replication: declared ? store.replication : { ...store.replication, quorum: undefined },
    };
}

/**
 * Losing any one region leaves a quorum, and the quorum is a majority (a smaller declared quorum lets both sides of a
 * partition commit, which the builder reports).
 */
export function survivesAnyRegionLoss(store: StoreM): boolean {
    return quorumOf(store) > votersOf(store).length / 2 && regionLossSurvival(store).every((s) => s.survives);
}
