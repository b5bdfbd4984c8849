// Where each store, service, region and failover is declared, from the topology graph: the simulation report
// names them by id, and the simulation view uses this to link its rows back to the editor.
import type { TopologyGraph, TopologyLocation } from '../../protocol/index.js';
import type { Declarations } from '../../protocol/webview-messages.js';

export function declarationsOf(graph: TopologyGraph): Declarations {
    const found: Record<string, TopologyLocation> = {};
    const add = (key: string, location: TopologyLocation) => {
        found[key] ??= location;
    };
    for (const r of graph.regions) add(r.name, r.location);
    for (const c of graph.cells) add(`cell:${c.name}`, c.location);
    for (const n of graph.nodes) {
        add(n.instance, n.location);
        add(n.name, n.location);
    }
    for (const e of graph.edges) if (e.kind === 'failover') add(e.id, e.location);
    return found;
}
