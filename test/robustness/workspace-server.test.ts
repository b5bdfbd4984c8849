// Hostile files in a workspace folder, given to the real language server (dist/server.cjs over stdio): a file
// that used to crash the parser, a FIFO, a link to /dev/zero and a file over the size limit each get their own
// diagnostic (or none, once they parse), an import of the FIFO is reported at the import path, and the server
// keeps answering. The fixtures live in a temporary folder made by the test.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client.js';
import { makeFifo, makeSparse, useTemporaryFolder } from './helpers/special-files.js';

const GOOD = 'import "pipe.mregion"\nregion us-east-1 {}\n';

const root = useTemporaryFolder('mregion-ws-');
let folder: string;
let client: LspClient | undefined;
const uri = (name: string) => URI.file(path.join(folder, name)).toString();

const fifo = (name: string) => makeFifo(path.join(folder, name));

beforeAll(() => {
    folder = path.join(root(), 'workspace');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'good.mregion'), GOOD);
    writeFileSync(path.join(folder, 'comments.mregion'), '// c\n'.repeat(200_000));
    fifo('pipe.mregion');
    symlinkSync('/dev/zero', path.join(folder, 'zero.mregion'));
    makeSparse(path.join(folder, 'huge.mregion'), 16 * 1024 * 1024 + 1);
});
afterAll(() => client?.stop());

const messages = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`);

describe('the language server with hostile files in its workspace', () => {
    it('gives each its own diagnostic and keeps answering for the other files', async () => {
        client = await LspClient.start(URI.file(folder).toString());
        const published = (name: string) =>
            client!.diagnostics((p) => p.uri === uri(name)).then((p) => messages(p.diagnostics));
        await client.open(uri('good.mregion'), GOOD);

        expect(await published('good.mregion')).toEqual([
            `1:8 unknown-import cannot read 'pipe.mregion': it is a FIFO (named pipe), not a regular file`,
        ]);
        expect(await published('pipe.mregion')).toEqual([
            '1:1 unreadable-file mregion cannot read this file: it is a FIFO (named pipe), not a regular file',
        ]);
        expect(await published('zero.mregion')).toEqual([
            '1:1 unreadable-file mregion cannot read this file: it is a character device, not a regular file',
        ]);
        expect(await published('huge.mregion')).toEqual([
            '1:1 unreadable-file mregion cannot read this file: it is 16,777,217 bytes, more than the 16 MiB (16,777,216 bytes) mregion reads; split the design into files that import each other',
        ]);
        // Parsed once the parser copes with it, or contained to itself (one internal error) while it does not.
        expect(
            (await published('comments.mregion')).filter(
                (m) => !m.includes('internal-error mregion failed while parsing this file'),
            ),
        ).toEqual([]);

        // A FIFO created later, reported by the editor's file watcher, is refused the same way.
        fifo('late.mregion');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: uri('late.mregion'), type: 1 }],
        });
        expect(await published('late.mregion')).toEqual([
            '1:1 unreadable-file mregion cannot read this file: it is a FIFO (named pipe), not a regular file',
        ]);

        const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', {
            textDocument: { uri: uri('good.mregion') },
        })) as { name: string }[];
        expect(symbols.map((s) => s.name)).toEqual(['Imports', 'Regions']);
    });
});
