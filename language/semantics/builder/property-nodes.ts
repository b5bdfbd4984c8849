// The syntax nodes an AST node's property was parsed from, as Langium's `GrammarUtils.findNodesForProperty` finds
// them, without its cost per node visited: an array per node (`flatMap`) and a walk up the grammar to the
// enclosing assignment. The model builder asks this for nearly every declaration and clause (a declaration's name,
// each property's range), about 4 % of a large design's check. Tested against Langium's on every node and property
// of the examples (test/language/property-nodes.test.ts).
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

/** The property each grammar element assigns to, if it is inside an assignment (the grammar never changes). */
const assigned = new WeakMap<object, string | null>();

function assignedProperty(element: GrammarAST.AbstractElement | undefined): string | null {
    if (!element) return null;
    let property = assigned.get(element);
    if (property === undefined) {
        property = AstUtils.getContainerOfType(element, GrammarAST.isAssignment)?.feature ?? null;
        assigned.set(element, property);
    }
    return property;
}

/** The nodes below `node` (that belong to the same AST node) that `property` was assigned from, in text order. */
export function propertyNodes(node: CstNode | undefined, property: string, limit = Infinity): CstNode[] {
    const found: CstNode[] = [];
    if (node && property) collect(node, property, node.astNode, found, limit);
    return found;
}

/** The first node `property` was assigned from. */
export function propertyNode(node: CstNode | undefined, property: string): CstNode | undefined {
    return propertyNodes(node, property, 1)[0];
}

function collect(node: CstNode, property: string, owner: AstNode, found: CstNode[], limit: number): void {
    if (!isCompositeCstNode(node) || node.astNode !== owner) return;
    for (const child of node.content) {
        if (found.length >= limit) return;
        if (assignedProperty(child.grammarSource) === property) found.push(child);
        else collect(child, property, owner, found, limit);
    }
}
