// `mregion import <template|cdk.out|terraform.json> [--out design.mregion]`: a first design from what is deployed. The
// importer (import/) writes the text; here it is formatted by the editor's formatter and checked for syntax and
// linking errors before anyone sees it, then printed or written to a new file.
import type { Command } from 'commander';
import { importStacks, renderDesign } from '../../import/index.js';
import { importSummary } from '../../import/summary.js';
import { formatCheckedDesign } from '../../language/lsp/checked-format.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { RegularFileSystem } from '../../language/workspace/file-system.js';
import { readDeployedInput } from '../deployed-files.js';
import { createDesign } from '../write-design.js';

export interface ImportOptions {
    readonly out?: string;
    readonly region?: string;
}

export interface ImportOutput {
    out(text: string): void;
    err(text: string): void;
}

export async function runImport(input: string, options: ImportOptions, output: ImportOutput): Promise<number> {
    const stacks = readDeployedInput(input, options.region);
    const design = importStacks(stacks);
    const services = createMregionServices(RegularFileSystem).Mregion;
    const text = await formatCheckedDesign(services, renderDesign(design, input), options.out ?? 'imported.mregion');
    if (options.out !== undefined) createDesign(options.out, text, options.out);
    else output.out(text);
    output.err(importSummary(design, stacks, options.out).join('\n'));
    return 0;
}

export function registerImport(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('import')
        .description(
            'write a first design from a synthesized CloudFormation template, a cdk.out folder or Terraform JSON',
        )
        .argument(
            '<path>',
            'a CloudFormation template (JSON), a cdk.out folder, or `terraform show -json` output of a plan or state',
        )
        .option('-o, --out <file>', 'write the design to this new file instead of printing it')
        .option(
            '--region <region>',
            'the region a lone template is deployed to (cdk.out says it per stack; for Terraform, the region of resources no attribute, ARN or provider names)',
        )
        .addHelpText('after', '\nExit codes: 0 imported, 2 unreadable or unrecognized input, or bad usage.')
        .action((input: string, opts: { out?: string; region?: string }) =>
            run(() =>
                runImport(
                    input,
                    {
                        ...(opts.out !== undefined ? { out: opts.out } : {}),
                        ...(opts.region !== undefined ? { region: opts.region } : {}),
                    },
                    {
                        out: (t) => process.stdout.write(t),
                        err: (t) => {
                            for (const line of t.split('\n')) process.stderr.write(`${visibleControls(line)}\n`);
                        },
                    },
                ),
            ),
        );
}
