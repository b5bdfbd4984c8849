// What a webview reports after it rendered: its visible text and how many rows, charts or boxes it drew.
// The extension's API exposes it so the end-to-end suite can check the view shows the server's results.
import { EventEmitter, type Event } from 'vscode';

export interface RenderedView {
    /** The document the view shows. */
    readonly uri: string;
    /** The view's visible text (document.body.innerText). */
    readonly text: string;
    /** Named counts of what was drawn (e.g. charts, expectations, nodes, edges). */
    readonly counts: Readonly<Record<string, number>>;
}

export interface ViewProbe {
    readonly onDidRender: Event<RenderedView>;
    readonly last: RenderedView | undefined;
    readonly isOpen: boolean;
}

export class RenderProbe implements ViewProbe {
    private readonly emitter = new EventEmitter<RenderedView>();
    private latest: RenderedView | undefined;
    readonly onDidRender = this.emitter.event;
    isOpen = false;

    get last(): RenderedView | undefined {
        return this.latest;
    }

    rendered(view: RenderedView): void {
        this.latest = view;
        this.emitter.fire(view);
    }

    closed(): void {
        this.isOpen = false;
        this.latest = undefined;
    }

    dispose(): void {
        this.emitter.dispose();
    }
}

/** Checks a `rendered` message from a webview, which is untrusted input like any postMessage. */
export function asRendered(message: unknown, uri: string): RenderedView | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const m = message as { type?: unknown; text?: unknown; counts?: unknown };
    if (m.type !== 'rendered' || typeof m.text !== 'string' || typeof m.counts !== 'object' || m.counts === null)
        return undefined;
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(m.counts)) if (typeof v === 'number') counts[k] = v;
    return { uri, text: m.text, counts };
}
