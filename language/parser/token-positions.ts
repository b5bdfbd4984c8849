// Line and column of a token worked out from its offset, for the few tokens that need them. The parser reads
// tokens by offset only (`lexer.ts`), and a large design has about one token per 8 characters: Chevrotain's line
// and column tracking gave each token five more fields (a third of its size, alive through the whole parse).
// Positions are Chevrotain's: lines and columns from 1, the end column inclusive.
import type { ILexingError, IToken } from 'chevrotain';
import { lineAt, lineStarts } from './compact-cst.js';

/**
 * Whether a token stands for text: Langium's test (`isValidTokenRange`) without the end offset. The end of the file
 * and tokens inserted by error recovery have negative offsets, and the end-of-file token is frozen.
 */
export function isTextToken(token: IToken): boolean {
    return (
        !token.isInsertedInRecovery &&
        Number.isInteger(token.startOffset) &&
        token.startOffset >= 0 &&
        token.image.length > 0
    );
}

/** Positions in one text, from a table of line starts built on the first request. */
export class TextLines {
    private starts: Uint32Array | undefined;

    constructor(private readonly text: string) {}

    /** The 0-based line of `offset` and the offset its line starts at. */
    lineOf(offset: number): { line: number; lineStart: number } {
        const starts = (this.starts ??= lineStarts(this.text));
        const line = lineAt(starts, offset);
        return { line, lineStart: starts[line] ?? 0 };
    }

    /**
     * Gives a token read by offset only its end offset, lines and columns, as Chevrotain's full position tracking
     * would have. The end of the file and tokens inserted by error recovery are left as they are.
     */
    complete(token: IToken): void {
        if (!isTextToken(token) || Object.isFrozen(token)) return;
        const endOffset = token.startOffset + token.image.length - 1;
        const start = this.lineOf(token.startOffset);
        // The last character of a token that ends a line is on that line (Chevrotain's convention).
        const end = this.lineOf(endOffset);
        token.endOffset = endOffset;
        token.startLine = start.line + 1;
        token.startColumn = token.startOffset - start.lineStart + 1;
        token.endLine = end.line + 1;
        // Chevrotain's quirk, kept: a token over several lines that ends with a line break ends at column 1.
        const endsWithBreak = /[\r\n]$/.test(token.image);
        token.endColumn = endsWithBreak && end.line > start.line ? 1 : endOffset - end.lineStart + 1;
    }

    /** An offset with its line and column (from 1), as a lexing error gives them. */
    at(offset: number): { offset: number; line: number; column: number } {
        const { line, lineStart } = this.lineOf(offset);
        return { offset, line: line + 1, column: offset - lineStart + 1 };
    }

    /** A lexing error's line and column, from its offset. */
    locate(error: ILexingError): ILexingError {
        return { ...error, ...this.at(error.offset) };
    }
}
