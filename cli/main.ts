// `mregion`: the CLI over the same modules as the language server. One file per command in commands/.
import '../language/polyfill/object-group-by.cjs';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerDrift } from './commands/drift.js';
import { registerExportCdk } from './commands/export-cdk.js';
import { registerFormat } from './commands/format.js';
import { registerImport } from './commands/import.js';
import { registerSimulate } from './commands/simulate.js';
import { visibleControls } from '../language/semantics/escape.js';
import { UsageError } from './workspace.js';

const EXIT_USAGE = 2;

// Output piped into a reader that stops early (`mregion check | head`): drop the rest quietly, as Unix tools do,
// and keep the command's own exit code, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
}

async function run(action: () => Promise<number>): Promise<void> {
    try {
        process.exitCode = await action();
    } catch (error) {
        // Messages quote paths the user typed or the file system holds: their control characters are shown, not run.
        if (error instanceof UsageError) {
            process.stderr.write(`mregion: ${visibleControls(error.message)}\n`);
            process.exitCode = EXIT_USAGE;
            return;
        }
        process.stderr.write(`mregion: ${visibleControls(error instanceof Error ? error.message : String(error))}\n`);
        process.exitCode = EXIT_USAGE;
    }
}

const program = new Command()
    .name('mregion')
    .description('Check, simulate and export multi-region architecture designs (.mregion files).')
    .version(typeof MREGION_VERSION === 'string' ? MREGION_VERSION : 'dev')
    .showHelpAfterError()
    .exitOverride();

registerCheck(program, run);
registerDrift(program, run);
registerExportCdk(program, run);
registerFormat(program, run);
registerImport(program, run);
registerSimulate(program, run);

declare const MREGION_VERSION: string | undefined;

program.parseAsync(process.argv).catch((error: unknown) => {
    if (error instanceof CommanderError) {
        const ok =
            error.code === 'commander.helpDisplayed' ||
            error.code === 'commander.version' ||
            error.code === 'commander.help';
        process.exitCode = ok ? 0 : EXIT_USAGE;
        return;
    }
    process.stderr.write(`mregion: ${visibleControls(String(error))}\n`);
    process.exitCode = EXIT_USAGE;
});
