// One LSP fuzz case against the real server over stdio: the operations sent as a client sends them (without
// waiting for answers), then every request must have an answer — a result or a JSON-RPC error, never a stack trace,
// and never an internal error for params of the right shape — the server must still be running, and after the
// first document is given a known text, its published diagnostics must equal a fresh validation of that text.
import { EmptyFileSystem, URI } from 'langium';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMregionServices } from '../../../language/mregion-module.js';
import { LspClient, type PublishedDiagnostics } from '../../helpers/lsp-client.js';
import type { Failure } from './checks.js';
import { stackTraceIn } from './child-process.js';
import { DOCS, type LspCase, type Op } from './lsp-case.js';
import { watchServer, withTimeout } from './server-watch.js';
import type { ProcessOptions } from './workspace-stage.js';

export interface LspOutcome {
    readonly failures: readonly Failure[];
    /** Answers by kind: `result`, or the JSON-RPC error code. */
    readonly answers: Readonly<Record<string, number>>;
    readonly ms: number;
}

const INTERNAL_ERROR = -32603;
/** A JavaScript exception's words in an error's message: the server's own failure, whatever the code says. */
const EXCEPTION =
    /\b(TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not iterable|Maximum call stack)/;

const fresh = createMregionServices(EmptyFileSystem).shared;

/** The diagnostics a fresh validation of `text` at `uri` gives, as comparable lines. */
async function freshDiagnostics(uri: string, text: string): Promise<string[]> {
    const document = fresh.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
    fresh.workspace.LangiumDocuments.addDocument(document);
    try {
        await fresh.workspace.DocumentBuilder.build([document], { validation: true });
        return lines(document.diagnostics ?? []);
    } finally {
        await fresh.workspace.DocumentBuilder.update([], [document.uri]);
    }
}

function lines(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .map(
            (d) =>
                `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code} ${d.message}`,
        )
        .sort();
}

interface Pending {
    readonly op: Extract<Op, { op: 'request' }>;
    readonly answer: Promise<unknown>;
    readonly cancel?: CancellationTokenSource;
}

export async function runLspCase(c: LspCase, options: ProcessOptions): Promise<LspOutcome> {
    const started = performance.now();
    const failures: Failure[] = [];
    const answers: Record<string, number> = {};
    const fail = (kind: Failure['kind'], message: string) => failures.push({ stage: 'lsp', kind, message });
    const client = await LspClient.start(null);
    const watch = watchServer(client);
    const { connection } = client;
    const versions = [1, 1];
    const open = [true, true];
    try {
        for (const [i, uri] of DOCS.entries()) await client.open(uri, c.texts[i]!, 1);
        const pending: Pending[] = [];
        const cancelAt = new Map<number, CancellationTokenSource[]>();
        for (const [i, op] of c.ops.entries()) {
            for (const source of cancelAt.get(i) ?? []) source.cancel();
            switch (op.op) {
                case 'request': {
                    const cancel = op.cancel === undefined ? undefined : new CancellationTokenSource();
                    const params =
                        op.workDoneToken !== undefined && typeof op.params === 'object' && op.params !== null
                            ? { ...op.params, workDoneToken: op.workDoneToken }
                            : op.params;
                    const answer = cancel
                        ? connection.sendRequest(op.method, params, cancel.token)
                        : connection.sendRequest(op.method, params);
                    answer.catch(() => undefined); // examined below, once all are sent
                    pending.push({ op, answer, cancel });
                    if (cancel && op.cancel === 0) cancel.cancel();
                    else if (cancel) cancelAt.set(i + op.cancel!, [...(cancelAt.get(i + op.cancel!) ?? []), cancel]);
                    break;
                }
                case 'change':
                    await connection.sendNotification('textDocument/didChange', {
                        textDocument: { uri: DOCS[op.doc], version: ++versions[op.doc]! },
                        contentChanges: op.changes,
                    });
                    break;
                case 'cancel-id':
                    await connection.sendNotification('$/cancelRequest', { id: op.id });
                    break;
                case 'progress-cancel':
                    await connection.sendNotification('window/workDoneProgress/cancel', { token: op.token });
                    break;
                case 'close':
                    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: DOCS[op.doc] } });
                    open[op.doc] = false;
                    break;
                case 'open':
                    await client.open(DOCS[op.doc]!, op.text, ++versions[op.doc]!);
                    open[op.doc] = true;
                    break;
            }
        }
        for (const sources of cancelAt.values()) for (const source of sources) source.cancel();
        for (const p of pending) await examine(p, options.hangMs, answers, fail);

        // The first document, given a known text, must end with the diagnostics of a fresh validation of it.
        const expected = await freshDiagnostics(DOCS[0], c.known.text);
        const seen: PublishedDiagnostics[] = [];
        const before = client.published.length;
        const settled = client.diagnostics((p) => {
            if (p.uri !== DOCS[0] || client.published.indexOf(p) < before) return false;
            seen.push(p);
            return lines(p.diagnostics).join('\n') === expected.join('\n');
        });
        if (open[0]) await client.change(DOCS[0], c.known.text, ++versions[0]!);
        else await client.open(DOCS[0], c.known.text, ++versions[0]!);
        try {
            await withTimeout(
                settled,
                options.hangMs,
                `the diagnostics of ${c.known.name} given to the first document`,
            );
        } catch {
            const last = seen.at(-1);
            const got = last ? lines(last.diagnostics) : [];
            fail(
                'stale-after-edit',
                last
                    ? `after the sequence, ${c.known.name} has ${got.length} diagnostics, a fresh validation ${expected.length}; missing: ${
                          expected
                              .filter((d) => !got.includes(d))
                              .slice(0, 2)
                              .join(' | ') || 'none'
                      }; extra: ${
                          got
                              .filter((d) => !expected.includes(d))
                              .slice(0, 2)
                              .join(' | ') || 'none'
                      }`
                    : `after the sequence, no diagnostics were published for ${c.known.name} within ${options.hangMs} ms`,
            );
        }
        await withTimeout(
            connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: DOCS[0] } }),
            options.hangMs,
            'a documentSymbol request at the end',
        );
    } catch (error) {
        fail(watch.exited() ? 'crash' : 'no-response', error instanceof Error ? error.message : String(error));
    }
    await watch.stop();
    failures.push(...watch.failures('lsp'));
    return { failures, answers, ms: performance.now() - started };
}

/**
 * A request's answer: a result or a JSON-RPC error without a stack trace; for params of the right shape (whatever
 * their values, and cancelled or not) never an internal error or a JavaScript exception's message — a wrong URI is
 * invalid params, a cancelled request is cancelled, a refused one says why. Params of the wrong shape may get any error.
 */
async function examine(
    p: Pending,
    hangMs: number,
    answers: Record<string, number>,
    fail: (kind: Failure['kind'], message: string) => void,
): Promise<void> {
    const what = `${p.op.method}${p.op.malformed ? ' (malformed params)' : ''}`;
    try {
        await withTimeout(p.answer, hangMs, what);
        answers.result = (answers.result ?? 0) + 1;
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            fail('no-response', `${what}: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        answers[error.code] = (answers[error.code] ?? 0) + 1;
        const trace = stackTraceIn(error.message) ?? stackTraceIn(JSON.stringify(error.data ?? ''));
        if (trace)
            fail(
                'stack-trace',
                `${what} answered error ${error.code} with a stack trace: ${error.message.split('\n')[0]} ${trace}`,
            );
        else if (!p.op.malformed && (error.code === INTERNAL_ERROR || EXCEPTION.test(error.message))) {
            fail(
                'internal-error-response',
                `${what} answered error ${error.code}: ${error.message.split('\n')[0]!.slice(0, 200)}`,
            );
        }
    }
}
