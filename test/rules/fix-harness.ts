// Applies code actions the way an editor does: ask the provider for the diagnostic's actions, apply the chosen
// workspace edit to the text, validate the result again.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { mregion, validate } from '../helpers/services.js';

export interface Checked {
    readonly uri: string;
    readonly text: string;
    readonly diagnostics: Diagnostic[];
}

export async function check(text: string): Promise<Checked> {
    const { document, diagnostics } = await validate(text);
    return { uri: document.uri.toString(), text: document.textDocument.getText(), diagnostics };
}

export async function actionsFor(
    text: string,
    diagnostic: (d: Diagnostic) => boolean,
): Promise<{ checked: Checked; actions: CodeAction[]; diagnostic: Diagnostic }> {
    const { document, diagnostics } = await validate(text);
    const d = diagnostics.find(diagnostic);
    if (!d)
        throw new Error(`no such diagnostic among:\n${diagnostics.map((x) => `${x.code} ${x.message}`).join('\n')}`);
    const provider = mregion.lsp.CodeActionProvider!;
    const actions = ((await provider.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: d.range,
        context: { diagnostics: [d] },
    })) ?? []) as CodeAction[];
    return {
        checked: { uri: document.uri.toString(), text: document.textDocument.getText(), diagnostics },
        actions,
        diagnostic: d,
    };
}

/** The text after applying `action` (edits to the one document under test). */
export function apply(checked: Checked, action: CodeAction): string {
    const edits = action.edit?.changes?.[checked.uri];
    if (!edits) throw new Error(`action '${action.title}' does not edit the document under test`);
    return TextDocument.applyEdits(TextDocument.create(checked.uri, 'mregion', 1, checked.text), edits);
}
