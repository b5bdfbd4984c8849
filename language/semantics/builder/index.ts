// Builds the semantic model of one document and the documents it imports. Never throws: problems are
// returned beside a model that holds whatever could be understood.
import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { estimateRtt, pairKey } from '../latency.js';
import type {
    BuildResult, CellM, Deployable, FailoverM, LinkM, Model, RegionM, RttEstimate, ScenarioM, ServiceM, StoreM, WorkloadM,
} from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { BuildContext } from './context.js';
import { memoized, type ModelQueries } from './declaration-memo.js';
import { buildFailovers } from './failovers.js';
import { buildCell, buildLink, buildRegion } from './regions.js';
import { buildServices } from './services.js';
import { buildStores } from './stores.js';
import { buildScenario, buildWorkload } from './workloads.js';

/** Declarations that share one namespace (a store and a service cannot share a name: failovers name either). */
const NAMESPACES: readonly { readonly label: string; readonly types: readonly string[] }[] = [
    { label: 'region', types: ['Region'] },
    { label: 'cell', types: ['Cell'] },
    { label: 'store or service', types: ['Store', 'Service'] },
    { label: 'workload', types: ['Workload'] },
    { label: 'scenario', types: ['Scenario'] },
];

/**
 * @param root the document the model is for
 * @param documents root and every document it imports (in any order; duplicates ignored)
 */
export function buildModel(root: ast.Document, documents: readonly ast.Document[]): BuildResult {
    const ctx = new BuildContext();
    try {
        return { model: build(ctx, root, documents), problems: ctx.problems };
    } catch (error) {
        const uri = ctx.uriOf(root);
        ctx.problems.push({
            code: ProblemCodes.InternalError, severity: 'error', uri, range: ctx.range(root),
            message: `the model builder failed (${error instanceof Error ? error.message : String(error)}); please report this file`,
        });
        return { model: emptyModel(uri), problems: ctx.problems };
    }
}

function build(ctx: BuildContext, root: ast.Document, documents: readonly ast.Document[]): Model {
    const docs = [...new Set([root, ...documents])];
    // A declaration whose name did not parse is already a syntax error; it has nothing to contribute.
    const elements = docs.flatMap((d) => d.elements ?? []).filter((e) => !isNamed(e) || typeof (e as { name?: unknown }).name === 'string');
    checkDuplicateNames(ctx, elements);
    checkTopology(ctx, root);

    const regions = new Map<string, RegionM>();
    const cells = new Map<string, CellM>();
    let cellList: CellM[] = [];
    const stores = new Map<string, StoreM>();
    const services = new Map<string, ServiceM>();
    const instances = new Map<string, string[]>();
    const perCell = new Set<string>();
    // Per-cell pairs resolve cell to cell; a global declaration is seen from every cell; a per-cell one from outside
    // any cell means all its instances.
    const lookup = (name: string, cell: string | undefined): readonly string[] => {
        const ids = instances.get(name) ?? [];
        if (cell === undefined || !perCell.has(name)) return ids;
        return ids.filter((id) => id === `${name}@${cell}`);
    };
    const queries: ModelQueries = {
        cells: () => cellList,
        instanceIds: lookup,
        deployables: (name, cell) => lookup(name, cell).map((id) => stores.get(id) ?? services.get(id)).filter((d): d is Deployable => d !== undefined),
        region: (name) => regions.get(name),
    };

    for (const r of elements.filter(ast.isRegion)) {
        if (!regions.has(r.name)) regions.set(r.name, memoized(ctx, r, queries, () => buildRegion(ctx, r)));
    }

    const links: LinkM[] = [];
    const linkByPair = new Map<string, LinkM>();
    for (const l of elements.filter(ast.isLink)) {
        const link = memoized(ctx, l, queries, () => buildLink(ctx, l));
        if (!link) continue;
        const key = pairKey(link.a, link.b);
        const earlier = linkByPair.get(key);
        if (earlier) {
            ctx.report(ProblemCodes.DuplicateName, 'error', `${link.a} <-> ${link.b} is already linked at line ${earlier.source.range.start.line + 1}`, l, ctx.keywordRange(l, 'link'));
            continue;
        }
        linkByPair.set(key, link);
        links.push(link);
    }

    for (const c of elements.filter(ast.isCell)) if (!cells.has(c.name)) cells.set(c.name, memoized(ctx, c, queries, () => buildCell(ctx, c)));
    cellList = [...cells.values()];

    for (const s of elements.filter(ast.isStore)) {
        if (instances.has(s.name)) continue;
        if (s.perCell) perCell.add(s.name);
        const built = memoized(ctx, s, queries, (q) => buildStores(ctx, s, q.cells()));
        built.forEach((m) => stores.set(m.id, m));
        instances.set(s.name, built.map((m) => m.id));
    }

    const serviceNodes = elements.filter(ast.isService).filter((s) => !instances.has(s.name));
    // Service ids are known before services are built so `depends-on` can refer forward.
    for (const s of serviceNodes) {
        if (s.perCell) perCell.add(s.name);
        instances.set(s.name, s.perCell && cellList.length > 0 ? cellList.map((c) => `${s.name}@${c.name}`) : [s.name]);
    }
    for (const s of serviceNodes) {
        memoized(ctx, s, queries, (q) => buildServices(ctx, s, q.cells(), q.instanceIds, q.instanceIds)).forEach((m) => services.set(m.id, m));
    }

    const failovers: FailoverM[] = [];
    for (const f of elements.filter(ast.isFailover)) {
        failovers.push(...memoized(ctx, f, queries, (q) => buildFailovers(ctx, f, { instances: q.deployables, region: q.region })));
    }

    const workloads = new Map<string, WorkloadM>();
    for (const w of elements.filter(ast.isWorkload)) {
        if (!workloads.has(w.name)) workloads.set(w.name, memoized(ctx, w, queries, (q) => buildWorkload(ctx, w, (name) => q.deployables(name, undefined))));
    }
    const scenarios = new Map<string, ScenarioM>();
    for (const s of elements.filter(ast.isScenario)) {
        if (!scenarios.has(s.name)) scenarios.set(s.name, memoized(ctx, s, queries, () => buildScenario(ctx, s)));
    }

    const rtt = new Map<string, RttEstimate>();
    const names = [...regions.keys()];
    for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
            const a = names[i]!;
            const b = names[j]!;
            const key = pairKey(a, b);
            rtt.set(key, estimateRtt(regions.get(a), regions.get(b), linkByPair.get(key), a, b));
        }
    }

    const topology = root.topology?.name !== undefined ? {
        name: root.topology.name,
        description: root.topology.description !== undefined ? unquote(root.topology.description) : undefined,
        source: ctx.source(root.topology),
    } : undefined;

    return {
        uri: ctx.uriOf(root), topology, regions, links, cells, stores, services, instances, failovers, workloads, scenarios, rtt,
    };
}

function isNamed(e: ast.Element): boolean {
    return ast.isRegion(e) || ast.isCell(e) || ast.isStore(e) || ast.isService(e) || ast.isWorkload(e) || ast.isScenario(e);
}

function checkDuplicateNames(ctx: BuildContext, elements: readonly ast.Element[]): void {
    for (const ns of NAMESPACES) {
        const first = new Map<string, AstNode & { name: string }>();
        for (const e of elements) {
            if (!ns.types.includes(e.$type) || !('name' in e) || typeof e.name !== 'string') continue;
            const earlier = first.get(e.name);
            if (!earlier) {
                first.set(e.name, e);
                continue;
            }
            const where = ctx.uriOf(earlier) === ctx.uriOf(e) ? `line ${ctx.range(earlier).start.line + 1}` : ctx.uriOf(earlier).split('/').pop();
            ctx.report(ProblemCodes.DuplicateName, 'error', `${ns.label} ${e.name} is already declared (${where})`, e, 'name');
        }
    }
}

function checkTopology(ctx: BuildContext, root: ast.Document): void {
    if (root.topology) return;
    const system = root.elements?.find((e) => ast.isService(e) || ast.isScenario(e));
    if (system) {
        ctx.report(ProblemCodes.MissingTopology, 'error',
            `a file that declares services or scenarios starts with 'topology <Name> "description"'`, root, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    }
}

function unquote(text: string): string {
    return text.startsWith('"') ? text.slice(1, -1).replace(/\\(.)/g, '$1') : text;
}

function emptyModel(uri: string): Model {
    return {
        uri, regions: new Map(), links: [], cells: new Map(), stores: new Map(), services: new Map(), instances: new Map(),
        failovers: [], workloads: new Map(), scenarios: new Map(), rtt: new Map(),
    };
}
