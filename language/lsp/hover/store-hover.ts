// Hover for a store: what it is, then the numbers the rules use — write latency from each region, replication
// lag, RPO, monthly egress and (for last-write-wins on shared data) the writes it loses.
import {
    describeEgress,
    describeRpoRange,
    estimateMonthlyEgress,
    estimateRpo,
    estimateWriteLatency,
    latencyKindOf,
    incrementsModelPhrase,
    lwwLossesForStore,
    quorumOf,
    replicationLag,
    hasSpread,
    votersOf,
    writeLatencyAfterLeaderLoss,
    type WriteLatencyEstimate,
} from '../../semantics/estimators/index.js';
import { describeRestore, restoreTime, restoreTimeUnknown, rtoFor } from '../../semantics/estimators/restore.js';
import { lagPercentile, percentileLagText } from '../../semantics/estimators/object-lag.js';
import type { CachesM, Model, StoreM } from '../../semantics/model.js';
import { factRef } from '../../semantics/facts/citation.js';
import { formatBytes, formatCount, formatDuration, formatPercent, formatUsd } from '../../../format/quantities.js';
import { roughly } from '../../validation/rules/helpers.js';
import { list, provenanceNote, table } from './markdown.js';
import { queueAndObjectLines } from './queue-store-lines.js';

export function describeStore(model: Model, name: string): string | undefined {
    const stores = (model.instances.get(name) ?? [])
        .map((id) => model.stores.get(id))
        .filter((s): s is StoreM => s !== undefined);
    const [first] = stores;
    if (!first) return undefined;
    const out = [`**store ${name}**${first.cell ? ' · per cell' : ''}${first.engine ? ` · ${first.engine}` : ''}`, ''];
    out.push(...queueAndObjectLines(model, first));
    out.push(`- Holds: ${first.holds ?? '?'} ${first.shape ?? ''}`.trimEnd());
    out.push(
        `- Writes: ${first.writes.policy}${first.writes.primary ? ` (primary ${first.writes.primary})` : ''}${provenanceNote(first.writes.provenance)}`,
    );
    out.push(`- Replication: ${replicationText(first)}${provenanceNote(first.replication.provenance)}`);
    const catchUp = catchUpText(first);
    if (catchUp !== undefined) out.push(`- Catch-up after a heal: ${catchUp}`);
    if (first.caches) out.push(cachesLine(first.caches));
    out.push(...consensusLines(stores));
    out.push(`- Consistency: ${first.consistency.level}${provenanceNote(first.consistency.provenance)}`);
    out.push(
        `- Conflicts: ${first.conflicts.strategy}${first.conflicts.crdt ? ` ${first.conflicts.crdt}` : ''}${provenanceNote(first.conflicts.provenance)}`,
    );
    if (first.invariants.length > 0)
        out.push(`- Invariants: ${list(first.invariants.map((i) => `${i.kind} ${i.field}`))}`);
    if (first.residency && first.residencyProvenance?.kind === 'declared') out.push(`- Residency: ${first.residency}`);
    out.push(...backupLines(model, first));
    for (const store of stores) {
        const residency =
            store.residency && store.residencyProvenance?.kind !== 'declared' ? `, residency ${store.residency}` : '';
        const heading = store.cell
            ? `**Estimates in cell ${store.cell}** (${list(store.regions)}${residency})`
            : `**Estimates** (${list(store.regions)}${residency})`;
        out.push('', heading, '');
        out.push(...estimates(model, store));
    }
    return out.join('\n');
}

function replicationText(store: StoreM): string {
    const r = store.replication;
    switch (r.mode) {
        case 'async':
            return `async${r.lagMs !== undefined ? `, lag ${formatDuration(r.lagMs)}` : ''}`;
        case 'consensus':
            return `consensus, quorum ${quorumOf(store)} of ${votersOf(store).length} voters`;
        default:
            return r.mode;
    }
}

/** How fast an asynchronous store drains a healed backlog: declared, or why the simulation's drain is a lower bound. */
function catchUpText(store: StoreM): string | undefined {
    if (store.replication.mode !== 'async' || new Set(store.regions).size < 2) return undefined;
    const c = store.catchUp;
    if (c?.writesPerS !== undefined) return `${formatCount(c.writesPerS)} writes/s *(declared)*`;
    if (c?.bytesPerS !== undefined) return `${formatBytes(c.bytesPerS)}/s *(declared)*`;
    return `not declared — a simulated backlog arrives at once, so drain times are lower bounds (${factRef('catch-up-rate')})`;
}

/** Leader (per cell when they differ), locality and survival goal of a consensus store. */
function consensusLines(stores: readonly StoreM[]): string[] {
    const first = stores[0]?.consensus;
    if (!first) return [];
    const leaders = stores.map((s) =>
        s.cell && stores.length > 1 ? `${s.consensus?.leader} (${s.cell})` : `${s.consensus?.leader}`,
    );
    const out = [`- Leader: ${list(leaders)}${provenanceNote(first.leaderProvenance)}`];
    if (first.locality) out.push(`- Locality: ${first.locality}${provenanceNote(first.localityProvenance)}`);
    if (first.survive) out.push(`- Survives: ${first.survive} failure`);
    return out;
}

/**
 * The slowest origin's write as a person would say it, labelled as what it is: typical (mean RTTs) or Cosmos DB's
 * p99 bound. A store whose writes wait for no other region has no slowest write to speak of.
 */
function worstWriteText(worst: WriteLatencyEstimate): string {
    if (worst.ms === undefined) return `unknown from ${worst.from}`;
    if (worst.ms === 0) return 'no write waits for another region';
    return latencyKindOf(worst) === 'p99 bound'
        ? `≤ ${formatDuration(worst.ms)} (p99 bound), from ${worst.from}, the slowest`
        : `≈ ${formatDuration(worst.ms)} typical, from ${worst.from}, the slowest`;
}

function estimates(model: Model, store: StoreM): string[] {
    const out: string[] = [];
    const latencies = store.regions.map((from) => estimateWriteLatency(model, store, from));
    const rpo = estimateRpo(store);
    const rpoText = describeRpoRange(rpo) ?? (rpo.basis === 'no-copy' ? 'everything since the last copy' : 'unknown');
    const egress = estimateMonthlyEgress(model, store);
    const worst = latencies.length > 0 ? latencies.reduce((a, b) => ((b.ms ?? -1) > (a.ms ?? -1) ? b : a)) : undefined;
    // The answer first (estimates, detailed below): how slow a write can be, what a region loss costs, what it costs a month.
    out.push(
        [
            ...(worst ? [`Writes: **${worstWriteText(worst)}**`] : []),
            `RPO: **${rpoText}**`,
            `egress: **${egress.usdPerMonth !== undefined ? `≈ ${formatUsd(egress.usdPerMonth)}/month` : 'unknown'}**`,
        ].join(' · '),
        '',
    );
    if (worst) {
        out.push(`- Write latency: ${worstWriteText(worst)} (${worst.formula})`);
        if (worst.range && worst.range.worstMs === undefined && worst.ms !== undefined && worst.ms > 0)
            out.push(`- Range: best = typical; no worst end: ${worst.range.why.worst}`);
        if (latencies.length > 1) {
            out.push(
                '',
                table(
                    ['write from', 'waits', 'because'],
                    latencies.map((l) => [
                        l.from,
                        l.ms !== undefined ? `≈ ${formatDuration(l.ms)}` : 'unknown',
                        l.formula,
                    ]),
                ),
                '',
            );
        }
        const moved = latencies
            .map((l) => writeLatencyAfterLeaderLoss(model, store, l.from))
            .filter((m) => m !== undefined);
        const [m] = moved;
        if (m) {
            const each = latencies
                .map((l) => ({ from: l.from, after: writeLatencyAfterLeaderLoss(model, store, l.from) }))
                .filter((x) => x.after?.ms !== undefined)
                .map((x) => `${x.from} ≈ ${formatDuration(x.after!.ms!)}`);
            out.push(
                m.leader === undefined
                    ? `- Leader placement: if ${m.failed} (the leader's region) fails, ${m.formula}: writes stop`
                    : `- Leader placement: if ${m.failed} (the leader's region) fails, the surviving voters elect ${m.leader}; writes then wait ${each.length > 0 ? list(each) : 'an unknown time'}`,
            );
        }
    }
    const lag = replicationLag(store);
    const percentile = lagPercentile(store);
    out.push(
        percentile !== undefined
            ? `- Replication lag: ${percentileLagText(percentile)}`
            : `- Replication lag: ${lag.text}${provenanceNote(lag.provenance)}`,
    );
    const rpoWhy =
        rpo.range === undefined || !hasSpread(rpo.range)
            ? ''
            : rpo.range.worstMs === undefined
              ? `; no bound: ${rpo.range.why.worst}`
              : `; worst when ${rpo.range.why.worst}`;
    out.push(`- RPO: ${rpoText} (${rpo.reason}${rpoWhy})`);
    out.push(`- Monthly egress: ${describeEgress(egress)}`);
    if (store.conflicts.strategy === 'lww' && store.holds === 'shared') {
        for (const loss of lwwLossesForStore(model, store)) {
            out.push(
                `- Last-write-wins losses, workload ${loss.workload}: ${loss.perDay !== undefined ? `≈ ${roughly(loss.perDay)} lost writes a day (${loss.formula})` : loss.missing}`,
            );
            if (loss.incrementsLostPerDay !== undefined)
                out.push(
                    `- Counter increments lost, workload ${loss.workload}: ≈ ${roughly(loss.incrementsLostPerDay)} a day (an estimate, ${incrementsModelPhrase(loss.incrementsModel)}; each overwritten write can carry earlier increments with it)`,
                );
        }
    }
    return out;
}

/** The backup: where it is kept, the restore point a corruption falls back to and the restore time (an estimate). */
function backupLines(model: Model, store: StoreM): string[] {
    const b = store.backup;
    if (b === undefined)
        return [
            `- Backup: none — a corruption replicates to every replica and no clean copy is left (${factRef('corruption-replicates')})`,
        ];
    const where = b.region !== undefined ? ` to ${b.region}` : '';
    const lock = b.immutable ? `, immutable (${factRef('backup-vault-lock')})` : '';
    const lines = [`- Backup: every ${formatDuration(b.intervalMs)}${where}${lock}`];
    lines.push(
        b.pitrMs !== undefined
            ? `- After a corruption: point-in-time restore to a second before it, within ${formatDuration(b.pitrMs)} (${factRef('pitr-retention')})`
            : `- After a corruption: back to the last backup, up to ${formatDuration(b.intervalMs)} of writes lost (${factRef('corruption-replicates')})`,
    );
    const restore = restoreTime(store);
    const rto = rtoFor(model, store);
    const verdict =
        rto !== undefined && restore.ms !== undefined
            ? ` — ${restore.ms <= rto.ms ? 'within' : 'longer than'} the ${formatDuration(rto.ms)} RTO of ${rto.from}`
            : '';
    lines.push(
        restore.ms !== undefined
            ? `- Restore: ${describeRestore(restore)}${verdict}`
            : `- Restore: unknown — ${restoreTimeUnknown(store, restore.missing)}`,
    );
    return lines;
}

/** What a cold cache sends its backing store, in words and the closed form the simulation uses. */
function cachesLine(c: CachesM): string {
    const extra =
        c.warmUpMs > 0
            ? `, about reads × ${formatPercent(c.hitRate)} × ${formatDuration(c.warmUpMs)} ÷ 2 more reads over a warm-up (estimate)`
            : '';
    return `- Caches ${c.store}: hit rate ${formatPercent(c.hitRate)}, warm-up ${formatDuration(c.warmUpMs)} — users routed here after a failover start cold: ${c.store} sees all their reads at first${extra} *(${factRef('cold-cache')})*`;
}
