// Langium's linker awaits a cancellation check before every AST node; on a 10k-line design that is tens of
// thousands of promise round trips per edit. Checking every few hundred nodes keeps edits cancellable within
// a fraction of a millisecond of work and removes that overhead.
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';

const NODES_PER_CHECK = 256;

export class MregionLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let visited = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (++visited % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach((ref) => this.doLink(ref, document));
        }
    }
}
