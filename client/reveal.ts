// Opens a declaration in the editor: the rows of the simulation view and the boxes of the topology view
// link back to where they were declared (a timeline row to the clause that caused it).
import { Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace } from 'vscode';
import type { SourceLocation } from '../protocol/webview-messages.js';

export async function revealDeclaration(target: SourceLocation): Promise<void> {
    const document = await workspace.openTextDocument(Uri.parse(target.uri));
    const { start, end } = target.range;
    const range = new Range(start.line, start.character, end.line, end.character);
    // Open beside the view that asked, in the column the file is already shown in when there is one.
    const shown = window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    const editor = await window.showTextDocument(document, {
        viewColumn: shown?.viewColumn ?? ViewColumn.One,
        preserveFocus: false,
    });
    editor.selection = new Selection(range.start, range.start);
    // Centre the clause's first line (where the cursor goes): a block's whole range may be taller than the editor.
    editor.revealRange(new Range(range.start, range.start), TextEditorRevealType.InCenterIfOutsideViewport);
}
