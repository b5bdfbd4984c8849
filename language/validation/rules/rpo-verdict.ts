// Whether a store's estimated RPO misses an objective: the one test behind rpo-unachievable, shared with the rules
// that stay silent where rpo-unachievable already reports the same store against the same objective.
import {
    estimateRpo,
    judged,
    type JudgedValue,
    type Judge,
    type RpoEstimate,
} from '../../semantics/estimators/index.js';
import type { StoreM } from '../../semantics/model.js';

export interface RpoVerdict {
    readonly rpo: RpoEstimate;
    /** The judged end of the estimate's range; undefined when there is no range (everything since the last copy). */
    readonly verdict: JudgedValue | undefined;
}

/** The estimate and its judged end when they miss `objectiveMs`; undefined when met or when the lag is unknown. */
export function rpoMisses(store: StoreM, objectiveMs: number, judge: Judge): RpoVerdict | undefined {
    const rpo = estimateRpo(store);
    if (rpo.basis === 'unknown') return undefined; // the builder already asks for the missing lag
    const verdict = rpo.range ? judged(rpo.range, judge) : undefined;
    if (verdict !== undefined && verdict.ms <= objectiveMs) return undefined;
    return { rpo, verdict };
}
