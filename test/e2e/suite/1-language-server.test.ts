// The installed extension starts the real language server, whose diagnostics reach VS Code.
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codesOf, extensionApi, open, waitForDiagnostics } from './helpers.js';

describe('the installed extension and its language server', () => {
    it('runs from the installed .vsix, not from the source folder', async () => {
        const { extension } = await extensionApi();
        assert.ok(extension.isActive);
        const sourceFolder = process.env.MREGION_SOURCE_ROOT;
        if (sourceFolder) assert.notEqual(path.resolve(extension.extensionPath), path.resolve(sourceFolder));
        assert.match(extension.extensionPath, /mregion\.mregion-\d+\.\d+\.\d+/);
    });

    it('reports the errors of a broken design with their codes, as the server computes them', async () => {
        const document = await open('broken.mregion');
        assert.equal(document.languageId, 'mregion');
        const diagnostics = await waitForDiagnostics(
            document.uri,
            (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
            'errors in broken.mregion',
        );
        const codes = codesOf(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error));
        assert.ok(codes.includes('wrong-unit'), `codes were ${codes.join(', ')}`);
        const unit = diagnostics.find((d) => codesOf([d])[0] === 'wrong-unit')!;
        assert.equal(unit.range.start.line, 11, 'the unit error is on the lag clause');
        assert.match(unit.message, /3parsecs/);
    });

    it('updates the diagnostics as the file is edited', async () => {
        const document = await open('broken.mregion');
        await waitForDiagnostics(document.uri, (d) => codesOf(d).includes('wrong-unit'), 'the unit error');
        const line = document.lineAt(11);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, line.range, line.text.replace('3parsecs', '3s'));
        assert.ok(await vscode.workspace.applyEdit(edit));
        await waitForDiagnostics(
            document.uri,
            (d) => !codesOf(d).includes('wrong-unit'),
            'the unit error to go away after the fix',
        );
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await waitForDiagnostics(
            document.uri,
            (d) => codesOf(d).includes('wrong-unit'),
            'the unit error to come back after revert',
        );
    });
});
