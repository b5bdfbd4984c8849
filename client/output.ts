// The "Multi-Region" Output channel: the language server's log, LSP traces (`mregion.trace.server`) and the
// extension's own notes (exported files, simulation runs) in one place a user can attach to a bug report.
import { window, type ExtensionContext, type LogOutputChannel } from 'vscode';

export function createOutput(context: ExtensionContext): LogOutputChannel {
    const output = window.createOutputChannel('Multi-Region', { log: true });
    context.subscriptions.push(output);
    return output;
}
