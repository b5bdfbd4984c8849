// A generated design as the formatter writes it, after checking that it parses and links: `mregion import` (the
// CLI and the editor's command) never hands out text with a syntax or name error — that would be a bug in the
// importer, reported as such, not a file the user has to repair.
import { URI } from 'langium';
import type { MregionServices } from '../mregion-module.js';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { applyGapEdits, MregionFormatter } from './formatter.js';

/** What makes a design unusable as written: it does not parse, a name does not resolve, or one is declared twice. */
const BROKEN: ReadonlySet<string> = new Set([
    ProblemCodes.SyntaxError,
    ProblemCodes.UnresolvedReference,
    ProblemCodes.DuplicateName,
    ProblemCodes.DuplicateClause,
]);

export async function formatCheckedDesign(services: MregionServices, text: string, name: string): Promise<string> {
    const formatter = services.lsp.Formatter;
    if (!(formatter instanceof MregionFormatter)) throw new Error('the mregion formatter is not registered');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/${name}`));
    const diagnostics = await services.validation.DocumentValidator.validateDocument(document, {
        categories: ['built-in'],
    });
    const broken = diagnostics.filter((d) => BROKEN.has(String(d.code)));
    const edits = formatter.gapEdits(document);
    if (broken.length > 0 || !edits) {
        throw new Error(
            `the imported design does not parse (a bug in mregion import): ${broken
                .map((d) => `line ${d.range.start.line + 1}: ${d.message}`)
                .slice(0, 5)
                .join('; ')}`,
        );
    }
    return applyGapEdits(text, edits);
}
