// Deploy-time checks over synthesized templates: what `cdk synth` and cdk-nag accept but CloudFormation or the
// service would refuse (or silently ignore) at `cdk deploy`. Each check returns one line per finding, naming the
// stack and resource, so a test can assert the list is empty and a failing run says what would break.
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { Props } from './templates.js';

export interface StackTemplate {
    readonly stackName: string;
    readonly region: string;
    readonly template: { readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: Props }> };
}

export function stackTemplates(assembly: CloudAssembly): StackTemplate[] {
    return assembly.stacks.map((s) => ({
        stackName: s.stackName,
        region: s.environment.region,
        template: s.template as StackTemplate['template'],
    }));
}

function resources(stack: StackTemplate, type: string): [string, Props][] {
    return Object.entries(stack.template.Resources ?? {})
        .filter(([, r]) => r.Type === type)
        .map(([id, r]) => [id, r.Properties ?? {}]);
}

/** Aurora user guide, "Limitations for Secrets Manager integration": no RDS-managed password in a global database. */
export function managedPasswordsInGlobalClusters(stacks: readonly StackTemplate[]): string[] {
    return stacks.flatMap((stack) => {
        const sources = new Set(
            resources(stack, 'AWS::RDS::GlobalCluster').map(
                ([, g]) => g.SourceDBClusterIdentifier?.Ref as string | undefined,
            ),
        );
        return resources(stack, 'AWS::RDS::DBCluster')
            .filter(
                ([id, c]) =>
                    c.ManageMasterUserPassword === true && (c.GlobalClusterIdentifier !== undefined || sources.has(id)),
            )
            .map(([id]) => `${stack.stackName}/${id}: ManageMasterUserPassword on a cluster of a global database`);
    });
}

/** Global Accelerator developer guide, "Endpoint groups": health-check settings apply only to EC2 instance and Elastic IP endpoints. */
export function ignoredAcceleratorHealthChecks(stacks: readonly StackTemplate[]): string[] {
    const settings = [
        'HealthCheckIntervalSeconds',
        'ThresholdCount',
        'HealthCheckPath',
        'HealthCheckPort',
        'HealthCheckProtocol',
    ];
    return stacks.flatMap((stack) =>
        resources(stack, 'AWS::GlobalAccelerator::EndpointGroup')
            .filter(
                ([, g]) =>
                    settings.some((k) => g[k] !== undefined) &&
                    ((g.EndpointConfigurations as { EndpointId: string }[] | undefined) ?? []).every((e) =>
                        /^arn:[^:]+:elasticloadbalancing:/.test(e.EndpointId),
                    ),
            )
            .map(
                ([id]) =>
                    `${stack.stackName}/${id}: endpoint-group health-check settings on load-balancer endpoints, which Global Accelerator ignores`,
            ),
    );
}

/** Physical names that must be unique: bucket names everywhere, global cluster ids per account, the rest per region. */
export function duplicatePhysicalNames(stacks: readonly StackTemplate[]): string[] {
    const named: readonly { type: string; property: string; scope: 'global' | 'region' }[] = [
        { type: 'AWS::S3::Bucket', property: 'BucketName', scope: 'global' },
        { type: 'AWS::RDS::GlobalCluster', property: 'GlobalClusterIdentifier', scope: 'global' },
        { type: 'AWS::Route53RecoveryControl::Cluster', property: 'Name', scope: 'global' },
        { type: 'AWS::Route53RecoveryControl::ControlPanel', property: 'Name', scope: 'global' },
        { type: 'AWS::GlobalAccelerator::Accelerator', property: 'Name', scope: 'global' },
        { type: 'AWS::ResilienceHub::ResiliencyPolicy', property: 'PolicyName', scope: 'region' },
        { type: 'AWS::DynamoDB::GlobalTable', property: 'TableName', scope: 'region' },
        { type: 'AWS::RDS::DBCluster', property: 'DBClusterIdentifier', scope: 'region' },
    ];
    const seen = new Map<string, string>();
    const found: string[] = [];
    for (const stack of stacks) {
        for (const { type, property, scope } of named) {
            for (const [id, props] of resources(stack, type)) {
                const name = props[property];
                if (typeof name !== 'string') continue;
                const key = `${type} ${scope === 'region' ? stack.region : '*'} ${name}`;
                const first = seen.get(key);
                if (first !== undefined)
                    found.push(`${type} ${property} '${name}' in ${first} and ${stack.stackName}/${id}`);
                else seen.set(key, `${stack.stackName}/${id}`);
            }
        }
    }
    const stackNames = stacks.map((s) => s.stackName);
    found.push(...stackNames.filter((n, i) => stackNames.indexOf(n) !== i).map((n) => `stack name '${n}' used twice`));
    return found;
}

/** Context the app would need from a lookup, or that cdk.json seeds as if it had been looked up. */
export function inventedOrMissingContext(assembly: CloudAssembly, cdkJsonContext: Record<string, unknown>): string[] {
    return [
        // Lookup results are keyed `provider:account=…:region=…`; the exporter cannot know them.
        ...Object.keys(cdkJsonContext)
            .filter((k) => /:account=.*:region=/.test(k))
            .map((k) => `cdk.json seeds the lookup '${k}'`),
        // Anything missing here makes `cdk synth --no-lookups` fail.
        ...(assembly.manifest.missing ?? []).map((m) => `synth needs the lookup '${m.key}'`),
    ];
}

/** Every deploy-time finding for one synthesized app. */
export function deployBlockers(assembly: CloudAssembly, cdkJsonContext: Record<string, unknown>): string[] {
    const stacks = stackTemplates(assembly);
    return [
        ...managedPasswordsInGlobalClusters(stacks),
        ...ignoredAcceleratorHealthChecks(stacks),
        ...duplicatePhysicalNames(stacks),
        ...inventedOrMissingContext(assembly, cdkJsonContext),
    ];
}
