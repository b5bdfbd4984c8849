// Answers `mregion/topology`: waits until the document is validated (so its diagnostics are current),
// then builds the view's graph from the document's semantic model.
import type { LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { Requests, type TopologyGraph, type TopologyParams } from '../protocol/index.js';
import type { MregionServices } from '../language/mregion-module.js';
import { buildTopologyGraph } from './topology-graph.js';
import { validatedDocument } from './validated-document.js';

export function registerTopologyHandler(
    connection: Connection,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
): void {
    connection.onRequest(
        Requests.topology,
        async (params: TopologyParams, token: CancellationToken): Promise<TopologyGraph> => {
            const document = await validatedDocument(shared, params.uri, token);
            const { model } = mregion.semantics.Models.modelFor(document);
            return buildTopologyGraph(model, document.diagnostics ?? []);
        },
    );
}
