// The export's folder flow as a person meets it, with no folder configured: the first export goes to
// <workspace>/cdk-<topology>/ (created, no dialog); exporting again into it asks before replacing the earlier
// export; once the folder holds someone else's files, the export is refused with the reason and writes nothing.
// VS Code answers no modal dialog in extension tests (it refuses to show them), so the question about replacing
// is checked as asked and left unanswered: nothing may change then. Replacing itself is tested without VS Code
// (test/client/export-folder.test.ts).
import { after, before, describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Notice } from '../../../client/api.js';
import { Commands } from '../../../protocol/index.js';
import { extensionApi, open, workspaceFile } from './helpers.js';

const manifestName = '.mregion-export.json';

async function exportOf(
    document: vscode.TextDocument,
): Promise<{ result: { folder: string; files: string[] } | undefined; notices: Notice[] }> {
    const { api } = await extensionApi();
    const notices: Notice[] = [];
    const listener = api.onDidNotify((n) => notices.push(n));
    try {
        const result = await vscode.commands.executeCommand<{ folder: string; files: string[] }>(
            Commands.exportCdk,
            document.uri.toString(),
        );
        return { result, notices };
    } finally {
        listener.dispose();
    }
}

/** Every file below `folder` with its content, by relative path (links are listed, never followed). */
function snapshot(folder: string): Record<string, string> {
    const found: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else
                found[path.relative(folder, full)] = entry.isFile()
                    ? fs.readFileSync(full, 'utf8')
                    : `<${entry.isSymbolicLink() ? 'link' : 'other'}>`;
        }
    };
    walk(folder);
    return found;
}

const said = (notices: readonly Notice[]) => notices.map((n) => `${n.level}: ${n.message}`).join(' | ');

describe('Export to CDK into its default folder', () => {
    const config = () => vscode.workspace.getConfiguration('mregion.export');
    let configured: string | undefined;
    // The Fintech topology of fintech.mregion: its default folder.
    const folder = () => workspaceFile('cdk-fintech').fsPath;

    before(async () => {
        configured = config().inspect<string>('outputFolder')?.workspaceValue;
        await config().update('outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(folder(), { recursive: true, force: true });
    });

    after(async () => {
        await config().update('outputFolder', configured, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(folder(), { recursive: true, force: true });
    });

    it('writes the first export into <workspace>/cdk-<topology>/, creating it, without asking anything', async () => {
        const document = await open('fintech.mregion');
        const { result, notices } = await exportOf(document);
        assert.ok(result, `the export ran (messages: ${said(notices)})`);
        assert.equal(vscode.Uri.parse(result.folder).fsPath, folder());
        assert.ok(result.files.length > 0);
        for (const file of result.files)
            assert.ok(fs.statSync(path.join(folder(), file)).size > 0, `${file} was written`);
        const manifest = JSON.parse(fs.readFileSync(path.join(folder(), manifestName), 'utf8')) as {
            source: string;
            files: string[];
        };
        assert.deepEqual(manifest, { source: document.uri.toString(), files: result.files });
        assert.ok(!notices.some((n) => n.level !== 'info'), `no question or refusal (messages: ${said(notices)})`);
        assert.ok(
            notices.some((n) => /^Exported \d+ files to .*cdk-fintech\./.test(n.message)),
            `messages: ${said(notices)}`,
        );
    });

    it('asks before replacing the earlier export there, and changes nothing while unanswered', async () => {
        const manifestFile = path.join(folder(), manifestName);
        assert.ok(fs.existsSync(manifestFile), 'the first export left its manifest');
        const { files } = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: string[] };
        const before = snapshot(folder());
        const document = await open('fintech.mregion');
        const { result, notices } = await exportOf(document);
        assert.equal(result, undefined, 'nothing is exported without a "Replace"');
        const question = notices.find((n) => n.level === 'warning');
        assert.ok(question, `a question was asked (messages: ${said(notices)})`);
        assert.equal(
            question.message,
            `${folder()} holds an earlier export of ${document.uri.toString()}. Replace its ${files.length} generated files?`,
        );
        assert.ok(!notices.some((n) => /^Exported /.test(n.message)), `messages: ${said(notices)}`);
        assert.deepEqual(snapshot(folder()), before);
    });

    it('refuses the folder once it holds someone else’s files, says why, and writes nothing', async () => {
        fs.rmSync(path.join(folder(), manifestName));
        fs.writeFileSync(path.join(folder(), 'notes.txt'), 'mine\n');
        const before = snapshot(folder());
        const document = await open('fintech.mregion');
        const { result, notices } = await exportOf(document);
        assert.equal(result, undefined);
        const refusal = notices.find((n) => n.level === 'error');
        assert.ok(refusal, `the export was refused (messages: ${said(notices)})`);
        assert.equal(
            refusal.message,
            `Cannot export into ${folder()}: the folder is not empty. Choose an empty or new folder (an earlier export by this command may be replaced).`,
        );
        assert.ok(
            !notices.some((n) => n.level === 'warning'),
            'no question is asked about a folder this command did not write',
        );
        assert.deepEqual(snapshot(folder()), before);
    });
});
