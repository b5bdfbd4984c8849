// Langium's lexer, with the text no token matched (the UNEXPECTED tokens of `token-builder.ts`) reported as
// lexing errors that say what is wrong and what to do, each on the first line of its text. Past the first
// hundred, one error sums up the rest: a file of stray characters would otherwise publish one per character.
import { formatCount } from '../../format/quantities.js';
import type { IToken, ILexingError } from 'chevrotain';
import { DefaultLexer, type LexerResult } from 'langium';
import { UNEXPECTED_GROUP } from './token-builder.js';

const PREVIEW = 20;
const REPORTED = 100;

export class MregionLexer extends DefaultLexer {
    override tokenize(text: string): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        const unexpected = result.groups[UNEXPECTED_GROUP] ?? [];
        return {
            tokens: result.tokens,
            errors: unexpected.length === 0 ? result.errors : [...result.errors, ...unexpectedErrors(unexpected)],
            hidden: result.groups['hidden'] ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text),
        };
    }
}

function unexpectedErrors(tokens: readonly IToken[]): ILexingError[] {
    const errors = tokens.slice(0, REPORTED).map(unexpectedError);
    const next = tokens[REPORTED];
    if (next) {
        const more = formatCount(tokens.length - REPORTED);
        const message = `${more} more places below have characters the language does not use (the next: ${shown(next.image.slice(0, PREVIEW))}): fix the ${REPORTED} above first`;
        errors.push({ ...unexpectedError(next), message });
    }
    return errors;
}

function unexpectedError(token: IToken): ILexingError {
    const { image } = token;
    const at = { offset: token.startOffset, line: token.startLine, column: token.startColumn };
    if (image.startsWith('"'))
        return {
            ...at,
            length: image.length,
            message: `unterminated string: close it with '"' before the end of the line`,
        };
    if (image.startsWith('/*')) return { ...at, length: 2, message: `unterminated comment: close it with '*/'` };
    if (image.length === 1)
        return {
            ...at,
            length: 1,
            message: `unexpected character ${shown(image)}: remove it, or put it in a comment or a quoted string`,
        };
    const preview = image.length > PREVIEW ? `${image.slice(0, PREVIEW)}…` : image;
    const count = formatCount(image.length);
    return {
        ...at,
        length: image.length,
        message: `unexpected characters ${shown(preview)} (${count} characters): remove them, or put them in a comment or a quoted string`,
    };
}

/** The characters quoted, with those an editor would not show (controls, lone surrogates) as code points. */
function shown(characters: string): string {
    if (characters.length === 1 && isInvisible(characters.charCodeAt(0))) return codePoint(characters.charCodeAt(0));
    return `'${[...characters].map((c) => (c.length === 1 && isInvisible(c.charCodeAt(0)) ? codePoint(c.charCodeAt(0)) : c)).join('')}'`;
}

function isInvisible(code: number): boolean {
    return code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff;
}

function codePoint(code: number): string {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
