// A changed document (edited in the editor or changed on disk) is re-parsed declaration by declaration where that
// is certain to give the tree a full parse would (language/parser/declaration-splice.ts); a document's first
// parse, and any change the splice declines, parse the whole text. A file that cannot be read, a text over the
// size limit of a design file (from disk or from the editor), or a parse that throws makes a failed document
// (failed-documents.ts) instead of failing the whole load or build.
import {
    DefaultLangiumDocumentFactory,
    isOperationCancelled,
    type AstNode,
    type Cancellation,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type ParseResult,
    type URI,
} from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { spliceChangedDeclarations } from '../parser/declaration-splice.js';
import { failedParseResult, failureFrom, markFailed } from './failed-documents.js';
import { checkDesignText } from './file-system.js';

export class MregionDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The tree each document had before the update now under way, by URI. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(
        document: LangiumDocument<T>,
        cancellationToken: Cancellation.CancellationToken,
    ): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            markFailed(document, failureFrom(error, 'parsing'));
            return document;
        } finally {
            this.previous.delete(key);
        }
    }

    override async fromUri<T extends AstNode = AstNode>(
        uri: URI,
        cancellationToken?: Cancellation.CancellationToken,
    ): Promise<LangiumDocument<T>> {
        try {
            return await super.fromUri<T>(uri, cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return this.failed<T>(uri, error, '');
        }
    }

    protected override async createAsync<T extends AstNode = AstNode>(
        uri: URI,
        content: string | TextDocument,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<LangiumDocument<T>> {
        try {
            return await super.createAsync<T>(uri, content, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return this.failed<T>(uri, error, content);
        }
    }

    private failed<T extends AstNode>(uri: URI, error: unknown, content: string | TextDocument): LangiumDocument<T> {
        const result = failedParseResult(failureFrom(error, 'parsing')) as unknown as ParseResult<T>;
        return typeof content === 'string'
            ? this.createLangiumDocument(result, uri, undefined, content)
            : this.createLangiumDocument(result, uri, content);
    }

    protected override async parseAsync<T extends AstNode>(
        uri: URI,
        text: string,
        cancellationToken: Cancellation.CancellationToken,
    ): Promise<ParseResult<T>> {
        checkDesignText(text);
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
