// The references inside a subtree below a document root, found once per subtree: below the root, a node's subtree
// never changes (an edit re-parses a declaration into new nodes, see language/parser/declaration-splice.ts), so
// the linker and the model builder's memo can ask on every build without walking the tree again.
import {
    isAstNode,
    isMultiReference,
    isReference,
    type AstNode,
    type MultiReference,
    type Reference,
    type ReferenceInfo,
} from 'langium';

const found = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/**
 * Keeps the references below `top` that the parser found in its own walk over the new tree (language/parser/
 * parser.ts), in the order `referencesBelow` gives, so that the first linking does not walk the tree again.
 */
export function rememberReferencesBelow(top: AstNode, references: readonly ReferenceInfo[]): void {
    found.set(top, references);
}

/** The references of `top` and everything below it, in Langium's order (pre-order, properties in order). */
export function referencesBelow(top: AstNode): readonly ReferenceInfo[] {
    let infos = found.get(top);
    if (!infos) found.set(top, (infos = walk(top)));
    return infos;
}

function walk(top: AstNode): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    const pending: AstNode[] = [top];
    const children: AstNode[] = [];
    while (pending.length > 0) {
        children.length = 0;
        ownReferences(pending.pop()!, references, children);
        for (const child of children.reverse()) pending.push(child);
    }
    return references;
}

/** A node's child nodes, in property order (the order of Langium's `streamContents`), in one array. */
export function childrenOf(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    ownReferences(node, [], children);
    return children;
}

/** Appends a node's own references to `references`, in property order, and its child nodes to `children`. */
export function ownReferences(node: AstNode, references: ReferenceInfo[], children: AstNode[]): void {
    // for-in, not Object.keys: no array per node (an AST node is a plain object, nothing enumerable inherited).
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item))
                    references.push({
                        reference: item as Reference | MultiReference,
                        container: node,
                        property,
                        index,
                    });
                else if (isAstNode(item)) children.push(item);
            }
        } else if (isReference(value) || isMultiReference(value)) {
            references.push({ reference: value as Reference | MultiReference, container: node, property });
        } else if (isAstNode(value)) {
            children.push(value);
        }
    }
}
