// The semantic model as plain JSON-compatible data and back: Maps become arrays of entries, so a model can
// cross a worker boundary (or be written to disk) without depending on how a runtime clones Maps.
import type { Model } from '../language/semantics/model.js';

type MapKeys = 'regions' | 'cells' | 'stores' | 'services' | 'instances' | 'workloads' | 'scenarios';
const MAP_KEYS: readonly MapKeys[] = ['regions', 'cells', 'stores', 'services', 'instances', 'workloads', 'scenarios'];

export type PlainModel = Omit<Model, MapKeys> & { readonly [K in MapKeys]: [string, unknown][] };

export function toPlainModel(model: Model): PlainModel {
    const plain: Record<string, unknown> = { ...model };
    for (const key of MAP_KEYS) plain[key] = [...(model[key] as ReadonlyMap<string, unknown>).entries()];
    return plain as PlainModel;
}

export function fromPlainModel(plain: PlainModel): Model {
    const model: Record<string, unknown> = { ...plain };
    for (const key of MAP_KEYS) {
        const entries = plain[key];
        if (!Array.isArray(entries)) throw new Error(`not a serialized model: '${key}' is missing`);
        model[key] = new Map(entries);
    }
    return model as unknown as Model;
}
