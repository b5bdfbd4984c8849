// Two primaries at once. A promotion moves a single-writer store's writes to another replica; unless the
// engine's promotion fences the old primary, that primary still takes the writes of whoever reaches it in
// its own region once the region is up (a false alarm, or a region that comes back): both sides accept
// writes that the other never sees. Two engines' promotions fence it: Aurora Global Database's managed failover
// (the old primary rejoins as a secondary, docs/facts.md#aurora-managed-failover-time) and an Azure Storage account
// failover (the account's one endpoint moves to the secondary, docs/facts.md#azure-storage-account-failover). For
// other asynchronously replicated engines neither the design nor the facts table says the promotion does, so the
// old primary keeps accepting its region's writes until the scenario ends (or another promotion).
import type { Engine } from '../language/semantics/model.js';
import type { StorePlan } from './plan.js';
import { itemAt } from '../language/util/item-at.js';

/** Engines whose promotion leaves no writable old primary behind. */
const FENCING_PROMOTION: ReadonlySet<Engine> = new Set<Engine>(['aurora', 'azure-blob']);

export interface SplitBrain {
    readonly store: number;
    readonly oldPrimary: number;
    readonly newPrimary: number;
    readonly promotedAt: number;
    /** When both primaries took writes (the promotion, or the old region's return); -1 until then. */
    startAt: number;
    /** When it ended (another promotion of the store), or -1. */
    endAt: number;
    /** Writes each side had accepted when it started, then (once ended or at the end of the run) during it. */
    oldAtStart: number;
    newAtStart: number;
    oldWrites: number;
    newWrites: number;
}

/**
 * Whether the old primary of `store` keeps taking writes after another replica is promoted: an asynchronously
 * replicated copy that nothing fences (see FENCING_PROMOTION); stores without replication keep independent copies,
 * and synchronous or consensus stores do not leave a writable one behind.
 */
export function oldPrimaryStaysWritable(store: StorePlan): boolean {
    return store.mode === 'async' && !(store.model.engine !== undefined && FENCING_PROMOTION.has(store.model.engine));
}

/** Starts the window: from now on both primaries accept writes (`accepted` = writes each replica accepted). */
export function startSplitBrain(b: SplitBrain, t: number, accepted: Float64Array, store: StorePlan): void {
    b.startAt = t;
    b.oldAtStart = acceptedIn(accepted, store, b.oldPrimary);
    b.newAtStart = acceptedIn(accepted, store, b.newPrimary);
}

/** Writes the replica in `region` accepted; both primaries are replicas, so a region without one is a broken plan. */
function acceptedIn(accepted: Float64Array, store: StorePlan, region: number): number {
    return itemAt(
        accepted,
        itemAt(store.slotOf, region, `${store.id}'s replica slots`),
        `${store.id}'s accepted writes`,
    );
}

/** Closes the window at `t` (or at the end of the run), counting what each side accepted during it. */
export function endSplitBrain(
    b: SplitBrain,
    t: number,
    accepted: Float64Array,
    store: StorePlan,
    runEnded: boolean,
): void {
    if (b.startAt < 0 || b.endAt >= 0) return;
    if (!runEnded) b.endAt = t;
    b.oldWrites = acceptedIn(accepted, store, b.oldPrimary) - b.oldAtStart;
    b.newWrites = acceptedIn(accepted, store, b.newPrimary) - b.newAtStart;
}
