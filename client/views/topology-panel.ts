// The topology view: one panel following one .mregion document. It asks the server for the graph when the
// document or its diagnostics change, and the webview lays it out (elkjs) and draws it.
import * as path from 'node:path';
import {
    Uri,
    ViewColumn,
    languages,
    window,
    workspace,
    type Disposable,
    type ExtensionContext,
    type LogOutputChannel,
    type TextDocument,
    type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type TopologyGraph } from '../../protocol/index.js';
import { revealDeclaration } from '../reveal.js';
import { readViewMessage, type FromView, type ToTopologyView } from '../../protocol/webview-messages.js';
import { RenderProbe } from './render-probe.js';
import { loadPage, webviewOptions } from './webview-html.js';

export const topologyViewType = 'mregion.topology';

/** Typing produces a burst of changes; one request after the burst is enough. */
const refreshDelayMs = 150;

export class TopologyPanel implements Disposable {
    private panel: WebviewPanel | undefined;
    private uri: Uri | undefined;
    private ready = false;
    private inFlight = false;
    private again = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private readonly watchers: Disposable[] = [];
    readonly probe = new RenderProbe();

    constructor(
        private readonly context: ExtensionContext,
        private readonly client: LanguageClient,
        private readonly output: LogOutputChannel,
    ) {
        context.subscriptions.push(
            window.registerWebviewPanelSerializer(topologyViewType, {
                deserializeWebviewPanel: async (panel, state: unknown) => {
                    const uri = (state as { uri?: unknown } | undefined)?.uri;
                    if (typeof uri !== 'string') {
                        panel.dispose();
                        return;
                    }
                    this.adopt(panel);
                    this.follow(Uri.parse(uri));
                },
            }),
        );
    }

    async show(document: TextDocument): Promise<void> {
        if (!this.panel) {
            this.adopt(
                window.createWebviewPanel(
                    topologyViewType,
                    'Topology',
                    { viewColumn: ViewColumn.Beside, preserveFocus: true },
                    webviewOptions(this.context.extensionUri),
                ),
            );
        } else {
            this.panel.reveal(undefined, true);
        }
        this.follow(document.uri);
        await this.refresh();
    }

    private async receive(message: FromView): Promise<void> {
        switch (message.type) {
            case 'reveal':
                return revealDeclaration(message.location);
            case 'ready':
                this.ready = true;
                return this.refresh();
            case 'rendered':
                return this.probe.rendered({
                    uri: this.uri?.toString() ?? '',
                    text: message.text,
                    counts: message.counts,
                });
            case 'rerun':
            case 'export':
                return; // the simulation page's requests: this page has no run to repeat or save
            default:
                return unhandled(message);
        }
    }

    private adopt(panel: WebviewPanel): void {
        this.panel = panel;
        this.ready = false;
        this.probe.isOpen = true;
        loadPage(panel, this.context.extensionUri, 'topology', 'Topology');
        panel.webview.onDidReceiveMessage(async (raw: unknown) => {
            const message = readViewMessage(raw);
            if (message) await this.receive(message);
        });
        panel.onDidDispose(() => {
            this.panel = undefined;
            this.uri = undefined;
            for (const w of this.watchers.splice(0)) w.dispose();
            if (this.timer) clearTimeout(this.timer);
            this.probe.closed();
        });
        this.watchers.push(
            workspace.onDidChangeTextDocument((e) => {
                if (this.isFollowed(e.document.uri)) this.schedule();
            }),
            languages.onDidChangeDiagnostics((e) => {
                if (e.uris.some((u) => this.isFollowed(u))) this.schedule();
            }),
        );
    }

    private follow(uri: Uri): void {
        this.uri = uri;
        if (this.panel) this.panel.title = `Topology · ${path.basename(uri.path)}`;
    }

    private isFollowed(uri: Uri): boolean {
        return this.uri !== undefined && uri.toString() === this.uri.toString();
    }

    private schedule(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), refreshDelayMs);
    }

    /** Requests the graph and sends it to the webview; requests during a request are folded into one more. */
    private async refresh(): Promise<void> {
        if (!this.panel || !this.uri || !this.ready) return;
        if (this.inFlight) {
            this.again = true;
            return;
        }
        this.inFlight = true;
        const uri = this.uri.toString();
        try {
            const graph = await this.client.sendRequest<TopologyGraph>(Requests.topology, { uri });
            if (this.uri?.toString() === uri) await this.post({ type: 'graph', graph });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.output.error(`Topology of ${uri}: ${message}`);
            await this.post({ type: 'error', uri, message });
        } finally {
            this.inFlight = false;
        }
        if (this.again) {
            this.again = false;
            await this.refresh();
        }
    }

    private async post(message: ToTopologyView): Promise<void> {
        await this.panel?.webview.postMessage(message);
    }

    dispose(): void {
        this.panel?.dispose();
        this.probe.dispose();
    }
}

/** Fails the type check when a message the protocol declares is not handled above. */
function unhandled(message: never): void {
    void message;
}
