// Hostile texts: the parser never throws and never takes time quadratic in the text; what it cannot read becomes
// diagnostics with ranges inside the document, at the characters at fault. Sizes are those that crashed or hung
// before (a spread of >~120k comment nodes, a regex backtracking stack overflowing on a token of megabytes, a
// failed token rescanned to the end of its line from every quote), kept small enough that the file runs in seconds.
import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, type ReferenceInfo } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { mregion, validate } from '../helpers/services.js';
import type { MregionLexer } from '../../language/parser/lexer.js';
import { referencesBelow } from '../../language/util/subtree-references.js';
import { DESIGN_HEAD, expectedDiagnostic, hostile, outOfRange } from './hostile-texts.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);

describe('the parser on hostile texts', () => {
    it.each(hostile)('parses $name without throwing', ({ text }) => {
        expect(mregion.parser.LangiumParser.parse(text).value.$type).toBe('Document');
    });

    it.each(hostile)('gives diagnostics with valid ranges and codes for $name', async ({ text, expected }) => {
        const { diagnostics } = await validate(text);
        expect(outOfRange(text, diagnostics)).toEqual([]);
        expect(diagnostics.filter((d) => d.code === undefined)).toEqual([]);
        expect(diagnostics.length).toBeLessThanOrEqual(1_000);
        if (expected)
            expect(
                expectedDiagnostic(text, diagnostics, expected),
                diagnostics
                    .slice(0, 3)
                    .map((d) => String(d.message))
                    .join('\n'),
            ).toBeDefined();
    });

    it('turns an exception inside the parser into a diagnostic on the document', async () => {
        const spy = vi.spyOn(mregion.parser.Lexer as MregionLexer, 'tokenizePacked').mockImplementationOnce(() => {
            throw new RangeError('Maximum call stack size exceeded');
        });
        try {
            const text = `${DESIGN_HEAD}store s { engine dynamodb }\n`;
            const { diagnostics } = await validate(text);
            expect(diagnostics).toEqual([
                expect.objectContaining({
                    code: 'syntax-error',
                    severity: 1,
                    message:
                        'this file could not be parsed (RangeError: Maximum call stack size exceeded): split it into smaller files, and please report this as a bug',
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
                }),
            ]);
        } finally {
            spy.mockRestore();
        }
    });
});

// Counted, not timed: where a comment before a declaration goes was searched from the start of the file's list of
// declarations (indexOf), for every declaration: quadratic in their number.
describe('the parser on many commented declarations', () => {
    it.each([1_000, 4_000])(
        'finds where the comments before %i declarations go in work linear in their number',
        (count) => {
            const text = `topology T\n${Array.from({ length: count }, (_, i) => `// region ${i}\nregion r-${i} { provider aws }\n`).join('')}`;
            mregion.parser.LangiumParser.parse(text); // once before counting: first-use set-up searches arrays too
            let scanned = 0;
            const { indexOf, lastIndexOf } = Array.prototype;
            const indexSpy = vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (
                this: unknown[],
                ...args: [unknown, number?]
            ) {
                const found = indexOf.apply(this, args);
                scanned += found >= 0 ? found + 1 : this.length;
                return found;
            });
            const lastIndexSpy = vi.spyOn(Array.prototype, 'lastIndexOf').mockImplementation(function (
                this: unknown[],
                ...args: [unknown, number?]
            ) {
                const found = lastIndexOf.apply(this, args);
                scanned += found >= 0 ? this.length - found : this.length;
                return found;
            });
            try {
                mregion.parser.LangiumParser.parse(text);
            } finally {
                indexSpy.mockRestore();
                lastIndexSpy.mockRestore();
            }
            expect(scanned).toBeLessThan(10 * count);
        },
    );
});

// Counted, not timed: Chevrotain's error recovery looked for a token to resume at from each syntax error between
// declarations, where the only such token is the end of the file, so it read the rest of the file once per error:
// quadratic in the size of a broken file (3 MB of fuzzed text took 17 s to check).
describe('the parser on many syntax errors between declarations', () => {
    const broken = (count: number): string =>
        `topology T\n${Array.from({ length: count }, (_, i) => `region r-${i} { provider aws }\n} 42\n`).join('')}`;

    it.each([100, 400])('reads each token a bounded number of times when recovering from %i errors', (count) => {
        const text = broken(count);
        // Counted by hand: a spy would keep the arguments of every call.
        const wrapper = (mregion.parser.LangiumParser as unknown as { wrapper: { LA(offset: number): unknown } })
            .wrapper;
        const { LA } = wrapper;
        let read = 0;
        wrapper.LA = function (this: unknown, offset: number) {
            read++;
            return LA.call(this, offset);
        };
        try {
            expect(mregion.parser.LangiumParser.parse(text).parserErrors.length).toBeGreaterThanOrEqual(count);
        } finally {
            delete (wrapper as { LA?: unknown }).LA;
        }
        expect(read).toBeLessThan(10 * mregion.parser.Lexer.tokenize(text).tokens.length);
    });

    // Each recovery parsed the rest of the list one call deeper: about 1,400 errors overflowed the stack.
    it.each([2_000, 20_000])('stops after 500 syntax errors of %i, with an error that says so', async (count) => {
        const text = broken(count);
        const { parserErrors, lexerErrors } = mregion.parser.LangiumParser.parse(text);
        expect(lexerErrors).toEqual([]);
        expect(parserErrors).toHaveLength(501);
        expect(parserErrors.at(-1)!.message).toBe(
            'more than 500 syntax errors: the rest of the file was not read; fix the errors above first',
        );
        const { diagnostics } = await validate(text);
        expect(diagnostics.filter((d) => d.code === 'syntax-error').at(-1)).toMatchObject({
            message: 'more than 500 syntax errors: the rest of the file was not read; fix the errors above first',
            range: { start: { line: 1_002 } }, // the "}" after declaration 501
        });
    });
});

// The parser links nodes to their containers in its own walk, in place of Langium's `linkContentToContainer`.
describe('the links from each node to its container', () => {
    const examples = readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.mregion'))
        .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]);
    const broken: [string, string][] = [
        ['a design cut off mid-declaration', `${DESIGN_HEAD}store s { engine dynamodb regions us-east-1, `],
        ['a clause out of place', `${DESIGN_HEAD}region r { engine dynamodb }\n`],
    ];
    it.each([...examples, ...broken])('are those Langium sets for %s', (_name, text) => {
        const root = mregion.parser.LangiumParser.parse(text).value;
        const links = (): unknown[] =>
            AstUtils.streamAst(root)
                .map((n) => [n.$type, n.$container, n.$containerProperty, n.$containerIndex])
                .toArray();
        const ours = links();
        AstUtils.linkContentToContainer(root, { deep: true });
        expect(ours).toEqual(links());
        expect(ours.length).toBeGreaterThan(1);
    });

    // The same walk keeps each top-level declaration's references for the linker (`rememberReferencesBelow`).
    it.each([...examples, ...broken])(
        'give each top-level declaration the references Langium streams below it, for %s',
        (name, text) => {
            const root = mregion.parser.LangiumParser.parse(text).value;
            const seen = (infos: readonly ReferenceInfo[]) =>
                infos.map((r) => [r.reference, r.container, r.property, r.index]);
            let count = 0;
            for (const top of AstUtils.streamContents(root)) {
                const streamed = AstUtils.streamAst(top)
                    .flatMap((node) => AstUtils.streamReferences(node))
                    .toArray();
                expect(seen(referencesBelow(top))).toEqual(seen(streamed));
                count += streamed.length;
            }
            if (name.endsWith('.mregion')) expect(count).toBeGreaterThan(0);
        },
    );
});
