// Leadership of consensus stores during a run (docs/facts.md#cockroachdb-multi-region): when the leader's region fails, or can no longer
// reach a quorum of voters, the voters that still form a quorum elect a leader among themselves; writes fail
// until the election completes and then follow the new leader. When the preferred leader (the declared one)
// can lead again, leadership returns to it at once: Spanner's default leader region re-assumes leadership, and
// CockroachDB's lease preferences move the leases back — planned transfers, not elections.
import { quorumRoundTrip } from '../language/semantics/estimators/consensus-write.js';
import { CONSENSUS } from '../language/semantics/facts/defaults.js';
import { formatDuration } from '../format/quantities.js';
import { EventKind } from './engine/event-kinds.js';
import { Rank } from './engine/event-queue.js';
import type { EngineContext } from './engine/context.js';
import type { FaultState } from './faults.js';
import type { Plan, StorePlan } from './plan.js';
import { quorumWait } from './routing.js';

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
            (a, b) => plan.rtt[a * R + b]!,
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

/** After any fault change: every consensus store whose leader cannot lead starts an election (or takes its preferred leader back). */
export function updateLeadership(sim: EngineContext, t: number): void {
    const { plan, faults } = sim;
    for (const store of plan.stores) {
        if (store.mode !== 'consensus' || store.leader < 0) continue;
        sim.work.scans += store.voters.length;
        const routing = sim.storeRouting[store.index]!;
        if (canLead(plan, faults, store, store.leader)) {
            if (routing.leader !== store.leader) {
                routing.leader = store.leader;
                routing.electionStamp++;
                routing.candidate = -1;
                sim.record(
                    t,
                    'routing-change',
                    `${store.id}: leadership returns to ${plan.regions[store.leader]}; ${writeLatencyText(sim, store)}`,
                    store.id,
                    store.leader,
                    store.model.source,
                );
            }
            continue;
        }
        if (routing.leader >= 0 && canLead(plan, faults, store, routing.leader)) continue;
        if (routing.leader < 0 && routing.candidate >= 0 && canLead(plan, faults, store, routing.candidate)) continue;
        const lost = routing.leader >= 0 ? routing.leader : store.leader;
        const candidate = electedLeader(plan, faults, store);
        routing.leader = -1;
        routing.candidate = candidate;
        routing.electionStamp++;
        if (candidate < 0) {
            sim.record(
                t,
                'routing-change',
                `${store.id}: the leader in ${plan.regions[lost]} is lost and no region reaches a quorum of voters: writes fail`,
                store.id,
                lost,
                store.model.source,
            );
            continue;
        }
        const election = electionOf(store);
        sim.record(
            t,
            'routing-change',
            `${store.id}: the leader in ${plan.regions[lost]} is lost; electing one in ${plan.regions[candidate]} (${formatDuration(election.ms)}, ${election.source}), writes fail meanwhile`,
            store.id,
            lost,
            store.model.source,
        );
        if (election.ms === 0) elect(sim, store, t);
        else sim.queue.push(t + election.ms, Rank.control, EventKind.election, store.index, routing.electionStamp);
    }
}

/** The election of `store` started with `stamp` completes (unless leadership changed since). */
export function onElectionDone(sim: EngineContext, storeIndex: number, stamp: number, t: number): void {
    const routing = sim.storeRouting[storeIndex]!;
    if (stamp !== routing.electionStamp || routing.candidate < 0) return;
    sim.integrate(t);
    elect(sim, sim.plan.stores[storeIndex]!, t);
    sim.changed(t);
}

function elect(sim: EngineContext, store: StorePlan, t: number): void {
    const routing = sim.storeRouting[store.index]!;
    routing.leader = routing.candidate;
    routing.candidate = -1;
    sim.record(
        t,
        'routing-change',
        `${store.id}: new leader in ${sim.plan.regions[routing.leader]}; ${writeLatencyText(sim, store)}`,
        store.id,
        routing.leader,
        store.model.source,
    );
}

/** "writes from the leader's region now wait 76 ms for their quorum": the after of the report's before/after. */
function writeLatencyText(sim: EngineContext, store: StorePlan): string {
    const leader = sim.storeRouting[store.index]!.leader;
    const q = quorumWait(sim.plan, sim.faults, store, leader);
    return q < 0
        ? 'no quorum reachable'
        : `a write issued there now waits ${formatDuration(q + store.commitWaitMs)} for its quorum`;
}
