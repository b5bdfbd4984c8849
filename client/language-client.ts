// Starts the bundled language server (a separate Node process over IPC) and the client that talks to it.
// The client reads `mregion.trace.server` by itself because its id is `mregion`.
import * as path from 'node:path';
import { MarkdownString, Uri, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
    LanguageClient,
    TransportKind,
    type LanguageClientOptions,
    type Middleware,
    type ServerOptions,
} from 'vscode-languageclient/node';
import { commandLink, docTarget, OPEN_DOCS_COMMAND, rewriteDocLinks } from './docs-links.js';
// Node options for the server process; the LSP benchmark (bench/lsp) starts the server with the same ones.
import serverProcess from '../protocol/server-process.json' with { type: 'json' };

export async function startLanguageClient(
    context: ExtensionContext,
    output: LogOutputChannel,
): Promise<LanguageClient> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverProcess.execArgv } },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: [...serverProcess.execArgv, '--nolazy', '--inspect=6009'] },
        },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'mregion' },
            { scheme: 'untitled', language: 'mregion' },
        ],
        outputChannel: output,
        traceOutputChannel: output,
        // Hover Markdown may run exactly one command: opening a shipped documentation page in the preview.
        markdown: { isTrusted: { enabledCommands: [OPEN_DOCS_COMMAND] } },
        middleware: docsLinkMiddleware(context),
    };
    const client = new LanguageClient('mregion', 'Multi-Region language server', serverOptions, clientOptions);
    context.subscriptions.push(client);
    await client.start();
    return client;
}

/** Links into the shipped docs open them in the Markdown preview (see client/docs-links.ts). */
function docsLinkMiddleware(context: ExtensionContext): Middleware {
    const docsFolder = path.join(context.extensionPath, 'docs');
    const trusted = (value: string) => {
        const md = new MarkdownString(rewriteDocLinks(value, docsFolder));
        md.isTrusted = { enabledCommands: [OPEN_DOCS_COMMAND] };
        return md;
    };
    return {
        provideHover: async (document, position, token, next) => {
            const hover = await next(document, position, token);
            if (hover) hover.contents = hover.contents.map((c) => (c instanceof MarkdownString ? trusted(c.value) : c));
            return hover;
        },
        provideInlayHints: async (document, range, token, next) => {
            const hints = await next(document, range, token);
            for (const hint of hints ?? [])
                if (hint.tooltip instanceof MarkdownString) hint.tooltip = trusted(hint.tooltip.value);
            return hints;
        },
        handleDiagnostics: (uri, diagnostics, next) => {
            for (const d of diagnostics) {
                const code = d.code;
                if (typeof code !== 'object') continue;
                const t = docTarget(code.target.toString(true), docsFolder);
                if (t) d.code = { value: code.value, target: Uri.parse(commandLink(t)) };
            }
            next(uri, diagnostics);
        },
    };
}
