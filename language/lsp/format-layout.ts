// The canonical layout of a .mregion file, decided gap by gap between the tokens the lexer sees (comments
// included), so a format changes only whitespace and can never move, lose or swallow a comment.
//
// The style:
// - one declaration per line group at column 0; blank lines between declarations kept, at most one;
// - a block written on one line stays on one line (`{ provider aws  jurisdiction EU }`: two spaces between
//   clauses); a block with a line break or a `//` comment inside gets one clause per line, indented;
// - in a multi-line block the value after each clause keyword starts in one column (keywords padded);
// - consecutive one-line declarations of the same kind read as a table: their `{` and, while the rows write
//   the same clauses in the same order, each clause in one column;
// - single spaces inside a clause, none before a comma or after the `+` of an added latency, two spaces
//   between objective terms;
// - a comment on its own line stays on its own line (indented like the code it precedes); a `//` comment
//   after code stays there, and those on consecutive lines line up two spaces after the longest code;
// - the file ends with one line break.
import { CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { itemAt } from '../util/item-at.js';

export interface LayoutOptions {
    readonly tabSize: number;
    readonly insertSpaces: boolean;
}

/** Replace the text between `start` and `end` (offsets) with `text`. */
export interface GapEdit {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}

type Role = 'decl-start' | 'open' | 'close' | 'clause-start' | 'term-start' | 'comma' | 'inner';

interface Token {
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly comment?: 'line' | 'block';
    // code tokens only
    readonly role?: Role;
    readonly decl?: AstNode;
    /** True when the token lies between its declaration's braces. */
    inBlock?: boolean;
    /** True for the last token of a clause's head (its keyword; `at <time>` for a fault) in a multi-line block. */
    clauseKeyword?: boolean;
    /** Width of the clause head ending at this token. */
    headWidth?: number;
}

interface Block {
    readonly decl: AstNode;
    readonly open: number;
    readonly close: number;
    readonly multiLine: boolean;
    /** Width of the longest clause keyword, for aligning the values. */
    readonly keywordWidth: number;
}

interface Gap {
    text: string;
    /** Set for a `//` comment after code: its column is aligned later. */
    trailingLineComment?: boolean;
    /** Set for the `{` of a one-line declaration: its column may be aligned with neighbours. */
    alignBrace?: boolean;
}

/** The edits that bring `document` (parsed without errors) to the canonical layout; empty when it already is. */
export function layoutEdits(document: LangiumDocument, options: LayoutOptions): GapEdit[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const tokens = classify(root);
    if (tokens.length === 0) return [];
    const blocks = findBlocks(tokens, text);
    const blockOf = new Map<AstNode, Block>(blocks.map((b) => [b.decl, b]));
    const indentUnit = options.insertSpaces ? ' '.repeat(options.tabSize > 0 ? options.tabSize : 4) : '\t';
    const indent = (level: number): string => indentUnit.repeat(level);

    // The next code token after each position, so a comment knows what it precedes.
    const nextCodeAfter: (Token | undefined)[] = new Array(tokens.length);
    for (let i = tokens.length - 1, next: Token | undefined; i >= 0; i--) {
        nextCodeAfter[i] = next;
        if (!itemAt(tokens, i, 'token').comment) next = tokens[i];
    }
    const gaps: Gap[] = [];
    let previous: Token | undefined;
    let previousCode: Token | undefined;
    for (let i = 0; i < tokens.length; i++) {
        const t = itemAt(tokens, i, 'token');
        if (!previous) {
            gaps.push({ text: '' });
        } else {
            const source = text.slice(previous.end, t.start);
            const lineBreaks = countLineBreaks(source);
            const keepBlank = lineBreaks >= 2;
            const nextCode = t.comment ? nextCodeAfter[i] : t;
            gaps.push(gapBefore(t, previous, previousCode, nextCode, lineBreaks, keepBlank));
        }
        previous = t;
        if (!t.comment) previousCode = t;
    }

    function lines(count: number, level: number): string {
        return eol.repeat(count) + indent(level);
    }

    /** Indentation level of a token that starts a line because of its role. */
    function levelOf(t: Token | undefined): number {
        if (!t || !t.role) return 0;
        switch (t.role) {
            case 'decl-start':
                return 0;
            case 'close':
                return 0;
            case 'clause-start':
                return 1;
            case 'open':
                return 1;
            default:
                return t.inBlock ? 2 : 1;
        }
    }

    function blockOfToken(t: Token): Block | undefined {
        return t.decl ? blockOf.get(t.decl) : undefined;
    }

    /** True when the role of `t` puts it on a line of its own (in the current layout). */
    function startsLine(t: Token): boolean {
        if (t.role === 'decl-start') return true;
        if (t.role === 'clause-start' || t.role === 'close') return blockOfToken(t)?.multiLine === true;
        return false;
    }

    function spacing(t: Token, p: Token): string {
        switch (t.role) {
            case 'comma':
                return '';
            case 'term-start':
                return '  ';
            case 'clause-start':
                return p.role === 'open' ? ' ' : '  ';
            case 'close':
                return p.role === 'open' && !p.comment ? '' : ' ';
            default: {
                // `latency +2s`: the plus belongs to the value it marks as added.
                if (p.text === '+' && !p.comment) return '';
                if (p.clauseKeyword && !p.comment) {
                    const width = blockOfToken(p)?.keywordWidth ?? 0;
                    return ' '.repeat(Math.max(1, width - (p.headWidth ?? p.text.length) + 1));
                }
                return ' ';
            }
        }
    }

    function gapBefore(
        t: Token,
        p: Token,
        pCode: Token | undefined,
        nextCode: Token | undefined,
        lineBreaks: number,
        keepBlank: boolean,
    ): Gap {
        const blank = (allowed: boolean): number => (allowed && keepBlank ? 2 : 1);
        if (t.comment) {
            if (lineBreaks === 0) {
                return t.comment === 'line' ? { text: '  ', trailingLineComment: true } : { text: ' ' };
            }
            // A comment on its own line: indented like the code that follows it.
            const level =
                nextCode && nextCode.role === 'close' && nextCode.inBlock === false && isInsideBlock(t, nextCode)
                    ? 1
                    : levelOf(nextCode);
            return { text: lines(blank(p.role !== 'open' || !!p.comment), level) };
        }
        if (p.comment === 'line' || (p.comment === 'block' && lineBreaks > 0)) {
            return { text: lines(blank(t.role === 'decl-start' || t.role === 'clause-start'), levelOf(t)) };
        }
        if (p.comment === 'block') {
            // On the line of a block comment: break where the role needs it unless the comment leads the line.
            const commentLeadsLine = !pCode || countLineBreaks(text.slice(pCode.end, p.start)) > 0;
            if (startsLine(t) && !commentLeadsLine) return { text: lines(1, levelOf(t)) };
            return { text: t.role === 'comma' ? '' : spacingAfterComment(t) };
        }
        if (startsLine(t)) {
            const afterOpen = p.role === 'open';
            return { text: lines(blank(t.role !== 'close' && !afterOpen), levelOf(t)) };
        }
        if (t.role === 'open') {
            return { text: ' ', alignBrace: !blockOfToken(t)?.multiLine };
        }
        return { text: spacing(t, p) };
    }

    function spacingAfterComment(t: Token): string {
        return t.role === 'clause-start' || t.role === 'term-start' ? '  ' : ' ';
    }

    function isInsideBlock(comment: Token, close: Token): boolean {
        const block = blockOfToken(close);
        return block !== undefined && comment.start > block.open;
    }

    // Alignment moves only what follows on the same line, so one layout pass serves both steps.
    const at = positions(tokens, gaps);
    alignBraces(tokens, gaps, blocks, at);
    alignTrailingComments(tokens, gaps, at);

    const edits: GapEdit[] = [];
    let end = 0;
    tokens.forEach((t, i) => {
        const wanted = itemAt(gaps, i, 'gap').text;
        if (text.slice(end, t.start) !== wanted) edits.push({ start: end, end: t.start, text: wanted });
        end = t.end;
    });
    if (text.slice(end) !== eol) edits.push({ start: end, end: text.length, text: eol });
    return edits;
}

/**
 * Code tokens with their role, and comments, in text order: the leaves of the CST, which hold every token
 * the lexer produced, comments included (whitespace is skipped by the lexer).
 */
function classify(root: CstNode): Token[] {
    const seenDecls = new Set<AstNode>();
    const seenClauses = new Set<AstNode>();
    const seenTerms = new Set<AstNode>();
    const tokens: Token[] = [];
    for (const leaf of CstUtils.flattenCst(root)) {
        const text = leaf.text;
        const start = leaf.offset;
        const end = leaf.end;
        if (leaf.hidden) {
            if (text.startsWith('//')) tokens.push({ text, start, end, comment: 'line' });
            else if (text.startsWith('/*')) tokens.push({ text, start, end, comment: 'block' });
            continue;
        }
        const owner = leaf.astNode;
        const decl = declarationOf(owner);
        const clause = decl ? clauseOf(owner, decl) : undefined;
        const term = termOf(owner);
        let role: Role = 'inner';
        if (decl && !seenDecls.has(decl)) {
            seenDecls.add(decl);
            role = 'decl-start';
        } else if ((text === '{' || text === '}') && owner === decl) {
            role = text === '{' ? 'open' : 'close';
        } else if (clause && !seenClauses.has(clause)) {
            seenClauses.add(clause);
            role = 'clause-start';
        } else if (text === ',') {
            role = 'comma';
        } else if (term && !seenTerms.has(term)) {
            seenTerms.add(term);
            if (term.$containerIndex !== undefined && term.$containerIndex > 0) role = 'term-start';
        }
        if (term && !seenTerms.has(term)) seenTerms.add(term);
        tokens.push({ text, start, end, role, decl });
    }
    return tokens;
}

function findBlocks(tokens: Token[], text: string): Block[] {
    const blocks: Block[] = [];
    let open = -1;
    let lineComment = false;
    tokens.forEach((t, i) => {
        if (t.role === 'open') {
            open = i;
            lineComment = false;
            return;
        }
        if (open >= 0 && t.comment === 'line') lineComment = true;
        if (t.role !== 'close' || open < 0 || itemAt(tokens, open, 'token').decl !== t.decl || !t.decl) return;
        const breaks = text.indexOf('\n', itemAt(tokens, open, 'token').end);
        const multiLine = lineComment || (breaks >= 0 && breaks < t.start);
        const heads = headsIn(tokens, open + 1, i);
        blocks.push({
            decl: t.decl,
            open,
            close: i,
            multiLine,
            keywordWidth: heads.reduce((w, h) => Math.max(w, h.width), 0),
        });
        // Mark what lies inside the block, and the clause heads of a multi-line block.
        for (let j = open + 1; j < i; j++)
            if (!itemAt(tokens, j, 'token').comment) itemAt(tokens, j, 'token').inBlock = true;
        itemAt(tokens, open, 'token').inBlock = false;
        t.inBlock = false;
        if (multiLine) {
            for (const head of heads) {
                itemAt(tokens, head.end, 'token').clauseKeyword = true;
                itemAt(tokens, head.end, 'token').headWidth = head.width;
            }
        }
        open = -1;
    });
    return blocks;
}

/**
 * The head of each clause between `from` and `to`: its keyword, or for a fault `at <time>`, so the values
 * (and the fault kinds) line up. Returns the index of the head's last token and its written width.
 */
function headsIn(tokens: readonly Token[], from: number, to: number): { end: number; width: number }[] {
    const heads: { end: number; width: number }[] = [];
    for (let i = from; i < to; i++) {
        const t = itemAt(tokens, i, 'token');
        if (t.role !== 'clause-start') continue;
        const next = tokens[i + 1];
        if (t.text === 'at' && next && !next.comment && next.role === 'inner' && i + 1 < to) {
            heads.push({ end: i + 1, width: t.text.length + 1 + next.text.length });
        } else {
            heads.push({ end: i, width: t.text.length });
        }
    }
    return heads;
}

interface Position {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

/** Output line and column of every token, given the gaps chosen so far. */
function positions(tokens: readonly Token[], gaps: readonly Gap[]): Position[] {
    const result: Position[] = [];
    let line = 0;
    let column = 0;
    const advance = (s: string): void => {
        const last = s.lastIndexOf('\n');
        if (last < 0) {
            column += s.length;
            return;
        }
        line += countLineBreaks(s);
        column = s.length - last - 1;
    };
    tokens.forEach((t, i) => {
        advance(itemAt(gaps, i, 'gap').text);
        const start = { line, column };
        advance(t.text);
        result.push({ line: start.line, column: start.column, endLine: line, endColumn: column });
    });
    return result;
}

/**
 * Consecutive one-line declarations of the same kind read as a table: their `{` in one column, and each
 * clause in one column as long as the rows write the same clauses in the same order.
 */
function alignBraces(tokens: readonly Token[], gaps: Gap[], blocks: readonly Block[], at: Position[]): void {
    /** Adds spaces before token i, moving it and the rest of its line. */
    const pad = (i: number, n: number): void => {
        if (n <= 0) return;
        itemAt(gaps, i, 'gap').text += ' '.repeat(n);
        const line = itemAt(at, i, 'position').line;
        for (let j = i; j < tokens.length && itemAt(at, j, 'position').line === line; j++) {
            itemAt(at, j, 'position').column += n;
            if (itemAt(at, j, 'position').endLine === line) itemAt(at, j, 'position').endColumn += n;
        }
    };
    const alignColumn = (indices: readonly number[]): void => {
        const column = indices.reduce((most, i) => Math.max(most, itemAt(at, i, 'position').column), 0);
        for (const i of indices) pad(i, column - itemAt(at, i, 'position').column);
    };
    const candidates = blocks.filter(
        (b) =>
            itemAt(gaps, b.open, 'gap').alignBrace &&
            itemAt(at, b.open, 'position').line === itemAt(at, b.close, 'position').line &&
            itemAt(at, firstTokenOf(tokens, b), 'position').line === itemAt(at, b.open, 'position').line,
    );
    let run: Block[] = [];
    const flush = (): void => {
        if (run.length > 1) {
            alignColumn(run.map((b) => b.open));
            const rows = run.map((b) => clauseStarts(tokens, b));
            const widest = rows.reduce((most, r) => Math.max(most, r.length), 0);
            for (let k = 0; k < widest; k++) {
                const column = rows.flatMap((r) => r.slice(k, k + 1));
                if (new Set(column.map((i) => itemAt(tokens, i, 'token').text)).size > 1) break;
                alignColumn(column);
            }
        }
        run = [];
    };
    for (const block of candidates) {
        const last = run[run.length - 1];
        const follows =
            last !== undefined &&
            last.decl.$type === block.decl.$type &&
            itemAt(at, firstTokenOf(tokens, block), 'position').line === lastLineOf(at, tokens, last) + 1;
        if (!follows) flush();
        run.push(block);
    }
    flush();
}

function clauseStarts(tokens: readonly Token[], block: Block): number[] {
    const starts: number[] = [];
    for (let i = block.open + 1; i < block.close; i++)
        if (itemAt(tokens, i, 'token').role === 'clause-start') starts.push(i);
    return starts;
}

function firstTokenOf(tokens: readonly Token[], block: Block): number {
    let i = block.open;
    while (i > 0 && itemAt(tokens, i, 'token').role !== 'decl-start') i--;
    return i;
}

/** Last output line of a declaration, including a trailing comment after its `}`. */
function lastLineOf(at: readonly Position[], tokens: readonly Token[], block: Block): number {
    let i = block.close;
    while (
        i + 1 < tokens.length &&
        itemAt(tokens, i + 1, 'token').comment &&
        itemAt(at, i + 1, 'position').line === itemAt(at, block.close, 'position').line
    )
        i++;
    return itemAt(at, i, 'position').endLine;
}

/** `//` comments after code on consecutive lines start in one column, two spaces after the longest code. */
function alignTrailingComments(tokens: readonly Token[], gaps: Gap[], at: readonly Position[]): void {
    const trailing = tokens.map((_, i) => i).filter((i) => itemAt(gaps, i, 'gap').trailingLineComment);
    let run: number[] = [];
    const flush = (): void => {
        if (run.length > 1) {
            const codeEnd = (i: number): number => itemAt(at, i - 1, 'position').endColumn;
            const column = run.reduce((most, i) => Math.max(most, codeEnd(i)), 0) + 2;
            for (const i of run) itemAt(gaps, i, 'gap').text = ' '.repeat(column - codeEnd(i));
        }
        run = [];
    };
    for (const i of trailing) {
        const last = run[run.length - 1];
        if (last === undefined || itemAt(at, i, 'position').line !== itemAt(at, last, 'position').line + 1) flush();
        run.push(i);
    }
    flush();
}

function declarationOf(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current?.$container && current.$container.$container) current = current.$container;
    return current?.$container ? current : undefined;
}

function clauseOf(node: AstNode, decl: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && current.$container !== decl) current = current.$container;
    return current && current !== decl && current.$containerProperty === 'clauses' ? current : undefined;
}

function termOf(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && current.$type !== 'ObjectiveTerm') current = current.$container;
    return current;
}

function countLineBreaks(s: string): number {
    let n = 0;
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
    return n;
}
