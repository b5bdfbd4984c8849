// The report's view of a queue or stream (report.ts `QueueReport`): the stranded backlogs, the waits, the
// consumer groups that moved and what they were delivered again, from the queues mechanism's records.
import { itemAt } from '../language/util/item-at.js';
import { formatCount, formatDuration } from '../format/quantities.js';
import type { RunState } from './engine/context.js';
import { checkpointIntervalOf } from './queues.js';
import type { QueueReport } from './report.js';

const ASSUME_KEEP_UP =
    'no consumption rate or consumer delay is declared: consumers that are up are assumed to take each message as it arrives, so messages in flight to them are not counted';

export function queueReport(sim: RunState, index: number): QueueReport | null {
    const plan = sim.plan;
    const store = itemAt(plan.stores, index, 'stores');
    const backlog = sim.queues.backlogOf[index];
    const checkpoints = sim.queues.checkpointsOf[index];
    if (backlog === undefined && checkpoints === undefined) return null;
    const regionOf = (slot: number): string =>
        itemAt(plan.regions, itemAt(store.replicas, slot, 'replicas'), 'regions');
    const consumers = (backlog?.consumers ?? checkpoints?.consumers ?? []).map(
        (v) => itemAt(plan.services, v, 'services').id,
    );
    const stranded = (backlog?.all ?? []).map((x) => ({
        region: regionOf(x.slot),
        fault: x.fault >= 0 ? x.fault : null,
        atMs: x.atMs,
        sinceMs: x.sinceMs,
        messages: x.messages,
        returnedAtMs: x.returnedAtMs >= 0 ? x.returnedAtMs : null,
        lostAtMs: x.lostAtMs >= 0 ? x.lostAtMs : null,
    }));
    const moves = (checkpoints?.moves ?? []).map((m) => ({
        service: itemAt(plan.services, m.service, 'services').id,
        from: itemAt(plan.regions, m.from, 'regions'),
        to: itemAt(plan.regions, m.to, 'regions'),
        atMs: m.atMs,
        checkpointAtMs: m.checkpointAtMs >= 0 ? m.checkpointAtMs : null,
        atFailover: m.atFailover,
        afterHeal: m.afterHeal,
    }));
    const redelivered = moves.reduce((n, m) => n + m.atFailover + m.afterHeal, 0);
    const idempotent = store.model.consumersIdempotent;
    return {
        consumers,
        consumersIdempotent: idempotent,
        assumption:
            backlog !== undefined && consumers.length === 0
                ? `no service reads ${store.id}: nothing in the design consumes it, so every message accepted in a region counts as not consumed (an upper bound)`
                : ASSUME_KEEP_UP,
        strandedMessages: stranded.reduce((n, x) => n + x.messages, 0),
        deliveredAtHeal: stranded.reduce((n, x) => n + (x.returnedAtMs !== null ? x.messages : 0), 0),
        lostMessages: stranded.reduce((n, x) => n + (x.lostAtMs !== null ? x.messages : 0), 0),
        stranded,
        backlog: (backlog?.waits ?? []).map((w) => ({
            region: regionOf(w.slot),
            sinceMs: w.sinceMs,
            untilMs: w.untilMs >= 0 ? w.untilMs : null,
            messages: w.messages,
            outcome: w.outcome,
        })),
        checkpoints:
            checkpoints !== undefined
                ? {
                      intervalMs: checkpointIntervalOf(plan, index),
                      declared: store.model.checkpointMs !== undefined,
                      firstAtMs: checkpoints.phaseMs,
                  }
                : null,
        redeliveredMessages: redelivered,
        duplicates: idempotent ? 0 : redelivered,
        moves,
    };
}

/** The stranded messages of a queue as `expect stranded-writes` counts them, each described. */
export function queueStrandings(
    sim: RunState,
    index: number,
): { region: string; count: number; atMs: number; text: string }[] {
    const store = itemAt(sim.plan.stores, index, 'stores');
    return (sim.queues.backlogOf[index]?.all ?? [])
        .filter((x) => x.messages > 0)
        .map((x) => {
            const region = itemAt(sim.plan.regions, itemAt(store.replicas, x.slot, 'replicas'), 'regions');
            const fate =
                x.lostAtMs >= 0 ? 'lost with it' : x.returnedAtMs >= 0 ? 'consumable again at heal' : 'still stranded';
            return {
                region,
                count: x.messages,
                atMs: x.atMs,
                text: `${formatCount(x.messages)} messages of ${store.id} in ${region} at ${formatDuration(x.atMs)}, ${fate}`,
            };
        });
}
