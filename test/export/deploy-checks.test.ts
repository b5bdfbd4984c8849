// The deploy-time checks the synth tests run over every exported app find what they claim to find: each is
// fed a template with the defect (as the exporter once generated it) and the same template without it.
import { describe, expect, test } from 'vitest';
import {
    duplicatePhysicalNames,
    ignoredAcceleratorHealthChecks,
    managedPasswordsInGlobalClusters,
    type StackTemplate,
} from './helpers/deploy-checks.js';

function stack(
    stackName: string,
    region: string,
    resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>,
): StackTemplate {
    return { stackName, region, template: { Resources: resources } };
}

const ALB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/api/0000000000000000';

describe('deploy-time checks over templates', () => {
    test.each([
        {
            name: 'a writer with a managed password that seeds a global cluster',
            stacks: [
                stack('P', 'us-east-1', {
                    Writer: { Type: 'AWS::RDS::DBCluster', Properties: { ManageMasterUserPassword: true } },
                    Global: {
                        Type: 'AWS::RDS::GlobalCluster',
                        Properties: { SourceDBClusterIdentifier: { Ref: 'Writer' } },
                    },
                }),
            ],
            found: ['P/Writer: ManageMasterUserPassword on a cluster of a global database'],
        },
        {
            name: 'a secondary with a managed password',
            stacks: [
                stack('S', 'us-west-2', {
                    Reader: {
                        Type: 'AWS::RDS::DBCluster',
                        Properties: { ManageMasterUserPassword: true, GlobalClusterIdentifier: 'g' },
                    },
                }),
            ],
            found: ['S/Reader: ManageMasterUserPassword on a cluster of a global database'],
        },
        {
            name: 'a managed password on a cluster in one region, which RDS supports',
            stacks: [
                stack('P', 'us-east-1', {
                    Writer: { Type: 'AWS::RDS::DBCluster', Properties: { ManageMasterUserPassword: true } },
                }),
            ],
            found: [],
        },
    ])('managed passwords: $name', ({ stacks, found }) => {
        expect(managedPasswordsInGlobalClusters(stacks)).toEqual(found);
    });

    test.each([
        {
            name: 'settings on a load-balancer endpoint are reported',
            endpoint: ALB,
            settings: { HealthCheckIntervalSeconds: 10, ThresholdCount: 3 },
            found: 1,
        },
        {
            name: 'settings on an instance endpoint take effect',
            endpoint: 'i-0123456789abcdef0',
            settings: { HealthCheckIntervalSeconds: 10, ThresholdCount: 3 },
            found: 0,
        },
        { name: 'a load-balancer endpoint without settings is fine', endpoint: ALB, settings: {}, found: 0 },
    ])('Global Accelerator health checks: $name', ({ endpoint, settings, found }) => {
        const stacks = [
            stack('G', 'us-west-2', {
                Group: {
                    Type: 'AWS::GlobalAccelerator::EndpointGroup',
                    Properties: { ...settings, EndpointConfigurations: [{ EndpointId: endpoint }] },
                },
            }),
        ];
        expect(ignoredAcceleratorHealthChecks(stacks)).toHaveLength(found);
    });

    test.each([
        {
            name: 'one bucket name in two stacks',
            stacks: [
                stack('A', 'us-east-1', { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'x-us-east-1' } } }),
                stack('B', 'us-west-2', { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'x-us-east-1' } } }),
            ],
            found: ["AWS::S3::Bucket BucketName 'x-us-east-1' in A/B and B/B"],
        },
        {
            name: 'one policy name in two regions, which is allowed',
            stacks: [
                stack('A', 'us-east-1', {
                    P: { Type: 'AWS::ResilienceHub::ResiliencyPolicy', Properties: { PolicyName: 'p' } },
                }),
                stack('B', 'us-west-2', {
                    P: { Type: 'AWS::ResilienceHub::ResiliencyPolicy', Properties: { PolicyName: 'p' } },
                }),
            ],
            found: [],
        },
        {
            name: 'two stacks with one name',
            stacks: [stack('Same', 'us-east-1', {}), stack('Same', 'us-west-2', {})],
            found: ["stack name 'Same' used twice"],
        },
    ])('physical names: $name', ({ stacks, found }) => {
        expect(duplicatePhysicalNames(stacks)).toEqual(found);
    });
});
