// `mregion drift design.mregion --against <template|cdk.out|terraform.json>`: where the design and what is deployed part ways,
// as diagnostics at the design's clauses, in the formats of `mregion check`. Exit 1 on drift.
import type { Command } from 'commander';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findDrift } from '../../import/drift.js';
import { importStacks } from '../../import/index.js';
import { brokenDesignSummary } from '../../language/validation/broken-design.js';
import { readDeployedInput } from '../deployed-files.js';
import { collect, formatText } from '../diagnostics.js';
import { toSarif } from '../sarif.js';
import { displayPath, expandPaths, loadWorkspace, UsageError } from '../workspace.js';
import { FORMATS, type CheckFormat } from './check.js';

export interface DriftOptions {
    readonly against: string;
    readonly format: CheckFormat;
    readonly region?: string;
    readonly version?: string;
}

const DRIFT_SEVERITY = 2; // warning: the design or the deployment may be the one to change

export async function runDrift(design: string, options: DriftOptions, write: (text: string) => void): Promise<number> {
    const files = await expandPaths([design]);
    if (files.length !== 1)
        throw new UsageError(`drift compares one design, and '${design}' names ${files.length} .mregion files`);
    const workspace = await loadWorkspace(files);
    const [document] = workspace.requested;
    if (!document) throw new UsageError(`'${design}' holds no design to read`);
    const broken = brokenDesignSummary(document);
    if (broken) throw new UsageError(`'${displayPath(document.uri)}' has ${broken}; run mregion check`);
    const deployed = importStacks(readDeployedInput(options.against, options.region));
    const findings = findDrift(workspace.modelOf(document).model, deployed);
    // The drift, not the design's own diagnostics, is what this command reports.
    document.diagnostics = findings.map((f): Diagnostic => ({
        range: f.range,
        message: f.message,
        code: f.code,
        severity: DRIFT_SEVERITY,
        source: 'mregion drift',
    }));
    const exitCode = findings.length > 0 ? 1 : 0;
    if (options.format === 'json') write(JSON.stringify(collect([document]), null, 2));
    else if (options.format === 'sarif')
        write(JSON.stringify(toSarif([document], { version: options.version ?? 'dev', exitCode }), null, 2));
    else write(formatText(collect([document]), false).replace(/1 file checked: no problems$/, 'no drift'));
    return exitCode;
}

export function registerDrift(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('drift')
        .description('compare a design with a synthesized CloudFormation template, a cdk.out folder or Terraform JSON')
        .argument('<design>', 'the .mregion design')
        .requiredOption(
            '--against <path>',
            'a CloudFormation template (JSON), a cdk.out folder, or `terraform show -json` output of a plan or state',
        )
        .option('-f, --format <format>', 'output format: text, json or sarif (SARIF 2.1.0)', 'text')
        .option('--region <region>', 'the region a lone template is deployed to')
        .addHelpText(
            'after',
            "\nExit codes: 0 no drift, 1 drift (each difference is printed at the design's clause), 2 unreadable input, a design with syntax errors, or bad usage.",
        )
        .action((design: string, opts: { against: string; format: string; region?: string }) =>
            run(async () => {
                if (!(FORMATS as readonly string[]).includes(opts.format))
                    throw new UsageError(`unknown format '${opts.format}': use ${FORMATS.join(', ')}`);
                return runDrift(
                    design,
                    {
                        against: opts.against,
                        format: opts.format as CheckFormat,
                        ...(opts.region !== undefined ? { region: opts.region } : {}),
                        version: program.version(),
                    },
                    (t) => process.stdout.write(`${t}\n`),
                );
            }),
        );
}
