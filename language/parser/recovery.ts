// Bounds on Chevrotain's error recovery, which made a broken file's parse superlinear or overflow the stack:
// - after a syntax error, recovery looks for the first token that may follow any rule being parsed
//   (`findReSyncTokenType`), reading the tokens ahead one by one. Between top-level declarations only the
//   document's rule is being parsed, whose only follower is the end of the file, so that search read the whole rest
//   of the file from each such error: quadratic (3 MB of fuzzed text took 17 s to check). There the answer is
//   known without reading anything; elsewhere the search stops at the end of the enclosing declaration.
// - each recovery inside a list (of declarations, of clauses) parses the rest of the list one call deeper, so about
//   1,400 errors overflowed the stack and the whole file became one "could not be parsed" error. Past
//   `MAX_SYNTAX_ERRORS`, recovery stops: the parse ends at the next error, and the last error says so.
import { formatCount } from '../../format/quantities.js';
import { EOF, type IRecognitionException, type TokenType } from 'chevrotain';

export const MAX_SYNTAX_ERRORS = 500;

/** The parts of Chevrotain's parser (its recovery and error handling traits) the bounds replace. */
interface Recovering {
    RULE_STACK_IDX: number;
    recoveryEnabled: boolean;
    errors: IRecognitionException[];
    findReSyncTokenType(): TokenType;
    shouldInRepetitionRecoveryBeTried(...args: unknown[]): boolean;
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
}

/** Bounds `parser`'s recovery; call the returned function after each parse, thrown or not. */
export function boundRecovery(parser: object): () => void {
    const recovering = parser as Recovering;
    const { findReSyncTokenType, shouldInRepetitionRecoveryBeTried, SAVE_ERROR } = recovering;
    recovering.findReSyncTokenType = function (this: Recovering): TokenType {
        return this.RULE_STACK_IDX === 0 ? EOF : findReSyncTokenType.call(this);
    };
    // Chevrotain reads `recoveryEnabled` here only when the parser is built.
    recovering.shouldInRepetitionRecoveryBeTried = function (this: Recovering, ...args: unknown[]): boolean {
        return this.recoveryEnabled && shouldInRepetitionRecoveryBeTried.apply(this, args);
    };
    recovering.SAVE_ERROR = function (this: Recovering, error: IRecognitionException): IRecognitionException {
        if (!this.recoveryEnabled) return error; // already stopped: the summary is the last error
        if (this.errors.length === MAX_SYNTAX_ERRORS) {
            this.recoveryEnabled = false;
            error.message = `more than ${formatCount(MAX_SYNTAX_ERRORS)} syntax errors: the rest of the file was not read; fix the errors above first`;
        }
        return SAVE_ERROR.call(this, error);
    };
    return () => {
        recovering.recoveryEnabled = true;
    };
}
