// Describing every reference of a document for the reference index took a tenth of an edit's time on large
// designs, and the descriptions (paths and segments of ≈ 20,000 references at 50k lines) were the largest thing
// each edit left for the garbage collector, yet only find references, rename and the question which documents
// an edit affects read them. The index therefore describes a document's references when one of those first asks,
// from the references its last linking collected; relinking a document (which resets its references) drops that
// promise together with the index entry.
import {
    DefaultIndexManager,
    type AstNode,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type ReferenceDescription,
    type Stream,
    type URI,
} from 'langium';
import type { MregionReferenceDescriptionProvider } from './reference-descriptions.js';

export class MregionIndexManager extends DefaultIndexManager {
    /** Linked documents whose references are not described yet, by URI. */
    private readonly undescribed = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        this.undescribed.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const uri of [...this.undescribed.keys()]) this.describe(uri);
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.describe(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    private describe(uri: string): void {
        const document = this.undescribed.get(uri);
        if (!document) return;
        this.undescribed.delete(uri);
        const provider = this.serviceRegistry.getServices(document.uri).workspace
            .ReferenceDescriptionProvider as MregionReferenceDescriptionProvider;
        this.referenceIndex.set(uri, provider.describe(document));
    }
}
