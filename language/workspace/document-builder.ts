// Typing fast (or pasting, multi-cursor edits, programmatic edits) queues many didChange notifications. Each
// starts a build that Langium cancels when the next change arrives, but a fresh build runs its first slice,
// including the whole parse, before it looks at its cancellation token again, so every queued change used to
// cost one full parse and the last diagnostics came seconds after the last keystroke. Yielding to the event
// loop once before parsing lets the connection deliver the next queued change first; a build that a newer
// change superseded then stops before doing any work, and only the last one parses, links and validates.
//
// An exception while one document goes through a build phase used to reject the whole build (at workspace
// initialization the server then answered nothing, for any file, until restarted). It is now contained to that
// document: it becomes a failed document (failed-documents.ts) and the other documents build as usual.
//
// A request waits for the phase a document needs (waitUntil). Langium skips the phase's listeners once the build
// is cancelled, though the document has reached the phase, and no later build brings it there again: a request
// sent between two changes then never got an answer. Every listener now hears of every phase reached.
import {
    DefaultDocumentBuilder,
    DocumentState,
    isOperationCancelled,
    OperationCancelled,
    type BuildOptions,
    type Cancellation,
    type LangiumDocument,
    type MaybePromise,
} from 'langium';
import { failureDiagnostic, failureFrom, failureOf, markFailed } from './failed-documents.js';

const PHASES: Partial<Record<DocumentState, string>> = {
    [DocumentState.Parsed]: 'parsing',
    [DocumentState.IndexedContent]: 'indexing',
    [DocumentState.ComputedScopes]: 'indexing',
    [DocumentState.Linked]: 'linking',
    [DocumentState.IndexedReferences]: 'linking',
    [DocumentState.Validated]: 'checking',
};

export class CoalescingDocumentBuilder extends DefaultDocumentBuilder {
    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
        return super.buildDocuments(documents, options, cancelToken);
    }

    protected override runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>,
    ): Promise<void> {
        return super.runCancelable(documents, targetState, cancelToken, async (document) => {
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                await this.contain(document, targetState, error);
            }
        });
    }

    protected override async notifyDocumentPhase(
        document: LangiumDocument,
        state: DocumentState,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            try {
                await listener(document, cancelToken);
            } catch (error) {
                if (!isOperationCancelled(error)) throw error;
            }
        }
    }

    protected override async validate(
        document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        await super.validate(document, cancelToken);
        const failure = failureOf(document);
        if (failure) document.diagnostics = [failureDiagnostic(failure), ...(document.diagnostics ?? [])];
    }

    /** Leaves `document` as if it had reached `targetState` with nothing in it but the diagnostic of its failure. */
    private async contain(document: LangiumDocument, targetState: DocumentState, error: unknown): Promise<void> {
        const failure = failureFrom(error, PHASES[targetState] ?? 'building');
        if (targetState === DocumentState.Validated) {
            // Its tree is sound; only its checks failed.
            document.diagnostics = [failureDiagnostic(failure)];
            this.markAsCompleted(document);
            return;
        }
        const services = this.serviceRegistry.getServices(document.uri);
        this.indexManager.removeContent(document.uri);
        this.indexManager.removeReferences(document.uri);
        services.references.Linker.unlink(document);
        markFailed(document, failure);
        document.localSymbols = await services.references.ScopeComputation.collectLocalSymbols(document);
    }
}
