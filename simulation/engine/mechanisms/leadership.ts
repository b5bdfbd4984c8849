// Leadership of consensus stores during a run (docs/facts.md#cockroachdb-multi-region): after any fault change,
// a store whose leader's region failed, or can no longer reach a quorum of voters, elects a leader among the
// voters that still form one (leadership.ts picks it and says how long the election takes); writes fail until
// the election completes (`EventKind.election`) and then follow the new leader. When the preferred leader can
// lead again, leadership returns to it at once (a planned transfer, not an election).
import { formatDuration } from '../../../format/quantities.js';
import { canLead, electedLeader, electionOf } from '../../leadership.js';
import type { StorePlan } from '../../plan.js';
import { quorumWait } from '../../routing.js';
import type { EngineContext, RunState } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';

/** After any fault change: every consensus store whose leader cannot lead starts an election (or takes its preferred leader back). */
export function updateLeadership(ctx: EngineContext, t: number): void {
    const { plan, faults } = ctx;
    for (const store of plan.stores) {
        if (store.mode !== 'consensus' || store.leader < 0) continue;
        ctx.work.scans += store.voters.length;
        const routing = ctx.storeRouting[store.index]!;
        if (canLead(plan, faults, store, store.leader)) {
            if (routing.leader !== store.leader) {
                routing.leader = store.leader;
                routing.electionStamp++;
                routing.candidate = -1;
                ctx.record(
                    t,
                    'routing-change',
                    `${store.id}: leadership returns to ${plan.regions[store.leader]}; ${writeLatencyText(ctx, store)}`,
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
            ctx.record(
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
        ctx.record(
            t,
            'routing-change',
            `${store.id}: the leader in ${plan.regions[lost]} is lost; electing one in ${plan.regions[candidate]} (${formatDuration(election.ms)}, ${election.source}), writes fail meanwhile`,
            store.id,
            lost,
            store.model.source,
        );
        if (election.ms === 0) elect(ctx, store, t);
        else ctx.queue.push(t + election.ms, Rank.control, EventKind.election, store.index, routing.electionStamp);
    }
}

/** The election of `store` started with `stamp` completes (unless leadership changed since). */
export function onElectionDone(ctx: EngineContext, storeIndex: number, stamp: number, t: number): void {
    const routing = ctx.storeRouting[storeIndex]!;
    if (stamp !== routing.electionStamp || routing.candidate < 0) return;
    ctx.integrate(t);
    elect(ctx, ctx.plan.stores[storeIndex]!, t);
    ctx.changed(t);
}

function elect(ctx: EngineContext, store: StorePlan, t: number): void {
    const routing = ctx.storeRouting[store.index]!;
    routing.leader = routing.candidate;
    routing.candidate = -1;
    ctx.record(
        t,
        'routing-change',
        `${store.id}: new leader in ${ctx.plan.regions[routing.leader]}; ${writeLatencyText(ctx, store)}`,
        store.id,
        routing.leader,
        store.model.source,
    );
}

/** "writes from the leader's region now wait 76 ms for their quorum": the after of the report's before/after. */
function writeLatencyText(run: RunState, store: StorePlan): string {
    const leader = run.storeRouting[store.index]!.leader;
    const q = quorumWait(run.plan, run.faults, store, leader);
    return q < 0
        ? 'no quorum reachable'
        : `a write issued there now waits ${formatDuration(q + store.commitWaitMs)} for its quorum`;
}
