// Runs an LSP feature of the registered services on a text with a `<|>` cursor marker (and optional other
// files the text can import), like an editor would after opening the file.
import type { LangiumDocument } from 'langium';
import type { Document } from '../../language/generated/ast.js';
import { mregion, validate } from '../helpers/services.js';

export interface AtCursor {
    readonly document: LangiumDocument<Document>;
    readonly offset: number;
    readonly position: { line: number; character: number };
    readonly params: { textDocument: { uri: string }; position: { line: number; character: number } };
}

export async function openAt(marked: string, others: Record<string, string> = {}): Promise<AtCursor> {
    const offset = marked.indexOf('<|>');
    if (offset < 0) throw new Error('no <|> cursor marker in the test text');
    const text = marked.slice(0, offset) + marked.slice(offset + 3);
    const { document } = await validate(text, others);
    const position = document.textDocument.positionAt(offset);
    return { document, offset, position, params: { textDocument: { uri: document.uri.toString() }, position } };
}

/** The hover markdown at the cursor, or undefined when there is none. */
export async function hoverAt(marked: string, others: Record<string, string> = {}): Promise<string | undefined> {
    const at = await openAt(marked, others);
    const hover = await mregion.lsp.HoverProvider!.getHoverContent(at.document, at.params);
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
}

/** The labels completion offers at the cursor, sorted. */
export async function completionLabelsAt(marked: string, others: Record<string, string> = {}): Promise<string[]> {
    const at = await openAt(marked, others);
    const list = await mregion.lsp.CompletionProvider!.getCompletion(at.document, at.params);
    return (list?.items ?? []).map((i) => i.label).sort();
}
