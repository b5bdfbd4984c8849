// Formatting for the editor (textDocument/formatting and rangeFormatting) and `mregion format`.
// Langium's AbstractFormatter leaves the space before a trailing comment as it finds it and cannot align
// columns, so this formatter implements the Formatter service over the CST's token stream (format-layout.ts).
// A document with syntax errors is never formatted: its tree may not say where clauses begin.
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentRangeFormattingParams,
    FormattingOptions,
    Range,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { layoutEdits, type GapEdit, type LayoutOptions } from './format-layout.js';

export class MregionFormatter implements Formatter {
    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.edits(document, params.options).filter(
            (e) => e.range.start.line >= start.line && e.range.end.line <= end.line,
        );
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** Gap edits as offsets (for the CLI and tests); undefined when the document has syntax errors. */
    gapEdits(
        document: LangiumDocument,
        options: LayoutOptions = { tabSize: 4, insertSpaces: true },
    ): GapEdit[] | undefined {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return undefined;
        return layoutEdits(document, options);
    }

    private edits(document: LangiumDocument, options: FormattingOptions): TextEdit[] {
        const gaps = this.gapEdits(document, { tabSize: options.tabSize, insertSpaces: options.insertSpaces });
        if (!gaps) return [];
        const textDocument = document.textDocument;
        return gaps.map((g) => ({ range: toRange(textDocument, g.start, g.end), newText: g.text }));
    }
}

function toRange(textDocument: LangiumDocument['textDocument'], start: number, end: number): Range {
    return { start: textDocument.positionAt(start), end: textDocument.positionAt(end) };
}

/** Applies gap edits (sorted, non-overlapping) to `text`. */
export function applyGapEdits(text: string, edits: readonly GapEdit[]): string {
    let out = '';
    let at = 0;
    for (const e of edits) {
        out += text.slice(at, e.start) + e.text;
        at = e.end;
    }
    return out + text.slice(at);
}
