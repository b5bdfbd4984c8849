// Re-parses only the top-level declarations an edit touched and splices them into the previous syntax tree.
// Every top-level declaration is a `keyword … { … }` block the lexer and parser can start afresh at, so the
// text between two untouched declarations parses on its own exactly as it would inside the whole file. On a
// 10k-line design this replaces a full parse (and the garbage of a whole new tree) per keystroke.
//
// The splice is taken only when the result is certain to equal a fresh parse: the previous tree had no lexer or
// parser errors, the re-parsed span has none either, holds declarations only (no import or topology), and its
// edges cannot join tokens with the untouched text around it. Anything else returns undefined and the caller
// parses the whole file. test/language/declaration-splice.test.ts compares spliced trees with fresh parses.
//
// Positions: a leaf keeps only its offset (language/parser/compact-cst.ts: lines and columns are read from the
// root's text), so a moved leaf gets its new offset and nothing else; the root forgets the range it cached.
import type { AstNode, CompositeCstNode, CstNode, LangiumParser, ParseResult, RootCstNode } from 'langium';
import { isDocument, type Document } from '../generated/ast.js';
import { contentOf, forgetCachedRange, setContainer, setRootText } from '../langium/internals.js';
import { CompactLeafNode } from './compact-cst.js';
import { spliceAll } from './splice-array.js';

export function spliceChangedDeclarations(
    parser: LangiumParser,
    previous: ParseResult<AstNode>,
    oldText: string,
    newText: string,
): ParseResult<AstNode> | undefined {
    if (!isClean(previous)) return undefined;
    const document = previous.value;
    if (!isDocument(document)) return undefined;
    const rootCst = document.$cstNode as RootCstNode | undefined;
    if (!rootCst || rootCst.fullText !== oldText) return undefined;

    const change = changedRegion(oldText, newText);
    const children = contentOf(rootCst);
    const declarations = new Set<CstNode>(
        document.elements.map((e) => e.$cstNode).filter((c): c is CstNode => c !== undefined),
    );

    // The window of root children to replace: from after the last untouched node before the change (moving
    // back over the comments that precede the change) to the first declaration that starts after it.
    let first = children.findIndex((c) => c.end >= change.start);
    if (first < 0) first = children.length;
    while (children[first - 1]?.hidden) first--;
    const before = children[first - 1];
    if (!before) return undefined;
    let end = first;
    for (let c = children[end]; c && (c.hidden || c.offset <= change.oldEnd); c = children[end]) end++;
    for (const c of children.slice(first, end)) if (!c.hidden && !declarations.has(c)) return undefined;

    const lo = before.end;
    const after = children[end];
    const hi = after ? after.offset : oldText.length;
    const delta = newText.length - oldText.length;
    const spanText = newText.slice(lo, hi + delta);
    if (!separates(newText, lo) || !separates(newText, hi + delta)) return undefined;
    // A line comment on the span's last line would run on into the untouched declaration after it.
    if (/\//.test(spanText.slice(lastLineStart(spanText)))) return undefined;
    const span = parser.parse(spanText);
    if (!isClean(span) || !isDocument(span.value)) return undefined;
    const spanDocument = span.value;
    if (spanDocument.imports.length > 0 || spanDocument.topology !== undefined) return undefined;
    const spanRoot = spanDocument.$cstNode as CompositeCstNode | undefined;
    const added = spanRoot?.content ?? [];

    // From here on the previous tree is changed in place; nothing below can fail.
    for (const node of added) shift(node, lo);
    for (const c of children.slice(end)) shift(c, delta);

    const removedDeclarations = children.slice(first, end).filter((c) => !c.hidden).length;
    const declarationsBefore = children.slice(0, first).filter((c) => declarations.has(c)).length;
    for (const node of added) setContainer(node, rootCst);
    spliceAll(children, first, end - first, added);
    setRootText(rootCst, newText);
    forgetCachedRange(rootCst);

    const elements = document.elements as Document['elements'][number][];
    spliceAll(elements, declarationsBefore, removedDeclarations, spanDocument.elements);
    for (let i = declarationsBefore; i < elements.length; i++) {
        const element = elements[i] as Document['elements'][number] & {
            $container: AstNode;
            $containerProperty: string;
            $containerIndex: number;
        };
        element.$container = document;
        element.$containerProperty = 'elements';
        element.$containerIndex = i;
    }
    return previous;
}

function isClean(result: ParseResult<AstNode>): boolean {
    return (
        result.lexerErrors.length === 0 &&
        result.parserErrors.length === 0 &&
        (result.lexerReport?.diagnostics.length ?? 0) === 0
    );
}

/** The edit as the longest common prefix and suffix leave it: [start, oldEnd) in the old text. */
function changedRegion(oldText: string, newText: string): { start: number; oldEnd: number } {
    const shorter = Math.min(oldText.length, newText.length);
    // Comparing whole slices is many times faster than comparing characters one by one on a large file; the
    // searches narrow the common prefix and suffix down to a block, and the last block goes character by character.
    const block = 256;
    let prefix = longestCommon(shorter, block, (n) => oldText.slice(0, n) === newText.slice(0, n));
    while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
    const room = shorter - prefix;
    let suffix = longestCommon(
        room,
        block,
        (n) => oldText.slice(oldText.length - n) === newText.slice(newText.length - n),
    );
    while (
        suffix < room &&
        oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
    )
        suffix++;
    return { start: prefix, oldEnd: oldText.length - suffix };
}

/** The largest multiple of `block` up to `limit` for which `same` holds (it holds for every smaller length). */
function longestCommon(limit: number, block: number, same: (length: number) => boolean): number {
    let low = 0;
    let high = Math.floor(limit / block);
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (same(mid * block)) low = mid;
        else high = mid - 1;
    }
    return low * block;
}

/** Whether a token can end just before `at` and another start at `at`, as in a parse of the whole text. */
function separates(text: string, at: number): boolean {
    if (at <= 0 || at >= text.length) return true;
    const left = text.charAt(at - 1);
    const right = text.charAt(at);
    // `}` and a closing quote end their token whatever follows; white space ends any token.
    return left === '}' || left === '"' || /\s/.test(left) || /\s/.test(right);
}

function lastLineStart(text: string): number {
    return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
}

/** Moves every leaf of a subtree by `offset` characters. */
function shift(node: CstNode, offset: number): void {
    if (offset === 0) return;
    if (node instanceof CompactLeafNode) {
        node.offset += offset;
        return;
    }
    if ('content' in node) for (const child of (node as CompositeCstNode).content) shift(child, offset);
}
