// The bundled language server, over stdio as an editor runs it, survives opening each text that crashed or hung
// its parser (test/language/hostile-texts.ts): it publishes diagnostics inside the document for each, and still
// answers for an ordinary file afterwards.
import { describe, expect, it } from 'vitest';
import { expectedDiagnostic, hostile, outOfRange } from '../language/hostile-texts.js';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';

describe('the language server on hostile files', () => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    it.each(hostile.map((h, i) => ({ ...h, uri: `file:///virtual/hostile-${i}.mregion` })))(
        'publishes diagnostics for $name and keeps running',
        async ({ text, expected, uri }) => {
            const published = client.nextDiagnostics(uri);
            await client.open(uri, text);
            const { diagnostics } = await published;
            expect(outOfRange(text, diagnostics)).toEqual([]);
            if (expected) expect(expectedDiagnostic(text, diagnostics, expected)).toBeDefined();
            expect(client.child.exitCode).toBeNull();
        },
    );

    it('still answers for an ordinary file after all of them', async () => {
        const uri = 'file:///virtual/after.mregion';
        const published = client.nextDiagnostics(uri);
        await client.open(
            uri,
            'topology T\nregion us-east-1 { provider aws jurisdiction US }\nstore s { engine dynamodb regions us-east-1, nowhere holds per-user rows }\n',
        );
        const { diagnostics } = await published;
        expect(diagnostics.map((d) => d.code)).toContain('unresolved-reference');
        expect(client.stderr.join('')).not.toMatch(/RangeError|Maximum call stack|    at /);
    });
});
