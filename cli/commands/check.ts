// `mregion check FILE…`: the editor's diagnostics, printed like a compiler's. Exit 0 clean, 1 errors, 2 usage.
import type { Command } from 'commander';
import { collect, countBySeverity, formatText } from '../diagnostics.js';
import { expandPaths, loadWorkspace, UsageError } from '../workspace.js';

export interface CheckOptions {
    readonly format: 'text' | 'json';
}

export async function runCheck(inputs: readonly string[], options: CheckOptions, write: (text: string) => void, color = false): Promise<number> {
    const files = expandPaths(inputs);
    const workspace = await loadWorkspace(files);
    const results = collect(workspace.all);
    if (options.format === 'json') write(JSON.stringify(results, null, 2));
    else write(formatText(results, color));
    return countBySeverity(results).error > 0 ? 1 : 0;
}

export function registerCheck(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('check')
        .description('check .mregion files (and the files they import) and print the diagnostics')
        .argument('<files...>', '.mregion files or folders to check')
        .option('-f, --format <format>', 'output format: text or json', 'text')
        .action((inputs: string[], opts: { format: string }) => run(async () => {
            if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`unknown format '${opts.format}': use text or json`);
            return runCheck(inputs, { format: opts.format }, (t) => process.stdout.write(`${t}\n`), useColor());
        }));
}

function useColor(): boolean {
    return process.stdout.isTTY === true && !process.env.NO_COLOR;
}
