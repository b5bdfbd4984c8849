// Answers `mregion/topology`: waits until the document is validated (so its diagnostics are current),
// then builds the view's graph from the document's semantic model.
import { DocumentState, URI, type LangiumSharedCoreServices } from 'langium';
import { ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { Requests, type TopologyGraph, type TopologyParams } from '../protocol/index.js';
import type { MregionServices } from '../language/mregion-module.js';
import { buildTopologyGraph } from './topology-graph.js';

/** JSON-RPC's "invalid params": the client asked about a document the server does not know. */
const InvalidParams = -32602;

export function registerTopologyHandler(connection: Connection, shared: LangiumSharedCoreServices, mregion: MregionServices): void {
    connection.onRequest(Requests.topology, async (params: TopologyParams, token: CancellationToken): Promise<TopologyGraph> => {
        const uri = URI.parse(params.uri);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new ResponseError(InvalidParams, `${params.uri} is not open in the language server`);
        const { model } = mregion.semantics.Models.modelFor(document);
        return buildTopologyGraph(model, document.diagnostics ?? []);
    });
}
