// The parser's fast lexer (language/parser/fast-lexer.ts) against the oracle it replaces: Chevrotain's own lexer on
// the same vocabulary, token for token (type, offset, image), comment for comment and error for error.
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import type { IToken } from 'chevrotain';
import type { LexerResult } from 'langium';
import { describe, expect, it } from 'vitest';
import type { MregionLexer } from '../../language/parser/lexer.js';
import { mregion } from '../helpers/services.js';
import { hostile } from './hostile-texts.js';

const lexer = mregion.parser.Lexer as MregionLexer;
const EXAMPLES = new URL('../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]);

const described = (tokens: readonly IToken[]) =>
    tokens.map((t) => `${t.startOffset} ${t.tokenType.name}#${t.tokenTypeIdx} ${JSON.stringify(t.image)}`);

function expectSameAsChevrotain(text: string): void {
    const ours: LexerResult = lexer.tokenizeForParser(text);
    const chevrotains: LexerResult = lexer.tokenizeForParserByChevrotain(text);
    expect(described(ours.tokens)).toEqual(described(chevrotains.tokens));
    expect(described(ours.hidden)).toEqual(described(chevrotains.hidden));
    expect(ours.errors).toEqual(chevrotains.errors);
}

// Words and fragments of the vocabulary, and what sits between and inside tokens.
const pieces = fc.constantFrom(
    ...['region', 'regions', 'regionx', 'per-user', 'per-', 'per', '-user', 'g-set', 's3-access-point', 'store', 'x'],
    ...[
        'r-1',
        'a_b',
        '_',
        'A',
        'Z9',
        'é',
        '😀',
        '\u00a0',
        '\u2028',
        '\u2029',
        '\ufeff',
        '\t',
        '\v',
        '\f',
        '\r',
        '\n',
        ' ',
    ],
    ...['60s', '-5', '-', '$0.02/GB', '$', '1_000', '1.', '1.5', '99.9%', '5/', '5/s', '5x/', '0', '.'],
    ...['{', '}', ',', '+', '<', '>', '<=', '>=', '==', '=', '<-', '<->', '->', '@', '#', '!', ';', ':', '*', '\\'],
    ...[
        '"',
        '"a b"',
        '"\\"',
        '"\\\\"',
        '"\\n"',
        '//',
        '// c\n',
        '/*',
        '*/',
        '/* c */',
        '/',
        '/**/',
        '\u0000',
        '\u007f',
    ],
);

describe("the parser's fast lexer", () => {
    it('is used for the mregion vocabulary', () => {
        expect(lexer.usesFastLexer).toBe(true);
    });

    it.each(examples)('lexes %s as Chevrotain does', (_file, text) => {
        expectSameAsChevrotain(text);
    });

    it.each(hostile.map((h) => [h.name, h.text] as const))('lexes %s as Chevrotain does', (_name, text) => {
        expectSameAsChevrotain(text);
    });

    it('lexes any text of keywords, names, numbers, punctuation, strings, comments and stray characters as Chevrotain does', () => {
        fc.assert(
            fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
                expectSameAsChevrotain(parts.join(''));
            }),
            { numRuns: 3000 },
        );
    });

    it('lexes any string of characters as Chevrotain does', () => {
        fc.assert(
            fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
                expectSameAsChevrotain(text);
            }),
            { numRuns: 2000 },
        );
    });
});
