// The language server under a burst of edits, per design size: 1,000 incremental didChange notifications sent
// without waiting (test/robustness/helpers/server-load.ts), then how long until the diagnostics of the final text
// are published, and the memory the server retains (heap used and RSS after a full collection) after a first and a
// second burst. Output: Markdown.
import '../../language/polyfill/object-group-by.cjs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    burst,
    diagnosticsNaming,
    largeDesign,
    serverMemory,
    startProbedServer,
} from '../../test/robustness/helpers/server-load.js';

const sizes = (process.argv[2] ?? '1000,3000,10000').split(',').map(Number);
const edits = Number(process.argv[3] ?? 1_000);
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;

async function measure(lines: number): Promise<string> {
    const client = await startProbedServer();
    try {
        const uri = `file:///bench/load-${lines}.mregion`;
        let document = TextDocument.create(uri, 'mregion', 1, await largeDesign(lines));
        const opened = client.nextDiagnostics(uri);
        await client.open(uri, document.getText(), document.version);
        await opened;
        const cold = await serverMemory(client);
        const settle: number[] = [];
        const memory = [];
        for (const [round, unit] of [
            [1, 1],
            [2, 0],
        ] as const) {
            const started = performance.now();
            document = await burst(client, document, edits, unit, `carts-burst-${round}`);
            const sent = performance.now();
            await diagnosticsNaming(client, uri, `carts-burst-${round}`);
            settle.push(performance.now() - sent);
            memory.push(await serverMemory(client));
            if (round === 1) process.stderr.write(`load: ${lines} lines: burst sent in ${seconds(sent - started)}\n`);
        }
        const [first, second] = memory as [typeof cold, typeof cold];
        return `| ${document.lineCount.toLocaleString('en-US')} | ${seconds(settle[0]!)} / ${seconds(settle[1]!)} | ${(settle[1]! / edits).toFixed(1)} ms | ${MB(cold.heapUsed)} → ${MB(first.heapUsed)} → ${MB(second.heapUsed)} (${((second.heapUsed / first.heapUsed - 1) * 100).toFixed(1)} %) | ${MB(cold.rss)} → ${MB(first.rss)} → ${MB(second.rss)} (${((second.rss / first.rss - 1) * 100).toFixed(1)} %) |`;
    } finally {
        await client.stop();
    }
}

async function main(): Promise<void> {
    const rows: string[] = [];
    for (const size of sizes) rows.push(await measure(size));
    process.stdout.write(
        [
            `${edits.toLocaleString('en-US')} edits per burst, sent without waiting; settle = last edit sent → diagnostics of the final text published.`,
            'Memory after a full collection in the server: after opening → after the first burst → after the second (change from the first).',
            '',
            '| lines (final) | settle, burst 1 / burst 2 | per edit (burst 2) | heap used | RSS |',
            '|---|---|---|---|---|',
            ...rows,
        ].join('\n') + '\n',
    );
}

void main();
