// "Multi-Region: Export to CDK": asks the server for the files of an AWS CDK app and writes them into an
// empty folder (or over a previous export of this command). Writing files needs a trusted workspace. The folder
// is read and written with Node's file system, through the CLI's writer (export-folder.ts), not workspace.fs: it
// offers no lstat-per-component or no-follow write. The extension runs in the workspace's extension host (also
// for remote workspaces), where `file:` folders are local; other schemes are refused.
import * as path from 'node:path';
import { ProgressLocation, Uri, commands, window, workspace, type TextDocument } from 'vscode';
import { Requests, type ExportCdkParams, type ExportCdkResult } from '../../protocol/index.js';
import { exportSettings } from '../settings.js';
import type { CommandContext } from './context.js';
import {
    defaultExportFolderName,
    exportFolderPath,
    exportStep,
    inspectExportFolder,
    replaceExport,
    type ExportManifest,
    type FolderState,
} from './export-folder.js';
import { reportFailure } from './messages.js';
import { validatedGraph } from './server-state.js';
import { fileName, refuseWithErrors, targetDocument } from './target-document.js';

export interface ExportRun {
    readonly folder: string;
    readonly files: readonly string[];
    readonly notGenerated: ExportCdkResult['notGenerated'];
}

export async function exportCdk(ctx: CommandContext, uriArg?: unknown): Promise<ExportRun | undefined> {
    if (!workspace.isTrusted) {
        void ctx.notices
            .show(
                'warning',
                'Export to CDK writes files, so it needs a trusted workspace. Checking, topology and simulation work without trust.',
                'Manage Workspace Trust',
            )
            .then((choice) => choice && commands.executeCommand('workbench.trust.manage'));
        return undefined;
    }
    const document = await targetDocument(ctx.notices, uriArg, 'export it to CDK');
    if (!document) return undefined;
    let topology: string | undefined;
    try {
        const graph = await validatedGraph(ctx.client, document);
        if (refuseWithErrors(ctx.notices, document, graph.counts.error, 'export to CDK')) return undefined;
        topology = graph.name;
    } catch (error) {
        reportFailure(ctx, `Cannot check ${fileName(document)} before exporting`, error);
        return undefined;
    }

    return exportIntoChosen(ctx, document, chooseFolder(document, topology));
}

/** Exports into `folder` when it is empty or new, or, once the user confirms, over an earlier export there. */
async function exportIntoChosen(
    ctx: CommandContext,
    document: TextDocument,
    folder: Uri | undefined,
): Promise<ExportRun | undefined> {
    if (!folder) return undefined;
    const state: FolderState =
        folder.scheme === 'file'
            ? inspectExportFolder(folder.fsPath)
            : {
                  kind: 'refused',
                  reason: `it is a ${folder.scheme}: folder, and the export writes only to folders on disk (file:)`,
              };
    const step = exportStep(folder.fsPath, state);
    if (step.kind === 'refuse') {
        void ctx.notices
            .show('error', step.message, 'Choose Folder…')
            .then(async (choice) => choice && exportIntoChosen(ctx, document, await pickFolder(document)));
        return undefined;
    }
    if (step.kind === 'confirm-replace') {
        const choice = await ctx.notices.showWith('warning', step.question, { modal: true }, 'Replace');
        if (choice !== 'Replace') return undefined;
    }
    return exportInto(ctx, document, folder, step.kind === 'confirm-replace' ? step.manifest : undefined);
}

async function exportInto(
    ctx: CommandContext,
    document: TextDocument,
    folder: Uri,
    previous: ExportManifest | undefined,
): Promise<ExportRun | undefined> {
    const settings = exportSettings(document.uri);
    const params: ExportCdkParams = { uri: document.uri.toString(), account: settings.account };
    let result: ExportCdkResult;
    try {
        result = await window.withProgress(
            {
                location: ProgressLocation.Notification,
                title: `Generating the CDK app of ${fileName(document)}`,
                cancellable: true,
            },
            (_progress, token) => ctx.client.sendRequest<ExportCdkResult>(Requests.exportCdk, params, token),
        );
    } catch (error) {
        reportFailure(ctx, `Export of ${fileName(document)} failed`, error);
        return undefined;
    }
    if (result.files.length === 0) {
        const reasons = result.errors.length > 0 ? result.errors.join('; ') : 'the design has nothing that maps to AWS';
        reportFailure(ctx, `Nothing exported from ${fileName(document)}`, reasons);
        return undefined;
    }
    try {
        replaceExport(folder.fsPath, document.uri.toString(), result.files, previous);
    } catch (error) {
        // The writer's message says which path and why (outside the folder, a link, permission denied…).
        reportFailure(ctx, `Export into ${folder.fsPath} stopped`, error);
        return undefined;
    }

    ctx.output.info(`Exported ${result.files.length} files of ${fileName(document)} to ${folder.fsPath}`);
    for (const missing of result.notGenerated) ctx.output.warn(`Not generated: ${missing.name}: ${missing.reason}`);
    const skipped =
        result.notGenerated.length > 0
            ? ` ${result.notGenerated.length} declarations have no AWS equivalent (see Output).`
            : '';
    void ctx.notices
        .show(
            'info',
            `Exported ${result.files.length} files to ${folder.fsPath}.${skipped}`,
            'Open README',
            'Show Output',
        )
        .then(async (choice) => {
            if (choice === 'Show Output') ctx.output.show(true);
            const readme = result.files.find((f) => /^readme\.md$/i.test(f.path));
            if (choice === 'Open README' && readme) await window.showTextDocument(Uri.joinPath(folder, readme.path));
        });
    return { folder: folder.toString(), files: result.files.map((f) => f.path), notGenerated: result.notGenerated };
}

/**
 * The configured folder, else `<workspace>/cdk-<topology>/` (created by the export when missing): the first
 * export needs no dialog; a folder that cannot take it offers "Choose Folder…".
 */
function chooseFolder(document: TextDocument, topology: string | undefined): Uri {
    const configured = exportSettings(document.uri).outputFolder;
    const base = workspace.getWorkspaceFolder(document.uri)?.uri ?? Uri.joinPath(document.uri, '..');
    // Only file: folders can take an export (exportIntoChosen refuses the others, naming their scheme).
    if (base.scheme !== 'file' && !(configured && path.isAbsolute(configured))) {
        return Uri.joinPath(base, configured || defaultExportFolderName(topology, document.uri.path));
    }
    return Uri.file(exportFolderPath(base.fsPath, configured, topology, document.uri.path));
}

async function pickFolder(document: TextDocument): Promise<Uri | undefined> {
    const picked = await window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: 'Export Here',
        title: `Export ${fileName(document)} to an empty folder`,
        defaultUri: workspace.getWorkspaceFolder(document.uri)?.uri,
    });
    return picked?.[0];
}
