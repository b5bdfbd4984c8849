// Losses: what a promotion or a `destroy` takes away. A promotion moves a single-writer store's writes to
// another replica: what that replica had not applied is abandoned (lost, with its RPO), and an old primary
// nothing fences keeps taking its own region's writes (split brain, split-brain.ts). A destroyed region's
// storage is gone with what no other replica had applied.
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { endDrain } from '../../replication.js';
import { endSplitBrain, oldPrimaryStaysWritable, startSplitBrain, type SplitBrain } from '../../split-brain.js';
import type { EngineContext, Loss, RunState } from '../context.js';

/** Per store, the promotion that left its old primary taking writes and is still open (or undefined). */
export type OpenSplitBrains = (SplitBrain | undefined)[];

/** A region's storage is destroyed: what no other replica had applied yet is gone (RPO = lag: docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag). */
export function destroyRegion(ctx: EngineContext, region: number, t: number, fault: number): void {
    ctx.destroyed[region] = 1;
    ctx.work.scans += ctx.plan.stores.length;
    for (const store of ctx.plan.stores) {
        const slot = store.slotOf[region]!;
        const log = slot >= 0 ? ctx.logs[store.index]![slot] : undefined;
        if (log === undefined) continue;
        let kept = log.start;
        for (const link of ctx.linksFrom[store.index]![slot]!) {
            ctx.advance(link, t, false);
            if (link.head > kept) kept = link.head;
        }
        abandon(ctx, store.index, slot, kept, t, fault, 'destroyed', -1);
    }
}

/**
 * A single-writer store now accepts writes in `to` instead of `from` (a promotion): the writes `to` had not
 * applied are gone (docs/facts.md#aurora-managed-failover-time), and an old primary nothing fences keeps taking the
 * writes of its own region (split brain).
 */
export function promoted(
    ctx: EngineContext,
    open: OpenSplitBrains,
    store: number,
    from: number,
    to: number,
    t: number,
): void {
    const storePlan = ctx.plan.stores[store]!;
    const routing = ctx.storeRouting[store]!;
    const counters = ctx.storeCounters[store]!;
    const previous = open[store];
    if (previous !== undefined) endSplitBrain(previous, t, counters.accepted, storePlan, false);
    open[store] = undefined;
    routing.stalePrimary = -1;
    if (oldPrimaryStaysWritable(storePlan) && from !== to && ctx.destroyed[from] === 0) {
        routing.stalePrimary = from;
        const splitBrain: SplitBrain = {
            store,
            oldPrimary: from,
            newPrimary: to,
            promotedAt: t,
            startAt: -1,
            endAt: -1,
            oldAtStart: 0,
            newAtStart: 0,
            oldWrites: 0,
            newWrites: 0,
        };
        ctx.splitBrains.push(splitBrain);
        open[store] = splitBrain;
        if (!ctx.faults.isDown(from)) splitBrainStarts(ctx, splitBrain, t);
    }
    abandonOldPrimary(ctx, store, from, to, t);
}

function splitBrainStarts(ctx: EngineContext, b: SplitBrain, t: number): void {
    const storePlan = ctx.plan.stores[b.store]!;
    startSplitBrain(b, t, ctx.storeCounters[b.store]!.accepted, storePlan);
    ctx.record(
        t,
        'split-brain',
        `${storePlan.id} has two primaries: ${ctx.plan.regions[b.oldPrimary]} is up and was not fenced when ${ctx.plan.regions[b.newPrimary]} was promoted, so writes issued in ${ctx.plan.regions[b.oldPrimary]} still land there and neither side sees the other's`,
        storePlan.id,
        b.oldPrimary,
    );
}

/** A region is up again: an unfenced old primary there takes writes next to the new one. */
export function regionBack(ctx: EngineContext, open: OpenSplitBrains, region: number, t: number): void {
    for (const b of open) if (b !== undefined && b.oldPrimary === region && b.startAt < 0) splitBrainStarts(ctx, b, t);
}

function abandonOldPrimary(ctx: EngineContext, store: number, from: number, to: number, t: number): void {
    const storePlan = ctx.plan.stores[store]!;
    const slot = storePlan.slotOf[from]!;
    const log = slot >= 0 ? ctx.logs[store]![slot] : undefined;
    const link = log !== undefined ? ctx.linkOf[store]![slot]![storePlan.slotOf[to]!] : undefined;
    if (log === undefined || link === undefined) return;
    ctx.advance(link, t, false);
    const open = ctx.fates[store]!.open[slot];
    abandon(ctx, store, slot, link.head, t, open !== undefined ? open.fault : latestFault(ctx, t), 'promotion', to);
}

/**
 * The fault most recently started by `t` (what a failover without a cut-off reacted to), or -1. A lag spike
 * never starts a failover (availability.ts blames none on it either), so it is passed over.
 */
function latestFault(ctx: EngineContext, t: number): number {
    let best = -1;
    for (const f of ctx.plan.faults)
        if (f.kind !== 'lag-spike' && f.at <= t && (best < 0 || f.at >= ctx.plan.faults[best]!.at)) best = f.index;
    return best;
}

/** Drops the log of a replica from `kept` on: counted as lost, with the age of the oldest as the RPO. */
function abandon(
    ctx: EngineContext,
    store: number,
    slot: number,
    kept: number,
    t: number,
    fault: number,
    cause: Loss['cause'],
    keptIn: number,
): void {
    const storePlan = ctx.plan.stores[store]!;
    const log = ctx.logs[store]![slot]!;
    const region = storePlan.replicas[slot]!;
    const record = ctx.fates[store]!.abandon(slot, t, kept, log, ctx.weight);
    const lost = (log.end - kept) * ctx.weight;
    const states = ctx.keyStates[store];
    if (states !== undefined) {
        // A lost write survives only in the abandoned replica's state: mark it so that, when the region
        // rejoins and is overwritten, it is not counted a second time as a silent discard.
        for (let i = kept; i < log.end; i++) {
            const key = log.keys[log.slot(i)]!;
            if (key >= 0) states.markLost(key, slot, log.timeAt(i));
        }
    }
    if (lost > 0) {
        const oldest = log.timeAt(kept);
        // The RPO counts from when the region stopped replicating: its cut-off, or now if it never was.
        const stoppedAt = record !== undefined && record.cutAt >= oldest ? record.cutAt : t;
        const rpo = stoppedAt - oldest;
        const counters = ctx.storeCounters[store]!;
        counters.lost += lost;
        if (rpo > counters.rpoMs) counters.rpoMs = rpo;
        counters.losses.push({ region, atMs: t, lostWrites: lost, rpoMs: rpo, fault, cause, keptIn });
        const why =
            cause === 'destroyed'
                ? `destroyed with ${ctx.plan.regions[region]}`
                : `abandoned in ${ctx.plan.regions[region]}: ${storePlan.id} now accepts writes in ${ctx.regionName(keptIn)}, which never received them`;
        ctx.record(
            t,
            'writes-lost',
            `${storePlan.id} loses ${formatCount(lost)} acknowledged write${lost === 1 ? '' : 's'} not yet replicated, ${why} (oldest ${formatDuration(rpo)} old when replication stopped)`,
            storePlan.id,
            region,
            cause === 'destroyed' && fault >= 0 ? ctx.faultSource(fault) : undefined,
        );
    }
    for (const link of ctx.linksFrom[store]![slot]!) {
        // What was still queued behind a heal's backlog is dropped with the log: the drain ends here.
        if (link.draining !== undefined) endDrain(link, t, link.head, ctx.weight);
        link.head = log.end;
        link.trackedHead = log.trackedEnd;
        link.stamp++;
        link.scheduled = false;
        link.healWatch = Infinity;
    }
    log.start = log.end;
    log.trackedStart = log.trackedEnd;
}

/** At the run's end: the open split brains end with it. */
export function finishSplitBrains(run: RunState, open: OpenSplitBrains, end: number): void {
    for (const b of open)
        if (b !== undefined)
            endSplitBrain(b, end, run.storeCounters[b.store]!.accepted, run.plan.stores[b.store]!, true);
}
