// Re-parsing only the edited declarations must give exactly the tree a full parse of the new text gives: the
// same AST (types, properties, reference texts, containment), the same CST (every node, token and comment) and
// the same positions (offsets, lines, columns). Where that cannot be certain the splice declines and the whole
// file is parsed.
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { AstUtils, CstUtils, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { spliceChangedDeclarations } from '../../language/parser/declaration-splice.js';
import { mregion } from '../helpers/services.js';
import { applyEdit as apply, designEdits as edits, examples } from './design-edits.js';

const parser = mregion.parser.LangiumParser;
const examplesDir = new URL('../../examples/', import.meta.url);
const fintech = readFileSync(new URL('fintech.mregion', examplesDir), 'utf8');

/** Everything a later phase can read from a parse result, positions included, as plain data. */
function dump(result: ParseResult<AstNode>): unknown {
    const ast = AstUtils.streamAst(result.value)
        .map((node) => {
            const properties: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(node)) {
                if (key.startsWith('$')) continue;
                const one = (v: unknown): unknown =>
                    isReference(v)
                        ? { ref: v.$refText, at: v.$refNode?.range }
                        : typeof v === 'object' && v !== null && '$type' in v
                          ? (v as AstNode).$type
                          : v;
                properties[key] = Array.isArray(value) ? value.map(one) : one(value);
            }
            return {
                type: node.$type,
                in: node.$containerProperty,
                index: node.$containerIndex,
                parentType: node.$container?.$type,
                cst: cstOf(node.$cstNode),
                properties,
            };
        })
        .toArray();
    const cst = CstUtils.streamCst(result.value.$cstNode!)
        .map((node) => ({
            ...cstOf(node),
            hidden: node.hidden,
            token: 'tokenType' in node ? (node as { tokenType: { name: string } }).tokenType.name : undefined,
            owner: node.astNode.$type,
            grammar: node.grammarSource?.$type,
            children: 'content' in node ? (node as { content: CstNode[] }).content.length : undefined,
        }))
        .toArray();
    return {
        ast,
        cst,
        text: result.value.$cstNode?.root.fullText,
        errors: [result.lexerErrors.length, result.parserErrors.length],
    };
}

function cstOf(node: CstNode | undefined): Record<string, unknown> | undefined {
    return node && { offset: node.offset, end: node.end, range: node.range, text: node.text };
}

/** Splices `newText` into a fresh parse of `oldText`; the fresh parse of `newText` to compare with. */
function spliceAndParse(
    oldText: string,
    newText: string,
): { spliced: ParseResult<AstNode> | undefined; fresh: ParseResult<AstNode> } {
    return {
        spliced: spliceChangedDeclarations(parser, parser.parse(oldText), oldText, newText),
        fresh: parser.parse(newText),
    };
}

function edit(text: string, find: string, replacement: string, occurrence = 0): string {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(find, at + 1);
    if (at < 0) throw new Error(`'${find}' not in the text`);
    return text.slice(0, at) + replacement + text.slice(at + find.length);
}

describe('re-parsing only the edited declarations', () => {
    const taken: [string, string][] = [
        [
            'typing a digit into a value',
            edit(fintech, 'detect health-check every 10s', 'detect health-check every 105s'),
        ],
        ['deleting a clause', edit(fintech, '    invariant   non-negative balance\n', '')],
        [
            'adding a declaration between two others',
            edit(fintech, '\nstore sessions', '\nregion ap-south-1 { provider aws }\n\nstore sessions'),
        ],
        [
            'deleting a whole declaration',
            edit(fintech, fintech.slice(fintech.indexOf('store sessions'), fintech.indexOf('service payments')), ''),
        ],
        [
            'editing a comment between declarations',
            edit(fintech, '\nstore sessions', '\n// sessions follow their user\nstore sessions'),
        ],
        [
            'adding lines, which moves every later declaration down',
            edit(fintech, '    engine      cockroachdb\n', '    engine      cockroachdb\n\n\n'),
        ],
        ['typing at the end of the file', `${fintech}\nregion sa-east-1 { provider aws }\n`],
        ['renaming a reference', edit(fintech, 'uses      ledger, sessions', 'uses      ledger2, sessions')],
        [
            'two declarations on one line, the first edited',
            edit(
                fintech,
                'region us-east-2    { provider aws  jurisdiction US }\n',
                'region us-east-2 { provider aws }  region ca-central-1 { provider aws }\n',
            ).replace('region us-east-2 { provider aws }', 'region us-east-2 { provider gcp }'),
        ],
    ];
    it.each(taken)('splices the tree a full parse gives after %s', (_name, newText) => {
        const { spliced, fresh } = spliceAndParse(fintech, newText);
        expect(spliced).toBeDefined();
        expect(dump(spliced!)).toEqual(dump(fresh));
    });

    // 150,000 comments are more than a spread of arguments can carry (a RangeError before).
    it('splices a paste of 150,000 comments between two declarations', () => {
        const newText = edit(fintech, '\nstore sessions', `\n${'// pasted\n'.repeat(150_000)}store sessions`);
        const { spliced, fresh } = spliceAndParse(fintech, newText);
        expect(spliced).toBeDefined();
        expect(dump(spliced!)).toEqual(dump(fresh));
    });

    // Syntax nodes remember their range once asked (the model builder asks before the next edit comes).
    const twoOnALine = edit(
        fintech,
        'region us-east-2    { provider aws  jurisdiction US }\n',
        'region us-east-2 { provider aws }  region ca-central-1 { provider aws }\n',
    );
    const afterRangesWereRead: [string, string, string][] = [
        ...taken.map(([name, newText]): [string, string, string] => [name, fintech, newText]),
        [
            'a change that moves a declaration on the same line sideways',
            twoOnALine,
            edit(twoOnALine, 'region us-east-2 { provider aws }', 'region us-east-2 { provider  aws }'),
        ],
        [
            'a change that moves the rest of a line sideways',
            fintech,
            edit(fintech, 'detect health-check every 10s', 'detect health-check every 1s'),
        ],
    ];
    it.each(afterRangesWereRead)(
        'gives the positions of a full parse after %s, when every range was read before',
        (_name, oldText, newText) => {
            const previous = parser.parse(oldText);
            dump(previous);
            const spliced = spliceChangedDeclarations(parser, previous, oldText, newText);
            expect(spliced).toBeDefined();
            expect(dump(spliced!)).toEqual(dump(parser.parse(newText)));
        },
    );

    const declined: [string, string][] = [
        ['an edit in the topology', edit(fintech, 'topology Fintech', 'topology Fintech2')],
        [
            'an edit that leaves a syntax error',
            edit(fintech, '    holds       shared rows\n', '    holds       shared rows {\n'),
        ],
        ['an unclosed block comment', edit(fintech, '\nstore sessions', '\n/* draft\nstore sessions')],
        ['text glued to the start of the next declaration', edit(fintech, '\nstore sessions', '\nxstore sessions')],
    ];
    // Three regions on one line: commenting out the middle one comments out the last one too.
    const oneLine = edit(
        fintech,
        'region us-east-2    { provider aws  jurisdiction US }\n',
        'region us-east-2 { provider aws }  region ca-central-1 { provider aws }  ',
    );
    declined.push([
        'a line comment that runs on into the next declaration on its line',
        edit(oneLine, 'region ca-central-1', '// region ca-central-1'),
    ]);
    it.each(declined)('declines %s and leaves the whole parse to the caller', (_name, newText) => {
        const oldText = newText.includes('// region ca-central-1') ? oneLine : fintech;
        const previous = parser.parse(oldText);
        const before = dump(previous);
        expect(spliceChangedDeclarations(parser, previous, oldText, newText)).toBeUndefined();
        expect(dump(previous)).toEqual(before);
    });

    it('gives the tree of a full parse after any single edit it accepts, and declines without touching the tree otherwise', () => {
        let splicedCount = 0;
        fc.assert(
            fc.property(edits, (change) => {
                const oldText = examples[change.example]!;
                const newText = apply(oldText, change);
                const previous = parser.parse(oldText);
                const before = dump(previous);
                const spliced = spliceChangedDeclarations(parser, previous, oldText, newText);
                if (spliced) {
                    splicedCount++;
                    expect(dump(spliced)).toEqual(dump(parser.parse(newText)));
                } else {
                    expect(dump(previous)).toEqual(before);
                }
            }),
            { numRuns: 400, seed: 20261129 },
        );
        // Most random keystrokes leave a syntax error and are declined; the edits of a valid design are spliced.
        expect(splicedCount).toBeGreaterThan(150);
    });

    it('keeps giving the tree of a full parse over a sequence of edits to the same tree', () => {
        fc.assert(
            fc.property(fc.array(edits, { minLength: 2, maxLength: 8 }), (sequence) => {
                let text = examples[sequence[0]!.example]!;
                let current = parser.parse(text);
                for (const change of sequence) {
                    const next = apply(text, change);
                    current = spliceChangedDeclarations(parser, current, text, next) ?? parser.parse(next);
                    text = next;
                    expect(dump(current)).toEqual(dump(parser.parse(text)));
                }
            }),
            { numRuns: 100, seed: 7 },
        );
    });
});
