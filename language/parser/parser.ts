// Langium's parser, minus two wastes of memory that add up on large designs:
// - Chevrotain keeps the last input's token vector after parsing (one object per token, about 14 MB for a 50k-line
//   design), although the CST copies what it needs from each token;
// - the AST's lists (clauses, region lists, …) are filled one push at a time, which gives each a backing store of
//   17 slots however few items it holds (about 4 MB for a 50k-line design); each list is copied to its exact size.
// It builds the CST with `MregionCstNodeBuilder` (no argument spreads), and never throws: should parsing fail on
// some text all the same, the document gets an empty tree and one syntax error saying so.
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { MregionCstNodeBuilder } from './cst-node-builder.js';

/** The parts of Langium's parser state a parse that threw can leave behind. */
interface ParserState {
    nodeBuilder: MregionCstNodeBuilder;
    stack: unknown[];
    lexerResult: unknown;
}

export class MregionParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        (this as unknown as ParserState).nodeBuilder = new MregionCstNodeBuilder();
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            const result = super.parse<T>(input, options);
            compactLists(result.value);
            return result;
        } catch (error) {
            const state = this as unknown as ParserState;
            state.stack.length = 0;
            state.lexerResult = undefined;
            this.unorderedGroups.clear();
            return unparsed<T>(input, error);
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** An empty document for a text the parser failed on, with the failure as a syntax error on its first line. */
function unparsed<T extends AstNode>(input: string, error: unknown): ParseResult<T> {
    const root = new MregionCstNodeBuilder().buildRootNode(input);
    const document = { $type: 'Document', imports: [], elements: [], $cstNode: root } as unknown as T;
    (root as unknown as { astNode: AstNode }).astNode = document;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const firstLine = /^[^\r\n]*/.exec(input)![0].length;
    return {
        value: document,
        lexerErrors: [{
            offset: 0, line: 1, column: 1, length: firstLine,
            message: `this file could not be parsed (${reason}): split it into smaller files, and please report this as a bug`,
        }],
        lexerReport: { diagnostics: [] },
        parserErrors: [],
    };
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
