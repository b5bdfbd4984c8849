// A model whose every name is hostile: quotes, backslashes, `${…}`, line breaks, `../`, comment terminators
// and non-ASCII. The grammar does not allow such names today; the exporter must stay safe for any model.
import ts from 'typescript';
import type { CellM, FailoverM, Model, RegionM, ServiceM, StoreM } from '../../../language/semantics/model.js';

/** Code that would run if a name ever escaped its string literal or comment. */
export const INJECTED = 'INJECTED';
export const HOSTILE_SUFFIX = `'"\\ \${${INJECTED}()}\`\n*/ // ../../é🚀\u2028${INJECTED}`;

export function hostile(name: string): string {
    return `${name}${HOSTILE_SUFFIX}`;
}

/** The same design with every name (and the file name) made hostile; references stay consistent. */
export function hostileModel(model: Model, rename: (name: string) => string = hostile): Model {
    const r = (name: string | undefined) => (name === undefined ? undefined : rename(name));
    const rs = (names: readonly string[]) => names.map(rename);
    const instance = (name: string, cell: string | undefined) =>
        cell === undefined ? rename(name) : `${rename(name)}@${rename(cell)}`;
    const idOf = (id: string) => {
        const [name, cell] = id.split('@') as [string, string | undefined];
        return instance(name, cell);
    };

    const regions = new Map<string, RegionM>(
        [...model.regions.values()].map((region) => [rename(region.name), { ...region, name: rename(region.name) }]),
    );
    const cells = new Map<string, CellM>(
        [...model.cells.values()].map((cell) => [
            rename(cell.name),
            { ...cell, name: rename(cell.name), regions: rs(cell.regions), residency: cell.residency },
        ]),
    );
    const stores = new Map<string, StoreM>(
        [...model.stores.values()].map((store) => {
            const renamed: StoreM = {
                ...store,
                id: instance(store.name, store.cell),
                name: rename(store.name),
                cell: r(store.cell),
                regions: rs(store.regions),
                witness: r(store.witness),
                writes: { ...store.writes, primary: r(store.writes.primary) },
                invariants: store.invariants.map((i) => ({ ...i, field: rename(i.field) })),
            };
            return [renamed.id, renamed];
        }),
    );
    const services = new Map<string, ServiceM>(
        [...model.services.values()].map((service) => {
            const renamed: ServiceM = {
                ...service,
                id: instance(service.name, service.cell),
                name: rename(service.name),
                cell: r(service.cell),
                regions: rs(service.regions),
                primary: r(service.primary),
                uses: service.uses.map(idOf),
                reads: service.reads.map(idOf),
            };
            return [renamed.id, renamed];
        }),
    );
    const failovers: FailoverM[] = model.failovers.map((f) => ({
        ...f,
        id: `failover:${idOf(f.target.id)}`,
        target: { ...f.target, id: idOf(f.target.id) },
        cell: r(f.cell),
        from: r(f.from),
        to: r(f.to),
        actions: f.actions.map((a) => ({
            ...a,
            target: a.target ? { ...a.target, id: idOf(a.target.id) } : undefined,
            region: r(a.region),
        })),
    }));
    return {
        ...model,
        uri: `file:///designs/${encodeURIComponent(rename('kitchen'))}.mregion`,
        topology: model.topology
            ? { ...model.topology, name: rename(model.topology.name), description: r(model.topology.description) }
            : undefined,
        regions,
        cells,
        stores,
        services,
        failovers,
    };
}

/** Identifiers a TypeScript file really contains: a name that escaped a literal or comment would show here. */
export function identifiersIn(fileName: string, source: string): Set<string> {
    const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const names = new Set<string>();
    const visit = (node: ts.Node) => {
        if (ts.isIdentifier(node)) names.add(node.text);
        node.forEachChild(visit);
    };
    visit(file);
    return names;
}
