// Folding: each block declaration (keeping its closing brace visible), runs of `//` comment lines (the file
// header, a note above a declaration), multi-line block comments, and the imports at the top.
import type { LangiumDocument } from 'langium';
import type { FoldingRangeProvider, LangiumServices } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-protocol';
import { isDocument } from '../generated/ast.js';

export class MregionFoldingRangeProvider implements FoldingRangeProvider {
    constructor(private readonly services: LangiumServices) {}

    getFoldingRanges(document: LangiumDocument): FoldingRange[] {
        const root = document.parseResult.value;
        if (!isDocument(root)) return [];
        const ranges: FoldingRange[] = [];
        for (const element of root.elements) {
            const range = element.$cstNode?.range;
            // The last line holds the closing brace: fold up to the line before it.
            if (range && range.end.line - range.start.line >= 2)
                ranges.push({ startLine: range.start.line, endLine: range.end.line - 1 });
        }
        const imports = root.imports.map((i) => i.$cstNode?.range).filter((r) => r !== undefined);
        const [firstImport, lastImport] = [imports[0], imports[imports.length - 1]];
        if (imports.length >= 2 && firstImport && lastImport)
            ranges.push({
                startLine: firstImport.start.line,
                endLine: lastImport.end.line,
                kind: FoldingRangeKind.Imports,
            });
        ranges.push(...this.commentRanges(document));
        return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    }

    private commentRanges(document: LangiumDocument): FoldingRange[] {
        const text = document.textDocument.getText();
        const hidden = this.services.parser.Lexer.tokenize(text).hidden;
        const ranges: FoldingRange[] = [];
        let run: { start: number; end: number } | undefined;
        const flush = (): void => {
            if (run && run.end > run.start)
                ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const token of hidden) {
            const start = document.textDocument.positionAt(token.startOffset);
            const end = document.textDocument.positionAt(token.endOffset! + 1);
            if (token.image.startsWith('/*')) {
                flush();
                if (end.line > start.line)
                    ranges.push({ startLine: start.line, endLine: end.line, kind: FoldingRangeKind.Comment });
                continue;
            }
            // A `//` comment continues a run when it is alone on the very next line.
            const alone =
                text.slice(text.lastIndexOf('\n', token.startOffset - 1) + 1, token.startOffset).trim() === '';
            if (run && alone && start.line === run.end + 1) run.end = start.line;
            else {
                flush();
                if (alone) run = { start: start.line, end: start.line };
            }
        }
        flush();
        return ranges;
    }
}
