// Langium's value conversion with two changes:
// - STRING: Langium builds the value one `+=` per character, a chain of millions of string pieces for a 5 MB
//   literal (hundreds of MB until flattened). This takes the text between the quotes as one slice and replaces only
//   the escapes, with the same escapes as Langium (test/language/token-scanners.test.ts compares the two).
// - Which conversion a token gets is worked out once per grammar element, not per token: Langium finds a
//   cross-reference's terminal by walking the referenced type's rules, and reads the rule's name and return type
//   again, for every token (about 0.15 s of parsing a 10 MB design).
import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

/** The value of a STRING token: the text between its quotes, escapes replaced (`\n` → line feed, `\x` → `x`). */
export function unquote(token: string): string {
    const body = token.slice(1, -1);
    return body.includes('\\') ? body.replace(/\\([\s\S])/g, (_, c: string) => ESCAPES[c] ?? c) : body;
}

type Convert = (input: string) => ValueType;
const AS_WRITTEN: Convert = (input) => input;

export class MregionValueConverter extends DefaultValueConverter {
    private readonly byElement = new Map<GrammarAST.AbstractElement | undefined, Convert>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        let convert = this.byElement.get(element);
        if (convert === undefined) this.byElement.set(element, (convert = conversionOf(element)));
        return convert(input);
    }
}

/** What Langium's `DefaultValueConverter.convert` and `runConverter` do with a grammar element's tokens. */
function conversionOf(element: GrammarAST.AbstractElement | undefined): Convert {
    const feature = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
    if (!GrammarAST.isRuleCall(feature)) return AS_WRITTEN;
    const rule = feature.rule.ref;
    if (!rule) throw new Error('This cst node was not parsed by a rule.');
    switch (rule.name.toUpperCase()) {
        case 'INT':
            return ValueConverter.convertInt;
        case 'STRING':
            return unquote;
        case 'ID':
            return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number':
            return ValueConverter.convertNumber;
        case 'boolean':
            return ValueConverter.convertBoolean;
        case 'bigint':
            return ValueConverter.convertBigint;
        case 'date':
            return ValueConverter.convertDate;
        default:
            return AS_WRITTEN;
    }
}
