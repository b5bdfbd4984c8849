// Helpers of the end-to-end suite: the extension under test, the test workspace, and waits that end on a VS
// Code event (never a fixed sleep), each with a deadline so a missing event fails with a clear message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MregionApi, RenderedView } from '../../../client/api.js';

export const extensionId = 'mregion.mregion';

export async function extensionApi(): Promise<{ api: MregionApi; extension: vscode.Extension<MregionApi> }> {
    const extension = vscode.extensions.getExtension<MregionApi>(extensionId);
    assert.ok(extension, `extension ${extensionId} is installed`);
    const api = await extension.activate();
    return { api, extension };
}

export function workspaceFile(...parts: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function open(...parts: string[]): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(...parts));
    await vscode.window.showTextDocument(document);
    return document;
}

/** Resolves with the first value `check` returns (checked now and on every `event`), or fails after `ms`. */
export function waitFor<E, T>(
    event: vscode.Event<E>,
    check: () => T | undefined,
    what: string,
    ms = 30_000,
): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const done = (fn: () => void) => {
            listener.dispose();
            clearTimeout(timer);
            fn();
        };
        const attempt = () => {
            try {
                const value = check();
                if (value !== undefined) done(() => resolve(value));
            } catch (error) {
                done(() => reject(error));
            }
        };
        const listener = event(attempt);
        const timer = setTimeout(
            () => done(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`))),
            ms,
        );
        attempt();
    });
}

export function waitForDiagnostics(
    uri: vscode.Uri,
    accept: (d: readonly vscode.Diagnostic[]) => boolean,
    what: string,
): Promise<readonly vscode.Diagnostic[]> {
    return waitFor(
        vscode.languages.onDidChangeDiagnostics,
        () => {
            const diagnostics = vscode.languages.getDiagnostics(uri);
            return accept(diagnostics) ? diagnostics : undefined;
        },
        what,
    );
}

/** The next render of a view for `uri` that satisfies `accept` (the last one counts when it already does). */
export function waitForRender(
    probe: MregionApi['topologyView'],
    uri: vscode.Uri,
    accept: (v: RenderedView) => boolean,
    what: string,
    includeLast = true,
): Promise<RenderedView> {
    let seen: RenderedView | undefined = includeLast ? probe.last : undefined;
    const listener = probe.onDidRender((v) => {
        seen = v;
    });
    return waitFor(
        probe.onDidRender,
        () => (seen && seen.uri === uri.toString() && accept(seen) ? seen : undefined),
        what,
    ).finally(() => listener.dispose());
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
    return diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''))).sort();
}
