// VS Code entry: starts the language client, then wires the commands and the two views that live in the
// files beside it. Returns the API the end-to-end suite reads.
import { EventEmitter, languages, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../protocol/index.js';
import type { MregionApi, SimulationProgress } from './api.js';
import type { CommandContext } from './commands/context.js';
import { registerCommands } from './commands/register.js';
import { runSimulation } from './commands/run-simulation.js';
import { startLanguageClient } from './language-client.js';
import { Notices } from './notices.js';
import { createOutput } from './output.js';
import { SimulationPanel } from './views/simulation-panel.js';
import { TopologyPanel } from './views/topology-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<MregionApi> {
    const output = createOutput(context);
    client = await startLanguageClient(context, output);
    const notices = new Notices();
    const ctx: CommandContext = {
        extension: context,
        client,
        output,
        notices,
        simulation: new SimulationPanel(context, (source) =>
            runSimulation(ctx, source.uri, source.scenario, source.seeds),
        ),
        topology: new TopologyPanel(context, client, output),
        simulationProgress: new EventEmitter<SimulationProgress>(),
        drift: languages.createDiagnosticCollection('mregion-drift'),
    };
    context.subscriptions.push(notices, ctx.simulation, ctx.topology, ctx.simulationProgress, ctx.drift);
    // A comparison describes the design as it was: an edit makes its places and findings stale.
    context.subscriptions.push(
        workspace.onDidChangeTextDocument((e) => {
            if (e.contentChanges.length > 0 && ctx.drift.has(e.document.uri)) ctx.drift.delete(e.document.uri);
        }),
    );
    registerCommands(ctx);
    output.info(`Multi-Region extension active; commands: ${Object.values(Commands).join(', ')}`);
    return {
        simulationView: ctx.simulation.probe,
        topologyView: ctx.topology.probe,
        onDidNotify: notices.onDidNotify,
        onDidReportSimulationProgress: ctx.simulationProgress.event,
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
