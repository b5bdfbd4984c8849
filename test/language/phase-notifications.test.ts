// A request on one document waits in DocumentBuilder.waitUntil for the phase it needs. When the next change
// cancels a build just after a document reached that phase, the waiting request must still hear of it: no later
// build brings the document to that phase again, so a missed notification is a request never answered.
import { Cancellation, DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('document phase notifications', () => {
    it.each([DocumentState.Parsed, DocumentState.Linked, DocumentState.Validated])(
        'tells a request waiting for state %i of a document that reached it, although a change cancelled the build right then',
        async (state) => {
            const { shared } = createMregionServices(EmptyFileSystem);
            const factory = shared.workspace.LangiumDocumentFactory;
            const documents = shared.workspace.LangiumDocuments;
            const builder = shared.workspace.DocumentBuilder;
            const a = factory.fromString('region us-east-1 {}\n', URI.parse('file:///phases/a.mregion'));
            const b = factory.fromString('region eu-west-1 {}\n', URI.parse('file:///phases/b.mregion'));
            documents.addDocument(a);
            documents.addDocument(b);
            a.state = DocumentState.Changed;
            b.state = DocumentState.Changed;

            const build = new Cancellation.CancellationTokenSource();
            // A listener registered before the request's: the change that cancels the build arrives as b reaches the phase.
            builder.onDocumentPhase(state, (document) => {
                if (document.uri.toString() === b.uri.toString()) build.cancel();
            });
            let answered = false;
            const waiting = builder.waitUntil(state, b.uri).then(() => {
                answered = true;
            });

            await builder.build([a, b], { validation: true }, build.token).catch(() => undefined);
            await macrotask();

            expect(b.state).toBeGreaterThanOrEqual(state);
            expect(answered).toBe(true);
            await waiting;
        },
    );
});
