// The semantic model as plain JSON-compatible data and back: Maps become arrays of entries, so a model can
// cross a worker boundary (or be written to disk) without depending on how a runtime clones Maps.
import type { Model } from '../language/semantics/model.js';

type MapKeys = 'regions' | 'cells' | 'stores' | 'services' | 'instances' | 'workloads' | 'scenarios';
const MAP_KEYS: readonly MapKeys[] = ['regions', 'cells', 'stores', 'services', 'instances', 'workloads', 'scenarios'];

export type PlainModel = Omit<Model, MapKeys> & { readonly [K in MapKeys]: [string, unknown][] };

export function toPlainModel(model: Model): PlainModel {
    const plain: Record<string, unknown> = {};
    const copies = new Map<object, unknown>();
    for (const [key, value] of Object.entries(model)) {
        plain[key] = (MAP_KEYS as readonly string[]).includes(key)
            ? [...(value as ReadonlyMap<string, unknown>).entries()].map(([k, v]) => [k, plainData(v, copies)])
            : plainData(value, copies);
    }
    return plain as PlainModel;
}

/**
 * A copy of `value` in which every object with a `toJSON` (a model's sources, whose ranges are read from the
 * syntax tree when asked: `language/semantics/builder/node-source.ts`) is replaced by what it returns, as
 * JSON.stringify would; a structured clone would copy the syntax tree instead. An object reached twice is copied
 * once, so the copy shares what the model shares.
 */
function plainData(value: unknown, copies: Map<object, unknown>): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    let copy: unknown;
    if ('toJSON' in value && typeof value.toJSON === 'function') copy = (value.toJSON as () => unknown)();
    else if (Array.isArray(value)) {
        const items: unknown[] = [];
        copies.set(value, items);
        for (const item of value) items.push(plainData(item, copies));
        return items;
    } else if (value instanceof Map) {
        const entries = new Map<unknown, unknown>();
        copies.set(value, entries);
        for (const [k, v] of value) entries.set(k, plainData(v, copies));
        return entries;
    } else if (value instanceof Set) {
        const items = new Set<unknown>();
        copies.set(value, items);
        for (const item of value) items.add(plainData(item, copies));
        return items;
    } else {
        const fields: Record<string, unknown> = {};
        copies.set(value, fields);
        for (const [k, v] of Object.entries(value)) fields[k] = plainData(v, copies);
        return fields;
    }
    copies.set(value, copy);
    return copy;
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
