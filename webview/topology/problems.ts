// The topology view's list of diagnostics: one row per declaration drawn with diagnostics, and how many of the
// file's diagnostics are on nothing drawn (scenarios, objectives, imports), so the list and the summary's
// counts agree.
import type { TopologyDiagnostics, TopologyGraph, TopologyLocation } from '../../protocol/index.js';

export interface ProblemRow {
    readonly label: string;
    readonly severity: string;
    readonly messages: readonly string[];
    readonly location: TopologyLocation;
}

export function problemRows(graph: TopologyGraph): { rows: ProblemRow[]; elsewhere: number } {
    // Keyed by where the declaration is written: the deployments of a store share its declaration's diagnostics.
    const rows = new Map<string, ProblemRow>();
    const add = (label: string, e: TopologyDiagnostics & { location: TopologyLocation }) => {
        const {
            uri,
            range: { start },
        } = e.location;
        const key = `${uri}:${start.line}:${start.character}`;
        if (e.severity && !rows.has(key))
            rows.set(key, { label, severity: e.severity, messages: e.messages, location: e.location });
    };
    for (const r of graph.regions) add(`region ${r.name}`, r);
    for (const c of graph.cells) add(`cell ${c.name}`, c);
    for (const n of graph.nodes) add(`${n.kind} ${n.name}`, n);
    for (const e of graph.edges) if (e.kind === 'failover') add(e.id.replace(/^failover:/, 'failover of '), e);
    const listed = [...rows.values()].reduce((sum, row) => sum + row.messages.length, 0);
    const { error, warning, info, hint } = graph.counts;
    return { rows: [...rows.values()], elsewhere: Math.max(0, error + warning + info + hint - listed) };
}
