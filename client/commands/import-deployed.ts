// "Multi-Region: Import from deployed template…": a first design from a CloudFormation template, a cdk.out folder
// or Terraform JSON. The server reads and imports (as `mregion import` does); the client writes the design as a
// new file beside the input — or, when that name is taken, where the user chooses — and opens it. Writing a file
// needs a trusted workspace, as the CDK export does.
import * as path from 'node:path';
import { ProgressLocation, Uri, commands, window, workspace } from 'vscode';
import { Requests, type ImportDeployedParams, type ImportDeployedResult } from '../../protocol/index.js';
import type { CommandContext } from './context.js';
import { importedDesignPath, isFolder, taken, writeNewDesign } from './deployed-files.js';
import { messageOf, reportFailure } from './messages.js';
import { pickDeployed, uriArgument } from './pick-deployed.js';

export async function importDeployed(ctx: CommandContext, inputArg?: unknown): Promise<string | undefined> {
    if (!workspace.isTrusted) {
        void ctx.notices
            .show(
                'warning',
                'Import from a deployed template writes a new design, so it needs a trusted workspace. Checking, topology and simulation work without trust.',
                'Manage Workspace Trust',
            )
            .then((choice) => choice && commands.executeCommand('workbench.trust.manage'));
        return undefined;
    }
    const input = uriArgument(inputArg) ?? (await pickDeployed('Import'));
    if (!input) return undefined;
    if (input.scheme !== 'file') {
        void ctx.notices.show(
            'error',
            `Cannot import ${input.toString()}: mregion reads templates and Terraform JSON from files on disk (file:).`,
        );
        return undefined;
    }
    const shown = path.basename(input.fsPath);
    let result: ImportDeployedResult;
    try {
        const params: ImportDeployedParams = { path: input.fsPath };
        result = await window.withProgress(
            { location: ProgressLocation.Notification, title: `Importing ${shown}`, cancellable: true },
            (_progress, token) => ctx.client.sendRequest<ImportDeployedResult>(Requests.importDeployed, params, token),
        );
    } catch (error) {
        reportFailure(ctx, `Cannot import ${shown}`, error);
        return undefined;
    }
    const target = await chooseTarget(importedDesignPath(input.fsPath, isFolder(input.fsPath), result.topology));
    if (!target) return undefined;
    try {
        writeNewDesign(target, result.text);
    } catch (error) {
        reportFailure(
            ctx,
            `Cannot write ${target}`,
            `${messageOf(error)} (the import never replaces an existing file)`,
        );
        return undefined;
    }
    ctx.output.info(`Imported ${input.fsPath} into ${target}`);
    for (const line of result.summary) ctx.output.info(line);
    await window.showTextDocument(Uri.file(target));
    void ctx.notices
        .show(
            'info',
            `Imported ${shown} into ${path.basename(target)}: fill in its TODO lines, then check it.`,
            'Show Output',
        )
        .then((choice) => {
            if (choice === 'Show Output') ctx.output.show(true);
        });
    return target;
}

/** The default path when it is free; otherwise the user chooses (a save dialog starting there). */
async function chooseTarget(preferred: string): Promise<string | undefined> {
    if (!taken(preferred)) return preferred;
    const picked = await window.showSaveDialog({
        defaultUri: Uri.file(preferred),
        title: `${path.basename(preferred)} exists: save the imported design as…`,
        filters: { 'Multi-Region design': ['mregion'] },
    });
    return picked?.fsPath;
}
