// Random sequences of edits to the bundled examples, sent through the editor's path (the text document changes and
// the builder updates the document, re-parsing only what the edit touched), each compared with a fresh build.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMregionServices } from '../../language/mregion-module.js';
import { validate } from '../helpers/services.js';
import { applyEdit, designEdits, examples } from './design-edits.js';

type Fresh = Awaited<ReturnType<typeof validate>>;

/** Runs 30 sequences of one to six edits; `check` gets the edited document and a fresh validation of its text. */
export async function checkAfterEveryEdit(
    seed: number,
    check: (edited: LangiumDocument, fresh: Fresh) => void,
): Promise<void> {
    const { shared } = createMregionServices(EmptyFileSystem);
    const texts = shared.workspace.TextDocuments!;
    let run = 0;
    await fc.assert(
        fc.asyncProperty(fc.array(designEdits, { minLength: 1, maxLength: 6 }), async (sequence) => {
            const uri = URI.parse(`file:///edited/run${++run}/design.mregion`);
            let text = examples[sequence[0]!.example]!;
            texts.set(TextDocument.create(uri.toString(), 'mregion', 0, text));
            const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(texts.get(uri.toString())!);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            for (const [version, change] of sequence.entries()) {
                text = applyEdit(text, change);
                texts.set(TextDocument.create(uri.toString(), 'mregion', version + 1, text));
                await shared.workspace.DocumentBuilder.update([uri], []);
                check(document, await validate(text));
            }
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }),
        { numRuns: 30, seed },
    );
}
