// How checking grows with the number of regions, the regions of one store and the files of an import chain or star:
// `mregion check` end to end (time, CPU time and peak RSS of a fresh process), and the bundled language server's
// edit → diagnostics time in a file with a store over many regions. Prints Markdown with the ratio of each time to
// the previous size's, so linear growth shows as a ratio near the ratio of the sizes.
// Usage: node esbuild.mjs && node bench/robustness/scaling.mjs [--quick]
//   CLI_BUNDLE / SERVER_BUNDLE: other bundles to measure (default dist/cli.cjs, dist/server.cjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssMb, startServer } from '../lsp/server-process.mjs';
import { importChain, importStar, manyRegions, partName } from './scaling-designs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.CLI_BUNDLE ?? path.join(ROOT, 'dist', 'cli.cjs');
const quick = process.argv.includes('--quick');
const EDITS = quick ? 6 : 20;

/** Peak RSS of the child, printed by itself on exit (the parent cannot read it after the process is gone). */
const PEAK_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss "+process.resourceUsage().maxRSS+"\\n"))';

/** `mregion check` of `entry` in a fresh process: wall time, CPU time of the process and peak RSS. */
function check(entry) {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', PEAK_RSS, CLI, 'check', '--format', 'json', entry], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = performance.now() - start;
    const peak = /peak-rss (\d+)/.exec(result.stderr)?.[1];
    if (result.status !== 0 && result.status !== 1) throw new Error(`mregion check ${entry} exited with ${result.status}: ${result.stderr}`);
    const findings = JSON.parse(result.stdout);
    const diagnostics = findings.reduce((n, f) => n + (f.diagnostics?.length ?? 1), 0);
    const longest = Math.max(0, ...findings.flatMap((f) => (f.diagnostics ?? [f]).map((d) => String(d.message ?? '').length)));
    return { wallMs, rssMb: Number(peak) / 1024, diagnostics, longest };
}

/** CPU time is not available for a child from spawnSync: measured with /usr/bin/time when it is installed. */
function cpuSeconds(entry) {
    const timed = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, CLI, 'check', entry], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /cpu ([\d.]+) ([\d.]+)/.exec(timed.stderr ?? '');
    return m ? Number(m[1]) + Number(m[2]) : NaN;
}

function writeFiles(dir, files) {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return path.join(dir, partName(0));
}

const work = mkdtempSync(path.join(tmpdir(), 'mregion-scaling-'));
const cases = [
    { group: 'regions', size: 1_000, entry: () => writeFiles(path.join(work, 'r1000'), { [partName(0)]: manyRegions(1_000) }) },
    { group: 'regions', size: 3_000, entry: () => writeFiles(path.join(work, 'r3000'), { [partName(0)]: manyRegions(3_000) }) },
    { group: 'regions', size: 6_000, entry: () => writeFiles(path.join(work, 'r6000'), { [partName(0)]: manyRegions(6_000) }) },
    { group: 'store regions', size: 100, entry: () => writeFiles(path.join(work, 's100'), { [partName(0)]: manyRegions(1_000, 100) }) },
    { group: 'store regions', size: 300, entry: () => writeFiles(path.join(work, 's300'), { [partName(0)]: manyRegions(1_000, 300) }) },
    { group: 'store regions', size: 1_000, entry: () => writeFiles(path.join(work, 's1000'), { [partName(0)]: manyRegions(1_000, 1_000) }) },
    { group: 'files in an import chain', size: 250, entry: () => writeFiles(path.join(work, 'chain250'), importChain(250)) },
    { group: 'files in an import chain', size: 1_000, entry: () => writeFiles(path.join(work, 'chain1000'), importChain(1_000)) },
    { group: 'files in an import star', size: 250, entry: () => writeFiles(path.join(work, 'star250'), importStar(250)) },
    { group: 'files in an import star', size: 1_000, entry: () => writeFiles(path.join(work, 'star1000'), importStar(1_000)) },
];

const baseline = check(writeFiles(path.join(work, 'empty'), { [partName(0)]: 'topology Empty "nothing"\n' }));
const rows = [];
let previous;
for (const c of cases) {
    const entry = c.entry();
    const r = check(entry);
    const cpu = cpuSeconds(entry);
    const ratio = previous?.group === c.group ? `${(r.wallMs / previous.wallMs).toFixed(2)}× for ${(c.size / previous.size).toFixed(1)}× the size` : '';
    rows.push(`| ${c.group} | ${c.size.toLocaleString('en-US')} | ${(r.wallMs / 1000).toFixed(2)} s | ${cpu.toFixed(2)} s | ${ratio} | ${r.rssMb.toFixed(0)} MB | ${r.diagnostics} | ${r.longest.toLocaleString('en-US')} |`);
    process.stderr.write(`scaling: ${c.group} ${c.size}: ${(r.wallMs / 1000).toFixed(2)} s\n`);
    previous = { ...c, wallMs: r.wallMs };
}

/** The bundled server over stdio: open the design, then edit one character back and forth; edit → diagnostics. */
async function serverEdits(storeRegions) {
    const { child, connection, next: nextFor } = await startServer();
    const text = manyRegions(1_000, storeRegions);
    const uri = `file:///bench/store-${storeRegions}.mregion`;
    const next = () => nextFor(uri);
    let published = next();
    const opened = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mregion', version: 1, text } });
    await published;
    const openMs = performance.now() - opened;
    // The write rate of the first workload, 100/s ↔ 109/s: a one-character edit that changes the model.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('writes    100/s'));
    const character = lines[line].indexOf('100/s') + 2;
    const times = [];
    for (let i = 0; i < EDITS; i++) {
        published = next();
        const start = performance.now();
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: i % 2 === 0 ? '9' : '0' }],
        });
        await published;
        times.push(performance.now() - start);
    }
    const peakMb = rssMb(child.pid, 'VmHWM');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    times.sort((a, b) => a - b);
    return { openMs, medianMs: times[Math.floor(times.length / 2)], maxMs: times.at(-1), rssMb: peakMb };
}

const serverRows = [];
for (const storeRegions of [100, 300, 1_000]) {
    const r = await serverEdits(storeRegions);
    serverRows.push(`| ${storeRegions.toLocaleString('en-US')} | ${r.openMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB |`);
    process.stderr.write(`scaling: server, store over ${storeRegions}: edit median ${r.medianMs.toFixed(0)} ms\n`);
}
rmSync(work, { recursive: true, force: true });

process.stdout.write([
    `Node ${process.version}; \`mregion check --format json\` of a fresh process (an empty design: ${(baseline.wallMs / 1000).toFixed(2)} s, ${baseline.rssMb.toFixed(0)} MB).`,
    'Designs from bench/robustness/scaling-designs.mjs: n regions with locations and a store, service and workload every 100;',
    '"store regions": 1,000 regions and one DynamoDB table over the first k (k²/2 pairs with estimated RTTs);',
    'a chain: file i declares one region and imports file i + 1; a star: file 0 imports all others.',
    '',
    '| what grows | size | time | CPU time | time ratio to the previous size | peak RSS | diagnostics | longest message (characters) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `The language server (bundled, over stdio, with the extension's Node options): a file of 1,000 regions and a store over k of them;`,
    `open → first diagnostics, then ${EDITS} one-character edits (a workload's write rate), edit → diagnostics published.`,
    '',
    '| store over k regions | open | edit median | edit max | server peak RSS |',
    '|---|---|---|---|---|',
    ...serverRows,
].join('\n') + '\n');
