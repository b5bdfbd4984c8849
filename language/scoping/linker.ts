// Langium's linker awaits a cancellation check before every AST node and walks the tree through its generic
// streams (an iterator object and closures per node); on a 10k-line design that is most of the linking time of
// an edit. This linker walks the tree with a plain stack, in the same order (pre-order, properties in order, so
// `document.references` comes out the same), and checks for cancellation every few hundred nodes.
import { Cancellation, DefaultLinker, interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type LangiumDocument } from 'langium';

const NODES_PER_CHECK = 256;

export class MregionLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const pending: AstNode[] = [document.parseResult.value];
        const children: AstNode[] = [];
        let visited = 0;
        while (pending.length > 0) {
            if (++visited % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = pending.pop()!;
            children.length = 0;
            for (const property of Object.keys(node)) {
                if (property.charCodeAt(0) === 36 /* $ */) continue;
                const value = (node as unknown as Record<string, unknown>)[property];
                if (Array.isArray(value)) {
                    for (let index = 0; index < value.length; index++) {
                        const item: unknown = value[index];
                        if (isReference(item) || isMultiReference(item)) this.doLink({ reference: item, container: node, property, index }, document);
                        else if (isAstNode(item)) children.push(item);
                    }
                } else if (isReference(value) || isMultiReference(value)) {
                    this.doLink({ reference: value, container: node, property }, document);
                } else if (isAstNode(value)) {
                    children.push(value);
                }
            }
            for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
        }
    }
}
