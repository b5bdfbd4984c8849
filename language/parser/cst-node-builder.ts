// Langium's CST builder with two costs taken out of hidden nodes (comments):
// - it inserts them with `push(...nodes)` and `splice(index, 0, ...nodes)`: a spread of more than about 120k
//   comments in a row overflows the call stack;
// - before every token it looks for where the preceding comments go, and the first token of a declaration
//   searched the root's children from the start (`indexOf`), quadratic in the number of declarations. It now
//   returns at once when there are none, and searches from the end, where the node being built is.
// Its nodes are the compact ones of `compact-cst.ts` (no line, column or hidden flag per leaf, no cached range per
// composite).
import { CstNodeBuilder, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNodeImpl } from 'langium';
import type { IToken } from 'chevrotain';
import { builderStack, contentOf, setContainer, setContent } from '../langium/internals.js';
import { CompactCompositeNode, CompactHiddenLeafNode, CompactLeafNode } from './compact-cst.js';
import { spliceAll } from './splice-array.js';

export class MregionCstNodeBuilder extends CstNodeBuilder {
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
