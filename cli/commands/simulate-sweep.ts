// `mregion simulate FILE --seeds N`: each scenario run with N seeds on worker threads (one per core), printed as
// the spread of each per-run metric with the worst seed, and the expectations judged across the runs. The
// reports are ordered by seed, so the same seeds print the same bytes in every format.
import { Presets, SingleBar } from 'cli-progress';
import type { Model } from '../../language/semantics/model.js';
import { formatSweepMarkdown } from '../../simulation/format/sweep-markdown.js';
import { formatSweepText } from '../../simulation/format/sweep-text.js';
import type { SweepReport } from '../../simulation/sweep-report.js';
import { sweepScenario } from '../../simulation/sweep-runner.js';
import type { SimulateFormat, SimulateOutput } from './simulate.js';

export interface SweepCliOptions {
    readonly seeds: number;
    readonly seed?: number;
    readonly eventBudget?: number;
    readonly format: SimulateFormat;
}

/** Runs the sweeps (SimulationError propagates: the caller turns it into exit 2) and prints them. */
export async function runSweeps(
    model: Model,
    names: readonly string[],
    options: SweepCliOptions,
    output: SimulateOutput,
    workerFile: string | undefined,
    notes: readonly string[],
): Promise<SweepReport[]> {
    const reports: SweepReport[] = [];
    for (const name of names) {
        const bar =
            output.interactive && options.format === 'text' && workerFile
                ? new SingleBar(
                      {
                          stream: process.stderr,
                          format: `${name} [{bar}] {value} of {total} seeds`,
                          hideCursor: true,
                          clearOnComplete: true,
                      },
                      Presets.shades_classic,
                  )
                : undefined;
        bar?.start(options.seeds, 0);
        try {
            reports.push(
                await sweepScenario(model, name, {
                    count: options.seeds,
                    seed: options.seed,
                    eventBudget: options.eventBudget,
                    workerFile,
                    notes,
                    onProgress: (done) => bar?.update(done),
                }),
            );
        } finally {
            bar?.stop();
        }
    }
    if (options.format === 'json') output.out(JSON.stringify(reports, null, 2));
    else if (options.format === 'markdown') output.out(reports.map(formatSweepMarkdown).join('\n---\n\n'));
    else output.out(reports.map((r) => formatSweepText(r, { color: output.color })).join('\n\n'));
    return reports;
}
