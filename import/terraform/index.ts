// Terraform JSON as the importer's stacks: one stack per region (the importers read a resource's region from
// its stack), all of kind `terraform`, named after the input file, each resource under its address.
import type { CfnResource, DeployedStack } from '../template.js';
import { readTerraform } from './json.js';
import { translate } from './translate.js';

export { isTerraformJson } from './json.js';

/**
 * `fallbackRegion` (`--region`) is the region of the resources whose region neither an attribute, an ARN nor a
 * provider configuration states.
 */
export function terraformStacks(json: unknown, file: string, name: string, fallbackRegion?: string): DeployedStack[] {
    const input = readTerraform(json, file);
    const byRegion = new Map<string | undefined, Map<string, CfnResource>>();
    for (const [tf, translated] of translate(input.resources)) {
        const region = translated.region ?? tf.region ?? fallbackRegion;
        const resources = byRegion.get(region) ?? new Map<string, CfnResource>();
        resources.set(tf.address, translated.resource);
        byRegion.set(region, resources);
    }
    const stackName = name.replace(/[^A-Za-z0-9._-]/g, '_');
    return [...byRegion].map(([region, resources]) => ({
        name: stackName,
        kind: 'terraform' as const,
        ...(region !== undefined ? { region } : {}),
        resources,
    }));
}
