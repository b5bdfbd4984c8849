// `mregion simulate FILE [--scenario NAME] [--seed N] [--seeds N] [--format text|json|markdown] [--event-budget N]`:
// runs a design's scenarios (all of them unless one is named) in a worker thread and prints the reports; with
// --seeds, each scenario runs with N seeds on one worker per core and prints their spread (simulate-sweep.ts).
// Exit 0 every expectation passed; 1 an expectation failed (each failure is also printed on standard error,
// with the measured value, by how much and when); 2 usage: bad options, an unknown scenario (the known ones
// are listed), errors in the design (printed), or a scenario refused by the event budget.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import type { Model } from '../../language/semantics/model.js';
import { blocksSimulation, isRuleCode } from '../../language/validation/rules/catalog.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { formatCount, formatDuration } from '../../format/quantities.js';
import { SimulationError } from '../../simulation/errors.js';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import type { SimulationReport } from '../../simulation/report.js';
import { simulate, type Progress } from '../../simulation/run.js';
import { MAX_SWEEP_SEEDS } from '../../simulation/sweep-seeds.js';
import { runInWorker } from '../../simulation/worker-client.js';
import { collect } from '../diagnostics.js';
import { displayPath, expandPaths, loadWorkspace, UsageError } from '../workspace.js';
import { runSweeps } from './simulate-sweep.js';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type SimulateFormat = 'text' | 'json' | 'markdown';

export interface SimulateOptions {
    readonly scenario?: string;
    readonly seed?: number;
    /** Run each scenario with this many seeds and report their spread. */
    readonly seeds?: number;
    readonly format: SimulateFormat;
    readonly eventBudget?: number;
}

export interface SimulateOutput {
    out(text: string): void;
    err(text: string): void;
    /** Standard error is a terminal (progress bars and colour go there only then). */
    readonly interactive: boolean;
    readonly color: boolean;
}

/** A run shows a progress bar only once it has taken this long (quick runs print nothing extra). */
const PROGRESS_AFTER_MS = 1_000;

export async function runSimulate(input: string, options: SimulateOptions, output: SimulateOutput): Promise<number> {
    const files = await expandPaths([input]);
    if (files.length !== 1) throw new UsageError(`simulate takes one .mregion file; '${input}' has ${files.length}`);
    const workspace = await loadWorkspace(files);
    const [document] = workspace.requested;
    if (!document) throw new UsageError(`'${input}' holds no design to read`);
    // Errors that leave the model incomplete block a run; design-rule findings do not (the simulation shows
    // what they cost): `blocksSimulation`, shared with the language server.
    const found = collect(workspace.all).flatMap((f) =>
        f.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => ({
                code: d.code,
                text: `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code} ${d.message}`,
                line: d.range.start.line + 1,
                file: f.file,
            })),
    );
    const errors = found.filter((e) => blocksSimulation(e.code)).map((e) => e.text);
    const flagged = found
        .filter((e) => isRuleCode(e.code))
        .map((e) => `${e.code} (${e.file === displayPath(document.uri) ? '' : `${e.file} `}line ${e.line})`);
    if (errors.length > 0) {
        output.err(
            `mregion: cannot simulate ${displayPath(document.uri)}: the design has ${errors.length} error${errors.length === 1 ? '' : 's'}`,
        );
        for (const e of errors) output.err(e);
        return EXIT_USAGE;
    }
    const { model } = workspace.modelOf(document);
    const known = [...model.scenarios.keys()];
    if (known.length === 0)
        throw new UsageError(
            `${displayPath(document.uri)} declares no scenario: add one (scenario <name> { workload … duration … })`,
        );
    if (options.scenario !== undefined && !model.scenarios.has(options.scenario)) {
        throw new UsageError(
            `no scenario '${options.scenario}' in ${displayPath(document.uri)}; it declares ${known.map((n) => `'${n}'`).join(', ')}`,
        );
    }
    const names = options.scenario !== undefined ? [options.scenario] : known;

    if (options.seeds !== undefined) {
        try {
            const sweeps = await runSweeps(
                model,
                names,
                { ...options, seeds: options.seeds },
                output,
                workerFile(),
                flagged.length === 0 ? [] : [designRuleNote(flagged)],
            );
            return reportOutcome(
                sweeps.map((r) => ({
                    name: r.scenario.name,
                    passed: r.summary.passed,
                    failures: r.expectations.filter((e) => !e.passed),
                })),
                options,
                output,
            );
        } catch (error) {
            if (error instanceof SimulationError) {
                output.err(`mregion: ${error.message}`);
                return EXIT_USAGE;
            }
            throw error;
        }
    }

    const reports: SimulationReport[] = [];
    for (const name of names) {
        try {
            const report = await runOne(model, name, options, output);
            reports.push(
                flagged.length === 0 ? report : { ...report, notes: [...report.notes, designRuleNote(flagged)] },
            );
        } catch (error) {
            if (error instanceof SimulationError) {
                output.err(`mregion: scenario ${name}: ${error.message}`);
                return EXIT_USAGE;
            }
            throw error;
        }
    }

    if (options.format === 'json') output.out(JSON.stringify(reports, null, 2));
    else if (options.format === 'markdown') output.out(reports.map(formatMarkdown).join('\n---\n\n'));
    else output.out(reports.map((r) => formatText(r, { color: output.color })).join('\n\n'));

    return reportOutcome(
        reports.map((r) => ({
            name: r.scenario.name,
            passed: r.summary.passed,
            failures: r.expectations.filter((e) => !e.passed),
        })),
        options,
        output,
    );
}

/** Failures on standard error too (unless the text report on its own already shows them) and the exit code. */
function reportOutcome(
    results: readonly {
        name: string;
        passed: boolean | null;
        failures: readonly { message: string; line: number }[];
    }[],
    options: SimulateOptions,
    output: SimulateOutput,
): number {
    if (options.format !== 'text' || results.length > 1) {
        for (const r of results)
            for (const f of r.failures) output.err(`mregion: scenario ${r.name}: ${f.message} (line ${f.line})`);
    }
    const passed = results.filter((r) => r.passed !== false).length;
    if (results.length > 1 || options.format !== 'text') {
        output.err(
            `${results.length} scenario${results.length === 1 ? '' : 's'} simulated: ${passed} passed, ${results.length - passed} failed`,
        );
    }
    return results.some((r) => r.failures.length > 0) ? EXIT_FAILED : EXIT_PASSED;
}

async function runOne(
    model: Model,
    scenario: string,
    options: SimulateOptions,
    output: SimulateOutput,
): Promise<SimulationReport> {
    const showProgress = output.interactive && options.format === 'text';
    let bar: SingleBar | undefined;
    let latest: Progress | undefined;
    const startBar = () => {
        bar = new SingleBar(
            {
                stream: process.stderr,
                format: `${scenario} [{bar}] {percentage}% | {simulated} of {span} simulated`,
                hideCursor: true,
                clearOnComplete: true,
            },
            Presets.shades_classic,
        );
        bar.start(100, Math.round((latest?.fraction ?? 0) * 100), {
            simulated: formatDuration(latest?.simulatedMs ?? 0),
            span: formatDuration(model.scenarios.get(scenario)!.durationMs ?? 0),
        });
    };
    const timer = showProgress ? setTimeout(startBar, PROGRESS_AFTER_MS) : undefined;
    const onProgress = (p: Progress) => {
        latest = p;
        bar?.update(Math.round(p.fraction * 100), { simulated: formatDuration(p.simulatedMs) });
    };
    try {
        const worker = workerFile();
        const run = { seed: options.seed, eventBudget: options.eventBudget, onProgress };
        // From the sources (tests, ts runners) there is no bundled worker: run in-process, without a bar.
        return worker ? await runInWorker(worker, model, scenario, run) : simulate(model, scenario, run);
    } finally {
        if (timer) clearTimeout(timer);
        bar?.stop();
    }
}

function designRuleNote(flagged: readonly string[]): string {
    return `simulated despite ${flagged.length} design-rule error${flagged.length === 1 ? '' : 's'} — ${flagged.join(', ')}: the numbers above show what ${flagged.length === 1 ? 'it costs' : 'they cost'}`;
}

/** dist/simulation-worker.cjs beside the bundled CLI, when it exists. */
function workerFile(): string | undefined {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const file = path.join(here, 'simulation-worker.cjs');
    return existsSync(file) ? file : undefined;
}

function parseWhole(value: string, what: string, min: number, max: number): number {
    const n = Number(value.replace(/_/g, ''));
    if (!/^[0-9_]+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
        throw new UsageError(
            `${what} must be a whole number from ${formatCount(min)} to ${formatCount(max)}, got '${value}'`,
        );
    }
    return n;
}

export function registerSimulate(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('simulate')
        .description(
            'simulate the scenarios of a .mregion design (outages, partitions, control-plane impairments) and check their expectations',
        )
        .argument('<file>', 'the .mregion file (its imports are included)')
        .option('-s, --scenario <name>', 'run only this scenario (default: all of them)')
        .option('--seed <n>', "random seed, overriding the scenario's own (with --seeds: the first of the N)")
        .option(
            '--seeds <n>',
            `run each scenario with N seeds (1 to ${formatCount(MAX_SWEEP_SEEDS)}) on one worker per core and report min / p50 / p95 / max and the worst seed`,
        )
        .option('-f, --format <format>', 'output format: text, json or markdown', 'text')
        .option(
            '--event-budget <n>',
            'refuse (or, with a declared resolution, sample) scenarios needing more events than this',
        )
        .action(
            (
                file: string,
                opts: { scenario?: string; seed?: string; seeds?: string; format: string; eventBudget?: string },
            ) =>
                run(async () => {
                    if (opts.format !== 'text' && opts.format !== 'json' && opts.format !== 'markdown') {
                        throw new UsageError(`unknown format '${opts.format}': use text, json or markdown`);
                    }
                    const options: SimulateOptions = {
                        scenario: opts.scenario,
                        format: opts.format,
                        seed: opts.seed === undefined ? undefined : parseWhole(opts.seed, '--seed', 0, 0xffffffff),
                        seeds:
                            opts.seeds === undefined
                                ? undefined
                                : parseWhole(opts.seeds, '--seeds', 1, MAX_SWEEP_SEEDS),
                        eventBudget:
                            opts.eventBudget === undefined
                                ? undefined
                                : parseWhole(opts.eventBudget, '--event-budget', 1, Number.MAX_SAFE_INTEGER),
                    };
                    return runSimulate(file, options, {
                        // The report escapes what it quotes; error lines (one per call) quote file names and messages.
                        out: (t) => process.stdout.write(`${t}\n`),
                        err: (t) => process.stderr.write(`${visibleControls(t)}\n`),
                        interactive: process.stderr.isTTY === true,
                        color: process.stdout.isTTY === true && !process.env.NO_COLOR,
                    });
                }),
        );
}
