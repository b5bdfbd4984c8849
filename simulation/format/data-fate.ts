// The sentences the text and Markdown reports share about what became of writes a cut-off replica held, about
// failovers that ran on a false alarm or could not be cancelled, and about split brain. Plain text made of the
// report's own words and declared names (identifiers), as the rest of both reports shows them.
import { factRef } from '../../language/semantics/facts/citation.js';
import { formatBytes, formatCount, formatDuration, formatUsd } from '../../format/quantities.js';
import type { FailoverRunReport, SimulationReport, SplitBrainReport, StoreReport, StrandingReport } from '../report.js';
import { at, share } from './common.js';

/** "1,000 stranded, all delivered at heal, 12 then overwritten" — empty when nothing was stranded. */
export function strandedSummary(s: StoreReport): string | undefined {
    if (s.strandedWrites <= 0) return undefined;
    const delivered =
        s.deliveredAtHeal === s.strandedWrites
            ? 'all delivered at heal'
            : `${formatCount(s.deliveredAtHeal)} delivered at heal`;
    const overwritten = s.overwrittenAtHeal > 0 ? `, ${formatCount(s.overwrittenAtHeal)} then overwritten (LWW)` : '';
    return `${formatCount(s.strandedWrites)} stranded (${delivered}${overwritten})`;
}

/**
 * "12 increments lost (counter)", plus the keys that had not converged — undefined for a store that is not a
 * counter under last-writer-wins.
 */
export function lostIncrementsSummary(s: StoreReport): string | undefined {
    const x = s.lostIncrements;
    if (x === null || x === undefined) return undefined;
    const lost = `${formatCount(x.lost)} increment${x.lost === 1 ? '' : 's'} lost (counter)`;
    if (x.notConvergedKeys === 0) return lost;
    return `${lost}; ${formatCount(x.notConvergedIncrements)} more on ${formatCount(x.notConvergedKeys)} key${x.notConvergedKeys === 1 ? '' : 's'} that had not converged (a region stayed cut off: stranded, not lost yet)`;
}

/** What happened to the writes one cut-off replica held alone. */
export function strandingLine(x: StrandingReport): string {
    const cut = `${x.region} cut off at ${at(x.cutAtMs)}: ${formatCount(x.strandedWrites)} write${x.strandedWrites === 1 ? '' : 's'} held only there`;
    const parts: string[] = [];
    if (x.deliveredWrites > 0) {
        parts.push(
            x.deliveredByMs !== null && x.healedAtMs !== null
                ? `${formatCount(x.deliveredWrites)} delivered by ${at(x.deliveredByMs)} (${formatDuration(x.deliveredByMs - x.healedAtMs)} after it was reachable again)`
                : `${formatCount(x.deliveredWrites)} delivered by the end`,
        );
    }
    if (x.overwrittenWrites > 0)
        parts.push(`${formatCount(x.overwrittenWrites)} of them then overwritten by newer writes (LWW)`);
    if (x.lostWrites > 0) parts.push(`${formatCount(x.lostWrites)} lost at ${at(x.lostAtMs!)}`);
    const undelivered = x.strandedWrites - x.deliveredWrites - x.lostWrites;
    if (undelivered > 0)
        parts.push(
            x.healedAtMs === null
                ? `${formatCount(undelivered)} still stranded at the end (kept, not lost)`
                : `${formatCount(undelivered)} still on their way at the end`,
        );
    return `${cut} — ${parts.join('; ')}`;
}

/**
 * How the store's healed backlogs drained: the peak, the drain time (simulated at the declared catch-up, or a
 * lower bound when none is declared), the stale reads meanwhile and the egress burst. Undefined without a heal.
 */
export function drainLine(s: StoreReport): string | undefined {
    const d = s.drain;
    if (d === null) return undefined;
    const peak = `backlog peak ${formatCount(d.backlogPeakWrites)} write${d.backlogPeakWrites === 1 ? '' : 's'}`;
    let time: string;
    if (d.outcome === 'never-drains')
        time = `never drains: catch-up ${formatCount(d.catchUpWritesPerS ?? 0)}/s is not above the writes arriving meanwhile`;
    else if (d.drainMs === null) time = 'still draining at the end';
    else if (d.drainTime === 'lower-bound')
        time = `drained in at least ${formatDuration(d.drainMs)} (a lower bound: no catch-up declared, so the backlog arrived at once; declare 'catch-up', ${factRef('catch-up-rate')})`;
    else
        time = `drained in ${formatDuration(d.drainMs)} at catch-up ${formatCount(d.catchUpWritesPerS!)}/s (simulated, ${factRef('catch-up-rate')})`;
    const parts = [peak, time];
    if (d.outcome === 'cut-again') parts.push('cut again before one drain ended');
    if (d.staleReadShare !== null) parts.push(`${share(d.staleReadShare)} of reads stale meanwhile (estimate)`);
    if (d.egressBytes !== null)
        parts.push(
            `egress burst ${formatBytes(d.egressBytes)}${d.egressUsd !== null ? ` (${d.egressUsd > 0 && d.egressUsd < 0.01 ? 'under $0.01' : formatUsd(d.egressUsd)} at the transfer price)` : ''}`,
        );
    return `after heals: ${parts.join('; ')}`;
}

/** A failover worth a sentence in the verdict: one that acted on a false alarm, or could not be cancelled. */
export function failoverLine(f: FailoverRunReport): string | undefined {
    if (!f.falseAlarm && f.healthyAgainAtMs === null) return undefined;
    const why = f.falseAlarm
        ? `on a false alarm (${f.region} was up when its health checks failed)`
        : `away from ${f.region}`;
    const parts = [`failover of ${f.target} ${why}, detected at ${at(f.detectedAtMs)}`];
    if (f.committedAtMs !== null) parts.push(`an irreversible action started at ${at(f.committedAtMs)}`);
    if (f.healthyAgainAtMs !== null)
        parts.push(
            `health checks passed again at ${at(f.healthyAgainAtMs)}${f.committedAtMs !== null ? ', too late to cancel it' : ''}`,
        );
    parts.push(
        f.outcome === 'completed'
            ? `completed at ${at(f.completedAtMs!)}`
            : f.outcome === 'abandoned'
              ? 'dropped'
              : 'still running at the end',
    );
    return parts.join(', ');
}

export function splitBrainLine(b: SplitBrainReport): string {
    const window =
        b.startMs === null
            ? `${b.oldPrimary} never came back`
            : `from ${at(b.startMs)} ${b.endMs === null ? 'to the end' : `to ${at(b.endMs)}`}`;
    const head = `${b.store}: two primaries, ${b.oldPrimary} (not fenced when ${b.newPrimary} was promoted at ${at(b.promotedAtMs)}) and ${b.newPrimary}, ${window}`;
    if (b.startMs !== null && b.writesOldPrimary === 0) {
        return `${head} — no write reached ${b.oldPrimary} in this run (its users were routed away), but nothing stops one; ${formatCount(b.writesNewPrimary)} accepted in ${b.newPrimary}`;
    }
    return `${head} — ${formatCount(b.writesOldPrimary)} writes accepted in ${b.oldPrimary} and ${formatCount(b.writesNewPrimary)} in ${b.newPrimary}, neither seeing the other's`;
}

/** The verdict's lines about failovers and split brain (empty when there is nothing to say). */
export function failoverVerdict(r: SimulationReport): string[] {
    const lines: string[] = [];
    for (const f of r.failovers) {
        const line = failoverLine(f);
        if (line !== undefined) lines.push(line);
    }
    for (const b of r.splitBrain) lines.push(splitBrainLine(b));
    return lines;
}
