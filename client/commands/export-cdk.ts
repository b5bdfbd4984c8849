// "Multi-Region: Export to CDK": asks the server for the files of an AWS CDK app and writes them into an
// empty folder (or over a previous export of this command). Writing files needs a trusted workspace.
import * as path from 'node:path';
import { FileType, ProgressLocation, Uri, commands, window, workspace, type TextDocument } from 'vscode';
import { Requests, type ExportCdkParams, type ExportCdkResult, type GeneratedFile } from '../../protocol/index.js';
import { exportSettings } from '../settings.js';
import type { CommandContext } from './context.js';
import { reportFailure } from './messages.js';
import { validatedGraph } from './server-state.js';
import { isSafeRelativePath } from './safe-path.js';
import { fileName, refuseWithErrors, targetDocument } from './target-document.js';

/** Written beside the generated files so a later export may replace exactly those files and nothing else. */
export const manifestName = '.mregion-export.json';

interface Manifest {
    readonly source: string;
    readonly files: readonly string[];
}

export interface ExportRun {
    readonly folder: string;
    readonly files: readonly string[];
    readonly notGenerated: ExportCdkResult['notGenerated'];
}

export async function exportCdk(ctx: CommandContext, uriArg?: unknown): Promise<ExportRun | undefined> {
    if (!workspace.isTrusted) {
        void ctx.notices.show('warning',
            'Export to CDK writes files, so it needs a trusted workspace. Checking, topology and simulation work without trust.',
            'Manage Workspace Trust',
        ).then((choice) => choice && commands.executeCommand('workbench.trust.manage'));
        return undefined;
    }
    const document = await targetDocument(ctx.notices, uriArg, 'export it to CDK');
    if (!document) return undefined;
    try {
        const graph = await validatedGraph(ctx.client, document);
        if (refuseWithErrors(ctx.notices, document, graph.counts.error, 'export to CDK')) return undefined;
    } catch (error) {
        reportFailure(ctx, `Cannot check ${fileName(document)} before exporting`, error);
        return undefined;
    }

    const folder = await chooseFolder(document);
    if (!folder) return undefined;
    const previous = await previousExport(folder);
    if (previous === 'foreign') {
        void ctx.notices.show('error',
            `Cannot export into ${folder.fsPath}: the folder is not empty. Choose an empty or new folder (an earlier export by this command may be replaced).`,
            'Choose Folder…',
        ).then(async (choice) => choice && exportInto(ctx, document, await pickFolder(document)));
        return undefined;
    }
    if (previous) {
        const choice = await ctx.notices.showWith('warning',
            `${folder.fsPath} holds an earlier export of ${previous.source}. Replace its ${previous.files.length} generated files?`,
            { modal: true },
            'Replace',
        );
        if (choice !== 'Replace') return undefined;
    }
    return exportInto(ctx, document, folder, previous || undefined);
}

async function exportInto(ctx: CommandContext, document: TextDocument, folder: Uri | undefined, previous?: Manifest): Promise<ExportRun | undefined> {
    if (!folder) return undefined;
    const settings = exportSettings(document.uri);
    const params: ExportCdkParams = { uri: document.uri.toString(), account: settings.account };
    let result: ExportCdkResult;
    try {
        result = await window.withProgress(
            { location: ProgressLocation.Notification, title: `Generating the CDK app of ${fileName(document)}`, cancellable: true },
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
    const unsafe = result.files.find((f) => !isSafeRelativePath(f.path));
    if (unsafe) {
        reportFailure(ctx, 'Export refused', `the server proposed a file outside the output folder: ${unsafe.path}`);
        return undefined;
    }

    for (const old of previous?.files ?? []) {
        if (isSafeRelativePath(old)) await workspace.fs.delete(Uri.joinPath(folder, old), { useTrash: false }).then(undefined, () => undefined);
    }
    await writeFiles(folder, result.files);
    const manifest: Manifest = { source: document.uri.toString(), files: result.files.map((f) => f.path) };
    await workspace.fs.writeFile(Uri.joinPath(folder, manifestName), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));

    ctx.output.info(`Exported ${result.files.length} files of ${fileName(document)} to ${folder.fsPath}`);
    for (const missing of result.notGenerated) ctx.output.warn(`Not generated: ${missing.name}: ${missing.reason}`);
    const skipped = result.notGenerated.length > 0 ? ` ${result.notGenerated.length} declarations have no AWS equivalent (see Output).` : '';
    void ctx.notices.show('info', `Exported ${result.files.length} files to ${folder.fsPath}.${skipped}`, 'Open README', 'Show Output').then(async (choice) => {
        if (choice === 'Show Output') ctx.output.show(true);
        const readme = result.files.find((f) => /^readme\.md$/i.test(f.path));
        if (choice === 'Open README' && readme) await window.showTextDocument(Uri.joinPath(folder, readme.path));
    });
    return { folder: folder.toString(), files: result.files.map((f) => f.path), notGenerated: result.notGenerated };
}

async function chooseFolder(document: TextDocument): Promise<Uri | undefined> {
    const configured = exportSettings(document.uri).outputFolder;
    if (!configured) return pickFolder(document);
    if (path.isAbsolute(configured)) return Uri.file(configured);
    const base = workspace.getWorkspaceFolder(document.uri)?.uri ?? Uri.joinPath(document.uri, '..');
    return Uri.joinPath(base, configured);
}

async function pickFolder(document: TextDocument): Promise<Uri | undefined> {
    const picked = await window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here',
        title: `Export ${fileName(document)} to an empty folder`,
        defaultUri: workspace.getWorkspaceFolder(document.uri)?.uri,
    });
    return picked?.[0];
}

/** undefined: missing or empty; a manifest: only an earlier export is there; 'foreign': anything else. */
async function previousExport(folder: Uri): Promise<Manifest | 'foreign' | undefined> {
    const exists = await workspace.fs.stat(folder).then((s) => s.type, () => undefined);
    if (exists === undefined) return undefined;
    if (!(exists & FileType.Directory)) return 'foreign';
    const entries = await workspace.fs.readDirectory(folder);
    if (entries.length === 0) return undefined;
    try {
        const manifest = JSON.parse(Buffer.from(await workspace.fs.readFile(Uri.joinPath(folder, manifestName))).toString('utf8')) as Manifest;
        if (typeof manifest.source === 'string' && Array.isArray(manifest.files)) return manifest;
    } catch {
        // No manifest, or not ours: treat the folder as the user's.
    }
    return 'foreign';
}

async function writeFiles(folder: Uri, files: readonly GeneratedFile[]): Promise<void> {
    for (const file of files) {
        const target = Uri.joinPath(folder, ...file.path.split('/'));
        await workspace.fs.createDirectory(Uri.joinPath(target, '..'));
        await workspace.fs.writeFile(target, Buffer.from(file.content, 'utf8'));
    }
}
