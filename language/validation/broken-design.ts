// A design with a syntax error or an unresolved name has an incomplete model: comparing it with a deployed
// template would report differences that are only the parts it could not read. The CLI's `drift` and the editor's
// "Compare with deployed template" refuse it alike, in the same words.
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ProblemCodes } from '../semantics/problem-codes.js';

/** "2 syntax or name errors (first: line 4: …)", or undefined when the document has none. */
export function brokenDesignSummary(document: LangiumDocument): string | undefined {
    const broken = (document.diagnostics ?? []).filter(isBroken);
    const [first] = broken;
    if (!first) return undefined;
    const errors = `${broken.length} syntax or name error${broken.length === 1 ? '' : 's'}`;
    return `${errors} (first: line ${first.range.start.line + 1}: ${first.message})`;
}

function isBroken(d: Diagnostic): boolean {
    return d.code === ProblemCodes.SyntaxError || d.code === ProblemCodes.UnresolvedReference;
}
