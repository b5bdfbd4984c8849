// Texts that crashed or hung the parser (test/language/parser-robustness.test.ts, test/server/hostile-files.test.ts),
// at the sizes that did, and the check that diagnostics point inside their document.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

export const DESIGN_HEAD = 'topology T\nregion us-east-1 { provider aws jurisdiction US }\n';

export interface HostileText {
    readonly name: string;
    readonly text: string;
    /** A message expected among the diagnostics, and the text its range must cover (from its start). */
    readonly expected?: { readonly message: RegExp; readonly at: string };
}

export const hostile: HostileText[] = [
    { name: '200,000 line comments', text: '// c\n'.repeat(200_000) },
    { name: '130,000 empty block comments on one line', text: '/**/'.repeat(130_000) },
    {
        name: '150,000 comments inside a declaration',
        text: `${DESIGN_HEAD}region eu-west-1 {\n${'// c\n'.repeat(150_000)} provider aws jurisdiction EU }\n`,
    },
    {
        name: '150,000 comments between two clauses',
        text: `${DESIGN_HEAD}region eu-west-1 { provider aws\n${'/* c */ '.repeat(150_000)} jurisdiction EU }\n`,
    },
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
        expected: {
            message:
                /^unexpected characters '@{20}…' \(1,000,000 characters\): remove them, or put them in a comment or a quoted string$/,
            at: '@@@@',
        },
    },
    {
        name: '200,000 stray characters between declarations',
        text: `${DESIGN_HEAD}${'# '.repeat(200_000)}\n`,
        expected: {
            message:
                /^199,900 more places below have characters the language does not use \(the next: '#'\): fix the 100 above first$/,
            at: '#',
        },
    },
    { name: '100,000 opening braces', text: `topology T\nregion r ${'{'.repeat(100_000)}\n` },
    { name: '100,000 closing braces', text: `${DESIGN_HEAD}${'}'.repeat(100_000)}\n` },
    {
        name: 'a NUL, a lone surrogate and a byte-order mark mid-file',
        text: `${DESIGN_HEAD}\u0000 \ud800 \ufeff region x { provider aws }\n`,
    },
];

/** Whether every diagnostic's range lies inside the document, start before end. */
export function outOfRange(text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const document = TextDocument.create('file:///x.mregion', 'mregion', 1, text);
    return diagnostics.filter(({ range: { start, end } }) => {
        const inside = (p: { line: number; character: number }) =>
            p.line >= 0 &&
            p.line < document.lineCount &&
            p.character >= 0 &&
            document.offsetAt(p) === document.offsetAt({ line: p.line, character: 0 }) + p.character;
        return !inside(start) || !inside(end) || document.offsetAt(start) > document.offsetAt(end);
    });
}

/** The diagnostic a hostile text expects (its message, starting at the expected characters), if it was given. */
export function expectedDiagnostic(
    text: string,
    diagnostics: readonly Diagnostic[],
    expected: NonNullable<HostileText['expected']>,
): Diagnostic | undefined {
    const document = TextDocument.create('file:///x.mregion', 'mregion', 1, text);
    return diagnostics.find(
        (d) =>
            expected.message.test(String(d.message)) && text.startsWith(expected.at, document.offsetAt(d.range.start)),
    );
}
