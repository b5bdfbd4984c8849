// The rules through the bundled language server, as an editor sees them: diagnostics linked to their
// documentation page, quick fixes on request, and severities that follow a settings change.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-types';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';

const URI = 'file:///virtual/web.mregion';
const DESIGN = `topology Web
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active capacity 100% per region }
failover web {
    route dns ttl 300s
    drill every 30d
}
`;

describe('design rules over stdio', () => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    it('publishes a rule diagnostic linked to its page, offers its fixes, and follows the mregion.rules setting', async () => {
        const first = client.nextDiagnostics(URI);
        await client.open(URI, DESIGN);
        const published = await first;
        const ttl = published.diagnostics.find((d) => d.code === 'dns-ttl-too-long')!;
        expect(ttl.severity).toBe(2);
        expect(ttl.range).toEqual({ start: { line: 5, character: 18 }, end: { line: 5, character: 22 } });
        expect(existsSync(fileURLToPath(ttl.codeDescription!.href))).toBe(true);
        expect(ttl.codeDescription!.href).toMatch(/\/docs\/rules\/dns-ttl-too-long\.md$/);

        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: URI },
            range: ttl.range,
            context: { diagnostics: [ttl] },
        })) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual([
            'Set the TTL to 60s',
            'Suppress dns-ttl-too-long for this declaration (with a reason)',
        ]);
        expect(actions[0]!.edit!.changes![URI]).toEqual([{ range: ttl.range, newText: '60s' }]);

        const rechecked = client.nextDiagnostics(URI);
        await client.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { mregion: { rules: { 'dns-ttl-too-long': 'error' } } },
        });
        expect((await rechecked).diagnostics.find((d) => d.code === 'dns-ttl-too-long')!.severity).toBe(1);
        expect(client.stderr.join('')).not.toMatch(/Error|TypeError/);
    });
});
