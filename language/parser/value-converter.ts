// Langium's value conversion, except for STRING: Langium builds the value one `+=` per character, a chain of
// millions of string pieces for a 5 MB literal (hundreds of MB until flattened). This takes the text between the
// quotes as one slice and replaces only the escapes, with the same escapes as Langium (test/language/
// token-scanners.test.ts compares the two).
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

/** The value of a STRING token: the text between its quotes, escapes replaced (`\n` → line feed, `\x` → `x`). */
export function unquote(token: string): string {
    const body = token.slice(1, -1);
    return body.includes('\\') ? body.replace(/\\([\s\S])/g, (_, c: string) => ESCAPES[c] ?? c) : body;
}

export class MregionValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? unquote(input) : super.runConverter(rule, input, cstNode);
    }
}
