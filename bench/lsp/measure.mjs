// Measures the bundled language server over stdio, as an editor drives it: cold start to first diagnostics,
// edit → publishDiagnostics latency (median, p95), scaling with file size, and server memory (RSS).
// Usage: node esbuild.mjs && node bench/lsp/measure.mjs [sizes=1000,10000,50000] [edits=40]
import { generateTopology } from './generate-topology.mjs';
import { rssMb, startServer } from './server-process.mjs';

const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const edits = Number(process.argv[3] ?? 40);

function quantile(sorted, q) {
    const index = (sorted.length - 1) * q;
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (index - lo);
}

/** The server collects garbage after 1.5 s without changes (server/idle-collection.ts); "at rest" is after that. */
const REST_MS = 3_000;
const rest = () => new Promise((resolve) => setTimeout(resolve, REST_MS));

async function measure(lines) {
    const text = generateTopology(lines);
    const uri = `file:///bench/topology-${lines}.mregion`;
    const server = await startServer();
    const first = server.next(uri);
    await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'mregion', version: 1, text },
    });
    const firstDiagnostics = await first;
    const coldStartMs = performance.now() - server.t0;
    const rssAfterOpen = rssMb(server.child.pid);
    await rest();
    const rssAtRest = rssMb(server.child.pid);
    // Resident pages of the Node executable and libraries (shared, file-backed) versus the server's own memory.
    const rssFileAtRest = rssMb(server.child.pid, 'RssFile');
    const rssAnonAtRest = rssMb(server.child.pid, 'RssAnon');
    if (firstDiagnostics.diagnostics.some((d) => d.severity === 1))
        throw new Error(`generated design has errors: ${JSON.stringify(firstDiagnostics.diagnostics[0])}`);

    // Edit a TTL in the middle of the file, back and forth: each edit changes one character.
    const docLines = text.split('\n');
    const line = docLines.findIndex((l, i) => i > docLines.length / 2 && l.includes('route  dns ttl 60s'));
    const character = docLines[line].indexOf('60s') + 1;
    const latencies = [];
    for (let i = 0; i < edits; i++) {
        const replacement = i % 2 === 0 ? '1' : '0';
        const published = server.next(uri);
        const start = performance.now();
        await server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: [
                { range: { start: { line, character }, end: { line, character: character + 1 } }, text: replacement },
            ],
        });
        await published;
        latencies.push(performance.now() - start);
    }
    const rss = rssMb(server.child.pid);
    await rest();
    const rssAfterEditsAtRest = rssMb(server.child.pid);
    await server.connection.sendRequest('shutdown');
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    await server.connection.sendNotification('exit');
    // Let the server exit by itself (so a --cpu-prof profile gets written); stop it if it does not.
    const stopper = setTimeout(() => server.child.kill(), 5_000);
    await exited;
    clearTimeout(stopper);
    server.connection.dispose();
    latencies.sort((a, b) => a - b);
    return {
        lines: text.split('\n').length,
        diagnostics: firstDiagnostics.diagnostics.length,
        coldStartMs,
        editMedianMs: quantile(latencies, 0.5),
        editP95Ms: quantile(latencies, 0.95),
        rssAfterOpenMb: rssAfterOpen,
        rssAtRestMb: rssAtRest,
        rssFileAtRestMb: rssFileAtRest,
        rssAnonAtRestMb: rssAnonAtRest,
        rssMb: rss,
        rssAfterEditsAtRestMb: rssAfterEditsAtRest,
    };
}

const results = [];
for (const size of sizes) results.push(await measure(size));
const byLines = Object.fromEntries(results.map((r) => [r.lines, r]));
console.log(
    '| lines | diagnostics | cold start → first diagnostics | edit → diagnostics median | p95 | RSS after open | at rest | RSS after the edits | at rest |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
    console.log(
        `| ${r.lines} | ${r.diagnostics} | ${r.coldStartMs.toFixed(0)} ms | ${r.editMedianMs.toFixed(1)} ms | ${r.editP95Ms.toFixed(1)} ms | ${r.rssAfterOpenMb.toFixed(0)} MB | ${r.rssAtRestMb.toFixed(0)} MB | ${r.rssMb.toFixed(0)} MB | ${r.rssAfterEditsAtRestMb.toFixed(0)} MB |`,
    );
}
const small = results.find((r) => r.lines >= 9000 && r.lines < 11000);
const large = results.find((r) => r.lines >= 45000);
if (small && large)
    console.log(`\nscaling 50k/10k (edit median): ${(large.editMedianMs / small.editMedianMs).toFixed(2)}×`);
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, results: byLines }));
