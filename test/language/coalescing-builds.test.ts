// Changes that arrive while a build is under way, one per event-loop turn (as the language server's connection
// delivers queued didChange notifications), are coalesced: the builds they supersede stop before parsing, only
// the last text is parsed, linked and validated, and its diagnostics equal a fresh validation of that text.
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';
import { validate } from '../helpers/services.js';

const example = readFileSync(new URL('../../examples/fintech.mregion', import.meta.url), 'utf8');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('coalescing document builds', () => {
    it.each([1, 2, 50])(
        'parses the final text once after %i changes delivered one per event-loop turn, and ends with its diagnostics',
        async (changes) => {
            const { shared } = createMregionServices(EmptyFileSystem);
            const uri = URI.parse('file:///coalescing/design.mregion');
            const texts = shared.workspace.TextDocuments!;
            const opened = TextDocument.create(uri.toString(), 'mregion', 0, example);
            texts.set(opened);
            const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(opened);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });

            const factory = shared.workspace.LangiumDocumentFactory;
            let parses = 0;
            const update = factory.update.bind(factory);
            factory.update = (doc, token) => {
                parses++;
                return update(doc, token);
            };

            let text = example;
            let lastBuild: Promise<void> = Promise.resolve();
            for (let version = 1; version <= changes; version++) {
                await nextTurn();
                // Typing a comment line at the end, with an unresolved reference on the last change.
                text += version === changes ? '\nservice late { uses nowhere }\n' : `\n// note ${version}`;
                texts.set(TextDocument.create(uri.toString(), 'mregion', version, text));
                lastBuild = shared.workspace.WorkspaceLock.write((token) =>
                    shared.workspace.DocumentBuilder.update([uri], [], token),
                );
            }
            await lastBuild;

            const built = shared.workspace.LangiumDocuments.getDocument(uri)!;
            expect(parses).toBe(1);
            expect(built.textDocument.getText()).toBe(text);
            const fresh = await validate(text);
            const summary = (d: { code?: unknown; message: unknown; range: unknown }) => ({
                code: d.code,
                message: d.message,
                range: d.range,
            });
            expect(built.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
            expect(fresh.diagnostics.some((d) => String(d.message).includes('nowhere'))).toBe(true);
        },
    );
});
