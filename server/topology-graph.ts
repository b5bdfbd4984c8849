// Builds the topology view's graph from the semantic model and the document's diagnostics: one node per
// store or service deployment in each of its regions, replication and failover edges between them, and the
// worst diagnostic on each declaration so the view can color it. Pure: no connection, no Langium.
import type { Diagnostic } from 'vscode-languageserver';
import type {
    TopologyDiagnostics,
    TopologyEdge,
    TopologyGraph,
    TopologyLocation,
    TopologyNode,
    TopologySeverity,
} from '../protocol/index.js';
import type { Deployable, FailoverM, Model, Range, Source, StoreM } from '../language/semantics/model.js';
import { formatCount, formatDuration } from '../format/quantities.js';
import { itemAt } from '../language/util/item-at.js';

const severities: readonly TopologySeverity[] = ['error', 'warning', 'info', 'hint'];

export function nodeId(kind: 'store' | 'service', instance: string, region: string): string {
    return `${kind}:${instance}|${region}`;
}

export function buildTopologyGraph(model: Model, diagnostics: readonly Diagnostic[]): TopologyGraph {
    const on = diagnosticsOn(model.uri, diagnostics);
    const location = (source: Source): TopologyLocation => ({ uri: source.uri, range: source.range });

    const regions = [...model.regions.values()].map((r) => ({
        name: r.name,
        provider: r.provider,
        jurisdiction: r.jurisdiction,
        location: location(r.source),
        ...on(r.source),
    }));
    const cells = [...model.cells.values()].map((c) => ({
        name: c.name,
        regions: c.regions,
        residency: c.residency,
        location: location(c.source),
        ...on(c.source),
    }));

    const deployables: Deployable[] = [...model.stores.values(), ...model.services.values()];
    const nodes: TopologyNode[] = [];
    for (const d of deployables) {
        const primary = primaryRegion(d);
        const detail = d.kind === 'store' ? d.engine : d.posture;
        for (const region of d.regions) {
            nodes.push({
                id: nodeId(d.kind, d.id, region),
                kind: d.kind,
                instance: d.id,
                name: d.name,
                cell: d.cell,
                region,
                detail,
                primary: primary === region,
                location: location(d.source),
                ...on(d.source),
            });
        }
    }

    const edges: TopologyEdge[] = [
        ...[...model.stores.values()].flatMap((s) => replicationEdges(s, location(s.source), on(s.source))),
        ...model.failovers.flatMap((f) => failoverEdge(f, model, location(f.source), on(f.source))),
        ...[...model.services.values()].flatMap((s) => usesEdges(s, model, location(s.source))),
    ];

    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const d of diagnostics) counts[severityOf(d)]++;
    return { uri: model.uri, name: model.topology?.name, regions, cells, nodes, edges, counts };
}

/** The region that takes the writes (stores) or the traffic (services), when there is exactly one. */
function primaryRegion(d: Deployable): string | undefined {
    if (d.kind === 'store') return d.writes.policy === 'primary' ? (d.writes.primary ?? d.regions[0]) : undefined;
    return d.posture === 'active-active' ? undefined : (d.primary ?? d.regions[0]);
}

function replicationEdges(store: StoreM, where: TopologyLocation, diagnostics: TopologyDiagnostics): TopologyEdge[] {
    const { mode, lagMs } = store.replication;
    if (mode === 'none' || store.regions.length < 2) return [];
    const label = lagMs !== undefined && mode === 'async' ? `async ≈ ${formatDuration(lagMs)}` : mode;
    const edge = (from: string, to: string, bidirectional: boolean, text = label): TopologyEdge => ({
        id: `replication:${store.id}|${from}|${to}`,
        kind: 'replication',
        label: text,
        bidirectional,
        location: where,
        source: nodeId('store', store.id, from),
        target: nodeId('store', store.id, to),
        ...diagnostics,
    });
    const primary = primaryRegion(store);
    if (primary !== undefined) return store.regions.filter((r) => r !== primary).map((r) => edge(primary, r, false));
    // Every replica takes writes: one edge per pair, drawn in both directions; past MAX_MESH_REGIONS the k²/2 edges
    // would bury the view (and a store over 1,000 regions would send 499,500), so a ring stands for the mesh.
    const k = store.regions.length;
    if (k > MAX_MESH_REGIONS)
        return store.regions.map((a, i) =>
            edge(
                a,
                itemAt(store.regions, (i + 1) % k, 'store region'),
                true,
                `${label}, every pair of ${formatCount(k)} regions`,
            ),
        );
    const pairs: TopologyEdge[] = [];
    store.regions.forEach((a, i) => store.regions.slice(i + 1).forEach((b) => pairs.push(edge(a, b, true))));
    return pairs;
}

/** Regions of a store written everywhere whose every pair is drawn (66 edges); more are drawn as a ring. */
export const MAX_MESH_REGIONS = 12;

function failoverEdge(
    failover: FailoverM,
    model: Model,
    where: TopologyLocation,
    diagnostics: TopologyDiagnostics,
): TopologyEdge[] {
    const { from, to, target } = failover;
    if (from === undefined || to === undefined || from === to) return [];
    const deployable = target.kind === 'store' ? model.stores.get(target.id) : model.services.get(target.id);
    if (!deployable?.regions.includes(from) || !deployable.regions.includes(to)) return [];
    const detection =
        failover.detection.method === 'health-check'
            ? `detect ${formatDuration(failover.detection.intervalMs * failover.detection.threshold)}`
            : 'manual detection';
    const route =
        failover.route === undefined
            ? undefined
            : failover.route.method === 'dns' && failover.route.ttlMs !== undefined
              ? `dns ttl ${formatDuration(failover.route.ttlMs)}`
              : failover.route.method;
    return [
        {
            id: failover.id,
            kind: 'failover',
            label: ['failover', detection, route].filter(Boolean).join(' · '),
            bidirectional: false,
            source: nodeId(target.kind, target.id, from),
            target: nodeId(target.kind, target.id, to),
            location: where,
            ...diagnostics,
        },
    ];
}

/** Service → store edges inside each region (or to the store's nearest replica: its primary, else its first region). */
function usesEdges(
    service: Extract<Deployable, { kind: 'service' }>,
    model: Model,
    where: TopologyLocation,
): TopologyEdge[] {
    const edges: TopologyEdge[] = [];
    const add = (storeId: string, label: string) => {
        const store = model.stores.get(storeId);
        const firstRegion = store?.regions[0];
        if (!store || firstRegion === undefined) return;
        const fallback = primaryRegion(store) ?? firstRegion;
        for (const region of service.regions) {
            const storeRegion = store.regions.includes(region) ? region : fallback;
            edges.push({
                id: `uses:${service.id}|${region}|${storeId}|${label}`,
                kind: 'uses',
                label,
                bidirectional: false,
                location: where,
                source: nodeId('service', service.id, region),
                target: nodeId('store', storeId, storeRegion),
                messages: [],
            });
        }
    };
    for (const id of service.uses) add(id, 'uses');
    for (const id of service.reads) add(id, 'reads');
    return edges;
}

function severityOf(d: Diagnostic): TopologySeverity {
    return severities[(d.severity ?? 1) - 1] ?? 'error';
}

/** The diagnostics of `uri` inside a declaration's range, worst severity first. */
function diagnosticsOn(uri: string, diagnostics: readonly Diagnostic[]) {
    return (source: Source): TopologyDiagnostics => {
        if (source.uri !== uri) return { messages: [] };
        const inside = diagnostics.filter((d) => contains(source.range, d.range.start));
        if (inside.length === 0) return { messages: [] };
        const worst = inside.reduce((most, d) => Math.min(most, d.severity ?? 1), 4);
        return { severity: severities[worst - 1], messages: inside.map(describe) };
    };
}

function describe(d: Diagnostic): string {
    const text = typeof d.message === 'string' ? d.message : d.message.value;
    return d.code !== undefined ? `${d.code}: ${text}` : text;
}

function contains(range: Range, p: { line: number; character: number }): boolean {
    const afterStart =
        p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character < range.end.character);
    return afterStart && beforeEnd;
}
