// Built-in diagnostics with our codes and better words: syntax errors get `syntax-error`, unresolved names get
// `unresolved-reference` with the closest declared name as a suggestion (used by the quick fix). The AST walk
// visits only node types that have checks: the design rules run once on the whole model, so descending into
// every clause (with a cancellation check per node) would be pure overhead.
import {
    AstUtils,
    Cancellation,
    DefaultDocumentValidator,
    DocumentValidator,
    GrammarAST,
    interruptAndCheck,
    isOperationCancelled,
    type AstNode,
    type LangiumDocument,
    type ValidationAcceptor,
    type ValidationOptions,
} from 'langium';
import { childrenOf } from '../util/subtree-references.js';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { closestName } from '../util/closest.js';
import { capDiagnostics } from './diagnostic-cap.js';
import { recordBrokenPlaces } from './held-back.js';
import { declarationKeywords, foldMisspelledDeclarations, type DeclarationKeywords } from './misspelled-declaration.js';

const KIND_WORDS: Readonly<Record<string, string>> = {
    Region: 'region',
    Store: 'store',
    Service: 'service',
    Deployable: 'store or service',
    Workload: 'workload',
    Cell: 'cell',
};

export class MregionDocumentValidator extends DefaultDocumentValidator {
    private readonly keywords: ReadonlySet<string>;

    /** The keywords that open a declaration: what may come where the parser expected one or the end of the file. */
    private readonly declarations: DeclarationKeywords;

    /** In the language server: its diagnostics go to an editor, capped. The CLI reports every one. */
    private readonly publishing: boolean;

    constructor(private readonly services: LangiumServices) {
        super(services);
        this.publishing = services.shared.lsp.Connection !== undefined;
        this.keywords = new Set(
            AstUtils.streamAllContents(services.Grammar)
                .filter(GrammarAST.isKeyword)
                .map((k) => k.value),
        );
        this.declarations = declarationKeywords(services.Grammar);
    }

    /** Langium's, with two changes: the server (which has a connection) publishes at most MAX_PUBLISHED, and the
     * checks' diagnostics are appended one by one — Langium's `push(...list)` overflows the stack past ~150,000,
     * and its catch then drops every one of them. */
    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        const stoppedAt = (code: string) =>
            diagnostics.some((d) => (d.data as { code?: unknown } | undefined)?.code === code);
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(document.parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && stoppedAt(DocumentValidator.LexingError)) return diagnostics;
            this.processParsingErrors(document.parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && stoppedAt(DocumentValidator.ParsingError)) return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && stoppedAt(DocumentValidator.LinkingError)) return diagnostics;
        }
        recordBrokenPlaces(
            document,
            diagnostics
                .filter((d) => d.code === ProblemCodes.SyntaxError || d.code === ProblemCodes.UnresolvedReference)
                .map((d) => {
                    const data = d.data as { refText?: string; replacement?: string } | undefined;
                    return {
                        range: d.range,
                        ...(d.code === ProblemCodes.UnresolvedReference && data?.replacement
                            ? { suggestion: data.replacement }
                            : {}),
                    };
                }),
        );
        const shown = foldMisspelledDeclarations(diagnostics, this.declarations, {
            tokens: () => this.services.parser.Lexer.tokenize(document.textDocument.getText()).tokens,
            offsetAt: (position) => document.textDocument.offsetAt(position),
            lineAt: (offset) => document.textDocument.positionAt(offset).line,
        });
        diagnostics.length = 0;
        for (const d of shown) diagnostics.push(d);
        try {
            for (const d of await this.validateAst(document.parseResult.value, options, cancelToken))
                diagnostics.push(d);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        await interruptAndCheck(cancelToken);
        return this.publishing ? capDiagnostics(diagnostics) : diagnostics;
    }

    /** Node types that have checks, per set of validation categories, and whether they are all top-level. */
    private readonly checkedTypes = new Map<
        string,
        { readonly types: ReadonlySet<string>; readonly onlyTopLevel: boolean }
    >();

    private checked(options: ValidationOptions): {
        readonly types: ReadonlySet<string>;
        readonly onlyTopLevel: boolean;
    } {
        const key = options.categories?.join(',') ?? '*';
        let found = this.checkedTypes.get(key);
        if (!found) {
            const types = new Set(
                this.services.shared.AstReflection.getAllTypes().filter(
                    (type) => !this.validationRegistry.getChecks(type, options.categories).isEmpty(),
                ),
            );
            // Checks registered today are on the document and on its imports (children of the root); should a check
            // for a nested type be registered, the whole tree is walked again.
            found = { types, onlyTopLevel: [...types].every((type) => type === 'Document' || type === 'Import') };
            this.checkedTypes.set(key, found);
        }
        return found;
    }

    /** With checks only on the root and its children, those are all it visits: no stream, no await per node. */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        const { types, onlyTopLevel } = this.checked(options);
        if (!onlyTopLevel) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        for (const node of [rootNode, ...childrenOf(rootNode)]) {
            if (!types.has(node.$type)) continue;
            await interruptAndCheck(cancelToken);
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories))
                await check(node, acceptor, cancelToken);
        }
    }

    protected override validateSingleNodeOptions(
        node: AstNode,
        options: ValidationOptions,
    ): { validateNode: boolean; validateChildren: boolean } {
        const { types, onlyTopLevel } = this.checked(options);
        return {
            validateNode: types.has(node.$type),
            validateChildren: !onlyTopLevel || node.$container === undefined,
        };
    }

    protected override processLexingErrors(
        parseResult: LangiumDocument['parseResult'],
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const before = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const d of diagnostics.slice(before)) d.code = ProblemCodes.SyntaxError;
    }

    protected override processParsingErrors(
        parseResult: LangiumDocument['parseResult'],
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const before = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const d of diagnostics.slice(before)) {
            d.code = ProblemCodes.SyntaxError;
            if (typeof d.message !== 'string') continue;
            const keyword = misspelledKeyword(d.message, this.keywords, this.declarations.all);
            d.message =
                readableSyntaxMessage(d.message, this.keywords, this.declarations.all) +
                (keyword ? `: did you mean '${keyword}'?` : '');
            if (keyword) d.data = { ...(d.data as object | undefined), replacement: keyword };
        }
    }

    protected override processLinkingErrors(
        document: LangiumDocument,
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const before = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        if (diagnostics.length === before) return;
        // Indexed once, and the names in scope listed once per reference type (a document's scope depends only on
        // the type) with each suggestion computed once per name: per diagnostic, a design with thousands of unknown
        // names cost thousands × (references + declarations).
        const failed = new Map<string, (typeof document.references)[number]>();
        for (const r of document.references) {
            if (r.error && r.$refNode)
                failed.set(referenceKey(r.$refText, r.error.info.property, r.$refNode.range.start), r);
        }
        const scopes = this.services.references.ScopeProvider;
        const names = new Map<string, { readonly all: readonly string[]; readonly distinct: readonly string[] }>();
        const suggestions = new Map<string, string | undefined>();
        for (const d of diagnostics.slice(before)) {
            const data = d.data as { containerType?: string; property?: string; refText?: string } | undefined;
            const info = failed.get(referenceKey(data?.refText, data?.property, d.range.start))?.error?.info;
            const type = info ? this.services.shared.AstReflection.getReferenceType(info) : undefined;
            let inScope = type ? names.get(type) : undefined;
            if (info && type && !inScope) {
                const all = scopes
                    .getScope(info)
                    .getAllElements()
                    .map((e) => e.name)
                    .toArray();
                inScope = { all, distinct: [...new Set(all)] };
                names.set(type, inScope);
            }
            const candidates = inScope?.all ?? [];
            const suggestionKey = `${type}\u0000${data?.refText}`;
            if (data?.refText && !suggestions.has(suggestionKey))
                suggestions.set(suggestionKey, closestName(data.refText, inScope?.distinct ?? []));
            const suggestion = data?.refText ? suggestions.get(suggestionKey) : undefined;
            const kind = (type && KIND_WORDS[type]) ?? 'name';
            d.code = ProblemCodes.UnresolvedReference;
            d.message =
                `unknown ${kind} '${data?.refText ?? ''}'` +
                (suggestion
                    ? `: did you mean '${suggestion}'?`
                    : candidates.length > 0
                      ? ` (declared: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''})`
                      : ` (none is declared or imported)`);
            d.data = {
                ...data,
                code: ProblemCodes.UnresolvedReference,
                ...(suggestion ? { replacement: suggestion } : {}),
            };
        }
    }
}

/** A reference by what its diagnostic records: its text, its property and where it starts. */
function referenceKey(
    refText: string | undefined,
    property: string | undefined,
    start: { line: number; character: number },
): string {
    return `${refText}\u0000${property}\u0000${start.line}:${start.character}`;
}

/**
 * The keyword a word the parser did not expect was probably meant to be: the nearest of the tokens expected there
 * (`consnsus` where `sync`, `async`, `consensus` or `none` may follow), else of every keyword (`replicaton`, found
 * where the block could only end, is the start of a clause that never was).
 */
function misspelledKeyword(
    message: string,
    keywords: ReadonlySet<string>,
    declarations: readonly string[],
): string | undefined {
    const found = /but found:? [`']([^`']*)[`']/.exec(message)?.[1];
    if (found === undefined || keywords.has(found) || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(found)) return undefined;
    // Where the file could end, a declaration could start: `servcie` there is a misspelled `service`.
    if (/Expecting token of type 'EOF'/.test(message)) return closestName(found, declarations);
    const expected = [
        ...(/Expecting token of type '([^']+)'/.exec(message)?.slice(1) ?? []),
        ...[...message.matchAll(/\[([^\]]+)\]/g)].flatMap((m) => m.slice(1, 2)),
    ].filter((t) => keywords.has(t));
    return closestName(found, expected) ?? closestName(found, keywords);
}

function readableSyntaxMessage(
    message: string,
    keywords: ReadonlySet<string>,
    declarations: readonly string[],
): string {
    // A name that happens to be a keyword ("scenario drill") is the most common surprise: say so.
    const reserved =
        /Expecting token of type 'ID' but found `([^`]*)`/.exec(message)?.[1] ??
        (/^\s*1\. \[ID\]$/m.test(message) ? /but found: '([^']*)'/.exec(message)?.[1] : undefined);
    if (reserved !== undefined && keywords.has(reserved) && /^[A-Za-z]/.test(reserved)) {
        return `expected a name, found '${reserved}', which is a keyword of the language: choose another name (e.g. '${reserved}-1')`;
    }
    // Chevrotain speaks of token types; users read keywords and names.
    return message
        .replace(/Expecting token of type '([^']+)'/, (_, t: string) =>
            t === 'EOF'
                ? `expected a declaration (${declarations.map((k) => `'${k}'`).join(', ')}) or the end of the file`
                : `expected ${tokenWord(t)}`,
        )
        .replace(/Expecting: one of these possible Token sequences:([\s\S]*?)but found:/, (_, options: string) => {
            const expected = [...options.matchAll(/\[([^\]]+)\]/g)]
                .flatMap((m) => m.slice(1, 2))
                .map((t) => (t === 'ID' ? 'a name' : t === 'QUANTITY' ? 'a number with its unit' : `'${t}'`));
            const shown = expected.length > 6 ? [...expected.slice(0, 6), '…'] : expected;
            return `expected ${shown.join(', ')}; found`;
        })
        .replace(/ but found `(.*)`\.?$/, ", found '$1'");
}

function tokenWord(token: string): string {
    switch (token) {
        case 'ID':
            return 'a name';
        case 'QUANTITY':
            return 'a number with its unit';
        case 'STRING':
            return 'a quoted string';
        default:
            return `'${token}'`;
    }
}

export { DocumentValidator };
