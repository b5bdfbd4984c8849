// Answers `mregion/listScenarios`, `mregion/simulate` and `mregion/simulateSeeds` (a seed sweep, on one worker
// per core). A simulation runs in a worker thread
// (dist/simulation-worker.cjs, next to this bundle), so the server keeps publishing diagnostics, hovers and
// completions while it runs; progress goes to the client as LSP work-done progress, and cancelling the
// request, or its work-done progress (the client's token or the server's), terminates the worker.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import {
    LSPErrorCodes,
    ResponseError,
    WorkDoneProgressCancelNotification,
    WorkDoneProgressCreateRequest,
    type CancellationToken,
    type Connection,
    type ProgressToken,
    type WorkDoneProgressParams,
    type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { MregionServices } from '../language/mregion-module.js';
import { blocksSimulation, isRuleCode } from '../language/validation/rules/catalog.js';
import { formatDuration } from '../format/quantities.js';
import {
    Requests,
    type DocumentParams,
    type ListScenariosParams,
    type ScenarioSummary,
    type SimulateParams,
    type SimulateSeedsParams,
    type SimulationBlockers,
} from '../protocol/index.js';
import { SimulationError } from '../simulation/errors.js';
import { validatedDocument } from './validated-document.js';
import type { SimulationReport } from '../simulation/report.js';
import type { SweepReport } from '../simulation/sweep-report.js';
import { sweepScenario } from '../simulation/sweep-runner.js';
import { seedCountProblem } from '../simulation/sweep-seeds.js';
import { runInWorker } from '../simulation/worker-client.js';

/** JSON-RPC "invalid params": the request names a document or scenario the server cannot use. */
const InvalidParams = -32602;

interface SimulationSettings {
    readonly seed?: unknown;
    readonly eventBudget?: unknown;
}

export function registerSimulationHost(
    connection: Connection,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
    workerFile = defaultWorkerFile(),
): void {
    /** The running simulations by their work-done progress token, whichever side created it. */
    const running = new Map<ProgressToken, AbortController>();
    // vscode-languageserver's own cancel handler only cancels progress made by `createWorkDoneProgress`, never a
    // client's token, and a connection keeps one handler per method. It installs its handler while initializing,
    // so this one is installed at the first simulation, after it (nothing else in the server reports progress).
    let listening = false;
    const listenForProgressCancel = () => {
        if (listening) return;
        listening = true;
        connection.onNotification(WorkDoneProgressCancelNotification.type, ({ token }) => running.get(token)?.abort());
    };
    const documentOf = (uri: string, token: CancellationToken): Promise<LangiumDocument> =>
        validatedDocument(shared, uri, token);

    connection.onRequest(
        Requests.listScenarios,
        async (params: ListScenariosParams, token: CancellationToken): Promise<ScenarioSummary[]> => {
            const document = await documentOf(params.uri, token);
            const { model } = mregion.semantics.Models.modelFor(document);
            return [...model.scenarios.values()]
                .filter((s) => s.source.uri === document.uri.toString())
                .map((s) => ({ name: s.name, line: s.source.range.start.line }));
        },
    );

    connection.onRequest(
        Requests.simulationBlockers,
        async (params: DocumentParams, token: CancellationToken): Promise<SimulationBlockers> => {
            const document = await documentOf(params.uri, token);
            return {
                errors: blockingErrors(document, mregion).map((e) => ({
                    uri: e.document.uri.toString(),
                    line: e.line,
                    message: e.message,
                })),
            };
        },
    );

    /** The model and run settings of a simulate request, or the error that refuses it. */
    const prepare = async (params: SimulateParams, token: CancellationToken) => {
        const document = await documentOf(params.uri, token);
        const errors = designErrors(document, mregion);
        if (errors.length > 0) {
            throw new ResponseError(
                InvalidParams,
                `${fileName(document)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before simulating: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? '; …' : ''}`,
            );
        }
        const { model } = mregion.semantics.Models.modelFor(document);
        if (!model.scenarios.has(params.scenario)) {
            const known = [...model.scenarios.keys()];
            throw new ResponseError(
                InvalidParams,
                known.length === 0
                    ? `${fileName(document)} declares no scenario`
                    : `${fileName(document)} has no scenario '${params.scenario}' (it has ${known.map((n) => `'${n}'`).join(', ')})`,
            );
        }
        if (!existsSync(workerFile))
            throw new ResponseError(
                LSPErrorCodes.RequestFailed,
                `the simulation worker is missing (${workerFile}); rebuild with 'node esbuild.mjs'`,
            );
        const settings = await readSettings(shared);
        const flagged = ruleErrors(document, mregion);
        return {
            model,
            notes: flagged.length === 0 ? [] : [designRuleNote(flagged)],
            seed: wholeNumber(params.seed) ?? wholeNumber(settings.seed),
            eventBudget: wholeNumber(params.eventBudget) ?? wholeNumber(settings.eventBudget),
        };
    };

    /** Runs `work` with work-done progress and cancellation (by the request or its progress token); maps errors to LSP. */
    const withProgress = async <T>(
        params: WorkDoneProgressParams,
        token: CancellationToken,
        title: string,
        first: string,
        work: (signal: AbortSignal, report: (percent: number, message: string) => void) => Promise<T>,
    ): Promise<T> => {
        const progress = await progressFor(connection, params);
        const abort = new AbortController();
        const cancelled = token.onCancellationRequested(() => abort.abort());
        if (progress.token !== undefined) {
            listenForProgressCancel();
            running.set(progress.token, abort);
        }
        progress.reporter.begin(title, 0, first, true);
        let lastPercent = -1;
        try {
            return await work(abort.signal, (percent, message) => {
                if (percent === lastPercent) return;
                lastPercent = percent;
                progress.reporter.report(percent, message);
            });
        } catch (error) {
            if (error instanceof SimulationError) {
                if (error.kind === 'cancelled') throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
                throw new ResponseError(LSPErrorCodes.RequestFailed, error.message, { kind: error.kind });
            }
            throw new ResponseError(
                LSPErrorCodes.RequestFailed,
                error instanceof Error ? error.message : String(error),
            );
        } finally {
            progress.reporter.done();
            cancelled.dispose();
            if (progress.token !== undefined) running.delete(progress.token);
        }
    };

    connection.onRequest(
        Requests.simulate,
        async (
            params: SimulateParams & WorkDoneProgressParams,
            token: CancellationToken,
        ): Promise<SimulationReport> => {
            const run = await prepare(params, token);
            const duration = run.model.scenarios.get(params.scenario)!.durationMs ?? 0;
            return withProgress(
                params,
                token,
                `Simulating ${params.scenario}`,
                `0 of ${formatDuration(duration)} simulated`,
                async (signal, report) => {
                    const result = await runInWorker(workerFile, run.model, params.scenario, {
                        seed: run.seed,
                        eventBudget: run.eventBudget,
                        signal,
                        onProgress: (p) =>
                            report(
                                Math.floor(p.fraction * 100),
                                `${formatDuration(p.simulatedMs)} of ${formatDuration(duration)} simulated`,
                            ),
                    });
                    return run.notes.length === 0 ? result : { ...result, notes: [...result.notes, ...run.notes] };
                },
            );
        },
    );

    connection.onRequest(
        Requests.simulateSeeds,
        async (
            params: SimulateSeedsParams & WorkDoneProgressParams,
            token: CancellationToken,
        ): Promise<SweepReport> => {
            const problem =
                typeof params.seeds === 'number' ? seedCountProblem(params.seeds) : 'the number of seeds is missing';
            if (problem) throw new ResponseError(InvalidParams, problem);
            const run = await prepare(params, token);
            return withProgress(
                params,
                token,
                `Simulating ${params.scenario} with ${params.seeds} seeds`,
                `0 of ${params.seeds} runs done`,
                (signal, report) =>
                    sweepScenario(run.model, params.scenario, {
                        count: params.seeds,
                        seed: run.seed,
                        eventBudget: run.eventBudget,
                        workerFile,
                        signal,
                        notes: run.notes,
                        onProgress: (done, total) =>
                            report(Math.floor((done / total) * 100), `${done} of ${total} runs done`),
                    }),
            );
        },
    );
}

/** The worker bundle beside this server bundle (dist/). */
function defaultWorkerFile(): string {
    return path.join(path.dirname(fileURLToPath(import.meta.url)), 'simulation-worker.cjs');
}

/**
 * Errors that leave the model incomplete (syntax, references, missing or malformed values) in the document or
 * the files it imports: a simulation of it would be a guess. Design-rule findings do not block a run, even as
 * errors: they name flaws whose cost the simulation is there to show (`blocksSimulation`, shared with the CLI).
 */
function designErrors(document: LangiumDocument, mregion: MregionServices): string[] {
    return blockingErrors(document, mregion).map(
        (e) => `${e.document === document ? '' : `${fileName(e.document)} `}line ${e.line + 1}: ${e.message}`,
    );
}

function blockingErrors(
    document: LangiumDocument,
    mregion: MregionServices,
): { document: LangiumDocument; line: number; message: string }[] {
    return closureOf(document, mregion).flatMap((d) =>
        (d.diagnostics ?? [])
            .filter((x) => x.severity === 1 && blocksSimulation(String(x.code)))
            .map((x) => ({
                document: d,
                line: x.range.start.line,
                message: typeof x.message === 'string' ? x.message : x.message.value,
            })),
    );
}

/** Design-rule errors, named for the report's notes. */
function ruleErrors(document: LangiumDocument, mregion: MregionServices): string[] {
    return closureOf(document, mregion).flatMap((d) =>
        (d.diagnostics ?? [])
            .filter((x) => x.severity === 1 && isRuleCode(String(x.code)))
            .map((x) => `${x.code} (${d === document ? '' : `${fileName(d)} `}line ${x.range.start.line + 1})`),
    );
}

function closureOf(document: LangiumDocument, mregion: MregionServices): LangiumDocument[] {
    return [
        document,
        ...mregion.semantics.Imports.closureRoots(document)
            .map((root) => root.$document)
            .filter((d): d is LangiumDocument => d !== undefined && d !== document),
    ];
}

/** `mregion.simulation` settings (seed, eventBudget) as the client last sent them. */
async function readSettings(shared: LangiumSharedCoreServices): Promise<SimulationSettings> {
    const provider = (
        shared as {
            workspace: {
                ConfigurationProvider?: { getConfiguration(language: string, section: string): Promise<unknown> };
            };
        }
    ).workspace.ConfigurationProvider;
    const value = provider ? await provider.getConfiguration('mregion', 'simulation') : undefined;
    return typeof value === 'object' && value !== null ? (value as SimulationSettings) : {};
}

/**
 * The client's work-done token when it sent one, else a token the server creates when the client accepts it.
 * The server creates its tokens itself (not with `createWorkDoneProgress`) so that one handler cancels both kinds.
 */
async function progressFor(
    connection: Connection,
    params: WorkDoneProgressParams,
): Promise<{ reporter: WorkDoneProgressReporter; token?: ProgressToken }> {
    if (params.workDoneToken !== undefined)
        return {
            reporter: connection.window.attachWorkDoneProgress(params.workDoneToken),
            token: params.workDoneToken,
        };
    const token = randomUUID();
    try {
        await connection.sendRequest(WorkDoneProgressCreateRequest.type, { token });
        return { reporter: connection.window.attachWorkDoneProgress(token), token };
    } catch {
        return { reporter: connection.window.attachWorkDoneProgress(undefined) };
    }
}

function designRuleNote(flagged: readonly string[]): string {
    return `simulated despite ${flagged.length} design-rule error${flagged.length === 1 ? '' : 's'} — ${flagged.join(', ')}: the numbers above show what ${flagged.length === 1 ? 'it costs' : 'they cost'}`;
}

function wholeNumber(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function fileName(document: LangiumDocument): string {
    return document.uri.path.split('/').pop() ?? document.uri.toString();
}
