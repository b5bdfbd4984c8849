// Every example with AWS regions, exported, compiled with tsc and synthesized in-process with strict
// CloudFormation validation and cdk-nag's AWS Solutions checks (both switched on by the generated cdk.json),
// then checked for the resources its design implies.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../cli/workspace.js';
import { exportCdk } from '../../export/cdk/index.js';
import type { ExportCdkResult } from '../../protocol/index.js';
import { cdkJsonContext, compileApps, synthesize, writeApp, type GeneratedApp } from './helpers/apps.js';
import { deployBlockers } from './helpers/deploy-checks.js';
import { regionsOfReplicas, tagsOf, Templates } from './helpers/templates.js';

interface ExampleCase {
    readonly example: string;
    readonly stacks: readonly string[];
    /** Declarations the export lists as not generated (prefix of the name). */
    readonly notGenerated: readonly string[];
    readonly check: (t: Templates) => void;
}

const CASES: readonly ExampleCase[] = [
    {
        example: 'fintech',
        stacks: ['Fintech-eu-west-1', 'Fintech-global', 'Fintech-us-east-1'],
        notGenerated: ['store ledger (cells eu, us)', 'service payments'],
        check: (t) => {
            for (const [stack, cell, residency, regions] of [
                ['Fintech-eu-west-1', 'eu', 'EU', ['eu-central-1', 'eu-west-3', 'eu-west-1']],
                ['Fintech-us-east-1', 'us', 'US', ['us-east-2', 'us-west-2', 'us-east-1']],
            ] as const) {
                const [table] = t.props(stack, 'AWS::DynamoDB::GlobalTable');
                expect(regionsOfReplicas(table!)).toEqual(regions);
                expect(table!.MultiRegionConsistency).toBeUndefined();
                expect(tagsOf(table!.Replicas[0])).toEqual({
                    'mregion:cell': cell,
                    'mregion:residency': residency,
                    'mregion:topology': 'Fintech',
                });
                const [policy] = t.props(stack, 'AWS::ResilienceHub::ResiliencyPolicy');
                expect(policy!.Policy.Region).toEqual({ RtoInSecs: 300, RpoInSecs: 1 });
                expect(policy!.Tags).toMatchObject({ 'mregion:cell': cell });
            }
            const checks = t.props('Fintech-global', 'AWS::Route53::HealthCheck');
            expect(
                checks.map((c) => [
                    c.HealthCheckConfig.Type,
                    c.HealthCheckConfig.RequestInterval,
                    c.HealthCheckConfig.FailureThreshold,
                ]),
            ).toEqual(Array(4).fill(['HTTPS', 10, 3]));
            const records = t.props('Fintech-global', 'AWS::Route53::RecordSet');
            expect(records.map((r) => [r.Name, r.Failover, r.SetIdentifier, r.TTL])).toEqual([
                ['payments-eu.example.com.', 'PRIMARY', 'primary-eu-west-1', '60'],
                ['payments-eu.example.com.', 'SECONDARY', 'secondary-eu-central-1', '60'],
                ['payments-us.example.com.', 'PRIMARY', 'primary-us-east-1', '60'],
                ['payments-us.example.com.', 'SECONDARY', 'secondary-us-east-2', '60'],
            ]);
        },
    },
    {
        example: 'aurora-warm-standby',
        stacks: ['OrdersAurora-global', 'OrdersAurora-us-east-1', 'OrdersAurora-us-west-2'],
        notGenerated: ['service orders'],
        check: (t) => {
            const [global] = t.props('OrdersAurora-us-east-1', 'AWS::RDS::GlobalCluster');
            expect(global).toMatchObject({
                GlobalClusterIdentifier: 'orders-aurora-orders-db',
                SourceDBClusterIdentifier: { Ref: expect.any(String) },
            });
            const [writer] = t.props('OrdersAurora-us-east-1', 'AWS::RDS::DBCluster');
            expect(writer).toMatchObject({ Engine: 'aurora-postgresql', StorageEncrypted: true, Port: 5432 });
            expect(writer!.ManageMasterUserPassword).toBeUndefined();
            // The master password is a generated secret replicated to the secondary's region, and rotated.
            const [secret] = t.props('OrdersAurora-us-east-1', 'AWS::SecretsManager::Secret');
            expect(secret!.ReplicaRegions).toEqual([{ Region: 'us-west-2' }]);
            expect(JSON.stringify(writer!.MasterUserPassword)).toContain('{{resolve:secretsmanager:');
            expect(t.props('OrdersAurora-us-east-1', 'AWS::SecretsManager::RotationSchedule')).toHaveLength(1);
            const [secondary] = t.props('OrdersAurora-us-west-2', 'AWS::RDS::DBCluster');
            expect(secondary).toMatchObject({
                GlobalClusterIdentifier: 'orders-aurora-orders-db',
                EngineVersion: writer!.EngineVersion,
                Port: 5432,
            });
            expect(secondary!.MasterUsername).toBeUndefined();
            expect(t.props('OrdersAurora-us-west-2', 'AWS::RDS::DBInstance')).toHaveLength(1);
            expect(t.dependencies('OrdersAurora-us-west-2')).toEqual(['OrdersAurora-us-east-1']);
            const records = t.props('OrdersAurora-global', 'AWS::Route53::RecordSet');
            expect(records.map((r) => [r.Failover, r.TTL])).toEqual([
                ['PRIMARY', '60'],
                ['SECONDARY', '60'],
            ]);
            expect(t.props('OrdersAurora-us-east-1', 'AWS::ResilienceHub::ResiliencyPolicy')[0]!.Policy.Region).toEqual(
                { RtoInSecs: 300, RpoInSecs: 1 },
            );
        },
    },
    {
        example: 'dynamodb-mrsc',
        stacks: ['InventoryMrsc-global', 'InventoryMrsc-us-east-1'],
        notGenerated: ['service orders'],
        check: (t) => {
            const [table] = t.props('InventoryMrsc-us-east-1', 'AWS::DynamoDB::GlobalTable');
            expect(table!.MultiRegionConsistency).toBe('STRONG');
            expect(regionsOfReplicas(table!)).toEqual(['us-east-2', 'us-west-2', 'us-east-1']);
            const g = 'InventoryMrsc-global';
            expect(t.props(g, 'AWS::Route53RecoveryControl::Cluster')).toHaveLength(1);
            expect(t.props(g, 'AWS::Route53RecoveryControl::ControlPanel')).toHaveLength(1);
            expect(t.props(g, 'AWS::Route53RecoveryControl::RoutingControl').map((c) => c.Name)).toEqual([
                'us-east-1',
                'us-east-2',
                'us-west-2',
            ]);
            const [rule] = t.props(g, 'AWS::Route53RecoveryControl::SafetyRule');
            expect(rule).toMatchObject({
                RuleConfig: { Type: 'ATLEAST', Threshold: 1, Inverted: false },
                AssertionRule: { WaitPeriodMs: 10_000 },
            });
            expect(rule!.AssertionRule.AssertedControls).toHaveLength(3);
            const checks = t.props(g, 'AWS::Route53::HealthCheck').map((c) => c.HealthCheckConfig);
            expect(checks.filter((c) => c.Type === 'RECOVERY_CONTROL')).toHaveLength(3);
            expect(
                checks.filter((c) => c.Type === 'HTTPS').map((c) => [c.RequestInterval, c.FailureThreshold]),
            ).toEqual(Array(3).fill([10, 3]));
            const records = t.props(g, 'AWS::Route53::RecordSet');
            expect(records.map((r) => [r.Region, r.TTL])).toEqual([
                ['us-east-1', '60'],
                ['us-east-2', '60'],
                ['us-west-2', '60'],
            ]);
            const recoveryChecks = Object.entries(t.of(g).findResources('AWS::Route53::HealthCheck'))
                .filter(
                    ([, r]) =>
                        (r as { Properties: { HealthCheckConfig: { Type: string } } }).Properties.HealthCheckConfig
                            .Type === 'RECOVERY_CONTROL',
                )
                .map(([id]) => id);
            expect(records.map((r) => r.HealthCheckId.Ref)).toEqual(recoveryChecks);
            expect(
                t.props('InventoryMrsc-us-east-1', 'AWS::ResilienceHub::ResiliencyPolicy')[0]!.Policy.Region,
            ).toEqual({ RtoInSecs: 120, RpoInSecs: 0 });
        },
    },
    {
        example: 'cockroachdb-global',
        stacks: ['GlobalTickets-global', 'GlobalTickets-us-east-1'],
        notGenerated: ['store tickets', 'service box-office'],
        check: (t) => {
            const g = 'GlobalTickets-global';
            expect(t.props(g, 'AWS::GlobalAccelerator::Accelerator')).toHaveLength(1);
            expect(t.props(g, 'AWS::GlobalAccelerator::Listener')[0]).toMatchObject({
                Protocol: 'TCP',
                PortRanges: [{ FromPort: 443, ToPort: 443 }],
            });
            const groups = t.props(g, 'AWS::GlobalAccelerator::EndpointGroup');
            // The endpoints are load balancers (the placeholder ARNs): their own health checks apply, not the group's.
            expect(
                groups.map((e) => [
                    e.EndpointGroupRegion,
                    e.TrafficDialPercentage,
                    e.HealthCheckIntervalSeconds,
                    e.ThresholdCount,
                ]),
            ).toEqual([
                ['us-east-1', 100, undefined, undefined],
                ['eu-west-1', 100, undefined, undefined],
                ['ap-northeast-1', 100, undefined, undefined],
            ]);
            expect(groups[0]!.EndpointConfigurations).toEqual([
                { EndpointId: expect.stringMatching(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:/) },
            ]);
            expect(
                t.props('GlobalTickets-us-east-1', 'AWS::ResilienceHub::ResiliencyPolicy')[0]!.Policy.Region,
            ).toEqual({ RtoInSecs: 60, RpoInSecs: 0 });
        },
    },
    {
        example: 'netflix',
        stacks: ['Netflix-global'],
        notGenerated: [
            'store viewing-history',
            'store evcache',
            'service zuul',
            'service api',
            'failover api: DNS provider ultradns',
            'service api: objective',
        ],
        check: (t) => {
            const records = t.props('Netflix-global', 'AWS::Route53::RecordSet');
            expect(records.map((r) => [r.Name, r.Region, r.TTL, r.Failover])).toEqual([
                ['api.example.com.', 'us-east-1', '60', undefined],
                ['api.example.com.', 'us-west-2', '60', undefined],
            ]);
            expect(
                t.props('Netflix-global', 'AWS::Route53::HealthCheck').map((c) => c.HealthCheckConfig.RequestInterval),
            ).toEqual([10, 10]);
        },
    },
    {
        example: 'dynamodb-mrec-cart',
        stacks: ['CartMrec-global', 'CartMrec-us-east-1'],
        notGenerated: ['service cart'],
        check: (t) => {
            const [table] = t.props('CartMrec-us-east-1', 'AWS::DynamoDB::GlobalTable');
            expect(regionsOfReplicas(table!)).toEqual(['eu-west-1', 'us-east-1']);
            expect(table!.MultiRegionConsistency).toBeUndefined();
            expect(t.props('CartMrec-global', 'AWS::Route53::RecordSet').map((r) => r.Region)).toEqual([
                'us-east-1',
                'eu-west-1',
            ]);
        },
    },
    {
        example: 'control-plane-2021',
        stacks: ['StatusPage2021-global', 'StatusPage2021-us-east-1', 'StatusPage2021-us-west-2'],
        notGenerated: ['service status-page'],
        check: (t) => {
            expect(t.props('StatusPage2021-us-east-1', 'AWS::RDS::GlobalCluster')).toHaveLength(1);
            expect(t.dependencies('StatusPage2021-us-west-2')).toEqual(['StatusPage2021-us-east-1']);
            const checks = t
                .props('StatusPage2021-global', 'AWS::Route53::HealthCheck')
                .map((c) => [c.HealthCheckConfig.RequestInterval, c.HealthCheckConfig.FailureThreshold]);
            expect(checks).toEqual([
                [30, 3],
                [30, 3],
            ]);
            expect(
                t.props('StatusPage2021-us-east-1', 'AWS::ResilienceHub::ResiliencyPolicy')[0]!.Policy.Region,
            ).toEqual({ RtoInSecs: 3600, RpoInSecs: 60 });
        },
    },
    {
        example: 'shopify-pods',
        stacks: ['ShopifyPods-us-east-1', 'ShopifyPods-us-east-2', 'ShopifyPods-us-west-2'],
        notGenerated: [
            'store shop-db (cells pod1, pod2, pod3, pod4)',
            'store shop-cache',
            'store page-cache',
            'service sorting-hat',
            'service storefront',
            'failover storefront (cell pod1)',
        ],
        check: (t) => {
            const policies = t.stackNames.flatMap((s) =>
                t
                    .props(s, 'AWS::ResilienceHub::ResiliencyPolicy')
                    .map((p) => [s, p.Tags['mregion:cell'], p.Policy.Region.RtoInSecs, p.Policy.Region.RpoInSecs]),
            );
            expect(policies).toEqual([
                ['ShopifyPods-us-east-1', 'pod1', 300, 1],
                ['ShopifyPods-us-east-1', 'pod4', 300, 1],
                ['ShopifyPods-us-east-2', 'pod2', 300, 1],
                ['ShopifyPods-us-west-2', 'pod3', 300, 1],
            ]);
        },
    },
    {
        example: 'aurora-false-strong',
        stacks: ['LedgerAuroraStrong-us-east-1', 'LedgerAuroraStrong-us-west-2'],
        notGenerated: ['service ledger'],
        check: (t) => {
            expect(t.props('LedgerAuroraStrong-us-east-1', 'AWS::RDS::GlobalCluster')[0]!.GlobalClusterIdentifier).toBe(
                'ledger-aurora-strong-ledger-db',
            );
            expect(t.props('LedgerAuroraStrong-us-west-2', 'AWS::RDS::DBCluster')[0]!.GlobalClusterIdentifier).toBe(
                'ledger-aurora-strong-ledger-db',
            );
        },
    },
    {
        example: 's3-2017-us-east-1',
        stacks: ['S3UsEast1-global', 'S3UsEast1-us-east-1', 'S3UsEast1-us-west-2'],
        notGenerated: ['service storefront', 'service storefront-fixed'],
        check: (t) => {
            // The 2017 shape replicates nowhere; the fixed bucket replicates to us-west-2 under Replication Time
            // Control (lag 15m: 99.99 % within 15 minutes).
            const sources = t.props('S3UsEast1-us-east-1', 'AWS::S3::Bucket').filter((b) => b.ReplicationConfiguration);
            expect(sources).toHaveLength(1);
            expect(
                sources[0]!.ReplicationConfiguration.Rules.map(
                    (r: { Destination: { ReplicationTime: unknown } }) => r.Destination.ReplicationTime,
                ),
            ).toEqual([{ Status: 'Enabled', Time: { Minutes: 15 } }]);
            expect(t.props('S3UsEast1-us-west-2', 'AWS::S3::Bucket').filter((b) => b.ReplicationConfiguration)).toEqual(
                [],
            );
        },
    },
];

const WITHOUT_AWS = ['cloudflare', 'cosmos-bounded-staleness', 'cosmos-far-strong', 'gray-payment-dependency'];

const results = new Map<string, ExportCdkResult>();
const apps = new Map<string, GeneratedApp>();
let compileErrors: readonly string[] = [];

beforeAll(async () => {
    const files = CASES.map((c) => path.resolve('examples', `${c.example}.mregion`));
    const workspace = await loadWorkspace(files);
    for (const [index, c] of CASES.entries()) {
        const { model } = workspace.modelOf(workspace.requested[index]!);
        const result = exportCdk(model, []);
        results.set(c.example, result);
        if (result.files.length > 0) apps.set(c.example, writeApp('examples', c.example, result.files));
    }
    compileErrors = compileApps('examples', [...apps.values()]);
}, 240_000);

describe('exported examples', () => {
    test('cover every example that declares an AWS region', () => {
        const all = readdirSync('examples')
            .filter((f) => f.endsWith('.mregion'))
            .map((f) => f.replace(/\.mregion$/, ''))
            .sort();
        expect([...CASES.map((c) => c.example), ...WITHOUT_AWS].sort()).toEqual(all);
    });

    test('compile with tsc under the generated tsconfig, without errors', () => {
        expect(apps.size).toBe(CASES.length);
        expect(compileErrors).toEqual([]);
    });

    describe.each(CASES)('$example', (c) => {
        test('exports without refusing and lists what it does not generate', () => {
            const result = results.get(c.example)!;
            expect(result.errors).toEqual([]);
            const names = result.notGenerated.map((n) => n.name);
            for (const expected of c.notGenerated)
                expect(
                    names.some((n) => n.startsWith(expected)),
                    `${expected} in ${names.join(' | ')}`,
                ).toBe(true);
        });

        test('synthesizes under strict validation and cdk-nag, with no missing context, into the resources the design implies', () => {
            const { assembly } = synthesize(apps.get(c.example)!, { validation: true });
            expect(assembly.manifest.missing ?? []).toEqual([]);
            const templates = new Templates(assembly);
            expect(templates.stackNames).toEqual([...c.stacks].sort());
            for (const stack of templates.stackNames) {
                expect(assembly.getStackByName(stack).environment.account).toBe('123456789012');
            }
            // Exported without --account: synth says, once, that the account is still the placeholder.
            const accountWarnings = assembly.stacks
                .flatMap((s) => s.messages)
                .filter(
                    (m) =>
                        m.level === 'warning' &&
                        String(m.entry.data).startsWith("'mregion:account' is still the placeholder '123456789012'"),
                );
            expect(accountWarnings).toHaveLength(1);
            c.check(templates);
        });

        test('has no deploy blocker synth cannot see (global-cluster passwords, ignored health checks, duplicate names, invented context), game-day stacks included under strict validation and cdk-nag', () => {
            const app = apps.get(c.example)!;
            const context = cdkJsonContext(app, { 'mregion:game-days': 'true' });
            expect(deployBlockers(synthesize(app, { validation: true, context }).assembly, context)).toEqual([]);
        });
    });
});
