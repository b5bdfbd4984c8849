// Answers `mregion/exportCdk`: waits until the document is validated, then generates the CDK app in memory
// from its semantic model. The server never writes files; the client writes them where the user chose.
import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { exportCdk } from '../export/cdk/index.js';
import type { MregionServices } from '../language/mregion-module.js';
import { Requests, type ExportCdkParams, type ExportCdkResult } from '../protocol/index.js';
import { validatedDocument } from './validated-document.js';

/** Error diagnostics of the document and every file it imports, as `file:line:column code message`. */
export function designErrors(document: LangiumDocument, mregion: MregionServices): string[] {
    return designDiagnostics(document, mregion, 1);
}

/** Diagnostics of one severity (1 error, 2 warning) of the document and every file it imports, as `file:line:column code message`. */
export function designDiagnostics(document: LangiumDocument, mregion: MregionServices, severity: 1 | 2): string[] {
    const documents = mregion.shared.workspace.LangiumDocuments;
    const closure = [...mregion.semantics.Imports.closure(document)];
    return closure.flatMap((uri) => {
        const doc = uri === document.uri.toString() ? document : documents.getDocument(URI.parse(uri));
        const file = URI.parse(uri).path.split('/').pop() ?? uri;
        return (doc?.diagnostics ?? [])
            .filter((d) => d.severity === severity)
            .map(
                (d) =>
                    `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code ?? (severity === 1 ? 'error' : 'warning'))} ${d.message}`,
            );
    });
}

export async function handleExportCdk(
    params: ExportCdkParams,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
    token?: CancellationToken,
): Promise<ExportCdkResult> {
    const document = await validatedDocument(shared, params.uri, token);
    const { model } = mregion.semantics.Models.modelFor(document);
    return exportCdk(model, designErrors(document, mregion), {
        account: params.account,
        force: params.force,
        designWarnings: designDiagnostics(document, mregion, 2),
    });
}

export function registerExportCdkHandler(
    connection: Connection,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
): void {
    connection.onRequest(Requests.exportCdk, (params: ExportCdkParams, token: CancellationToken) =>
        handleExportCdk(params, shared, mregion, token),
    );
}
