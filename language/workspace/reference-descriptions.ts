// The reference index (used by find references, rename and to tell which documents an edit affects) is built from
// the references the linker already collected in `document.references`, instead of walking the whole AST again.
// The target's path is read from the node itself: the linker keeps resolutions across edits
// (language/scoping/linker.ts), and the path Langium remembered with a resolution goes stale when declarations
// are added or removed above its target.
import {
    AstUtils,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    UriUtils,
    isAstNode,
    type LangiumDocument,
    type ReferenceDescription,
} from 'langium';

export class MregionReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        return this.describe(document);
    }

    /** The index entries of a linked document's references, at once (the index asks for them lazily). */
    describe(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        for (const reference of document.references) {
            const container = reference.$refNode?.astNode;
            const target = 'ref' in reference ? reference.ref : undefined;
            if (!container || reference.error || !isAstNode(target) || !reference.$refNode) continue;
            const targetUri = AstUtils.getDocument(target).uri;
            descriptions.push({
                sourceUri,
                sourcePath: this.nodeLocator.getAstNodePath(container),
                targetUri,
                targetPath: this.nodeLocator.getAstNodePath(target),
                segment: CstUtils.toDocumentSegment(reference.$refNode),
                local: UriUtils.equals(targetUri, sourceUri),
            });
        }
        return descriptions;
    }
}
