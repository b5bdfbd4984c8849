// The custom requests of the topology view and the CDK export, over stdio, when the request cannot be answered:
// a document the server does not have is invalid params that say so, and a request the client cancels while the
// document is still being built is answered as cancelled — neither is an internal error, which editors log as a
// server failure ("Request … failed unexpectedly without providing any details").
import { readFileSync } from 'node:fs';
import { ResponseError } from 'vscode-jsonrpc';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { describe, expect, it } from 'vitest';
import { Requests } from '../../protocol/index.js';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';

const INVALID_PARAMS = -32602;
const REQUEST_CANCELLED = -32800;

/** A design large enough that building it takes far longer than the client's cancellation takes to arrive. */
const LARGE =
    readFileSync('examples/fintech.mregion', 'utf8') +
    Array.from({ length: 3_000 }, (_, i) => `region extra-${i} { provider aws  jurisdiction US }`).join('\n');

async function answerOf(request: Promise<unknown>): Promise<{ code: number; message: string } | 'result'> {
    try {
        await request;
        return 'result';
    } catch (error) {
        if (!(error instanceof ResponseError)) throw error;
        return { code: error.code, message: error.message };
    }
}

describe.each([Requests.topology, Requests.exportCdk])('%s over stdio', (method) => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    it('answers a document the server does not have with invalid params naming it', async () => {
        const answer = await answerOf(
            client.connection.sendRequest(method, { uri: 'file:///virtual/never-opened.mregion' }),
        );
        expect(answer).toEqual({
            code: INVALID_PARAMS,
            message: 'file:///virtual/never-opened.mregion is not open in the language server',
        });
    });

    it('answers a request cancelled while its document is being built as cancelled', async () => {
        const uri = `file:///virtual/large-${method.replace('/', '-')}.mregion`;
        const built = client.nextDiagnostics(uri);
        await client.open(uri, LARGE);
        const source = new CancellationTokenSource();
        const request = client.connection.sendRequest(method, { uri }, source.token);
        source.cancel();
        const answer = await answerOf(request);
        await built;
        expect(answer === 'result' || answer.code === REQUEST_CANCELLED, JSON.stringify(answer)).toBe(true);
    });
});
