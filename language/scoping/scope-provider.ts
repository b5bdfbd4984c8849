// A file sees its own declarations and those of the files it imports (transitively), not the whole workspace:
// two designs in one folder may both declare `region us-east-1` without clashing.
import { DefaultScopeProvider, MultiMapScope, AstUtils, WorkspaceCache, type ReferenceInfo, type Scope } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { ImportResolver } from '../workspace/imports.js';

export class MregionScopeProvider extends DefaultScopeProvider {
    private readonly imports: ImportResolver;
    private readonly importedScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumServices & { semantics: { Imports: ImportResolver } }) {
        super(services);
        this.imports = services.semantics.Imports;
        this.importedScopes = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const key = `${document.uri.toString()}\u0000${referenceType}`;
        return this.importedScopes.get(key, () => {
            const visible = new Set(this.imports.closure(document));
            visible.delete(document.uri.toString());
            return new MultiMapScope(this.indexManager.allElements(referenceType, visible));
        });
    }
}
