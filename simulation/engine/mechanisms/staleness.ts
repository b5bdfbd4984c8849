// Bounded staleness (Cosmos DB), the mechanism: while a read region is more than K versions or T behind the write
// region, the write region's writes are throttled until the lag is back within the bound — an outage of a read
// region too, until an operator takes it offline (staleness-bound.ts has the sources). A throttled write is
// refused: not accepted, not lost, its client saw an error. The lag is read from the replication links out of
// the writing replica: writes accepted but not yet applied at the other end (versions) and the age of the
// oldest of them (time).
import { factRef } from '../../../language/semantics/facts/citation.js';
import { boundText } from '../../staleness-bound.js';
import type { EngineContext, RunState } from '../context.js';

/**
 * Whether the write that store `s` would accept in `location` is throttled; if so it is counted here. Links are
 * brought up to `t` first, so the lag is what the replicas have applied by then.
 */
export function throttles(ctx: EngineContext, s: number, location: number, t: number): boolean {
    const bound = ctx.staleness[s]!;
    const store = ctx.plan.stores[s]!;
    const slot = store.slotOf[location]!;
    const links = ctx.linksFrom[s]![slot];
    let behind = -1;
    let cutBy = -1;
    if (links !== undefined) {
        for (let i = 0; i < links.length; i++) {
            const link = links[i]!;
            if (bound.released[link.toSlot] === 1) continue;
            ctx.advance(link, t, true);
            const waiting = (link.log.end - link.head) * ctx.weight;
            if (waiting <= 0) continue;
            // Accepting one more would put the replica more than K versions behind; or it is already over T.
            if (waiting >= bound.maxVersions || t - link.log.timeAt(link.head) > bound.maxLagMs) {
                behind = link.to;
                cutBy = link.cutBy;
                break;
            }
        }
    }
    if (behind < 0) {
        if (bound.throttling) {
            bound.throttling = false;
            ctx.record(
                t,
                'throttling-ended',
                `${store.id}: writes in ${ctx.regionName(location)} are accepted again — every read region is back within the staleness bound`,
                store.id,
                location,
                bound.cause >= 0 ? ctx.faultSource(bound.cause) : undefined,
            );
        }
        return false;
    }
    const w = ctx.weight;
    bound.throttled += w;
    bound.throttledAt[slot]! += w;
    if (bound.firstAtMs < 0) bound.firstAtMs = t;
    bound.lastAtMs = t;
    if (!bound.throttling) {
        bound.throttling = true;
        bound.cause = cutBy;
        ctx.record(
            t,
            'writes-throttled',
            `${store.id}: writes in ${ctx.regionName(location)} are throttled — ${ctx.regionName(behind)} is beyond the staleness bound (${boundText(bound)}; ${factRef('cosmos-bounded-staleness-throttling')})`,
            store.id,
            location,
            bound.cause >= 0 ? ctx.faultSource(bound.cause) : undefined,
        );
    }
    return true;
}

/** After a promotion from region `from`: its replica is out of the account's write path and no longer bounds it. */
export function releaseDemoted(run: RunState, store: number, from: number, to: number): void {
    const bound = run.staleness[store];
    if (bound === undefined || from === to) return;
    const plan = run.plan.stores[store]!;
    const slot = plan.slotOf[from]!;
    if (slot >= 0) bound.released[slot] = 1;
    // The new write region's own replica is the source now, never a lagging destination.
    const writer = plan.slotOf[to]!;
    if (writer >= 0) bound.released[writer] = 0;
}
