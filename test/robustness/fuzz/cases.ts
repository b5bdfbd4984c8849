// A fuzz case: the text of a design (plus files it imports) and where it came from — a generated design or an
// example with mutations — so a failure prints as something a person can read and replay.
import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { MregionGrammar } from '../../../language/generated/grammar.js';
import { designArbitrary, REGION_POOL } from './design-arbitrary.js';
import { applyMutations, describeMutation, mutationArbitrary, type Mutation } from './mutations.js';
import { junkQuantity } from './quantities.js';

export interface FuzzCase {
    /** `generated`, or `example <name>` followed by its mutations. */
    readonly origin: string;
    readonly main: string;
    readonly others: Readonly<Record<string, string>>;
}

export interface Example {
    readonly name: string;
    readonly text: string;
}

/** Every keyword of the grammar, read from the generated grammar so the list follows the language. */
export function grammarKeywords(): string[] {
    return [...new Set(AstUtils.streamAllContents(MregionGrammar()).filter(GrammarAST.isKeyword).map((k) => k.value))].sort();
}

export const generatedCase: fc.Arbitrary<FuzzCase> = designArbitrary.map((d) => ({ origin: 'generated', main: d.main, others: d.others }));

export function mutatedCase(examples: readonly Example[], keywords: readonly string[] = grammarKeywords()): fc.Arbitrary<FuzzCase> {
    return fc.tuple(fc.constantFrom(...examples), fc.array(mutationArbitrary(keywords), { minLength: 1, maxLength: 5 }))
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
        { arbitrary: fc.constantFrom('{', '}', '{', '}', ',', '<->', '"text"', '"', '// note\n', '/* c */', '/*', '\n', '\r\n', '-', '$', '%'), weight: 4 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
    );
    return fc.array(token, { maxLength: 300 }).map((tokens) => ({ origin: 'token soup', main: tokens.join(' '), others: {} }));
}

/** Two in five generated designs, two in five mutated examples, one in five token soup. */
export function fuzzCase(examples: readonly Example[]): fc.Arbitrary<FuzzCase> {
    const keywords = grammarKeywords();
    return fc.oneof(
        { arbitrary: generatedCase, weight: 2 },
        { arbitrary: mutatedCase(examples, keywords), weight: 2 },
        { arbitrary: soupCase(keywords), weight: 1 },
    );
}
