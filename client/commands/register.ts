// Binds the command ids of protocol/index.ts to their handlers. Code lenses call the same ids with the
// arguments documented there, so a handler's return value is also what a caller (or a test) gets back.
import { commands } from 'vscode';
import { Commands } from '../../protocol/index.js';
import type { CommandContext } from './context.js';
import { compareDeployed } from './compare-deployed.js';
import { exportCdk } from './export-cdk.js';
import { importDeployed } from './import-deployed.js';
import { reportFailure } from './messages.js';
import { OPEN_DOCS_COMMAND } from '../docs-links.js';
import { openDocs } from './open-docs.js';
import { openRuleDocumentation } from './open-rule-documentation.js';
import { runSimulation } from './run-simulation.js';
import { showTopology } from './show-topology.js';

export function registerCommands(ctx: CommandContext): void {
    const handlers: Record<string, (...args: unknown[]) => Promise<unknown>> = {
        [Commands.runSimulation]: (uri, scenario, seeds) => runSimulation(ctx, uri, scenario, seeds),
        [Commands.exportCdk]: (uri) => exportCdk(ctx, uri),
        [Commands.showTopology]: (uri) => showTopology(ctx, uri),
        [Commands.openRuleDocumentation]: (code) => openRuleDocumentation(ctx, code),
        [Commands.importDeployed]: (input) => importDeployed(ctx, input),
        [Commands.compareDeployed]: (uri, against) => compareDeployed(ctx, uri, against),
        // Not in the palette: the target of the documentation links of hovers and diagnostics.
        [OPEN_DOCS_COMMAND]: (page, fragment) => openDocs(ctx, page, fragment),
    };
    for (const [id, handler] of Object.entries(handlers)) {
        ctx.extension.subscriptions.push(
            commands.registerCommand(id, async (...args: unknown[]) => {
                try {
                    return await handler(...args);
                } catch (error) {
                    // A bug in a handler must still tell the user what did not happen.
                    reportFailure(ctx, `Command ${id} failed`, error);
                    return undefined;
                }
            }),
        );
    }
}
