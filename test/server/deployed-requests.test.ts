// The requests behind "Import from deployed template…" and "Compare with deployed template…", over stdio against
// the bundled server: the same design and the same drift as `mregion import` and `mregion drift`, and input the
// server cannot use answered as invalid params that say why — never an internal error.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc';
import { describe, expect, it } from 'vitest';
import { Requests, type DriftResult, type ImportDeployedResult } from '../../protocol/index.js';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';
import { mregion } from '../import/helpers/cli.js';

const INVALID_PARAMS = -32602;
const FIXTURES = path.resolve('test/import/fixtures');
const STATE = path.join(FIXTURES, 'terraform/shop.tfstate.json');
const DESIGN = path.join(FIXTURES, 'terraform/shop.mregion');

async function failure(request: Promise<unknown>): Promise<{ code: number; message: string }> {
    try {
        await request;
    } catch (error) {
        if (error instanceof ResponseError) return { code: error.code, message: error.message };
        throw error;
    }
    throw new Error('the request was answered');
}

describe('the deployed-template requests over stdio', () => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    it('imports what `mregion import` imports, the header naming the file only', async () => {
        const result = await client.connection.sendRequest<ImportDeployedResult>(Requests.importDeployed, {
            path: STATE,
        });
        const cli = mregion('import', STATE);
        expect(result.text.replace(/^\/\/ Imported by .*\n/, '')).toBe(
            cli.stdout.replace(/^\/\/ Imported by .*\n/, ''),
        );
        expect(result.text.split('\n')[0]).toContain('from shop.tfstate.json:');
        expect(result.topology).toBe('Shop');
        expect(result.summary).toEqual(cli.stderr.trim().split('\n'));
    });

    const bad: { what: string; params: unknown; message: RegExp }[] = [
        {
            what: 'a relative path',
            params: { path: 'test/import/fixtures/lone.template.json' },
            message: /must be an absolute path/,
        },
        { what: 'no path', params: {}, message: /must be an absolute path/ },
        {
            what: 'a missing file',
            params: { path: path.join(FIXTURES, 'missing.json') },
            message: /cannot read '.*missing\.json'/,
        },
        {
            what: 'a YAML template',
            params: { path: path.join(FIXTURES, 'bad/yaml.template.json') },
            message: /looks like a YAML template/,
        },
        {
            what: 'a bad region',
            params: { path: STATE, region: 'moon-1' },
            message: /must be an AWS region code such as us-east-1, not 'moon-1'/,
        },
    ];
    for (const c of bad) {
        it(`answers an import of ${c.what} as invalid params that say why`, async () => {
            const answer = await failure(client.connection.sendRequest(Requests.importDeployed, c.params));
            expect(answer.code).toBe(INVALID_PARAMS);
            expect(answer.message).toMatch(c.message);
        });
    }

    it('compares an open design as `mregion drift` does, at the same clauses', async () => {
        const uri = 'file:///virtual/shop.mregion';
        const built = client.nextDiagnostics(uri);
        await client.open(uri, readFileSync(DESIGN, 'utf8'));
        await built;
        const result = await client.connection.sendRequest<DriftResult>(Requests.drift, { uri, against: STATE });
        const cli = JSON.parse(mregion('drift', DESIGN, '--against', STATE, '--format', 'json').stdout) as {
            diagnostics: { code: string; message: string; range: unknown }[];
        }[];
        expect(result.findings.map((f) => ({ code: f.code, message: f.message, range: f.range }))).toEqual(
            cli[0]!.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })),
        );
        expect(result.findings.map((f) => f.code)).toEqual(['drift-no-health-check']);
    });

    it('refuses to compare a design with a syntax error, saying where it is', async () => {
        const uri = 'file:///virtual/broken.mregion';
        const built = client.nextDiagnostics(uri);
        await client.open(uri, 'region us-east-1 { provider aws }\nstore s {\n');
        await built;
        const answer = await failure(client.connection.sendRequest(Requests.drift, { uri, against: STATE }));
        expect(answer.code).toBe(INVALID_PARAMS);
        expect(answer.message).toMatch(/the design has \d+ syntax or name errors? \(first: line \d+: .*\); fix/);
    });

    it('answers a comparison of a design the server does not have as invalid params naming it', async () => {
        const answer = await failure(
            client.connection.sendRequest(Requests.drift, { uri: 'file:///virtual/never.mregion', against: STATE }),
        );
        expect(answer).toEqual({
            code: INVALID_PARAMS,
            message: 'file:///virtual/never.mregion is not open in the language server',
        });
    });
});
