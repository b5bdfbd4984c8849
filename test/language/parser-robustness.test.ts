// Hostile texts: the parser never throws and never takes time quadratic in the text; what it cannot read becomes
// diagnostics with ranges inside the document, at the characters at fault. Sizes are those that crashed or hung
// before (a spread of >~120k comment nodes, a regex backtracking stack overflowing on a token of megabytes, a
// failed token rescanned to the end of its line from every quote), kept small enough that the file runs in seconds.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it, vi } from 'vitest';
import { mregion, validate } from '../helpers/services.js';

const DESIGN_HEAD = 'topology T\nregion us-east-1 { provider aws jurisdiction US }\n';

interface HostileText {
    readonly name: string;
    readonly text: string;
    /** A message expected among the diagnostics, and the text its range must cover (from its start). */
    readonly expected?: { readonly message: RegExp; readonly at: string };
}

const hostile: HostileText[] = [
    { name: '200,000 line comments', text: '// c\n'.repeat(200_000) },
    { name: '130,000 empty block comments on one line', text: '/**/'.repeat(130_000) },
    { name: '150,000 comments inside a declaration', text: `${DESIGN_HEAD}region eu-west-1 {\n${'// c\n'.repeat(150_000)} provider aws jurisdiction EU }\n` },
    { name: '150,000 comments between two clauses', text: `${DESIGN_HEAD}region eu-west-1 { provider aws\n${'/* c */ '.repeat(150_000)} jurisdiction EU }\n` },
    { name: 'a 5 MB string literal', text: `topology T "${'a'.repeat(5_000_000)}"\n` },
    { name: 'a 5 MB string literal of escapes', text: `topology T "${'\\n'.repeat(2_500_000)}"\n` },
    { name: 'an 8 MB name of dashed parts', text: `topology ${'a-'.repeat(4_000_000)}b\n` },
    {
        name: 'an unterminated string followed by 1 MB of text on its line',
        text: `topology T "${'x '.repeat(500_000)}\n${DESIGN_HEAD}`,
        expected: { message: /^unterminated string: close it with '"' before the end of the line$/, at: '"x x' },
    },
    {
        name: '100,000 quotes and backslashes on one line',
        text: `topology T\n${'"\\'.repeat(100_000)}\n`,
        expected: { message: /^unterminated string/, at: '"\\"\\' },
    },
    {
        name: 'an unterminated block comment followed by 100,000 more',
        text: `${DESIGN_HEAD}/* ${'/* '.repeat(100_000)}`,
        expected: { message: /^unterminated comment: close it with '\*\/'$/, at: '/*' },
    },
    {
        name: '1,000,000 characters the language does not use',
        text: `topology T\n${'@'.repeat(1_000_000)}\n`,
        expected: { message: /^unexpected characters '@{20}…' \(1,000,000 characters\): remove them, or put them in a comment or a quoted string$/, at: '@@@@' },
    },
    {
        name: '200,000 stray characters between declarations',
        text: `${DESIGN_HEAD}${'# '.repeat(200_000)}\n`,
        expected: { message: /^unexpected character '#': remove it, or put it in a comment or a quoted string$/, at: '#' },
    },
    { name: '100,000 opening braces', text: `topology T\nregion r ${'{'.repeat(100_000)}\n` },
    { name: '100,000 closing braces', text: `${DESIGN_HEAD}${'}'.repeat(100_000)}\n` },
    { name: 'a NUL, a lone surrogate and a byte-order mark mid-file', text: `${DESIGN_HEAD}\u0000 \ud800 \ufeff region x { provider aws }\n` },
];

/** Whether every diagnostic's range lies inside the document, start before end. */
function outOfRange(text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const document = TextDocument.create('file:///x.mregion', 'mregion', 1, text);
    return diagnostics.filter(({ range: { start, end } }) => {
        const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < document.lineCount && p.character >= 0
            && document.offsetAt(p) === document.offsetAt({ line: p.line, character: 0 }) + p.character;
        return !inside(start) || !inside(end) || document.offsetAt(start) > document.offsetAt(end);
    });
}

describe('the parser on hostile texts', () => {
    it.each(hostile)('parses $name without throwing', ({ text }) => {
        expect(mregion.parser.LangiumParser.parse(text).value.$type).toBe('Document');
    });

    it.each(hostile)('gives diagnostics with valid ranges and codes for $name', async ({ text, expected }) => {
        const { diagnostics } = await validate(text);
        expect(outOfRange(text, diagnostics)).toEqual([]);
        expect(diagnostics.filter((d) => d.code === undefined)).toEqual([]);
        if (expected) {
            const found = diagnostics.find((d) => expected.message.test(String(d.message)));
            expect(found, diagnostics.slice(0, 3).map((d) => String(d.message)).join('\n')).toBeDefined();
            const document = TextDocument.create('file:///x.mregion', 'mregion', 1, text);
            expect(text.slice(document.offsetAt(found!.range.start))).toMatch(new RegExp(`^${expected.at.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`));
        }
    });

    it('turns an exception inside the parser into a diagnostic on the document', async () => {
        const spy = vi.spyOn(mregion.parser.Lexer, 'tokenize').mockImplementationOnce(() => {
            throw new RangeError('Maximum call stack size exceeded');
        });
        try {
            const text = `${DESIGN_HEAD}store s { engine dynamodb }\n`;
            const { diagnostics } = await validate(text);
            expect(diagnostics).toEqual([expect.objectContaining({
                code: 'syntax-error',
                severity: 1,
                message: 'this file could not be parsed (RangeError: Maximum call stack size exceeded): split it into smaller files, and please report this as a bug',
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
            })]);
        } finally {
            spy.mockRestore();
        }
    });
});
