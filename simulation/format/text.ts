// The report as terminal text: expectations first (what CI and a reviewer look at), then recovery, data,
// availability, latency, cost, the timeline and the notes.
import { formatCount, formatDuration, formatUsd } from '../../format/quantities.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { latencySpread } from './latency-spread.js';
import type { SimulationReport, TimelineEvent } from '../report.js';
import { queueLines, queueSummary } from './queues.js';
import { drainLine, failoverVerdict, lostIncrementsSummary, strandedSummary, strandingLine } from './data-fate.js';
import { stalenessLine } from './staleness.js';
import { coldCacheLines, overloadLines } from './load.js';
import {
    at,
    duration,
    objectivesHeadline,
    faultLine,
    fileName,
    gapList,
    latency,
    latencyOverTime,
    maxBacklogMs,
    maxLagMs,
    resolutionLine,
    share,
} from './common.js';
import { corruptionLines } from './corruptions.js';
import { partialFaultLines } from './partial-faults.js';

export interface TextOptions {
    readonly color?: boolean;
    /** Timeline events to show (the rest are counted). */
    readonly timelineLimit?: number;
}

export function formatText(r: SimulationReport, options: TextOptions = {}): string {
    const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const out: string[] = [];
    // File names, and the messages and notes that quote them, may hold ESC sequences or line breaks: shown, not run.
    const title = `Scenario ${r.scenario.name} (${visibleControls(fileName(r.design.uri))}:${r.scenario.line}) — ${formatDuration(r.scenario.durationMs)}, seed ${r.scenario.seed}`;
    out.push(paint('1', title));
    out.push(`  ${resolutionLine(r)}`);
    out.push(`  faults: ${r.scenario.faults.length === 0 ? 'none' : r.scenario.faults.map(faultLine).join('; ')}`);
    out.push('');

    const e = r.summary.expectations;
    if (e.total === 0) out.push('Expectations: none declared');
    else
        out.push(
            paint(
                '1',
                `Expectations: ${e.failed === 0 ? `all ${e.total} passed` : `${e.failed} of ${e.total} failed`}`,
            ),
        );
    for (const x of r.expectations)
        out.push(`  ${x.passed ? paint('32', '✔') : paint('31', '✘')} ${visibleControls(x.message)}  (line ${x.line})`);
    out.push('');
    // Reports before schema 1.4 (a saved run exported again) have no objectives.
    const objectives = r.objectives ?? [];
    if (objectives.length > 0) {
        out.push(paint('1', `Objectives of the services and stores: ${objectivesHeadline(objectives)}`));
        for (const x of objectives)
            out.push(
                `  ${x.passed ? paint('32', '✔') : paint('31', '✘')} ${visibleControls(x.message)}  (line ${x.clause.line})`,
            );
        out.push('');
    }
    const verdict = failoverVerdict(r);
    if (verdict.length > 0) {
        out.push(paint('1', 'Failovers and split brain'));
        for (const line of verdict) out.push(`  ${paint('33', '!')} ${line}`);
        out.push('');
    }

    const partial = partialFaultLines(r);
    if (partial.length > 0) {
        out.push(paint('1', 'Partial faults and detection'));
        for (const line of partial) out.push(`  ${line}`);
        out.push('');
    }

    const corrupted = corruptionLines(r);
    if (corrupted.length > 0) {
        out.push(paint('1', 'Corruption and restore'));
        for (const line of corrupted) out.push(`  ${line}`);
        out.push('');
    }

    if (r.recovery.length > 0) {
        out.push(paint('1', 'Interruptions'));
        for (const x of r.recovery) {
            const from = x.faultAtMs ?? x.startMs;
            const parts = [
                x.detectionMs !== null ? `detected +${formatDuration(x.detectionMs - from)}` : 'not detected',
                x.routingChangeMs !== null ? `rerouted +${formatDuration(x.routingChangeMs - from)}` : undefined,
                x.endMs !== null ? `served again +${formatDuration(x.endMs - from)}` : 'not served again by the end',
            ].filter(Boolean);
            out.push(
                `  users of ${x.usersOf} on ${x.target}, ${x.faultLabel ?? 'interruption'} at ${at(from)}: ${parts.join(', ')} — RTO ${duration(x.rtoMs)} (worst: ${share(x.worstServedShare)} served)`,
            );
        }
        out.push('');
    }

    out.push(paint('1', 'Data'));
    for (const s of r.stores) {
        if (s.writes.acknowledged === 0 && s.reads.served === 0) continue;
        const mode =
            s.replication.mode === 'async'
                ? `async ${formatDuration(s.replication.lagMs ?? 0)}`
                : s.replication.mode === 'consensus'
                  ? `consensus q${s.replication.quorum}`
                  : s.replication.mode;
        const facts = [
            `${formatCount(s.writes.acknowledged)} writes acked`,
            s.writes.failed > 0 ? `${formatCount(s.writes.failed)} failed` : undefined,
            s.writes.rejected + s.writes.conflictRejected > 0
                ? `${formatCount(s.writes.rejected + s.writes.conflictRejected)} rejected`
                : undefined,
            s.lostWrites > 0
                ? paint('31', `${formatCount(s.lostWrites)} lost (RPO ${formatDuration(s.rpoMs!)})`)
                : 'none lost',
            strandedSummary(s),
            ...queueSummary(s),
            s.discardedWrites > 0
                ? paint('31', `${formatCount(s.discardedWrites)} silently discarded (LWW)`)
                : undefined,
            lostIncrementsSummary(s),
            s.merges > 0 ? `${formatCount(s.merges)} merged` : undefined,
            s.siblings > 0 ? `${formatCount(s.siblings)} siblings` : undefined,
            s.reads.staleShare !== null && s.reads.staleShare > 0
                ? `${share(s.reads.staleShare)} stale reads`
                : undefined,
            s.writeLatencyMs.p50 !== null ? `latency p50/p95/p99 ${latency(s.writeLatencyMs)}` : undefined,
            s.lag.length > 0 ? `max lag ${formatDuration(maxLagMs(s))}` : undefined,
            backlogText(maxBacklogMs(s)),
        ].filter(Boolean);
        out.push(`  ${s.id} (${s.engine ?? 'store'}, ${mode}, ${s.conflicts}): ${facts.join(', ')}`);
        for (const x of s.stranded) out.push(`    ${strandingLine(x)}`);
        for (const line of queueLines(s)) out.push(`    ${line}`);
        const drain = drainLine(s);
        if (drain !== undefined) out.push(`    ${drain}`);
        const staleness = stalenessLine(s);
        if (staleness !== undefined) out.push(`    ${staleness}`);
        for (const line of coldCacheLines(s)) out.push(`    ${line}`);
    }
    out.push('');
    const overloads = r.services.flatMap((s) => overloadLines(s).map((l) => `  ${s.id}: ${l}`));
    if (overloads.length > 0) out.push('Load over capacity:', ...overloads, '');

    out.push(
        paint('1', `Availability ${share(r.summary.availability)}`) +
            (r.regions.length > 1
                ? ` — ${r.regions.map((x) => `users of ${x.region} ${share(x.availability)}`).join(', ')}`
                : ''),
    );
    out.push(`Write latency p50/p95/p99: ${latency(r.summary.writeLatencyMs)}`);
    out.push('  spread:');
    for (const x of latencySpread(r))
        out.push(`    ${x.store === undefined ? '' : `${x.store}: `}${visibleControls(x.text)}`);
    const overTime = latencyOverTime(r);
    if (r.sampleTimesMs.length > 1 && overTime.length > 0) {
        out.push(`  over time, p99 per ${formatDuration(r.run.sampleIntervalMs)} interval:`);
        for (const x of overTime) {
            const range =
                x.lowMs === x.highMs
                    ? `${formatDuration(x.highMs)} in every interval with writes`
                    : `${formatDuration(x.lowMs)} – ${formatDuration(x.highMs)} (highest from ${at(x.highAtMs)})`;
            out.push(
                `    users of ${x.usersOf} on ${x.on}: ${range}${x.gaps.length > 0 ? `; no write acknowledged ${gapList(x.gaps)}` : ''}`,
            );
        }
    }
    out.push(`Stale reads: ${r.summary.staleReadShare === null ? 'not estimated' : share(r.summary.staleReadShare)}`);
    const postures = r.cost.postures.map((p) => `${p.service} ${p.posture} ×${p.multiplier}`).join(', ');
    out.push(
        `Cost: ${r.cost.egressUsdPerMonth === null ? 'replication egress not estimated' : `replication egress ≈ ${formatUsd(r.cost.egressUsdPerMonth)}/month`}${postures ? `; DR multipliers ${postures}` : ''}`,
    );
    out.push('');

    const limit = options.timelineLimit ?? 25;
    out.push(paint('1', 'Timeline'));
    for (const t of r.timeline.slice(0, limit))
        out.push(`  ${at(t.atMs).padStart(10)}  ${visibleControls(t.text)}${clauseNote(r, t.clause)}`);
    if (r.timeline.length > limit)
        out.push(
            `  … ${r.timeline.length - limit} more event${r.timeline.length - limit === 1 ? '' : 's'} (--format json or markdown shows them all)`,
        );
    if (r.notes.length > 0) {
        out.push('');
        out.push(paint('1', 'Notes'));
        for (const n of r.notes) out.push(`  • ${visibleControls(n)}`);
    }
    return out.join('\n');
}

/** "  (line 48)": the clause that caused an event, with its file's name when it is another file. */
function clauseNote(r: SimulationReport, clause: TimelineEvent['clause'] | undefined): string {
    if (!clause) return '';
    return clause.uri === r.design.uri
        ? `  (line ${clause.line})`
        : `  (${visibleControls(fileName(clause.uri))}:${clause.line})`;
}

function backlogText(ms: number | null): string | undefined {
    return ms === null ? undefined : `backlog held up to ${formatDuration(ms)} by a cut`;
}
