// The topology webview: receives the graph from the extension, lays it out with elkjs, draws it, lists the
// declarations that have diagnostics, and keeps the last graph in the webview state for restores.
import './topology.css';
import type { TopologyGraph } from '../../protocol/index.js';
import { el } from '../common/dom.js';
import { linkTo, reportRendered, vscodeApi } from '../common/vscode-api.js';
import { drawTopology, severityClass } from './draw.js';
import { layoutGraph } from './layout.js';

interface State {
    readonly uri?: string;
    readonly graph?: TopologyGraph;
    readonly showUses?: boolean;
    /** Draw at 100 % instead of shrinking the drawing to the panel's width. */
    readonly actualSize?: boolean;
}

type Incoming = { type: 'graph'; graph: TopologyGraph } | { type: 'error'; uri: string; message: string };

const api = vscodeApi<State>();
const app = document.getElementById('app')!;
let state: State = api.getState() ?? {};
let generation = 0;

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
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
        app.replaceChildren(el('p', { class: 'error', text: `Layout failed: ${error instanceof Error ? error.message : String(error)}` }));
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
    const actualSize = el('input');
    actualSize.type = 'checkbox';
    actualSize.checked = state.actualSize ?? false;
    const drawing = drawTopology(graph, layout, api);
    drawing.classList.toggle('fit', !actualSize.checked);
    actualSize.addEventListener('change', () => {
        save({ actualSize: actualSize.checked });
        drawing.classList.toggle('fit', !actualSize.checked);
    });
    const problems = problemList(graph);
    app.replaceChildren(
        el('header', {},
            el('h1', { text: graph.name ? `Topology ${graph.name}` : 'Topology' }),
            el('p', { class: 'summary', text: summary(graph) }),
            el('div', { class: 'toolbar' },
                el('label', {}, toggle, ' show service → store edges'),
                el('label', {}, actualSize, ' actual size'),
                legend())),
        el('div', { class: 'canvas' }, drawing),
        problems,
    );
    reportRendered(api, {
        regions: graph.regions.length, cells: graph.cells.length, nodes: layout.nodes.size, edges: layout.edges.size,
        errors: graph.counts.error, warnings: graph.counts.warning,
    });
}

function summary(graph: TopologyGraph): string {
    const instances = new Set(graph.nodes.map((n) => n.instance)).size;
    const parts = [
        plural(graph.regions.length, 'region'), plural(graph.cells.length, 'cell'),
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

function legend(): HTMLElement {
    const item = (cls: string, text: string) => el('span', { class: `legend-item ${cls}`, text });
    return el('div', { class: 'legend' },
        item('legend-replication', 'replication'), item('legend-failover', 'failover'),
        item('sev-error', 'error'), item('sev-warning', 'warning'), item('sev-info', 'info'));
}

/** The declarations with diagnostics, once each, as links: the same information as the colors, in words. */
function problemList(graph: TopologyGraph): HTMLElement {
    const rows = new Map<string, { label: string; severity: string; messages: readonly string[]; location: TopologyGraph['regions'][number]['location'] }>();
    const add = (key: string, label: string, e: { severity?: string; messages: readonly string[]; location: TopologyGraph['regions'][number]['location'] }) => {
        if (e.severity && !rows.has(key)) rows.set(key, { label, severity: e.severity, messages: e.messages, location: e.location });
    };
    for (const r of graph.regions) add(`region:${r.name}`, `region ${r.name}`, r);
    for (const c of graph.cells) add(`cell:${c.name}`, `cell ${c.name}`, c);
    for (const n of graph.nodes) add(`${n.kind}:${n.name}`, `${n.kind} ${n.name}`, n);
    for (const e of graph.edges) if (e.kind === 'failover') add(`failover:${e.source}`, e.id.replace(/^failover:/, 'failover of '), e);
    if (rows.size === 0) return el('section', { class: 'problems' }, el('p', { class: 'ok', text: 'No diagnostics on any declaration.' }));
    const list = el('ul');
    for (const row of rows.values()) {
        const item = el('li', { class: severityClass(row.severity) },
            el('span', { class: 'badge', text: row.severity }), ` ${row.label}: `, el('span', { class: 'message', text: row.messages.join(' — ') }));
        linkTo(item, api, row.location);
        list.append(item);
    }
    return el('section', { class: 'problems' }, el('h2', { text: 'Declarations with diagnostics' }), list);
}

if (state.graph) void render(state.graph);
api.postMessage({ type: 'ready' });
