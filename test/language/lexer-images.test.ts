// The parser's lexer gives a keyword's tokens the one string of their token type's name as image
// (language/parser/lexer.ts, `shareKeywordImages`): it reaches into Chevrotain's lexer, so the hook it replaces is
// checked to be still called, and the images are still the text at each token's offset (the oracle: the text).
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it, vi } from 'vitest';
import { shareKeywordImages, type MregionLexer } from '../../language/parser/lexer.js';
import { mregion } from '../helpers/services.js';

const lexer = mregion.parser.Lexer as MregionLexer;
const EXAMPLES = new URL('../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]);

const pieces = fc.constantFrom(
    'region',
    'store',
    'r-1',
    '{',
    '}',
    ',',
    ' ',
    '\n',
    '60s',
    '"a b"',
    '// c\n',
    '@',
    'storex',
);

describe("the parser's tokens' images", () => {
    it("come from Chevrotain's createTokenInstance, which shareKeywordImages replaces", () => {
        const offsetLexer = new Lexer(Object.values(lexer.definition) as TokenType[], {
            positionTracking: 'onlyOffset',
        });
        shareKeywordImages(offsetLexer);
        const made = vi.spyOn(offsetLexer as unknown as { createTokenInstance: () => unknown }, 'createTokenInstance');
        const { tokens } = offsetLexer.tokenize('region r { provider aws }');
        expect(made).toHaveBeenCalledTimes(tokens.length);
        expect(tokens.map((t) => Object.keys(t))).toEqual(
            tokens.map(() => ['image', 'startOffset', 'tokenTypeIdx', 'tokenType']),
        );
    });

    it.each(examples)('are the text at each token, keywords or not, in %s', (_file, text) => {
        const { tokens } = lexer.tokenizeForParser(text);
        expect(tokens.length).toBeGreaterThan(0);
        for (const token of tokens)
            expect(token.image).toBe(text.slice(token.startOffset, token.startOffset + token.image.length));
        expect(tokens.map((t) => t.image).join('')).toBe(
            lexer
                .tokenize(text)
                .tokens.map((t) => t.image)
                .join(''),
        );
    });

    it('are the text at each token in any soup of keywords, names and stray characters', () => {
        fc.assert(
            fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
                const text = parts.join('');
                const ours = lexer.tokenizeForParser(text).tokens;
                const langiums = lexer.tokenize(text).tokens;
                expect(ours.map((t) => [t.image, t.startOffset, t.tokenType.name])).toEqual(
                    langiums.map((t) => [t.image, t.startOffset, t.tokenType.name]),
                );
            }),
        );
    });
});
