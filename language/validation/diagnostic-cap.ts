// The language server publishes at most MAX_PUBLISHED diagnostics per document: a design with 80,000 findings
// cost the server gigabytes to hold and send them, and no editor shows that many usefully. The most severe come
// first, then by position, and one last diagnostic counts the rest and says where to see them all (the CLI,
// which reports every one).
import { formatCount } from '../../format/quantities.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CheckerCodes } from './rules/catalog.js';

export const MAX_PUBLISHED = 1_000;

const TOP_OF_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `diagnostics` itself when at most `max`; else the first `max` by severity then position, and the count of the rest. */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED): Diagnostic[] {
    if (diagnostics.length <= max) return diagnostics;
    const shown = diagnostics.sort(bySeverityThenPosition).slice(0, max);
    const hidden = diagnostics.length - max;
    shown.push({
        severity: DiagnosticSeverity.Information,
        range: TOP_OF_FILE,
        code: CheckerCodes.TooManyProblems,
        source: 'mregion',
        message: `${formatCount(hidden)} more problems not shown: fix the ones above first, or run \`mregion check\` for all of them`,
        data: { code: CheckerCodes.TooManyProblems },
    });
    return shown;
}

function bySeverityThenPosition(a: Diagnostic, b: Diagnostic): number {
    return (
        (a.severity ?? DiagnosticSeverity.Error) - (b.severity ?? DiagnosticSeverity.Error) ||
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character
    );
}
