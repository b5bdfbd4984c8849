// The model of a design's text, built by the same Langium services the product uses (one instance per
// benchmark process, a fresh document per design). Checking is optional: the benches that time the
// simulation alone leave validation out.
import { EmptyFileSystem, URI } from 'langium';
import { createMregionServices } from '../../language/mregion-module.js';
import type { Model } from '../../language/semantics/model.js';

const services = createMregionServices(EmptyFileSystem).Mregion;
let documents = 0;

export async function modelOf(text: string, validation = true): Promise<Model> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(
        text,
        URI.parse(`file:///bench/d${++documents}.mregion`),
    );
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation });
    return services.semantics.Models.modelFor(document).model;
}
