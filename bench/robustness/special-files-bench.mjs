// Time and peak memory of the real CLI (dist/cli.cjs) and language server (dist/server.cjs) given special files:
// FIFOs, links to /dev/zero, /proc pseudo-files, folders and oversized files named x.mregion or .mregion.json,
// named directly, found by a folder scan, imported, or lying in a workspace folder. Goal (issue 15): each is
// refused or reported, none takes more than 10 s or 1 GB of resident memory. The output is Markdown.
// Usage: node bench/robustness/special-files-bench.mjs [rounds=3] [limit-seconds=60]   (builds the bundles when missing)
import { spawn, spawnSync } from 'node:child_process';
import {
    closeSync,
    existsSync,
    ftruncateSync,
    mkdirSync,
    mkdtempSync,
    openSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rounds = Number(process.argv[2] ?? 3);
/** A run still going after this many seconds is ended and reported as hung. */
const LIMIT_S = Number(process.argv[3] ?? 60);
const MIB = 1024 * 1024;
const DESIGN = 'region us-east-1 {}\n';
if (!existsSync(path.join(ROOT, 'dist', 'cli.cjs')))
    spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });

const temp = mkdtempSync(path.join(tmpdir(), 'mregion-special-bench-'));
const make = {
    fifo: (file) => spawnSync('mkfifo', [file]),
    zero: (file) => symlinkSync('/dev/zero', file),
    proc: (file) => symlinkSync('/proc/self/status', file),
    sparse: (size) => (file) => {
        const fd = openSync(file, 'w');
        ftruncateSync(fd, size);
        closeSync(fd);
    },
    design: (text) => (file) => writeFileSync(file, text),
    folder: (file) => mkdirSync(file),
    link: (target) => (file) => symlinkSync(target, file),
};

/** name, files to make (relative path → maker), CLI arguments. */
const cases = [
    ['FIFO named on the command line', { 'x.mregion': make.fifo }, ['check', 'x.mregion']],
    ['link to /dev/zero named on the command line', { 'x.mregion': make.zero }, ['check', 'x.mregion']],
    ['link to /proc/self/status named on the command line', { 'x.mregion': make.proc }, ['check', 'x.mregion']],
    ['16 MiB + 1 byte design', { 'x.mregion': make.sparse(16 * MIB + 1) }, ['check', 'x.mregion']],
    ['FIFO found by a folder scan', { 'd/a.mregion': make.design(DESIGN), 'd/x.mregion': make.fifo }, ['check', 'd']],
    [
        'folder scan with a link cycle and a link to /',
        { 'd/a.mregion': make.design(DESIGN), 'd/loop': make.link('.'), 'd/root.mregion': make.link('/') },
        ['check', 'd'],
    ],
    [
        'import of a FIFO',
        { 'a.mregion': make.design(`import "x.mregion"\n${DESIGN}`), 'x.mregion': make.fifo },
        ['check', 'a.mregion'],
    ],
    [
        'import of a link to /dev/zero',
        { 'a.mregion': make.design(`import "x.mregion"\n${DESIGN}`), 'x.mregion': make.zero },
        ['check', 'a.mregion'],
    ],
    [
        '.mregion.json FIFO beside the design',
        { 'a.mregion': make.design(DESIGN), '.mregion.json': make.fifo },
        ['check', 'a.mregion'],
    ],
    [
        '.mregion.json link to /dev/zero beside the design',
        { 'a.mregion': make.design(DESIGN), '.mregion.json': make.zero },
        ['check', 'a.mregion'],
    ],
    [
        '.mregion.json FIFO above the git root',
        { '.mregion.json': make.fifo, 'repo/.git': make.folder, 'repo/a.mregion': make.design(DESIGN) },
        ['check', 'repo/a.mregion'],
    ],
    ['format a FIFO', { 'x.mregion': make.fifo }, ['format', 'x.mregion']],
];

function fixture(files) {
    const folder = mkdtempSync(path.join(temp, 'case-'));
    for (const [name, maker] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        maker(path.join(folder, name));
    }
    return folder;
}

/** One CLI run under /usr/bin/time: wall time, peak RSS (kB → MB), exit code and the first line it printed. */
function runCli(folder, args) {
    const started = performance.now();
    // `timeout` ends a hung run (and /usr/bin/time still reports the peak RSS of what it ran).
    const result = spawnSync(
        '/usr/bin/time',
        [
            '-f',
            'peak-rss-kb %M',
            'timeout',
            '-s',
            'KILL',
            String(LIMIT_S),
            process.execPath,
            path.join(ROOT, 'dist', 'cli.cjs'),
            ...args,
        ],
        { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    const ms = performance.now() - started;
    const rss = Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
    const killed = /Command terminated by signal 9|Command exited with non-zero status 137/.test(result.stderr);
    const said =
        `${result.stdout}${result.stderr}`
            .split('\n')
            .find((l) => l.trim() !== '' && !/^peak-rss-kb|^Command /.test(l)) ?? '';
    return { ms, rss, status: killed ? `killed after ${LIMIT_S} s` : result.status, said };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cell = (text) => text.replaceAll('|', '\\|').replace(temp, '<tmp>').slice(0, 140);

const lines = [
    `# Special files (issue 15 items 1, 3, 4) — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Node ${process.version}, ${rounds} runs per case; wall time median, peak RSS maximum (\`/usr/bin/time -f %M\`).`,
    '',
    '## The CLI',
    '',
    '| case | exit | wall (median) | peak RSS (max) | first line printed |',
    '|---|---|---|---|---|',
];
for (const [name, files, args] of cases) {
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(runCli(fixture(files), args));
    lines.push(
        `| ${name} | ${runs[0].status} | ${Math.round(median(runs.map((r) => r.ms)))} ms | ${Math.max(...runs.map((r) => r.rss)).toFixed(0)} MB | ${cell(runs[0].said)} |`,
    );
}

// The server: a workspace folder holding all of them at once, plus a file of 200,000 comment lines that once
// crashed the parser. Time from `initialized` until every file's diagnostics are published, and peak RSS.
async function serverRun() {
    const folder = fixture({
        'good.mregion': make.design(`import "pipe.mregion"\n${DESIGN}`),
        'pipe.mregion': make.fifo,
        'zero.mregion': make.zero,
        'proc.mregion': make.proc,
        'huge.mregion': make.sparse(16 * MIB + 1),
        'comments.mregion': make.design('// c\n'.repeat(200_000)),
        loop: make.link('.'),
        '.mregion.json': make.zero,
    });
    const names = ['good', 'pipe', 'zero', 'proc', 'huge', 'comments'].map(
        (n) => pathToFileURL(path.join(folder, `${n}.mregion`)).href,
    );
    const child = spawn(
        '/usr/bin/time',
        [
            '-f',
            'peak-rss-kb %M',
            'timeout',
            '-s',
            'KILL',
            String(LIMIT_S),
            process.execPath,
            path.join(ROOT, 'dist', 'server.cjs'),
            '--stdio',
        ],
        { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    const pending = new Set(names);
    let done;
    const all = new Promise((resolve) => (done = resolve));
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
        pending.delete(p.uri);
        if (pending.size === 0) done();
    });
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const rootUri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'ws' }],
        capabilities: {},
    });
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: names[0], languageId: 'mregion', version: 1, text: `import "pipe.mregion"\n${DESIGN}` },
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const timeout = exited.then(() => 'timeout');
    const outcome = await Promise.race([all, timeout]);
    const ms = performance.now() - started;
    if (outcome !== 'timeout') {
        await connection.sendRequest('shutdown').catch(() => {});
        await connection.sendNotification('exit').catch(() => {});
    }
    await exited;
    connection.dispose();
    return {
        ms,
        rss: Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024,
        outcome:
            outcome === 'timeout'
                ? `ended after ${LIMIT_S} s, no diagnostics for ${pending.size} of 6 files`
                : 'all published',
    };
}

lines.push(
    '',
    '## The language server',
    '',
    'A workspace folder holding a FIFO, links to /dev/zero and /proc/self/status, a 16 MiB + 1 byte file, a',
    'file of 200,000 comment lines, a link cycle and a `.mregion.json` linked to /dev/zero; one design importing the FIFO is',
    'opened. Time from `initialized` until the diagnostics of all six designs are published.',
    '',
    '| run | outcome | until all published | peak RSS |',
    '|---|---|---|---|',
);
for (let i = 0; i < rounds; i++) {
    const run = await serverRun();
    lines.push(`| ${i + 1} | ${run.outcome} | ${Math.round(run.ms)} ms | ${run.rss.toFixed(0)} MB |`);
}
rmSync(temp, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
