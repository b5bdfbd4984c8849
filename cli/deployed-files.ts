// The file reader `mregion import` and `mregion drift` give the importer: regular files only, within a cap,
// through the one bounded reader (language/workspace/file-system.ts); an unreadable file is a usage error.
import { statSync } from 'node:fs';
import { DeployedInputError, readDeployed, TEMPLATE_FILE_LIMIT } from '../import/read.js';
import type { DeployedStack } from '../import/template.js';
import { readRegularFile } from '../language/workspace/file-system.js';
import { readingFile, UsageError } from './workspace.js';

export function readDeployedInput(input: string, region: string | undefined): DeployedStack[] {
    if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region))
        throw new UsageError(`--region needs an AWS region code such as us-east-1, not '${region}'`);
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
                readText: (file) => readingFile(file, () => readRegularFile(file, TEMPLATE_FILE_LIMIT)),
            },
            region !== undefined ? { region } : {},
        );
    } catch (error) {
        if (error instanceof DeployedInputError) throw new UsageError(error.message);
        throw error;
    }
}
