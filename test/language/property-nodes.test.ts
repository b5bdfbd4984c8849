// The model builder's lookup of the syntax nodes a property was parsed from finds what Langium's
// `GrammarUtils.findNodesForProperty` finds (the oracle), for every AST node of every example and every property
// name the grammar assigns, including properties a node does not have, and in broken text.
import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { propertyNode, propertyNodes } from '../../language/semantics/builder/property-nodes.js';
import { mregion } from '../helpers/services.js';
import { DESIGN_HEAD } from './hostile-texts.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const properties = [
    ...new Set(
        AstUtils.streamAllContents(mregion.Grammar)
            .filter(GrammarAST.isAssignment)
            .map((a) => a.feature),
    ),
];

const texts: [string, string][] = [
    ...readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.mregion'))
        .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]),
    ['a design cut off mid-declaration', `${DESIGN_HEAD}store s { engine dynamodb regions us-east-1, `],
    ['a clause out of place', `${DESIGN_HEAD}region r { engine dynamodb }\n`],
    ['comments between values', `${DESIGN_HEAD}cell c { regions /* a */ us-east-1, // b\n eu-west-1 }\n`],
];

describe('the syntax nodes of a property', () => {
    it.each(texts)('are those Langium finds, for every node and property of %s', (_name, text) => {
        const root = mregion.parser.LangiumParser.parse(text).value;
        let compared = 0;
        for (const node of AstUtils.streamAst(root)) {
            for (const property of properties) {
                const theirs = GrammarUtils.findNodesForProperty(node.$cstNode, property);
                expect(propertyNodes(node.$cstNode, property)).toEqual(theirs);
                expect(propertyNode(node.$cstNode, property)).toBe(theirs[0]);
                for (const [index, found] of theirs.entries())
                    expect(propertyNodes(node.$cstNode, property, index + 1)[index]).toBe(found);
                compared += theirs.length;
            }
        }
        expect(compared).toBeGreaterThan(0);
    });
});
