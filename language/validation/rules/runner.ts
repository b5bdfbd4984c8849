// Runs the design rules over a model: each rule isolated (a rule that throws becomes one `rule-failed`
// diagnostic and the others still run), severities from the configuration, per-cell instances merged.
import type { Model, Range, Severity } from '../../semantics/model.js';
import { CheckerCodes, RULES, type RuleCode } from './catalog.js';
import type { LazyFixes } from './fix.js';
import { sameRange } from './helpers.js';
import type { Finding, Related, Rule } from './rule.js';
import { DEFAULT_JUDGE, type Judge } from '../../semantics/estimators/range.js';
import type { RuleFindingsMemo } from './findings-memo.js';

export type RuleSetting = Severity | 'off';

export interface RuleDiagnostic {
    readonly code: string;
    readonly severity: Severity;
    readonly message: string;
    readonly uri: string;
    readonly range: Range;
    readonly fixes?: LazyFixes;
    readonly related?: readonly Related[];
}

export interface RunOptions {
    /** The configured setting of a rule, when the user changed it. */
    readonly settingOf?: (code: RuleCode) => RuleSetting | undefined;
    /** Findings that wait until what they concern reads and resolves (validation/held-back.ts). */
    readonly heldBack?: (finding: Finding) => boolean;
    /** Which end of an estimate's range the rules judge; the worst by default. */
    readonly judge?: Judge;
    /** The findings of the previous builds of the same document, reused where the model has not changed. */
    readonly memo?: RuleFindingsMemo;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export function runRules(model: Model, rules: readonly Rule[], options: RunOptions = {}): RuleDiagnostic[] {
    const diagnostics: RuleDiagnostic[] = [];
    const judge = options.judge ?? DEFAULT_JUDGE;
    const held = options.heldBack;
    // What merging a rule's findings depends on besides them: the cells their suffixes name.
    const cells = [...model.cells.keys()].join(' ');
    for (const rule of rules) {
        const setting = options.settingOf?.(rule.code);
        if (setting === 'off') continue;
        let found: readonly Finding[];
        try {
            found = options.memo
                ? options.memo.findings(rule, model, judge, (seen) => check(rule, seen, judge))
                : check(rule, model, judge);
        } catch (error) {
            diagnostics.push(ruleFailed(model, rule.code, error));
            continue;
        }
        // Reused findings give the diagnostics they gave (merging them again was ≈ 10 ms of a 50k-line edit);
        // held-back findings depend on the document's errors, so those are merged each time.
        const made =
            options.memo && !held
                ? options.memo.derived(rule, found, `${setting ?? ''}:${cells}`, () =>
                      diagnosticsOf(rule, setting, model, found),
                  )
                : diagnosticsOf(rule, setting, model, held ? found.filter((f) => !held(f)) : found);
        for (const diagnostic of made) diagnostics.push(diagnostic);
    }
    return diagnostics;
}

/** A rule's findings as diagnostics: per-cell instances merged, with the severity configured or the rule's. */
function diagnosticsOf(
    rule: Rule,
    setting: Severity | undefined,
    model: Model,
    findings: readonly Finding[],
): RuleDiagnostic[] {
    const diagnostics: RuleDiagnostic[] = [];
    const defaultSeverity = RULES[rule.code]?.severity ?? 'warning';
    for (const merged of mergeCells(model, findings)) {
        // Optional fields set when present (not spread from a new object each: tens of thousands on a large design).
        const diagnostic: { -readonly [K in keyof RuleDiagnostic]: RuleDiagnostic[K] } = {
            code: rule.code,
            severity: setting ?? merged.severity ?? defaultSeverity,
            message: merged.message,
            uri: merged.uri,
            range: merged.range,
        };
        if (merged.fixes) diagnostic.fixes = merged.fixes;
        if (merged.related && merged.related.length > 0) diagnostic.related = merged.related;
        diagnostics.push(diagnostic);
    }
    return diagnostics;
}

function check(rule: Rule, model: Model, judge: Judge): Finding[] {
    const findings: Finding[] = [];
    rule.check({ model, judge, report: (f) => findings.push(f) });
    return findings;
}

function ruleFailed(model: Model, code: string, error: unknown): RuleDiagnostic {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        code: CheckerCodes.RuleFailed,
        severity: 'error',
        uri: model.uri,
        range: model.topology?.source.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `the rule ${code} failed (${reason}) and checked nothing in this file; the other rules ran. Please report this file`,
    };
}

/**
 * Where a range starts, as one number: distinct for every line and column of a design file (each is below 2^24, a
 * file being at most 16 MiB: docs/limits.md), and only a grouping key (`sameGroup` compares the whole range).
 */
function startKey(r: Range): number {
    return r.start.line * 2 ** 24 + r.start.character;
}

function sameGroup(opened: Finding, f: Finding, says: string): boolean {
    return sameRange(opened.range, f.range) && opened.uri === f.uri && (opened.key ?? opened.message) === says;
}

/**
 * Per-cell declarations are expanded to one instance per cell sharing one Source: their findings are one
 * diagnostic when they say the same thing; when the numbers differ, each message names its cells.
 */
function mergeCells(model: Model, findings: readonly Finding[]): Finding[] {
    // Grouped by where they start first (a number: a string key per finding made merging a noticeable part of
    // checking a large design), then by where they end, their file and what they say.
    // Each group starts with the finding that opened it.
    type Group = [Finding, ...Finding[]];
    const groups: Group[] = [];
    const byStart = new Map<number, Group[]>();
    for (const f of findings) {
        const at = startKey(f.range);
        let candidates = byStart.get(at);
        if (!candidates) byStart.set(at, (candidates = []));
        const says = f.key ?? f.message;
        const group = candidates.find((g) => sameGroup(g[0], f, says));
        if (group) {
            group.push(f);
        } else {
            const created: Group = [f];
            candidates.push(created);
            groups.push(created);
        }
    }
    const allCells = [...model.cells.keys()];
    const result: Finding[] = [];
    for (const group of groups) {
        if (group.length === 1 && group[0].cell === undefined) {
            result.push(group[0]);
            continue;
        }
        const byMessage = new Map<string, Group>();
        for (const f of group) {
            const same = byMessage.get(f.message);
            if (same) same.push(f);
            else byMessage.set(f.message, [f]);
        }
        for (const [message, same] of byMessage) {
            const cells = [...new Set(same.map((f) => f.cell).filter((c): c is string => c !== undefined))];
            const everyCell = cells.length === 0 || (byMessage.size === 1 && cells.length === allCells.length);
            const suffix = everyCell ? '' : ` (cell${cells.length > 1 ? 's' : ''} ${cells.join(', ')})`;
            const severity = same
                .map((f) => f.severity)
                .filter((s): s is Severity => s !== undefined)
                .sort((a, b) => RANK[a] - RANK[b])[0];
            result.push({ ...same[0], message: `${message}${suffix}`, severity });
        }
    }
    return result;
}
