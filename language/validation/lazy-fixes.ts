// A diagnostic's quick fixes are kept beside it, not in its `data`: a rule's fixes are made only when a code action
// asks for them (rules/fix.ts, `LazyFixes`), and `data` stays the small plain JSON the editor sends back. Built and
// stored with every diagnostic, the fixes were most of what the diagnostics of a large design kept (≈ 0.8 KB of
// 1.2 KB each: 98 MB for the 82,350 warnings of an 8 MB design).
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Fix, LazyFixes } from './rules/fix.js';
import { sameRange } from './rules/helpers.js';

/** By the `data` object of the diagnostic they belong to: it lives exactly as long as the diagnostic. */
const fixesByData = new WeakMap<object, LazyFixes>();

const NONE: readonly Fix[] = Object.freeze([]);

/** `data` for a diagnostic of `code` (with `extra` fields), whose quick fixes `fixes` makes when asked. */
export function diagnosticData(
    code: string,
    fixes: LazyFixes | undefined,
    extra?: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
    const data = extra ? { code, ...extra } : { code };
    if (fixes) fixesByData.set(data, fixes);
    return data;
}

/** The quick fixes of a diagnostic as validation made it (the object in `document.diagnostics`); none otherwise. */
export function fixesOf(diagnostic: Diagnostic): readonly Fix[] {
    const data: unknown = diagnostic.data;
    const fixes = data !== null && typeof data === 'object' ? fixesByData.get(data) : undefined;
    return fixes ? fixes() : NONE;
}

/**
 * The diagnostic validation made that an editor's copy stands for: the editor sends back what it was published,
 * and the fixes are kept with the server's own object. The same code, message and range; undefined when the
 * document was validated again since and no longer has it.
 */
export function ownDiagnostic(document: LangiumDocument, copy: Diagnostic): Diagnostic | undefined {
    const own = document.diagnostics ?? [];
    if (own.includes(copy)) return copy;
    return own.find((d) => d.code === copy.code && d.message === copy.message && sameRange(d.range, copy.range));
}
