// The parser's value converter decides each grammar element's conversion once; the oracle is Langium's own
// converter, asked afresh for every node. For every syntax node of every example (leaves and the composites of data
// type rules, which the parser converts too), both give the same value.
import { readdirSync, readFileSync } from 'node:fs';
import { CstUtils, DefaultValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { MregionValueConverter } from '../../language/parser/value-converter.js';
import { mregion } from '../helpers/services.js';
import { DESIGN_HEAD } from './hostile-texts.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const texts: [string, string][] = [
    ...readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.mregion'))
        .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]),
    ['strings with escapes', `${DESIGN_HEAD}region r { city "a \\"b\\" \\\\ \\n c" }\n`],
];

describe('the value of a syntax node', () => {
    it.each(texts)("is Langium's value for every node of %s", (_name, text) => {
        const ours = new MregionValueConverter();
        const langium = new DefaultValueConverter();
        const root = mregion.parser.LangiumParser.parse(text).value;
        let converted = 0;
        for (const node of CstUtils.streamCst(root.$cstNode!)) {
            if (node.grammarSource === undefined || node.hidden) continue;
            let expected: unknown;
            try {
                expected = langium.convert(node.text, node);
            } catch (error) {
                expect(() => ours.convert(node.text, node)).toThrow((error as Error).message);
                continue;
            }
            // Asked twice: the second answer comes from what the first decided.
            expect(ours.convert(node.text, node)).toEqual(expected);
            expect(ours.convert(node.text, node)).toEqual(expected);
            if (expected !== node.text) converted++;
        }
        expect(converted).toBeGreaterThan(0);
    });
});
