// Who can lead a consensus store (docs/facts.md#cockroachdb-multi-region): a region that is up and reaches a
// quorum of voters; the winner of an election is the voter region holding the most voters among those; and how
// long an election stops writes. The engine's elections and the return of the preferred leader are
// engine/mechanisms/leadership.ts.
import { itemAt } from '../language/util/item-at.js';
import { quorumRoundTrip } from '../language/semantics/estimators/consensus-write.js';
import { CONSENSUS } from '../language/semantics/facts/defaults.js';
import type { FaultState } from './faults.js';
import type { Plan, StorePlan } from './plan.js';

/**
 * How long an election stops writes, with its source: CockroachDB documents 1–9 s (the upper end is used, a
 * bound); no other engine documents a figure, so their new leader takes over at once — a lower bound, stated.
 */
export function electionOf(store: StorePlan): { readonly ms: number; readonly source: string } {
    if (store.model.engine === 'cockroachdb')
        return { ms: CONSENSUS.cockroachLeaseFailoverMs.value, source: CONSENSUS.cockroachLeaseFailoverMs.source };
    return {
        ms: 0,
        source: `no documented election time for ${store.model.engine ?? 'this engine'}: taken as immediate (a lower bound)`,
    };
}

/** Whether region `r` can lead `store` now: it is up and the voters it reaches form a quorum. */
export function canLead(plan: Plan, faults: FaultState, store: StorePlan, r: number): boolean {
    if (faults.isDown(r)) return false;
    const R = plan.regions.length;
    return (
        quorumRoundTrip(
            r,
            store.voters,
            store.quorum,
            (a, b) => itemAt(plan.rtt, a * R + b, 'RTT'),

            (v) => !faults.unreachable(r, v),
        ).kind === 'ok'
    );
}

/** The voter region that wins an election: the one holding most voters among those that can lead (ties: placement order), or -1. */
export function electedLeader(plan: Plan, faults: FaultState, store: StorePlan): number {
    const counts = new Map<number, number>();
    for (const v of store.voters) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best = -1;
    let bestVotes = 0;
    for (const [r, votes] of counts) {
        if (votes > bestVotes && canLead(plan, faults, store, r)) {
            best = r;
            bestVotes = votes;
        }
    }
    return best;
}
