// The bundled language server over stdio, as any LSP editor runs it: hover, completion, inlay hints, code
// lenses, formatting and semantic tokens on the fintech example, with answers derived from the model.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
    CodeLens,
    CompletionList,
    Hover,
    InitializeResult,
    InlayHint,
    Position,
    SemanticTokens,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands } from '../../protocol/index.js';
import { estimateFailoverTime } from '../../language/semantics/estimators/index.js';
import { measuredRttMs } from '../../language/semantics/facts/latency.js';
import { formatDuration } from '../../format/quantities.js';
import { ROOT } from '../helpers/bundles.js';
import { modelOf } from '../helpers/services.js';
import { formatText } from './format-helpers.js';
import { factDocUri } from '../../language/validation/rules/docs-link.js';

const file = path.join(ROOT, 'examples', 'fintech.mregion');
const uri = pathToFileURL(file).toString();
const text = readFileSync(file, 'utf8');
const textDocument = { uri };

let child: ChildProcess;
let connection: MessageConnection;
let initialized: InitializeResult;
let inlayRefreshes = 0;
const refreshWaiters: (() => void)[] = [];

/** Zero-based position of `needle` (its n-th occurrence) plus `delta` characters. */
function at(needle: string, delta = 0, nth = 0): Position {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' is not in the example`);
    return TextDocument.create(uri, 'mregion', 1, text).positionAt(offset + delta);
}

beforeAll(async () => {
    // Test what users run: the bundle built from the current sources.
    const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<void>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
            if (p.uri === uri) resolve();
        }),
    );
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => {
        inlayRefreshes++;
        refreshWaiters.splice(0).forEach((w) => w());
        return null;
    });
    connection.listen();
    initialized = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
            workspace: {
                configuration: true,
                didChangeConfiguration: { dynamicRegistration: true },
                inlayHint: { refreshSupport: true },
            },
            textDocument: {
                hover: { contentFormat: ['markdown'] },
                completion: { completionItem: { snippetSupport: true } },
                inlayHint: {},
                codeLens: {},
                semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
            },
        },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'mregion', version: 1, text },
    });
    await published;
});

afterAll(async () => {
    try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
    } catch {
        // already gone
    }
    connection.dispose();
    if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
    }
});

describe('the bundled language server over stdio', () => {
    it('announces every editor feature in its capabilities', () => {
        const c = initialized.capabilities;
        expect(c.hoverProvider).toBeTruthy();
        expect(c.completionProvider).toBeTruthy();
        expect(c.inlayHintProvider).toBeTruthy();
        expect(c.codeLensProvider).toBeTruthy();
        expect(c.documentFormattingProvider).toBeTruthy();
        expect(c.documentRangeFormattingProvider).toBeTruthy();
        expect(c.renameProvider).toMatchObject({ prepareProvider: true });
        expect(c.definitionProvider).toBeTruthy();
        expect(c.referencesProvider).toBeTruthy();
        expect(c.documentSymbolProvider).toBeTruthy();
        expect(c.workspaceSymbolProvider).toBeTruthy();
        expect(c.foldingRangeProvider).toBeTruthy();
        expect(c.semanticTokensProvider).toBeTruthy();
        // Code lens commands are the client's: the server must not claim them.
        expect(c.executeCommandProvider?.commands ?? []).not.toContain(Commands.runSimulation);
    });

    it('answers a hover over a region with the measured RTT from the facts table', async () => {
        const hover: Hover = await connection.sendRequest('textDocument/hover', {
            textDocument,
            position: at('region eu-west-1', 8),
        });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**region eu-west-1**');
        expect(value).toContain(
            `| us-east-1 | ${measuredRttMs('eu-west-1', 'us-east-1')} ms | measured ([docs/facts.md#cloudping-rtt-matrix](${factDocUri('cloudping-rtt-matrix')})) |`,
        );
        expect(value).toContain(
            `| eu-central-1 | ${measuredRttMs('eu-west-1', 'eu-central-1')} ms | measured ([docs/facts.md#cloudping-rtt-matrix](${factDocUri('cloudping-rtt-matrix')})) |`,
        );
    });

    it('completes the units of a DNS TTL after its number', async () => {
        const list: CompletionList = await connection.sendRequest('textDocument/completion', {
            textDocument,
            position: at('ttl 60s', 6),
        });
        expect(list.items.map((i) => i.label)).toEqual(['60ms', '60s', '60m', '60h', '60d']);
    });

    it('completes only the clauses a failover block can still take', async () => {
        const list: CompletionList = await connection.sendRequest('textDocument/completion', {
            textDocument,
            position: at('    detect health-check', 0),
        });
        expect(list.items.map((i) => i.label).sort()).toEqual(['action']);
    });

    it('returns inlay hints with the failover time the estimator computes', async () => {
        const { model } = await modelOf(text);
        const { range } = estimateFailoverTime(model, model.failovers[0]!);
        const [best, typical, worst] = [range.bestMs, range.typicalMs, range.worstMs].map(formatDuration);
        const hints: InlayHint[] = await connection.sendRequest('textDocument/inlayHint', {
            textDocument,
            range: { start: { line: 0, character: 0 }, end: at('scenario') },
        });
        expect(hints.map((h) => h.label)).toEqual([
            '≈ 40.5 ms (eu) · ≈ 95 ms (us) quorum write (typical)',
            `${best}–${worst} failover, typical ${typical}`,
        ]);
        expect(hints[1]!.position).toEqual(at('route  dns ttl 60s', 'route  dns ttl 60s'.length));
    });

    it("returns the code lenses with the client's command ids and arguments", async () => {
        const lenses: CodeLens[] = await connection.sendRequest('textDocument/codeLens', { textDocument });
        expect(
            lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
        ).toEqual([
            [at('topology').line, 'Export to CDK', Commands.exportCdk, [uri]],
            [at('topology').line, 'Show topology', Commands.showTopology, [uri]],
            [at('scenario').line, '▶ Simulate', Commands.runSimulation, [uri, 'us-east-1-outage']],
        ]);
    });

    it('formats the document to what mregion format produces', async () => {
        const edits: TextEdit[] = await connection.sendRequest('textDocument/formatting', {
            textDocument,
            options: { tabSize: 4, insertSpaces: true },
        });
        const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'mregion', 1, text), edits);
        expect(formatted).toBe(await formatText(text));
    });

    it('returns semantic tokens', async () => {
        const tokens: SemanticTokens = await connection.sendRequest('textDocument/semanticTokens/full', {
            textDocument,
        });
        expect(tokens.data.length % 5).toBe(0);
        expect(tokens.data.length / 5).toBeGreaterThan(40);
    });

    it('turns inlay hints off when mregion.inlayHints.enabled becomes false, and asks the editor to refresh them', async () => {
        const refreshed = new Promise<void>((resolve) => refreshWaiters.push(resolve));
        await connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { mregion: { inlayHints: { enabled: false } } },
        });
        await refreshed;
        expect(inlayRefreshes).toBeGreaterThan(0);
        const hints: InlayHint[] = await connection.sendRequest('textDocument/inlayHint', {
            textDocument,
            range: { start: { line: 0, character: 0 }, end: at('scenario') },
        });
        expect(hints).toEqual([]);
    });
});
