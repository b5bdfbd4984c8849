// What the language server currently knows about a document. The topology request waits until the document
// is validated, so its counts are current even right after the file was opened or edited, unlike the
// Problems panel, which may still show the previous validation.
import { Requests, type TopologyGraph } from '../../protocol/index.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CancellationToken, TextDocument } from 'vscode';

export async function validatedGraph(
    client: LanguageClient,
    document: TextDocument,
    token?: CancellationToken,
): Promise<TopologyGraph> {
    return client.sendRequest<TopologyGraph>(Requests.topology, { uri: document.uri.toString() }, token);
}
