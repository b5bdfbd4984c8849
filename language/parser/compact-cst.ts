// The syntax tree's nodes, smaller than Langium's: a large design has about one leaf per 8 characters and one
// composite per 11, so their size is most of the tree's memory.
// - A leaf keeps its offset and length, not its line and column: those are read from the root's line starts when
//   asked (one table per text, built on the first request), nor whether it is hidden (a comment is a leaf of
//   its own class). Langium's leaf keeps five more fields (104 → 64 bytes a leaf without pointer compression), and the
//   declaration splice moves a leaf by its offset alone.
// - A composite does not cache its range: the cache held three objects per composite once anything had asked
//   (the model builder asks for nearly all of them), about 8 MB per MB of text; the range is worked out from the
//   first and last leaf in a few steps.
// They implement Langium's public CST interfaces (its utilities recognise nodes by shape, not class) and give the
// same positions as Langium's nodes (test/language/compact-cst.test.ts).
import type { TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

type Position = Range['start'];
type AbstractElement = GrammarAST.AbstractElement;

export class CompactLeafNode implements LeafCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: AbstractElement | undefined = undefined;

    constructor(
        /** Moved in place by the declaration splice, so not read-only. */
        public offset: number,
        readonly length: number,
        readonly tokenType: TokenType,
    ) {}

    /** Whether the leaf is a comment: said by its class (`CompactHiddenLeafNode`), not by a field of each leaf. */
    get hidden(): boolean {
        return false;
    }

    get end(): number {
        return this.offset + this.length;
    }

    get range(): Range {
        const root = rootOf(this);
        return { start: positionAt(root, this.offset), end: positionAt(root, this.end) };
    }

    get astNode(): AstNode {
        if (!this.container) throw new Error('This node has no associated AST element');
        return this.container.astNode;
    }

    get root(): RootCstNode {
        return rootOf(this) as RootCstNode;
    }

    get text(): string {
        return textOf(this);
    }
}

/** A comment (a token of the hidden group), which the parser does not read. */
export class CompactHiddenLeafNode extends CompactLeafNode {
    override get hidden(): boolean {
        return true;
    }
}

/**
 * The leaf of a node written as one token (a `Quantity`): it is that AST node's CST node, where Langium has a
 * composite holding the leaf (`cst-node-builder.ts`).
 */
export class CompactOwnedLeafNode extends CompactLeafNode {
    private ownAstNode: AstNode | undefined = undefined;

    override get astNode(): AstNode {
        return this.ownAstNode ?? super.astNode;
    }

    override set astNode(value: AstNode | undefined) {
        this.ownAstNode = value;
    }
}

export class CompactCompositeNode implements CompositeCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: AbstractElement | undefined = undefined;
    content: CstNode[] = [];
    private ownAstNode: AstNode | undefined = undefined;

    get astNode(): AstNode {
        for (let node: CstNode | undefined = this; node; node = node.container) {
            if (node instanceof CompactCompositeNode) {
                if (node.ownAstNode) return node.ownAstNode;
            } else return node.astNode; // Langium's root node
        }
        throw new Error('This node has no associated AST element');
    }

    set astNode(value: AstNode | undefined) {
        this.ownAstNode = value;
    }

    get hidden(): boolean {
        return false;
    }

    get offset(): number {
        return firstNonHidden(this)?.offset ?? 0;
    }

    get end(): number {
        return lastNonHidden(this)?.end ?? 0;
    }

    get length(): number {
        return this.end - this.offset;
    }

    /** Langium's composite range, uncached: from the first non-hidden child's start to the last one's end. */
    get range(): Range {
        if (this.content.length === 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const root = rootOf(this);
        const start = positionAt(root, this.offset);
        const end = positionAt(root, this.end);
        return { start, end: end.line < start.line ? start : end };
    }

    get root(): RootCstNode {
        return rootOf(this) as RootCstNode;
    }

    get text(): string {
        return textOf(this);
    }
}

function firstNonHidden(node: CompositeCstNode): CstNode | undefined {
    for (const child of node.content) if (!child.hidden) return child;
    return node.content[0];
}

function lastNonHidden(node: CompositeCstNode): CstNode | undefined {
    for (let i = node.content.length - 1; i >= 0; i--) {
        const child = node.content[i];
        if (child && !child.hidden) return child;
    }
    return node.content[node.content.length - 1];
}

function rootOf(node: CstNode): CstNode {
    let root = node;
    while (root.container) root = root.container;
    return root;
}

function textOf(node: CstNode): string {
    const root = rootOf(node) as Partial<RootCstNode>;
    return typeof root.fullText === 'string' ? root.fullText.substring(node.offset, node.end) : '';
}

/** The offsets at which the lines of a root's text start, for the text it had when they were computed. */
const lineTables = new WeakMap<object, { text: string; starts: Uint32Array }>();

/**
 * The line and character of `offset` in the text of `root`. A node not (yet) in a tree with a text — never asked
 * for its range while the parser builds it — is at line 0.
 */
export function positionAt(root: CstNode, offset: number): Position {
    const text = (root as Partial<RootCstNode>).fullText;
    if (typeof text !== 'string') return { line: 0, character: offset };
    let table = lineTables.get(root);
    if (table?.text !== text) lineTables.set(root, (table = { text, starts: lineStarts(text) }));
    const line = lineAt(table.starts, offset);
    return { line, character: offset - (table.starts[line] ?? 0) };
}

/** The 0-based line holding `offset`: the last line that starts at or before it (binary search over `starts`). */
export function lineAt(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if ((starts[mid] ?? 0) <= offset) low = mid;
        else high = mid - 1;
    }
    return low;
}

/** Where each line starts; a line ends at `\n`, `\r\n` or `\r`, as in the lexer and in LSP. */
export function lineStarts(text: string): Uint32Array {
    let count = 1;
    forEachLineBreak(text, () => count++);
    const starts = new Uint32Array(count);
    let line = 1;
    forEachLineBreak(text, (next) => (starts[line++] = next));
    return starts;
}

/**
 * Calls `visit` with the offset after each line break, in order. The breaks are found with `indexOf` (a 10 MB text
 * took 135 ms read a character at a time, 20 ms this way), each kind's next one kept so that the text is read once.
 */
function forEachLineBreak(text: string, visit: (next: number) => void): void {
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
        if (cr !== -1 && (lf === -1 || cr < lf)) {
            // \r, or \r\n as one break
            const next = lf === cr + 1 ? cr + 2 : cr + 1;
            visit(next);
            if (lf === cr + 1) lf = text.indexOf('\n', next);
            cr = text.indexOf('\r', cr + 1);
        } else {
            visit(lf + 1);
            lf = text.indexOf('\n', lf + 1);
        }
    }
}
