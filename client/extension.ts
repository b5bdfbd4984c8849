// VS Code entry: starts the bundled language server over IPC. Commands and views are wired in files beside it.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'mregion' }, { scheme: 'untitled', language: 'mregion' }],
    };
    client = new LanguageClient('mregion', 'mregion language server', serverOptions, clientOptions);
    await client.start();
    context.subscriptions.push(client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
