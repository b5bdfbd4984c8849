// A fuzz case: the text of a design (plus files it imports) and where it came from — a generated design or an
// example with mutations — so a failure prints as something a person can read and replay.
import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { MregionGrammar } from '../../../language/generated/grammar.js';
import { designArbitrary, REGION_POOL } from './design-arbitrary.js';
import { applyMutations, describeMutation, mutationArbitrary, type Mutation } from './mutations.js';
import { junkQuantity } from './quantities.js';

export interface FuzzCase {
    /** `generated`, or `example <name>` followed by its mutations (and the edit, when there is one). */
    readonly origin: string;
    readonly main: string;
    readonly others: Readonly<Record<string, string>>;
    /** A change the editor then makes to `main`, checked against a fresh validation of the changed text. */
    readonly edit?: TextChange;
}

/** Replace `remove` characters at `at` (a fraction of the text's length) by `insert`. */
export interface TextChange {
    readonly at: number;
    readonly remove: number;
    readonly insert: string;
}

export function applyChange(text: string, change: TextChange): string {
    const start = Math.min(text.length, Math.floor(change.at * text.length));
    return text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.remove));
}

/** Keystrokes, deletions and pasted declarations, as an editor sends them. */
export const textChange: fc.Arbitrary<TextChange> = fc.record({
    at: fc.nat({ max: 9_999 }).map((n) => n / 10_000),
    remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 80 })),
    insert: fc.constantFrom(
        '',
        ' ',
        '\n',
        '\r\n',
        'x',
        '7',
        's',
        '-',
        '}',
        '{',
        '//',
        '/*',
        '"',
        'region zz { provider aws }\n',
        '\nscenario z { duration 1m }\n',
    ),
});

export interface Example {
    readonly name: string;
    readonly text: string;
}

/** Every keyword of the grammar, read from the generated grammar so the list follows the language. */
export function grammarKeywords(): string[] {
    return [
        ...new Set(
            AstUtils.streamAllContents(MregionGrammar())
                .filter(GrammarAST.isKeyword)
                .map((k) => k.value),
        ),
    ].sort();
}

export const generatedCase: fc.Arbitrary<FuzzCase> = designArbitrary.map((d) => ({
    origin: 'generated',
    main: d.main,
    others: d.others,
}));

export function mutatedCase(
    examples: readonly Example[],
    keywords: readonly string[] = grammarKeywords(),
): fc.Arbitrary<FuzzCase> {
    return fc
        .tuple(fc.constantFrom(...examples), fc.array(mutationArbitrary(keywords), { minLength: 1, maxLength: 5 }))
        .map(([example, mutations]: [Example, Mutation[]]) => ({
            origin: `example ${example.name}: ${mutations.map(describeMutation).join('; ')}`,
            main: applyMutations(example.text, mutations),
            others: {},
        }));
}

/**
 * Token soup: grammar keywords, names, quantities, strings, comments and punctuation in any order — text with the
 * language's words but none of its structure, for the parser's error recovery and everything downstream of it.
 */
export function soupCase(keywords: readonly string[] = grammarKeywords()): fc.Arbitrary<FuzzCase> {
    const token = fc.oneof(
        { arbitrary: fc.constantFrom(...keywords), weight: 8 },
        { arbitrary: fc.constantFrom(...REGION_POOL, 'orders', 'api', 'x', 'per', 'cell'), weight: 4 },
        { arbitrary: junkQuantity, weight: 3 },
        {
            arbitrary: fc.constantFrom(
                '{',
                '}',
                '{',
                '}',
                ',',
                '<->',
                '"text"',
                '"',
                '// note\n',
                '/* c */',
                '/*',
                '\n',
                '\r\n',
                '-',
                '$',
                '%',
            ),
            weight: 4,
        },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
    );
    return fc
        .array(token, { maxLength: 300 })
        .map((tokens) => ({ origin: 'token soup', main: tokens.join(' '), others: {} }));
}

/** Two in five generated designs, two in five mutated examples, one in five token soup; each then edited once. */
export function fuzzCase(examples: readonly Example[]): fc.Arbitrary<FuzzCase> {
    const keywords = grammarKeywords();
    const design = fc.oneof(
        { arbitrary: generatedCase, weight: 2 },
        { arbitrary: mutatedCase(examples, keywords), weight: 2 },
        { arbitrary: soupCase(keywords), weight: 1 },
    );
    return fc.tuple(design, textChange).map(([c, edit]) => ({
        ...c,
        edit,
        origin: `${c.origin}; then edited at ${Math.round(edit.at * 100)}%: ${edit.remove} removed, ${JSON.stringify(edit.insert)} inserted`,
    }));
}
