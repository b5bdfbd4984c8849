// The large fuzz run behind `node scripts/fuzz.mjs`: N cases (default 100,000) through the whole pipeline in
// worker threads, each case generated from its own seed (derived from the run's seed and its index, so any case
// replays alone), a time bound per case, a watchdog that ends a worker stuck in one case (a hang is a failure,
// not a stuck run), failures grouped by signature and shrunk by fast-check to a minimal counterexample, and a
// Markdown report. Usage: see bench/robustness/README.md.
import '../../../language/polyfill/object-group-by.cjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { fuzzCase, type FuzzCase } from './cases.js';
import { signatureOf, STAGES, type Failure } from './checks.js';
import { knownIssueOf, KNOWN_ISSUES } from './known-issues.js';
import { DEFAULT_OPTIONS, FuzzPipeline, type PipelineOptions, type StageTimes } from './pipeline.js';
import { caseSeed, commitOf, fence, loadExamples, ms, optionReader, percentile } from './run-support.js';

interface RunOptions {
    readonly cases: number;
    readonly seed: number;
    readonly workers: number;
    readonly hangMs: number;
    readonly out?: string;
    readonly replay?: number;
    readonly pipeline: PipelineOptions;
}

const ROOT = process.env.MREGION_ROOT ?? process.cwd();

function caseOf(arbitrary: fc.Arbitrary<FuzzCase>, seed: number): FuzzCase {
    return fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
}

// ------------------------------------------------------------------------------------------------ worker side

interface CaseSummary {
    readonly index: number;
    readonly seed: number;
    readonly origin: string;
    readonly times: StageTimes;
    readonly totalMs: number;
    readonly failures: readonly (Failure & { readonly signature: string; readonly known?: string })[];
    readonly blocked: boolean;
    readonly simulated: number;
    readonly refused: Readonly<Record<string, number>>;
    readonly exported: boolean;
    readonly spliced: boolean;
}

interface Shrunk {
    readonly signature: string;
    readonly counterexample?: FuzzCase;
    readonly message?: string;
    readonly steps?: number;
    readonly note?: string;
    /** The failure happened again when the case was replayed on its own (false: it depended on the machine's load). */
    readonly reproduced: boolean;
}

type ToWorker =
    { type: 'cases'; indices: number[] } | { type: 'shrink'; signature: string; seed: number } | { type: 'stop' };
type FromWorker =
    | { type: 'ready' }
    | { type: 'start'; index: number }
    | { type: 'done'; summary: CaseSummary; heapMB: number }
    | { type: 'shrunk'; result: Shrunk };

async function workerMain(): Promise<void> {
    const { runSeed, pipeline: options } = workerData as { runSeed: number; pipeline: PipelineOptions };
    const arbitrary = fuzzCase(loadExamples(ROOT));
    const pipeline = new FuzzPipeline(options);
    const post = (m: FromWorker) => parentPort!.postMessage(m);
    // A promise nobody awaited that fails during a case is that case's failure.
    let unhandled: Failure[] = [];
    process.on('unhandledRejection', (reason) =>
        unhandled.push({ stage: 'build', kind: 'exception', message: `unhandled rejection: ${String(reason)}` }),
    );

    parentPort!.on('message', async (message: ToWorker) => {
        if (message.type === 'stop') process.exit(0);
        if (message.type === 'shrink') {
            post({ type: 'shrunk', result: await shrink(pipeline, arbitrary, message.signature, message.seed) });
            return;
        }
        for (const index of message.indices) {
            const seed = caseSeed(runSeed, index);
            const c = caseOf(arbitrary, seed);
            post({ type: 'start', index });
            unhandled = [];
            const outcome = await pipeline.run(c);
            const failures = [...outcome.failures, ...unhandled].map((f) => ({
                ...f,
                signature: signatureOf(f),
                known: knownIssueOf(f)?.id,
            }));
            post({
                type: 'done',
                heapMB: process.memoryUsage().heapUsed / 1e6,
                summary: {
                    index,
                    seed,
                    origin: c.origin.slice(0, 300),
                    times: outcome.times,
                    totalMs: outcome.totalMs,
                    failures,
                    blocked: outcome.blocked,
                    simulated: outcome.simulated,
                    refused: outcome.refused,
                    exported: outcome.exported,
                    spliced: outcome.spliced,
                },
            });
        }
        post({ type: 'ready' });
    });
    post({ type: 'ready' });
}

/** fast-check replays the case from its seed and shrinks it while the same failure (by signature) persists. */
async function shrink(
    pipeline: FuzzPipeline,
    arbitrary: fc.Arbitrary<FuzzCase>,
    signature: string,
    seed: number,
): Promise<Shrunk> {
    let steps = 0;
    let message: string | undefined;
    const result = await fc.check(
        fc.asyncProperty(arbitrary, async (c) => {
            const outcome = await pipeline.run(c);
            const match = outcome.failures.find((f) => signatureOf(f) === signature);
            if (match) {
                steps++;
                message = match.message;
            }
            return match === undefined;
        }),
        { seed, numRuns: 1, interruptAfterTimeLimit: 180_000, markInterruptAsFailure: false },
    );
    if (!result.failed || result.counterexample === null) {
        const again = await pipeline.run(caseOf(arbitrary, seed));
        return {
            signature,
            reproduced: false,
            note: `the failure did not happen again when the case was replayed alone (${Math.round(again.totalMs)} ms; it depended on the load of the shared machine)`,
        };
    }
    return {
        signature,
        reproduced: true,
        counterexample: result.counterexample[0],
        message,
        steps: steps - 1,
        note: result.interrupted ? 'shrinking stopped after 3 minutes' : undefined,
    };
}

// ------------------------------------------------------------------------------------------------ main side

interface Aggregate {
    cases: number;
    blocked: number;
    simulated: number;
    exported: number;
    spliced: number;
    refused: Record<string, number>;
    overBound: number;
    totals: number[];
    stageTimes: Record<string, number[]>;
    slowest: { ms: number; index: number; seed: number; origin: string }[];
    bySignature: Map<string, { count: number; first: CaseSummary; failure: Failure & { known?: string } }>;
    heapMB: number[];
}

function parseArgs(argv: readonly string[]): RunOptions {
    const { value, number } = optionReader(argv);
    return {
        cases: number('--cases', 100_000),
        seed: number('--seed', 20_261_129),
        workers: Math.max(1, number('--workers', 1)),
        hangMs: number('--hang', 60_000),
        out: value('--out'),
        replay: value('--replay') === undefined ? undefined : number('--replay', 0),
        pipeline: {
            ...DEFAULT_OPTIONS,
            caseBoundMs: number('--bound', DEFAULT_OPTIONS.caseBoundMs),
            eventBudget: number('--budget', DEFAULT_OPTIONS.eventBudget),
        },
    };
}

async function replay(options: RunOptions): Promise<void> {
    const c = caseOf(fuzzCase(loadExamples(ROOT)), options.replay!);
    const outcome = await new FuzzPipeline(options.pipeline).run(c);
    process.stdout.write(
        `${c.origin}\n\n${c.main}\n${Object.entries(c.others)
            .map(([n, t]) => `--- ${n}\n${t}`)
            .join('\n')}\n`,
    );
    process.stdout.write(
        `${JSON.stringify({ ...outcome, failures: outcome.failures.map((f) => ({ ...f, known: knownIssueOf(f)?.id })) }, null, 2)}\n`,
    );
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    if (options.replay !== undefined) return replay(options);
    const started = Date.now();
    // Taken now: others may commit while a long run goes on, and the cases come from what is checked out at the start.
    const commit = commitOf(ROOT);
    const aggregate: Aggregate = {
        cases: 0,
        blocked: 0,
        simulated: 0,
        exported: 0,
        spliced: 0,
        refused: {},
        overBound: 0,
        totals: [],
        stageTimes: Object.fromEntries(STAGES.map((s) => [s, []])),
        slowest: [],
        bySignature: new Map(),
        heapMB: [],
    };
    const queue: number[] = Array.from({ length: options.cases }, (_, i) => i);
    const CHUNK = 25;
    let lastReport = Date.now();

    const record = (summary: CaseSummary) => {
        aggregate.cases++;
        if (summary.blocked) aggregate.blocked++;
        aggregate.simulated += summary.simulated;
        if (summary.exported) aggregate.exported++;
        if (summary.spliced) aggregate.spliced++;
        for (const [k, v] of Object.entries(summary.refused)) aggregate.refused[k] = (aggregate.refused[k] ?? 0) + v;
        aggregate.totals.push(summary.totalMs);
        if (summary.totalMs > options.pipeline.caseBoundMs) aggregate.overBound++;
        for (const s of STAGES) aggregate.stageTimes[s]!.push(summary.times[s]);
        aggregate.slowest.push({
            ms: summary.totalMs,
            index: summary.index,
            seed: summary.seed,
            origin: summary.origin,
        });
        if (aggregate.slowest.length > 20)
            aggregate.slowest = aggregate.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
        for (const f of summary.failures) {
            const entry = aggregate.bySignature.get(f.signature);
            if (entry) entry.count++;
            else aggregate.bySignature.set(f.signature, { count: 1, first: summary, failure: f });
        }
        if (Date.now() - lastReport > 30_000) {
            lastReport = Date.now();
            const rate = aggregate.cases / ((Date.now() - started) / 1_000);
            process.stderr.write(
                `fuzz: ${aggregate.cases.toLocaleString('en-US')} / ${options.cases.toLocaleString('en-US')} cases, ${rate.toFixed(1)}/s, ` +
                    `${aggregate.bySignature.size} failure signature(s), worker heap ${Math.round(aggregate.heapMB.at(-1) ?? 0)} MB\n`,
            );
        }
    };

    await new Promise<void>((resolveAll) => {
        let running = 0;
        const start = () => {
            running++;
            const worker = new Worker(__filename, {
                workerData: { runSeed: options.seed, pipeline: options.pipeline },
            });
            let current: number | undefined;
            let pending: number[] = [];
            let watchdog: NodeJS.Timeout | undefined;
            let ended = false;
            const end = (restart: boolean) => {
                if (ended) return;
                ended = true;
                if (watchdog) clearTimeout(watchdog);
                running--;
                if (restart) start();
                else if (running === 0) resolveAll();
            };
            worker.on('message', (m: FromWorker) => {
                if (m.type === 'start') {
                    current = m.index;
                    watchdog = setTimeout(() => {
                        // Stuck in one case: record it, end the worker, carry on with a fresh one.
                        const index = current!;
                        const seed = caseSeed(options.seed, index);
                        const failure: Failure = {
                            stage: 'build',
                            kind: 'too-slow',
                            message: `no answer after ${options.hangMs} ms: the worker was ended (a hang)`,
                        };
                        record({
                            index,
                            seed,
                            origin: '(hung; replay with --replay)',
                            times: Object.fromEntries(STAGES.map((s) => [s, 0])) as StageTimes,
                            totalMs: options.hangMs,
                            failures: [{ ...failure, signature: signatureOf(failure) }],
                            blocked: false,
                            simulated: 0,
                            refused: {},
                            exported: false,
                            spliced: false,
                        });
                        queue.unshift(...pending.filter((i) => i !== index));
                        void worker.terminate();
                        end(true);
                    }, options.hangMs);
                } else if (m.type === 'done') {
                    if (watchdog) clearTimeout(watchdog);
                    pending = pending.filter((i) => i !== m.summary.index);
                    aggregate.heapMB.push(m.heapMB);
                    record(m.summary);
                } else if (m.type === 'ready') {
                    if (queue.length === 0) {
                        worker.postMessage({ type: 'stop' } satisfies ToWorker);
                        end(false);
                        return;
                    }
                    pending = queue.splice(0, CHUNK);
                    worker.postMessage({ type: 'cases', indices: pending } satisfies ToWorker);
                }
            });
            worker.on('error', (error) => {
                const failure: Failure = {
                    stage: 'build',
                    kind: 'exception',
                    message: `worker crashed: ${error.stack ?? error.message}`,
                };
                const index = current ?? -1;
                record({
                    index,
                    seed: caseSeed(options.seed, index),
                    origin: '(worker crashed)',
                    times: Object.fromEntries(STAGES.map((s) => [s, 0])) as StageTimes,
                    totalMs: 0,
                    failures: [{ ...failure, signature: signatureOf(failure) }],
                    blocked: false,
                    simulated: 0,
                    refused: {},
                    exported: false,
                    spliced: false,
                });
                queue.unshift(...pending.filter((i) => i !== index));
                end(true);
            });
        };
        for (let i = 0; i < Math.min(options.workers, options.cases); i++) start();
        if (options.cases === 0) resolveAll();
    });
    const elapsedMs = Date.now() - started;

    const shrunk = await shrinkAll(options, aggregate);
    const report = renderReport(options, aggregate, shrunk, elapsedMs, commit);
    const out = options.out ?? path.join(ROOT, 'bench', 'results', `fuzz-${new Date().toISOString().slice(0, 10)}.md`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, report);
    const fresh = [...aggregate.bySignature.entries()].filter(
        ([signature, e]) => !e.failure.known && shrunk.get(signature)?.reproduced !== false,
    );
    process.stderr.write(
        `fuzz: ${aggregate.cases.toLocaleString('en-US')} cases in ${(elapsedMs / 60_000).toFixed(1)} min; ` +
            `${aggregate.bySignature.size} failure signature(s) (${fresh.length} new and reproducible); report: ${out}\n`,
    );
    process.exitCode = fresh.length > 0 ? 1 : 0;
}

/** Shrinks the first case of each failure signature in a fresh worker (hangs are reported as found). */
async function shrinkAll(options: RunOptions, aggregate: Aggregate): Promise<Map<string, Shrunk>> {
    const results = new Map<string, Shrunk>();
    const targets = [...aggregate.bySignature.entries()]
        .filter(([, e]) => e.first.origin !== '(hung; replay with --replay)' && e.first.origin !== '(worker crashed)')
        .slice(0, 25);
    if (targets.length === 0) return results;
    const worker = new Worker(__filename, { workerData: { runSeed: options.seed, pipeline: options.pipeline } });
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    for (const [signature, entry] of targets) {
        process.stderr.write(`fuzz: shrinking ${signature.slice(0, 100)}\n`);
        const result = await new Promise<Shrunk>((resolve) => {
            worker.once('message', (m: FromWorker) =>
                resolve(m.type === 'shrunk' ? m.result : { signature, reproduced: true, note: 'no answer' }),
            );
            worker.postMessage({ type: 'shrink', signature, seed: entry.first.seed } satisfies ToWorker);
        });
        results.set(signature, result);
    }
    await worker.terminate();
    return results;
}

function renderReport(
    options: RunOptions,
    a: Aggregate,
    shrunk: Map<string, Shrunk>,
    elapsedMs: number,
    commit: string,
): string {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const failures = [...a.bySignature.entries()].sort((x, y) => y[1].count - x[1].count);
    const failingCases = new Set<number>();
    for (const [, e] of failures) failingCases.add(e.first.index);
    const lines: string[] = [
        `# Fuzz run ${new Date().toISOString().slice(0, 10)}`,
        '',
        `Command: \`node scripts/fuzz.mjs --cases ${options.cases} --seed ${options.seed} --workers ${options.workers} --bound ${options.pipeline.caseBoundMs} --budget ${options.pipeline.eventBudget}\``,
        `Machine: ${cpu}, ${os.cpus().length} cores shared with other work, Node ${process.version}, ${os.platform()}.`,
        `Commit: ${commit} at the start. A replay (\`--replay SEED\`) gives the same case only with this commit's generators and examples.`,
        '',
        '## Result',
        '',
        `| measure | value |`,
        `|---|---|`,
        `| cases | ${a.cases.toLocaleString('en-US')} (two in five generated designs, clean and messy; two in five mutated examples; one in five token soup) |`,
        `| total time | ${(elapsedMs / 60_000).toFixed(1)} min (${(a.cases / (elapsedMs / 1_000)).toFixed(1)} cases/s on ${options.workers} worker${options.workers === 1 ? '' : 's'}) |`,
        `| failure signatures | ${failures.length}: ${failures.filter(([sig, e]) => !e.failure.known && shrunk.get(sig)?.reproduced !== false).length} new, ` +
            `${failures.filter(([, e]) => e.failure.known).length} known, ${failures.filter(([sig, e]) => !e.failure.known && shrunk.get(sig)?.reproduced === false).length} not reproducible alone |`,
        `| cases over the ${ms(options.pipeline.caseBoundMs)} bound | ${a.overBound} |`,
        `| time per case | median ${ms(percentile(a.totals, 50))}, p99 ${ms(percentile(a.totals, 99))}, max ${ms(Math.max(0, ...a.totals))} |`,
        `| designs the product would not simulate (errors beyond design rules) | ${a.blocked.toLocaleString('en-US')} |`,
        `| scenarios simulated to a report | ${a.simulated.toLocaleString('en-US')} |`,
        `| scenarios refused with a SimulationError | ${
            Object.entries(a.refused)
                .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
                .join(', ') || 'none'
        } |`,
        `| forced exports that produced an app | ${a.exported.toLocaleString('en-US')} |`,
        `| edits re-parsed declaration by declaration (the rest parsed whole) | ${a.spliced.toLocaleString('en-US')} |`,
        `| worker heap after each case | first ${Math.round(a.heapMB[0] ?? 0)} MB, last ${Math.round(a.heapMB.at(-1) ?? 0)} MB, max ${Math.round(Math.max(0, ...a.heapMB))} MB |`,
        '',
        '## Time per stage',
        '',
        '| stage | median | p99 | max |',
        '|---|---|---|---|',
        ...STAGES.map(
            (s) =>
                `| ${s} | ${ms(percentile(a.stageTimes[s]!, 50))} | ${ms(percentile(a.stageTimes[s]!, 99))} | ${ms(Math.max(0, ...a.stageTimes[s]!))} |`,
        ),
        '',
        'Stages: `parse` (Langium lexer and parser), `build` (linking, scoping and validation: every check and design rule, as the',
        'editor and CLI run them), `model` (the semantic model built again on its own), `rules` (the design rules run again on',
        'their own), `simulate` (every scenario, at most three, under an event budget of',
        `${options.pipeline.eventBudget.toLocaleString('en-US')}; the first twice to compare the reports), \`export\` (CDK export in memory, plain and forced,`,
        "with the TypeScript parsed), `edit` (one change through the editor's incremental path — the document updated, only the",
        'touched declarations re-parsed where possible — and a fresh validation of the changed text to compare with).',
        '',
        '## Slowest cases',
        '',
        ...a.slowest
            .sort((x, y) => y.ms - x.ms)
            .slice(0, 5)
            .map(
                (s) =>
                    `- ${ms(s.ms)}: case ${s.index} (replay: \`node scripts/fuzz.mjs --replay ${s.seed}\`) — ${s.origin.slice(0, 160)}`,
            ),
        '',
        '## Failures',
        '',
    ];
    if (failures.length === 0) lines.push('None.');
    for (const [signature, e] of failures) {
        const s = shrunk.get(signature);
        const known = e.failure.known ? KNOWN_ISSUES.find((k) => k.id === e.failure.known) : undefined;
        lines.push(
            `### ${known ? `Known: ${known.id}` : s?.reproduced === false ? 'Not reproducible alone' : 'NEW'} — ${e.count.toLocaleString('en-US')} case${e.count === 1 ? '' : 's'}`,
            '',
            `Signature: \`${signature.replace(/`/g, "'")}\``,
            '',
            ...(known ? [`${known.summary}.`, ''] : []),
            `First seen: case ${e.first.index}, replay with \`node scripts/fuzz.mjs --replay ${e.first.seed}\` (${e.first.origin.slice(0, 200)}).`,
            '',
            `Message: ${e.failure.message.slice(0, 600)}`,
            '',
        );
        if (s?.counterexample) {
            const c = s.counterexample;
            lines.push(
                `Minimal counterexample (${s.steps ?? 0} shrinking steps${s.note ? `; ${s.note}` : ''}): ${c.origin.slice(0, 300)}`,
                '',
                fence(c.main),
            );
            for (const [name, text] of Object.entries(c.others)) lines.push('', `Imported ${name}:`, '', fence(text));
            if (s.message) lines.push('', `Its failure: ${s.message.slice(0, 600)}`);
            lines.push('');
        } else if (s?.note) lines.push(`Not shrunk: ${s.note}.`, '');
    }
    return lines.join('\n') + '\n';
}

if (isMainThread) {
    main().catch((error: unknown) => {
        process.stderr.write(`fuzz: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 2;
    });
} else {
    void workerMain();
}
