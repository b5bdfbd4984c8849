// What a webview reports after it rendered (protocol/webview-messages.ts, `rendered`): its visible text and how
// many rows, charts or boxes it drew.
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
