// Starts the bundled language server (a separate Node process over IPC) and the client that talks to it.
// The client reads `mregion.trace.server` by itself because its id is `mregion`.
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
// Node options for the server process; the LSP benchmark (bench/lsp) starts the server with the same ones.
import serverProcess from '../protocol/server-process.json' with { type: 'json' };

export async function startLanguageClient(context: ExtensionContext, output: LogOutputChannel): Promise<LanguageClient> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverProcess.execArgv } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverProcess.execArgv, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'mregion' }, { scheme: 'untitled', language: 'mregion' }],
        outputChannel: output,
        traceOutputChannel: output,
    };
    const client = new LanguageClient('mregion', 'Multi-Region language server', serverOptions, clientOptions);
    context.subscriptions.push(client);
    await client.start();
    return client;
}
