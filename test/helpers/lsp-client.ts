// A minimal LSP client over stdio for tests: spawns the bundled server and waits for notifications by predicate.
import { spawn, type ChildProcess } from 'node:child_process';
import serverProcess from '../../protocol/server-process.json' with { type: 'json' };
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterAll, beforeAll } from 'vitest';
import { bundle } from './bundles.js';

export interface PublishedDiagnostics {
    readonly uri: string;
    readonly version?: number;
    readonly diagnostics: Diagnostic[];
}

export class LspClient {
    readonly connection: MessageConnection;
    private readonly waiters: {
        predicate: (p: PublishedDiagnostics) => boolean;
        resolve: (p: PublishedDiagnostics) => void;
    }[] = [];
    readonly published: PublishedDiagnostics[] = [];
    readonly stderr: string[] = [];

    /** The server process (its pid, its standard error), for tests that watch the process itself. */
    private constructor(readonly child: ChildProcess) {
        this.connection = createMessageConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!),
        );
        child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            this.published.push(params);
            for (const waiter of [...this.waiters]) {
                if (waiter.predicate(params)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        // The server asks for configuration and registers capabilities: answer like an editor would.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
            params.items.map(() => null),
        );
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    static async start(rootUri: string | null = null): Promise<LspClient> {
        // With the Node options the extension starts it with, so the tests run the server as it ships.
        const child = spawn(process.execPath, [...serverProcess.execArgv, bundle('server'), '--stdio'], {
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const client = new LspClient(child);
        await client.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                },
                window: { workDoneProgress: true },
            },
        });
        await client.connection.sendNotification('initialized', {});
        return client;
    }

    /** Resolves with the first publishDiagnostics (already received or future) that satisfies the predicate. */
    diagnostics(predicate: (p: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics> {
        const seen = this.published.find(predicate);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
    }

    /** Resolves with the next publishDiagnostics for `uri` received after this call (register before the edit). */
    nextDiagnostics(uri: string): Promise<PublishedDiagnostics> {
        return new Promise((resolve) => this.waiters.push({ predicate: (p) => p.uri === uri, resolve }));
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'mregion', version, text },
        });
    }

    change(uri: string, text: string, version: number): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ text }],
        });
    }

    async stop(): Promise<void> {
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } catch {
            // the process may already be gone
        }
        this.connection.dispose();
        if (this.child.exitCode === null) {
            const exited = new Promise((resolve) => this.child.once('exit', resolve));
            this.child.kill();
            await exited;
        }
    }
}

/**
 * One real server for the tests of the enclosing describe block: started before them (`use` receives it) and
 * stopped after them.
 */
export function serverForSuite(use: (client: LspClient) => void, rootUri: string | null = null): void {
    let client: LspClient | undefined;
    beforeAll(async () => {
        client = await LspClient.start(rootUri);
        use(client);
    });
    afterAll(async () => {
        await client?.stop();
    });
}
