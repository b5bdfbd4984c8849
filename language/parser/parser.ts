// Langium's parser, minus one retention: Chevrotain keeps the last input's token vector after parsing (one
// object per token, about 14 MB for a 50k-line design), although the CST copies what it needs from each token.
import { createParser, LangiumParser, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

export class MregionParser extends LangiumParser {
    override parse<T extends import('langium').AstNode = import('langium').AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

export function createMregionParser(services: LangiumCoreServices): LangiumParser {
    const parser = new MregionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
