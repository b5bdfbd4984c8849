import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SemanticTokenTypes } from 'vscode-languageserver-protocol';
import { mregion } from '../helpers/services.js';

const highlight = highlightHelper(mregion);

const TEXT = `// mregion-ignore <|dns-ttl-too-long|>, <|unknown-latency|>: legacy resolvers
region <|us-east-1|> { provider aws }
region <|lab|> { provider on-prem  jurisdiction US }
cell <|blue|> { regions <|us-east-1|> }
store <|db|> { engine redis  regions <|lab|>  size <|5|><|TB|> }
service <|api|> { regions us-east-1  uses <|db|> }
failover <|api|> { route dns ttl 60s }
workload <|peak|> for <|api|> { writes 10/s }
scenario <|gameday|> { workload <|peak|> }
`;

describe('semantic tokens', () => {
    it.each([
        ['a rule code in a suppression comment', 0, SemanticTokenTypes.decorator],
        ['a second rule code in the same comment', 1, SemanticTokenTypes.decorator],
        ['a region declaration', 2, SemanticTokenTypes.namespace],
        ['a region that is not a known cloud region', 3, SemanticTokenTypes.namespace],
        ['a cell', 4, SemanticTokenTypes.struct],
        ['a region reference', 5, SemanticTokenTypes.namespace],
        ['a store declaration', 6, SemanticTokenTypes.variable],
        ['a region reference in a store', 7, SemanticTokenTypes.namespace],
        ['the number of a quantity', 8, SemanticTokenTypes.number],
        ['the unit of a quantity', 9, SemanticTokenTypes.type],
        ['a service declaration', 10, SemanticTokenTypes.class],
        ['a store reference', 11, SemanticTokenTypes.variable],
        ['a failover target (a service)', 12, SemanticTokenTypes.class],
        ['a workload declaration', 13, SemanticTokenTypes.event],
        ['a workload target', 14, SemanticTokenTypes.class],
        ['a scenario declaration', 15, SemanticTokenTypes.function],
        ['a workload reference', 16, SemanticTokenTypes.event],
    ])('marks %s', async (_what, rangeIndex, tokenType) => {
        expectSemanticToken(await highlight(TEXT), { rangeIndex, tokenType });
    });

    it('marks known cloud regions as coming from the facts table and declarations as declarations', async () => {
        const provider = mregion.lsp.SemanticTokenProvider!;
        const { tokens } = await highlight(TEXT);
        const modifiers = (text: string) => {
            const t = tokens.find((x) => x.text === text)!;
            return Object.entries(provider.tokenModifiers)
                .filter(([, bit]) => (t.tokenModifiers & bit) !== 0)
                .map(([name]) => name)
                .sort();
        };
        expect(modifiers('us-east-1')).toEqual(['declaration', 'defaultLibrary']);
        expect(modifiers('lab')).toEqual(['declaration']);
    });
});
