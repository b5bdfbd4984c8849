// Opening or re-parsing a large design leaves tens of megabytes of garbage (the parser's tokens and the previous
// tree) that V8 keeps, with the memory it occupies, until its next full collection, which may not come for
// minutes while the user only reads. When the server has been idle for a moment after a build that grew the heap
// by much more than it holds live, it asks V8 for a full collection, so the memory goes back to the system.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';

/** Idle time after a build before collecting: longer than the pause between keystrokes while typing. */
export const IDLE_MS = 1_500;
/** Collect only when the heap holds this much more than the last collection left alive. */
export const GROWTH_BYTES = 24 * 1024 * 1024;

export interface IdleCollectionOptions {
    /** V8's full collection (default: the one Node exposes behind --expose-gc). */
    readonly collect?: () => void;
    /** Bytes the heap holds now, live or not yet collected. */
    readonly heapUsed?: () => number;
}

export function collectGarbageWhenIdle(shared: LangiumSharedServices, options: IdleCollectionOptions = {}): void {
    const collect = options.collect ?? fullCollection();
    if (!collect) return;
    const heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
    let liveAfterLast = heapUsed();
    let timer: NodeJS.Timeout | undefined;
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate(() => clearTimeout(timer));
    builder.onBuildPhase(DocumentState.Validated, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            if (heapUsed() - liveAfterLast < GROWTH_BYTES) return;
            collect();
            liveAfterLast = heapUsed();
        }, IDLE_MS);
        timer.unref();
    });
}

/**
 * V8's full collection, which Node exposes only behind a flag; undefined where the flag cannot be set. It compacts
 * the heap, which V8 does not do on every full collection by itself: the pages the garbage leaves half empty would
 * otherwise stay resident.
 */
export function fullCollection(): (() => void) | undefined {
    try {
        setFlagsFromString('--expose-gc');
        const gc: unknown = runInNewContext('gc');
        if (typeof gc !== 'function') return undefined;
        return () => {
            setFlagsFromString('--compact-on-every-full-gc');
            try {
                (gc as () => void)();
            } finally {
                setFlagsFromString('--no-compact-on-every-full-gc');
            }
        };
    } catch {
        return undefined;
    }
}
