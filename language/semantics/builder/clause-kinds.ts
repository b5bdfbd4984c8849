// The clauses of one declaration grouped by kind, so that asking for each kind does not run that kind's type
// guard over every clause: a store asks for 23 kinds, which made the guards about a tenth of a large design's
// model build.
import type { AstNode } from 'langium';
import { reflection } from '../../generated/ast.js';

export type Guard<T extends AstNode> = (node: AstNode) => node is T;

const accepted = new Map<Guard<AstNode>, readonly string[]>();

/**
 * The node types a generated type guard accepts. The guards (`isEngineClause`, …) test a node's `$type` against the
 * grammar's type hierarchy and nothing else, so a stand-in node of each type answers for every node of that type.
 */
export function typesAcceptedBy(is: Guard<AstNode>): readonly string[] {
    let types = accepted.get(is);
    if (!types) {
        types = reflection.getAllTypes().filter((type) => is({ $type: type } as AstNode));
        accepted.set(is, types);
    }
    return types;
}

const NONE: readonly AstNode[] = [];

/** One declaration's clauses by `$type`, in the order they are written. */
export class ClauseKinds {
    private readonly byType = new Map<string, AstNode[]>();

    constructor(readonly clauses: readonly AstNode[]) {
        for (const clause of clauses) {
            const same = this.byType.get(clause.$type);
            if (same) same.push(clause);
            else this.byType.set(clause.$type, [clause]);
        }
    }

    /** The clauses `is` accepts, in the order they are written. */
    of<T extends AstNode>(is: Guard<T>): readonly T[] {
        const types = typesAcceptedBy(is);
        if (types.length === 1) return (this.byType.get(types[0] ?? '') ?? NONE) as T[];
        return this.clauses.filter(is);
    }
}
