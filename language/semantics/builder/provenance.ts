// One provenance object per cited default, shared by every model object that took it: a large design's stores
// each took four or five defaults, and a new `{ kind, source }` for each was about 10 MB per 8 MB of text. The model
// is read-only, so sharing is invisible to its readers. The citations are a closed set (the facts table's ids and
// the few joined lists of them the failover builder makes), so the table stays small.
import type { Provenance } from '../model.js';

const defaults = new Map<string, Provenance>();

/** The provenance of a value taken from the facts table entry `source` cites. */
export function defaultFrom(source: string): Provenance {
    let provenance = defaults.get(source);
    if (!provenance) defaults.set(source, (provenance = Object.freeze({ kind: 'default', source })));
    return provenance;
}

/** The provenance of a value written in the design: one frozen object for every such value. */
export const DECLARED: Provenance = Object.freeze({ kind: 'declared' });
