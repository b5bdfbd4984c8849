// One bad file must never take the workspace down. A document that cannot be read (a FIFO, a file over the size
// cap) or whose loading or building throws (a parser crash) keeps its place in the workspace with an empty tree
// and one diagnostic saying why; every other document builds as usual, and files importing it are told at the
// import. The failure is attached to the empty tree, so it is gone as soon as the document parses again.
import type { LangiumDocument, ParseResult } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { UnreadableFileError } from './file-system.js';

export type DocumentFailure =
    /** The file was not read at all; `reason` completes "cannot read 'x.mregion': …". */
    | { readonly unreadable: true; readonly reason: string }
    /** The checker threw while `phase` (e.g. "parsing") ran on the file's text. */
    | { readonly unreadable: false; readonly phase: string; readonly error: string };

const failures = new WeakMap<object, DocumentFailure>();
const MESSAGE_LIMIT = 200;

/** What went wrong, from what was thrown while `phase` ran on a document. */
export function failureFrom(error: unknown, phase: string): DocumentFailure {
    if (error instanceof UnreadableFileError) return { unreadable: true, reason: error.reason };
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // An error's message can quote any amount of the text it failed on; a diagnostic needs only its start.
    return { unreadable: false, phase, error: what.length > MESSAGE_LIMIT ? `${what.slice(0, MESSAGE_LIMIT)}…` : what };
}

/** An empty tree standing for a document that failed. */
export function failedParseResult(failure: DocumentFailure): ParseResult<Document> {
    const root: Document = { $type: 'Document', elements: [], imports: [] };
    failures.set(root, failure);
    return { value: root, lexerErrors: [], parserErrors: [] };
}

/** Replaces the tree of `document` with the empty tree of a failure. */
export function markFailed(document: LangiumDocument, failure: DocumentFailure): void {
    const result = failedParseResult(failure);
    (result.value as { $document?: LangiumDocument }).$document = document;
    document.parseResult = result;
}

export function failureOf(document: LangiumDocument | undefined): DocumentFailure | undefined {
    const root = document?.parseResult?.value;
    return root ? failures.get(root) : undefined;
}

/** The diagnostic a failed document shows at its start. */
export function failureDiagnostic(failure: DocumentFailure): Diagnostic {
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: failure.unreadable ? ProblemCodes.UnreadableFile : ProblemCodes.InternalError,
        source: 'mregion',
        message: failure.unreadable
            ? `mregion cannot read this file: ${failure.reason}`
            : `mregion failed while ${failure.phase} this file (${failure.error}), so its other problems are not shown; please report this with the file`,
    };
}

/** The message at an import of a failed document. */
export function importFailureMessage(path: string, failure: DocumentFailure): string {
    return failure.unreadable
        ? `cannot read '${path}': ${failure.reason}`
        : `'${path}' is not available: mregion failed while ${failure.phase} it (${failure.error})`;
}
