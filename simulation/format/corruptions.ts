// The sentences the text and Markdown reports share about corruptions: when the damage reached each replica,
// what the last clean restore point loses, and the restore (an estimate) against the RTO.
import { factRef } from '../../language/semantics/facts/citation.js';
import type { CorruptionReport, SimulationReport } from '../report.js';
import { formatBytes, formatDuration } from '../../format/quantities.js';

/** One line per corrupted store instance. */
export function corruptionLines(r: SimulationReport): string[] {
    return r.corruptions.map(corruptionLine);
}

function corruptionLine(c: CorruptionReport): string {
    const reached = c.replicas
        .map((x) => `${x.region} ${x.damagedAtMs === null ? 'never' : `at ${formatDuration(x.damagedAtMs)}`}`)
        .join(', ');
    const parts = [`${c.label} at ${formatDuration(c.atMs)} (written in ${c.origin}) reached ${reached}`];
    const p = c.restorePoint;
    if (p === null) parts.push('no backup: no clean copy is left');
    else {
        const where = p.backupRegion ? ` in ${p.backupRegion}` : '';
        const what = p.kind === 'pitr' ? 'point-in-time restore' : `backup${where}`;
        parts.push(
            `last clean ${what} ${formatDuration(p.lostWindowMs)} before it (up to ${formatDuration(p.lostWindowBoundMs)}): that window's writes are lost`,
        );
    }
    const t = c.restore;
    if (t.durationMs !== null)
        parts.push(
            `restore ${formatDuration(t.durationMs)} (${formatBytes(t.sizeBytes!)} ÷ ${formatBytes(t.throughputBytesPerS!)}/s, an estimate: ${factRef('restore-throughput')})`,
        );
    else if (p !== null) parts.push('restore time unknown (declare size and restore throughput)');
    if (c.rto !== null)
        parts.push(
            c.rto.met === null
                ? `RTO ${formatDuration(c.rto.objectiveMs)} (${c.rto.from}) not judged`
                : `RTO ${formatDuration(c.rto.objectiveMs)} (${c.rto.from}) ${c.rto.met ? 'met' : 'missed'}`,
        );
    return parts.join('; ');
}
