// Import from and compare with a deployed template, as a person meets them: Terraform JSON in the workspace
// becomes a design beside it, opened; comparing the design with it puts the drift in Problems on its clauses
// until the design is edited. In Restricted Mode the import, which writes a file, asks for trust instead.
// The pickers and dialogs are not driven here (VS Code answers none in extension tests): the commands take the
// paths as arguments, as the Explorer's context menu passes them.
import { after, describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Notice } from '../../../client/api.js';
import { Commands } from '../../../protocol/index.js';
import { extensionApi, waitFor, workspaceFile } from './helpers.js';

/** A small `terraform show -json` state: a DynamoDB table with a replica, and failover records of which one names no health check. */
const STATE = {
    format_version: '1.0',
    terraform_version: '1.9.5',
    values: {
        root_module: {
            resources: [
                {
                    address: 'aws_dynamodb_table.carts',
                    mode: 'managed',
                    type: 'aws_dynamodb_table',
                    name: 'carts',
                    values: {
                        name: 'carts',
                        arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/carts',
                        replica: [{ region_name: 'us-west-2' }],
                    },
                },
                {
                    address: 'aws_route53_health_check.primary',
                    mode: 'managed',
                    type: 'aws_route53_health_check',
                    name: 'primary',
                    values: {
                        id: 'hc-1',
                        type: 'HTTPS',
                        fqdn: 'shop.us-east-1.example.com',
                        request_interval: 10,
                        failure_threshold: 3,
                    },
                },
                {
                    address: 'aws_route53_record.primary',
                    mode: 'managed',
                    type: 'aws_route53_record',
                    name: 'primary',
                    values: {
                        name: 'shop.example.com',
                        type: 'CNAME',
                        ttl: 60,
                        records: ['shop.us-east-1.example.com'],
                        set_identifier: 'primary',
                        health_check_id: 'hc-1',
                        failover_routing_policy: [{ type: 'PRIMARY' }],
                    },
                },
                {
                    address: 'aws_route53_record.secondary',
                    mode: 'managed',
                    type: 'aws_route53_record',
                    name: 'secondary',
                    values: {
                        name: 'shop.example.com',
                        type: 'CNAME',
                        ttl: 60,
                        records: ['shop.us-west-2.example.com'],
                        set_identifier: 'secondary',
                        failover_routing_policy: [{ type: 'SECONDARY' }],
                    },
                },
            ],
        },
    },
};

async function withNotices<T>(run: () => Thenable<T>): Promise<{ result: T | undefined; notices: Notice[] }> {
    const { api } = await extensionApi();
    const notices: Notice[] = [];
    const listener = api.onDidNotify((n) => notices.push(n));
    try {
        return { result: await run(), notices };
    } finally {
        listener.dispose();
    }
}

const driftOf = (uri: vscode.Uri) =>
    vscode.languages.getDiagnostics(uri).filter((d) => d.source?.startsWith('mregion drift'));

describe('Import from and compare with a deployed template', () => {
    const folder = workspaceFile('deployed');
    const state = vscode.Uri.joinPath(folder, 'shop.tfstate.json');
    const design = vscode.Uri.joinPath(folder, 'shop.tfstate.mregion');
    after(() => fs.rmSync(folder.fsPath, { recursive: true, force: true }));

    it('imports Terraform JSON into a new design beside it and opens it', async () => {
        fs.mkdirSync(folder.fsPath, { recursive: true });
        fs.writeFileSync(state.fsPath, JSON.stringify(STATE));
        const { result, notices } = await withNotices(() =>
            vscode.commands.executeCommand<string>(Commands.importDeployed, state),
        );
        assert.equal(result, design.fsPath, notices.map((n) => n.message).join(' | '));
        const text = fs.readFileSync(design.fsPath, 'utf8');
        assert.match(text, /\nstore carts \{/);
        assert.match(text, /\nfailover shop \{/);
        assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, design.fsPath);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /Imported shop\.tfstate\.json into shop\.tfstate\.mregion/,
        );
    });

    it("shows the drift in Problems on the design's clauses until the design is edited", async () => {
        const document = await vscode.workspace.openTextDocument(design);
        await vscode.window.showTextDocument(document);
        const { result, notices } = await withNotices(() =>
            vscode.commands.executeCommand<number>(Commands.compareDeployed, design.toString(), state),
        );
        assert.equal(result, 1, notices.map((n) => n.message).join(' | '));
        const shown = driftOf(design);
        assert.deepEqual(
            shown.map((d) => d.code),
            ['drift-no-health-check'],
        );
        assert.match(document.lineAt(shown[0]!.range.start.line).text, /^\s*detect\s/);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /1 difference between shop\.tfstate\.mregion and shop\.tfstate\.json/,
        );

        const edit = new vscode.WorkspaceEdit();
        edit.insert(design, new vscode.Position(0, 0), '// edited\n');
        await vscode.workspace.applyEdit(edit);
        await waitFor(
            vscode.languages.onDidChangeDiagnostics,
            () => driftOf(design).length === 0 || undefined,
            'the drift cleared after the edit',
        );
    });
});

// The title holds the untrusted suite's name (index.ts), so only the untrusted window runs it.
describe('Import from a deployed template in an untrusted workspace', () => {
    it('refuses, asks for trust and writes nothing', async () => {
        const state = workspaceFile('untrusted.tfstate.json');
        const { result, notices } = await withNotices(() =>
            vscode.commands.executeCommand(Commands.importDeployed, state),
        );
        assert.equal(result, undefined);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /Import from a deployed template writes a new design, so it needs a trusted workspace/,
        );
        assert.equal(fs.existsSync(workspaceFile('untrusted.tfstate.mregion').fsPath), false);
    });
});
