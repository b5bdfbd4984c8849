// Langium's tokens with two changes that keep lexing linear and within the stack on any text:
// - ID and STRING match with the hand-written scanners of `token-scanners.ts` instead of their grammar regexes,
//   which overflow V8's backtracking stack on a token of megabytes;
// - one last token, UNEXPECTED, takes what no other token matches: a whole run of characters no token starts with,
//   an unterminated string to the end of its line, or an unterminated block comment to the end of the file.
//   Without it Chevrotain's error recovery tries every token at every following character (10 s for 1 MB of
//   stray characters), and rescans a failed string from each of its quotes to the end of the line (quadratic).
//   `lexer.ts` turns these tokens into lexing errors.
import type { CustomPatternMatcherReturn, TokenType, TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST, type TokenBuilderOptions } from 'langium';
import { lineEnd, NAME_START_CHARS, scanName, scanString } from './token-scanners.js';

export const UNEXPECTED_GROUP = 'unexpected';

const SCANNERS: Readonly<
    Record<string, { scan: (text: string, offset: number) => number; startChars: readonly string[] }>
> = {
    ID: { scan: scanName, startChars: NAME_START_CHARS },
    STRING: { scan: scanString, startChars: ['"'] },
};

export class MregionTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        // The regexes are read first: which characters start a token, and keywords' longer alternatives (ID), which
        // Langium has already resolved to the token objects changed here.
        const startChars = new StartChars(tokens);
        for (const token of tokens) {
            const scanner = SCANNERS[token.name];
            if (!scanner) continue;
            token.PATTERN = (text: string, offset: number) => matched(text, offset, scanner.scan(text, offset));
            token.START_CHARS_HINT = [...scanner.startChars];
            token.LINE_BREAKS = false;
        }
        tokens.push({
            name: 'UNEXPECTED',
            PATTERN: (text: string, offset: number) => matched(text, offset, unexpectedEnd(text, offset, startChars)),
            // Tried last, after every other token failed, whatever the character.
            START_CHARS_HINT: Array.from({ length: 0x10000 }, (_, code) => code),
            LINE_BREAKS: true,
            GROUP: UNEXPECTED_GROUP,
        });
        return tokens;
    }
}

function matched(text: string, offset: number, end: number): CustomPatternMatcherReturn | null {
    return end < 0 ? null : [text.slice(offset, end)];
}

/** Where the text no token matched at `offset` ends (every token failed there). */
export function unexpectedEnd(text: string, offset: number, startChars: StartChars): number {
    if (text.startsWith('"', offset)) return lineEnd(text, offset);
    if (text.startsWith('/*', offset)) return text.length;
    let end = offset + 1;
    while (end < text.length && !startChars.has(text.charCodeAt(end))) end++;
    return end;
}

/** Whether some token can start with a character, from the tokens' own patterns; decided once per character. */
export class StartChars {
    private readonly known = new Uint8Array(0x10000); // 0: not yet decided, 1: starts a token, 2: does not
    private readonly firstChars = new Set<number>();
    private readonly partials: RegExp[] = [];

    constructor(tokens: readonly TokenType[]) {
        for (const { PATTERN: pattern, START_CHARS_HINT: hint } of tokens) {
            if (typeof pattern === 'string') this.firstChars.add(pattern.charCodeAt(0));
            else if (pattern instanceof RegExp) this.partials.push(RegExpUtils.partialRegExp(pattern));
            // A scanner (a function) says which characters it starts with.
            else for (const c of hint ?? []) this.firstChars.add(typeof c === 'number' ? c : c.charCodeAt(0));
        }
    }

    has(code: number): boolean {
        if (this.known[code] === 0) {
            const char = String.fromCharCode(code);
            const starts =
                this.firstChars.has(code) || this.partials.some((partial) => (partial.exec(char)?.[0].length ?? 0) > 0);
            this.known[code] = starts ? 1 : 2;
        }
        return this.known[code] === 1;
    }
}
