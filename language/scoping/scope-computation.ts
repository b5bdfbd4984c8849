// Every named declaration of .mregion is top-level and exported, so a document needs no local symbol table:
// its own exports (plus its imports) are its scope. Langium's default local table would be filtered per
// reference, which is quadratic in the number of declarations (10k-line designs made edits take 0.3 s).
// Exports are the root's children; they are collected in one loop, with a cancellation check every few hundred
// (Langium awaits one per child, thousands of promises per edit on a large design).
import {
    Cancellation,
    DefaultScopeComputation,
    interruptAndCheck,
    MultiMap,
    type AstNodeDescription,
    type LangiumDocument,
    type LocalSymbols,
} from 'langium';
import { childrenOf } from '../util/subtree-references.js';
import { itemAt } from '../util/item-at.js';

const NODES_PER_CHECK = 256;

export class MregionScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>();
    }

    override async collectExportedSymbols(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const children = childrenOf(root);
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        for (let i = 0; i < children.length; i++) {
            if ((i + 1) % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            this.addExportedSymbol(itemAt(children, i, 'root child'), exports, document);
        }
        return exports;
    }
}
