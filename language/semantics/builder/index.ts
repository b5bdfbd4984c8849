// Builds the semantic model of one document and the documents it imports. Never throws: problems are
// returned beside a model that holds whatever could be understood.
import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { pairKey } from '../latency.js';
import type {
    BuildResult,
    CellM,
    Deployable,
    FailoverM,
    LinkM,
    Model,
    RegionM,
    ScenarioM,
    ServiceM,
    StoreM,
    WorkloadM,
} from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { BuildContext } from './context.js';
import { memoized, type ModelQueries } from './declaration-memo.js';
import { buildFailovers } from './failovers.js';
import { buildCell, buildLink, buildRegion } from './regions.js';
import { buildServices } from './services.js';
import { buildStores } from './stores.js';
import { buildScenario, buildWorkload } from './workloads.js';
import { NAMESPACES } from './namespaces.js';

/**
 * @param root the document the model is for
 * @param documents root and every document it imports (in any order; duplicates ignored)
 * @param remember false when no later build will reuse this one's declarations (a one-shot check)
 */
export function buildModel(root: ast.Document, documents: readonly ast.Document[], remember = true): BuildResult {
    const ctx = new BuildContext(remember);
    try {
        return { model: build(ctx, root, documents), problems: ctx.problems };
    } catch (error) {
        const uri = ctx.uriOf(root);
        ctx.problems.push({
            code: ProblemCodes.InternalError,
            severity: 'error',
            uri,
            range: ctx.range(root),
            message: `the model builder failed (${error instanceof Error ? error.message : String(error)}); please report this file`,
        });
        return { model: emptyModel(uri), problems: ctx.problems };
    }
}

function build(ctx: BuildContext, root: ast.Document, documents: readonly ast.Document[]): Model {
    const docs = [...new Set([root, ...documents])];
    // A declaration whose name did not parse is already a syntax error; it has nothing to contribute.
    const elements = docs
        .flatMap((d) => d.elements ?? [])
        .filter((e) => !isNamed(e) || typeof (e as { name?: unknown }).name === 'string');
    checkDuplicateNames(ctx, elements);
    checkTopology(ctx, root);
    // One pass sorts the declarations by kind (every kind of declaration is a concrete type).
    const byType = new Map<string, ast.Element[]>();
    for (const e of elements) {
        const list = byType.get(e.$type);
        if (list) list.push(e);
        else byType.set(e.$type, [e]);
    }
    const declared = <T extends ast.Element>(type: { readonly $type: T['$type'] }): T[] =>
        (byType.get(type.$type) ?? []) as T[];

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
        deployables: (name, cell) =>
            lookup(name, cell)
                .map((id) => stores.get(id) ?? services.get(id))
                .filter((d): d is Deployable => d !== undefined),
        region: (name) => regions.get(name),
    };

    for (const r of declared<ast.Region>(ast.Region)) {
        if (!regions.has(r.name))
            regions.set(
                r.name,
                memoized(ctx, r, queries, () => buildRegion(ctx, r)),
            );
    }

    const links: LinkM[] = [];
    const linkByPair = new Map<string, LinkM>();
    for (const l of declared<ast.Link>(ast.Link)) {
        const link = memoized(ctx, l, queries, () => buildLink(ctx, l));
        if (!link) continue;
        const key = pairKey(link.a, link.b);
        const earlier = linkByPair.get(key);
        if (earlier) {
            ctx.report(
                ProblemCodes.DuplicateName,
                'error',
                `${link.a} <-> ${link.b} is already linked at line ${earlier.source.range.start.line + 1}`,
                l,
                ctx.keywordRange(l, 'link'),
            );
            continue;
        }
        linkByPair.set(key, link);
        links.push(link);
    }

    for (const c of declared<ast.Cell>(ast.Cell))
        if (!cells.has(c.name))
            cells.set(
                c.name,
                memoized(ctx, c, queries, () => buildCell(ctx, c)),
            );
    cellList = [...cells.values()];

    for (const s of declared<ast.Store>(ast.Store)) {
        if (instances.has(s.name)) continue;
        if (s.perCell) perCell.add(s.name);
        const built = memoized(ctx, s, queries, (q) => buildStores(ctx, s, q.cells()));
        built.forEach((m) => stores.set(m.id, m));
        instances.set(
            s.name,
            built.map((m) => m.id),
        );
    }

    const serviceNodes = declared<ast.Service>(ast.Service).filter((s) => !instances.has(s.name));
    // Service ids are known before services are built so `depends-on` can refer forward.
    for (const s of serviceNodes) {
        if (s.perCell) perCell.add(s.name);
        instances.set(s.name, s.perCell && cellList.length > 0 ? cellList.map((c) => `${s.name}@${c.name}`) : [s.name]);
    }
    for (const s of serviceNodes) {
        memoized(ctx, s, queries, (q) => buildServices(ctx, s, q.cells(), q.instanceIds, q.instanceIds)).forEach((m) =>
            services.set(m.id, m),
        );
    }

    const failovers: FailoverM[] = [];
    for (const f of declared<ast.Failover>(ast.Failover)) {
        failovers.push(
            ...memoized(ctx, f, queries, (q) => buildFailovers(ctx, f, { instances: q.deployables, region: q.region })),
        );
    }

    const workloads = new Map<string, WorkloadM>();
    for (const w of declared<ast.Workload>(ast.Workload)) {
        if (!workloads.has(w.name))
            workloads.set(
                w.name,
                memoized(ctx, w, queries, (q) => buildWorkload(ctx, w, (name) => q.deployables(name, undefined))),
            );
    }
    const scenarios = new Map<string, ScenarioM>();
    for (const s of declared<ast.Scenario>(ast.Scenario)) {
        if (!scenarios.has(s.name))
            scenarios.set(
                s.name,
                memoized(ctx, s, queries, (q) => buildScenario(ctx, s, (name) => q.deployables(name, undefined))),
            );
    }

    const topology =
        root.topology?.name !== undefined
            ? {
                  name: root.topology.name,
                  description: root.topology.description !== undefined ? unquote(root.topology.description) : undefined,
                  source: ctx.source(root.topology),
              }
            : undefined;

    return {
        uri: ctx.uriOf(root),
        topology,
        regions,
        links,
        cells,
        stores,
        services,
        instances,
        failovers,
        workloads,
        scenarios,
    };
}

const NAMED_TYPES: ReadonlySet<string> = new Set(NAMESPACES.flatMap((ns) => ns.types));

function isNamed(e: ast.Element): boolean {
    return NAMED_TYPES.has(e.$type);
}

function checkDuplicateNames(ctx: BuildContext, elements: readonly ast.Element[]): void {
    const firstIn = new Map<(typeof NAMESPACES)[number], Map<string, AstNode & { name: string }>>(
        NAMESPACES.map((ns) => [ns, new Map()]),
    );
    const namespaceOf = new Map(NAMESPACES.flatMap((ns) => ns.types.map((type) => [type, ns] as const)));
    // Reported namespace by namespace, in declaration order within each, as the messages have always come.
    const reports: { readonly ns: (typeof NAMESPACES)[number]; readonly report: () => void }[] = [];
    for (const e of elements) {
        const ns = namespaceOf.get(e.$type);
        if (!ns || !('name' in e) || typeof e.name !== 'string') continue;
        const first = firstIn.get(ns)!;
        const earlier = first.get(e.name);
        if (!earlier) {
            first.set(e.name, e);
            continue;
        }
        const name = e.name;
        reports.push({
            ns,
            report: () => {
                const where =
                    ctx.uriOf(earlier) === ctx.uriOf(e)
                        ? `line ${ctx.range(earlier).start.line + 1}`
                        : ctx.uriOf(earlier).split('/').pop();
                ctx.report(
                    ProblemCodes.DuplicateName,
                    'error',
                    `${ns.label} ${name} is already declared (${where})`,
                    e,
                    'name',
                );
            },
        });
    }
    for (const ns of NAMESPACES) for (const r of reports) if (r.ns === ns) r.report();
}

function checkTopology(ctx: BuildContext, root: ast.Document): void {
    if (root.topology) return;
    const system = root.elements?.find((e) => ast.isService(e) || ast.isScenario(e));
    if (system) {
        ctx.report(
            ProblemCodes.MissingTopology,
            'error',
            `a file that declares services or scenarios starts with 'topology <Name> "description"'`,
            root,
            { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        );
    }
}

function unquote(text: string): string {
    return text.startsWith('"') ? text.slice(1, -1).replace(/\\(.)/g, '$1') : text;
}

function emptyModel(uri: string): Model {
    return {
        uri,
        regions: new Map(),
        links: [],
        cells: new Map(),
        stores: new Map(),
        services: new Map(),
        instances: new Map(),
        failovers: [],
        workloads: new Map(),
        scenarios: new Map(),
    };
}
