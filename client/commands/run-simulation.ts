// "Multi-Region: Run Simulation": picks a scenario of the file (or takes the one a code lens passed), runs
// it in the language server's worker with a cancellable progress notification, and shows the report. Run by a
// person from the palette or a menu, it also offers "Run N seeds": a sweep on the server's workers, shown as
// the spread of each metric (a caller passes the number of seeds as the third argument instead).
import { randomUUID } from 'node:crypto';
import { ProgressLocation, Uri, window, type Progress, type QuickPickItem, type TextDocument } from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { Notices } from '../notices.js';
import {
    Requests,
    type ScenarioSummary,
    type SimulateParams,
    type SimulateSeedsParams,
    type SimulationBlockers,
    type TopologyGraph,
} from '../../protocol/index.js';
import type { SimulationReport } from '../../simulation/report.js';
import type { SweepReport } from '../../simulation/sweep-report.js';
import { chooseSeeds } from './choose-seeds.js';
import { seedsInputProblem } from './seeds-input.js';
import { declarationsOf } from '../views/declarations.js';
import { simulationSettings } from '../settings.js';
import type { CommandContext } from './context.js';
import { validatedGraph } from './server-state.js';
import { reportFailure } from './messages.js';
import { fileName, refuseWithErrors, targetDocument } from './target-document.js';

export interface SimulationRun {
    readonly uri: string;
    readonly scenario: string;
    /** A single run's report, or a seed sweep's when `seeds` is set. */
    readonly report: SimulationReport | SweepReport;
    readonly seeds?: number;
}

export async function runSimulation(
    ctx: CommandContext,
    uriArg?: unknown,
    scenarioArg?: unknown,
    seedsArg?: unknown,
): Promise<SimulationRun | undefined> {
    const document = await targetDocument(ctx.notices, uriArg, 'run a simulation');
    if (!document) return undefined;
    const uri = document.uri.toString();

    let scenarios: ScenarioSummary[];
    let graph: TopologyGraph;
    try {
        graph = await validatedGraph(ctx.client, document);
        // Only errors that leave the design incomplete stop a run; design-rule errors do not (the report notes
        // them): the server says which ones count, as it does when it refuses a run.
        const blockers = await ctx.client.sendRequest<SimulationBlockers>(Requests.simulationBlockers, { uri });
        if (
            refuseWithErrors(
                ctx.notices,
                document,
                blockers.errors.length,
                'run a simulation',
                firstBlocker(document, blockers),
            )
        )
            return undefined;
        scenarios = await ctx.client.sendRequest<ScenarioSummary[]>(Requests.listScenarios, { uri });
    } catch (error) {
        reportFailure(ctx, `Cannot list the scenarios of ${fileName(document)}`, error);
        return undefined;
    }

    const scenario = await chooseScenario(ctx.notices, document, scenarios, scenarioArg);
    if (!scenario) return undefined;

    const params: SimulateParams = { uri, scenario, ...simulationSettings(document.uri) };
    // Programmatic callers (code lenses, "Run again", tests) pass string arguments and their own choice.
    const seeds =
        seedsArg !== undefined
            ? seedsArg
            : typeof uriArg === 'string' || scenarioArg !== undefined
              ? undefined
              : await chooseSeeds(scenario, params.seed);
    if (seeds === 'cancelled') return undefined;
    const problem = seeds === undefined ? undefined : seedsInputProblem(String(seeds));
    if (problem) {
        void ctx.notices.show('error', `Cannot simulate ${scenario} with ${String(seeds)} seeds: ${problem}`);
        return undefined;
    }
    const sweep = seeds === undefined ? undefined : Number(String(seeds).trim());
    const title = sweep === undefined ? `Simulating ${scenario}` : `Simulating ${scenario} with ${sweep} seeds`;
    ctx.output.info(
        `${title} of ${document.uri.fsPath || uri} (seed ${params.seed ?? 'from the scenario'}, event budget ${params.eventBudget ?? 'default'})`,
    );
    const started = Date.now();
    let report: SimulationReport | SweepReport;
    let cancelled = false;
    try {
        report = await window.withProgress(
            { location: ProgressLocation.Notification, title, cancellable: true },
            async (progress, token) => {
                token.onCancellationRequested(() => {
                    cancelled = true;
                });
                // The server reports how much simulated time has run through this work-done token.
                const workDoneToken = `mregion-simulate-${randomUUID()}`;
                const listener = forwardProgress(ctx.client, workDoneToken, progress, (percentage, message) => {
                    ctx.simulationProgress.fire({ uri, scenario, percentage, message });
                });
                try {
                    if (sweep === undefined)
                        return await ctx.client.sendRequest<SimulationReport>(
                            Requests.simulate,
                            { ...params, workDoneToken },
                            token,
                        );
                    const sweepParams: SimulateSeedsParams = { ...params, seeds: sweep };
                    return await ctx.client.sendRequest<SweepReport>(
                        Requests.simulateSeeds,
                        { ...sweepParams, workDoneToken },
                        token,
                    );
                } finally {
                    listener.dispose();
                }
            },
        );
    } catch (error) {
        if (cancelled) {
            ctx.output.info(`Simulation of ${scenario} cancelled`);
            void ctx.notices.show('info', `Simulation of ${scenario} cancelled.`);
        } else {
            reportFailure(ctx, `Simulation of ${scenario} failed`, error);
        }
        return undefined;
    }
    const { expectations } = report.summary;
    ctx.output.info(
        `Simulation of ${scenario}${sweep === undefined ? '' : ` with ${sweep} seeds`} finished in ${Date.now() - started} ms: ${expectations.passed} of ${expectations.total} expectations pass`,
    );
    await ctx.simulation.show(
        { uri, scenario, seeds: sweep, ...(params.seed !== undefined ? { seedFromSetting: true } : {}) },
        report,
        declarationsOf(graph),
    );
    return { uri, scenario, report, seeds: sweep };
}

function firstBlocker(document: TextDocument, blockers: SimulationBlockers): string | undefined {
    const first = blockers.errors[0];
    if (!first) return undefined;
    const elsewhere = first.uri !== document.uri.toString() ? `${Uri.parse(first.uri).path.split('/').pop()} ` : '';
    return `${elsewhere}line ${first.line + 1}: ${first.message}`;
}

async function chooseScenario(
    notices: Notices,
    document: TextDocument,
    scenarios: readonly ScenarioSummary[],
    requested: unknown,
): Promise<string | undefined> {
    if (scenarios.length === 0) {
        void notices.show(
            'warning',
            `${fileName(document)} has no scenario to simulate. Add one, e.g. "scenario outage { workload peak  duration 1h  at 10m outage region us-east-1 for 30m }".`,
        );
        return undefined;
    }
    if (typeof requested === 'string' && requested !== '') {
        if (scenarios.some((s) => s.name === requested)) return requested;
        void notices.show(
            'error',
            `${fileName(document)} has no scenario named "${requested}" (it has: ${scenarios.map((s) => s.name).join(', ')}).`,
        );
        return undefined;
    }
    const [only] = scenarios;
    if (only && scenarios.length === 1) return only.name;
    const items: (QuickPickItem & { name: string })[] = scenarios.map((s) => ({
        label: s.name,
        description: `line ${s.line + 1}`,
        name: s.name,
    }));
    const picked = await window.showQuickPick(items, {
        title: `Simulate a scenario of ${fileName(document)}`,
        placeHolder: 'Scenario',
    });
    return picked?.name;
}

/**
 * Shows the server's work-done progress (percentage and message) in the command's own notification, and tells
 * `shown` what the notification now says.
 */
function forwardProgress(
    client: LanguageClient,
    token: string,
    progress: Progress<{ message?: string; increment?: number }>,
    shown: (percentage: number, message: string | undefined) => void,
) {
    let done = 0;
    return client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? done;
        progress.report({ message: value.message, increment: Math.max(0, percentage - done) });
        done = Math.max(done, percentage);
        shown(done, value.message);
    });
}
