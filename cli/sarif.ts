// SARIF 2.1.0 output of `mregion check`, for code-scanning dashboards (GitHub, Azure DevOps, VS Code's SARIF
// viewer). Rule metadata comes from the same catalog the editor uses, with each rule's documentation embedded
// so the log is useful without the docs folder.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../language/semantics/model.js';
import { itemAt } from '../language/util/item-at.js';
import { STANDARD_CHECK_DESCRIPTIONS } from '../language/semantics/problem-codes.js';
import { suppressedIn } from '../language/validation/model-checks.js';
import { CHECKER_CODE_DESCRIPTIONS, RULES, RULE_CODES } from '../language/validation/rules/catalog.js';
import { ruleDocMarkdown, ruleDocUri } from '../language/validation/rules/docs-link.js';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<number, Level>> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };
const SEVERITY_LEVEL: Readonly<Record<Severity, Level>> = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    hint: 'note',
};

export interface SarifRule {
    readonly id: string;
    readonly name: string;
    readonly shortDescription: { readonly text: string };
    readonly fullDescription: { readonly text: string };
    readonly help?: { readonly text: string; readonly markdown?: string };
    readonly helpUri?: string;
    readonly defaultConfiguration: { readonly level: Level };
    readonly properties: { readonly category: string; readonly tags: readonly string[] };
}

function pascal(code: string): string {
    return code
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}

/** Every code `mregion check` can report: the 20 design rules, the language checks and the checker's own. */
export function sarifRules(): SarifRule[] {
    const design = RULE_CODES.map((code): SarifRule => {
        const rule = RULES[code];
        const quickFixes =
            rule.quickFixes.length > 0 ? ` Quick fixes in the editor: ${rule.quickFixes.join('; ')}.` : '';
        const markdown = ruleDocMarkdown(code);
        return {
            id: code,
            name: pascal(code),
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.description },
            help: { text: `${rule.fix}${quickFixes}`, ...(markdown ? { markdown } : {}) },
            helpUri: ruleDocUri(code),
            defaultConfiguration: { level: SEVERITY_LEVEL[rule.severity] },
            properties: { category: rule.category, tags: ['design-rule', rule.category] },
        };
    });
    const language = Object.entries(STANDARD_CHECK_DESCRIPTIONS).map(([code, text]): SarifRule => ({
        id: code,
        name: pascal(code),
        shortDescription: { text },
        fullDescription: { text },
        defaultConfiguration: { level: 'error' },
        properties: { category: 'language', tags: ['language-check'] },
    }));
    const checker = Object.entries(CHECKER_CODE_DESCRIPTIONS).map(([code, text]): SarifRule => ({
        id: code,
        name: pascal(code),
        shortDescription: { text },
        fullDescription: { text },
        defaultConfiguration: {
            level: code === 'rule-failed' ? 'error' : code === 'unused-suppression' ? 'note' : 'warning',
        },
        properties: { category: 'checker', tags: ['checker'] },
    }));
    return [...design, ...language, ...checker];
}

interface ArtifactLocation {
    readonly uri: string;
    readonly uriBaseId?: string;
}

/** Paths below the working directory are relative to %SRCROOT% (so the log is portable); others are absolute. */
function artifact(fsPath: string, cwd: string): ArtifactLocation {
    const relative = path.relative(cwd, fsPath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(fsPath).href };
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Diagnostic['range']) {
    // SARIF lines and columns are 1-based; LSP ranges are zero-based with an exclusive end (both count UTF-16 units).
    return {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
    };
}

function fsPathOf(uri: string): string | undefined {
    try {
        const url = new URL(uri);
        return url.protocol === 'file:' ? decodeURIComponent(url.pathname) : undefined;
    } catch {
        return undefined;
    }
}

export interface SarifOptions {
    readonly version: string;
    readonly cwd?: string;
    readonly exitCode?: number;
}

export function toSarif(documents: readonly LangiumDocument[], options: SarifOptions) {
    const cwd = options.cwd ?? process.cwd();
    const rules = sarifRules();
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const artifacts = documents.map((d) => ({ location: artifact(d.uri.fsPath, cwd) }));
    const result = (d: Diagnostic, index: number, suppression?: string) => {
        const location = itemAt(artifacts, index, 'SARIF artifact').location;
        const code = String(d.code ?? 'unknown');
        const related = (d.relatedInformation ?? []).flatMap((r, i) => {
            const fsPath = fsPathOf(r.location.uri);
            return fsPath
                ? [
                      {
                          id: i + 1,
                          message: { text: r.message },
                          physicalLocation: {
                              artifactLocation: artifact(fsPath, cwd),
                              region: region(r.location.range),
                          },
                      },
                  ]
                : [];
        });
        return {
            ruleId: code,
            ...(ruleIndex.has(code) ? { ruleIndex: ruleIndex.get(code)! } : {}),
            level: LEVEL[d.severity ?? 1] ?? 'error',
            message: { text: typeof d.message === 'string' ? d.message : String(d.message) },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { ...location, index },
                        region: region(d.range),
                    },
                },
            ],
            ...(related.length > 0 ? { relatedLocations: related } : {}),
            // A finding silenced by `// mregion-ignore <code>: <reason>` stays in the log, marked suppressed in source.
            ...(suppression !== undefined
                ? { suppressions: [{ kind: 'inSource' as const, justification: suppression }] }
                : {}),
        };
    };
    const results = documents.flatMap((document, index) => [
        ...(document.diagnostics ?? []).map((d) => result(d, index)),
        ...suppressedIn(document).map((s) =>
            result(
                {
                    range: s.diagnostic.range,
                    message: s.diagnostic.message,
                    code: s.diagnostic.code,
                    severity: ({ error: 1, warning: 2, info: 3, hint: 4 } as const)[s.diagnostic.severity],
                },
                index,
                s.reason,
            ),
        ),
    ]);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0' as const,
        runs: [
            {
                tool: { driver: { name: 'mregion', semanticVersion: options.version, rules } },
                originalUriBaseIds: {
                    '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href },
                },
                artifacts,
                results,
                columnKind: 'utf16CodeUnits' as const,
                ...(options.exitCode !== undefined
                    ? { invocations: [{ executionSuccessful: true, exitCode: options.exitCode }] }
                    : {}),
            },
        ],
    };
}
