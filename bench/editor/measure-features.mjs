// Measures the editor features of the bundled language server over stdio on generated designs: the latency
// of hover, completion, inlay hints, semantic tokens, formatting, document symbols, folding, code lenses and
// a rename, each repeated on a built document (median and p95). The design comes from bench/lsp.
// Usage: node esbuild.mjs && node bench/editor/measure-features.mjs [sizes=1000,10000] [repeats=20]
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateTopology } from '../lsp/generate-topology.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const repeats = Number(process.argv[3] ?? 20);

function quantile(sorted, q) {
    const index = (sorted.length - 1) * q;
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (index - lo);
}

async function start() {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.cjs'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
        for (const w of [...waiters])
            if (w.uri === p.uri) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(p);
            }
    });
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification('initialized', {});
    return { child, connection, next: (uri) => new Promise((resolve) => waiters.push({ uri, resolve })) };
}

function position(lines, predicate, delta, fromMiddle = true) {
    const line = lines.findIndex((l, i) => (!fromMiddle || i > lines.length / 2) && predicate(l));
    return { line, character: delta(lines[line]) };
}

async function measure(size) {
    const text = generateTopology(size);
    const lines = text.split('\n');
    const uri = `file:///bench/editor-${size}.mregion`;
    const textDocument = { uri };
    const server = await start();
    const first = server.next(uri);
    await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'mregion', version: 1, text },
    });
    await first;
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const screen = {
        start: { line: Math.floor(lines.length / 2), character: 0 },
        end: { line: Math.floor(lines.length / 2) + 60, character: 0 },
    };
    const ttl = position(
        lines,
        (l) => l.includes('ttl 60s'),
        (l) => l.indexOf('60s') + 2,
    );
    const region = position(
        lines,
        (l) => /^region dc-/.test(l),
        () => 'region d'.length,
        false,
    );
    const requests = {
        'hover (region)': ['textDocument/hover', { textDocument, position: region }],
        'completion (units)': ['textDocument/completion', { textDocument, position: ttl }],
        'inlay hints (one screen)': ['textDocument/inlayHint', { textDocument, range: screen }],
        'inlay hints (whole file)': ['textDocument/inlayHint', { textDocument, range: whole }],
        'semantic tokens (full)': ['textDocument/semanticTokens/full', { textDocument }],
        'formatting (whole file)': [
            'textDocument/formatting',
            { textDocument, options: { tabSize: 4, insertSpaces: true } },
        ],
        'document symbols': ['textDocument/documentSymbol', { textDocument }],
        'folding ranges': ['textDocument/foldingRange', { textDocument }],
        'code lenses': ['textDocument/codeLens', { textDocument }],
        'rename (prepare + edits)': [
            'textDocument/rename',
            { textDocument, position: region, newName: 'renamed-region' },
        ],
    };
    const rows = [];
    for (const [name, [method, params]] of Object.entries(requests)) {
        const times = [];
        for (let i = 0; i < repeats; i++) {
            const t0 = performance.now();
            const answer = await server.connection.sendRequest(method, params);
            times.push(performance.now() - t0);
            // A fast empty answer measures nothing: every request here must find something.
            const empty =
                answer === null ||
                (Array.isArray(answer) && answer.length === 0) ||
                (answer.items && answer.items.length === 0) ||
                (answer.data && answer.data.length === 0) ||
                (answer.changes && Object.keys(answer.changes).length === 0);
            if (empty && !name.startsWith('formatting'))
                throw new Error(`${name} answered nothing on the ${size}-line design`);
        }
        times.sort((a, b) => a - b);
        rows.push({ name, median: quantile(times, 0.5), p95: quantile(times, 0.95) });
    }
    await server.connection.sendRequest('shutdown');
    await server.connection.sendNotification('exit');
    server.connection.dispose();
    if (server.child.exitCode === null) server.child.kill();
    return { lines: lines.length, rows };
}

const results = [];
for (const size of sizes) results.push(await measure(size));
const names = results[0].rows.map((r) => r.name);
process.stdout.write(
    `| request | ${results.map((r) => `${r.lines} lines median / p95`).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|\n`,
);
for (const name of names) {
    process.stdout.write(
        `| ${name} | ${results
            .map((r) => {
                const row = r.rows.find((x) => x.name === name);
                return `${row.median.toFixed(1)} / ${row.p95.toFixed(1)} ms`;
            })
            .join(' | ')} |\n`,
    );
}
