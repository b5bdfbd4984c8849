// `mregion import <template|cdk.out|terraform.json> [--out design.mregion]`: a first design from what is deployed. The
// importer (import/) writes the text; here it is formatted by the editor's formatter and checked for syntax and
// linking errors before anyone sees it, then printed or written to a new file.
import type { Command } from 'commander';
import { URI } from 'langium';
import { importStacks, renderDesign } from '../../import/index.js';
import type { ImportedDesign } from '../../import/design.js';
import type { DeployedStack } from '../../import/template.js';
import { applyGapEdits, MregionFormatter } from '../../language/lsp/formatter.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { visibleControls } from '../../language/semantics/escape.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { RegularFileSystem } from '../../language/workspace/file-system.js';
import { readDeployedInput } from '../deployed-files.js';
import { createDesign } from '../write-design.js';

/** What makes a design unusable as written: it does not parse, a name does not resolve, or one is declared twice. */
const BROKEN: ReadonlySet<string> = new Set([ProblemCodes.SyntaxError, ProblemCodes.UnresolvedReference, ProblemCodes.DuplicateName, ProblemCodes.DuplicateClause]);

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
    const text = await formatChecked(renderDesign(design, input), options.out ?? 'imported.mregion');
    if (options.out !== undefined) createDesign(options.out, text, options.out);
    else output.out(text);
    output.err(summary(design, stacks, options.out));
    return 0;
}

/** The design as the formatter writes it; an importer bug that yields invalid text fails here, not in the user's editor. */
async function formatChecked(text: string, name: string): Promise<string> {
    const services = createMregionServices(RegularFileSystem).Mregion;
    const formatter = services.lsp.Formatter;
    if (!(formatter instanceof MregionFormatter)) throw new Error('the mregion formatter is not registered');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/${name}`));
    const diagnostics = await services.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'] });
    const broken = diagnostics.filter((d) => BROKEN.has(String(d.code)));
    const edits = formatter.gapEdits(document);
    if (broken.length > 0 || !edits) {
        throw new Error(`the imported design does not parse (a bug in mregion import): ${broken.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).slice(0, 5).join('; ')}`);
    }
    return applyGapEdits(text, edits);
}

function summary(design: ImportedDesign, stacks: readonly DeployedStack[], out: string | undefined): string {
    const read = stacks.some((s) => s.kind === 'terraform') ? 'Terraform JSON' : `${stacks.length} stack${stacks.length === 1 ? '' : 's'}`;
    const count = (kind: string) => design.declarations.filter((d) => d.kind === kind).length;
    const todos = design.declarations.reduce((n, d) => n + d.todos.length, 0);
    const lines = [
        `imported ${read}: ${design.regions.length} regions, ${count('store')} stores, ${count('service')} services, ${count('failover')} failovers; ${todos} TODO clauses to fill in${out !== undefined ? ` (written to ${out})` : ''}`,
    ];
    if (design.notImported.length > 0) lines.push(`not imported: ${design.notImported.map((n) => `${n.type} ×${n.origins.length}`).join(', ')}`);
    for (const warning of design.warnings) lines.push(`warning: ${warning}`);
    return lines.join('\n');
}

export function registerImport(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
    program
        .command('import')
        .description('write a first design from a synthesized CloudFormation template, a cdk.out folder or Terraform JSON')
        .argument('<path>', 'a CloudFormation template (JSON), a cdk.out folder, or `terraform show -json` output of a plan or state')
        .option('-o, --out <file>', 'write the design to this new file instead of printing it')
        .option('--region <region>', 'the region a lone template is deployed to (cdk.out says it per stack; for Terraform, the region of resources no attribute, ARN or provider names)')
        .addHelpText('after', '\nExit codes: 0 imported, 2 unreadable or unrecognized input, or bad usage.')
        .action((input: string, opts: { out?: string; region?: string }) => run(() => runImport(input, {
            ...(opts.out !== undefined ? { out: opts.out } : {}),
            ...(opts.region !== undefined ? { region: opts.region } : {}),
        }, {
            out: (t) => process.stdout.write(t),
            err: (t) => { for (const line of t.split("\n")) process.stderr.write(`${visibleControls(line)}\n`); },
        })));
}
