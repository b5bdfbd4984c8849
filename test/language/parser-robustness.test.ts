// Hostile texts: the parser never throws and never takes time quadratic in the text; what it cannot read becomes
// diagnostics with ranges inside the document, at the characters at fault. Sizes are those that crashed or hung
// before (a spread of >~120k comment nodes, a regex backtracking stack overflowing on a token of megabytes, a
// failed token rescanned to the end of its line from every quote), kept small enough that the file runs in seconds.
import { describe, expect, it, vi } from 'vitest';
import { mregion, validate } from '../helpers/services.js';
import { DESIGN_HEAD, expectedDiagnostic, hostile, outOfRange } from './hostile-texts.js';

describe('the parser on hostile texts', () => {
    it.each(hostile)('parses $name without throwing', ({ text }) => {
        expect(mregion.parser.LangiumParser.parse(text).value.$type).toBe('Document');
    });

    it.each(hostile)('gives diagnostics with valid ranges and codes for $name', async ({ text, expected }) => {
        const { diagnostics } = await validate(text);
        expect(outOfRange(text, diagnostics)).toEqual([]);
        expect(diagnostics.filter((d) => d.code === undefined)).toEqual([]);
        expect(diagnostics.length).toBeLessThanOrEqual(1_000);
        if (expected) expect(expectedDiagnostic(text, diagnostics, expected), diagnostics.slice(0, 3).map((d) => String(d.message)).join('\n')).toBeDefined();
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
