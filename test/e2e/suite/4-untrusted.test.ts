// Restricted Mode: reading and checking work, writing an export asks for trust (the suite runs these in a
// window whose folder is not trusted; see index.ts).
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Notice } from '../../../client/api.js';
import { Commands } from '../../../protocol/index.js';
import { extensionApi, open, waitForDiagnostics, waitForRender, workspaceFile } from './helpers.js';

describe('in an untrusted workspace', () => {
    it('is really untrusted', () => {
        assert.equal(vscode.workspace.isTrusted, false);
    });

    it('still checks the design and draws its topology', async () => {
        const { api } = await extensionApi();
        const broken = await open('broken.mregion');
        await waitForDiagnostics(
            broken.uri,
            (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
            'errors in broken.mregion',
        );
        const document = await open('fintech.mregion');
        await vscode.commands.executeCommand(Commands.showTopology, document.uri.toString());
        const view = await waitForRender(
            api.topologyView,
            document.uri,
            (v) => v.counts.regions === 6,
            'the fintech topology',
        );
        assert.ok(view.text.includes('Topology Fintech'));
    });

    it('refuses Export to CDK, asks for trust and writes nothing', async () => {
        const { api } = await extensionApi();
        const notices: Notice[] = [];
        const listener = api.onDidNotify((n) => notices.push(n));
        const document = await open('fintech.mregion');
        const result = await vscode.commands.executeCommand(Commands.exportCdk, document.uri.toString()).then(
            (r) => r,
            (e) => e,
        );
        listener.dispose();
        assert.equal(result, undefined);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /Export to CDK writes files, so it needs a trusted workspace/,
        );
        assert.equal(fs.existsSync(workspaceFile('cdk-out').fsPath), false);
    });
});
