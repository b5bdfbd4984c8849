// test/deploy-checks.test.ts of the generated app (static: it reads whatever the app synthesizes). The checks are
// the deploy blockers `cdk synth` cannot see, run with `npm test` (vitest) on the synthesized templates.
export const APP_TESTS = `// Deploy-time checks over the synthesized templates: what synth and cdk-nag accept but CloudFormation or the
// service would refuse (or silently ignore) at deploy. Synth runs with cdk.json's context, the game-day stacks
// included, and with cdk-nag, so an unacknowledged finding fails here too.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../lib/app';

interface Resource {
    readonly Type: string;
    readonly Properties?: Record<string, unknown>;
}

interface StackTemplate {
    readonly name: string;
    readonly region: string;
    readonly resources: Record<string, Resource>;
}

let stacks: StackTemplate[] = [];
let missingLookups: string[] = [];

beforeAll(() => {
    const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    const app = createApp({
        outdir: mkdtempSync(path.join(tmpdir(), 'cdk-out-')),
        context: { ...cdkJson.context, 'mregion:game-days': 'true' },
    });
    const assembly = app.synth();
    stacks = assembly.stacks.map((s) => ({
        name: s.stackName,
        region: s.environment.region,
        resources: ((s.template as { Resources?: Record<string, Resource> }).Resources) ?? {},
    }));
    missingLookups = (assembly.manifest.missing ?? []).map((m) => m.key);
});

function resources(stack: StackTemplate, type: string): [string, Record<string, unknown>][] {
    return Object.entries(stack.resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties ?? {}]);
}

describe('the synthesized app', () => {
    test('needs no lookup, so cdk synth --no-lookups works without an account', () => {
        expect(missingLookups).toEqual([]);
    });

    // Aurora user guide, "Limitations for Secrets Manager integration".
    test('has no RDS-managed master password on a cluster of a global database', () => {
        const found = stacks.flatMap((stack) => {
            const sources = new Set(resources(stack, 'AWS::RDS::GlobalCluster').map(([, g]) => JSON.stringify(g.SourceDBClusterIdentifier)));
            return resources(stack, 'AWS::RDS::DBCluster')
                .filter(([id, c]) => c.ManageMasterUserPassword === true && (c.GlobalClusterIdentifier !== undefined || sources.has(JSON.stringify({ Ref: id }))))
                .map(([id]) => stack.name + '/' + id);
        });
        expect(found).toEqual([]);
    });

    // Global Accelerator developer guide, "Endpoint groups": these settings apply only to EC2 instance and Elastic IP endpoints.
    test('sets Global Accelerator health checks only where they take effect', () => {
        const settings = ['HealthCheckIntervalSeconds', 'ThresholdCount', 'HealthCheckPath', 'HealthCheckPort', 'HealthCheckProtocol'];
        const found = stacks.flatMap((stack) => resources(stack, 'AWS::GlobalAccelerator::EndpointGroup')
            .filter(([, g]) => settings.some((k) => g[k] !== undefined)
                && ((g.EndpointConfigurations as { EndpointId: string }[] | undefined) ?? []).every((e) => /^arn:[^:]+:elasticloadbalancing:/.test(e.EndpointId)))
            .map(([id]) => stack.name + '/' + id));
        expect(found).toEqual([]);
    });

    test('gives every physical name that must be unique its own value', () => {
        const named: readonly [string, string, 'global' | 'region'][] = [
            ['AWS::S3::Bucket', 'BucketName', 'global'],
            ['AWS::RDS::GlobalCluster', 'GlobalClusterIdentifier', 'global'],
            ['AWS::Route53RecoveryControl::Cluster', 'Name', 'global'],
            ['AWS::Route53RecoveryControl::ControlPanel', 'Name', 'global'],
            ['AWS::GlobalAccelerator::Accelerator', 'Name', 'global'],
            ['AWS::ResilienceHub::ResiliencyPolicy', 'PolicyName', 'region'],
            ['AWS::DynamoDB::GlobalTable', 'TableName', 'region'],
            ['AWS::RDS::DBCluster', 'DBClusterIdentifier', 'region'],
        ];
        const seen = new Map<string, string>();
        const duplicates: string[] = [];
        for (const stack of stacks) {
            for (const [type, property, scope] of named) {
                for (const [id, props] of resources(stack, type)) {
                    const name = props[property];
                    if (typeof name !== 'string') continue;
                    const key = type + ' ' + (scope === 'region' ? stack.region : '*') + ' ' + name;
                    const first = seen.get(key);
                    if (first !== undefined) duplicates.push(key + ': ' + first + ' and ' + stack.name + '/' + id);
                    else seen.set(key, stack.name + '/' + id);
                }
            }
        }
        const names = stacks.map((s) => s.name);
        duplicates.push(...names.filter((n, i) => names.indexOf(n) !== i));
        expect(duplicates).toEqual([]);
    });
});
`;

/** vitest.config.mjs of the generated app: its own tests only, with time for a synth with cdk-nag. */
export const APP_VITEST_CONFIG = `// The app's tests (npm test): synthesizing every stack with cdk-nag takes a while on a small machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 300_000,
        hookTimeout: 300_000,
    },
});
`;
