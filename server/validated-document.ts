// The document a custom request names, once it is validated (so its diagnostics and model are current). Langium's
// waitUntil rejects with a plain error for a document the server does not have, and with OperationCancelled when
// the client cancels: JSON-RPC answers both as internal errors, which editors log as server failures. They are
// invalid params and a cancelled request.
import {
    DocumentState,
    isOperationCancelled,
    URI,
    type LangiumDocument,
    type LangiumSharedCoreServices,
} from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** JSON-RPC's "invalid params": the client asked about a document the server does not know. */
const InvalidParams = -32602;

export async function validatedDocument(
    shared: LangiumSharedCoreServices,
    uri: string,
    token?: CancellationToken,
): Promise<LangiumDocument> {
    const parsed = URI.parse(uri);
    const notOpen = () => new ResponseError(InvalidParams, `${uri} is not open in the language server`);
    if (!shared.workspace.LangiumDocuments.getDocument(parsed)) throw notOpen();
    try {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
    } catch (error) {
        if (isOperationCancelled(error))
            throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
        throw error;
    }
    const document = shared.workspace.LangiumDocuments.getDocument(parsed);
    if (!document) throw notOpen();
    return document;
}
