// Finds the .mregion document a command acts on: the URI a code lens or menu passed, else the active
// editor. Opening it makes the language client send it to the server, so requests about it can be answered.
import * as path from 'node:path';
import { messageOf } from './messages.js';
import { DiagnosticSeverity, Uri, commands, languages, window, workspace, type TextDocument } from 'vscode';
import type { Notices } from '../notices.js';

export async function targetDocument(
    notices: Notices,
    arg: unknown,
    action: string,
): Promise<TextDocument | undefined> {
    const uri = typeof arg === 'string' ? Uri.parse(arg) : arg instanceof Uri ? arg : shownDocument();
    if (!uri) {
        void notices.show('warning', `Open a .mregion file to ${action}.`);
        return undefined;
    }
    let document: TextDocument;
    try {
        document = await workspace.openTextDocument(uri);
    } catch (error) {
        void notices.show('error', `Cannot open ${uri.fsPath || uri.toString()}: ${messageOf(error)}`);
        return undefined;
    }
    if (document.languageId !== 'mregion') {
        void notices.show('warning', `${fileName(document)} is not a .mregion file; open one to ${action}.`);
        return undefined;
    }
    return document;
}

/** The active .mregion editor, else (when a view or panel has focus) the .mregion file shown beside it. */
function shownDocument(): Uri | undefined {
    const active = window.activeTextEditor?.document;
    if (active?.languageId === 'mregion') return active.uri;
    return window.visibleTextEditors.find((e) => e.document.languageId === 'mregion')?.document.uri ?? active?.uri;
}

export function fileName(document: TextDocument): string {
    return path.basename(document.uri.path) || document.uri.toString();
}

/**
 * Refuses to go on when the server reported errors in the file: a simulation or export of a design that
 * does not mean what it says would give numbers nobody should trust. `firstError` ("line 3: …") names the
 * first of them when the caller knows which errors count; else the first error diagnostic of the file does.
 */
export function refuseWithErrors(
    notices: Notices,
    document: TextDocument,
    errorCount: number,
    action: string,
    firstError?: string,
): boolean {
    if (errorCount === 0) return false;
    const errors = languages.getDiagnostics(document.uri).filter((d) => d.severity === DiagnosticSeverity.Error);
    const first =
        firstError !== undefined
            ? ` First: ${firstError}`
            : errors[0]
              ? ` First: line ${errors[0].range.start.line + 1}: ${errors[0].message}`
              : '';
    // Not awaited: the command ends now; the button works for as long as the notification is shown.
    void notices
        .show(
            'error',
            `Cannot ${action}: ${fileName(document)} has ${errorCount} error${errorCount === 1 ? '' : 's'}. Fix ${errorCount === 1 ? 'it' : 'them'} first.${first}`,
            'Show Problems',
        )
        .then((choice) => choice === 'Show Problems' && commands.executeCommand('workbench.actions.view.problems'));
    return true;
}
