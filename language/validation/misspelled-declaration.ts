// A misspelled declaration keyword (`servcie storefront { … }`) makes the parser skip the whole declaration, and
// its recovery then reads the block's clauses as stray text: one slip became a screen of syntax errors plus an
// unknown-name error at every use of the name. The first error says what happened and how to fix it; the ones
// that follow from it are folded into it, with their count, so the fix is not buried.
import { AstUtils, GrammarAST, type Grammar } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { itemAt } from '../util/item-at.js';

/** The keywords that open a top-level declaration, and those of them whose next word is the declared name. */
export interface DeclarationKeywords {
    readonly all: readonly string[];
    readonly naming: ReadonlySet<string>;
}

/** Read from the entry rule: each rule it calls opens with a keyword (`store`), perhaps followed by `name=`. */
export function declarationKeywords(grammar: Grammar): DeclarationKeywords {
    const entry = grammar.rules.find((r) => GrammarAST.isParserRule(r) && r.entry);
    const all: string[] = [];
    const naming = new Set<string>();
    if (!entry || !GrammarAST.isParserRule(entry)) return { all, naming };
    for (const call of AstUtils.streamAllContents(entry.definition).filter(GrammarAST.isRuleCall)) {
        const rule = call.rule.ref;
        if (!GrammarAST.isParserRule(rule) || !GrammarAST.isGroup(rule.definition)) continue;
        const [first, second] = rule.definition.elements;
        if (!first || !GrammarAST.isKeyword(first) || all.includes(first.value)) continue;
        all.push(first.value);
        if (second && GrammarAST.isAssignment(second) && second.feature === 'name') naming.add(first.value);
    }
    return { all, naming };
}

/** The few facts about a token this needs (a Chevrotain token has them). */
export interface Token {
    readonly image: string;
    readonly startOffset: number;
}

export interface DeclarationText {
    readonly tokens: () => readonly Token[];
    readonly offsetAt: (position: Diagnostic['range']['start']) => number;
    readonly lineAt: (offset: number) => number;
}

/**
 * Folds into each top-level "did you mean '<declaration keyword>'?" the syntax errors inside the declaration it
 * broke and the unknown-name errors for the name it declared. Returns the diagnostics to publish.
 */
export function foldMisspelledDeclarations(
    diagnostics: readonly Diagnostic[],
    keywords: DeclarationKeywords,
    text: DeclarationText,
): Diagnostic[] {
    const slips = diagnostics.filter(
        (d) => d.code === ProblemCodes.SyntaxError && keywords.all.includes(replacementOf(d) ?? ''),
    );
    if (slips.length === 0) return [...diagnostics];
    const tokens = text.tokens();
    const depths = depthBefore(tokens);
    const folded = new Set<Diagnostic>();
    for (const slip of slips) {
        if (folded.has(slip)) continue;
        const start = text.offsetAt(slip.range.start);
        const at = tokens.findIndex((t) => t.startOffset === start);
        if (at < 0 || depths[at] !== 0) continue;
        const end = declarationEnd(tokens, at, keywords.all, text.lineAt);
        const keyword = replacementOf(slip)!;
        const next = tokens[at + 1];
        const name =
            keywords.naming.has(keyword) && next && /^[A-Za-z0-9_-]+$/.test(next.image) ? next.image : undefined;
        const followers = diagnostics.filter((d) => {
            if (d === slip || folded.has(d)) return false;
            if (d.code === ProblemCodes.SyntaxError) {
                const offset = text.offsetAt(d.range.start);
                return offset > start && offset < end;
            }
            return d.code === ProblemCodes.UnresolvedReference && name !== undefined && refTextOf(d) === name;
        });
        for (const d of followers) folded.add(d);
        const first = text.lineAt(start) + 1;
        const last = text.lineAt(Math.max(start, end - 1)) + 1;
        const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
        const what = name ? `the ${keyword} '${name}' (${lines}) is not read` : `${lines} are not read`;
        const hidden =
            followers.length === 0
                ? ''
                : ` (${followers.length} error${followers.length === 1 ? '' : 's'} that follow from it are not shown)`;
        slip.message = `${slip.message} Until it is fixed, ${what}${hidden}.`;
    }
    return diagnostics.filter((d) => !folded.has(d));
}

function replacementOf(d: Diagnostic): string | undefined {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    return typeof replacement === 'string' ? replacement : undefined;
}

function refTextOf(d: Diagnostic): string | undefined {
    const refText = (d.data as { refText?: unknown } | undefined)?.refText;
    return typeof refText === 'string' ? refText : undefined;
}

/** The brace depth at each token: a slip counts only at the top level, where a declaration was expected. */
function depthBefore(tokens: readonly Token[]): number[] {
    const depths: number[] = [];
    let depth = 0;
    for (const token of tokens) {
        depths.push(depth);
        if (token.image === '{') depth++;
        else if (token.image === '}') depth = Math.max(0, depth - 1);
    }
    return depths;
}

/**
 * Just after the brace that closes the declaration's block, or where the next declaration starts: a declaration
 * keyword that opens a line outside any block (`per cell` in a header is not one).
 */
function declarationEnd(
    tokens: readonly Token[],
    at: number,
    keywords: readonly string[],
    lineAt: (offset: number) => number,
): number {
    let depth = 0;
    for (let i = at + 1; i < tokens.length; i++) {
        const token = itemAt(tokens, i, 'token');
        if (token.image === '{') depth++;
        else if (token.image === '}') {
            if (depth <= 1) return token.startOffset + 1;
            depth--;
        } else if (
            depth === 0 &&
            keywords.includes(token.image) &&
            lineAt(token.startOffset) !== lineAt(itemAt(tokens, i - 1, 'token').startOffset)
        )
            return token.startOffset;
    }
    return Number.MAX_SAFE_INTEGER;
}
