// Large and hostile files, end to end: `mregion check FILE` (dist/cli.cjs) and the language server's didOpen →
// publishDiagnostics (dist/server.cjs over stdio, with the extension's Node options), one fresh process per file.
// Reports wall time, CPU time (user + system, all threads) and peak RSS of the process, and whether it crashed
// or hung. Goals (issue 15): any file up to 8 MB — no crash, no hang over 10 s, RSS ≤ 1 GB; a 10 MB design checks in
// ≤ 5 s with ≤ 600 MB.
// Usage: node bench/robustness/large-file.mjs [--sizes 1,5,8,10] [--only cli|server] [--inputs designs|hostile|all]
//        [--node-args '--cpu-prof --cpu-prof-dir=/tmp/prof']   (extra Node options for the CLI and server processes)
//        [--dist /tmp/wt-abc123/dist]   (the bundles to measure, e.g. another commit's build in a worktree)
//        [--match 'single line']   (only the inputs whose name contains this)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateTopology } from '../lsp/generate-topology.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const PROBE = path.join(here, 'peak-usage.cjs');
const HANG_MS = 120_000;
const MB = 2 ** 20;

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = option('--sizes', '1,5,8,10').split(',').map(Number);
const only = option('--only', 'both');
const inputs = option('--inputs', 'all');
const nodeArgs = option('--node-args', '').split(' ').filter(Boolean);
const dist = path.resolve(option('--dist', path.join(root, 'dist')));

if (!existsSync(path.join(dist, 'cli.cjs')) || !existsSync(path.join(dist, 'server.cjs'))) {
    spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
}

/** A generated valid design (bench/lsp/generate-topology.mjs: 36 regions, stores, services, …) of about `mb` MB. */
function design(mb) {
    const probe = generateTopology(10_000);
    const bytesPerLine = Buffer.byteLength(probe) / probe.split('\n').length;
    return generateTopology(Math.round((mb * MB) / bytesPerLine));
}

/**
 * A whole design on one line of about `mb` MB: two regions and as many stores as fit. With `separator` '\n', the
 * same design with a store a line (to tell what the single line costs from what the design costs).
 */
function oneLine(mb, separator = ' ') {
    const parts = ['topology OneLine region us-east-1 { provider aws } region eu-west-1 { provider aws }'];
    let length = parts[0].length;
    for (let i = 0; length < mb * MB; i++) {
        const store = `${separator}store s-${i} { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows writes home-region }`;
        parts.push(store);
        length += store.length;
    }
    return `${parts.join('')}\n`;
}

const hostile = [
    ['200,000 line comments', () => '// c\n'.repeat(200_000)],
    ['130,000 empty block comments', () => '/**/'.repeat(130_000)],
    ['8 MB of line comments (1.6 M)', () => '// c\n'.repeat(1_677_722)],
    ['a 5 MB string literal', () => `topology T "${'a'.repeat(5 * MB)}"\n`],
    ['an 8 MB name', () => `topology ${'a-'.repeat(4 * MB)}b\n`],
    ['an 8 MB design on a single line', () => oneLine(8)],
    ['the same 8 MB design, a store a line', () => oneLine(8, '\n')],
    ['8 MB of stray characters', () => `topology T\n${'@'.repeat(8 * MB)}\n`],
    ['8 MB of stray characters between spaces', () => `topology T\n${'# '.repeat(4 * MB)}\n`],
    ['4 M unterminated quotes on one line (8 MB)', () => `topology T\n${'"\\'.repeat(4 * MB)}\n`],
    ['an unterminated block comment, then 8 MB', () => `topology T\n/* ${'/* '.repeat(2_796_202)}`],
    ['1 M opening braces', () => `topology T\nregion r ${'{'.repeat(MB)}\n`],
];

const match = option('--match', '');
const cases = [
    ...(inputs === 'hostile' ? [] : sizes.map((mb) => [`generated design, ${mb} MB`, () => design(mb)])),
    ...(inputs === 'designs' ? [] : hostile),
].filter(([name]) => name.includes(match));

function parseUsage(stderr) {
    const line = stderr
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('peak-usage '));
    return line ? JSON.parse(line.slice('peak-usage '.length)) : undefined;
}

/** `mregion check FILE` in a fresh process. */
function runCli(file) {
    return new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(
            process.execPath,
            [...nodeArgs, '--require', PROBE, path.join(dist, 'cli.cjs'), 'check', file],
            { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
        );
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const wallMs = performance.now() - started;
            const usage = parseUsage(stderr);
            const crashed = signal !== null || code === 2 || /\n\s+at /.test(stderr);
            resolve({
                wallMs,
                ...usage,
                outcome: signal === 'SIGKILL' ? 'hang' : crashed ? `crash (exit ${code ?? signal})` : `exit ${code}`,
            });
        });
    });
}

/** The bundled server over stdio: didOpen of the text → the first publishDiagnostics for it, then shutdown. */
async function runServer(text) {
    const serverProcess = JSON.parse(readFileSync(path.join(root, 'protocol', 'server-process.json'), 'utf8'));
    const child = spawn(
        process.execPath,
        [...serverProcess.execArgv, ...nodeArgs, '--require', PROBE, path.join(dist, 'server.cjs'), '--stdio'],
        { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onError(() => {});
    const uri = 'file:///bench/large.mregion';
    const published = new Promise((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && resolve(p)),
    );
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const started = performance.now();
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'mregion', version: 1, text },
    });
    let timer;
    const outcome = await Promise.race([
        published.then((p) => `${p.diagnostics.length} diagnostics`),
        closed.then(({ code, signal }) => `crash (exit ${code ?? signal})`),
        new Promise((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS))),
    ]);
    clearTimeout(timer);
    const wallMs = performance.now() - started;
    if (outcome === 'hang') child.kill('SIGKILL');
    else {
        await Promise.race([
            connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')),
            closed,
        ]).catch(() => {});
    }
    await closed;
    connection.dispose();
    return { wallMs, ...parseUsage(stderr), outcome };
}

const folder = mkdtempSync(path.join(tmpdir(), 'mregion-large-file-'));
const rows = [];
const ms = (v) => (v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
const rss = (kib) => (kib === undefined ? '–' : `${Math.round(kib / 1024)} MB`);
try {
    for (const [name, make] of cases) {
        const text = make();
        const file = path.join(folder, 'large.mregion');
        writeFileSync(file, text);
        const size = `${(statSync(file).size / MB).toFixed(1)} MB`;
        const cli = only === 'server' ? undefined : await runCli(file);
        const server = only === 'cli' ? undefined : await runServer(text);
        const row = `| ${name} | ${size} | ${cli ? `${ms(cli.wallMs)} | ${ms(cli.cpuMs)} | ${rss(cli.maxRssKiB)} | ${cli.outcome}` : '| | |'} | ${server ? `${ms(server.wallMs)} | ${ms(server.cpuMs)} | ${rss(server.maxRssKiB)} | ${server.outcome}` : '| | |'} |`;
        rows.push(row);
        process.stderr.write(`${row}\n`);
    }
} finally {
    rmSync(folder, { recursive: true, force: true });
}
process.stdout.write(
    [
        `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; CLI: \`mregion check FILE\`; server: didOpen → publishDiagnostics (CPU time and peak RSS of the whole server run).`,
        '',
        '| input | size | CLI wall | CLI CPU | CLI peak RSS | CLI outcome | server wall | server CPU | server peak RSS | server outcome |',
        '|---|---|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
    ].join('\n'),
);
