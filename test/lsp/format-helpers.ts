// Formatting through the registered formatter, as text in and text out.
import { URI } from 'langium';
import type { MregionFormatter } from '../../language/lsp/formatter.js';
import { applyGapEdits } from '../../language/lsp/formatter.js';
import { mregion } from '../helpers/services.js';

let counter = 0;

/** The formatted text, or undefined when the formatter refuses (syntax errors). */
export async function formatText(text: string): Promise<string | undefined> {
    const document = mregion.shared.workspace.LangiumDocumentFactory.fromString(
        text,
        URI.parse(`file:///format/${++counter}.mregion`),
    );
    const edits = (mregion.lsp.Formatter as MregionFormatter).gapEdits(document);
    return edits ? applyGapEdits(text, edits) : undefined;
}

/** The non-whitespace tokens of a text as the lexer sees them (comments included). */
export function tokenTexts(text: string): string[] {
    const lexed = mregion.parser.Lexer.tokenize(text);
    return [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image);
}
