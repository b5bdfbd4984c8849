// One fuzz case through everything the product does with a design, in process, stage by stage:
// parse → link and validate (Langium, with every check and design rule, as the editor and CLI run it) → the
// semantic model → the design rules → a simulation of each scenario under a small event budget → a CDK export
// in memory → one edit through the editor's incremental path, compared with a fresh validation. Every stage is
// timed; whatever goes wrong is collected as a Failure rather than thrown, so one run can count many failures.
// Documents are removed after each case so a long run does not grow.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportCdk } from '../../../export/cdk/index.js';
import type { Document } from '../../../language/generated/ast.js';
import { createMregionServices } from '../../../language/mregion-module.js';
import { buildModel } from '../../../language/semantics/builder/index.js';
import { blocksSimulation } from '../../../language/validation/rules/catalog.js';
import { runRules } from '../../../language/validation/rules/runner.js';
import { SimulationError } from '../../../simulation/errors.js';
import reportSchema from '../../../simulation/report-schema.json' with { type: 'json' };
import { scenarioNames, simulate } from '../../../simulation/run.js';
import { applyChange, type FuzzCase, type TextChange } from './cases.js';
import { diagnosticFailures, exportFailures, STAGES, unclearMessage, type Failure, type Stage } from './checks.js';

export interface PipelineOptions {
    /** Event budget of each simulation: small, so a case stays quick; bigger scenarios are refused, which is checked too. */
    readonly eventBudget: number;
    /** At most this many scenarios of a design are simulated. */
    readonly maxScenarios: number;
    /** A case taking longer than this (all stages) is a failure. */
    readonly caseBoundMs: number;
    /** Parse the exported TypeScript (a few milliseconds per case). */
    readonly checkTypescript: boolean;
    /** Simulate the first scenario twice and compare the reports byte for byte. */
    readonly checkDeterminism: boolean;
}

export const DEFAULT_OPTIONS: PipelineOptions = {
    eventBudget: 300_000,
    maxScenarios: 3,
    caseBoundMs: 2_000,
    checkTypescript: true,
    checkDeterminism: true,
};

export type StageTimes = Record<Stage, number>;

export interface CaseOutcome {
    readonly failures: readonly Failure[];
    readonly times: StageTimes;
    readonly totalMs: number;
    readonly diagnostics: number;
    /** Scenarios simulated to a report, and refused (by SimulationError kind). */
    readonly simulated: number;
    /** The design has errors that keep the editor and the CLI from simulating it (the API is still driven). */
    readonly blocked: boolean;
    readonly refused: Readonly<Record<string, number>>;
    /** The forced export produced files. */
    readonly exported: boolean;
    /** The edit was re-parsed declaration by declaration (spliced into the previous tree) rather than parsed whole. */
    readonly spliced: boolean;
}

export class FuzzPipeline {
    private readonly services = createMregionServices(EmptyFileSystem);
    private readonly validateReport = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);
    private counter = 0;

    constructor(readonly options: PipelineOptions = DEFAULT_OPTIONS) {}

    async run(fuzzCase: FuzzCase): Promise<CaseOutcome> {
        const failures: Failure[] = [];
        const times = Object.fromEntries(STAGES.map((s) => [s, 0])) as StageTimes;
        const stats = {
            diagnostics: 0,
            simulated: 0,
            blocked: false,
            refused: {} as Record<string, number>,
            exported: false,
            spliced: false,
        };
        const started = performance.now();
        let current: Stage = 'parse';
        const restoreConsole = captureConsole((line) =>
            failures.push({ stage: current, kind: 'console-output', message: line }),
        );
        const documents: LangiumDocument<Document>[] = [];
        const timed = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T | undefined> => {
            current = stage;
            const t = performance.now();
            try {
                return await work();
            } catch (error) {
                failures.push({ stage, kind: 'exception', message: describeError(error) });
                return undefined;
            } finally {
                times[stage] += performance.now() - t;
            }
        };
        try {
            await this.stages(fuzzCase, documents, failures, stats, timed);
        } finally {
            restoreConsole();
            await this.forget(documents);
        }
        const totalMs = performance.now() - started;
        if (totalMs > this.options.caseBoundMs) {
            const slowest = STAGES.reduce((a, b) => (times[a] >= times[b] ? a : b));
            failures.push({
                stage: slowest,
                kind: 'too-slow',
                message: `the case took ${Math.round(totalMs)} ms (bound ${this.options.caseBoundMs} ms; ${slowest} ${Math.round(times[slowest])} ms)`,
            });
        }
        return { failures, times, totalMs, ...stats };
    }

    private async stages(
        fuzzCase: FuzzCase,
        documents: LangiumDocument<Document>[],
        failures: Failure[],
        stats: {
            diagnostics: number;
            simulated: number;
            blocked: boolean;
            refused: Record<string, number>;
            exported: boolean;
            spliced: boolean;
        },
        timed: <T>(stage: Stage, work: () => T | Promise<T>) => Promise<T | undefined>,
    ): Promise<void> {
        const { shared, Mregion } = this.services;
        const folder = `file:///fuzz/case-${++this.counter}`;
        const texts = new Map<string, string>();
        const main = await timed('parse', () => {
            const factory = shared.workspace.LangiumDocumentFactory;
            for (const [name, text] of Object.entries(fuzzCase.others)) {
                const uri = URI.parse(`${folder}/${name}`);
                texts.set(uri.toString(), text);
                documents.push(factory.fromString<Document>(text, uri));
            }
            const uri = URI.parse(`${folder}/main.mregion`);
            texts.set(uri.toString(), fuzzCase.main);
            const document = factory.fromString<Document>(fuzzCase.main, uri);
            documents.push(document);
            for (const d of documents) shared.workspace.LangiumDocuments.addDocument(d);
            return document;
        });
        if (!main) return;

        await timed('build', () => shared.workspace.DocumentBuilder.build(documents, { validation: true }));
        let diagnostics: Diagnostic[] = [];
        for (const document of documents) {
            const found = document.diagnostics ?? [];
            if (document === main) diagnostics = found;
            if (found.some((d) => d.severity === 1 && blocksSimulation(String(d.code)))) stats.blocked = true;
            stats.diagnostics += found.length;
            failures.push(
                ...diagnosticFailures(
                    found,
                    texts.get(document.uri.toString()) ?? '',
                    document.uri.path.split('/').pop()!,
                ),
            );
        }

        const root = main.parseResult.value;
        const direct = await timed('model', () => buildModel(root, Mregion.semantics.Imports.closureRoots(main)));
        for (const p of direct?.problems ?? []) {
            if (p.code === 'internal-error')
                failures.push({ stage: 'model', kind: 'internal-diagnostic', message: p.message });
        }
        if (direct) {
            const ruled = await timed('rules', () => runRules(direct.model, Mregion.semantics.Rules));
            for (const d of ruled ?? [])
                if (d.code === 'rule-failed')
                    failures.push({ stage: 'rules', kind: 'internal-diagnostic', message: d.message });
        }

        // The model the product uses (cached by the validation above), as the CLI and the server pass it on. A design
        // the product would not simulate must still not make the engine throw anything but a SimulationError; its
        // report is only checked when the product would show it.
        const model = Mregion.semantics.Models.modelFor(main).model;
        const shown = !stats.blocked;
        await timed('simulate', () => {
            for (const [i, name] of scenarioNames(model).slice(0, this.options.maxScenarios).entries()) {
                try {
                    const report = simulate(model, name, { eventBudget: this.options.eventBudget });
                    stats.simulated++;
                    if (shown && !this.validateReport(report)) {
                        const errors = this.validateReport
                            .errors!.slice(0, 3)
                            .map((e) => `${e.instancePath} ${e.message}`)
                            .join('; ');
                        failures.push({
                            stage: 'simulate',
                            kind: 'invalid-report',
                            message: `scenario ${name}: ${errors}`,
                        });
                    }
                    if (shown && i === 0 && this.options.checkDeterminism) {
                        const again = simulate(model, name, { eventBudget: this.options.eventBudget });
                        if (JSON.stringify(again) !== JSON.stringify(report))
                            failures.push({
                                stage: 'simulate',
                                kind: 'nondeterministic',
                                message: `scenario ${name}: two runs with seed ${report.scenario.seed} differ`,
                            });
                    }
                } catch (error) {
                    if (!(error instanceof SimulationError)) throw error;
                    stats.refused[error.kind] = (stats.refused[error.kind] ?? 0) + 1;
                    const unclear =
                        unclearMessage(error.message, fuzzCase.main) ??
                        (error.message.length < 20 ? 'the message is too short to help' : undefined);
                    if (unclear)
                        failures.push({
                            stage: 'simulate',
                            kind: 'unclear-message',
                            message: `scenario ${name} (${error.kind}): ${unclear}: ${error.message}`,
                        });
                }
            }
        });

        await timed('export', () => {
            const designErrors = diagnostics
                .filter((d) => d.severity === 1)
                .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
            exportCdk(model, designErrors);
            const forced = exportCdk(model, designErrors, { force: true });
            stats.exported = forced.files.length > 0;
            failures.push(...exportFailures(forced, fuzzCase.main, this.options.checkTypescript));
        });

        if (fuzzCase.edit)
            stats.spliced =
                (await timed('edit', () =>
                    this.checkEdit(fuzzCase, fuzzCase.edit!, main, folder, documents, failures),
                )) ?? false;
    }

    /**
     * The editor's path for a change (the text document changes, the builder updates the document, re-parsing only
     * the declarations it touched where it can) must end with the diagnostics a fresh validation of the new text
     * gives — the same files validated from scratch in a sibling folder. Returns whether the edit was spliced.
     */
    private async checkEdit(
        fuzzCase: FuzzCase,
        edit: TextChange,
        main: LangiumDocument<Document>,
        folder: string,
        documents: LangiumDocument<Document>[],
        failures: Failure[],
    ): Promise<boolean> {
        const { shared } = this.services;
        const rootBefore = main.parseResult.value;
        const edited = applyChange(fuzzCase.main, edit);
        const texts = shared.workspace.TextDocuments!;
        texts.set(TextDocument.create(main.uri.toString(), 'mregion', 1, edited));
        try {
            await shared.workspace.DocumentBuilder.update([main.uri], []);
        } finally {
            texts.delete(main.uri);
        }

        const factory = shared.workspace.LangiumDocumentFactory;
        const fresh = [...Object.entries(fuzzCase.others), ['main.mregion', edited] as const].map(([name, text]) =>
            factory.fromString<Document>(text, URI.parse(`${folder}-fresh/${name}`)),
        );
        documents.push(...fresh);
        for (const d of fresh) shared.workspace.LangiumDocuments.addDocument(d);
        await shared.workspace.DocumentBuilder.build(fresh, { validation: true });

        // Messages naming a path name the folder; the fresh copy's folder is the case's own plus `-fresh`.
        const freshFolder = `${URI.parse(folder).path}-fresh/`;
        const show = (d: Diagnostic) =>
            `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code} ${String(d.message).replaceAll(freshFolder, `${URI.parse(folder).path}/`)}`;
        const updated = (main.diagnostics ?? []).map(show);
        const expected = (fresh.at(-1)!.diagnostics ?? []).map(show);
        const missing = expected.filter((d) => !updated.includes(d));
        const extra = updated.filter((d) => !expected.includes(d));
        if (missing.length > 0 || extra.length > 0 || updated.length !== expected.length) {
            failures.push({
                stage: 'edit',
                kind: 'stale-after-edit',
                message: `after the edit the document has ${updated.length} diagnostics, a fresh validation ${expected.length}; missing: ${missing.slice(0, 2).join(' | ') || 'none'}; extra: ${extra.slice(0, 2).join(' | ') || 'none'}`,
            });
        }
        // A splice keeps the document's root node; a whole parse makes a new one.
        return main.parseResult.value === rootBefore && edited !== fuzzCase.main;
    }

    /** Removes the case's documents (and what was indexed and cached for them) from the workspace. */
    private async forget(documents: readonly LangiumDocument[]): Promise<void> {
        if (documents.length === 0) return;
        await this.services.shared.workspace.DocumentBuilder.update(
            [],
            documents.map((d) => d.uri),
        );
    }
}

function describeError(error: unknown): string {
    if (!(error instanceof Error)) return `non-Error thrown: ${String(error)}`;
    const frames = (error.stack ?? '')
        .split('\n')
        .slice(1, 6)
        .map((l) => l.trim())
        .join(' | ');
    return `${error.name}: ${error.message}${frames ? ` @ ${frames}` : ''}`;
}

/** Routes console.error/warn/log to `record` until the returned function is called. */
function captureConsole(record: (line: string) => void): () => void {
    const saved = { error: console.error, warn: console.warn, log: console.log };
    const capture =
        (level: string) =>
        (...args: unknown[]) =>
            record(
                `console.${level}: ${args
                    .map((a) => (a instanceof Error ? describeError(a) : String(a)))
                    .join(' ')
                    .slice(0, 500)}`,
            );
    console.error = capture('error');
    console.warn = capture('warn');
    console.log = capture('log');
    return () => Object.assign(console, saved);
}
