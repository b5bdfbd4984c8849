// A value worked out from a model on first use and kept as long as the model lives. The model is immutable once
// built, so a kept value never goes stale; an edit builds a new model, and with it new values.
import type { Model } from './model.js';

export interface PerModel<T> {
    /** The value for `model`, worked out on the first call. */
    (model: Model): T;
    /** The value for `model` if something has asked for it already (for counters and tests). */
    peek(model: Model): T | undefined;
}

export function perModel<T>(build: (model: Model) => T): PerModel<T> {
    const built = new WeakMap<Model, T>();
    const get = (model: Model): T => {
        let value = built.get(model);
        if (value === undefined) {
            value = build(model);
            built.set(model, value);
        }
        return value;
    };
    return Object.assign(get, { peek: (model: Model) => built.get(model) });
}
