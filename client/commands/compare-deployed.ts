// "Multi-Region: Compare with deployed template…": the drift between the design and a template, cdk.out folder
// or Terraform JSON, as `mregion drift` reports it, shown in Problems on the design's clauses. The diagnostics
// belong to the client's own collection (not the server's): they say what the comparison found when it ran, and
// are cleared when the design is edited, since the server does not recompute them.
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity, ProgressLocation, Range, commands, window } from 'vscode';
import { Requests, type DriftParams, type DriftResult } from '../../protocol/index.js';
import type { CommandContext } from './context.js';
import { driftNotice } from './deployed-files.js';
import { reportFailure } from './messages.js';
import { pickDeployed, uriArgument } from './pick-deployed.js';
import { fileName, targetDocument } from './target-document.js';

export async function compareDeployed(
    ctx: CommandContext,
    uriArg?: unknown,
    againstArg?: unknown,
): Promise<number | undefined> {
    const document = await targetDocument(ctx.notices, uriArg, 'compare it with a deployed template');
    if (!document) return undefined;
    const against = uriArgument(againstArg) ?? (await pickDeployed('Compare'));
    if (!against) return undefined;
    if (against.scheme !== 'file') {
        void ctx.notices.show(
            'error',
            `Cannot compare with ${against.toString()}: mregion reads templates and Terraform JSON from files on disk (file:).`,
        );
        return undefined;
    }
    const shown = path.basename(against.fsPath);
    let result: DriftResult;
    try {
        const params: DriftParams = { uri: document.uri.toString(), against: against.fsPath };
        result = await window.withProgress(
            {
                location: ProgressLocation.Notification,
                title: `Comparing ${fileName(document)} with ${shown}`,
                cancellable: true,
            },
            (_progress, token) => ctx.client.sendRequest<DriftResult>(Requests.drift, params, token),
        );
    } catch (error) {
        reportFailure(ctx, `Cannot compare ${fileName(document)} with ${shown}`, error);
        return undefined;
    }
    ctx.drift.set(
        document.uri,
        result.findings.map((f) => {
            const diagnostic = new Diagnostic(
                new Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character),
                f.message,
                DiagnosticSeverity.Warning,
            );
            diagnostic.code = f.code;
            diagnostic.source = `mregion drift (${shown})`;
            return diagnostic;
        }),
    );
    const notice = driftNotice(result.findings.length, fileName(document), shown);
    if (result.findings.length === 0) void ctx.notices.show('info', notice);
    else
        void ctx.notices
            .show('warning', notice, 'Show Problems')
            .then((choice) => choice && commands.executeCommand('workbench.actions.view.problems'));
    return result.findings.length;
}
