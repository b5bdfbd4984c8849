// The parser's compact syntax tree (language/parser/compact-cst.ts) against two oracles: Langium's own tree of the
// same text (its CST builder, node for node: offsets, ranges, hidden flags, text, grammar element, AST node; where
// Langium has a composite holding one name or value token, ours has that token's leaf) and vscode's TextDocument
// for every position. What Langium's utilities find in either tree is the same: each property's nodes, each
// reference's node. And what it keeps, counted: the fields of a leaf and of a composite, before and after every
// range has been asked for (no cache grows on the nodes).
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import {
    AstUtils,
    createLangiumParser,
    GrammarAST,
    GrammarUtils,
    isCompositeCstNode,
    isLeafCstNode,
    isReference,
    type AstNode,
    type CstNode,
} from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import {
    CompactCompositeNode,
    CompactHiddenLeafNode,
    CompactLeafNode,
    CompactOwnedLeafNode,
    lineStarts,
} from '../../language/parser/compact-cst.js';
import { mregion } from '../helpers/services.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.mregion'))
    .map((f) => [f, readFileSync(new URL(f, examplesDir), 'utf8')] as const);

const langiumParser = createLangiumParser(mregion);

/**
 * Every node in document order. With `collapse`, a composite whose only child is a token read by a terminal rule
 * (a name, a reference, a quantity) stands for that token and its child is left out: the tree the compact builder
 * is meant to make, written here from Langium's tree without its code.
 */
function nodes(root: CstNode, collapse = false): CstNode[] {
    const all: CstNode[] = [];
    const pending = [root];
    while (pending.length > 0) {
        const node = pending.pop()!;
        all.push(node);
        if (!isCompositeCstNode(node) || (collapse && node !== root && holdsOneValueToken(node.content))) continue;
        for (let i = node.content.length - 1; i >= 0; i--) pending.push(node.content[i]!);
    }
    return all;
}

function holdsOneValueToken(content: readonly CstNode[]): boolean {
    const only = content[0];
    const source = only?.grammarSource;
    return (
        content.length === 1 &&
        isLeafCstNode(only) &&
        !only.hidden &&
        GrammarAST.isRuleCall(source) &&
        GrammarAST.isTerminalRule(source.rule.ref)
    );
}

function shape(node: CstNode) {
    return {
        offset: node.offset,
        end: node.end,
        range: node.range,
        hidden: node.hidden,
        text: node.text,
        grammarSource: node.grammarSource,
        astNode: node.astNode.$type,
    };
}

/**
 * The offsets of what Langium's utilities find for each AST node: each property's nodes, each reference's node. A
 * node written as one token (a quantity) is that token's leaf in the compact tree, and Langium looks for a node's
 * properties below its CST node, not at it: there the token is the property's node.
 */
function lookups(root: AstNode): unknown[] {
    const found: unknown[] = [];
    const span = (node: CstNode | undefined) => (node ? [node.offset, node.end] : undefined);
    for (const node of AstUtils.streamAst(root)) {
        found.push(node.$type, span(node.$cstNode));
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$')) continue;
            const own = isLeafCstNode(node.$cstNode)
                ? [node.$cstNode]
                : GrammarUtils.findNodesForProperty(node.$cstNode, property);
            found.push(property, own.map(span));
            for (const item of Array.isArray(value) ? value : [value])
                if (isReference(item)) found.push(item.$refText, span(item.$refNode));
        }
    }
    return found;
}

/** Checks the compact tree of `text` against Langium's tree and against TextDocument's positions. */
function expectSameAsLangium(text: string): void {
    const ourTree = mregion.parser.LangiumParser.parse(text).value;
    const theirTree = langiumParser.parse(text).value;
    const ours = nodes(ourTree.$cstNode!);
    const theirs = nodes(theirTree.$cstNode!, true);
    expect(theirs.some((n) => n instanceof CompactLeafNode || n instanceof CompactCompositeNode)).toBe(false);
    expect(ours.map(shape)).toEqual(theirs.map(shape));
    expect(lookups(ourTree)).toEqual(lookups(theirTree));
    const document = TextDocument.create('file:///t.mregion', 'mregion', 1, text);
    for (const leaf of ours.filter((n) => n instanceof CompactLeafNode))
        expect(leaf.range).toEqual({ start: document.positionAt(leaf.offset), end: document.positionAt(leaf.end) });
}

/** An example with its line breaks replaced and comments (some spanning lines) put between declarations. */
const variant = fc
    .record({
        example: fc.constantFrom(...examples.map(([, text]) => text)),
        lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
        comments: fc.array(
            fc.constantFrom('/* one */', '/* two\r\nlines */', '/* three\n\nlines\r*/', '// a line comment'),
            { maxLength: 5 },
        ),
    })
    .map(({ example, lineBreak, comments }) => {
        const lines = example.split(/\r\n|\r|\n/);
        comments.forEach((comment, i) => {
            const at = lines.findIndex((line, index) => index > i * 7 && /^(store|service|region) /.test(line));
            if (at >= 0) lines.splice(at, 0, comment);
        });
        return lines.join(lineBreak);
    });

describe('the compact syntax tree', () => {
    it.each(examples)('gives every node of %s the offsets, ranges and text of Langium’s tree', (_name, text) => {
        expectSameAsLangium(text);
    });

    it('gives the positions of Langium’s tree for any line breaks and comments spanning lines', () => {
        fc.assert(
            fc.property(variant, (text) => expectSameAsLangium(text)),
            { numRuns: 40 },
        );
    });

    it.each([
        ['an empty text', ''],
        ['a text without a line break', 'topology T'],
        ['a text ending in a line break', 'topology T\n'],
        ['\\r\\n line breaks', 'topology T\r\n\r\nregion r { provider aws }\r\n'],
        ['lone \\r line breaks', 'topology T\r\rregion r { provider aws }\r'],
        ['a comment spanning three kinds of line break', 'topology T /* a\rb\r\nc\nd */ region r { provider aws }'],
    ])('finds the line starts of %s as TextDocument does', (_name, text) => {
        const document = TextDocument.create('file:///t.mregion', 'mregion', 1, text);
        const expected = Array.from({ length: document.lineCount }, (_, line) =>
            document.offsetAt({ line, character: 0 }),
        );
        expect([...lineStarts(text)]).toEqual(expected);
        expectSameAsLangium(text);
    });

    it('finds the line starts of any mix of text and line breaks as TextDocument does', () => {
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r', '\u2028', 'é'), { maxLength: 40 }),
                (parts) => {
                    const text = parts.join('');
                    const document = TextDocument.create('file:///t.mregion', 'mregion', 1, text);
                    const expected = Array.from({ length: document.lineCount }, (_, line) =>
                        document.offsetAt({ line, character: 0 }),
                    );
                    expect([...lineStarts(text)]).toEqual(expected);
                },
            ),
            { numRuns: 2000, seed: 20261207 },
        );
    });

    it('puts a leaf in place of every composite of one name, reference or quantity token', () => {
        const text = examples.find(([name]) => name === 'netflix.mregion')![1];
        const all = nodes(mregion.parser.LangiumParser.parse(text).value.$cstNode!);
        const theirs = nodes(langiumParser.parse(text).value.$cstNode!);
        const oneToken = theirs.filter((n) => isCompositeCstNode(n) && n.container && holdsOneValueToken(n.content));
        expect(oneToken.length).toBeGreaterThan(40);
        expect(all.filter((n) => isCompositeCstNode(n) && holdsOneValueToken(n.content))).toEqual([]);
        const quantities = all.filter((n) => n instanceof CompactOwnedLeafNode);
        expect(quantities.length).toBeGreaterThan(10);
        for (const leaf of quantities) expect(leaf.astNode.$cstNode).toBe(leaf);
    });

    it('keeps five fields per leaf, six per quantity and four per composite, before and after every range was asked for', () => {
        const text = examples.find(([name]) => name === 'netflix.mregion')![1];
        const all = nodes(mregion.parser.LangiumParser.parse(text).value.$cstNode!).slice(1); // the root is Langium's
        const fieldCounts = () => new Set(all.map((n) => `${n.constructor.name} ${Object.keys(n).length}`));
        const before = fieldCounts();
        for (const node of all) void node.range;
        expect(fieldCounts()).toEqual(before);
        expect([...before].sort()).toEqual([
            `${CompactCompositeNode.name} 4`,
            `${CompactHiddenLeafNode.name} 5`,
            `${CompactLeafNode.name} 5`,
            `${CompactOwnedLeafNode.name} 6`,
        ]);
    });
});
