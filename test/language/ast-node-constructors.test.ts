// The parser makes its AST nodes with a constructor per type (language/parser/ast-node-constructors.ts), where
// Langium makes each from a `{ $type }` literal. Oracle: Langium's own parser over the same grammar and text.
// Readers must not tell the difference: plain objects (prototype `Object.prototype`, constructor `Object`), the
// same properties with the same values, the same order of their own properties.
import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, createLangiumParser, isAstNode, isReference, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { mregion } from '../helpers/services.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const langiumParser = createLangiumParser(mregion);

/** A node's own properties as a reader sees them: nodes by type, references by text, lists item by item. */
function projection(node: AstNode): unknown[] {
    const shown = (value: unknown): unknown =>
        Array.isArray(value)
            ? value.map(shown)
            : isReference(value)
              ? `-> ${value.$refText}`
              : isAstNode(value)
                ? `node ${value.$type}`
                : value;
    return Object.entries(node)
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, value]) => [key, shown(value)]);
}

const texts: [string, string][] = [
    ...readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.mregion'))
        .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]),
    [
        'a design cut off mid-declaration',
        'topology T\nregion us-east-1 {}\nstore s { engine dynamodb regions us-east-1, ',
    ],
    ['a clause out of place', 'topology T\nregion r { engine dynamodb }\n'],
    ['a quantity without its clause', 'topology T\nstore s { 5s }\n'],
];

describe('the AST nodes of the parser', () => {
    it.each(texts)('are plain objects holding what Langium’s nodes hold, for %s', (_name, text) => {
        const ours = AstUtils.streamAst(mregion.parser.LangiumParser.parse(text).value).toArray();
        const theirs = AstUtils.streamAst(langiumParser.parse(text).value).toArray();
        expect(ours.map((n) => n.$type)).toEqual(theirs.map((n) => n.$type));
        expect(ours.map(projection)).toEqual(theirs.map(projection));
        for (const node of ours) {
            expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
            expect(node.constructor).toBe(Object);
        }
        expect(ours.length).toBeGreaterThan(1);
    });
});
