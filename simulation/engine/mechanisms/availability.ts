// Availability: the share of each group's requests served, and the interruptions (episodes) when it drops —
// opened and closed after each state change, with the fault blamed and the detection and routing change
// that answered it.
import { formatDuration } from '../../../format/quantities.js';
import type { Episode, GroupRuntime } from '../../runtime.js';
import type { EngineContext } from '../context.js';
import { movedFraction } from '../transition.js';

const EPSILON = 1e-9;

/** The latest detection and routing change of each failover target (`service:i`, `store:i`). */
export type Reactions = Map<string, { detectionAt?: number; routingAt?: number }>;

/** Share of a group's requests served at `t` (writes and reads, weighted by their rates). */
function servedShare(g: GroupRuntime, t: number): number {
    const total = g.plan.writeRate + g.plan.readRate;
    if (total <= 0) return 1;
    const moved = g.transition ? movedFraction(g.transition, t) : 1;
    let share = 0;
    for (let slot = 0; slot < 2; slot++) {
        const weight = slot === 0 ? moved : 1 - moved;
        if (weight <= 0) continue;
        share +=
            (weight *
                g.serviceProb[slot]! *
                (g.plan.writeRate * g.writeOk[slot]! + g.plan.readRate * g.readOk[slot]!)) /
            total;
    }
    return share;
}

export function evaluateEpisodes(ctx: EngineContext, reactions: Reactions, t: number): void {
    ctx.work.scans += ctx.groups.length;
    for (const g of ctx.groups) {
        const share = servedShare(g, t);
        const e = g.episode;
        if (share < 1 - EPSILON) {
            if (e === undefined) {
                const active = ctx.faults.activeFaults().filter((i) => ctx.plan.faults[i]!.kind !== 'lag-spike');
                ctx.work.scans += active.length;
                const fault = active.length > 0 ? active[active.length - 1]! : -1;
                const episode: Episode = { group: g.plan.index, fault, start: t, worstServed: share };
                // Interrupted after the failover already acted (e.g. overloaded by users moved in): its
                // detection and routing change are the ones that followed the same fault.
                const since = fault >= 0 ? ctx.plan.faults[fault]!.at : t;
                const seen = reactions.get(reactionKey(g));
                if (seen?.detectionAt !== undefined && seen.detectionAt >= since)
                    episode.detectionAt = seen.detectionAt;
                if (seen?.routingAt !== undefined && seen.routingAt >= since) episode.routingAt = seen.routingAt;
                g.episode = episode;
                ctx.episodes.push(episode);
                ctx.record(
                    t,
                    'interrupted',
                    `users of ${ctx.plan.regions[g.plan.origin]} on ${g.plan.targetId}: ${pct(1 - share)} of requests fail`,
                    g.plan.targetId,
                    g.plan.origin,
                    fault >= 0 ? ctx.faultSource(fault) : undefined,
                );
            } else if (share < e.worstServed) e.worstServed = share;
        } else if (e !== undefined) {
            e.end = t;
            g.episode = undefined;
            const from = e.fault >= 0 ? ctx.plan.faults[e.fault]!.at : e.start;
            ctx.record(
                t,
                'recovered',
                `users of ${ctx.plan.regions[g.plan.origin]} on ${g.plan.targetId} are served again (${formatDuration(t - from)} after ${e.fault >= 0 ? `the ${ctx.plan.faults[e.fault]!.label}` : 'the interruption'})`,
                g.plan.targetId,
                g.plan.origin,
                e.fault >= 0 ? ctx.faultSource(e.fault) : undefined,
            );
        }
    }
}

/** Notes a detection or routing change on the open interruptions of a service's (or store's) users. */
export function markEpisodes(
    ctx: EngineContext,
    reactions: Reactions,
    targetKind: 'service' | 'store',
    target: number,
    field: 'detectionAt' | 'routingAt',
    t: number,
): void {
    const key = `${targetKind}:${target}`;
    const reaction = reactions.get(key) ?? {};
    reaction[field] = t;
    reactions.set(key, reaction);
    ctx.work.scans += ctx.groups.length;
    for (const g of ctx.groups) {
        const episode = g.episode;
        if (episode === undefined || episode[field] !== undefined) continue;
        const concerned =
            targetKind === 'service'
                ? g.plan.kind === 'service' && g.plan.target === target
                : g.plan.writes.includes(target) || g.plan.readsFrom.includes(target);
        if (concerned) episode[field] = t;
    }
}

function reactionKey(g: GroupRuntime): string {
    return `${g.plan.kind}:${g.plan.target}`;
}

function pct(share: number): string {
    return `${Math.round(share * 1000) / 10}%`;
}
