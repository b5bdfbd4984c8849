// `// mregion-ignore <code>[, <code>…]: <reason>` on the line(s) directly above a declaration (or above a clause
// inside one) suppresses those rules there. A reason is mandatory; a suppression that names no design rule,
// has no reason, or sits above nothing is reported; one that suppresses nothing is a hint.
import type { Range } from '../../semantics/model.js';
import { ProblemCodes } from '../../semantics/problem-codes.js';
import { closestName } from '../../util/closest.js';
import { CheckerCodes, RULE_CODES, isRuleCode } from '../rules/catalog.js';

export const SUPPRESSION_KEYWORD = 'mregion-ignore';
/** Inserted by the "suppress" quick fix; a reason still in angle brackets counts as no reason. */
export const REASON_PLACEHOLDER = '<why this is acceptable>';

export interface SuppressedCode {
    readonly code: string;
    readonly range: Range;
}

export interface Suppression {
    /** The comment line. */
    readonly range: Range;
    readonly codes: readonly SuppressedCode[];
    readonly reason?: string;
    /** What it applies to: the declaration or clause starting on the first non-comment line below it. */
    readonly target?: Range;
}

/** Declarations and clauses, by the line they start on (the caller reads them from the AST). */
export interface Targets {
    at(line: number): Range | undefined;
}

const COMMENT = /^(\s*)\/\/\s*mregion-ignore\b(.*)$/;

export function parseSuppressions(text: string, targets: Targets): Suppression[] {
    // Most files have none; splitting a large file into lines on every check is not free.
    if (!text.includes(SUPPRESSION_KEYWORD)) return [];
    const lines = text.split(/\r?\n/);
    const result: Suppression[] = [];
    lines.forEach((line, index) => {
        const match = COMMENT.exec(line);
        if (!match) return;
        // Both groups always take part in a match: the indent (maybe empty) and the rest of the line.
        const [, indent = '', rest = ''] = match;
        const restStart = line.length - rest.length;
        const colon = rest.indexOf(':');
        const codesText = colon >= 0 ? rest.slice(0, colon) : rest;
        const codes: SuppressedCode[] = [];
        const codePattern = /[A-Za-z0-9_-]+/g;
        for (let m = codePattern.exec(codesText); m; m = codePattern.exec(codesText)) {
            const start = restStart + m.index;
            codes.push({
                code: m[0],
                range: {
                    start: { line: index, character: start },
                    end: { line: index, character: start + m[0].length },
                },
            });
        }
        const reasonText = colon >= 0 ? rest.slice(colon + 1).trim() : '';
        const reason = reasonText === '' || /^<.*>$/.test(reasonText) ? undefined : reasonText;
        let next = index + 1;
        while (/^\s*\/\//.test(lines[next] ?? '')) next++;
        result.push({
            range: {
                start: { line: index, character: indent.length },
                end: { line: index, character: line.length },
            },
            codes,
            reason,
            target: next < lines.length ? targets.at(next) : undefined,
        });
    });
    return result;
}

export interface SuppressibleDiagnostic {
    readonly code: string;
    readonly range: Range;
}

export interface SuppressionProblem {
    readonly code: string;
    readonly severity: 'warning' | 'hint';
    readonly message: string;
    readonly range: Range;
    readonly unnecessary?: boolean;
}

export interface SuppressionResult<D> {
    readonly kept: D[];
    readonly suppressed: { readonly diagnostic: D; readonly reason: string }[];
    readonly problems: SuppressionProblem[];
}

const STANDARD_CODES: ReadonlySet<string> = new Set<string>(Object.values(ProblemCodes));

function inside(range: Range, target: Range): boolean {
    const after = (a: Range['start'], b: Range['start']) =>
        a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(range.start, target.start) && after(target.end, range.start);
}

/**
 * Applies the valid suppressions to `diagnostics` (design-rule diagnostics only) and reports the invalid
 * and unused ones. `isOff` says which rules are turned off, whose suppressions are then not "unused".
 */
export function applySuppressions<D extends SuppressibleDiagnostic>(
    diagnostics: readonly D[],
    suppressions: readonly Suppression[],
    isOff: (code: string) => boolean,
): SuppressionResult<D> {
    const problems: SuppressionProblem[] = [];
    const active: { s: Suppression; c: SuppressedCode; target: Range; reason: string; used: boolean }[] = [];
    for (const s of suppressions) {
        if (s.codes.length === 0) {
            problems.push({
                code: CheckerCodes.InvalidSuppression,
                severity: 'warning',
                range: s.range,
                message: `name the rule to suppress and why: // ${SUPPRESSION_KEYWORD} <rule-code>: <reason>`,
            });
            continue;
        }
        let valid = true;
        for (const c of s.codes) {
            if (isRuleCode(c.code)) continue;
            valid = false;
            const guess = closestName(c.code, RULE_CODES);
            problems.push({
                code: CheckerCodes.InvalidSuppression,
                severity: 'warning',
                range: c.range,
                message: STANDARD_CODES.has(c.code)
                    ? `'${c.code}' is a language check, not a design rule: correct the text instead of suppressing it`
                    : `'${c.code}' is not a design rule${guess ? ` — did you mean '${guess}'?` : ''}`,
            });
        }
        if (s.reason === undefined) {
            valid = false;
            problems.push({
                code: CheckerCodes.InvalidSuppression,
                severity: 'warning',
                range: s.range,
                message: `a suppression needs a reason after a colon, e.g. // ${SUPPRESSION_KEYWORD} ${s.codes[0]?.code ?? '<rule-code>'}: legacy resolvers pin 300 s — it does not apply until it has one`,
            });
        }
        if (s.target === undefined) {
            valid = false;
            problems.push({
                code: CheckerCodes.InvalidSuppression,
                severity: 'warning',
                range: s.range,
                message: `a suppression applies to the declaration or clause on the line directly below it, and none starts there`,
            });
        }
        const { target, reason } = s;
        if (valid && target && reason !== undefined)
            for (const c of s.codes) active.push({ s, c, target, reason, used: false });
    }
    const kept: D[] = [];
    const suppressed: { diagnostic: D; reason: string }[] = [];
    for (const d of diagnostics) {
        const by = isRuleCode(d.code) ? active.filter((a) => a.c.code === d.code && inside(d.range, a.target)) : [];
        const [first] = by;
        if (!first) {
            kept.push(d);
            continue;
        }
        by.forEach((a) => {
            a.used = true;
        });
        suppressed.push({ diagnostic: d, reason: first.reason });
    }
    for (const a of active) {
        if (a.used || isOff(a.c.code)) continue;
        problems.push({
            code: CheckerCodes.UnusedSuppression,
            severity: 'hint',
            range: a.c.range,
            unnecessary: true,
            message: `${a.c.code} reports nothing here: this suppression can go`,
        });
    }
    return { kept, suppressed, problems };
}
