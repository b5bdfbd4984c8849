// Draws a laid-out topology as SVG: cell and region groups (a region's title says its roles), deployment boxes,
// replication (solid, labelled with mode and lag), failover (dashed) and uses (faint) edges; a region in no cell
// or with nothing deployed is a dashed box of its own. Colors come from the stylesheet (VS Code theme variables).
import type { TopologyGraph } from '../../protocol/index.js';
import { svg, svgText, svgTitle } from '../common/dom.js';
import type { SourceLocation } from '../../protocol/webview-messages.js';
import { linkTo } from '../common/vscode-api.js';
import { cellTitle, nodeLabel, regionTitle, type Layout, type Placed } from './layout.js';
import { strayRegions } from './roles.js';

type Api = Parameters<typeof linkTo>[1];

export function drawTopology(graph: TopologyGraph, layout: Layout, api: Api): SVGSVGElement {
    const root = svg(
        'svg',
        {
            class: 'topology',
            width: Math.ceil(layout.width),
            height: Math.ceil(layout.height),
            viewBox: `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`,
            role: 'img',
            'aria-label': `Topology${graph.name ? ` ${graph.name}` : ''}`,
        },
        markers(),
    );

    for (const cell of graph.cells) {
        const box = layout.cells.get(cell.name);
        if (box) root.append(group('cell', cellTitle(cell), box, cell, api));
    }
    const stray = strayRegions(graph);
    for (const region of graph.regions) {
        const box = layout.regions.get(region.name);
        if (box)
            root.append(
                group(
                    stray.has(region.name) ? 'region stray' : 'region',
                    regionTitle(region.name, graph),
                    box,
                    region,
                    api,
                ),
            );
    }
    const labels: SVGGElement[] = [];
    for (const edge of graph.edges) {
        const placed = layout.edges.get(edge.id);
        if (!placed || placed.points.length < 2) continue;
        const d = placed.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
        const g = svg(
            'g',
            { class: `edge ${edge.kind} ${severityClass(edge.severity)}`, 'data-id': edge.id },
            svgTitle(tooltip(edge.label, edge.messages)),
            svg('path', {
                d,
                'marker-end': 'url(#arrow)',
                'marker-start': edge.bidirectional ? 'url(#arrow-start)' : undefined,
            }),
        );
        if (placed.label && edge.kind !== 'uses') {
            // On the edge, over a patch of the background so the line does not strike through the text; drawn
            // after the boxes so no box hides it.
            const { x, y, width, height } = placed.label;
            const label = svg(
                'g',
                { class: `edge-label-group ${edge.kind} ${severityClass(edge.severity)}` },
                svgTitle(tooltip(edge.label, edge.messages)),
                svg('rect', { x: x - 2, y, width: width + 4, height, class: 'edge-label-bg' }),
                svgText(edge.label, {
                    x: x + width / 2,
                    y: y + height / 2,
                    class: 'edge-label',
                    'text-anchor': 'middle',
                    'dominant-baseline': 'central',
                }),
            );
            linkTo(label, api, edge.location);
            labels.push(label);
        }
        if (edge.kind !== 'uses') linkTo(g, api, edge.location);
        root.append(g);
    }
    for (const node of graph.nodes) {
        const box = layout.nodes.get(node.id);
        if (!box) continue;
        const [title, detail] = nodeLabel(node, graph);
        const g = svg(
            'g',
            {
                class: `node ${node.kind} ${severityClass(node.severity)}${node.primary ? ' primary' : ''}`,
                'data-id': node.id,
            },
            svgTitle(tooltip(`${node.kind} ${node.instance} in ${node.region}`, node.messages)),
            svg('rect', {
                x: box.x,
                y: box.y,
                width: box.width,
                height: box.height,
                rx: node.kind === 'store' ? 10 : 3,
            }),
            svgText(title, { x: box.x + 10, y: box.y + 18, class: 'node-title' }),
            svgText(detail, { x: box.x + 10, y: box.y + 34, class: 'node-detail' }),
        );
        linkTo(g, api, node.location);
        root.append(g);
    }
    root.append(...labels);
    return root;
}

function group(
    kind: 'cell' | 'region' | 'region stray',
    label: string,
    box: Placed,
    element: { severity?: string; messages: readonly string[]; location: SourceLocation },
    api: Api,
): SVGGElement {
    const g = svg(
        'g',
        { class: `group ${kind} ${severityClass(element.severity)}` },
        svgTitle(tooltip(label, element.messages)),
        svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 6 }),
    );
    const title = svgText(label, { x: box.x + 10, y: box.y + 18, class: 'group-title' });
    linkTo(title, api, element.location);
    g.append(title);
    return g;
}

function markers(): SVGDefsElement {
    const arrow = (id: string, d: string) =>
        svg(
            'marker',
            {
                id,
                viewBox: '0 0 10 10',
                refX: 9,
                refY: 5,
                markerWidth: 7,
                markerHeight: 7,
                orient: 'auto-start-reverse',
                class: 'arrow',
            },
            svg('path', { d }),
        );
    return svg('defs', {}, arrow('arrow', 'M0,0 L10,5 L0,10 z'), arrow('arrow-start', 'M0,0 L10,5 L0,10 z'));
}

export function severityClass(severity: string | undefined): string {
    return severity ? `sev-${severity}` : 'sev-none';
}

function tooltip(head: string, messages: readonly string[]): string {
    return messages.length === 0 ? head : `${head}\n${messages.map((m) => `• ${m}`).join('\n')}`;
}
