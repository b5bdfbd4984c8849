// The hand-written ID and STRING scanners accept exactly what the grammar's regexes accept, from any offset, and
// a string's value is the one Langium gives it: they replace Langium's regexes and conversion only because those
// overflow or balloon on megabyte tokens (test/language/parser-robustness.test.ts).
import * as fc from 'fast-check';
import { GrammarUtils, GrammarAST, ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { scanName, scanString } from '../../language/parser/token-scanners.js';
import { unquote } from '../../language/parser/value-converter.js';
import { mregion } from '../helpers/services.js';

function grammarRegex(name: string): RegExp {
    const terminal = mregion.Grammar.rules.find(
        (r): r is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(r) && r.name === name,
    )!;
    return new RegExp(GrammarUtils.terminalRegex(terminal).source, 'y');
}

/** Where the regex's match at `offset` ends, or -1, like the scanners answer. */
function regexEnd(regex: RegExp, text: string, offset: number): number {
    regex.lastIndex = offset;
    return regex.test(text) ? regex.lastIndex : -1;
}

// Texts made of the characters that matter to the two tokens, and a few that do not.
const characters = fc.constantFrom(
    'a',
    'Z',
    '_',
    '0',
    '9',
    '-',
    '"',
    '\\',
    '\n',
    '\r',
    '\u2028',
    '\u2029',
    ' ',
    'é',
    '\ud800',
    '$',
);
const texts = fc.array(characters, { maxLength: 24 }).map((chars) => chars.join(''));

describe('the hand-written token scanners', () => {
    it.each([
        ['ID', scanName],
        ['STRING', scanString],
    ] as const)('match the grammar regex of %s on any text from any offset', (name, scan) => {
        const regex = grammarRegex(name);
        fc.assert(
            fc.property(texts, fc.nat(), (text, at) => {
                const offset = text.length === 0 ? 0 : at % text.length;
                expect(scan(text, offset)).toBe(regexEnd(regex, text, offset));
            }),
            { numRuns: 20_000, seed: 20261206 },
        );
    });

    it('gives a string literal the value Langium gives it, escapes included', () => {
        const strings = texts
            .filter((text) => scanString(`"${text}"`, 0) === text.length + 2)
            .map((text) => `"${text}"`);
        fc.assert(
            fc.property(strings, (literal) => {
                expect(unquote(literal)).toBe(ValueConverter.convertString(literal));
            }),
            { numRuns: 5_000, seed: 20261206 },
        );
    });
});
