// The parser reads packed tokens (language/parser/packed-tokens.ts, packed-token-input.ts), each made into an object
// when read. Its oracle is the parser reading Chevrotain's own token vector from Chevrotain's lexer: both must give
// the same syntax tree, AST and errors for any text — valid designs, hostile texts, and broken ones, where error
// recovery reads back (LA(0)) and far ahead (re-synchronisation) of the current token.
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { AstUtils, CstUtils, isReference, type AstNode, type ParseResult } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import type { MregionLexer } from '../../language/parser/lexer.js';
import { mregion } from '../helpers/services.js';
import { DESIGN_HEAD, hostile } from './hostile-texts.js';

const parser = mregion.parser.LangiumParser;
const lexer = mregion.parser.Lexer as MregionLexer;
const EXAMPLES = new URL('../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]);

/** Everything a reader of a parse result can see, as lines of text. */
function described(result: ParseResult<AstNode>): string[] {
    const lines: string[] = [];
    const root = result.value.$cstNode;
    if (root)
        for (const node of CstUtils.streamCst(root))
            lines.push(`cst ${node.offset}-${node.end} ${node.hidden} ${node.grammarSource?.$type}`);
    for (const node of AstUtils.streamAst(result.value)) {
        const fields = Object.entries(node)
            .filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => `${key}=${shown(value)}`);
        const at = node.$cstNode ? `${node.$cstNode.offset}-${node.$cstNode.end}` : 'nowhere';
        lines.push(`ast ${node.$type} ${node.$containerProperty}[${node.$containerIndex}] ${at} ${fields.join(' ')}`);
    }
    for (const e of result.parserErrors)
        lines.push(`parser ${e.name} ${e.message} at ${e.token.startOffset} ${JSON.stringify(e.token.image)}`);
    for (const e of result.lexerErrors) lines.push(`lexer ${JSON.stringify(e)}`);
    return lines;
}

/** A field's value; child nodes appear as their own lines, so here only as their kind. */
function shown(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
    if (isReference(value)) return `@${value.$refText}`;
    if (value !== null && typeof value === 'object' && '$type' in value) return `<${String(value.$type)}>`;
    return JSON.stringify(value);
}

function expectSameAsTokenVector(text: string): void {
    const packed = described(parser.parse(text));
    const spy = vi.spyOn(lexer, 'tokenizePacked').mockReturnValue(undefined);
    try {
        expect(packed).toEqual(described(parser.parse(text)));
    } finally {
        spy.mockRestore();
    }
}

const junk = fc.constantFrom('{', '}', 'store', 'region', 'x', '5 s', '"s"', ',', 'replicas', '->', '99.9%', ' ', '\n');

describe('the parser reading packed tokens', () => {
    it('reads them for the mregion vocabulary', () => {
        expect(lexer.tokenizePacked('topology T')).toBeDefined();
    });

    it.each(examples)('parses %s as it does from the token vector', (_file, text) => {
        expectSameAsTokenVector(text);
    });

    it.each(hostile.map((h) => [h.name, h.text] as const))('parses %s as it does from the token vector', (_n, text) => {
        expectSameAsTokenVector(text);
    });

    const broken = [
        ['a clause cut short', `${DESIGN_HEAD}store s { regions us-east-1 replication }\n`],
        ['a declaration never closed', `${DESIGN_HEAD}store s { regions us-east-1\nservice a {\n`],
        [
            'a stray keyword followed by 300 tokens before the next that fits (re-synchronisation past 64 tokens)',
            `${DESIGN_HEAD}store s { regions us-east-1 store ${'x , '.repeat(150)} }\nservice a { }\n`,
        ],
        ['600 broken declarations (past the error bound)', `${DESIGN_HEAD}${'store { } '.repeat(600)}`],
        ['one token', 'topology'],
        ['nothing', ''],
    ] as const;
    it.each(broken)('parses %s as it does from the token vector', (_n, text) => {
        expectSameAsTokenVector(text);
    });

    it('parses examples with random deletions, duplications and junk as it does from the token vector', () => {
        const texts = examples.map(([, text]) => text);
        fc.assert(
            fc.property(
                fc.constantFrom(...texts),
                fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.array(junk, { maxLength: 6 })), {
                    minLength: 1,
                    maxLength: 4,
                }),
                (text, edits) => {
                    let changed = text;
                    for (const [at, cut, inserted] of edits) {
                        const start = at % (changed.length + 1);
                        changed = changed.slice(0, start) + inserted.join(' ') + changed.slice(start + cut);
                    }
                    expectSameAsTokenVector(changed);
                },
            ),
            { numRuns: 300, seed: 20261207 },
        );
    });
});
