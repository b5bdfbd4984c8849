// The topology webview: receives the graph from the extension, lays it out with elkjs, draws it at a legible
// zoom (pan-zoom.ts), lists the declarations that have diagnostics, and keeps the last graph in the webview
// state for restores.
import './topology.css';
import type { TopologyGraph } from '../../protocol/index.js';
import type { FromTopologyView, ToTopologyView } from '../../protocol/webview-messages.js';
import { el } from '../common/dom.js';
import { linkTo, reportRendered, vscodeApi } from '../common/vscode-api.js';
import { drawTopology, severityClass } from './draw.js';
import { attentionBox, layoutGraph } from './layout.js';
import { legend } from './legend.js';
import { panZoom } from './pan-zoom.js';
import type { View } from './viewport.js';
import { problemRows } from './problems.js';

interface State {
    readonly uri?: string;
    readonly graph?: TopologyGraph;
    readonly showUses?: boolean;
}

const api = vscodeApi<State, FromTopologyView>();
const app = document.getElementById('app')!;
let state: State = api.getState() ?? {};
let generation = 0;
/** Where the person zoomed or panned to, per document: a redraw after an edit keeps it. */
let moved: { uri: string; view: View } | undefined;

window.addEventListener('message', (event: MessageEvent<ToTopologyView>) => {
    const message = event.data;
    if (message?.type === 'graph') {
        save({ uri: message.graph.uri, graph: message.graph });
        void render(message.graph);
    } else if (message?.type === 'error') {
        app.replaceChildren(el('p', { class: 'error', text: `The topology could not be built: ${message.message}` }));
        reportRendered(api, { error: 1 });
    }
});

function save(patch: Partial<State>): void {
    state = { ...state, ...patch };
    api.setState(state);
}

async function render(graph: TopologyGraph): Promise<void> {
    const mine = ++generation;
    const showUses = state.showUses ?? true;
    let layout;
    try {
        layout = await layoutGraph(graph, showUses);
    } catch (error) {
        app.replaceChildren(
            el('p', {
                class: 'error',
                text: `Layout failed: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
        reportRendered(api, { error: 1 });
        return;
    }
    // A newer graph arrived while this one was being laid out: drop this one.
    if (mine !== generation) return;

    const toggle = el('input');
    toggle.type = 'checkbox';
    toggle.checked = showUses;
    toggle.addEventListener('change', () => {
        save({ showUses: toggle.checked });
        void render(graph);
    });
    const drawing = drawTopology(graph, layout, api);
    const canvas = el('div', { class: 'canvas' }, drawing);
    const zoom = panZoom(
        canvas,
        drawing,
        layout,
        attentionBox(graph, layout),
        moved?.uri === graph.uri ? moved.view : undefined,
        (view) => {
            moved = { uri: graph.uri, view };
        },
    );
    const problems = problemList(graph);
    app.replaceChildren(
        el(
            'header',
            {},
            el('h1', { text: graph.name ? `Topology ${graph.name}` : 'Topology' }),
            el('p', { class: 'summary', text: summary(graph) }),
            el('div', { class: 'toolbar' }, zoom.toolbar, el('label', {}, toggle, ' show service → store edges')),
            legend(),
        ),
        canvas,
        problems,
    );
    zoom.open();
    reportRendered(api, {
        regions: graph.regions.length,
        cells: graph.cells.length,
        nodes: layout.nodes.size,
        edges: layout.edges.size,
        errors: graph.counts.error,
        warnings: graph.counts.warning,
    });
}

function summary(graph: TopologyGraph): string {
    const instances = new Set(graph.nodes.map((n) => n.instance)).size;
    const parts = [
        plural(graph.regions.length, 'region'),
        plural(graph.cells.length, 'cell'),
        `${plural(instances, 'store/service', 'stores/services')} in ${plural(graph.nodes.length, 'deployment')}`,
        plural(graph.edges.filter((e) => e.kind === 'replication').length, 'replication link'),
        plural(graph.edges.filter((e) => e.kind === 'failover').length, 'failover'),
        `${plural(graph.counts.error, 'error')}, ${plural(graph.counts.warning, 'warning')}`,
    ];
    return parts.join(' · ');
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

/** The declarations with diagnostics, once each, as links: the same information as the colors, in words. */
function problemList(graph: TopologyGraph): HTMLElement {
    const { rows, elsewhere } = problemRows(graph);
    const list = el('ul');
    for (const row of rows) {
        const item = el(
            'li',
            { class: severityClass(row.severity) },
            el('span', { class: 'badge', text: row.severity }),
            ` ${row.label}: `,
            el('span', { class: 'message', text: row.messages.join(' — ') }),
        );
        linkTo(item, api, row.location);
        list.append(item);
    }
    // The summary counts every diagnostic of the file; those on nothing drawn (a scenario, an import) are listed too.
    if (elsewhere > 0) {
        list.append(
            el('li', {
                class: 'elsewhere',
                text: `${plural(elsewhere, 'diagnostic')} on declarations not drawn here (scenarios, objectives, imports): see the Problems panel`,
            }),
        );
    }
    if (rows.length === 0 && elsewhere === 0)
        return el(
            'section',
            { class: 'problems' },
            el('p', { class: 'ok', text: 'No diagnostics on any declaration.' }),
        );
    return el('section', { class: 'problems' }, el('h2', { text: 'Declarations with diagnostics' }), list);
}

if (state.graph) void render(state.graph);
api.postMessage({ type: 'ready' });
