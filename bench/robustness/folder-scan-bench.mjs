// Time and peak memory of folder scans past their bounds (issue 15): `mregion check` on a folder holding twice
// the entries one scan visits, and one holding twice the designs it loads (each must exit 2 at once, not scan
// on), and the language server given the first as its workspace (time from start until its warning). Goal: each
// stops at the bound in a time and memory independent of what lies beyond it. The output is Markdown.
// Usage: node esbuild.mjs && node bench/robustness/folder-scan-bench.mjs [rounds=3]
//   CLI_BUNDLE / SERVER_BUNDLE: other bundles to measure (default dist/cli.cjs, dist/server.cjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rssMb, startServer } from '../lsp/server-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.CLI_BUNDLE ?? path.join(ROOT, 'dist', 'cli.cjs');
const PEAK = path.join(ROOT, 'bench', 'robustness', 'peak-usage.cjs');
const rounds = Number(process.argv[2] ?? 3);
const ENTRIES = 200_000;
const DESIGNS = 20_000;

const temp = mkdtempSync(path.join(tmpdir(), 'mregion-scan-bench-'));
/** `count` files in folders of 1,000 below `folder`. */
function fill(folder, count, name) {
    for (let i = 0; i < count; i++) {
        const sub = path.join(folder, `d${Math.floor(i / 1000)}`);
        if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
        writeFileSync(path.join(sub, name(i)), name(i).endsWith('.mregion') ? 'region us-east-1 {}\n' : '');
    }
}
const made = performance.now();
fill(path.join(temp, 'entries'), ENTRIES, (i) => `f${i}.txt`);
fill(path.join(temp, 'designs'), DESIGNS, (i) => `d${i}.mregion`);
const makeSeconds = (performance.now() - made) / 1000;

/** One CLI run: wall time, peak RSS and CPU time (peak-usage.cjs), exit code, the first line on standard error. */
function runCli(folder) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', PEAK, CLI, 'check', folder], {
        cwd: temp,
        encoding: 'utf8',
        timeout: 600_000,
    });
    const ms = performance.now() - started;
    const usage = JSON.parse(/peak-usage (\{.*\})/.exec(result.stderr)?.[1] ?? '{}');
    return {
        ms,
        rssMb: usage.maxRssKiB / 1024,
        cpuMs: usage.cpuMs,
        status: result.status ?? `killed (${result.signal})`,
        said: result.stderr.split('\n')[0],
    };
}

async function runServer() {
    const { child, connection, t0 } = await startServer(pathToFileURL(path.join(temp, 'entries')).href);
    const warning = await new Promise((resolve) =>
        connection.onNotification('window/showMessage', (p) => resolve(p.message)),
    );
    const ms = performance.now() - t0;
    const peak = rssMb(child.pid, 'VmHWM');
    await connection.sendRequest('shutdown').catch(() => {});
    await connection.sendNotification('exit').catch(() => {});
    connection.dispose();
    child.kill();
    return { ms, peak, warning };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lines = [
    `# Folder scans past their bounds — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Node ${process.version}, ${rounds} runs per case, medians (peak RSS: maximum). Fixtures: ${ENTRIES.toLocaleString('en-US')} empty files and`,
    `${DESIGNS.toLocaleString('en-US')} one-line designs, in folders of 1,000 (made in ${makeSeconds.toFixed(0)} s).`,
    '',
    '## mregion check',
    '',
    '| folder | exit | wall | CPU | peak RSS | standard error |',
    '|---|---|---|---|---|---|',
];
for (const folder of ['entries', 'designs']) {
    const runs = Array.from({ length: rounds }, () => runCli(folder));
    lines.push(
        `| ${folder} | ${runs[0].status} | ${Math.round(median(runs.map((r) => r.ms)))} ms | ${median(runs.map((r) => r.cpuMs))} ms | ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB | ${runs[0].said.replaceAll('|', '\\|')} |`,
    );
}
lines.push(
    '',
    '## The language server',
    '',
    'The `entries` folder as its workspace: time from start until its warning, peak RSS (VmHWM) then.',
    '',
    '| run | until the warning | peak RSS | warning |',
    '|---|---|---|---|',
);
for (let i = 0; i < rounds; i++) {
    const run = await runServer();
    lines.push(
        `| ${i + 1} | ${Math.round(run.ms)} ms | ${run.peak.toFixed(0)} MB | ${run.warning.replace(temp, '<tmp>')} |`,
    );
}
rmSync(temp, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
