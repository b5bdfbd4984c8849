// A table-driven harness for design rules, in the spirit of typescript-eslint's RuleTester: each valid case
// must produce no diagnostic of the rule, each invalid one must produce it on the expected text.
import { describe as group, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES, type RuleCode } from '../../language/validation/rules/catalog.js';
import { validate } from '../helpers/services.js';

export interface ValidCase {
    readonly name: string;
    readonly text: string;
}

export interface InvalidCase extends ValidCase {
    /** The exact text the diagnostic's range covers (the offending property). */
    readonly at: string;
    /** Fragments the message must contain (the numbers the checker computed). */
    readonly says?: readonly string[];
    readonly severity?: 'error' | 'warning' | 'info' | 'hint';
    /** How many diagnostics of the rule (default 1). */
    readonly count?: number;
}

const SEVERITY: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Codes of the language checks: a case that trips one of these tests nothing about the rule. */
function languageErrors(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter((d) => d.severity === 1 && !(String(d.code) in RULES))
        .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}

export async function diagnosticsOf(text: string): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const { document, diagnostics } = await validate(text);
    return { text: document.textDocument.getText(), diagnostics };
}

export function textAt(text: string, d: Diagnostic): string {
    const lines = text.split('\n');
    if (d.range.start.line === d.range.end.line)
        return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
    return [
        lines[d.range.start.line]!.slice(d.range.start.character),
        ...lines.slice(d.range.start.line + 1, d.range.end.line),
        lines[d.range.end.line]!.slice(0, d.range.end.character),
    ].join('\n');
}

export function ruleCases(
    code: RuleCode,
    cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): void {
    group(`${code}`, () => {
        for (const c of cases.valid) {
            it(`passes: ${c.name}`, async () => {
                const { diagnostics } = await diagnosticsOf(c.text);
                expect(languageErrors(diagnostics)).toEqual([]);
                expect(diagnostics.filter((d) => d.code === code).map((d) => d.message)).toEqual([]);
            });
        }
        for (const c of cases.invalid) {
            it(`flags: ${c.name}`, async () => {
                const { text, diagnostics } = await diagnosticsOf(c.text);
                expect(languageErrors(diagnostics)).toEqual([]);
                const found = diagnostics.filter((d) => d.code === code);
                expect(found.length, found.map((d) => d.message).join('\n')).toBe(c.count ?? 1);
                const d = found[0]!;
                expect(textAt(text, d)).toBe(c.at);
                expect(SEVERITY[d.severity ?? 1]).toBe(c.severity ?? RULES[code].severity);
                for (const fragment of c.says ?? []) expect(d.message).toContain(fragment);
                expect(d.codeDescription?.href).toMatch(new RegExp(`^file://.*/docs/rules/${code}\\.md$`));
            });
        }
    });
}
