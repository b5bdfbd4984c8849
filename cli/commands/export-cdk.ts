// `mregion export-cdk FILE --out DIR [--account ID] [--force] [--overwrite]`: writes a CDK v2 TypeScript app for the
// design. `--force` exports despite errors in the design; `--overwrite` replaces an earlier export in DIR, recognized
// by its manifest (.mregion-export.json), and nothing else. Exit 0 written; 1 not exported (errors in the design,
// or nothing maps to AWS); 2 usage, an output folder that holds anything but an earlier export (or one without
// --overwrite), an unsafe folder, or two model names that give one AWS name (no --force can make that app deploy).
import type { Command } from 'commander';
import { exportCdk, isAccountId } from '../../export/cdk/index.js';
import { inspectExportFolder, manifestName, replaceExport } from '../../export/cdk/previous-export.js';
import { ExportWriteError } from '../../export/cdk/writer.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { collect } from '../diagnostics.js';
import { expandPaths, loadWorkspace, UsageError } from '../workspace.js';

export const EXIT_WRITTEN = 0;
export const EXIT_NOT_EXPORTED = 1;
export const EXIT_FOLDER = 2;

export interface ExportCdkOptions {
    readonly out: string;
    readonly account?: string;
    /** Export despite errors in the design (and parts AWS cannot express, which are listed). */
    readonly force: boolean;
    /** Replace an earlier export in the folder (recognized by its manifest); anything else non-empty is refused. */
    readonly overwrite?: boolean;
}

export interface ExportCdkOutput {
    out(text: string): void;
    err(text: string): void;
}

export async function runExportCdk(input: string, options: ExportCdkOptions, output: ExportCdkOutput): Promise<number> {
    const files = await expandPaths([input]);
    if (files.length !== 1) throw new UsageError(`export-cdk takes one .mregion file; '${input}' has ${files.length}`);
    if (options.account !== undefined && !isAccountId(options.account)) {
        throw new UsageError(`--account '${options.account}' is not a 12-digit AWS account id`);
    }
    const workspace = await loadWorkspace(files);
    const [document] = workspace.requested;
    if (!document) throw new UsageError(`'${input}' holds no design to read`);
    const { model } = workspace.modelOf(document);
    // Errors anywhere in the import closure make the model incomplete.
    const diagnostics = (severity: 'error' | 'warning') =>
        collect(workspace.all).flatMap((f) =>
            f.diagnostics
                .filter((d) => d.severity === severity)
                .map(
                    (d) => `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`,
                ),
        );
    const designErrors = diagnostics('error');
    // The README names files by their base name only, never a local path.
    const designWarnings = diagnostics('warning').map((w) => w.replace(/^[^:]*[\\/]/, ''));

    const result = exportCdk(model, designErrors, { account: options.account, force: options.force, designWarnings });
    if (result.nameCollisions !== undefined && result.nameCollisions.length > 0) {
        output.err('Not exported: two names in the design give one AWS name, so the app could not deploy:');
        for (const e of result.nameCollisions) output.err(`  ${e}`);
        return EXIT_FOLDER;
    }
    if (result.errors.length > 0) {
        output.err(
            `Not exported: ${designErrors.length > 0 ? 'the design has errors' : 'the design asks for what AWS cannot express'} (--force exports anyway and lists what it skips):`,
        );
        for (const e of result.errors) output.err(`  ${e}`);
        return EXIT_NOT_EXPORTED;
    }
    if (result.files.length === 0) {
        output.err('Nothing exported:');
        for (const n of result.notGenerated) output.err(`  ${n.name}: ${n.reason}`);
        return EXIT_NOT_EXPORTED;
    }

    // The folder is checked before writing: empty, or an earlier export the user asked to replace.
    const folder = inspectExportFolder(options.out);
    if (folder.kind === 'refused') {
        output.err(
            `mregion: cannot export into ${options.out}: ${folder.reason}; choose an empty folder, or the folder of an earlier export with --overwrite`,
        );
        return EXIT_FOLDER;
    }
    const previous = folder.kind === 'previous' ? folder.manifest : undefined;
    if (previous !== undefined && !options.overwrite) {
        output.err(
            `mregion: ${options.out} holds an earlier export of ${previous.source} (${previous.files.length} files listed in its ${manifestName}); pass --overwrite to replace it`,
        );
        return EXIT_FOLDER;
    }
    try {
        replaceExport(options.out, document.uri.toString(), result.files, previous);
    } catch (error) {
        if (error instanceof ExportWriteError) {
            output.err(`mregion: ${error.message}`);
            return EXIT_FOLDER;
        }
        throw error;
    }

    output.out(
        `${previous ? `Replaced the earlier export (${previous.files.length} files) with` : 'Wrote'} ${result.files.length} files to ${options.out}:`,
    );
    for (const f of result.files) output.out(`  ${f.path}`);
    if (result.notGenerated.length > 0) {
        output.out('Not generated:');
        for (const n of result.notGenerated) output.out(`  ${n.name}: ${n.reason}`);
    }
    if (designErrors.length > 0)
        output.err(
            `Exported despite ${designErrors.length} error${designErrors.length === 1 ? '' : 's'} in the design (--force).`,
        );
    output.out(
        `Next: cd ${options.out} && npm install && npx cdk synth --no-lookups --no-notices (README.md lists the context values to set before deploying)`,
    );
    return EXIT_WRITTEN;
}

export function registerExportCdk(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('export-cdk')
        .description(
            'write an AWS CDK v2 TypeScript app (one stack per region plus a global stack) for a .mregion design',
        )
        .argument('<file>', 'the .mregion file to export (its imports are included)')
        .requiredOption('-o, --out <dir>', 'folder to write the app into: empty, or an earlier export with --overwrite')
        .option(
            '--account <id>',
            '12-digit AWS account id for every stack (default: a documented placeholder in cdk.json)',
        )
        .option('--force', 'export despite errors in the design (what cannot be generated is listed)', false)
        .option(
            '--overwrite',
            `replace an earlier export in the folder (recognized by its ${manifestName}); anything else in it is refused`,
            false,
        )
        // One line per call, quoting file names, folders and messages: control characters are shown, not run.
        .action((file: string, opts: { out: string; account?: string; force: boolean; overwrite: boolean }) =>
            run(() =>
                runExportCdk(file, opts, {
                    out: (t) => process.stdout.write(`${visibleControls(t)}\n`),
                    err: (t) => process.stderr.write(`${visibleControls(t)}\n`),
                }),
            ),
        );
}
