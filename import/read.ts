// Reading the input of `mregion import` and `mregion drift`: a synthesized CloudFormation template (JSON), a
// cdk.out folder, whose manifest.json lists every stack with its template and environment (nested assemblies
// of CDK stages included), or Terraform's `terraform show -json` of a state or a plan (terraform/). The file reader is the caller's, so that every file is read the one bounded way.
import * as path from 'node:path';
import { DeployedInputError } from './errors.js';
import type { CfnResource, DeployedStack } from './template.js';
import { isTerraformJson, terraformStacks } from './terraform/index.js';
import { object, regionValue } from './values.js';

export interface DeployedFiles {
    isDirectory(file: string): boolean;
    /** The text of a regular file (the caller caps the size and refuses anything else). */
    readText(file: string): string;
}

export { DeployedInputError };

/** CloudFormation accepts templates of up to 1 MB; cdk.out holds them before upload, and Terraform JSON of a large
 * workspace is larger, so allow some room. */
export const TEMPLATE_FILE_LIMIT = 16 * 1024 * 1024;

/** Nested cloud assemblies deeper than this are not followed (CDK nests one per stage). */
const MAX_ASSEMBLY_DEPTH = 8;

export function readDeployed(input: string, files: DeployedFiles, options: { region?: string } = {}): DeployedStack[] {
    if (files.isDirectory(input)) return readAssembly(input, files, 0);
    const json = parseJson(input, files);
    if (object(json)?.artifacts !== undefined) return readAssembly(path.dirname(input), files, 0);
    const name = path.basename(input).replace(/\.template\.json$|\.json$/i, '');
    if (isTerraformJson(json)) return terraformStacks(json, input, name, options.region);
    return [stackOf(name, options.region, json, input)];
}

function readAssembly(folder: string, files: DeployedFiles, depth: number): DeployedStack[] {
    const manifestFile = path.join(folder, 'manifest.json');
    const manifest = object(parseJson(manifestFile, files));
    const artifacts = object(manifest?.artifacts);
    if (artifacts === undefined)
        throw new DeployedInputError(`'${manifestFile}' is not a cloud assembly manifest: it has no "artifacts"`);
    const stacks: DeployedStack[] = [];
    for (const [id, value] of Object.entries(artifacts)) {
        const artifact = object(value);
        const properties = object(artifact?.properties);
        if (
            artifact?.type === 'cdk:cloud-assembly' &&
            depth < MAX_ASSEMBLY_DEPTH &&
            typeof properties?.directoryName === 'string'
        ) {
            stacks.push(...readAssembly(inside(folder, properties.directoryName, manifestFile), files, depth + 1));
            continue;
        }
        if (artifact?.type !== 'aws:cloudformation:stack' || typeof properties?.templateFile !== 'string') continue;
        const file = inside(folder, properties.templateFile, manifestFile);
        const environment =
            typeof artifact.environment === 'string'
                ? /^aws:\/\/[^/]*\/(.+)$/.exec(artifact.environment)?.[1]
                : undefined;
        const name = typeof artifact.displayName === 'string' ? artifact.displayName.split('/').pop()! : id;
        stacks.push(stackOf(name, regionValue(environment, undefined), parseJson(file, files), file));
    }
    if (depth === 0 && stacks.length === 0)
        throw new DeployedInputError(`'${manifestFile}' lists no CloudFormation stack`);
    return stacks;
}

/** A path the manifest names, kept inside the assembly folder. */
function inside(folder: string, relative: string, manifestFile: string): string {
    const resolved = path.resolve(folder, relative);
    const root = path.resolve(folder);
    if (path.isAbsolute(relative) || (resolved !== root && !resolved.startsWith(root + path.sep))) {
        throw new DeployedInputError(`'${manifestFile}' names '${relative}', which is outside its folder`);
    }
    return resolved;
}

function parseJson(file: string, files: DeployedFiles): unknown {
    const text = files.readText(file);
    try {
        return JSON.parse(text) as unknown;
    } catch (error) {
        const yaml = /^\s*(AWSTemplateFormatVersion|Resources|Description)\s*:/m.test(text);
        throw new DeployedInputError(
            yaml
                ? `'${file}' looks like a YAML template; mregion reads JSON templates (cdk synth writes JSON into cdk.out)`
                : `'${file}' is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
}

function stackOf(name: string, region: string | undefined, json: unknown, file: string): DeployedStack {
    const resources = object(object(json)?.Resources);
    if (resources === undefined)
        throw new DeployedInputError(
            `'${file}' is neither a CloudFormation template (it has no "Resources" object) nor Terraform JSON (no "format_version" with "values" or "planned_values")`,
        );
    const map = new Map<string, CfnResource>();
    for (const [logicalId, value] of Object.entries(resources)) {
        const resource = object(value);
        if (typeof resource?.Type !== 'string')
            throw new DeployedInputError(`'${file}': resource '${logicalId}' has no "Type"`);
        map.set(logicalId, { Type: resource.Type, Properties: object(resource.Properties) ?? {} });
    }
    return { name: name.replace(/[^A-Za-z0-9._-]/g, '_'), ...(region !== undefined ? { region } : {}), resources: map };
}
