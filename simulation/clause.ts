// Where a clause of the design is written, as the report gives it: the results view reveals it in the editor.
import type { Range, Source } from '../language/semantics/model.js';
import type { ClauseRef } from './report.js';

/** The clause's file and 1-based lines (the model's ranges are zero-based, like LSP's). */
export function clauseOf(source: Source, range: Range = source.range): ClauseRef {
    return { uri: source.uri, line: range.start.line + 1, endLine: range.end.line + 1 };
}
