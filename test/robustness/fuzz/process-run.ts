// The large fuzz run of the real programs, behind `node scripts/fuzz.mjs --stage workspace|lsp`: cases one after
// another (each starts its own CLI and server processes, so one worker; the processes are the parallelism), each
// generated from its own seed so it replays alone, failures grouped by signature and the first case of each shrunk
// by fast-check, and a Markdown report. Usage: see bench/robustness/README.md.
import '../../../language/polyfill/object-group-by.cjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { signatureOf, type Failure } from './checks.js';
import { knownIssueOf, KNOWN_ISSUES } from './known-issues.js';
import { lspCase, type LspCase } from './lsp-case.js';
import { runLspCase } from './lsp-stage.js';
import { caseSeed, commitOf, fence, loadExamples, ms, optionReader, percentile } from './run-support.js';
import { describeEntry, fileBytes, materialize, workspaceCase, type WorkspaceCase } from './workspace-case.js';
import { DEFAULT_PROCESS_OPTIONS, runWorkspaceCase, type ProcessOptions } from './workspace-stage.js';

type StageName = 'workspace' | 'lsp';

interface RunOptions {
    readonly stage: StageName;
    readonly cases: number;
    readonly seed: number;
    readonly maxBytes: number;
    /** Time fast-check may spend shrinking each failure signature (0: none). */
    readonly shrinkMs: number;
    readonly out?: string;
    readonly replay?: number;
    /** With --replay: write the case into this (new) folder instead of running it. */
    readonly keep?: string;
    readonly process: ProcessOptions;
}

interface Outcome {
    readonly failures: readonly Failure[];
    readonly ms: number;
    /** Counts shown in the report: peak memory per program (MB), answers and exit codes by kind. */
    readonly peakMB?: Readonly<Record<string, number>>;
    readonly tallies: Readonly<Record<string, number>>;
}

interface Stage<C> {
    readonly arbitrary: fc.Arbitrary<C>;
    run(c: C): Promise<Outcome>;
    origin(c: C): string;
    show(c: C): string;
    /** Writes the case's files into a folder, for a person to look at (workspace cases only). */
    write?(c: C, folder: string): void;
}

const ROOT = process.env.MREGION_ROOT ?? process.cwd();

export function workspaceStage(options: ProcessOptions, maxBytes: number): Stage<WorkspaceCase> {
    return {
        arbitrary: workspaceCase(maxBytes),
        async run(c) {
            const o = await runWorkspaceCase(c, options);
            const tallies = Object.fromEntries(
                Object.entries(o.exitCodes).map(([command, code]) => [`${command} exit ${code ?? 'killed'}`, 1]),
            );
            return { failures: o.failures, ms: o.ms, peakMB: o.peakMB, tallies };
        },
        origin: (c) => c.origin,
        write: (c, folder) => materialize(c, folder),
        show: (c) =>
            c.entries
                .map((e) => {
                    if (e.kind !== 'file') return `--- ${describeEntry(e)}`;
                    const bytes = fileBytes(e);
                    return `--- ${describeEntry(e)}\n${bytes.length > 4_000 ? `${e.text}\n(then grown to ${bytes.length.toLocaleString('en-US')} bytes)` : e.text}`;
                })
                .join('\n'),
    };
}

export function lspStage(options: ProcessOptions): Stage<LspCase> {
    return {
        arbitrary: lspCase(loadExamples(ROOT)),
        async run(c) {
            const o = await runLspCase(c, options);
            return {
                failures: o.failures,
                ms: o.ms,
                tallies: Object.fromEntries(
                    Object.entries(o.answers).map(([k, v]) => [
                        k === 'result' ? 'answered with a result' : `answered with error ${k}`,
                        v,
                    ]),
                ),
            };
        },
        origin: (c) => c.origin,
        show: (c) =>
            [
                `--- doc-0.mregion\n${c.texts[0]}`,
                `--- doc-1.mregion\n${c.texts[1]}`,
                '--- operations',
                ...c.ops.map((o) => JSON.stringify(o)),
                `--- then ${c.known.name}`,
            ].join('\n'),
    };
}

function parseArgs(argv: readonly string[]): RunOptions {
    const { value, number } = optionReader(argv);
    const stage = value('--stage');
    if (stage !== 'workspace' && stage !== 'lsp')
        throw new Error(`--stage must be workspace or lsp here, got '${stage}'`);
    return {
        stage,
        cases: number('--cases', stage === 'workspace' ? 60 : 300),
        seed: number('--seed', 20_261_206),
        maxBytes: number('--max-bytes', 4_000_000),
        shrinkMs: number('--shrink-seconds', 30) * 1_000,
        out: value('--out'),
        replay: value('--replay') === undefined ? undefined : number('--replay', 0),
        keep: value('--keep'),
        process: {
            hangMs: number('--hang', DEFAULT_PROCESS_OPTIONS.hangMs),
            memoryMB: number('--memory', DEFAULT_PROCESS_OPTIONS.memoryMB),
        },
    };
}

interface Seen {
    count: number;
    index: number;
    seed: number;
    origin: string;
    failure: Failure & { known?: string };
}

interface Shrunk {
    readonly text?: string;
    readonly message?: string;
    readonly steps: number;
    readonly reproduced: boolean;
    readonly note?: string;
}

/** fast-check replays the case from its seed and shrinks it while the same failure (by signature) persists. */
async function shrink<C>(stage: Stage<C>, signature: string, seed: number, limitMs: number): Promise<Shrunk> {
    let steps = 0;
    let message: string | undefined;
    const result = await fc.check(
        fc.asyncProperty(stage.arbitrary, async (c) => {
            const match = (await stage.run(c)).failures.find((f) => signatureOf(f) === signature);
            if (match) {
                steps++;
                message = match.message;
            }
            return match === undefined;
        }),
        { seed, numRuns: 1, interruptAfterTimeLimit: limitMs, markInterruptAsFailure: false },
    );
    if (!result.failed || result.counterexample === null) {
        // Interrupted before the replay ended (a hang takes the whole bound): not known either way, so counted as found.
        return result.interrupted && steps === 0
            ? {
                  steps: 0,
                  reproduced: true,
                  note: `the ${limitMs / 1_000} s of shrinking ended before the case's replay did`,
              }
            : {
                  steps: 0,
                  reproduced: false,
                  note: 'the failure did not happen again when the case was replayed alone',
              };
    }
    const c = result.counterexample[0];
    return {
        text: `${stage.origin(c)}\n\n${stage.show(c)}`,
        message,
        steps: steps - 1,
        reproduced: true,
        note: result.interrupted ? `shrinking stopped after ${limitMs / 1_000} s` : undefined,
    };
}

async function runStage<C>(options: RunOptions, stage: Stage<C>): Promise<void> {
    if (options.replay !== undefined) {
        const c = fc.sample(stage.arbitrary, { seed: options.replay, numRuns: 1 })[0]!;
        if (options.keep !== undefined && stage.write) {
            mkdirSync(options.keep, { recursive: true });
            stage.write(c, path.resolve(options.keep));
            process.stdout.write(`${stage.origin(c)}\nwritten into ${path.resolve(options.keep)}\n`);
            return;
        }
        const outcome = await stage.run(c);
        process.stdout.write(
            `${stage.origin(c)}\n\n${stage.show(c)}\n\n${JSON.stringify({ ...outcome, failures: outcome.failures.map((f) => ({ ...f, known: knownIssueOf(f)?.id })) }, null, 2)}\n`,
        );
        return;
    }
    const started = Date.now();
    const commit = commitOf(ROOT);
    const times: number[] = [];
    const peaks = new Map<string, number[]>();
    const tallies = new Map<string, number>();
    const bySignature = new Map<string, Seen>();
    let failing = 0;
    let lastReport = Date.now();
    for (let index = 0; index < options.cases; index++) {
        const seed = caseSeed(options.seed, index);
        const c = fc.sample(stage.arbitrary, { seed, numRuns: 1 })[0]!;
        const outcome = await stage.run(c);
        times.push(outcome.ms);
        for (const [program, mb] of Object.entries(outcome.peakMB ?? {}))
            peaks.set(program, [...(peaks.get(program) ?? []), mb]);
        for (const [k, v] of Object.entries(outcome.tallies)) tallies.set(k, (tallies.get(k) ?? 0) + v);
        if (outcome.failures.length > 0) failing++;
        for (const failure of outcome.failures) {
            const signature = signatureOf(failure);
            const seen = bySignature.get(signature);
            if (seen) seen.count++;
            else
                bySignature.set(signature, {
                    count: 1,
                    index,
                    seed,
                    origin: stage.origin(c),
                    failure: { ...failure, known: knownIssueOf(failure)?.id },
                });
        }
        if (Date.now() - lastReport > 30_000) {
            lastReport = Date.now();
            process.stderr.write(
                `fuzz ${options.stage}: ${index + 1} / ${options.cases} cases, ${bySignature.size} failure signature(s)\n`,
            );
        }
    }
    const elapsedMs = Date.now() - started;
    const shrunk = new Map<string, Shrunk>();
    for (const [signature, seen] of [...bySignature.entries()].slice(0, options.shrinkMs > 0 ? 8 : 0)) {
        process.stderr.write(`fuzz ${options.stage}: shrinking ${signature.slice(0, 100)}\n`);
        shrunk.set(signature, await shrink(stage, signature, seen.seed, options.shrinkMs));
    }
    const report = renderReport(options, { elapsedMs, commit, times, peaks, tallies, bySignature, shrunk, failing });
    const out =
        options.out ??
        path.join(ROOT, 'bench', 'results', `fuzz-${new Date().toISOString().slice(0, 10)}-${options.stage}.md`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, report);
    const fresh = [...bySignature.entries()].filter(
        ([signature, s]) => !s.failure.known && shrunk.get(signature)?.reproduced !== false,
    );
    process.stderr.write(
        `fuzz ${options.stage}: ${options.cases} cases in ${(elapsedMs / 60_000).toFixed(1)} min; ${bySignature.size} failure signature(s) (${fresh.length} new and reproducible); report: ${out}\n`,
    );
    process.exitCode = fresh.length > 0 ? 1 : 0;
}

interface Results {
    readonly elapsedMs: number;
    readonly commit: string;
    readonly times: readonly number[];
    readonly peaks: ReadonlyMap<string, readonly number[]>;
    readonly tallies: ReadonlyMap<string, number>;
    readonly bySignature: ReadonlyMap<string, Seen>;
    readonly shrunk: ReadonlyMap<string, Shrunk>;
    readonly failing: number;
}

const DESCRIPTION: Record<StageName, string> = {
    workspace:
        'Each case is a temp folder (`fuzz/workspace-case.ts`): designs from the design arbitraries importing each other (chains, cycles, diamonds, ' +
        'self-imports, missing files, folders, non-.mregion files, absolute paths, `..` escapes, URLs), empty files, symlinks to files and folders, dangling ' +
        'symlinks and symlink cycles, a FIFO, a folder named x.mregion, `.mregion.json` files of random content, kind and size in the workspace and above ' +
        'it, files grown up to the size bound (one long comment line, a block comment, a long string, blank lines, the design repeated), UTF-8 with a BOM, ' +
        'UTF-16 LE/BE with a BOM, invalid UTF-8, NUL bytes, `\\r\\n` and `\\r`. The bundled CLI runs `check` on the folder, `simulate` and `export-cdk` on ' +
        'its main file; the bundled server gets the folder as its workspace, opens the main file (and up to two others), takes an edit past the end of ' +
        'the file and answers a request. A case fails on a crash, an exit code outside {0, 1, 2}, a stack trace on standard error or in a logged error, a ' +
        'program still running at the hang bound, a peak resident memory (VmHWM) over the bound, `check --format json` output that is not JSON, or a ' +
        'diagnostic outside its document or unreadable.',
    lsp:
        'Each case (`fuzz/lsp-case.ts`) starts the bundled server over stdio, opens two generated designs, and sends up to 40 operations without ' +
        'waiting for answers: every request the server offers and the custom mregion ones, at random, out-of-range, negative and fractional positions, ' +
        'on wrong URIs (unopened, other schemes, malformed); incremental edits with ranges past the end; $/cancelRequest for pending and random ids; ' +
        'window/workDoneProgress/cancel with random tokens; didClose and didOpen; params with missing fields or of the wrong type. A case fails when the ' +
        'server exits, a request gets no answer within the hang bound, an answer carries a stack trace, a request with params of the right shape gets ' +
        "an internal error (-32603) or an error whose message is a JavaScript exception, or, once the first document is given an example's text, its diagnostics differ from a fresh validation.",
};

function renderReport(options: RunOptions, r: Results): string {
    const failures = [...r.bySignature.entries()].sort((x, y) => y[1].count - x[1].count);
    const isNew = ([signature, s]: [string, Seen]) => !s.failure.known && r.shrunk.get(signature)?.reproduced !== false;
    const lines = [
        `# Fuzz run ${new Date().toISOString().slice(0, 10)}: ${options.stage === 'workspace' ? 'the workspace layer (CLI and server on generated folders)' : 'the LSP protocol'}`,
        '',
        `Command: \`node scripts/fuzz.mjs --stage ${options.stage} --cases ${options.cases} --seed ${options.seed} --hang ${options.process.hangMs} --memory ${options.process.memoryMB}${options.stage === 'workspace' ? ` --max-bytes ${options.maxBytes}` : ''}\``,
        `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores shared with other work, Node ${process.version}, ${os.platform()}.`,
        `Commit: ${r.commit} at the start.`,
        '',
        DESCRIPTION[options.stage],
        '',
        '| measure | value |',
        '|---|---|',
        `| cases | ${options.cases} (${r.failing} with a failure) |`,
        `| total time | ${(r.elapsedMs / 60_000).toFixed(1)} min |`,
        `| failure signatures | ${failures.length}: ${failures.filter(isNew).length} new, ${failures.filter(([, s]) => s.failure.known).length} known, ${failures.filter(([sig, s]) => !s.failure.known && r.shrunk.get(sig)?.reproduced === false).length} not reproducible alone |`,
        `| time per case | median ${ms(percentile(r.times, 50))}, p99 ${ms(percentile(r.times, 99))}, max ${ms(Math.max(0, ...r.times))} |`,
        ...[...r.peaks.entries()].map(
            ([program, mbs]) =>
                `| peak resident memory, ${program} | median ${Math.round(percentile(mbs, 50))} MB, max ${Math.round(Math.max(...mbs))} MB (bound ${options.process.memoryMB} MB) |`,
        ),
        ...[...r.tallies.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `| ${k} | ${v.toLocaleString('en-US')} |`),
        '',
        '## Failures',
        '',
    ];
    if (failures.length === 0) lines.push('None.', '');
    for (const [signature, s] of failures) {
        const known = s.failure.known ? KNOWN_ISSUES.find((k) => k.id === s.failure.known) : undefined;
        const shrunk = r.shrunk.get(signature);
        lines.push(
            `### ${known ? `Known: ${known.id}` : shrunk?.reproduced === false ? 'Not reproducible alone' : 'NEW'} — ${s.count} case${s.count === 1 ? '' : 's'}`,
            '',
            `Signature: \`${signature.replace(/`/g, "'")}\``,
            '',
            ...(known ? [`${known.summary}.`, ''] : []),
            `First seen: case ${s.index}, replay with \`node scripts/fuzz.mjs --stage ${options.stage} --replay ${s.seed}${options.stage === 'workspace' ? ` --max-bytes ${options.maxBytes}` : ''}\` (${s.origin.slice(0, 300)}).`,
            '',
            `Message: ${s.failure.message.slice(0, 600)}`,
            '',
        );
        if (shrunk?.text)
            lines.push(
                `Minimal counterexample (${shrunk.steps} shrinking steps${shrunk.note ? `; ${shrunk.note}` : ''}):`,
                '',
                fence(shrunk.text, 60),
                '',
                ...(shrunk.message ? [`Its failure: ${shrunk.message.slice(0, 600)}`, ''] : []),
            );
        else if (shrunk?.note) lines.push(`Not shrunk: ${shrunk.note}.`, '');
    }
    return lines.join('\n');
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    if (options.stage === 'workspace') await runStage(options, workspaceStage(options.process, options.maxBytes));
    else await runStage(options, lspStage(options.process));
}

main().catch((error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
});
