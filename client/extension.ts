// VS Code entry: starts the language client, then wires the commands and the two views that live in the
// files beside it. Returns the API the end-to-end suite reads.
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../protocol/index.js';
import type { MregionApi } from './api.js';
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
        simulation: new SimulationPanel(context, (source) => runSimulation(ctx, source.uri, source.scenario)),
        topology: new TopologyPanel(context, client, output),
    };
    context.subscriptions.push(notices, ctx.simulation, ctx.topology);
    registerCommands(ctx);
    output.info(`Multi-Region extension active; commands: ${Object.values(Commands).join(', ')}`);
    return { simulationView: ctx.simulation.probe, topologyView: ctx.topology.probe, onDidNotify: notices.onDidNotify };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
