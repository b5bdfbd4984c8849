// Langium's linker awaits a cancellation check before every AST node and walks the whole tree through its generic
// streams on every build; on a 10k-line design that walk was most of an edit's linking time. This linker takes
// the references of each declaration from `referencesBelow`, which walks a declaration once and remembers it, so
// a build walks only the declarations an edit re-parsed. The order is Langium's (pre-order, properties in order),
// so `document.references` comes out the same.
import { Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type LangiumDocument, type ReferenceInfo } from 'langium';
import { ownReferences, referencesBelow } from '../util/subtree-references.js';

const REFERENCES_PER_CHECK = 256;

export class MregionLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let linked = 0;
        const linkAll = async (infos: readonly ReferenceInfo[]): Promise<void> => {
            for (const info of infos) {
                if (++linked % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
                this.doLink(info, document);
            }
        };
        // The root is the one node whose children change; its own references, then each child's subtree in order
        // make the same pre-order as one walk.
        const own: ReferenceInfo[] = [];
        const children: AstNode[] = [];
        ownReferences(document.parseResult.value, own, children);
        await linkAll(own);
        for (const child of children) await linkAll(referencesBelow(child));
    }
}
