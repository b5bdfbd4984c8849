// The commands that need a correct design refuse clearly when they cannot run, and do their work otherwise:
// the simulation view shows the report, the CDK app lands on disk, rule documentation opens.
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Notice } from '../../../client/api.js';
import { Commands } from '../../../protocol/index.js';
import { extensionApi, open, waitFor, waitForDiagnostics, waitForRender, workspaceFile } from './helpers.js';

/** Runs a command and returns its result with the messages it showed. */
async function runCommand<T>(id: string, ...args: unknown[]): Promise<{ result: T | undefined; notices: Notice[] }> {
    const { api } = await extensionApi();
    const notices: Notice[] = [];
    const listener = api.onDidNotify((n) => notices.push(n));
    try {
        const result = await vscode.commands.executeCommand<T>(id, ...args);
        return { result, notices };
    } finally {
        listener.dispose();
    }
}

describe('Run Simulation', () => {
    it('refuses a file with errors and says how many', async () => {
        const document = await open('broken.mregion');
        await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics of broken.mregion');
        const { result, notices } = await runCommand(Commands.runSimulation, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /Cannot run a simulation: broken\.mregion has \d+ errors?/);
    });

    it('says so when the file has no scenario', async () => {
        const document = await open('no-scenario.mregion');
        const { result, notices } = await runCommand(Commands.runSimulation, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /no-scenario\.mregion has no scenario to simulate/);
    });

    it('simulates the outage scenario of the fintech example and shows its expectations, charts and timeline', async () => {
        const { api } = await extensionApi();
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand<{ scenario: string; report: unknown }>(Commands.runSimulation, document.uri.toString(), 'us-east-1-outage');
        assert.ok(result, `the simulation ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(result.scenario, 'us-east-1-outage');
        const view = await waitForRender(api.simulationView, document.uri, (v) => v.text.includes('us-east-1-outage'), 'the simulation view');
        assert.equal(view.counts.expectations, 2, 'both expect clauses are listed');
        assert.equal(view.counts.charts, 3, 'availability, replication lag and write latency charts');
        assert.ok((view.counts.timeline ?? 0) > 0, 'the timeline lists the outage');
        for (const text of ['rto <= 5m', 'lost-writes of ledger == 0', 'us-east-1']) assert.ok(view.text.includes(text), `the view shows "${text}"`);
    });
});

describe('Export to CDK', () => {
    it('writes the CDK app into the configured empty folder', async () => {
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand<{ folder: string; files: string[] }>(Commands.exportCdk, document.uri.toString());
        assert.ok(result, `the export ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(vscode.Uri.parse(result.folder).fsPath, workspaceFile('cdk-out').fsPath);
        assert.ok(result.files.length > 0);
        for (const file of result.files) {
            const onDisk = vscode.Uri.joinPath(workspaceFile('cdk-out'), file).fsPath;
            assert.ok(fs.statSync(onDisk).size > 0, `${file} was written`);
        }
        assert.ok(fs.existsSync(workspaceFile('cdk-out', '.mregion-export.json').fsPath));
        assert.match(notices.map((n) => n.message).join('\n'), /Exported \d+ files/);
    });

    it('refuses a folder that holds other files and writes nothing', async () => {
        const folder = workspaceFile('not-empty');
        fs.mkdirSync(folder.fsPath, { recursive: true });
        fs.writeFileSync(vscode.Uri.joinPath(folder, 'notes.txt').fsPath, 'mine\n');
        const config = vscode.workspace.getConfiguration('mregion.export');
        await config.update('outputFolder', 'not-empty', vscode.ConfigurationTarget.Workspace);
        try {
            const document = await open('fintech.mregion');
            const { result, notices } = await runCommand(Commands.exportCdk, document.uri.toString());
            assert.equal(result, undefined);
            assert.match(notices.map((n) => n.message).join('\n'), /Cannot export into .*not-empty: the folder is not empty/);
            assert.deepEqual(fs.readdirSync(folder.fsPath), ['notes.txt']);
        } finally {
            await config.update('outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
        }
    });

    it('refuses a file with errors', async () => {
        const document = await open('broken.mregion');
        const { result, notices } = await runCommand(Commands.exportCdk, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /Cannot export to CDK: broken\.mregion has \d+ errors?/);
    });
});

describe('Open Rule Documentation', () => {
    it('opens the page of a rule shipped in the .vsix in the Markdown preview, and names the documented rules for an unknown code', async () => {
        const { extension } = await extensionApi();
        const rules = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules');
        const pages = fs.existsSync(rules.fsPath) ? fs.readdirSync(rules.fsPath).filter((f) => f.endsWith('.md') && f !== 'README.md') : [];
        assert.ok(pages.length > 0, 'docs/rules/*.md is packaged in the .vsix');
        const code = pages[0]!.slice(0, -3);
        const opened = waitFor(vscode.window.tabGroups.onDidChangeTabs, () =>
            vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(code) && t.input instanceof vscode.TabInputWebview), `the preview of ${code}`);
        const { result } = await runCommand<string>(Commands.openRuleDocumentation, code);
        assert.equal(result, vscode.Uri.joinPath(rules, `${code}.md`).toString());
        await opened;
        const { result: unknown, notices } = await runCommand(Commands.openRuleDocumentation, 'no-such-rule');
        assert.equal(unknown, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /There is no documentation for rule "no-such-rule"/);
    });
});
