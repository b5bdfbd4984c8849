// What each deployment and region does in the design, read from the graph: "primary" takes the writes or the
// traffic, "standby" waits for a failover, "active" takes writes or traffic alongside other regions.
import type { TopologyGraph, TopologyNode } from '../../protocol/index.js';

export type Role = 'primary' | 'standby' | 'active';

/** A deployment's role; undefined for an instance deployed in one region only (no other region to compare). */
export function roleOf(node: TopologyNode, graph: TopologyGraph): Role | undefined {
    const siblings = graph.nodes.filter((n) => n.instance === node.instance && n.kind === node.kind);
    if (siblings.length < 2) return undefined;
    if (node.primary) return 'primary';
    return siblings.some((n) => n.primary) ? 'standby' : 'active';
}

/** The roles of a region's deployments, most important first, each once ("primary + standby"). */
export function regionRoles(region: string, graph: TopologyGraph): Role[] {
    const found = new Set(graph.nodes.filter((n) => n.region === region).map((n) => roleOf(n, graph)));
    return (['primary', 'active', 'standby'] as const).filter((r) => found.has(r));
}

/**
 * Declared regions that stand apart, and why: in no cell while the design has cells (often a typo in a cell's
 * region list), or with nothing deployed in them.
 */
export function strayRegions(graph: TopologyGraph): Map<string, string> {
    const inCell = new Set(graph.cells.flatMap((c) => c.regions));
    const used = new Set(graph.nodes.map((n) => n.region));
    const stray = new Map<string, string>();
    for (const { name } of graph.regions) {
        const why = [
            graph.cells.length > 0 && !inCell.has(name) ? 'in no cell' : undefined,
            used.has(name) ? undefined : 'nothing deployed',
        ];
        if (why.some(Boolean)) stray.set(name, why.filter(Boolean).join(', '));
    }
    return stray;
}
