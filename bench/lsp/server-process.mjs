// The bundled language server over stdio, started as the extension starts it (its Node options), answering the
// server's requests as an editor would. Shared by the LSP and scaling benchmarks.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Node options the extension starts the server with. */
const serverProcess = JSON.parse(readFileSync(path.join(ROOT, 'protocol/server-process.json'), 'utf8'));

/**
 * Starts and initializes the server (SERVER_BUNDLE, else dist/server.cjs), with `rootUri` as its one workspace folder
 * when given; `next(uri)` resolves with its next diagnostics.
 */
export async function startServer(rootUri = null) {
    const t0 = performance.now();
    const nodeOptions = [
        ...serverProcess.execArgv,
        ...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ];
    const child = spawn(
        process.execPath,
        [...nodeOptions, process.env.SERVER_BUNDLE ?? path.join(ROOT, 'dist/server.cjs'), '--stdio'],
        { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
        for (const w of [...waiters])
            if (w.uri === params.uri) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(params);
            }
    });
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const workspaceFolders = rootUri ? [{ uri: rootUri, name: 'workspace' }] : null;
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders,
        capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification('initialized', {});
    const next = (uri) => new Promise((resolve) => waiters.push({ uri, resolve }));
    return { child, connection, next, t0 };
}

/** Resident memory of a process in MB, from /proc (VmRSS now, VmHWM its peak, RssFile, RssAnon). */
export function rssMb(pid, field = 'VmRSS') {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]) / 1024;
}
