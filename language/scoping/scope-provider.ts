// A file sees its own declarations and those of the files it imports (transitively), not the whole workspace:
// two designs in one folder may both declare `region us-east-1` without clashing. One map per (document,
// reference type), built once per workspace change, makes each reference an O(1) lookup.
import {
    AstUtils,
    DefaultScopeProvider,
    MultiMapScope,
    WorkspaceCache,
    stream,
    type ReferenceInfo,
    type Scope,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { ImportResolver } from '../workspace/imports.js';

export class MregionScopeProvider extends DefaultScopeProvider {
    private readonly imports: ImportResolver;
    private readonly visibleScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumServices & { semantics: { Imports: ImportResolver } }) {
        super(services);
        this.imports = services.semantics.Imports;
        this.visibleScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const own = document.uri.toString();
        return this.visibleScopes.get(`${own}\u0000${referenceType}`, () => {
            // The document's own declarations come first, so they win over an imported one of the same name.
            const others = new Set(this.imports.closure(document));
            others.delete(own);
            const descriptions = stream(this.indexManager.allElements(referenceType, new Set([own]))).concat(
                this.indexManager.allElements(referenceType, others),
            );
            return new MultiMapScope(descriptions);
        });
    }
}
