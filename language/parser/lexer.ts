// Langium's lexer, with the text no token matched (the UNEXPECTED tokens of `token-builder.ts`) reported as
// lexing errors that say what is wrong and what to do, each on the first line of its text. Past the first
// hundred, one error sums up the rest: a file of stray characters would otherwise publish one per character.
// The parser's tokens carry offsets only (`tokenizeForParser`): a large design has about one token per 8
// characters, all alive through the parse, and line and column tracking made each a third larger and the lexing
// slower. Every other reader (completion, folding, …) gets Langium's lexer with Chevrotain's full positions
// (`tokenize`); errors get their lines from the offsets in both. The parser's tokens come from `fast-lexer.ts`,
// Chevrotain's semantics without its per-keyword regex attempts, when the vocabulary has the shape it knows.
import { formatCount } from '../../format/quantities.js';
import { Lexer, type ILexingResult, type IToken, type ILexingError, type TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices, type LexerResult } from 'langium';
import { FastLexer } from './fast-lexer.js';
import { offsetToken, type PackedTokens } from './packed-tokens.js';
import { UNEXPECTED_GROUP } from './token-builder.js';
import { scanString } from './token-scanners.js';
import { TextLines } from './token-positions.js';

const PREVIEW = 20;
const REPORTED = 100;

export class MregionLexer extends DefaultLexer {
    /** Langium's lexer again, with offsets only; its dictionary keeps the tokens in their order of precedence. */
    private readonly offsetLexer: Lexer;
    /** The same tokens as `offsetLexer`, faster; undefined if the vocabulary is not one it reproduces. */
    private readonly fastLexer: FastLexer | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.offsetLexer = new Lexer(Object.values(this.definition) as TokenType[], {
            positionTracking: 'onlyOffset',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: this.errorMessageProvider,
        });
        shareKeywordImages(this.offsetLexer);
        this.fastLexer = FastLexer.forVocabulary(Object.values(this.definition) as TokenType[], { STRING: scanString });
    }

    /** Whether the parser's tokens come from the fast lexer. */
    get usesFastLexer(): boolean {
        return this.fastLexer !== undefined;
    }

    /**
     * The parser's tokens as objects, with an offset and no end offset, line or column; errors with their lines. The
     * parser reads them packed (`tokenizePacked`) and this vector only for a vocabulary the fast lexer does not take.
     */
    tokenizeForParser(text: string, lines = new TextLines(text)): LexerResult {
        const packed = this.tokenizePacked(text, lines);
        return packed ? { ...packed.result, tokens: packed.tokens.toArray() } : this.chevrotainResult(text, lines);
    }

    /**
     * The parser's tokens packed (`packed-tokens.ts`), the result's own `tokens` left empty; undefined when the
     * fast lexer does not take this vocabulary (then `tokenizeForParser` gives Chevrotain's).
     */
    tokenizePacked(
        text: string,
        lines = new TextLines(text),
    ): { tokens: PackedTokens; result: LexerResult } | undefined {
        if (!this.fastLexer) return undefined;
        const { tokens, hidden, unexpected } = this.fastLexer.tokenize(text);
        const groups = { hidden, [UNEXPECTED_GROUP]: unexpected };
        return { tokens, result: this.result({ tokens: [], errors: [], groups }, text, lines) };
    }

    private chevrotainResult(text: string, lines: TextLines): LexerResult {
        return this.result(this.offsetLexer.tokenize(text), text, lines);
    }

    /** The parser's tokens as Chevrotain's own lexer makes them (the fast lexer's oracle in the tests). */
    tokenizeForParserByChevrotain(text: string): LexerResult {
        return this.result(this.offsetLexer.tokenize(text), text, new TextLines(text));
    }

    /** Langium's result: every token with Chevrotain's full positions. */
    override tokenize(text: string): LexerResult {
        return this.result(this.chevrotainLexer.tokenize(text), text, new TextLines(text));
    }

    private result(lexed: ILexingResult, text: string, lines: TextLines): LexerResult {
        const errors = lexed.errors.map((error) => lines.locate(error));
        for (const error of unexpectedErrors(lexed.groups[UNEXPECTED_GROUP] ?? [], lines)) errors.push(error);
        return {
            tokens: lexed.tokens,
            errors,
            hidden: lexed.groups['hidden'] ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text),
        };
    }
}

/**
 * Makes an offset-only lexer give every token of a keyword or punctuation the one string of its token type's name
 * as its image, instead of a copy of the matched text per token: about two tokens in three are keywords, and a
 * short string is 24–32 bytes, alive with its token through the parse (each copy the match still makes dies young).
 * Chevrotain's lexer makes each token with its `createTokenInstance` (chevrotain 11, `lexer_public.js`: set in the
 * constructor from the position tracking); `test/language/lexer-images.test.ts` fails if it stops calling it.
 */
export function shareKeywordImages(lexer: Lexer): void {
    const internals = lexer as unknown as { createTokenInstance?: unknown };
    if (typeof internals.createTokenInstance !== 'function') return;
    internals.createTokenInstance = (
        image: string,
        startOffset: number,
        _tokenTypeIdx: number,
        tokenType: TokenType,
    ): IToken => offsetToken(image === tokenType.name ? tokenType.name : image, startOffset, tokenType);
}

function unexpectedErrors(tokens: readonly IToken[], lines: TextLines): ILexingError[] {
    const errors = tokens.slice(0, REPORTED).map((token) => unexpectedError(token, lines));
    const next = tokens[REPORTED];
    if (next) {
        const more = formatCount(tokens.length - REPORTED);
        const message = `${more} more places below have characters the language does not use (the next: ${shown(next.image.slice(0, PREVIEW))}): fix the ${REPORTED} above first`;
        errors.push({ ...unexpectedError(next, lines), message });
    }
    return errors;
}

function unexpectedError(token: IToken, lines: TextLines): ILexingError {
    const { image } = token;
    const at = lines.at(token.startOffset);
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
