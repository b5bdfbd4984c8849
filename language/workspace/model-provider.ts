// The one place the semantic model of a document is built; validation, hover, inlay hints, code lenses and
// the simulation/export requests all read it from here, so they agree on every number.
import { WorkspaceCache, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { isDocument } from '../generated/ast.js';
import { buildModel } from '../semantics/builder/index.js';
import type { BuildResult } from '../semantics/model.js';
import type { ImportResolver } from './imports.js';

export class ModelProvider {
    private readonly cache: WorkspaceCache<string, BuildResult>;
    /**
     * Whether builds keep each declaration's result for the next build (declaration-memo.ts). The server's edits
     * rely on it; a one-shot check (the CLI) turns it off, since nothing reuses what it records.
     */
    rememberDeclarations = true;

    constructor(
        shared: LangiumSharedCoreServices,
        private readonly imports: ImportResolver,
    ) {
        // Any change in the workspace may change an imported declaration, so the cache is workspace-wide.
        this.cache = new WorkspaceCache(shared);
    }

    modelFor(document: LangiumDocument): BuildResult {
        return this.cache.get(document.uri.toString(), () => {
            const root = document.parseResult.value;
            if (!isDocument(root)) throw new Error(`${document.uri.toString()} is not a .mregion document`);
            return buildModel(root, this.imports.closureRoots(document), this.rememberDeclarations);
        });
    }
}
