// `import "file.mregion"` makes another file's declarations visible. Paths are relative to the importing file.
import {
    type URI,
    UriUtils,
    WorkspaceCache,
    type LangiumDocument,
    type LangiumDocuments,
    type LangiumSharedCoreServices,
} from 'langium';
import { isDocument, type Document, type Import } from '../generated/ast.js';

/** A document's import closure: URIs in the order they are found, and the loaded documents' roots. */
interface Closure {
    readonly uris: ReadonlySet<string>;
    readonly roots: readonly Document[];
}

export class ImportResolver {
    private readonly documents: LangiumDocuments;
    private readonly closures: WorkspaceCache<string, Closure>;
    /** Each document's imports, resolved once per workspace change (a closure walk visits a file many times). */
    private readonly direct: WorkspaceCache<
        string,
        readonly { readonly uri: string; readonly document?: LangiumDocument }[]
    >;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(shared);
        this.direct = new WorkspaceCache(shared);
    }

    /** The URI an import points at, or undefined when the path is empty or cannot be a URI. */
    resolve(from: URI, imp: Import): URI | undefined {
        if (typeof imp.path !== 'string' || imp.path.trim() === '' || hasBrokenCharacter(imp.path)) return undefined;
        return UriUtils.resolvePath(UriUtils.dirname(from), imp.path);
    }

    /** URIs of the document and every document it imports, transitively (cycles are fine). */
    closure(document: LangiumDocument): ReadonlySet<string> {
        return this.closureOf(document).uris;
    }

    /** ASTs of the import closure that are loaded (the document's own first). */
    closureRoots(document: LangiumDocument): Document[] {
        return [...this.closureOf(document).roots];
    }

    private closureOf(document: LangiumDocument): Closure {
        const key = document.uri.toString();
        return this.closures.get(key, () => {
            const found = new Map<string, LangiumDocument | undefined>([[key, document]]);
            const queue: LangiumDocument[] = [document];
            while (queue.length > 0) {
                for (const target of this.importsOf(queue.pop()!)) {
                    if (found.has(target.uri)) continue;
                    found.set(target.uri, target.document);
                    if (target.document) queue.push(target.document);
                }
            }
            const roots = [...found.values()].map((d) => d?.parseResult?.value).filter(isDocument);
            return { uris: new Set(found.keys()), roots };
        });
    }

    private importsOf(
        document: LangiumDocument,
    ): readonly { readonly uri: string; readonly document?: LangiumDocument }[] {
        return this.direct.get(document.uri.toString(), () => {
            const root = document.parseResult?.value;
            if (!isDocument(root)) return [];
            return root.imports
                .map((imp) => this.resolve(document.uri, imp))
                .filter((t) => t !== undefined)
                .map((target) => ({ uri: target.toString(), document: this.documents.getDocument(target) }));
        });
    }
}

/**
 * Half of a UTF-16 surrogate pair (an edit can cut a pair in two) cannot be percent-encoded, so a path holding one
 * cannot become a URI.
 */
export function hasBrokenCharacter(text: string): boolean {
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
