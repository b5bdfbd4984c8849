// The parser's tokens packed in three typed arrays (start, end, type) instead of an object each. A large design
// has about one token per 8 characters; as objects they were all alive through the whole parse, so each was copied
// by two young-generation collections and then lay in the old generation as garbage (about 90 MB for a 10 MB
// design). The parser asks for a token object when it reads one (`packed-token-input.ts`), and that object dies young.
import type { IToken, TokenType } from 'chevrotain';

/** Chevrotain's offset-only token, field for field (its `createOffsetOnlyToken`). */
export function offsetToken(image: string, startOffset: number, tokenType: TokenType): IToken {
    return { image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType } as IToken;
}

/** The token types of a vocabulary by their Chevrotain index, or undefined if an index does not fit 16 bits. */
export function typesByIndex(vocabulary: readonly TokenType[]): TokenType[] | undefined {
    const types: TokenType[] = [];
    for (const type of vocabulary) {
        const index = type.tokenTypeIdx;
        if (index === undefined || index < 0 || index > 0xffff) return undefined;
        types[index] = type;
    }
    return types;
}

export class PackedTokens {
    private starts: Int32Array;
    private ends: Int32Array;
    private kinds: Uint16Array;
    length = 0;

    /** @param types the vocabulary by Chevrotain index (`typesByIndex`) */
    constructor(
        private readonly text: string,
        private readonly types: readonly (TokenType | undefined)[],
    ) {
        // About one token per 8 characters in a design; grown by doubling when a text has more.
        const capacity = Math.max(64, text.length >>> 3);
        this.starts = new Int32Array(capacity);
        this.ends = new Int32Array(capacity);
        this.kinds = new Uint16Array(capacity);
    }

    push(start: number, end: number, type: TokenType): void {
        if (this.length === this.starts.length) this.grow();
        this.starts[this.length] = start;
        this.ends[this.length] = end;
        this.kinds[this.length] = type.tokenTypeIdx!;
        this.length++;
    }

    /**
     * The token at `index` as the lexer would have made it: a keyword's or punctuation's image is its type's one
     * name string, anything else's the text it matched.
     */
    token(index: number): IToken {
        const type = this.types[this.kinds[index] ?? -1];
        if (type === undefined || index < 0 || index >= this.length)
            throw new RangeError(`no token ${index} of ${this.length}`);
        const start = this.starts[index] ?? 0;
        const image = typeof type.PATTERN === 'string' ? type.name : this.text.slice(start, this.ends[index]);
        return offsetToken(image, start, type);
    }

    /** Every token as an object (for readers that want Chevrotain's token vector). */
    toArray(): IToken[] {
        const tokens: IToken[] = new Array<IToken>(this.length);
        for (let i = 0; i < this.length; i++) tokens[i] = this.token(i);
        return tokens;
    }

    private grow(): void {
        const size = this.starts.length * 2;
        const starts = new Int32Array(size);
        const ends = new Int32Array(size);
        const kinds = new Uint16Array(size);
        starts.set(this.starts);
        ends.set(this.ends);
        kinds.set(this.kinds);
        this.starts = starts;
        this.ends = ends;
        this.kinds = kinds;
    }
}
