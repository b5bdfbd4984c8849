// `mregion check FILE…`: the editor's diagnostics, as compiler-style text, JSON or SARIF 2.1.0. Exit codes
// (docs/cli.md): 0 clean, 1 errors or more warnings than --max-warnings, 2 usage or I/O.
import type { Command } from 'commander';
import { collect, countBySeverity, textLines, writeInParts } from '../diagnostics.js';
import { jsonLines } from '../json-lines.js';
import { toSarif } from '../sarif.js';
import { expandPaths, loadWorkspace, UsageError } from '../workspace.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof FORMATS)[number];

export interface CheckOptions {
    readonly format: CheckFormat;
    /** Exit 1 when there are more warnings than this. */
    readonly maxWarnings?: number;
    readonly version?: string;
}

export async function runCheck(
    inputs: readonly string[],
    options: CheckOptions,
    /** Writes one or more whole lines, given without their final line break. */
    write: (text: string) => void,
    color = false,
    warn: (text: string) => void = () => {},
): Promise<number> {
    const files = await expandPaths(inputs);
    const workspace = await loadWorkspace(files);
    const results = collect(workspace.all);
    const counts = countBySeverity(results);
    const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
    const exitCode = counts.error > 0 || tooManyWarnings ? 1 : 0;
    // Written in parts: a report of tens of thousands of diagnostics is never one string.
    if (options.format === 'json') writeInParts(jsonLines(results), write);
    else if (options.format === 'sarif')
        writeInParts(jsonLines(toSarif(workspace.all, { version: options.version ?? 'dev', exitCode })), write);
    else writeInParts(textLines(results, color), write);
    if (tooManyWarnings)
        warn(
            `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`,
        );
    return exitCode;
}

export function parseMaxWarnings(value: string): number {
    if (!/^[0-9]+$/.test(value.trim()))
        throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more), not '${value}'`);
    return Number(value.trim());
}

export function registerCheck(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('check')
        .description('check .mregion files (and the files they import) and print the diagnostics')
        .argument('<files...>', '.mregion files or folders to check')
        .option('-f, --format <format>', 'output format: text, json or sarif (SARIF 2.1.0)', 'text')
        .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings')
        .addHelpText(
            'after',
            '\nExit codes: 0 no errors (and no more warnings than --max-warnings), 1 errors or too many warnings, 2 usage or I/O error.\nRule severities come from the nearest .mregion.json ({ "rules": { "<code>": "error|warning|info|hint|off" } }).',
        )
        .action((inputs: string[], opts: { format: string; maxWarnings?: string }) =>
            run(async () => {
                if (!(FORMATS as readonly string[]).includes(opts.format))
                    throw new UsageError(`unknown format '${opts.format}': use ${FORMATS.join(', ')}`);
                const maxWarnings = opts.maxWarnings !== undefined ? parseMaxWarnings(opts.maxWarnings) : undefined;
                return runCheck(
                    inputs,
                    { format: opts.format as CheckFormat, maxWarnings, version: program.version() },
                    (t) => process.stdout.write(`${t}\n`),
                    useColor(),
                    (t) => process.stderr.write(`mregion: ${t}\n`),
                );
            }),
        );
}

function useColor(): boolean {
    return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
