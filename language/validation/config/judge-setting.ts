// Which end of an estimate's range the rules judge: `judge` in .mregion.json and the `mregion.judge` setting,
// "worst" (the default) or "typical". Anything else is reported, never silently ignored.
import { JUDGES, type Judge } from '../../semantics/estimators/range.js';

export interface ParsedJudge {
    /** Undefined when not set (null counts as not set: the editor setting's default). */
    readonly judge?: Judge;
    readonly problems: readonly string[];
}

/** Reads a `judge` value; `where` names its origin in problems ("setting mregion.judge", ".mregion.json \"judge\""). */
export function parseJudge(value: unknown, where: string): ParsedJudge {
    if (value === undefined || value === null) return { problems: [] };
    if (typeof value === 'string' && (JUDGES as readonly string[]).includes(value))
        return { judge: value as Judge, problems: [] };
    return {
        problems: [
            `${where} must be ${JUDGES.map((j) => `"${j}"`).join(' or ')} (which end of an estimate's range the rules judge), not ${JSON.stringify(value)}`,
        ],
    };
}
