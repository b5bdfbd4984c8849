// A fuzz case: the text of a design (plus files it imports) and where it came from — a generated design or an
// example with mutations — so a failure prints as something a person can read and replay.
import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { MregionGrammar } from '../../../language/generated/grammar.js';
import { designArbitrary } from './design-arbitrary.js';
import { applyMutations, describeMutation, mutationArbitrary, type Mutation } from './mutations.js';

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

/** Half generated designs, half mutated examples. */
export function fuzzCase(examples: readonly Example[]): fc.Arbitrary<FuzzCase> {
    return fc.oneof(generatedCase, mutatedCase(examples));
}
