// One bad file never takes the workspace down: an exception while one document is loaded or goes through any
// build phase, at workspace initialization or in a later build, is contained to that document (one diagnostic
// on it, an empty tree, a diagnostic at each import of it) while the other documents build as usual. Injected
// failures here; the real language server with real hostile files in workspace-server.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Cancellation, DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMregionServices, type MregionServices } from '../../language/mregion-module.js';
import { RegularFileSystem } from '../../language/workspace/file-system.js';
import { useTemporaryFolder } from './helpers/special-files.js';

const root = useTemporaryFolder('mregion-init-');
let counter = 0;

const BAD = 'region us-east-1 {} // BOOM\n';
const GOOD = 'import "bad.mregion"\nregion eu-west-1 {}\n';

/** `method` of `target` throws `message` for the bad document. */
function throwIn<T extends object>(
    target: T,
    method: keyof T & string,
    isBad: (args: unknown[]) => boolean,
    message = 'injected failure',
): void {
    const original = (target[method] as (...args: unknown[]) => unknown).bind(target);
    (target as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (isBad(args)) throw new RangeError(message);
        return original(...args);
    };
}

const badDocument = (args: unknown[]) => (args[0] as LangiumDocument).uri.path.endsWith('/bad.mregion');
const phases: { phase: string; inject: (services: MregionServices) => void }[] = [
    {
        phase: 'parsing',
        inject: (s) => throwIn(s.parser.LangiumParser, 'parse', (args) => String(args[0]).includes('BOOM')),
    },
    { phase: 'indexing', inject: (s) => throwIn(s.references.ScopeComputation, 'collectExportedSymbols', badDocument) },
    { phase: 'linking', inject: (s) => throwIn(s.references.Linker, 'link', badDocument) },
    { phase: 'checking', inject: (s) => throwIn(s.validation.DocumentValidator, 'validateDocument', badDocument) },
];

/** A workspace folder with good.mregion importing bad.mregion, on the file system the server uses. */
function workspace(inject: (services: MregionServices) => void) {
    const folder = path.join(root(), `ws${++counter}`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'bad.mregion'), BAD);
    writeFileSync(path.join(folder, 'good.mregion'), GOOD);
    const { shared, Mregion } = createMregionServices(RegularFileSystem);
    inject(Mregion);
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const documents = shared.workspace.LangiumDocuments;
    const document = (name: string) => documents.getDocument(URI.file(path.join(folder, name)))!;
    return { shared, folder, good: () => document('good.mregion'), bad: () => document('bad.mregion') };
}

const messages = (document: LangiumDocument) =>
    (document.diagnostics ?? []).map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`,
    );

describe('a document whose build throws', () => {
    for (const { phase, inject } of phases) {
        it(`is contained to that document when ${phase} throws during workspace initialization`, async () => {
            const { shared, folder, good, bad } = workspace(inject);
            await shared.workspace.WorkspaceManager.initializeWorkspace([
                { uri: URI.file(folder).toString(), name: 'ws' },
            ]);
            expect(messages(bad())).toEqual([
                `1:1 internal-error mregion failed while ${phase} this file (RangeError: injected failure), so its other problems are not shown; please report this with the file`,
            ]);
            expect(messages(good())).toEqual(
                phase === 'checking'
                    ? []
                    : [
                          `1:8 unknown-import 'bad.mregion' is not available: mregion failed while ${phase} it (RangeError: injected failure)`,
                      ],
            );
        });
    }

    it('is contained to that document in a later build, and recovers when the file is fixed', async () => {
        const { shared, folder, good, bad } = workspace((s) =>
            throwIn(s.parser.LangiumParser, 'parse', (args) => String(args[0]).includes('BOOM')),
        );
        writeFileSync(path.join(folder, 'bad.mregion'), 'region us-east-1 {}\n');
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'ws' }]);
        expect(messages(good())).toEqual([]);

        writeFileSync(path.join(folder, 'bad.mregion'), BAD);
        await shared.workspace.DocumentBuilder.update([bad().uri], []);
        expect(messages(bad())).toEqual([
            '1:1 internal-error mregion failed while parsing this file (RangeError: injected failure), so its other problems are not shown; please report this with the file',
        ]);
        expect(good().state).toBe(DocumentState.Validated);

        writeFileSync(path.join(folder, 'bad.mregion'), 'region us-east-1 {}\n');
        await shared.workspace.DocumentBuilder.update([bad().uri], []);
        expect(messages(bad())).toEqual([]);
        expect(messages(good())).toEqual([]);
    });

    it('still marks the workspace ready when loading it fails for another reason, so that files are checked as they are opened', async () => {
        const { shared, folder } = workspace(() => {});
        const manager = shared.workspace.WorkspaceManager as unknown as { loadAdditionalDocuments(): Promise<void> };
        manager.loadAdditionalDocuments = () => Promise.reject(new Error('injected failure'));
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'ws' }]);
        await shared.workspace.WorkspaceManager.ready;
        expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
            'mregion: loading the workspace failed (injected failure); files are checked as they are opened',
        ]);
        logged.mockRestore();
    });

    it('cuts the message of the exception to its first 200 characters', async () => {
        const { shared, folder, bad } = workspace((s) =>
            throwIn(s.references.Linker, 'link', badDocument, 'x'.repeat(100_000)),
        );
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'ws' }]);
        expect(messages(bad())).toEqual([
            `1:1 internal-error mregion failed while linking this file (RangeError: ${'x'.repeat(200 - 'RangeError: '.length)}…), so its other problems are not shown; please report this with the file`,
        ]);
    });

    it('holds a text from the editor to the size limit of a design file, whether it opens or changes to it', async () => {
        const { shared, Mregion } = createMregionServices(EmptyFileSystem);
        const uri = URI.parse(`file:///editor/case${++counter}/open.mregion`);
        const huge = `region us-east-1 {}\n${' '.repeat(16 * 1024 * 1024)}`;
        const refusal = [
            `1:1 unreadable-file mregion cannot read this file: it is 16,777,236 bytes, more than the 16 MiB (16,777,216 bytes) mregion reads; split the design into files that import each other`,
        ];

        const opened = await shared.workspace.LangiumDocuments.createDocument(
            uri,
            huge,
            Cancellation.CancellationToken.None,
        );
        await shared.workspace.DocumentBuilder.build([opened], { validation: true });
        expect(messages(opened)).toEqual(refusal);

        shared.workspace.TextDocuments!.set(
            TextDocument.create(uri.toString(), Mregion.LanguageMetaData.languageId, 2, 'region us-east-1 {}\n'),
        );
        await shared.workspace.DocumentBuilder.update([uri], []);
        expect(messages(opened)).toEqual([]);
        shared.workspace.TextDocuments!.set(
            TextDocument.create(uri.toString(), Mregion.LanguageMetaData.languageId, 3, huge),
        );
        await shared.workspace.DocumentBuilder.update([uri], []);
        expect(messages(opened)).toEqual(refusal);
    });
});
