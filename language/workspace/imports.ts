// `import "file.mregion"` makes another file's declarations visible. Paths are relative to the importing file.
import { URI, UriUtils, WorkspaceCache, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isDocument, type Document, type Import } from '../generated/ast.js';

export class ImportResolver {
    private readonly documents: LangiumDocuments;
    private readonly closures: WorkspaceCache<string, ReadonlySet<string>>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(shared);
    }

    /** The URI an import points at, or undefined when the path is empty or cannot be a URI. */
    resolve(from: URI, imp: Import): URI | undefined {
        if (typeof imp.path !== 'string' || imp.path.trim() === '' || hasBrokenCharacter(imp.path)) return undefined;
        return UriUtils.resolvePath(UriUtils.dirname(from), imp.path);
    }

    /** URIs of the document and every document it imports, transitively (cycles are fine). */
    closure(document: LangiumDocument): ReadonlySet<string> {
        const key = document.uri.toString();
        return this.closures.get(key, () => {
            const seen = new Set<string>([key]);
            const queue: LangiumDocument[] = [document];
            while (queue.length > 0) {
                const current = queue.pop()!;
                const root = current.parseResult?.value;
                if (!isDocument(root)) continue;
                for (const imp of root.imports) {
                    const target = this.resolve(current.uri, imp);
                    if (!target || seen.has(target.toString())) continue;
                    seen.add(target.toString());
                    const imported = this.documents.getDocument(target);
                    if (imported) queue.push(imported);
                }
            }
            return seen;
        });
    }

    /** ASTs of the import closure that are loaded (the document's own first). */
    closureRoots(document: LangiumDocument): Document[] {
        const roots: Document[] = [];
        for (const uri of this.closure(document)) {
            const doc = uri === document.uri.toString() ? document : this.documents.getDocument(URI.parse(uri));
            const root = doc?.parseResult?.value;
            if (isDocument(root)) roots.push(root);
        }
        return roots;
    }
}

/**
 * Half of a UTF-16 surrogate pair (an edit can cut a pair in two) cannot be percent-encoded, so a path holding one
 * cannot become a URI.
 */
export function hasBrokenCharacter(text: string): boolean {
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
