// The bundled language server, spawned as an editor would over stdio, publishes diagnostics for a broken
// file and clears them after an edit that fixes it.
import { describe, expect, test } from 'vitest';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';

const URI = 'file:///virtual/broken.mregion';
const BROKEN = `topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store orders { engine dynamodb regions us-east-1, us-wset-2 holds per-user rows }
`;
const FIXED = BROKEN.replace('us-wset-2', 'us-west-2');

describe('language server over stdio', () => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    test('publishes an unresolved-reference error for a misspelled region, then clears it after the fix', async () => {
        const first = client.nextDiagnostics(URI);
        await client.open(URI, BROKEN, 1);
        const broken = await first;
        const error = broken.diagnostics.find((d) => d.code === 'unresolved-reference');
        expect(error?.message).toBe("unknown region 'us-wset-2': did you mean 'us-west-2'?");
        expect(error?.range).toEqual({ start: { line: 3, character: 50 }, end: { line: 3, character: 59 } });
        expect(error?.severity).toBe(1);

        const next = client.nextDiagnostics(URI);
        await client.change(URI, FIXED, 2);
        const fixed = await next;
        expect(fixed.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        expect(client.stderr.join('')).not.toMatch(/Error|TypeError/);
    });
});
