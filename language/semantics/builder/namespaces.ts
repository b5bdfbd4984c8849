// Which declarations share a name space: two declarations of one namespace cannot have the same name (the model
// builder reports the second), and renaming one cannot take a name another already has (lsp/rename-provider.ts).
// A store and a service share one because a failover names either.

export interface Namespace {
    /** How a message names a declaration of it. */
    readonly label: string;
    /** The AST node types declared in it. */
    readonly types: readonly string[];
}

export const NAMESPACES: readonly Namespace[] = [
    { label: 'region', types: ['Region'] },
    { label: 'cell', types: ['Cell'] },
    { label: 'store or service', types: ['Store', 'Service'] },
    { label: 'workload', types: ['Workload'] },
    { label: 'scenario', types: ['Scenario'] },
];

const BY_TYPE: ReadonlyMap<string, Namespace> = new Map(
    NAMESPACES.flatMap((ns) => ns.types.map((t) => [t, ns] as const)),
);

/** The namespace of a declaration's AST type, or undefined for one that has none (the topology, an import). */
export function namespaceOf(type: string): Namespace | undefined {
    return BY_TYPE.get(type);
}
