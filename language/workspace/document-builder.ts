// Typing fast (or pasting, multi-cursor edits, programmatic edits) queues many didChange notifications. Each
// starts a build that Langium cancels when the next change arrives, but a fresh build runs its first slice,
// including the whole parse, before it looks at its cancellation token again, so every queued change used to
// cost one full parse and the last diagnostics came seconds after the last keystroke. Yielding to the event
// loop once before parsing lets the connection deliver the next queued change first; a build that a newer
// change superseded then stops before doing any work, and only the last one parses, links and validates.
import { DefaultDocumentBuilder, OperationCancelled, type BuildOptions, type Cancellation, type LangiumDocument } from 'langium';

export class CoalescingDocumentBuilder extends DefaultDocumentBuilder {
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
        return super.buildDocuments(documents, options, cancelToken);
    }
}
