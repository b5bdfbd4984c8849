// Hover for a failover: the failover-time breakdown (detection + routing + actions, floored by the DR tier),
// the same estimate the rto-unachievable rule compares with the objective, and the control planes it needs.
import { POSTURE } from '../../semantics/facts/defaults.js';
import { describeFailoverTime, estimateFailoverTime, type FailoverTimeEstimate } from '../../semantics/estimators/index.js';
import type { FailoverM, Model } from '../../semantics/model.js';
import { formatDuration } from '../../semantics/units.js';
import { cite, list, provenanceNote, table } from './markdown.js';
import { factRef } from '../../semantics/facts/citation.js';

/** The failover instances (one per cell for a per-cell target) built from the declaration at `range`. */
export function failoversDeclaredAt(model: Model, uri: string, line: number, character: number): FailoverM[] {
    return model.failovers.filter((f) => f.source.uri === uri && f.source.range.start.line === line && f.source.range.start.character === character);
}

export function describeFailovers(model: Model, targetName: string, failovers: readonly FailoverM[]): string | undefined {
    if (failovers.length === 0) return undefined;
    const estimates = failovers.map((f) => estimateFailoverTime(model, f));
    // Per-cell instances usually share one breakdown: show it once, naming the cells.
    const groups = new Map<string, FailoverTimeEstimate[]>();
    for (const e of estimates) {
        const key = `${describeFailoverTime(e)}|${controlPlanes(e)}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const out = [`**failover ${targetName}** — estimated failover time ${describeFailoverTime(estimates[0]!)}`];
    for (const group of groups.values()) {
        const e = group[0]!;
        const where = group.map((g) => `${g.failover.cell ? `cell ${g.failover.cell}: ` : ''}${route(g)}`);
        out.push('', `**${list(where)}**`, '', breakdownTable(e), '', `Estimate: ${describeFailoverTime(e)}`);
        const planes = controlPlanes(e);
        if (planes) out.push('', planes);
    }
    return out.join('\n');
}

/** Where the failover moves: active-active targets have no `from`, any region's loss moves its traffic. */
function route(e: FailoverTimeEstimate): string {
    const f = e.failover;
    if (f.from === undefined) return `when any of ${list(e.protectsAgainst)} fails`;
    return `from ${f.from} to ${f.to ?? 'another region'}`;
}

function breakdownTable(e: FailoverTimeEstimate): string {
    const rows: string[][] = [];
    const d = e.failover.detection;
    rows.push(['detection', e.detection.ms !== undefined ? formatDuration(e.detection.ms) : 'unknown',
        `${e.detection.text}${d.method === 'health-check' ? provenanceNote(d.provenance) : ''}`]);
    if (e.failover.route) {
        rows.push([`routing (${e.failover.route.method})`, e.routing.ms !== undefined ? formatDuration(e.routing.ms) : 'unknown', e.routing.text || `no DNS tail (${factRef('global-accelerator-no-dns')}, ${factRef('arc-routing-control')})`]);
    }
    for (const a of e.actions) {
        const target = a.action.target ? ` ${a.action.target.id.split('@')[0]}` : '';
        const plane = a.action.plane === 'control-plane' ? `control plane${a.controlPlane?.name ? ` (${a.controlPlane.name}${a.controlPlane.region ? ` in ${a.controlPlane.region}` : ''})` : ''}` : 'data plane';
        const why = a.action.durationProvenance.kind === 'default' ? `; ${a.action.durationProvenance.source}` : provenanceNote(a.action.durationProvenance);
        rows.push([`action ${a.action.kind}${target}`, a.ms !== undefined ? formatDuration(a.ms) : 'unknown: declare `takes`', `${plane}${why}`]);
    }
    if (e.posture && e.postureMinimumMs !== undefined) {
        rows.push([`posture minimum (${e.posture})`, formatDuration(e.postureMinimumMs), `a floor, not added (${cite(POSTURE[e.posture].minRtoMs.source)})`]);
    }
    rows.push(['**total**', `**${formatDuration(e.totalMs)}**`, e.unknownParts.length > 0 ? 'a lower bound: some parts are unknown' : 'max(sum of the parts, posture minimum)']);
    return table(['part', 'time', 'how'], rows);
}

function controlPlanes(e: FailoverTimeEstimate): string {
    const needs = e.actions.filter((a) => a.controlPlane);
    if (needs.length === 0) return '';
    return `Control planes needed: ${needs.map((a) => `${a.action.kind} → ${a.controlPlane!.name ?? 'a control plane'}${a.controlPlane!.region ? ` in ${a.controlPlane!.region}` : ''}${a.controlPlane!.inFailedRegion ? ` ⚠ homed in the region this failover protects against (${factRef('control-plane-vs-data-plane')})` : ''}`).join('; ')}`;
}
