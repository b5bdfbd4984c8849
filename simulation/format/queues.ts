// The sentences the text and Markdown reports share about a queue or stream: messages stranded with a region,
// the backlog no consumer took, and messages re-delivered (duplicates) to a consumer group that moved cluster.
import { factRef } from '../../language/semantics/facts/citation.js';
import { formatCount, formatDuration } from '../../format/quantities.js';
import type { QueueReport, StoreReport } from '../report.js';
import { at } from './common.js';

const messages = (n: number): string => `${formatCount(n)} message${n === 1 ? '' : 's'}`;

/** The facts for the store's summary line: "12 messages stranded (all delivered at heal), 40 messages re-delivered (duplicates)". */
export function queueSummary(s: StoreReport): string[] {
    const q = s.queue;
    if (q === null || q === undefined) return [];
    const out: string[] = [];
    if (q.strandedMessages > 0) {
        const fate =
            q.lostMessages > 0
                ? `${formatCount(q.lostMessages)} lost`
                : q.deliveredAtHeal === q.strandedMessages
                  ? 'all delivered at heal'
                  : `${formatCount(q.deliveredAtHeal)} delivered at heal`;
        out.push(`${messages(q.strandedMessages)} stranded (${fate})`);
    }
    if (q.redeliveredMessages > 0)
        out.push(
            `${messages(q.redeliveredMessages)} re-delivered (${q.consumersIdempotent ? 'consumers idempotent: no duplicates' : 'duplicates'})`,
        );
    return out;
}

/** One line per stranding, wait and consumer move, then what the model assumes; empty for other stores. */
export function queueLines(s: StoreReport): string[] {
    const q = s.queue;
    if (q === null || q === undefined) return [];
    const out: string[] = [];
    for (const x of q.stranded) {
        const fate =
            x.lostAtMs !== null
                ? `lost at ${at(x.lostAtMs)} (destroyed)`
                : x.returnedAtMs !== null
                  ? `consumable again at ${at(x.returnedAtMs)} (delivered at heal)`
                  : 'still stranded at the end (kept, not lost)';
        // Which kind of number it is: no declared consumer makes it an upper bound; consumers that were up make it
        // a lower bound (their in-flight messages are not counted); else it is what arrived while they were down.
        const kind =
            q.consumers.length === 0
                ? `an upper bound: no service reads ${s.id}`
                : x.sinceMs >= x.atMs
                  ? 'a lower bound: its consumers were up, and the messages in flight to them are not counted'
                  : 'accepted while none of its consumers was up';
        out.push(
            `${x.region} down at ${at(x.atMs)}: ${messages(x.messages)} stranded, accepted since ${at(x.sinceMs)} and not consumed (${kind}; ${factRef(s.engine === 'kinesis' ? 'kinesis-single-region' : 'sqs-single-region')}) — ${fate}`,
        );
    }
    // A wait that ended stranded is the stranding line above.
    for (const w of q.backlog.filter((x) => x.outcome !== 'stranded')) {
        const end =
            w.outcome === 'consumed'
                ? `consumed at ${at(w.untilMs!)} when a consumer was up again`
                : w.outcome === 'stranded'
                  ? `stranded at ${at(w.untilMs!)}`
                  : 'still waiting at the end';
        out.push(
            `${w.region}: ${messages(w.messages)} waited from ${at(w.sinceMs)} with no consumer taking them, ${end}`,
        );
    }
    for (const m of q.moves) out.push(moveLine(q, m));
    if (q.stranded.length > 0 || q.backlog.length > 0 || q.moves.length > 0) out.push(`assumed: ${q.assumption}`);
    return out;
}

function moveLine(q: QueueReport, m: QueueReport['moves'][number]): string {
    const c = q.checkpoints;
    const every = c
        ? ` (checkpoints every ${formatDuration(c.intervalMs)}, ${c.declared ? 'declared' : 'the default'})`
        : '';
    const from =
        m.checkpointAtMs !== null
            ? `the checkpoint at ${at(m.checkpointAtMs)}${every}`
            : `the start of the scenario: no checkpoint had reached ${m.to}${every}`;
    const heal =
        m.afterHeal > 0 ? `, and ${messages(m.afterHeal)} it had consumed in ${m.from} once they were mirrored` : '';
    const kind = q.consumersIdempotent ? 'consumers idempotent: no duplicates' : 'duplicates';
    return `consumers of ${m.service} moved ${m.from} → ${m.to} at ${at(m.atMs)}, resuming from ${from}: ${messages(m.atFailover)} re-delivered at the move${heal} (${kind}, simulated; ${factRef('kafka-mirrormaker2')})`;
}
