// The webview side of the VS Code bridge: postMessage to the extension and the state VS Code keeps for the
// page (restored when the panel is re-created after a window reload). What a page may post is typed by the
// protocol (protocol/webview-messages.ts), the same declaration the extension reads the messages with.
import type {
    FromView,
    Poster,
    RenderedMessage,
    RevealMessage,
    SourceLocation,
} from '../../protocol/webview-messages.js';

interface VsCodeApi<State, Out extends FromView> extends Poster<Out> {
    getState(): State | undefined;
    setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State, FromView>;

export function vscodeApi<State, Out extends FromView>(): VsCodeApi<State, Out> {
    return acquireVsCodeApi<State>();
}

/** Tells the extension what the page now shows: its visible text and counts of what was drawn. */
export function reportRendered(api: Poster<RenderedMessage>, counts: Record<string, number>): void {
    api.postMessage({ type: 'rendered', text: document.body.innerText, counts });
}

/** Makes an element open a declaration in the editor on click or Enter/Space. */
export function linkTo(element: Element, api: Poster<RevealMessage>, location: SourceLocation | undefined): void {
    if (!location) return;
    element.classList.add('link');
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'link');
    const open = () => api.postMessage({ type: 'reveal', location });
    element.addEventListener('click', open);
    element.addEventListener('keydown', (e) => {
        const key = (e as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
            e.preventDefault();
            open();
        }
    });
}
