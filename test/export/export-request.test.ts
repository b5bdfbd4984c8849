// The `mregion/exportCdk` request, sent to the bundled language server over stdio as the VS Code client
// sends it: the server answers with the files and what it did not generate, and never writes anything.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Requests, type ExportCdkParams, type ExportCdkResult } from '../../protocol/index.js';
import { LspClient } from '../helpers/lsp-client.js';

const FINTECH = 'file:///virtual/fintech.mregion';
const BROKEN = 'file:///virtual/broken.mregion';
const BROKEN_TEXT = `topology Broken "a store without an engine"
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store orders { regions us-east-1, us-west-2 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }
store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes any-region }
`;

describe('mregion/exportCdk over stdio', () => {
    let client: LspClient;
    const exportCdk = (params: ExportCdkParams) =>
        client.connection.sendRequest<ExportCdkResult>(Requests.exportCdk, params);

    beforeAll(async () => {
        client = await LspClient.start();
        const opened = [client.nextDiagnostics(FINTECH), client.nextDiagnostics(BROKEN)];
        await client.open(FINTECH, readFileSync('examples/fintech.mregion', 'utf8'));
        await client.open(BROKEN, BROKEN_TEXT);
        await Promise.all(opened);
    });
    afterAll(async () => {
        await client?.stop();
    });

    test('returns the files of the app and what was not generated', async () => {
        const result = await exportCdk({ uri: FINTECH, account: '210987654321' });
        expect(result.errors).toEqual([]);
        expect(result.files.map((f) => f.path)).toEqual(
            expect.arrayContaining(['README.md', 'cdk.json', 'bin/app.ts', 'lib/stacks/global-stack.ts']),
        );
        expect(JSON.parse(result.files.find((f) => f.path === 'cdk.json')!.content).context['mregion:account']).toBe(
            '210987654321',
        );
        expect(result.notGenerated).toContainEqual({
            name: 'store ledger (cells eu, us)',
            reason: expect.stringMatching(/^engine cockroachdb/),
        });
    });

    test('refuses a design with errors, naming them, and exports it when forced', async () => {
        const refused = await exportCdk({ uri: BROKEN });
        expect(refused.files).toEqual([]);
        expect(refused.errors).toEqual([
            expect.stringMatching(/^broken\.mregion:4:7 missing-property store orders needs an 'engine'/),
        ]);
        const forced = await exportCdk({ uri: BROKEN, force: true });
        expect(forced.errors).toEqual([]);
        expect(forced.files.some((f) => f.path === 'lib/stacks/us-east-1-stack.ts')).toBe(true);
        expect(forced.notGenerated).toContainEqual({
            name: 'store orders',
            reason: 'the design declares no engine for it',
        });
    });

    test('answers "invalid params" for a document the server does not know', async () => {
        await expect(exportCdk({ uri: 'file:///virtual/unknown.mregion' })).rejects.toMatchObject({ code: -32602 });
        expect(client.stderr.join('')).not.toMatch(/TypeError|ReferenceError/);
    });
});
