// Semantic highlighting: declared names and references by what they are (regions, cells, stores, services,
// workloads, scenarios), the unit of every quantity apart from its number, and the rule codes of
// `// mregion-ignore <code>: reason` comments. Standard token types only, so every LSP client can color them:
//   region → namespace (defaultLibrary when in the facts table), cell → struct, store → variable,
//   service → class, workload → event, scenario → function, unit → type, rule code → decorator.
import { AstUtils, isReference, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-protocol';
import { isDocument } from '../generated/ast.js';
import { knownRegion } from '../semantics/facts/regions.js';
import { parseSuppressions, SUPPRESSION_KEYWORD } from '../validation/config/suppressions.js';

export const TOKEN_OF_DECLARATION: Readonly<Record<string, SemanticTokenTypes>> = {
    Region: SemanticTokenTypes.namespace,
    Cell: SemanticTokenTypes.struct,
    Store: SemanticTokenTypes.variable,
    Service: SemanticTokenTypes.class,
    Workload: SemanticTokenTypes.event,
    Scenario: SemanticTokenTypes.function,
};

const NUMBER_PART = /^-?\$?[0-9][0-9_]*(\.[0-9]+)?/;

export class MregionSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isDocument(node)) {
            this.highlightSuppressions(node, acceptor);
            return;
        }
        const name = (node as AstNode & { name?: unknown }).name;
        const type = TOKEN_OF_DECLARATION[node.$type];
        if (type && typeof name === 'string') {
            acceptor({ node, property: 'name' as never, type, modifier: modifiers(node.$type, name, true) });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (!isReference(reference)) continue;
            const target = reference.ref;
            const targetType = target ? TOKEN_OF_DECLARATION[target.$type] : undefined;
            if (!target || !targetType || !reference.$refNode) continue;
            acceptor({
                cst: reference.$refNode,
                type: targetType,
                modifier: modifiers(target.$type, reference.$refText, false),
            });
        }
        if (node.$type === 'Quantity' && node.$cstNode) this.highlightQuantity(node, acceptor);
    }

    private highlightQuantity(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const cst = node.$cstNode!;
        const digits = NUMBER_PART.exec(cst.text)?.[0] ?? '';
        const { line, character } = cst.range.start;
        if (digits.length === 0 || cst.range.end.line !== line) return;
        acceptor({ line, char: character, length: digits.length, type: SemanticTokenTypes.number });
        if (digits.length < cst.text.length)
            acceptor({
                line,
                char: character + digits.length,
                length: cst.text.length - digits.length,
                type: SemanticTokenTypes.type,
            });
    }

    private highlightSuppressions(root: AstNode, acceptor: SemanticTokenAcceptor): void {
        const text = AstUtils.getDocument(root).textDocument.getText();
        for (const suppression of parseSuppressions(text, { at: () => undefined })) {
            const { line } = suppression.range.start;
            const lineText = text.split(/\r?\n/)[line] ?? '';
            const at = lineText.indexOf(SUPPRESSION_KEYWORD);
            if (at >= 0)
                acceptor({ line, char: at, length: SUPPRESSION_KEYWORD.length, type: SemanticTokenTypes.keyword });
            for (const code of suppression.codes) acceptor({ range: code.range, type: SemanticTokenTypes.decorator });
        }
    }
}

function modifiers(type: string, name: string, declaration: boolean): string[] {
    const result: string[] = declaration ? [SemanticTokenModifiers.declaration] : [];
    if (type === 'Region' && knownRegion(name)) result.push(SemanticTokenModifiers.defaultLibrary);
    return result;
}
