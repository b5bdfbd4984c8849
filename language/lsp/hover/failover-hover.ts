// Hover for a failover: first the answer — the failover-time range and how it compares with the target's RTO —
// then the breakdown (detection + routing + actions, floored by the DR tier) per end, the same estimate the
// rto-unachievable rule judges, and the control planes it needs.
import { POSTURE } from '../../semantics/facts/defaults.js';
import {
    describeFailoverRange,
    describeFailoverTime,
    estimateFailoverTime,
    failoverTarget,
    type BoundedRange,
    type FailoverTimeEstimate,
} from '../../semantics/estimators/index.js';
import type { FailoverM, Model } from '../../semantics/model.js';
import { formatDuration, formatDurationRange } from '../../../format/quantities.js';
import { cite, list, provenanceNote, table } from './markdown.js';
import { factRef } from '../../semantics/facts/citation.js';

/** The failover instances (one per cell for a per-cell target) built from the declaration at `range`. */
export function failoversDeclaredAt(model: Model, uri: string, line: number, character: number): FailoverM[] {
    return model.failovers.filter(
        (f) =>
            f.source.uri === uri && f.source.range.start.line === line && f.source.range.start.character === character,
    );
}

export function describeFailovers(
    model: Model,
    targetName: string,
    failovers: readonly FailoverM[],
): string | undefined {
    const estimates = failovers.map((f) => estimateFailoverTime(model, f));
    const [first] = estimates;
    if (!first) return undefined;
    // Per-cell instances usually share one breakdown: show it once, naming the cells.
    const groups = new Map<string, FailoverTimeEstimate[]>();
    for (const e of estimates) {
        const key = `${describeFailoverTime(e)}|${controlPlanes(e)}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const rto = failoverTarget(model, first.failover)?.objective?.rtoMs;
    const out = [
        `**failover ${targetName}** — failover ${describeFailoverRange(first)}${rto === undefined ? '' : ` — ${rtoVerdict(first.range, rto)}`}`,
    ];
    for (const group of groups.values()) {
        const [e] = group;
        if (!e) continue;
        const where = group.map((g) => `${g.failover.cell ? `cell ${g.failover.cell}: ` : ''}${route(g)}`);
        out.push('', `**${list(where)}**`, '', breakdownTable(e), '', `Estimate: ${describeFailoverTime(e)}`);
        const planes = controlPlanes(e);
        if (planes) out.push('', planes);
    }
    return out.join('\n');
}

/**
 * The RTO against the range, both ends the rules can judge (the worst by default, `judge: "typical"`):
 * "within the RTO of 5 m, even in the worst case" / "**misses the RTO of 1 m in the worst case** (typical 41 s meets it)".
 */
export function rtoVerdict(range: BoundedRange, rtoMs: number): string {
    const rto = formatDuration(rtoMs);
    if (range.worstMs <= rtoMs) return `within the RTO of ${rto}, even in the worst case`;
    if (range.typicalMs <= rtoMs)
        return `**misses the RTO of ${rto} in the worst case** (${formatDuration(range.worstMs)}; typical ${formatDuration(range.typicalMs)} meets it)`;
    return `**misses the RTO of ${rto}**, even typically (${formatDuration(range.typicalMs)})`;
}

/** Where the failover moves: active-active targets have no `from`, any region's loss moves its traffic. */
function route(e: FailoverTimeEstimate): string {
    const f = e.failover;
    if (f.from === undefined) return `when any of ${list(e.protectsAgainst)} fails`;
    return `from ${f.from} to ${f.to ?? 'another region'}`;
}

/** A part's time as its range: "20–30 s" and its typical value, or one figure when it does not vary. */
function span(range: BoundedRange | undefined, ms: number | undefined): [string, string] {
    if (range === undefined) return [ms !== undefined ? formatDuration(ms) : 'unknown', ''];
    const text = formatDurationRange(range.bestMs, range.worstMs);
    return [text, text.includes('–') ? formatDuration(range.typicalMs) : ''];
}

/** A deep check also sees a dependency's degrade or failure; the default shallow one says nothing more. */
function depthNote(d: FailoverTimeEstimate['failover']['detection']): string {
    return d.method === 'health-check' && d.depth === 'deep'
        ? '; deep: also checks what the target uses and depends on in its region'
        : '';
}

function breakdownTable(e: FailoverTimeEstimate): string {
    const rows: string[][] = [];
    const d = e.failover.detection;
    const detectionWhy =
        e.detection.range && e.detection.range.bestMs !== e.detection.range.worstMs
            ? `; best when ${e.detection.range.why.best}, worst when ${e.detection.range.why.worst}`
            : '';
    rows.push([
        'detection',
        ...span(e.detection.range, e.detection.ms),
        `${e.detection.text}${d.method === 'health-check' ? provenanceNote(d.provenance) : ''}${detectionWhy}${depthNote(d)}`,
    ]);
    if (e.failover.route) {
        const routingWhy =
            e.routing.range && e.routing.range.bestMs !== e.routing.range.worstMs
                ? `; best when ${e.routing.range.why.best}, worst when ${e.routing.range.why.worst}`
                : '';
        rows.push([
            `routing (${e.failover.route.method})`,
            ...span(e.routing.range, e.routing.ms),
            `${e.routing.text || `no DNS tail (${factRef('global-accelerator-no-dns')}, ${factRef('arc-routing-control')})`}${routingWhy}`,
        ]);
    }
    for (const a of e.actions) {
        const target = a.action.target ? ` ${a.action.target.id.split('@')[0]}` : '';
        const plane =
            a.action.plane === 'control-plane'
                ? `control plane${a.controlPlane?.name ? ` (${a.controlPlane.name}${a.controlPlane.region ? ` in ${a.controlPlane.region}` : ''})` : ''}`
                : 'data plane';
        const why =
            a.action.durationProvenance.kind === 'default'
                ? `; ${a.action.durationProvenance.source}`
                : provenanceNote(a.action.durationProvenance);
        rows.push([
            `action ${a.action.kind}${target}`,
            a.ms !== undefined ? formatDuration(a.ms) : 'unknown: declare `takes`',
            '',
            `${plane}${why}`,
        ]);
    }
    if (e.posture && e.postureMinimumMs !== undefined) {
        rows.push([
            `posture minimum (${e.posture})`,
            formatDuration(e.postureMinimumMs),
            '',
            `a floor on every end, not added (${cite(POSTURE[e.posture].minRtoMs.source)})`,
        ]);
    }
    const [total, typical] = span(e.range, e.totalMs);
    rows.push([
        '**total**',
        `**${total}**`,
        typical === '' ? '' : `**${typical}**`,
        e.unknownParts.length > 0
            ? 'a lower bound: some parts are unknown'
            : 'max(sum of the parts, posture minimum), end by end',
    ]);
    return table(['part', 'best–worst', 'typical', 'how'], rows);
}

function controlPlanes(e: FailoverTimeEstimate): string {
    const needs = e.actions.filter((a) => a.controlPlane);
    if (needs.length === 0) return '';
    return `Control planes needed: ${needs.map((a) => `${a.action.kind} → ${a.controlPlane!.name ?? 'a control plane'}${a.controlPlane!.region ? ` in ${a.controlPlane!.region}` : ''}${a.controlPlane!.inFailedRegion ? ` ⚠ homed in the region this failover protects against (${factRef('control-plane-vs-data-plane')})` : ''}`).join('; ')}`;
}
