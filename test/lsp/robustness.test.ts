import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CstUtils } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { mregion, validate } from '../helpers/services.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.mregion'))
    .sort()
    .map((f) => [f, readFileSync(new URL(f, examplesDir), 'utf8')] as const);

/** Every editor feature at one position; throws if any of them does. */
async function everyFeature(text: string, offset: number): Promise<void> {
    const { document } = await validate(text);
    const uri = document.uri.toString();
    const textDocument = { uri };
    const position = document.textDocument.positionAt(Math.min(offset, text.length));
    const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const lsp = mregion.lsp;
    await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
    await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
    await lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range });
    await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
    await lsp.ReferencesProvider!.findReferences(document, {
        textDocument,
        position,
        context: { includeDeclaration: true },
    });
    await lsp.RenameProvider!.prepareRename(document, { textDocument, position });
}

const fragments = fc.constantFrom(
    '{',
    '}',
    ',',
    '<->',
    ' ',
    '\n',
    '60',
    '60s',
    '$',
    '%',
    '"',
    '/*',
    '//',
    'region',
    'store',
    'per cell',
    'crdt',
    'at',
    'expect',
    '-',
    'x-',
    '99.99%',
    '$0.02/GB',
    '1e9',
);

describe('the language features survive anything a user can type', () => {
    it('answers every request at any position of an example after random edits, without throwing or logging errors', async () => {
        const logged = vi.spyOn(console, 'error');
        const edited = fc
            .tuple(
                fc.constantFrom(...examples),
                fc.nat(),
                fc.nat({ max: 40 }),
                fc.array(fragments, { maxLength: 4 }),
                fc.nat(),
            )
            .map(([[, text], at, cut, inserted, cursor]) => {
                const start = at % (text.length + 1);
                const next = text.slice(0, start) + inserted.join('') + text.slice(start + cut);
                return { text: next, cursor: cursor % (next.length + 1) };
            });
        await fc.assert(
            fc.asyncProperty(edited, async ({ text, cursor }) => {
                await everyFeature(text, cursor);
            }),
            { numRuns: 120, seed: 42 },
        );
        expect(logged).not.toHaveBeenCalled();
        logged.mockRestore();
    });

    it.each([
        ['an empty file', ''],
        ['only a comment', '// nothing yet'],
        ['an unclosed block', 'store s {\n    engine '],
        ['a lone brace', '}'],
        ['an unterminated block comment', 'region a { /* provider aws }'],
        ['a duplicate declaration', 'region a { provider aws }\nregion a { provider gcp }\nstore s { regions a }'],
        ['a failover of nothing', 'failover nothing { route dns ttl 60s }'],
    ])('answers every request on %s', async (_what, text) => {
        for (let offset = 0; offset <= text.length; offset++) await everyFeature(text, offset);
    });
});

describe('hover on the examples, as a new user tries it', () => {
    it.each(examples)(
        'shows something sensible over every name, reference, keyword and value of %s',
        async (_name, text) => {
            const { document } = await validate(text);
            const root = document.parseResult.value.$cstNode!;
            const silent: string[] = [];
            for (const leaf of CstUtils.flattenCst(root)) {
                if (leaf.hidden || ['{', '}', ',', '<->'].includes(leaf.text)) continue;
                const position = document.textDocument.positionAt(leaf.offset + 1);
                const hover = await mregion.lsp.HoverProvider!.getHoverContent(document, {
                    textDocument: { uri: document.uri.toString() },
                    position,
                });
                const value =
                    hover && typeof hover.contents === 'object' && 'value' in hover.contents
                        ? hover.contents.value
                        : '';
                if (value === '') silent.push(`${leaf.text} (line ${leaf.range.start.line + 1})`);
                expect(value, `hover over '${leaf.text}' at line ${leaf.range.start.line + 1}`).not.toMatch(
                    /undefined|NaN|\[object Object\]/,
                );
            }
            expect(silent).toEqual([]);
        },
    );
});
