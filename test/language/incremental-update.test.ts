// What the editor sees after each change equals a fresh validation of the text: the document builder re-parses
// only the declarations a change touched, the linker and the model builder reuse what they looked up in the
// declarations it kept, and every diagnostic still lands on the right line and column after lines were added
// or removed above it.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';
import { validate } from '../helpers/services.js';
import { applyEdit, designEdits, examples } from './design-edits.js';

const summary = (d: { code?: unknown; severity?: unknown; message: unknown; range: unknown }) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

describe('validating a document after each change', () => {
    it('gives the diagnostics of a fresh validation after every change of a sequence', async () => {
        const { shared } = createMregionServices(EmptyFileSystem);
        const texts = shared.workspace.TextDocuments!;
        let run = 0;
        await fc.assert(fc.asyncProperty(fc.array(designEdits, { minLength: 1, maxLength: 6 }), async (sequence) => {
            const uri = URI.parse(`file:///incremental/run${++run}.mregion`);
            let text = examples[sequence[0]!.example]!;
            const opened = TextDocument.create(uri.toString(), 'mregion', 0, text);
            texts.set(opened);
            const document: LangiumDocument = shared.workspace.LangiumDocumentFactory.fromTextDocument(opened);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            for (const [version, change] of sequence.entries()) {
                text = applyEdit(text, change);
                texts.set(TextDocument.create(uri.toString(), 'mregion', version + 1, text));
                await shared.workspace.DocumentBuilder.update([uri], []);
                const fresh = await validate(text);
                expect(document.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
            }
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }), { numRuns: 30, seed: 20261129 });
    });
});
