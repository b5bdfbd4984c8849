// A changed document (edited in the editor or changed on disk) is re-parsed declaration by declaration where that
// is certain to give the tree a full parse would (language/parser/declaration-splice.ts); a document's first
// parse, and any change the splice declines, parse the whole text.
import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, type URI } from 'langium';
import { spliceChangedDeclarations } from '../parser/declaration-splice.js';

export class MregionDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The tree each document had before the update now under way, by URI. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const oldText = previous?.value.$cstNode?.root.fullText;
        if (previous && oldText !== undefined) {
            const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
            const spliced = spliceChangedDeclarations(parser, previous, oldText, text);
            if (spliced) return spliced as ParseResult<T>;
        }
        return super.parseAsync(uri, text, cancellationToken);
    }
}
