// How checking grows with the number of regions, the regions of one store and the files of an import chain or star:
// `mregion check` end to end (time, CPU time and peak RSS of a fresh process, with GNU time), and the bundled language server's
// edit → diagnostics time in a file with a store over many regions. Prints Markdown with the ratio of each time to
// the previous size's, so linear growth shows as a ratio near the ratio of the sizes.
// Usage: node esbuild.mjs && node bench/robustness/scaling.mjs [--quick] [--only 'generated design']
//   --only: the CLI cases whose group contains this text, and no server run.
//   CLI_BUNDLE / SERVER_BUNDLE: other bundles to measure (default dist/cli.cjs, dist/server.cjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssMb, startServer } from '../lsp/server-process.mjs';
import { generateTopology } from '../lsp/generate-topology.mjs';
import { importChain, importStar, manyRegions, partName } from './scaling-designs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.CLI_BUNDLE ?? path.join(ROOT, 'dist', 'cli.cjs');
const quick = process.argv.includes('--quick');
const EDITS = quick ? 6 : 20;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

/** `mregion check` of `entry` in a fresh process, under /usr/bin/time: wall time, CPU time and peak RSS. */
function check(entry) {
    const result = spawnSync(
        '/usr/bin/time',
        ['-f', 'scaling-time %e %U %S %M', process.execPath, CLI, 'check', '--format', 'json', entry],
        { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (result.error) throw new Error(`cannot run /usr/bin/time (install GNU time): ${result.error.message}`);
    const m = /scaling-time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
    if (!m || (result.status !== 0 && result.status !== 1))
        throw new Error(`mregion check ${entry} exited with ${result.status}: ${result.stderr}`);
    const findings = JSON.parse(result.stdout);
    const diagnostics = findings.reduce((n, f) => n + (f.diagnostics?.length ?? 1), 0);
    const longest = Math.max(
        0,
        ...findings.flatMap((f) => (f.diagnostics ?? [f]).map((d) => String(d.message ?? '').length)),
    );
    return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, diagnostics, longest };
}

function writeFiles(dir, files) {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return path.join(dir, partName(0));
}

const work = mkdtempSync(path.join(tmpdir(), 'mregion-scaling-'));
const cases = [
    {
        group: 'regions',
        size: 1_000,
        entry: () => writeFiles(path.join(work, 'r1000'), { [partName(0)]: manyRegions(1_000) }),
    },
    {
        group: 'regions',
        size: 3_000,
        entry: () => writeFiles(path.join(work, 'r3000'), { [partName(0)]: manyRegions(3_000) }),
    },
    {
        group: 'regions',
        size: 6_000,
        entry: () => writeFiles(path.join(work, 'r6000'), { [partName(0)]: manyRegions(6_000) }),
    },
    {
        group: 'store regions',
        size: 100,
        entry: () => writeFiles(path.join(work, 's100'), { [partName(0)]: manyRegions(1_000, 100) }),
    },
    {
        group: 'store regions',
        size: 300,
        entry: () => writeFiles(path.join(work, 's300'), { [partName(0)]: manyRegions(1_000, 300) }),
    },
    {
        group: 'store regions',
        size: 1_000,
        entry: () => writeFiles(path.join(work, 's1000'), { [partName(0)]: manyRegions(1_000, 1_000) }),
    },
    {
        group: 'files in an import chain',
        size: 250,
        entry: () => writeFiles(path.join(work, 'chain250'), importChain(250)),
    },
    {
        group: 'files in an import chain',
        size: 1_000,
        entry: () => writeFiles(path.join(work, 'chain1000'), importChain(1_000)),
    },
    {
        group: 'files in an import star',
        size: 250,
        entry: () => writeFiles(path.join(work, 'star250'), importStar(250)),
    },
    {
        group: 'files in an import star',
        size: 1_000,
        entry: () => writeFiles(path.join(work, 'star1000'), importStar(1_000)),
    },
    // Everything grows together: per unit two stores, a service, a failover, a workload and a scenario over 36
    // regions (bench/lsp/generate-topology.mjs), so a rule or estimate that pairs declarations shows here.
    ...[25_000, 100_000].map((lines) => ({
        group: 'lines of a generated design',
        size: lines,
        entry: () => writeFiles(path.join(work, `generated${lines}`), { [partName(0)]: generateTopology(lines) }),
    })),
].filter((c) => only === undefined || c.group.includes(only));

const baseline = check(writeFiles(path.join(work, 'empty'), { [partName(0)]: 'topology Empty "nothing"\n' }));
const rows = [];
let previous;
for (const c of cases) {
    const r = check(c.entry());
    // The work beyond starting the CLI, compared with the previous size's: linear growth gives the ratio of the sizes.
    const work = r.cpuS - baseline.cpuS;
    const ratio =
        previous?.group === c.group
            ? `${(work / previous.work).toFixed(2)}× for ${(c.size / previous.size).toFixed(1)}× the size`
            : '';
    rows.push(
        `| ${c.group} | ${c.size.toLocaleString('en-US')} | ${r.wallS.toFixed(2)} s | ${r.cpuS.toFixed(2)} s | ${work.toFixed(2)} s | ${ratio} | ${r.rssMb.toFixed(0)} MB | ${r.diagnostics} | ${r.longest.toLocaleString('en-US')} |`,
    );
    process.stderr.write(`scaling: ${c.group} ${c.size}: ${r.wallS.toFixed(2)} s, CPU ${r.cpuS.toFixed(2)} s\n`);
    previous = { ...c, work };
}

/** The bundled server over stdio: open the design, then edit one character back and forth; edit → diagnostics. */
async function serverEdits(storeRegions) {
    const { child, connection, next: nextFor } = await startServer();
    const text = manyRegions(1_000, storeRegions);
    const uri = `file:///bench/store-${storeRegions}.mregion`;
    const next = () => nextFor(uri);
    let published = next();
    const opened = performance.now();
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'mregion', version: 1, text },
    });
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
            contentChanges: [
                {
                    range: { start: { line, character }, end: { line, character: character + 1 } },
                    text: i % 2 === 0 ? '9' : '0',
                },
            ],
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
for (const storeRegions of only === undefined ? [100, 300, 1_000] : []) {
    const r = await serverEdits(storeRegions);
    serverRows.push(
        `| ${storeRegions.toLocaleString('en-US')} | ${r.openMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB |`,
    );
    process.stderr.write(`scaling: server, store over ${storeRegions}: edit median ${r.medianMs.toFixed(0)} ms\n`);
}
rmSync(work, { recursive: true, force: true });

process.stdout.write(
    [
        `Node ${process.version}; \`mregion check --format json\` of a fresh process under /usr/bin/time (an empty design: ${baseline.wallS.toFixed(2)} s, CPU ${baseline.cpuS.toFixed(2)} s, ${baseline.rssMb.toFixed(0)} MB).`,
        "Work = CPU time minus the empty design's (start-up); the ratio compares it with the previous size's (wall time suffers from other load).",
        'Designs from bench/robustness/scaling-designs.mjs: n regions with locations and a store, service and workload every 100;',
        '"store regions": 1,000 regions and one DynamoDB table over the first k (k²/2 pairs with estimated RTTs);',
        'a chain: file i declares one region and imports file i + 1; a star: file 0 imports all others.',
        '',
        '| what grows | size | time | CPU time | work | work ratio to the previous size | peak RSS | diagnostics | longest message (characters) |',
        '|---|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `The language server (bundled, over stdio, with the extension's Node options): a file of 1,000 regions and a store over k of them;`,
        `open → first diagnostics, then ${EDITS} one-character edits (a workload's write rate), edit → diagnostics published.`,
        '',
        '| store over k regions | open | edit median | edit max | server peak RSS |',
        '|---|---|---|---|---|',
        ...serverRows,
    ].join('\n') + '\n',
);
