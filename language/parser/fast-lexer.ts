// The parser's lexer for large texts: Chevrotain's semantics on mregion's vocabulary, at a fraction of its cost.
// Chevrotain tries, at each offset, the token types that can start with the character there, in the vocabulary's
// order, and takes the first that matches — unless a keyword's longer alternative (ID) matches more. For a name that
// meant trying every keyword with its first letter, one regex each, before the ID; here a name is scanned once and
// looked up among the keywords: the token is the keyword when the whole name is one (keywords come longest first and
// every word keyword is itself an ID, so a shorter keyword would lose to the longer ID). Every other character
// tries its candidates in Chevrotain's order: punctuation keywords as strings, the regex terminals as sticky regexes
// (no match arrays), STRING by its scanner, and what nothing matches becomes one UNEXPECTED token as in
// `token-builder.ts`. The parser's tokens are packed (`packed-tokens.ts`); comments and unexpected text are
// Chevrotain's offset-only tokens, as objects.
// `test/language/fast-lexer.test.ts` holds it to Chevrotain's own lexer, token for token, on every example, the
// hostile texts and random texts.
import type { IToken, TokenType } from 'chevrotain';
import { offsetToken, PackedTokens, typesByIndex } from './packed-tokens.js';
import { NAME_START_CHARS, scanName } from './token-scanners.js';
import { StartChars, unexpectedEnd, UNEXPECTED_GROUP } from './token-builder.js';

/** What a tokenization gives the parser: the tokens it reads, the comments, and the text nothing matched. */
export interface FastLexingResult {
    readonly tokens: PackedTokens;
    readonly hidden: IToken[];
    readonly unexpected: IToken[];
}

type Candidate = (
    | { readonly kind: 'string'; readonly text: string }
    | { readonly kind: 'regex'; readonly sticky: RegExp }
    | { readonly kind: 'scan'; readonly scan: (text: string, offset: number) => number }
) & { readonly type: TokenType; readonly startsWith: StartChars };

const HIDDEN_GROUP = 'hidden';

export class FastLexer {
    private readonly keywords = new Map<string, TokenType>();
    private readonly ordered: Candidate[] = [];
    /**
     * The candidates for each character that does not start a name, in the vocabulary's order, once worked out: a
     * packed list for ASCII, a map for the rest (an array indexed up to 0xffff would fall back to a dictionary).
     */
    private readonly asciiCandidates: (readonly Candidate[] | undefined)[] = new Array<undefined>(128).fill(undefined);
    private readonly otherCandidates = new Map<number, readonly Candidate[]>();
    private readonly nameStart = new Uint8Array(0x10000);

    private constructor(
        private readonly id: TokenType,
        private readonly unexpectedType: TokenType,
        private readonly startChars: StartChars,
        private readonly types: readonly (TokenType | undefined)[],
    ) {
        for (const c of NAME_START_CHARS) this.nameStart[c.charCodeAt(0)] = 1;
    }

    /**
     * A lexer for `vocabulary` (Langium's token types in Chevrotain's order, `token-builder.ts`'s last), or undefined
     * when the vocabulary has a shape this lexer does not reproduce (then Chevrotain's lexer is used).
     * `scanners` are the custom patterns' scanners by token name (ID and STRING).
     */
    static forVocabulary(
        vocabulary: readonly TokenType[],
        scanners: Readonly<Record<string, (text: string, offset: number) => number>>,
    ): FastLexer | undefined {
        const id = vocabulary.find((t) => t.name === 'ID');
        const unexpected = vocabulary[vocabulary.length - 1];
        const types = typesByIndex(vocabulary);
        if (!id || !unexpected || unexpected.GROUP !== UNEXPECTED_GROUP || !types) return undefined;
        const lexer = new FastLexer(id, unexpected, new StartChars(vocabulary.slice(0, -1)), types);
        const ordered = lexer.ordered;
        for (const type of vocabulary.slice(0, -1)) {
            const pattern = type.PATTERN;
            const longer = type.LONGER_ALT === undefined ? [] : [type.LONGER_ALT].flat();
            if (type === id) continue;
            const scan = scanners[type.name];
            if (typeof pattern === 'string' && longer.length === 1 && longer[0] === id) {
                // A word keyword: it must be a whole name, or names could not be looked up, and its image is its
                // type's name (the one string all its tokens share).
                if (scanName(pattern, 0) !== pattern.length || type.name !== pattern) return undefined;
                lexer.keywords.set(pattern, type);
            } else if (longer.length > 0 || (type.CATEGORIES?.length ?? 0) > 0 || type.PUSH_MODE || type.POP_MODE) {
                return undefined;
            } else if (typeof pattern === 'string' && pattern.length > 0 && type.name === pattern) {
                ordered.push({ kind: 'string', type, startsWith: new StartChars([type]), text: pattern });
            } else if (pattern instanceof RegExp && pattern.flags.replace(/[gy]/g, '') === '') {
                const sticky = new RegExp(pattern.source, 'y');
                ordered.push({ kind: 'regex', type, startsWith: new StartChars([type]), sticky });
            } else if (typeof pattern === 'function' && scan !== undefined && type.START_CHARS_HINT) {
                ordered.push({ kind: 'scan', type, startsWith: new StartChars([type]), scan });
            } else {
                return undefined;
            }
        }
        // Names are scanned and looked up, so no other candidate may start with a name character.
        for (const candidate of ordered)
            for (const c of NAME_START_CHARS) if (candidate.startsWith.has(c.charCodeAt(0))) return undefined;
        return lexer;
    }

    tokenize(text: string): FastLexingResult {
        const tokens = new PackedTokens(text, this.types);
        const hidden: IToken[] = [];
        const unexpected: IToken[] = [];
        const length = text.length;
        let offset = 0;
        while (offset < length) {
            const code = text.charCodeAt(offset);
            if (this.nameStart[code] === 1) {
                const end = scanName(text, offset);
                tokens.push(offset, end, this.keywords.get(text.slice(offset, end)) ?? this.id);
                offset = end;
                continue;
            }
            const candidates =
                (code < 128 ? this.asciiCandidates[code] : this.otherCandidates.get(code)) ?? this.candidatesFor(code);
            const match = this.match(text, offset, candidates);
            if (match === undefined) {
                const end = unexpectedEnd(text, offset, this.startChars);
                unexpected.push(offsetToken(text.slice(offset, end), offset, this.unexpectedType));
                offset = end;
                continue;
            }
            const { type, end } = match;
            if (type.GROUP === undefined) {
                tokens.push(offset, end, type);
            } else if (type.GROUP === HIDDEN_GROUP) {
                hidden.push(offsetToken(text.slice(offset, end), offset, type));
            }
            // Any other group is skipped (whitespace).
            offset = end;
        }
        return { tokens, hidden, unexpected };
    }

    /** Chevrotain's first-character filter, from the same patterns, worked out once per character. */
    private candidatesFor(code: number): readonly Candidate[] {
        const list = this.ordered.filter((candidate) => candidate.startsWith.has(code));
        if (code < 128) this.asciiCandidates[code] = list;
        else this.otherCandidates.set(code, list);
        return list;
    }

    private readonly found = { type: undefined as unknown as TokenType, end: 0 };

    /** The first candidate that matches at `offset` (reusing one result object), or undefined. */
    private match(
        text: string,
        offset: number,
        candidates: readonly Candidate[],
    ): { type: TokenType; end: number } | undefined {
        for (const candidate of candidates) {
            let end = -1;
            if (candidate.kind === 'string') {
                if (text.startsWith(candidate.text, offset)) end = offset + candidate.text.length;
            } else if (candidate.kind === 'regex') {
                candidate.sticky.lastIndex = offset;
                if (candidate.sticky.test(text)) end = candidate.sticky.lastIndex;
            } else {
                end = candidate.scan(text, offset);
            }
            // Chevrotain takes a match of length zero as no match.
            if (end > offset) {
                this.found.type = candidate.type;
                this.found.end = end;
                return this.found;
            }
        }
        return undefined;
    }
}
