// Langium's parser, minus two wastes of memory that add up on large designs:
// - Chevrotain keeps the last input's token vector after parsing (one object per token, about 14 MB for a 50k-line
//   design), although the CST copies what it needs from each token;
// - the AST's lists (clauses, region lists, …) are filled one push at a time, which gives each a backing store of
//   17 slots however few items it holds (about 4 MB for a 50k-line design); each list is copied to its exact size.
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

export class MregionParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            const result = super.parse<T>(input, options);
            compactLists(result.value);
            return result;
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** Copies every list of the tree to an array of its exact length; the parser's own nodes only, so no cycles. */
function compactLists(root: AstNode): void {
    const pending: AstNode[] = [root];
    while (pending.length > 0) {
        const node = pending.pop()! as unknown as Record<string, unknown>;
        for (const property of Object.keys(node)) {
            if (property.charCodeAt(0) === 36 /* $ */) continue;
            const value = node[property];
            if (Array.isArray(value)) {
                const exact = value.slice();
                node[property] = exact;
                for (const item of exact) if (isNode(item)) pending.push(item);
            } else if (isNode(value)) {
                pending.push(value);
            }
        }
    }
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function createMregionParser(services: LangiumCoreServices): LangiumParser {
    const parser = new MregionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
