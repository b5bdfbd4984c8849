// A number or value the product uses, with the entry of docs/facts.md that documents it (value, kind of figure,
// public source, date checked), so a hover, a rule message or a report can say why a default is what it is.
import { factRef, type FactId } from './citation.js';

export interface Fact<T> {
    readonly value: T;
    /** Anchor of the entry in docs/facts.md. */
    readonly id: FactId;
    /** What the value is, then its citation, e.g. "FailureThreshold default 3 (docs/facts.md#route53-failure-threshold)". */
    readonly source: string;
}

export function fact<T>(value: T, id: FactId, what: string): Fact<T> {
    return { value, id, source: `${what} (${factRef(id)})` };
}
