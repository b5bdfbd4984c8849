// Whole findings of one rule, as a reviewer reads them: where the diagnostic points, its severity, the full
// message, and each fix with its title, whether it is preferred, and what each edit writes where.
import { expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../language/validation/rules/catalog.js';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import type { FixEdit } from '../../language/validation/rules/fix.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const SEVERITY: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** What an edit does, in words checked against the design text ("replace '5m' with '60s'"). */
export function describeEdit(text: string, e: FixEdit): string {
    const at = (range: Diagnostic['range']) => textAt(text, { range } as Diagnostic);
    switch (e.kind) {
        case 'replace':
            return `replace '${at(e.range)}' with '${e.text}'`;
        case 'delete-clause':
            return `delete '${at(e.range)}'`;
        case 'insert-clause':
            // The block's first line names it ("failover db {").
            return `add '${e.text}' to '${at(e.block).split('\n')[0]}'`;
        default:
            return e.kind;
    }
}

export interface WholeFinding {
    readonly at: string;
    readonly severity: string | undefined;
    readonly message: string;
    readonly fixes: readonly { readonly title: string; readonly preferred: boolean; readonly edits: string[] }[];
}

/** The findings of `code` in `design`, which must have no language error (else the case tests nothing). */
export async function wholeFindings(code: string, design: string): Promise<WholeFinding[]> {
    const { text, diagnostics } = await diagnosticsOf(design);
    const languageErrors = diagnostics.filter((d) => d.severity === 1 && !(String(d.code) in RULES));
    expect(languageErrors.map((d) => d.message)).toEqual([]);
    return diagnostics
        .filter((d) => d.code === code)
        .map((d) => ({
            at: textAt(text, d),
            severity: SEVERITY[d.severity ?? 1],
            message: typeof d.message === 'string' ? d.message : d.message.value,
            fixes: fixesOf(d).map((f) => ({
                title: f.title,
                preferred: f.preferred ?? false,
                edits: f.edits.map((e) => describeEdit(text, e)),
            })),
        }));
}
