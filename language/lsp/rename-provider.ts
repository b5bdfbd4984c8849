// Rename across files, refusing a new name that would clash: the new name must not be declared already in
// the same namespace (regions, cells, stores and services, workloads, scenarios) anywhere a file that sees
// the renamed declaration can see — its own import closure and that of every file importing it.
import { AstUtils, CstUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, ErrorCodes, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { isDocument } from '../generated/ast.js';
import type { MregionServices } from '../mregion-module.js';
import { namespaceOf } from '../semantics/builder/namespaces.js';
import { nameKeywords } from './grammar-keywords.js';

export class MregionRenameProvider extends DefaultRenameProvider {
    private readonly allowedKeywords: ReadonlySet<string>;

    constructor(private readonly mregion: MregionServices) {
        super(mregion);
        this.allowedKeywords = nameKeywords(mregion.Grammar);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target) return undefined;
        const current = (target as AstNode & { name?: string }).name;
        if (current === params.newName) return { changes: {} };
        const invalid = this.invalidName(params.newName);
        if (invalid) throw new ResponseError(ErrorCodes.InvalidParams, invalid);
        const clash = this.clash(target, params.newName);
        if (clash) throw new ResponseError(ErrorCodes.InvalidRequest, clash);
        return super.rename(document, params);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(
            root,
            document.textDocument.offsetAt(params.position),
            this.grammarConfig.nameRegexp,
        );
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why `name` cannot be a name, or undefined when it can. */
    private invalidName(name: string): string | undefined {
        const lexed = this.mregion.parser.Lexer.tokenize(name);
        const [token] = lexed.tokens;
        if (lexed.errors.length > 0 || lexed.tokens.length !== 1 || lexed.hidden.length > 0 || token!.image !== name) {
            return `'${name}' is not a name: use letters, digits, '_' and single '-' between parts (e.g. us-east-1)`;
        }
        if (token!.tokenType.name === 'ID' || this.allowedKeywords.has(name)) return undefined;
        if (token!.tokenType.name === name) return `'${name}' is a keyword of the language and cannot be a name`;
        return `'${name}' is not a name: start with a letter or '_' (e.g. us-east-1)`;
    }

    /** A description of the declaration the new name would clash with, or undefined. */
    private clash(target: AstNode, newName: string): string | undefined {
        const namespace = namespaceOf(target.$type);
        if (!namespace) return undefined;
        const targetDocument = AstUtils.getDocument(target);
        const imports = this.mregion.semantics.Imports;
        const documents = this.mregion.shared.workspace.LangiumDocuments;
        const targetUri = targetDocument.uri.toString();
        // Every file that sees the declaration: its own, and each file whose import closure contains it.
        const viewers = documents.all.filter((d) => imports.closure(d).has(targetUri)).toArray();
        for (const viewer of viewers) {
            for (const uri of imports.closure(viewer)) {
                const root = documents.getDocument(URI.parse(uri))?.parseResult.value;
                if (!isDocument(root)) continue;
                const other = root.elements.find(
                    (e) =>
                        e !== target &&
                        namespaceOf(e.$type) === namespace &&
                        (e as AstNode & { name?: string }).name === newName,
                );
                if (!other) continue;
                const where = `${fileName(uri)}:${(other.$cstNode?.range.start.line ?? 0) + 1}`;
                const seenFrom = uri === targetUri ? '' : ` (both are visible in ${fileName(viewer.uri.toString())})`;
                return `cannot rename ${kind(target)} '${(target as AstNode & { name?: string }).name}' to '${newName}': ${kind(other)} '${newName}' is already declared at ${where}${seenFrom}`;
            }
        }
        return undefined;
    }
}

function kind(node: AstNode): string {
    return node.$type.toLowerCase();
}

function fileName(uri: string): string {
    return uri.split('/').pop() ?? uri;
}
