// The simulation results view: one panel showing the latest report. The webview draws it (charts, timeline,
// expectations); this side sends the report, reveals declarations the rows link to, and re-runs on request.
// The webview keeps the report in its own state, so a reloaded window restores the panel as it was.
import * as path from 'node:path';
import { Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type WebviewPanel } from 'vscode';
import {
    readViewMessage,
    type Declarations,
    type FromSimulationView,
    type RunFormat,
    type SimulationSource,
    type ToSimulationView,
} from '../../protocol/webview-messages.js';
import { revealDeclaration } from '../reveal.js';
import { exportName, exportRun } from './export-run.js';
import { RenderProbe } from './render-probe.js';
import { loadPage, webviewOptions } from './webview-html.js';

export const simulationViewType = 'mregion.simulation';

export class SimulationPanel implements Disposable {
    private panel: WebviewPanel | undefined;
    private ready = false;
    private current: { source: SimulationSource; report: unknown; declarations: Declarations } | undefined;
    readonly probe = new RenderProbe();

    constructor(
        private readonly context: ExtensionContext,
        private readonly rerun: (source: SimulationSource) => Thenable<unknown>,
    ) {
        context.subscriptions.push(
            window.registerWebviewPanelSerializer(simulationViewType, {
                deserializeWebviewPanel: async (panel, state: unknown) => {
                    this.adopt(panel, sourceOf(state));
                },
            }),
        );
    }

    async show(source: SimulationSource, report: unknown, declarations: Declarations): Promise<void> {
        this.current = { source, report, declarations };
        if (!this.panel) {
            const panel = window.createWebviewPanel(
                simulationViewType,
                title(source),
                { viewColumn: ViewColumn.Beside, preserveFocus: true },
                webviewOptions(this.context.extensionUri),
            );
            this.adopt(panel, source);
        } else {
            this.panel.title = title(source);
            this.panel.reveal(undefined, true);
        }
        if (this.ready) await this.post();
    }

    private adopt(panel: WebviewPanel, source: SimulationSource | undefined): void {
        this.panel = panel;
        this.ready = false;
        this.probe.isOpen = true;
        if (source && !this.current) this.current = { source, report: undefined, declarations: {} };
        loadPage(panel, this.context.extensionUri, 'simulation', 'Simulation results');
        panel.webview.onDidReceiveMessage(async (raw: unknown) => {
            const message = readViewMessage(raw);
            if (message) await this.receive(message);
        });
        panel.onDidDispose(() => {
            this.panel = undefined;
            this.current = undefined;
            this.probe.closed();
        });
    }

    private async receive(message: FromSimulationView): Promise<void> {
        switch (message.type) {
            case 'reveal':
                return revealDeclaration(message.location);
            case 'ready':
                this.ready = true;
                if (this.current?.report !== undefined) await this.post();
                return;
            case 'rerun':
                if (this.current) await this.rerun(this.current.source);
                return;
            case 'export':
                return this.exportShown(message.format);
            case 'rendered':
                return this.probe.rendered({
                    uri: this.current?.source.uri ?? '',
                    text: message.text,
                    counts: message.counts,
                });
            default:
                return unhandled(message);
        }
    }

    /** Saves the shown run where the person chooses (by default beside the design), as Markdown or JSON. */
    private async exportShown(format: RunFormat): Promise<void> {
        const shown = this.current;
        if (!shown || shown.report === undefined) return;
        const design = Uri.parse(shown.source.uri);
        const folder = workspace.getWorkspaceFolder(design)?.uri ?? Uri.joinPath(design, '..');
        const target = await window.showSaveDialog({
            defaultUri: Uri.joinPath(folder, exportName(shown.source.scenario, shown.source.seeds, format)),
            filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
            title: `Export the run of ${shown.source.scenario} as ${format === 'json' ? 'JSON' : 'Markdown'}`,
        });
        if (!target) return;
        try {
            await workspace.fs.writeFile(target, new TextEncoder().encode(exportRun(shown.report, format)));
            void window.showInformationMessage(
                `Saved the run of ${shown.source.scenario} to ${path.basename(target.path)}.`,
            );
        } catch (error) {
            void window.showErrorMessage(
                `Could not save ${path.basename(target.path)}: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
    }

    private async post(): Promise<void> {
        if (!this.panel || !this.current) return;
        const message: ToSimulationView = { type: 'report', ...this.current };
        await this.panel.webview.postMessage(message);
    }

    dispose(): void {
        this.panel?.dispose();
        this.probe.dispose();
    }
}

function title(source: SimulationSource): string {
    return `Simulation · ${source.scenario}${source.seeds === undefined ? '' : ` × ${source.seeds} seeds`} (${path.basename(Uri.parse(source.uri).path)})`;
}

function sourceOf(state: unknown): SimulationSource | undefined {
    const source = (state as { source?: { uri?: unknown; scenario?: unknown; seeds?: unknown } } | undefined)?.source;
    if (typeof source?.uri !== 'string' || typeof source.scenario !== 'string') return undefined;
    return {
        uri: source.uri,
        scenario: source.scenario,
        ...(typeof source.seeds === 'number' ? { seeds: source.seeds } : {}),
    };
}

/** Fails the type check when a message the protocol declares is not handled above. */
function unhandled(message: never): void {
    void message;
}
