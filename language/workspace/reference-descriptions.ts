// The reference index (used by find references and to tell which documents an edit affects) is built from
// the references the linker already collected in `document.references`, instead of walking the whole AST
// again with a cancellation check per node.
import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck, type LangiumDocument, type ReferenceDescription } from 'langium';

const REFERENCES_PER_CHECK = 256;

export class MregionReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let visited = 0;
        for (const reference of document.references) {
            if (++visited % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const container = reference.$refNode?.astNode;
            if (!container || reference.error) continue;
            descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
        }
        return descriptions;
    }
}
