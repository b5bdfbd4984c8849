// Langium's CST builder inserts the hidden nodes (comments) before a token with `push(...nodes)` and
// `splice(index, 0, ...nodes)`: a spread of more than about 120k comments in a row overflows the call stack.
import { CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';
import { spliceAll } from './splice-array.js';

export class MregionCstNodeBuilder extends CstNodeBuilder {
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        this.insertChildren(parent, parent.content.length, children);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        const node = parent as unknown as { content: CstNode[] };
        // Langium copies into an empty list to give it an exact-size backing store; so do we.
        if (node.content.length === 0) node.content = children.slice();
        else spliceAll(node.content, index, 0, children);
    }
}
