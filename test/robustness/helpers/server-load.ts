// Driving the bundled language server hard, for the load test and the load benchmark: start it with the memory
// probe preloaded, ask it for its memory after a full collection, and send a burst of edits without waiting.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from '../../helpers/bundles.js';
import { LspClient, type PublishedDiagnostics } from '../../helpers/lsp-client.js';

export interface Memory {
    readonly rss: number;
    readonly heapUsed: number;
}

const PROBE = path.join(ROOT, 'test', 'robustness', 'helpers', 'gc-probe.cjs');

/** The bundled server over stdio, with gc-probe.cjs preloaded (NODE_OPTIONS is restored at once). */
export async function startProbedServer(): Promise<LspClient> {
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${saved ?? ''} --require ${JSON.stringify(PROBE)}`.trim();
    try {
        return await LspClient.start();
    } finally {
        if (saved === undefined) delete process.env.NODE_OPTIONS;
        else process.env.NODE_OPTIONS = saved;
    }
}

/** Full collection in the server, then its memory: SIGUSR2, answered on standard error (see gc-probe.cjs). */
export function serverMemory(client: LspClient): Promise<Memory> {
    return new Promise((resolve) => {
        let buffered = '';
        const onData = (chunk: Buffer) => {
            buffered += chunk.toString();
            const line = /^gc-probe (.*)$/m.exec(buffered)?.[1];
            if (line === undefined) return;
            client.child.stderr!.off('data', onData);
            resolve(JSON.parse(line) as Memory);
        };
        client.child.stderr!.on('data', onData);
        client.child.kill('SIGUSR2');
    });
}

/** The benchmark's large-design generator (bench/lsp/generate-topology.mjs), loaded at run time. */
export async function largeDesign(lines: number): Promise<string> {
    const generator = pathToFileURL(path.join(ROOT, 'bench', 'lsp', 'generate-topology.mjs')).href;
    const { generateTopology } = (await import(generator)) as { generateTopology: (lines: number) => string };
    return generateTopology(lines);
}

/** A service declaration as a user types it at the end of the file. */
function typedDeclaration(n: number): string {
    return `\nservice typed-${n} {\n    regions   us-east-1, eu-west-1\n    posture   active-passive\n    uses      orders-0\n    objective rto 15m\n}\n`;
}

/**
 * Sends `count` incremental edits without waiting between them: typing at the end of the document with a
 * backspace every tenth keystroke, then one edit renaming the reference to store `carts-<unit>` near the top to
 * `marker` — the only edit that can produce the diagnostic "unknown store '<marker>'". Returns the final document.
 */
export async function burst(
    client: LspClient,
    document: TextDocument,
    count: number,
    unit: number,
    marker: string,
): Promise<TextDocument> {
    let doc = document;
    let typed = '';
    let n = 0;
    const send = (
        range: { start: { line: number; character: number }; end: { line: number; character: number } },
        text: string,
    ) => {
        doc = TextDocument.update(doc, [{ range, text }], doc.version + 1);
        return client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: doc.uri, version: doc.version },
            contentChanges: [{ range, text }],
        });
    };
    const sent: Promise<void>[] = [];
    for (let k = 0; k < count - 1; k++) {
        const end = doc.positionAt(doc.getText().length);
        if (k % 10 === 9) {
            sent.push(send({ start: doc.positionAt(doc.getText().length - 1), end }, ''));
            typed = typed.slice(0, -1);
            continue;
        }
        if (typed.length === 0) typed = typedDeclaration(n++);
        const next = typed[0]!;
        typed = typed.slice(1);
        sent.push(send({ start: end, end }, next));
    }
    const text = doc.getText();
    const reference = `uses      orders-${unit}, carts-${unit}`;
    const at = text.indexOf(reference) + reference.length - `carts-${unit}`.length;
    if (text.indexOf(reference) < 0) throw new Error(`the design has no '${reference}' to rename`);
    sent.push(send({ start: doc.positionAt(at), end: doc.positionAt(at + `carts-${unit}`.length) }, marker));
    await Promise.all(sent);
    return doc;
}

/** The first diagnostics published for `uri` that name `marker` (already received or future). */
export function diagnosticsNaming(client: LspClient, uri: string, marker: string): Promise<PublishedDiagnostics> {
    return client.diagnostics(
        (p) => p.uri === uri && p.diagnostics.some((d) => String(d.message).includes(`'${marker}'`)),
    );
}

/** Diagnostics as comparable strings: code, severity, message and range, in a stable order. */
export function comparable(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .map((d) => JSON.stringify({ code: d.code, severity: d.severity, message: d.message, range: d.range }))
        .sort();
}
