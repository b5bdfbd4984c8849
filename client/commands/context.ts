// What every command handler needs: the running language client, the Output channel, the two views and the
// drift diagnostics.
import type { DiagnosticCollection, EventEmitter, ExtensionContext, LogOutputChannel } from 'vscode';
import type { SimulationProgress } from '../api.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Notices } from '../notices.js';
import type { SimulationPanel } from '../views/simulation-panel.js';
import type { TopologyPanel } from '../views/topology-panel.js';

export interface CommandContext {
    readonly extension: ExtensionContext;
    readonly client: LanguageClient;
    readonly output: LogOutputChannel;
    readonly notices: Notices;
    readonly simulation: SimulationPanel;
    readonly topology: TopologyPanel;
    /** What a running simulation's notification shows, for the extension's API. */
    readonly simulationProgress: EventEmitter<SimulationProgress>;
    /** The drift "Compare with deployed template…" found, per design, until the design is edited. */
    readonly drift: DiagnosticCollection;
}
