// "Show Topology" opens the topology view, which draws the server's graph and follows the file as it changes.
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../protocol/index.js';
import { extensionApi, open, waitForRender } from './helpers.js';

describe('the topology view', () => {
    it('draws the regions, cells, deployments and failovers of the fintech example', async () => {
        const { api } = await extensionApi();
        const document = await open('fintech.mregion');
        const shown = await vscode.commands.executeCommand<string>(Commands.showTopology, document.uri.toString());
        assert.equal(shown, document.uri.toString());
        const view = await waitForRender(
            api.topologyView,
            document.uri,
            (v) => v.counts.regions === 6,
            'the fintech topology',
        );
        assert.equal(view.counts.cells, 2);
        // ledger, sessions and payments per cell, in each of the cell's three regions
        assert.equal(view.counts.nodes, 18);
        for (const text of ['Topology Fintech', 'eu-west-1', 'us-east-2', 'ledger @eu', 'failover'])
            assert.ok(view.text.includes(text), `the view shows "${text}"`);
    });

    it('follows edits of the file without being asked again', async () => {
        const { api } = await extensionApi();
        const document = await open('fintech.mregion');
        await vscode.commands.executeCommand(Commands.showTopology, document.uri.toString());
        await waitForRender(api.topologyView, document.uri, (v) => v.counts.regions === 6, 'the fintech topology');
        const edit = new vscode.WorkspaceEdit();
        const after = document.getText().indexOf('region us-west-2');
        const line = document.positionAt(after).line + 1;
        edit.insert(
            document.uri,
            new vscode.Position(line, 0),
            'region ca-central-1 { provider aws  jurisdiction CA }\n',
        );
        // Each wait starts before the change it waits for: a render that came before it would be missed.
        const withRegion = waitForRender(
            api.topologyView,
            document.uri,
            (v) => v.counts.regions === 7,
            'the topology with the new region',
            false,
        );
        assert.ok(await vscode.workspace.applyEdit(edit));
        const view = await withRegion;
        assert.ok(view.text.includes('ca-central-1'));
        // Revert acts on the active editor: the topology view may hold the focus, so the file's editor is shown first.
        const column =
            vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One;
        const shown = await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
        assert.equal(vscode.window.activeTextEditor, shown, 'the design is the active editor before the revert');
        const reverted = waitForRender(
            api.topologyView,
            document.uri,
            (v) => v.counts.regions === 6,
            'the topology after revert',
            false,
        );
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await reverted;
    });

    it('marks the declarations that have errors', async () => {
        const { api } = await extensionApi();
        const document = await open('broken.mregion');
        await vscode.commands.executeCommand(Commands.showTopology, document.uri.toString());
        const view = await waitForRender(
            api.topologyView,
            document.uri,
            (v) => (v.counts.errors ?? 0) > 0,
            'the broken topology',
        );
        assert.ok(view.text.includes('Declarations with diagnostics'));
        assert.match(view.text, /store orders: .*3parsecs/);
    });
});
