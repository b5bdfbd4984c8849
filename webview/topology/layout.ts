// Turns the server's topology graph into an ELK graph (cells ⊃ regions ⊃ deployments) and lays it out.
// Uses elkjs's bundled build, which runs in the page without a worker and without eval (strict CSP).
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { TopologyGraph } from '../../protocol/index.js';
import { regionRoles, roleOf, strayRegions } from './roles.js';
import type { Box } from './viewport.js';

export const charWidth = 7.2;
export const lineHeight = 16;
/** Edge labels are 11 px (topology.css). */
const labelCharWidth = 6.6;
const nodeHeight = 44;
const groupHeaderHeight = 26;

export type Placed = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export interface Layout {
    readonly width: number;
    readonly height: number;
    readonly cells: ReadonlyMap<string, Placed>;
    readonly regions: ReadonlyMap<string, Placed>;
    readonly nodes: ReadonlyMap<string, Placed>;
    readonly edges: ReadonlyMap<
        string,
        { readonly points: readonly { x: number; y: number }[]; readonly label?: Placed }
    >;
}

// The bundler and Node's module resolution (the unit tests) see this CommonJS module's default export differently.
type ElkConstructor = new () => { layout(graph: ElkNode): Promise<ElkNode> };
const Elk = ((ELK as unknown as { default?: ElkConstructor }).default ?? ELK) as unknown as ElkConstructor;
const elk = new Elk();

export function nodeLabel(node: TopologyGraph['nodes'][number], graph: TopologyGraph): [string, string] {
    const detail = [node.kind, node.detail, roleOf(node, graph)].filter(Boolean).join(' · ');
    return [node.cell ? `${node.name} @${node.cell}` : node.name, detail];
}

/** Cells are drawn as groups around their regions only when no region is in two cells (ELK needs a tree). */
export function cellOfRegion(graph: TopologyGraph): Map<string, string> | undefined {
    const owner = new Map<string, string>();
    for (const cell of graph.cells) {
        for (const region of cell.regions) {
            if (owner.has(region)) return undefined;
            owner.set(region, cell.name);
        }
    }
    return owner;
}

export async function layoutGraph(graph: TopologyGraph, showUses: boolean): Promise<Layout> {
    const cellOf = cellOfRegion(graph);
    const regionNode = (name: string): ElkNode => {
        const titleWidth = regionTitle(name, graph).length * charWidth + 20;
        const children = graph.nodes
            .filter((n) => n.region === name)
            .map((n) => {
                const [title, detail] = nodeLabel(n, graph);
                return { id: n.id, width: Math.max(title.length, detail.length) * charWidth + 20, height: nodeHeight };
            });
        // A region without deployments is a box of its own (a leaf), not a title floating on nothing.
        if (children.length === 0) return { id: `region:${name}`, width: titleWidth, height: nodeHeight };
        return {
            id: `region:${name}`,
            layoutOptions: groupOptions,
            labels: [{ text: name, width: titleWidth, height: lineHeight }],
            children,
        };
    };
    const regionsInCells = new Set(cellOf?.keys() ?? []);
    const children: ElkNode[] = [
        ...(cellOf
            ? graph.cells.map((c) => ({
                  id: `cell:${c.name}`,
                  layoutOptions: groupOptions,
                  labels: [{ text: cellTitle(c), width: cellTitle(c).length * charWidth, height: lineHeight }],
                  children: c.regions.filter((r) => graph.regions.some((g) => g.name === r)).map(regionNode),
              }))
            : []),
        ...graph.regions.filter((r) => !regionsInCells.has(r.name)).map((r) => regionNode(r.name)),
    ];
    const drawn = new Set(graph.nodes.map((n) => n.id));
    const edges: ElkExtendedEdge[] = graph.edges
        .filter((e) => (showUses || e.kind !== 'uses') && drawn.has(e.source) && drawn.has(e.target))
        .map((e) => ({
            id: e.id,
            sources: [e.source],
            targets: [e.target],
        }));
    const root: ElkNode = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
            // Tight spacing and compaction: a cell is as large as its regions need, with no empty bands.
            'elk.layered.spacing.nodeNodeBetweenLayers': '36',
            'elk.spacing.nodeNode': '18',
            'elk.spacing.componentComponent': '24',
            'elk.layered.compaction.postCompaction.strategy': 'EDGE_LENGTH',
            'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
            'elk.json.shapeCoords': 'ROOT',
            'elk.json.edgeCoords': 'ROOT',
            'elk.padding': '[top=12,left=12,bottom=12,right=12]',
        },
        children,
        edges,
    };
    const laid = await elk.layout(root);
    return collect(laid, new Map(graph.edges.filter((e) => e.kind !== 'uses').map((e) => [e.id, e.label])));
}

export function cellTitle(cell: TopologyGraph['cells'][number]): string {
    return `cell ${cell.name}${cell.residency ? ` · residency ${cell.residency}` : ''}`;
}

/** A region's title with the roles of its deployments ("us-east-1 · primary + standby"). */
export function regionTitle(name: string, graph: TopologyGraph): string {
    const region = graph.regions.find((r) => r.name === name);
    const detail = [region?.provider, region?.jurisdiction].filter(Boolean).join(' · ');
    const roles = regionRoles(name, graph);
    const stray = strayRegions(graph).get(name);
    return [detail ? `${name} (${detail})` : name, roles.length > 0 ? roles.join(' + ') : undefined, stray]
        .filter(Boolean)
        .join(' · ');
}

/** What the view opens on when the whole drawing is not legible: the first box with an error, else the first region. */
export function attentionBox(graph: TopologyGraph, layout: Layout): Box | undefined {
    const errorNode = graph.nodes.find((n) => n.severity === 'error' && layout.nodes.has(n.id));
    if (errorNode) return layout.nodes.get(errorNode.id);
    const errorRegion =
        graph.regions.find((r) => r.severity === 'error' && layout.regions.has(r.name))?.name ??
        graph.cells.find((c) => c.severity === 'error' && layout.cells.has(c.name))?.name;
    if (errorRegion && layout.regions.has(errorRegion)) return layout.regions.get(errorRegion);
    if (errorRegion) return layout.cells.get(errorRegion);
    const first = graph.regions.find((r) => layout.regions.has(r.name));
    return first ? layout.regions.get(first.name) : undefined;
}

const groupOptions = {
    'elk.padding': `[top=${groupHeaderHeight + 8},left=10,bottom=10,right=10]`,
    'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT',
};

/**
 * Where an edge's label goes: centred on one of the edge's segments, so it sits on its own line (ELK's own label
 * placement, across nested groups, puts labels in a band between layers, off their edges). The longest segment
 * whose label would cover no box is chosen, else the longest: a label over a box would hide it and take its clicks.
 */
export function labelOn(
    points: readonly { x: number; y: number }[],
    text: string | undefined,
    boxes: readonly Placed[] = [],
): Placed | undefined {
    if (text === undefined || points.length < 2) return undefined;
    const width = text.length * labelCharWidth + 4;
    // Each segment of the edge, from one bend to the next.
    const segments: (readonly [{ x: number; y: number }, { x: number; y: number }])[] = [];
    for (const [i, b] of points.entries()) {
        const a = points[i - 1];
        if (a) segments.push([a, b]);
    }
    const candidates = segments
        .map(([a, b]) => {
            const placed = {
                x: (a.x + b.x) / 2 - width / 2,
                y: (a.y + b.y) / 2 - lineHeight / 2,
                width,
                height: lineHeight,
            };
            return {
                placed,
                length: Math.hypot(b.x - a.x, b.y - a.y),
                clear: !boxes.some((box) => overlaps(placed, box)),
            };
        })
        .sort((p, q) => Number(q.clear) - Number(p.clear) || q.length - p.length);
    return candidates[0]?.placed;
}

function overlaps(a: Placed, b: Placed): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function collect(root: ElkNode, labels: ReadonlyMap<string, string>): Layout {
    const cells = new Map<string, Placed>();
    const regions = new Map<string, Placed>();
    const nodes = new Map<string, Placed>();
    const visit = (n: ElkNode) => {
        const placed = { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
        if (n.id.startsWith('cell:')) cells.set(n.id.slice(5), placed);
        else if (n.id.startsWith('region:')) regions.set(n.id.slice(7), placed);
        else if (n.id !== 'root') nodes.set(n.id, placed);
        for (const c of n.children ?? []) visit(c);
    };
    visit(root);
    const boxes = [...nodes.values()];
    const edges = new Map<string, { points: { x: number; y: number }[]; label?: Placed }>();
    const visitEdges = (n: ElkNode) => {
        for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
            const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
            edges.set(e.id, { points, label: labelOn(points, labels.get(e.id), boxes) });
        }
        for (const c of n.children ?? []) visitEdges(c);
    };
    visitEdges(root);
    return { width: root.width ?? 0, height: root.height ?? 0, cells, regions, nodes, edges };
}
