// The parser's tokens carry offsets only (language/parser/lexer.ts); the lines and columns worked out afterwards
// for syntax errors' tokens and for lexing errors are those Chevrotain's own full position tracking gives, on any
// text: the oracle is a Chevrotain lexer over the same token types with tracking on.
import * as fc from 'fast-check';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import type { MregionLexer } from '../../language/parser/lexer.js';
import { UNEXPECTED_GROUP } from '../../language/parser/token-builder.js';
import { TextLines } from '../../language/parser/token-positions.js';
import { mregion, validate } from '../helpers/services.js';

const lexer = mregion.parser.Lexer as MregionLexer;
const tracking = new Lexer(Object.values(lexer.definition) as TokenType[], { positionTracking: 'full' });

const position = (t: IToken) => [
    t.image,
    t.startOffset,
    t.endOffset,
    t.startLine,
    t.startColumn,
    t.endLine,
    t.endColumn,
];

// Pieces of the language and of broken text: line breaks of the three kinds, unterminated strings and comments.
const pieces = fc.constantFrom(
    'region',
    'r-1',
    ' ',
    '\t',
    '\n',
    '\r',
    '\r\n',
    '{',
    '}',
    '"a b"',
    '"',
    '/*',
    '*/',
    '// c',
    '60s',
    '@',
    'é',
    ',',
);
const texts = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

describe('positions worked out from offsets', () => {
    it('are Chevrotain’s, for every token and comment of any text', () => {
        fc.assert(
            fc.property(texts, (text) => {
                const lines = new TextLines(text);
                const ours = lexer.tokenizeForParser(text, lines);
                for (const token of [...ours.tokens, ...ours.hidden]) lines.complete(token);
                const theirs = tracking.tokenize(text);
                expect(ours.tokens.map(position)).toEqual(theirs.tokens.map(position));
                expect(ours.hidden.map(position)).toEqual((theirs.groups['hidden'] ?? []).map(position));
            }),
            { numRuns: 5_000 },
        );
    });

    it('are given by the lexer to every reader other than the parser', () => {
        const text = 'topology T\r\nregion r { provider aws } // c\n';
        const ours = lexer.tokenize(text);
        const theirs = tracking.tokenize(text);
        expect(ours.tokens.map(position)).toEqual(theirs.tokens.map(position));
        expect(ours.hidden.map(position)).toEqual((theirs.groups['hidden'] ?? []).map(position));
    });

    it('put each lexing error on the line and column where Chevrotain starts its text', () => {
        fc.assert(
            fc.property(texts, (text) => {
                const errors = lexer.tokenizeForParser(text).errors;
                expect(lexer.tokenize(text).errors).toEqual(errors);
                const unexpected = (tracking.tokenize(text).groups[UNEXPECTED_GROUP] ?? []).slice(0, errors.length);
                expect(errors.map((e) => [e.offset, e.line, e.column])).toEqual(
                    unexpected.map((t) => [t.startOffset, t.startLine, t.startColumn]),
                );
            }),
            { numRuns: 3_000 },
        );
    });

    it('leave the parser’s own tokens without lines: one object of five fields a token', () => {
        const tokens = lexer.tokenizeForParser('topology T\nregion r { provider aws }\n').tokens;
        expect(tokens.map((t) => Object.keys(t).sort())).toEqual(
            tokens.map(() => ['image', 'startOffset', 'tokenType', 'tokenTypeIdx']),
        );
    });

    it.each([
        [
            'a syntax error on the third line, after a \\r\\n',
            'topology T\r\nregion r { provider aws }\r\nregion s { provider nowhere }\r\n',
            { start: { line: 2, character: 20 }, end: { line: 2, character: 27 } },
        ],
        [
            'a syntax error after a lone \\r',
            'topology T\rregion r { provider aws }\rregion s { { }\r',
            { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } },
        ],
        [
            'a stray character on the second line',
            'topology T\n  @ region r { provider aws }\n',
            { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
        ],
    ])('place %s where the text is', async (_name, text, range) => {
        const { diagnostics } = await validate(text);
        expect(diagnostics[0]?.range).toEqual(range);
    });
});
