// Answers `mregion/importDeployed` and `mregion/drift` for the editor's "Import from deployed template…" and
// "Compare with deployed template…": the same reading, importing and checking as `mregion import` and
// `mregion drift`. The server reads the input (regular files only, within the cap, as the CLI does) and never
// writes: the client writes the imported design where the user chose and shows the drift in Problems.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumSharedCoreServices } from 'langium';
import { ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { findDrift } from '../import/drift.js';
import { importStacks, renderDesign } from '../import/index.js';
import { DeployedInputError, readDeployed, TEMPLATE_FILE_LIMIT } from '../import/read.js';
import { importSummary } from '../import/summary.js';
import type { DeployedStack } from '../import/template.js';
import { formatCheckedDesign } from '../language/lsp/checked-format.js';
import { brokenDesignSummary } from '../language/validation/broken-design.js';
import { createMregionServices, type MregionServices } from '../language/mregion-module.js';
import { readRegularFile, RegularFileSystem, UnreadableFileError } from '../language/workspace/file-system.js';
import {
    Requests,
    type DriftParams,
    type DriftResult,
    type ImportDeployedParams,
    type ImportDeployedResult,
} from '../protocol/index.js';
import { validatedDocument } from './validated-document.js';

/** JSON-RPC's "invalid params": input the request cannot use, with a message that says why. */
const InvalidParams = -32602;

/** Formatting an imported design uses services of its own: the text is never part of the editor's workspace. */
let formatting: MregionServices | undefined;

export async function handleImportDeployed(params: ImportDeployedParams): Promise<ImportDeployedResult> {
    const stacks = readInput(params.path, params.region);
    const design = importStacks(stacks);
    formatting ??= createMregionServices(RegularFileSystem).Mregion;
    const text = await formatCheckedDesign(
        formatting,
        renderDesign(design, path.basename(params.path)),
        'imported.mregion',
    );
    return {
        text,
        ...(design.topology !== undefined ? { topology: design.topology } : {}),
        summary: importSummary(design, stacks),
    };
}

export async function handleDrift(
    params: DriftParams,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
    token?: CancellationToken,
): Promise<DriftResult> {
    const document = await validatedDocument(shared, params.uri, token);
    const broken = brokenDesignSummary(document);
    if (broken) throw new ResponseError(InvalidParams, `the design has ${broken}; fix the design first`);
    const deployed = importStacks(readInput(params.against, params.region));
    const { model } = mregion.semantics.Models.modelFor(document);
    return { findings: findDrift(model, deployed).map((f) => ({ code: f.code, message: f.message, range: f.range })) };
}

function readInput(input: unknown, region: unknown): DeployedStack[] {
    if (typeof input !== 'string' || !path.isAbsolute(input))
        throw new ResponseError(
            InvalidParams,
            'the deployed input must be an absolute path to a template, a cdk.out folder or Terraform JSON',
        );
    if (region !== undefined && (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)))
        throw new ResponseError(
            InvalidParams,
            `the region must be an AWS region code such as us-east-1, not '${String(region)}'`,
        );
    try {
        return readDeployed(
            input,
            {
                isDirectory: (file) => {
                    try {
                        return statSync(file).isDirectory();
                    } catch {
                        return false; // the read that follows says why
                    }
                },
                readText: (file) => {
                    try {
                        return readRegularFile(file, TEMPLATE_FILE_LIMIT);
                    } catch (error) {
                        if (error instanceof UnreadableFileError)
                            throw new DeployedInputError(`cannot read '${file}': ${error.reason}`);
                        throw error;
                    }
                },
            },
            region !== undefined ? { region } : {},
        );
    } catch (error) {
        if (error instanceof DeployedInputError) throw new ResponseError(InvalidParams, error.message);
        throw error;
    }
}

export function registerDeployedHandlers(
    connection: Connection,
    shared: LangiumSharedCoreServices,
    mregion: MregionServices,
): void {
    connection.onRequest(Requests.importDeployed, (params: ImportDeployedParams) => handleImportDeployed(params));
    connection.onRequest(Requests.drift, (params: DriftParams, token: CancellationToken) =>
        handleDrift(params, shared, mregion, token),
    );
}
