// Reports the problems found while building the semantic model (units, ranges, missing properties,
// duplicates, per-cell expansion), then runs the design rules over the model with the document's rule
// configuration and suppression comments. Only problems located in the validated document are reported
// here; those in imported files are reported when that file is validated.
import { AstUtils, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import type { Problem, Range } from '../semantics/model.js';
import type { ModelProvider } from '../workspace/model-provider.js';
import type { RuleConfigProvider } from './config/rule-config-provider.js';
import { applySuppressions, parseSuppressions, type Targets } from './config/suppressions.js';
import { CheckerCodes, isRuleCode } from './rules/catalog.js';
import { ruleCodeDescription } from './rules/docs-link.js';
import type { Fix } from './rules/fix.js';
import { diagnosticData } from './lazy-fixes.js';
import type { Finding, Rule } from './rules/rule.js';
import { heldBackIn } from './held-back.js';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { runRules, type RuleDiagnostic } from './rules/runner.js';
import { RuleFindingsMemo } from './rules/findings-memo.js';

/**
 * Problems with the text as written, true whatever the rest of the design says; the others (a missing property, a
 * value out of range for the regions listed) may be the consequence of a clause the parser skipped or a name that
 * did not resolve, and wait with the design findings (held-back.ts).
 */
const TEXTUAL: ReadonlySet<string> = new Set([
    ProblemCodes.WrongUnit,
    ProblemCodes.MissingUnit,
    ProblemCodes.DuplicateClause,
    ProblemCodes.DuplicateName,
    ProblemCodes.UnknownImport,
]);

const TOP_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface SuppressedFinding {
    readonly diagnostic: RuleDiagnostic;
    /** The reason its suppression comment gives. */
    readonly reason: string;
}

/** What the last check of each document suppressed (SARIF reports them as suppressed results). */
const suppressedByDocument = new WeakMap<LangiumDocument, readonly SuppressedFinding[]>();

/**
 * Each document's rule findings (rules/findings-memo.ts), kept from its second validation on: a document validated
 * once — every document of a CLI run, a workspace file nobody edits — keeps none and pays nothing for them. Null
 * marks a document validated once.
 */
const findingsByDocument = new WeakMap<LangiumDocument, RuleFindingsMemo | null>();

function findingsMemoFor(document: LangiumDocument): RuleFindingsMemo | undefined {
    const memo = findingsByDocument.get(document);
    if (memo) return memo;
    const made = memo === null ? new RuleFindingsMemo() : null;
    findingsByDocument.set(document, made);
    return made ?? undefined;
}

/** The memo of a document's rule findings, if it has been validated more than once (for the tests). */
export function findingsMemoIn(document: LangiumDocument): RuleFindingsMemo | undefined {
    return findingsByDocument.get(document) ?? undefined;
}

export function suppressedIn(document: LangiumDocument): readonly SuppressedFinding[] {
    return suppressedByDocument.get(document) ?? [];
}

export function checkModel(models: ModelProvider, ruleConfig?: RuleConfigProvider, rules: readonly Rule[] = []) {
    return async (root: Document, accept: ValidationAcceptor): Promise<void> => {
        const document = AstUtils.getDocument(root);
        const { model, problems } = models.modelFor(document);
        const uri = document.uri.toString();
        const held = heldBackIn(document);
        for (const p of problems) {
            if (p.uri !== uri) continue;
            if (held && !TEXTUAL.has(p.code) && held.covers(p.range)) continue;
            acceptProblem(accept, root, p);
        }
        suppressedByDocument.delete(document);
        if (rules.length === 0) return;

        const config = ruleConfig ? await ruleConfig.configFor(document) : undefined;
        for (const message of config?.problems ?? []) {
            accept('warning', message, {
                node: root,
                range: TOP_OF_FILE,
                code: CheckerCodes.InvalidConfig,
                data: { code: CheckerCodes.InvalidConfig },
            });
        }
        const found = runRules(model, rules, {
            settingOf: (code) => config?.settingOf(code),
            ...(config ? { judge: config.judge } : {}),
            ...(held ? { heldBack: (f: Finding) => f.uri === uri && held.covers(f.range, f.cell) } : {}),
            memo: findingsMemoFor(document),
        }).filter((d) => d.uri === uri);
        const suppressions = parseSuppressions(document.textDocument.getText(), targetsOf(document));
        const {
            kept,
            suppressed,
            problems: suppressionProblems,
        } = applySuppressions(found, suppressions, (code) => isRuleCode(code) && config?.settingOf(code) === 'off');
        for (const d of kept) acceptRuleDiagnostic(accept, root, d);
        suppressedByDocument.set(document, suppressed);
        for (const p of suppressionProblems) {
            accept(p.severity, p.message, {
                node: root,
                range: p.range,
                code: p.code,
                data: { code: p.code },
                ...(p.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
            });
        }
    };
}

export function acceptProblem(accept: ValidationAcceptor, root: Document, p: Problem): void {
    accept(p.severity, p.message, {
        node: root,
        range: p.range,
        code: p.code,
        data: problemData(p),
    });
}

/** A problem's `data`, with the quick fixes it describes (a consensus store's leader) kept beside it (lazy-fixes.ts). */
function problemData(p: Problem): Record<string, unknown> {
    if (!p.data) return diagnosticData(p.code, undefined);
    const { fixes, ...rest } = p.data as { readonly fixes?: readonly Fix[] };
    return diagnosticData(p.code, fixes ? () => fixes : undefined, rest);
}

function acceptRuleDiagnostic(accept: ValidationAcceptor, root: Document, d: RuleDiagnostic): void {
    accept(d.severity, d.message, {
        node: root,
        range: d.range,
        code: d.code,
        ...(isRuleCode(d.code) ? { codeDescription: ruleCodeDescription(d.code) } : {}),
        ...(d.related
            ? {
                  relatedInformation: d.related.map((r) => ({
                      location: { uri: r.uri, range: r.range },
                      message: r.message,
                  })),
              }
            : {}),
        data: diagnosticData(d.code, d.fixes),
    });
}

/**
 * Declarations (and the clauses inside them) by the line they start on, for suppression comments. Built on the
 * first question, so a file without suppression comments never pays for it.
 */
function targetsOf(document: LangiumDocument): Targets {
    let byLine: Map<number, Range> | undefined;
    const index = (): Map<number, Range> => {
        const lines = new Map<number, Range>();
        const root = document.parseResult.value as Document;
        const top = [...(root.topology ? [root.topology] : []), ...(root.elements ?? [])];
        for (const element of top) {
            const range = element.$cstNode?.range;
            if (range && !lines.has(range.start.line)) lines.set(range.start.line, range);
        }
        for (const element of top) {
            for (const child of AstUtils.streamContents(element)) {
                const range = child.$cstNode?.range;
                if (range && !lines.has(range.start.line)) lines.set(range.start.line, range);
            }
        }
        return lines;
    };
    return { at: (line) => (byLine ??= index()).get(line) };
}
