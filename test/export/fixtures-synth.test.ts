// Mappings the examples do not exercise (S3 replication, an MRSC witness, a standby behind Global
// Accelerator, ARC failover records), the generated app's own safeguards (cdk-nag on, placeholder warnings,
// missing context), and hostile names: all compiled by one tsc program and synthesized in-process.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { App, Stack } from 'aws-cdk-lib';
import type * as CdkLib from 'aws-cdk-lib';
import type * as Ec2 from 'aws-cdk-lib/aws-ec2';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportCdk } from '../../export/cdk/index.js';
import { dnsLabel, tagValue } from '../../export/cdk/names.js';
import { unsafePathReason } from '../../export/cdk/writer.js';
import type { Model } from '../../language/semantics/model.js';
import type { ExportCdkResult } from '../../protocol/index.js';
import { modelOf } from '../helpers/services.js';
import { cdkJsonContext, compileApps, OUTPUT, synthesize, writeApp, type GeneratedApp } from './helpers/apps.js';
import { hostile, hostileModel, identifiersIn, INJECTED } from './helpers/hostile.js';
import { regionsOfReplicas, tagsOf, Templates } from './helpers/templates.js';
import { deployBlockers } from './helpers/deploy-checks.js';

const KITCHEN = `topology Kitchen "every mapping at once"

region us-east-1 { provider aws  jurisdiction US }
region us-east-2 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }

cell blue { regions us-east-1, us-west-2  residency US }

store carts per cell {
    engine dynamodb  holds per-user rows  writes any-region  replication async lag 1s  consistency eventual  conflicts lww
}
store stock {
    engine dynamodb  regions us-east-1, us-east-2  witness us-west-2  holds shared counter  writes any-region
    replication sync  consistency strong  conflicts reject  invariant unique sku
}
store orders {
    engine aurora  regions us-east-2, us-west-2  writes primary us-east-2  holds shared rows  consistency session
}
store assets {
    engine s3  regions us-west-2, us-east-1  writes primary us-west-2  holds reference blob  replication async lag 15m  consistency eventual  residency US
}

service web per cell { posture active-active  capacity 100% per region  objective rto 1m rpo 1s }
service api { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses orders  objective rto 5m rpo 1s }
service ops { regions us-east-1, us-east-2  primary us-east-1  posture active-passive  capacity 100% per region }

failover web { detect health-check every 10s threshold 2  route dns ttl 30s  action shift-traffic }
failover api { detect health-check every 30s threshold 3  route global-accelerator  action shift-traffic }
failover ops { detect health-check every 10s threshold 3  route arc-routing-control  action flip-routing-control }
`;

/** An Aurora primary and an S3 source in one region, both replicating to another: each region needs the other's. */
const CROSSING = `topology Crossing "stores replicating both ways between two regions"

region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }

store orders { engine aurora  regions us-east-1, us-west-2  writes primary us-east-1  holds shared rows  replication async lag 1s  consistency session }
store assets { engine s3  regions us-east-1, us-west-2  writes primary us-east-1  holds reference blob  replication async lag 15m  consistency eventual }

service shop { regions us-east-1, us-west-2  primary us-east-1  posture pilot-light  capacity 100% per region  uses orders }
`;

/** A standby outside AWS: Route 53 health-checks and fails over to any endpoint. */
const HYBRID = `topology Hybrid "an AWS primary with a standby on another cloud"

region us-east-1 { provider aws  jurisdiction US }
region us-central1 { provider gcp  jurisdiction US }

service api { regions us-east-1, us-central1  primary us-east-1  posture warm-standby  capacity 100% per region }
failover api { detect health-check every 30s threshold 3  route dns ttl 60s  action shift-traffic }
`;

/** Scenarios that take a region down, partition two, and slow replication: game days where FIS can inject them. */
const DRILLS = `topology Drills "game days from scenarios"
${'region us-east-1 { provider aws  jurisdiction US }'}
region us-west-2 { provider aws  jurisdiction US }

store orders { engine aurora  regions us-east-1, us-west-2  writes primary us-east-1  holds shared rows  consistency session }
store carts { engine dynamodb  regions us-east-1, us-west-2  holds per-user rows  writes any-region  replication async lag 1s  consistency eventual  conflicts lww }
service api { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses orders, carts  objective rto 5m rpo 1s }
failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action promote orders  action shift-traffic }
workload steady for api { writes 100/s from us-east-1 100%  reads 100/s  keys 1000  item-size 1KB }

scenario lose-east { workload steady  duration 1h  at 10m outage region us-east-1 for 30m  expect rto <= 5m  expect rpo <= 1s }
scenario split { workload steady  duration 1h  at 5m partition us-east-1 <-> us-west-2 for 10m }
`;

/** Names that normalize alike, under a topology name too long for a stack name. */
const ALIKE = `topology ${'Orders'.repeat(20)} "long names and names that normalize alike"

region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }

store assets_eu { engine s3  regions us-east-1, us-west-2  writes primary us-east-1  holds reference blob  replication async lag 15m  consistency eventual }
store assets-eu { engine s3  regions us-east-1, us-west-2  writes primary us-east-1  holds reference blob  replication async lag 15m  consistency eventual }
`;

/** As written between the quotes of the .mregion file (escapes included). */
const HOSTILE_DESCRIPTION =
    'Pipes | \\"quotes\\" \\\\ back\\\\slash ${INJECTED()} `tick` */ <b>html</b>\\nsecond line ünï 🚀';

const models = new Map<string, Model>();
const results = new Map<string, ExportCdkResult>();
const apps = new Map<string, GeneratedApp>();
let compileErrors: readonly string[] = [];

beforeAll(async () => {
    const kitchen = await modelOf(KITCHEN);
    expect(kitchen.problems.filter((p) => p.severity === 'error')).toEqual([]);
    models.set('kitchen', kitchen.model);
    models.set('hostile', hostileModel(kitchen.model));
    // S3 validates bucket names at synth, and these embed the (hostile) region: synthesize a variant without the bucket.
    const withoutBucket = new Map(kitchen.model.stores);
    withoutBucket.delete('assets');
    models.set('hostile-synth', hostileModel({ ...kitchen.model, stores: withoutBucket }));
    const described = await modelOf(
        readFileSync('examples/dynamodb-mrec-cart.mregion', 'utf8').replace(
            '"Shared cart counters on DynamoDB global tables (MREC)"',
            `"${HOSTILE_DESCRIPTION}"`,
        ),
    );
    models.set('described', described.model);
    const crossing = await modelOf(CROSSING);
    expect(crossing.problems.filter((p) => p.severity === 'error')).toEqual([]);
    models.set('crossing', crossing.model);
    const hybrid = await modelOf(HYBRID);
    expect(hybrid.problems.filter((p) => p.severity === 'error')).toEqual([]);
    models.set('hybrid', hybrid.model);
    const drills = await modelOf(DRILLS);
    expect(drills.problems.filter((p) => p.severity === 'error')).toEqual([]);
    models.set('drills', drills.model);
    const alike = await modelOf(ALIKE);
    expect(alike.problems.filter((p) => p.severity === 'error')).toEqual([]);
    models.set('alike', alike.model);
    for (const [name, model] of models) {
        // Hostile region names are in no MRSC region set: that table is refused, so the hostile export is forced.
        const result = exportCdk(model, [], { account: '210987654321', force: name.startsWith('hostile') });
        expect(result.files.length, name).toBeGreaterThan(0);
        results.set(name, result);
        apps.set(name, writeApp('fixtures', name, result.files));
    }
    compileErrors = compileApps('fixtures', [...apps.values()]);
}, 240_000);

test('every fixture app compiles with tsc', () => {
    expect(compileErrors).toEqual([]);
});

describe('a design using every mapping', () => {
    let t: Templates;
    beforeAll(() => {
        t = new Templates(synthesize(apps.get('kitchen')!, { validation: true }).assembly);
    });

    test('synthesizes under strict validation and cdk-nag into one stack per region with resources, plus the global stack', () => {
        expect(results.get('kitchen')!.errors).toEqual([]);
        expect(t.stackNames).toEqual(['Kitchen-global', 'Kitchen-us-east-1', 'Kitchen-us-east-2', 'Kitchen-us-west-2']);
        expect(t.assembly.manifest.missing ?? []).toEqual([]);
    });

    test('replicates the S3 bucket to the replica region, through a role limited to the two buckets', () => {
        const [source] = t.props('Kitchen-us-west-2', 'AWS::S3::Bucket').filter((b) => b.ReplicationConfiguration);
        expect(source!.BucketName).toBe('kitchen-assets-us-west-2-210987654321');
        expect(source!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        // lag 15m: Replication Time Control (99.99 % within 15 minutes) with its metrics; delete markers replicate.
        expect(source!.ReplicationConfiguration.Rules).toEqual([
            expect.objectContaining({
                Priority: 1,
                Status: 'Enabled',
                DeleteMarkerReplication: { Status: 'Enabled' },
                Destination: {
                    Bucket: 'arn:aws:s3:::kitchen-assets-us-east-1-210987654321',
                    ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
                    Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
                },
            }),
        ]);
        expect(tagsOf(source!)).toMatchObject({ 'mregion:residency': 'US' });
        const replica = t
            .props('Kitchen-us-east-1', 'AWS::S3::Bucket')
            .find((b) => b.BucketName === 'kitchen-assets-us-east-1-210987654321');
        expect(replica?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        const [policy] = t
            .props('Kitchen-us-west-2', 'AWS::IAM::Policy')
            .filter((p) => JSON.stringify(p).includes('s3:ReplicateObject'));
        const resources = policy!.PolicyDocument.Statement.flatMap((s: { Resource: string | string[] }) =>
            [s.Resource].flat(),
        );
        expect(resources).toEqual([
            'arn:aws:s3:::kitchen-assets-us-west-2-210987654321',
            'arn:aws:s3:::kitchen-assets-us-west-2-210987654321/*',
            'arn:aws:s3:::kitchen-assets-us-east-1-210987654321/*',
        ]);
        expect(t.dependencies('Kitchen-us-west-2')).toEqual(['Kitchen-us-east-1', 'Kitchen-us-east-2']);
    });

    test('builds the MRSC table with two replicas and a witness, keyed by the unique field', () => {
        const stock = t
            .props('Kitchen-us-east-1', 'AWS::DynamoDB::GlobalTable')
            .find((g) => g.MultiRegionConsistency === 'STRONG');
        expect(regionsOfReplicas(stock!)).toEqual(['us-east-2', 'us-east-1']);
        expect(stock!.GlobalTableWitnesses).toEqual([{ Region: 'us-west-2' }]);
        expect(stock!.KeySchema).toEqual([{ AttributeName: 'sku', KeyType: 'HASH' }]);
    });

    test('tags a per-cell table with its cell and residency', () => {
        const carts = t
            .props('Kitchen-us-east-1', 'AWS::DynamoDB::GlobalTable')
            .find((g) => g.MultiRegionConsistency === undefined);
        expect(regionsOfReplicas(carts!)).toEqual(['us-west-2', 'us-east-1']);
        expect(tagsOf(carts!.Replicas[0])).toMatchObject({
            'mregion:cell': 'blue',
            'mregion:residency': 'US',
            'mregion:topology': 'Kitchen',
        });
    });

    test('keys each DNS record and health check by its region, not its position', () => {
        const records = Object.entries(t.of('Kitchen-global').findResources('AWS::Route53::RecordSet')).map(
            ([id, r]) => [id, (r as { Properties: { SetIdentifier: string } }).Properties.SetIdentifier],
        );
        expect(records).toHaveLength(4);
        for (const [id, setIdentifier] of records)
            expect(id).toContain(
                `Record${setIdentifier!.replace(/^(primary|secondary|latency)-/, '').replace(/-/g, '')}`,
            );
    });

    test('exposes the tables, buckets and clusters as public fields of their stacks', () => {
        const app = synthesize(apps.get('kitchen')!, { validation: false }).app;
        const east2 = app.node.findChild('Kitchen-us-east-2') as unknown as Record<string, unknown>;
        expect((east2.ordersDatabase as Construct).node.path).toBe('Kitchen-us-east-2/Orders');
        const west2 = app.node.findChild('Kitchen-us-west-2') as unknown as Record<string, unknown>;
        expect((west2.assetsBucket as Construct).node.path).toBe('Kitchen-us-west-2/Assets');
        const east1 = app.node.findChild('Kitchen-us-east-1') as unknown as Record<string, unknown>;
        expect((east1.cartsBlueTable as Construct).node.path).toBe('Kitchen-us-east-1/CellBlue/Carts');
    });

    test("routes the active-active cell service by latency with the design's TTL and threshold", () => {
        const records = t
            .props('Kitchen-global', 'AWS::Route53::RecordSet')
            .filter((r) => r.Name === 'web-blue.example.com.');
        expect(records.map((r) => [r.Region, r.TTL])).toEqual([
            ['us-east-1', '30'],
            ['us-west-2', '30'],
        ]);
        const thresholds = t
            .props('Kitchen-global', 'AWS::Route53::HealthCheck')
            .map((c) => c.HealthCheckConfig)
            .filter((c) => c.FailureThreshold === 2);
        expect(thresholds.map((c) => c.FullyQualifiedDomainName)).toEqual([
            'web-blue.us-east-1.example.com',
            'web-blue.us-west-2.example.com',
        ]);
    });

    test('keeps the warm standby behind Global Accelerator at a traffic dial of 0, leaving load balancers to their own health checks', () => {
        const groups = t.props('Kitchen-global', 'AWS::GlobalAccelerator::EndpointGroup');
        expect(
            groups.map((g) => [
                g.EndpointGroupRegion,
                g.TrafficDialPercentage,
                g.HealthCheckIntervalSeconds,
                g.ThresholdCount,
            ]),
        ).toEqual([
            ['us-east-1', 100, undefined, undefined],
            ['us-west-2', 0, undefined, undefined],
        ]);
        const infos = t.assembly.stacks
            .flatMap((s) => s.messages)
            .filter((m) => m.level === 'info')
            .map((m) => String(m.entry.data));
        expect(infos).toContain(
            'The load balancers in us-east-1, us-west-2 decide endpoint health: configure their target groups with targetGroupHealthCheck (every 30 s, threshold 3).',
        );
    });

    test("sets the design's Global Accelerator health check on endpoint groups of instances, where it takes effect", () => {
        const app = apps.get('kitchen')!;
        const instances = {
            'mregion:accelerator-endpoint:api:us-east-1': 'i-0123456789abcdef0',
            'mregion:accelerator-endpoint:api:us-west-2': 'eipalloc-0123456789abcdef0',
        };
        const groups = new Templates(
            synthesize(app, { validation: true, context: cdkJsonContext(app, instances) }).assembly,
        ).props('Kitchen-global', 'AWS::GlobalAccelerator::EndpointGroup');
        expect(groups.map((g) => [g.EndpointGroupRegion, g.HealthCheckIntervalSeconds, g.ThresholdCount])).toEqual([
            ['us-east-1', 30, 3],
            ['us-west-2', 30, 3],
        ]);
    });

    test('has no deploy blocker synth cannot see', () => {
        expect(deployBlockers(t.assembly, cdkJsonContext(apps.get('kitchen')!))).toEqual([]);
    });

    test("switches the active-passive service's failover records with routing controls", () => {
        const records = t
            .props('Kitchen-global', 'AWS::Route53::RecordSet')
            .filter((r) => r.Name === 'ops.example.com.');
        expect(records.map((r) => [r.Failover, r.SetIdentifier, r.TTL])).toEqual([
            ['PRIMARY', 'primary-us-east-1', '60'],
            ['SECONDARY', 'secondary-us-east-2', '60'],
        ]);
        const checks = t.of('Kitchen-global').findResources('AWS::Route53::HealthCheck');
        for (const record of records) {
            expect(
                (checks[record.HealthCheckId.Ref] as { Properties: { HealthCheckConfig: { Type: string } } }).Properties
                    .HealthCheckConfig.Type,
            ).toBe('RECOVERY_CONTROL');
        }
    });

    test("publishes the ARC cluster's and each routing control's ARN under the output names the README uses", () => {
        const template = t.of('Kitchen-global').toJSON() as {
            Outputs: Record<string, { Value: { 'Fn::GetAtt': [string, string] } }>;
            Resources: Record<string, { Type: string; Properties: { Name?: string } }>;
        };
        const target = (output: string) => {
            const [id, attribute] = template.Outputs[output]!.Value['Fn::GetAtt'];
            return [template.Resources[id]!.Type, template.Resources[id]!.Properties.Name, attribute];
        };
        expect(target('RecoveryClusterArn')).toEqual([
            'AWS::Route53RecoveryControl::Cluster',
            'Kitchen-recovery',
            'ClusterArn',
        ]);
        expect(target('OpsUsEast1RoutingControlArn')).toEqual([
            'AWS::Route53RecoveryControl::RoutingControl',
            'us-east-1',
            'RoutingControlArn',
        ]);
        expect(target('OpsUsEast2RoutingControlArn')).toEqual([
            'AWS::Route53RecoveryControl::RoutingControl',
            'us-east-2',
            'RoutingControlArn',
        ]);
        const readme = apps.get('kitchen')!.files.find((f) => f.path === 'README.md')!.content;
        for (const output of Object.keys(template.Outputs)) expect(readme).toContain(`<${output}>`);
    });

    test("carries each service instance's objective into its own Resilience Hub policy", () => {
        const policies = t.stackNames.flatMap((s) =>
            t
                .props(s, 'AWS::ResilienceHub::ResiliencyPolicy')
                .map((p) => [s, p.PolicyName, p.Policy.Region.RtoInSecs, p.Policy.Region.RpoInSecs]),
        );
        expect(policies).toEqual([
            ['Kitchen-us-east-1', 'kitchen-api', 300, 1],
            ['Kitchen-us-east-1', 'kitchen-web-blue', 60, 1],
        ]);
    });
});

describe("two regions that need each other's resources", () => {
    test("deploy in an order: each region's replicating resources in a second stack after what they need", () => {
        expect(results.get('crossing')!.errors).toEqual([]);
        const app = apps.get('crossing')!;
        const t = new Templates(synthesize(app, { validation: true }).assembly);
        expect(t.stackNames).toEqual([
            'Crossing-us-east-1',
            'Crossing-us-east-1-replication',
            'Crossing-us-west-2',
            'Crossing-us-west-2-replication',
        ]);
        // The writer and the replica bucket need nothing; the secondary and the replicating source need them.
        expect(t.props('Crossing-us-east-1', 'AWS::RDS::GlobalCluster')).toHaveLength(1);
        expect(t.props('Crossing-us-west-2', 'AWS::S3::Bucket').map((b) => b.BucketName)).toContain(
            'crossing-assets-us-west-2-210987654321',
        );
        expect(t.props('Crossing-us-west-2-replication', 'AWS::RDS::DBCluster')[0]).toMatchObject({
            GlobalClusterIdentifier: 'crossing-orders',
        });
        expect(
            t
                .props('Crossing-us-east-1-replication', 'AWS::S3::Bucket')
                .filter((b) => b.ReplicationConfiguration)
                .map((b) => b.BucketName),
        ).toEqual(['crossing-assets-us-east-1-210987654321']);
        expect(t.dependencies('Crossing-us-west-2-replication')).toEqual(['Crossing-us-east-1']);
        expect(t.dependencies('Crossing-us-east-1-replication')).toEqual(['Crossing-us-west-2']);
        expect(t.dependencies('Crossing-us-east-1')).toEqual([]);
        expect(t.dependencies('Crossing-us-west-2')).toEqual([]);
        expect(deployBlockers(t.assembly, cdkJsonContext(app))).toEqual([]);
        // The only service using the database in us-west-2 is pilot light: the secondary runs no instance.
        expect(t.props('Crossing-us-west-2-replication', 'AWS::RDS::DBInstance')).toEqual([]);
    });
});

describe('a standby outside AWS', () => {
    test('gets a SECONDARY failover record and an HTTPS health check on its own endpoint', () => {
        expect(results.get('hybrid')!.errors).toEqual([]);
        const t = new Templates(synthesize(apps.get('hybrid')!, { validation: true }).assembly);
        expect(t.stackNames).toEqual(['Hybrid-global']);
        const records = t.props('Hybrid-global', 'AWS::Route53::RecordSet');
        expect(records.map((r) => [r.Failover, r.SetIdentifier, r.ResourceRecords])).toEqual([
            ['PRIMARY', 'primary-us-east-1', ['api.us-east-1.example.com']],
            ['SECONDARY', 'secondary-us-central1', ['api.us-central1.example.com']],
        ]);
        const checks = t
            .props('Hybrid-global', 'AWS::Route53::HealthCheck')
            .map((c) => [
                c.HealthCheckConfig.FullyQualifiedDomainName,
                c.HealthCheckConfig.RequestInterval,
                c.HealthCheckConfig.FailureThreshold,
            ]);
        expect(checks).toEqual([
            ['api.us-east-1.example.com', 30, 3],
            ['api.us-central1.example.com', 30, 3],
        ]);
    });
});

describe('DNS records follow what each endpoint is', () => {
    const primary = 'mregion:endpoint:api:us-east-1';
    const standby = 'mregion:endpoint:api:us-central1';
    const zone = 'mregion:endpoint-zone:api:us-east-1';
    // Canonical zone ids are opaque to the app: any non-empty value is passed through as the alias target's zone.
    const valid: readonly { case: string; context: Record<string, string>; records: unknown[][] }[] = [
        {
            case: 'a load balancer primary and an IP address outside AWS: an alias A record that evaluates the target, and an A record',
            context: {
                [primary]: 'api-123.us-east-1.elb.amazonaws.com',
                [zone]: 'ZLBCANONICAL',
                [standby]: '203.0.113.10',
            },
            records: [
                [
                    'A',
                    'PRIMARY',
                    {
                        DNSName: 'api-123.us-east-1.elb.amazonaws.com',
                        HostedZoneId: 'ZLBCANONICAL',
                        EvaluateTargetHealth: true,
                    },
                    undefined,
                    undefined,
                ],
                ['A', 'SECONDARY', undefined, ['203.0.113.10'], '60'],
            ],
        },
        {
            case: 'a network load balancer (elb.<region> form) and Global Accelerator: both alias records evaluating target health',
            context: {
                [primary]: 'api-abc.elb.us-east-1.amazonaws.com',
                [zone]: 'ZNLBCANONICAL',
                [standby]: 'a1234567890abcdef.awsglobalaccelerator.com',
            },
            records: [
                [
                    'A',
                    'PRIMARY',
                    {
                        DNSName: 'api-abc.elb.us-east-1.amazonaws.com',
                        HostedZoneId: 'ZNLBCANONICAL',
                        EvaluateTargetHealth: true,
                    },
                    undefined,
                    undefined,
                ],
                [
                    'A',
                    'SECONDARY',
                    {
                        DNSName: 'a1234567890abcdef.awsglobalaccelerator.com',
                        HostedZoneId: 'Z2BJ6XQ5FK7U4H',
                        EvaluateTargetHealth: true,
                    },
                    undefined,
                    undefined,
                ],
            ],
        },
        {
            case: 'two IPv6 addresses: AAAA records',
            context: { [primary]: '2001:db8::10', [standby]: '2001:db8:1::20' },
            records: [
                ['AAAA', 'PRIMARY', undefined, ['2001:db8::10'], '60'],
                ['AAAA', 'SECONDARY', undefined, ['2001:db8:1::20'], '60'],
            ],
        },
        {
            case: "two host names: CNAME records with the design's TTL",
            context: { [primary]: 'api.example.net', [standby]: 'api.other-cloud.example' },
            records: [
                ['CNAME', 'PRIMARY', undefined, ['api.example.net'], '60'],
                ['CNAME', 'SECONDARY', undefined, ['api.other-cloud.example'], '60'],
            ],
        },
    ];
    test.each(valid)('$case', ({ context, records }) => {
        const app = apps.get('hybrid')!;
        const t = new Templates(synthesize(app, { validation: true, context: cdkJsonContext(app, context) }).assembly);
        const found = t.props('Hybrid-global', 'AWS::Route53::RecordSet');
        expect(found.map((r) => [r.Type, r.Failover, r.AliasTarget, r.ResourceRecords, r.TTL])).toEqual(records);
        // Every record keeps its endpoint's health check, whatever its type.
        expect(found.every((r) => r.HealthCheckId !== undefined)).toBe(true);
    });

    const invalid: readonly { case: string; context: Record<string, string>; error: RegExp }[] = [
        {
            case: 'a load balancer without its canonical hosted zone id',
            context: { [primary]: 'api-123.us-east-1.elb.amazonaws.com', [standby]: '203.0.113.10' },
            error: /is a load balancer: an alias record to it needs its canonical hosted zone id/,
        },
        {
            case: 'a host name beside an IP address at one record name',
            context: { [primary]: 'api.example.net', [standby]: '203.0.113.10' },
            error: /us-east-1: CNAME, us-central1: A.*Route 53 routes between records of one name and one type/,
        },
        {
            case: 'an IPv4 address beside an IPv6 address',
            context: { [primary]: '198.51.100.7', [standby]: '2001:db8::10' },
            error: /us-east-1: A, us-central1: AAAA/,
        },
        {
            case: 'CloudFront as a failover target',
            context: { [primary]: 'd111111abcdef8.cloudfront.net', [standby]: '203.0.113.10' },
            error: /is a CloudFront distribution: a failover alias record must evaluate/,
        },
        {
            case: 'an empty hosted zone id',
            context: { [primary]: 'api-123.us-east-1.elb.amazonaws.com', [zone]: ' ', [standby]: '203.0.113.10' },
            error: /'mregion:endpoint-zone:api:us-east-1' must be a non-empty string/,
        },
    ];
    test.each(invalid)('stops synth with the reason for $case', ({ context, error }) => {
        const app = apps.get('hybrid')!;
        expect(() => synthesize(app, { validation: false, context: cdkJsonContext(app, context) })).toThrow(error);
    });

    test("evaluates the alias target's health under ARC routing controls too", () => {
        const app = apps.get('kitchen')!;
        const context = {
            'mregion:endpoint:ops:us-east-1': 'd111.us-east-1.awsglobalaccelerator.com',
            'mregion:endpoint:ops:us-east-2': 'd222.awsglobalaccelerator.com',
        };
        const t = new Templates(synthesize(app, { validation: false, context: cdkJsonContext(app, context) }).assembly);
        const records = t
            .props('Kitchen-global', 'AWS::Route53::RecordSet')
            .filter((r) => r.Name === 'ops.example.com.');
        expect(records.map((r) => [r.AliasTarget?.EvaluateTargetHealth, r.HealthCheckId !== undefined])).toEqual([
            [true, true],
            [true, true],
        ]);
    });

    test('documents the optional zone keys in the README and never seeds them in cdk.json', () => {
        const app = apps.get('hybrid')!;
        expect(Object.keys(cdkJsonContext(app)).filter((k) => k.startsWith('mregion:endpoint-zone:'))).toEqual([]);
        const readme = app.files.find((f) => f.path === 'README.md')!.content;
        expect(readme).toContain('| `mregion:endpoint-zone:api:us-east-1` |');
    });
});

describe('game days from scenarios', () => {
    test('are not deployed unless asked', () => {
        const t = new Templates(synthesize(apps.get('drills')!, { validation: true }).assembly);
        expect(t.stackNames).toEqual(['Drills-global', 'Drills-us-east-1', 'Drills-us-west-2']);
    });

    test('map a region outage to FIS network disruption, replication pause and Aurora failover, with a role and an alarm stop condition', () => {
        const app = apps.get('drills')!;
        const context = cdkJsonContext(app, { 'mregion:game-days': 'true' });
        const t = new Templates(synthesize(app, { validation: true, context }).assembly);
        expect(t.stackNames).toContain('Drills-us-east-1-gameday');
        expect(t.dependencies('Drills-us-east-1-gameday')).toEqual(['Drills-us-east-1']);
        const [template] = t.props('Drills-us-east-1-gameday', 'AWS::FIS::ExperimentTemplate');
        const actions = Object.values(
            template!.Actions as Record<
                string,
                { ActionId: string; Parameters?: Record<string, string>; Targets: Record<string, string> }
            >,
        ).map((a) => [a.ActionId, a.Parameters, a.Targets]);
        expect(actions).toEqual([
            ['aws:network:disrupt-connectivity', { duration: 'PT30M', scope: 'all' }, { Subnets: 'Subnets' }],
            ['aws:dynamodb:global-table-pause-replication', { duration: 'PT30M' }, { Tables: 'GlobalTables' }],
            ['aws:rds:failover-db-cluster', undefined, { Clusters: 'Clusters' }],
        ]);
        const targets = template!.Targets as Record<
            string,
            { ResourceType: string; ResourceTags: Record<string, string>; SelectionMode: string }
        >;
        expect(Object.values(targets).map((x) => [x.ResourceType, x.ResourceTags, x.SelectionMode])).toEqual([
            ['aws:ec2:subnet', { 'mregion:topology': 'Drills' }, 'ALL'],
            ['aws:dynamodb:global-table', { 'mregion:topology': 'Drills' }, 'ALL'],
            ['aws:rds:cluster', { 'mregion:topology': 'Drills' }, 'ALL'],
        ]);
        expect(template!.StopConditions).toEqual([
            {
                Source: 'aws:cloudwatch:alarm',
                Value: { 'Fn::GetAtt': [expect.stringMatching(/ObjectiveBreached/), 'Arn'] },
            },
        ]);
        const [role] = t.props('Drills-us-east-1-gameday', 'AWS::IAM::Role');
        expect(JSON.stringify(role!.AssumeRolePolicyDocument)).toContain('fis.amazonaws.com');
        const alarm = t.props('Drills-us-east-1-gameday', 'AWS::CloudWatch::Alarm')[0]!;
        expect(alarm.AlarmDescription).toContain('(expect rto <= 5m, expect rpo <= 1s)');
        expect(deployBlockers(t.assembly, context)).toEqual([]);
    });

    test('list what FIS cannot inject with the reason', () => {
        const readme = apps.get('drills')!.files.find((f) => f.path === 'README.md')!.content;
        expect(readme).toContain('## Game days (AWS FIS)');
        expect(readme).toMatch(
            /\| scenario split: partition us-east-1 \/ us-west-2 \| FIS cuts cross-region traffic only where it leaves subnets/,
        );
        expect(readme).toMatch(
            /\| scenario lose-east: fault times \| an experiment starts every action when it starts/,
        );
    });
});

describe('an existing VPC', () => {
    const key = 'mregion:vpc:us-east-2';
    const existing = {
        vpcId: 'vpc-0a1b2c3d',
        availabilityZones: ['us-east-2a', 'us-east-2b'],
        subnetIds: ['subnet-0aaa1111', 'subnet-0bbb2222'],
    };

    test.each([
        { case: 'an object in cdk.json', value: existing },
        { case: 'the same object as a JSON string (cdk synth -c)', value: JSON.stringify(existing) },
    ])(
        'from context as $case puts the writer cluster in its subnets, with no VPC, flow log or endpoint of its own',
        ({ value }) => {
            const app = apps.get('kitchen')!;
            const t = new Templates(
                synthesize(app, { validation: true, context: cdkJsonContext(app, { [key]: value }) }).assembly,
            );
            expect(t.props('Kitchen-us-east-2', 'AWS::EC2::VPC')).toEqual([]);
            expect(t.props('Kitchen-us-east-2', 'AWS::EC2::FlowLog')).toEqual([]);
            expect(t.props('Kitchen-us-east-2', 'AWS::EC2::VPCEndpoint')).toEqual([]);
            expect(t.props('Kitchen-us-east-2', 'AWS::RDS::DBSubnetGroup').map((g) => g.SubnetIds)).toEqual([
                existing.subnetIds,
            ]);
            expect(t.props('Kitchen-us-east-2', 'AWS::EC2::SecurityGroup').map((g) => g.VpcId)).toEqual(
                expect.arrayContaining(['vpc-0a1b2c3d']),
            );
            // The other region keeps its own isolated VPC.
            expect(t.props('Kitchen-us-west-2', 'AWS::EC2::VPC')).toHaveLength(1);
            expect(deployBlockers(t.assembly, cdkJsonContext(app, { [key]: value }))).toEqual([]);
        },
    );

    test("given as the stack prop, is the stack's public vpc field and hosts the secondary cluster", () => {
        const app = apps.get('kitchen')!;
        const cdk = createRequire(import.meta.url)('aws-cdk-lib') as typeof CdkLib;
        const ec2 = createRequire(import.meta.url)('aws-cdk-lib/aws-ec2') as typeof Ec2;
        const { UsWest2Stack } = createRequire(import.meta.url)(
            path.join(app.jsDir, 'lib', 'stacks', 'us-west-2-stack.js'),
        ) as { UsWest2Stack: new (scope: Construct, id: string, props: object) => Stack & { vpc?: unknown } };
        const cdkApp = new cdk.App({
            context: cdkJsonContext(app),
            outdir: path.join(OUTPUT, 'fixtures', 'cdk.out', 'vpc-prop'),
        });
        const holder = new cdk.Stack(cdkApp, 'Holder', { env: { account: '210987654321', region: 'us-west-2' } });
        // A stack needs one resource; this one only hosts the imported VPC.
        new cdk.CfnWaitConditionHandle(holder, 'Placeholder');
        const vpc = ec2.Vpc.fromVpcAttributes(holder, 'Vpc', {
            vpcId: 'vpc-0f0e0d0c',
            availabilityZones: ['us-west-2a', 'us-west-2b'],
            isolatedSubnetIds: ['subnet-0ccc3333', 'subnet-0ddd4444'],
        });
        const stack = new UsWest2Stack(cdkApp, 'West', { env: { account: '210987654321', region: 'us-west-2' }, vpc });
        expect(stack.vpc).toBe(vpc);
        const template = cdk.assertions.Template.fromStack(stack);
        expect(
            Object.values(template.findResources('AWS::RDS::DBSubnetGroup')).map(
                (g) => (g as { Properties: { SubnetIds: string[] } }).Properties.SubnetIds,
            ),
        ).toEqual([['subnet-0ccc3333', 'subnet-0ddd4444']]);
        template.resourceCountIs('AWS::EC2::VPC', 0);
    });

    test.each([
        {
            case: 'a string that is not JSON',
            value: 'vpc-0a1b2c3d',
            error: /'mregion:vpc:us-east-2' is not JSON: it must be an object/,
        },
        {
            case: 'a VPC id of the wrong form',
            value: { ...existing, vpcId: 'my-vpc' },
            error: /'mregion:vpc:us-east-2' must be an object \{"vpcId"/,
        },
        {
            case: 'no subnets',
            value: { ...existing, subnetIds: [] },
            error: /'mregion:vpc:us-east-2' must be an object/,
        },
        {
            case: 'three subnets over two zones',
            value: { ...existing, subnetIds: ['subnet-01', 'subnet-02', 'subnet-03'] },
            error: /lists 3 subnets for 2 availability zones/,
        },
    ])('stops synth with the reason for $case', ({ value, error }) => {
        const app = apps.get('kitchen')!;
        expect(() => synthesize(app, { validation: false, context: cdkJsonContext(app, { [key]: value }) })).toThrow(
            error,
        );
    });

    test('is documented as an optional context value and never seeded in cdk.json', () => {
        const app = apps.get('kitchen')!;
        expect(Object.keys(cdkJsonContext(app)).filter((k) => k.startsWith('mregion:vpc:'))).toEqual([]);
        const readme = app.files.find((f) => f.path === 'README.md')!.content;
        for (const region of ['us-east-1', 'us-east-2', 'us-west-2'])
            expect(readme).toContain(`| \`mregion:vpc:${region}\` |`);
    });
});

describe('names that normalize alike', () => {
    test('give distinct bucket names and stack names within 128 characters, with no deploy blocker', () => {
        const app = apps.get('alike')!;
        const t = new Templates(synthesize(app, { validation: true }).assembly);
        expect(t.stackNames).toHaveLength(2);
        for (const name of t.stackNames) expect(name.length).toBeLessThanOrEqual(128);
        const buckets = t.stackNames
            .flatMap((s) => t.props(s, 'AWS::S3::Bucket'))
            .map((b) => b.BucketName)
            .filter((n) => n !== undefined);
        expect(buckets).toHaveLength(4);
        expect(new Set(buckets).size).toBe(4);
        expect(deployBlockers(t.assembly, cdkJsonContext(app))).toEqual([]);
    });
});

describe("the generated app's safeguards", () => {
    test('fails synth on a cdk-nag finding nobody acknowledged', () => {
        const app = apps.get('kitchen')!;
        const { createApp } = requireApp(app);
        const cdkApp = createApp({
            outdir: path.join(OUTPUT, 'fixtures', 'cdk.out', 'nag'),
            context: cdkJsonContext(app),
        });
        new Bucket(cdkApp.node.findChild('Kitchen-us-east-1') as Stack, 'Unlogged', { enforceSSL: true });
        expect(() => cdkApp.synth()).toThrow(/AwsSolutions-S1/);
    });

    test('warns about every placeholder still in cdk.json, and about none once the values are set', () => {
        const app = apps.get('kitchen')!;
        const warnings = (assembly: Templates['assembly']) =>
            assembly.stacks
                .flatMap((s) => s.messages)
                .filter((m) => m.level === 'warning' && String(m.entry.data).includes('is still the placeholder'))
                .map((m) => String(m.entry.data).match(/'([^']+)' is still/)![1]);
        const placeholders = warnings(synthesize(app, { validation: false }).assembly);
        expect(new Set(placeholders)).toEqual(
            new Set([
                'mregion:hosted-zone-id',
                'mregion:hosted-zone-name',
                'mregion:endpoint:web@blue:us-east-1',
                'mregion:endpoint:web@blue:us-west-2',
                'mregion:accelerator-endpoint:api:us-east-1',
                'mregion:accelerator-endpoint:api:us-west-2',
                'mregion:endpoint:ops:us-east-1',
                'mregion:endpoint:ops:us-east-2',
            ]),
        );
        const real = Object.fromEntries(
            Object.entries(cdkJsonContext(app))
                .filter(([k]) => placeholders.includes(k))
                .map(([k, v]) => [k, `real-${String(v)}`]),
        );
        expect(warnings(synthesize(app, { validation: false, context: cdkJsonContext(app, real) }).assembly)).toEqual(
            [],
        );
    });

    test("stops synth with the key's name when a context value is missing", () => {
        const app = apps.get('kitchen')!;
        const context = cdkJsonContext(app);
        delete context['mregion:hosted-zone-id'];
        expect(() => synthesize(app, { validation: false, context })).toThrow(
            "Context value 'mregion:hosted-zone-id' is missing: set it in cdk.json",
        );
    });
});

describe('hostile names', () => {
    test('produce only safe relative paths, all written inside the app folder', () => {
        const app = apps.get('hostile')!;
        for (const file of app.files) {
            expect(unsafePathReason(file.path), file.path).toBeUndefined();
            expect(file.path).toMatch(
                /^(README\.md|package\.json|cdk\.json|tsconfig\.json|\.gitignore|bin\/app\.ts|lib\/[a-z]+\.ts|lib\/(stacks|constructs)\/[a-z0-9-]+\.ts|test\/deploy-checks\.test\.ts|vitest\.config\.mjs)$/,
            );
        }
        const written = readdirSync(path.join(OUTPUT, 'fixtures', 'src'), { recursive: true }) as string[];
        expect(written.filter((f) => f.includes('..') || f.includes('é'))).toEqual([]);
    });

    test('never escape a string literal or comment: no injected identifier in any generated file', () => {
        for (const file of apps.get('hostile')!.files.filter((f) => f.path.endsWith('.ts'))) {
            expect(identifiersIn(file.path, file.content).has(INJECTED), file.path).toBe(false);
        }
    });

    test('synthesize to the same values: names, context keys and descriptions arrive unchanged, tags as AWS allows', () => {
        const app = apps.get('hostile-synth')!;
        const t = new Templates(synthesize(app, { validation: false }).assembly);
        expect(t.assembly.manifest.missing ?? []).toEqual([]);
        const stacks = t.stackNames;
        expect(stacks).toHaveLength(4);
        expect(results.get('hostile-synth')!.notGenerated).toContainEqual({
            name: `store ${hostile('stock')}`,
            reason: expect.stringMatching(/one region set/),
        });
        expect(results.get('hostile-synth')!.notGenerated).toContainEqual({
            name: `region ${hostile('us-east-1')}`,
            reason: expect.stringMatching(/not an AWS region id/),
        });
        const tables = stacks.flatMap((s) => t.props(s, 'AWS::DynamoDB::GlobalTable'));
        expect(tables.map(regionsOfReplicas)).toEqual([[hostile('us-west-2'), hostile('us-east-1')]]);
        expect(tagsOf(tables[0]!.Replicas[0])).toMatchObject({
            'mregion:cell': tagValue(hostile('blue')),
            'mregion:topology': tagValue(hostile('Kitchen')),
        });
        const descriptions = stacks
            .flatMap((s) => t.props(s, 'AWS::ResilienceHub::ResiliencyPolicy'))
            .map((p) => p.PolicyDescription);
        expect(descriptions).toContain(`service ${hostile('api')}: objective rto 5 m, rpo 1 s`);
        const records = t.props(
            stacks.find((s) => s.endsWith('-global'))!,
            'AWS::Route53::RecordSet',
        );
        expect(records.map((r) => r.ResourceRecords[0])).toContain(
            `${dnsLabel(`${hostile('web')}-${hostile('blue')}`)}.${dnsLabel(hostile('us-east-1'))}.example.com`,
        );
    });
});

describe('a hostile description in a .mregion file', () => {
    test('stays one Markdown paragraph in the README, with its text intact apart from escaping', () => {
        const readme = apps.get('described')!.files.find((f) => f.path === 'README.md')!.content;
        const line = readme.split('\n').find((l) => l.startsWith('> '))!;
        expect(line).toContain(
            'Pipes \\| "quotes" \\ back\\slash ${INJECTED()} `tick` */ &lt;b&gt;html&lt;/b&gt; second line ünï 🚀',
        );
        expect(readme).not.toContain('<b>');
    });

    test('compiles and synthesizes under strict validation like the example it came from', () => {
        const { assembly } = synthesize(apps.get('described')!, { validation: true });
        expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['CartMrec-global', 'CartMrec-us-east-1']);
    });
});

function requireApp(app: GeneratedApp): { createApp(props: object): App } {
    return createRequire(import.meta.url)(path.join(app.jsDir, 'lib', 'app.js')) as { createApp(props: object): App };
}
