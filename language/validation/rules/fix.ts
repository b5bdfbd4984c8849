// Quick fixes as rules describe them: edits at model ranges, in words the code-action layer turns into
// text edits (it has the document text, rules do not). Plain JSON. A finding carries them as `LazyFixes`, worked
// out when a code action asks (validation/lazy-fixes.ts): built for every finding, they were most of what the
// diagnostics of a large design kept (≈ 0.8 KB of 1.2 KB each, 98 MB for 82,350 warnings).
import type { Range, Source } from '../../semantics/model.js';
import { propRange } from '../../semantics/source-props.js';

export type FixEdit =
    /** Replace the text at `range`. */
    | { readonly kind: 'replace'; readonly uri: string; readonly range: Range; readonly text: string }
    /** Add a clause as the last line of the block at `block` (indented like its other clauses). */
    | { readonly kind: 'insert-clause'; readonly uri: string; readonly block: Range; readonly text: string }
    /** Delete a clause, with its line when nothing else is on it. */
    | { readonly kind: 'delete-clause'; readonly uri: string; readonly range: Range }
    /** Remove one name from a comma-separated list clause (`regions a, b, c`). */
    | { readonly kind: 'remove-list-item'; readonly uri: string; readonly clause: Range; readonly item: string }
    /** Append one name to a comma-separated list clause. */
    | { readonly kind: 'add-list-item'; readonly uri: string; readonly clause: Range; readonly item: string }
    /** Insert a new top-level declaration after the one at `after`, separated by a blank line. */
    | { readonly kind: 'insert-declaration'; readonly uri: string; readonly after: Range; readonly text: string };

export interface Fix {
    readonly title: string;
    readonly edits: readonly FixEdit[];
    /** The fix "fix all" applies and editors offer first. */
    readonly preferred?: boolean;
}

/**
 * The fixes of one finding, made when asked. It reads only the model (which does not change once built) and values
 * fixed when the finding was reported, so it gives the same fixes whenever it is called.
 */
export type LazyFixes = () => readonly Fix[];

/** Replace a clause when it is written, else add it to the block. */
export function setClause(source: Source, prop: string, text: string): FixEdit {
    const range = propRange(source, prop);
    return range
        ? { kind: 'replace', uri: source.uri, range, text }
        : { kind: 'insert-clause', uri: source.uri, block: source.range, text };
}

/**
 * A fix that leaves the design with a new finding says so in its title (the code the Problems panel will show and
 * why), so choosing it is never a surprise. test/rules/quick-fixes.test.ts applies every fix and holds titles to it.
 */
export function raising(title: string, code: string, why: string): string {
    return `${title} — then ${code}: ${why}`;
}
