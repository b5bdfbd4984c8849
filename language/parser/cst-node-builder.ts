// Langium's CST builder with two costs taken out of hidden nodes (comments):
// - it inserts them with `push(...nodes)` and `splice(index, 0, ...nodes)`: a spread of more than about 120k
//   comments in a row overflows the call stack;
// - before every token it looks for where the preceding comments go, and the first token of a declaration
//   searched the root's children from the start (`indexOf`), quadratic in the number of declarations. It now
//   returns at once when there are none, and searches from the end, where the node being built is.
// Its nodes are the compact ones of `compact-cst.ts` (no line, column or hidden flag per leaf, no cached range per
// composite), and a composite that would only wrap one token is that token's leaf (`standIn`).
import {
    CstNodeBuilder,
    GrammarAST,
    isAstNode,
    type CompositeCstNode,
    type CstNode,
    type LeafCstNodeImpl,
} from 'langium';
import type { IToken } from 'chevrotain';
import { builderStack, contentOf, setContainer, setContent } from '../langium/internals.js';
import { CompactCompositeNode, CompactHiddenLeafNode, CompactLeafNode, CompactOwnedLeafNode } from './compact-cst.js';
import { spliceAll } from './splice-array.js';

export class MregionCstNodeBuilder extends CstNodeBuilder {
    /**
     * The node that stands in the tree for `node`, a rule call's node just closed, whose value is `result`; the
     * parser assigns it in the composite's place (`parser.ts`). A composite that holds one name or value token and
     * nothing else is replaced by a leaf: a name or reference (`name=Name`, `[Region:Name]`, a data type rule read
     * as one ID) by the token's leaf, which takes the composite's grammar element; a node of one value token (a
     * `Quantity`) by a leaf that is its own CST node. A large design has about 220,000 names and references and
     * 190,000 quantities per 10 MB; each composite, with its child list, took about 110 bytes. The grammar element
     * a leaf takes is the one Langium's utilities ask for (`findAssignment`: which property, which
     * cross-reference); a keyword keeps its composite, so the keyword stays recognisable (hover, highlighting).
     * One thing reads differently: Langium looks for a node's properties below its CST node, so it finds nothing
     * for a quantity's `text`, which is the leaf itself (test/language/compact-cst.test.ts compares every other
     * lookup, and every node, with Langium's tree).
     */
    standIn(node: CstNode, result: unknown): CstNode {
        if (!(node instanceof CompactCompositeNode) || node.content.length !== 1) return node;
        const only = node.content[0];
        if (!(only instanceof CompactLeafNode) || only.hidden || !isValueToken(only.grammarSource)) return node;
        const parent = node.container;
        if (!parent) return node;
        const siblings = contentOf(parent);
        const at = siblings.lastIndexOf(node);
        if (at < 0) return node;
        let leaf: CompactLeafNode;
        if (typeof result !== 'object')
            leaf = only; // a data type rule's value
        else if (isAstNode(result) && result.$cstNode === node) {
            leaf = new CompactOwnedLeafNode(only.offset, only.length, only.tokenType);
            (result as { $cstNode: CstNode }).$cstNode = leaf;
        } else return node;
        leaf.grammarSource = node.grammarSource;
        leaf.container = parent;
        siblings[at] = leaf;
        return leaf;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new CompactCompositeNode();
        node.grammarSource = feature;
        this.appendChild(this.current, node);
        builderStack(this).push(node);
        return node;
    }

    // Langium types the leaf as its own class; everything reads a leaf through the `LeafCstNode` interface.
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        const Leaf = hidden ? CompactHiddenLeafNode : CompactLeafNode;
        return new Leaf(token.startOffset, token.image.length, token.tokenType) as unknown as LeafCstNodeImpl;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes = tokens.map((token) => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        // Inside a node with content the comments follow it; in a node just opened they go before it, in the
        // first ancestor where it is not the first child (or at the very start of the file).
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        this.insertChildren(parent, parent.content.length, children);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) setContainer(child, parent);
        // Langium copies into an empty list to give it an exact-size backing store; so do we.
        if (parent.content.length === 0) setContent(parent, children.slice());
        else spliceAll(contentOf(parent), index, 0, children);
    }
}

/**
 * A token read by a terminal rule (an ID, a quantity), not a keyword and not a cross-reference's token: its leaf can
 * take its composite's grammar element without losing anything a reader asks of it.
 */
function isValueToken(element: GrammarAST.AbstractElement | undefined): boolean {
    return GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref);
}
