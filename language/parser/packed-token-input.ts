// Chevrotain's parser reads its tokens through `LA` and `LA_FAST` (its lexer adapter, which Chevrotain documents as
// the methods to override for other token sources). Here they make each token from packed tokens when it is
// read, and keep the last few made so that the reads of one position (the lookahead functions, then the consume)
// get the same object. Every other part of the adapter works on positions and the token count, which stay
// Chevrotain's (`tokVectorLength` is set to the packed count; the vector itself only holds the sentinels Chevrotain
// pads it with).
import type { IToken } from 'chevrotain';
import type { PackedTokens } from './packed-tokens.js';

/** The parts of Chevrotain's lexer adapter (chevrotain 11, `traits/lexer_adapter.js`) this replaces or reads. */
interface LexerAdapter {
    currIdx: number;
    tokVectorLength: number;
    input: IToken[];
    LA(howMuch: number): IToken;
    LA_FAST(howMuch: number): IToken;
}

/** How many recent positions keep their token: more than the grammar's lookahead and recovery's look back. */
const WINDOW = 64;

export class PackedTokenInput {
    private tokens: PackedTokens | undefined = undefined;
    private readonly made: (IToken | undefined)[] = new Array<IToken | undefined>(WINDOW).fill(undefined);
    private readonly madeAt = new Int32Array(WINDOW).fill(-1);
    private readonly adapter: LexerAdapter;

    private readonly readAhead: (howMuch: number) => IToken;
    private readonly readAheadFast: (howMuch: number) => IToken;

    /** Will serve `parser`'s token reads while `read` has given it tokens. */
    constructor(parser: object) {
        const adapter = (this.adapter = parser as LexerAdapter);
        const { LA, LA_FAST } = adapter;
        // Chevrotain's end-of-file token, which its LA gives for a position before the first.
        const endOfFile = LA.call({ currIdx: -1, tokVectorLength: 0 } as LexerAdapter, 0);
        // Both read the packed tokens the same way; without them, each is Chevrotain's own.
        const input = this;
        const reading = (chevrotains: (howMuch: number) => IToken) =>
            function (this: LexerAdapter, howMuch: number): IToken {
                const tokens = input.tokens;
                if (!tokens) return chevrotains.call(this, howMuch);
                const position = this.currIdx + howMuch;
                return position < 0 || position >= tokens.length ? endOfFile : input.tokenAt(tokens, position);
            };
        this.readAhead = reading(LA);
        this.readAheadFast = reading(LA_FAST);
    }

    /** Makes the parser read `tokens` (call before parsing; `clear` after, thrown or not). */
    read(tokens: PackedTokens): void {
        this.adapter.input = [];
        this.adapter.tokVectorLength = tokens.length;
        this.tokens = tokens;
        // Set on each parse: Chevrotain's grammar recording, when the parser is finalized, deletes the parser's own
        // LA (it puts its recording LA there and removes it after).
        this.adapter.LA = this.readAhead;
        this.adapter.LA_FAST = this.readAheadFast;
    }

    /** Back to Chevrotain's vector, no token kept. */
    clear(): void {
        this.tokens = undefined;
        this.made.fill(undefined);
        this.madeAt.fill(-1);
        this.adapter.input = [];
    }

    /** The token at `position`, the same object while the position is among the last `WINDOW` read. */
    private tokenAt(tokens: PackedTokens, position: number): IToken {
        const slot = position & (WINDOW - 1);
        const kept = this.made[slot];
        if (kept !== undefined && this.madeAt[slot] === position) return kept;
        const token = tokens.token(position);
        this.made[slot] = token;
        this.madeAt[slot] = position;
        return token;
    }
}
