// Turns the server's topology graph into an ELK graph (cells ⊃ regions ⊃ deployments) and lays it out.
// Uses elkjs's bundled build, which runs in the page without a worker and without eval (strict CSP).
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { TopologyGraph } from '../../protocol/index.js';

export const charWidth = 7.2;
export const lineHeight = 16;
const nodeHeight = 44;
const groupHeaderHeight = 26;

export type Placed = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export interface Layout {
    readonly width: number;
    readonly height: number;
    readonly cells: ReadonlyMap<string, Placed>;
    readonly regions: ReadonlyMap<string, Placed>;
    readonly nodes: ReadonlyMap<string, Placed>;
    readonly edges: ReadonlyMap<string, { readonly points: readonly { x: number; y: number }[]; readonly label?: Placed }>;
}

const elk = new ELK();

export function nodeLabel(node: TopologyGraph['nodes'][number]): [string, string] {
    const detail = [node.kind, node.detail, node.primary ? 'primary' : undefined].filter(Boolean).join(' · ');
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
    const regionNode = (name: string): ElkNode => ({
        id: `region:${name}`,
        layoutOptions: groupOptions,
        labels: [{ text: name, width: name.length * charWidth, height: lineHeight }],
        children: graph.nodes.filter((n) => n.region === name).map((n) => {
            const [title, detail] = nodeLabel(n);
            return { id: n.id, width: Math.max(title.length, detail.length) * charWidth + 20, height: nodeHeight };
        }),
    });
    const regionsInCells = new Set(cellOf?.keys() ?? []);
    const children: ElkNode[] = [
        ...(cellOf ? graph.cells.map((c) => ({
            id: `cell:${c.name}`, layoutOptions: groupOptions,
            labels: [{ text: c.name, width: c.name.length * charWidth, height: lineHeight }],
            children: c.regions.filter((r) => graph.regions.some((g) => g.name === r)).map(regionNode),
        })) : []),
        ...graph.regions.filter((r) => !regionsInCells.has(r.name)).map((r) => regionNode(r.name)),
    ];
    const drawn = new Set(graph.nodes.map((n) => n.id));
    const edges: ElkExtendedEdge[] = graph.edges
        .filter((e) => (showUses || e.kind !== 'uses') && drawn.has(e.source) && drawn.has(e.target))
        .map((e) => ({
            id: e.id, sources: [e.source], targets: [e.target],
            labels: e.kind === 'uses' ? [] : [{ id: `${e.id}#label`, text: e.label, width: e.label.length * charWidth, height: lineHeight }],
        }));
    const root: ElkNode = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
            'elk.layered.spacing.nodeNodeBetweenLayers': '50',
            'elk.spacing.nodeNode': '24',
            'elk.spacing.edgeLabel': '4',
            'elk.edgeLabels.inline': 'false',
            'elk.json.shapeCoords': 'ROOT',
            'elk.json.edgeCoords': 'ROOT',
            'elk.padding': '[top=12,left=12,bottom=12,right=12]',
        },
        children,
        edges,
    };
    const laid = await elk.layout(root);
    return collect(laid);
}

const groupOptions = {
    'elk.padding': `[top=${groupHeaderHeight + 8},left=12,bottom=12,right=12]`,
    'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT',
};

function collect(root: ElkNode): Layout {
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
    const edges = new Map<string, { points: { x: number; y: number }[]; label?: Placed }>();
    const visitEdges = (n: ElkNode) => {
        for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
            const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
            const l = e.labels?.[0];
            edges.set(e.id, { points, label: l ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } : undefined });
        }
        for (const c of n.children ?? []) visitEdges(c);
    };
    visitEdges(root);
    return { width: root.width ?? 0, height: root.height ?? 0, cells, regions, nodes, edges };
}
