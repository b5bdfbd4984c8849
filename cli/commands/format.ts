// `mregion format [--check] FILE…`: the editor's formatter on files. Rewrites them in place, or with --check
// lists the files that would change and exits 1. A file with syntax errors is never touched: its errors are
// printed and the exit code is 2.
import type { Command } from 'commander';
import { URI, type FileSystemProvider } from 'langium';
import { applyGapEdits, MregionFormatter } from '../../language/lsp/formatter.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { RegularFileSystem } from '../../language/workspace/file-system.js';
import { writeDesign } from '../write-design.js';
import { displayPath, expandPaths, readingFile } from '../workspace.js';

export interface FormatOptions {
    readonly check: boolean;
}

export interface FormatOutput {
    out(text: string): void;
    err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_WOULD_CHANGE = 1;
export const EXIT_SYNTAX_ERRORS = 2;

/** `fileSystem` reads the designs, as for `mregion check`; tests pass one that changes a file once it is read. */
export async function runFormat(
    inputs: readonly string[],
    options: FormatOptions,
    output: FormatOutput,
    fileSystem: { fileSystemProvider: () => FileSystemProvider } = RegularFileSystem,
): Promise<number> {
    const files = await expandPaths(inputs);
    const services = createMregionServices(fileSystem).Mregion;
    const formatter = services.lsp.Formatter;
    if (!(formatter instanceof MregionFormatter)) throw new Error('the mregion formatter is not registered');
    const changed: string[] = [];
    let refused = 0;
    for (const file of files) {
        const uri = URI.file(file);
        const shown = displayPath(uri);
        const text = readingFile(shown, () => services.shared.workspace.FileSystemProvider.readFileSync(uri));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        const edits = formatter.gapEdits(document);
        if (!edits) {
            refused++;
            const diagnostics = await services.validation.DocumentValidator.validateDocument(document, {
                categories: ['built-in'],
            });
            const syntax = diagnostics.filter((d) => d.code === ProblemCodes.SyntaxError);
            output.err(`${shown}: not formatted, it has syntax errors:`);
            for (const d of syntax)
                output.err(
                    `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1} error syntax-error ${d.message}`,
                );
            continue;
        }
        const formatted = applyGapEdits(text, edits);
        if (formatted === text) continue;
        changed.push(shown);
        if (!options.check) writeDesign(file, formatted, shown);
        output.out(shown);
    }
    const summary = options.check
        ? changed.length === 0
            ? `${files.length - refused} file${plural(files.length - refused)} already formatted`
            : `${changed.length} file${plural(changed.length)} would be reformatted (run mregion format)`
        : `${changed.length} file${plural(changed.length)} reformatted, ${files.length - refused - changed.length} already formatted`;
    output.err(
        refused > 0 ? `${summary}; ${refused} file${plural(refused)} with syntax errors left untouched` : summary,
    );
    if (refused > 0) return EXIT_SYNTAX_ERRORS;
    return options.check && changed.length > 0 ? EXIT_WOULD_CHANGE : EXIT_OK;
}

function plural(n: number): string {
    return n === 1 ? '' : 's';
}

export function registerFormat(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('format')
        .description('format .mregion files in place (or only check them with --check)')
        .argument('<files...>', '.mregion files or folders to format')
        .option('--check', 'do not write: list the files that would change and exit 1 if any would')
        .addHelpText(
            'after',
            '\nExit codes: 0 formatted (or already formatted), 1 --check found files to format, 2 syntax errors or bad usage.',
        )
        .action((inputs: string[], opts: { check?: boolean }) =>
            run(() =>
                runFormat(
                    inputs,
                    { check: opts.check === true },
                    {
                        // One line per call, quoting file names and messages: control characters are shown, not run.
                        out: (t) => process.stdout.write(`${visibleControls(t)}\n`),
                        err: (t) => process.stderr.write(`${visibleControls(t)}\n`),
                    },
                ),
            ),
        );
}
