// Scenarios → AWS FIS game days: which faults become which FIS actions in which region, what is listed as not
// injectable with the reason, and — over synthesized templates — that every generated experiment template says
// what AWS's documentation says: action id, the key the action names its target by, the target's resource type,
// the parameters and their values, the experiment options and the permissions of the role FIS assumes.
import { beforeAll, describe, expect, test } from 'vitest';
import { exportCdk, planExport } from '../../export/cdk/index.js';
import { modelOf } from '../helpers/services.js';
import { compileApps, cdkJsonContext, synthesize, writeApp, type GeneratedApp } from './helpers/apps.js';
import { Templates, type Props } from './helpers/templates.js';

// The documented facts, checked 2026-12-06. Action ids, resource types, parameters, permissions and the AWS
// managed policies named for an action: AWS FIS actions reference,
// https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
// Target keys: the AWS FIS user guide's Cross-Region: Connectivity scenario content ("Tables" for the replication
// pause, "Subnets" for an aws:ec2:subnet target), https://docs.aws.amazon.com/fis/latest/userguide/cross-region-scenario.html,
// and AWS's FIS template library, aurora-cluster-failover ("Clusters"),
// https://github.com/aws-samples/fis-template-library/tree/main/aurora-cluster-failover
// Selection modes ALL, COUNT(n), PERCENT(n): https://docs.aws.amazon.com/fis/latest/userguide/targets.html
// Experiment options (emptyTargetResolutionMode fail | skip): https://docs.aws.amazon.com/fis/latest/userguide/experiment-options.html
// Trust policy (service principal fis.amazonaws.com, aws:SourceAccount and aws:SourceArn against the confused
// deputy): https://docs.aws.amazon.com/resilience-hub/latest/userguide/next-gen-resilience-testing-iam-single-account.html
interface DocumentedAction {
    readonly actionId: string;
    readonly targetKey: string;
    readonly resourceType: string;
    /** Parameter → its documented values (undefined: any ISO 8601 duration, checked against the range). */
    readonly parameters: Readonly<Record<string, readonly string[] | 'duration'>>;
    readonly managedPolicy?: string;
    readonly permissions: readonly string[];
    /** Only when the targeted global table is strongly consistent (MRSC). */
    readonly mrscPermissions?: readonly string[];
}

const DOCUMENTED: readonly DocumentedAction[] = [
    {
        actionId: 'aws:network:disrupt-connectivity',
        targetKey: 'Subnets',
        resourceType: 'aws:ec2:subnet',
        parameters: {
            duration: 'duration',
            scope: ['all', 'availability-zone', 'dynamodb', 'prefix-list', 's3', 's3express', 'vpc'],
        },
        managedPolicy: 'AWSFaultInjectionSimulatorNetworkAccess',
        permissions: [
            'ec2:CreateNetworkAcl',
            'ec2:CreateNetworkAclEntry',
            'ec2:CreateTags',
            'ec2:DeleteNetworkAcl',
            'ec2:DescribeManagedPrefixLists',
            'ec2:DescribeNetworkAcls',
            'ec2:DescribeSubnets',
            'ec2:DescribeVpcs',
            'ec2:GetManagedPrefixListEntries',
            'ec2:ReplaceNetworkAclAssociation',
        ],
    },
    {
        actionId: 'aws:dynamodb:global-table-pause-replication',
        targetKey: 'Tables',
        resourceType: 'aws:dynamodb:global-table',
        parameters: { duration: 'duration' },
        permissions: [
            'dynamodb:PutResourcePolicy',
            'dynamodb:DeleteResourcePolicy',
            'dynamodb:GetResourcePolicy',
            'dynamodb:DescribeTable',
            'tag:GetResources',
        ],
        mrscPermissions: ['dynamodb:InjectError'],
    },
    {
        actionId: 'aws:rds:failover-db-cluster',
        targetKey: 'Clusters',
        resourceType: 'aws:rds:cluster',
        parameters: {},
        managedPolicy: 'AWSFaultInjectionSimulatorRDSAccess',
        permissions: ['rds:FailoverDBCluster', 'rds:DescribeDBClusters', 'tag:GetResources'],
    },
];

/** The AWS managed policy for RDS actions, as its reference page shows it (policy version v3). */
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSFaultInjectionSimulatorRDSAccess.html
const RDS_ACCESS_POLICY_ACTIONS = [
    'rds:FailoverDBCluster',
    'rds:RebootDBInstance',
    'rds:DescribeDBClusters',
    'rds:DescribeDBInstances',
    'tag:GetResources',
];

/** "The duration, from one minute to 12 hours", ISO 8601 (docs/facts.md#fis-action-duration). */
function isoSeconds(value: string): number | undefined {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
    if (!m || value === 'PT') return undefined;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

const DESIGN = (faults: string, posture = 'warm-standby') => `topology G "game days"
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
region us-central1 { provider gcp jurisdiction US }
store orders { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }
store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }
service api { regions us-east-1, us-west-2 primary us-east-1 posture ${posture} capacity 100% per region uses orders, carts }
workload steady for api { writes 10/s from us-east-1 100% reads 10/s keys 100 item-size 1KB }
scenario rehearsal { workload steady duration 2h ${faults} }
`;

const MRSC_DESIGN = `topology M "strong game day"
region us-east-1 { provider aws jurisdiction US }
region us-east-2 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store ledger { engine dynamodb regions us-east-1, us-east-2, us-west-2 holds shared counter writes any-region replication sync consistency strong conflicts reject }
service api { regions us-east-1, us-east-2, us-west-2 posture active-active capacity 100% per region uses ledger }
workload steady for api { writes 10/s from us-east-1 100% reads 10/s keys 100 item-size 1KB }
scenario rehearsal { workload steady duration 1h at 0s outage region us-east-1 for 90s }
`;

async function planOf(text: string) {
    const { model } = await modelOf(text);
    return planExport(model);
}

function actionsOf(plan: Awaited<ReturnType<typeof planOf>>) {
    return plan.gameDayStacks
        .flatMap((s) => s.experiments)
        .map((e) => [
            e.key,
            e.actions.map((a) => `${a.actionId}${a.duration ? ` ${a.duration}` : ''}${a.mrsc ? ' mrsc' : ''}`),
        ]);
}

describe('game days', () => {
    test.each([
        {
            name: 'a region outage becomes network disruption, replication pause and Aurora failover in that region',
            design: DESIGN('at 0s outage region us-west-2 for 20m'),
            experiments: [
                [
                    'rehearsal us-west-2',
                    [
                        'aws:network:disrupt-connectivity PT20M',
                        'aws:dynamodb:global-table-pause-replication PT20M',
                        'aws:rds:failover-db-cluster',
                    ],
                ],
            ],
        },
        {
            name: 'an outage longer than FIS allows is capped at twelve hours',
            design: DESIGN('at 0s outage region us-east-1 for 20h'),
            experiments: [
                [
                    'rehearsal us-east-1',
                    [
                        'aws:network:disrupt-connectivity PT720M',
                        'aws:dynamodb:global-table-pause-replication PT720M',
                        'aws:rds:failover-db-cluster',
                    ],
                ],
            ],
        },
        {
            name: 'a headless (pilot-light) Aurora secondary gets no cluster failover: it has no instance to promote',
            design: DESIGN('at 0s outage region us-west-2 for 20m', 'pilot-light'),
            experiments: [
                [
                    'rehearsal us-west-2',
                    ['aws:network:disrupt-connectivity PT20M', 'aws:dynamodb:global-table-pause-replication PT20M'],
                ],
            ],
        },
        {
            name: 'a region with only DynamoDB has no subnet to cut, and its strongly consistent table needs the MRSC permission',
            design: MRSC_DESIGN,
            experiments: [['rehearsal us-east-1', ['aws:dynamodb:global-table-pause-replication PT90S mrsc']]],
        },
    ])('$name', async ({ design, experiments }) => {
        expect(actionsOf(await planOf(design))).toEqual(experiments);
    });

    test.each([
        {
            fault: 'at 1m outage region us-central1 for 10m',
            reason: /not an AWS region: FIS acts on AWS resources only/,
        },
        { fault: 'at 1m destroy region us-east-1', reason: /FIS cannot destroy a region's storage/ },
        {
            fault: 'at 1m partition us-east-1 <-> us-west-2 for 10m',
            reason: /only where it leaves subnets .*aws:network:route-table-disrupt-cross-region-connectivity/,
        },
        {
            fault: 'at 1m impair control-plane us-east-1 for 10m',
            reason: /cannot make an AWS management API unavailable.*only EC2 and Kinesis Data Streams calls/,
        },
    ])('lists "$fault" as not injectable, with the reason', async ({ fault, reason }) => {
        const { model, problems } = await modelOf(DESIGN(fault));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const plan = planExport(model);
        expect(plan.gameDayStacks).toEqual([]);
        expect(plan.notInjectable).toContainEqual({
            name: expect.stringMatching(/^scenario rehearsal: /),
            reason: expect.stringMatching(reason),
        });
    });

    test.each([
        {
            what: 'the network of a region where the app creates no subnet',
            design: MRSC_DESIGN,
            name: 'scenario rehearsal: network of us-east-1',
            reason: /creates no subnet in us-east-1 .*aws:network:disrupt-connectivity/,
        },
        {
            what: 'the failover of a headless Aurora secondary',
            design: DESIGN('at 0s outage region us-west-2 for 20m', 'pilot-light'),
            name: 'scenario rehearsal: Aurora failover of store orders in us-west-2',
            reason: /headless \(no DB instance, pilot light\)/,
        },
    ])('lists $what as not injectable, with the reason', async ({ design, name, reason }) => {
        expect((await planOf(design)).notInjectable).toContainEqual({ name, reason: expect.stringMatching(reason) });
    });
});

describe('generated FIS experiment templates match the AWS documentation', () => {
    const apps: GeneratedApp[] = [];
    const templates = new Map<string, Templates>();

    beforeAll(async () => {
        for (const [name, design] of [
            ['eventual', DESIGN('at 0s outage region us-east-1 for 30m')],
            ['strong', MRSC_DESIGN],
        ] as const) {
            const { model } = await modelOf(design);
            apps.push(writeApp('game-days', name, exportCdk(model, []).files));
        }
        expect(compileApps('game-days', apps)).toEqual([]);
        for (const app of apps) {
            const context = cdkJsonContext(app, { 'mregion:game-days': 'true' });
            templates.set(app.name, new Templates(synthesize(app, { validation: true, context }).assembly));
        }
    }, 240_000);

    /** Every experiment template of an app, with its role's managed policies and inline actions. */
    function experiments(name: string) {
        const t = templates.get(name)!;
        return t.stackNames
            .filter((s) => s.endsWith('-gameday'))
            .flatMap((stack) => {
                const resources = t.of(stack).toJSON().Resources as Record<string, { Type: string; Properties: Props }>;
                const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
                return Object.values(resources)
                    .filter((r) => r.Type === 'AWS::FIS::ExperimentTemplate')
                    .map((r) => {
                        const roleId = r.Properties.RoleArn['Fn::GetAtt'][0] as string;
                        const role = resources[roleId]!.Properties;
                        return {
                            template: r.Properties,
                            trust: role.AssumeRolePolicyDocument.Statement as Props[],
                            managed: ((role.ManagedPolicyArns ?? []) as Props[]).map((a) =>
                                String(a['Fn::Join'][1][2]).replace(/^:iam::aws:policy\/service-role\//, ''),
                            ),
                            inline: policies
                                .filter((p) => (p.Properties.Roles as Props[]).some((x) => x.Ref === roleId))
                                .flatMap((p) => p.Properties.PolicyDocument.Statement as Props[])
                                .flatMap((s) => [s.Action].flat() as string[]),
                        };
                    });
            });
    }

    test.each(DOCUMENTED)(
        '$actionId names its $resourceType target $targetKey, with documented parameters and permissions',
        (doc) => {
            const found = ['eventual', 'strong'].flatMap((name) =>
                experiments(name).flatMap((e) =>
                    Object.values(e.template.Actions as Record<string, Props>)
                        .filter((a) => a.ActionId === doc.actionId)
                        .map((a) => ({ ...e, action: a, mrsc: name === 'strong' })),
                ),
            );
            expect(found.length).toBeGreaterThan(0);
            for (const { template, action, managed, inline, mrsc } of found) {
                expect(Object.keys(action.Targets)).toEqual([doc.targetKey]);
                const target = template.Targets[action.Targets[doc.targetKey]];
                expect(target.ResourceType).toBe(doc.resourceType);
                expect(target.SelectionMode).toMatch(/^(ALL|COUNT\(\d+\)|PERCENT\(\d+\))$/);
                for (const [parameter, value] of Object.entries((action.Parameters ?? {}) as Record<string, string>)) {
                    const allowed = doc.parameters[parameter];
                    expect(allowed, `${doc.actionId} documents no parameter ${parameter}`).toBeDefined();
                    if (allowed === 'duration') {
                        const s = isoSeconds(value);
                        expect(s, value).toBeGreaterThanOrEqual(60);
                        expect(s, value).toBeLessThanOrEqual(12 * 3600);
                    } else expect(allowed).toContain(value);
                }
                const granted = doc.managedPolicy !== undefined ? managed.includes(doc.managedPolicy) : false;
                if (!granted) expect(inline).toEqual(expect.arrayContaining([...doc.permissions]));
                for (const p of doc.mrscPermissions ?? []) expect(inline.includes(p)).toBe(mrsc);
            }
        },
    );

    test('every experiment template has documented experiment options and a role only FIS experiments of this account assume', () => {
        const all = ['eventual', 'strong'].flatMap((name) => experiments(name));
        expect(all).toHaveLength(2);
        for (const { template, trust } of all) {
            expect(['fail', 'skip']).toContain(template.ExperimentOptions.EmptyTargetResolutionMode);
            expect(trust).toEqual([
                expect.objectContaining({
                    Action: 'sts:AssumeRole',
                    Principal: { Service: 'fis.amazonaws.com' },
                    Condition: {
                        StringEquals: { 'aws:SourceAccount': '123456789012' },
                        ArnLike: {
                            'aws:SourceArn': expect.stringMatching(
                                /^arn:aws:fis:[a-z0-9-]+:123456789012:experiment\/\*$/,
                            ),
                        },
                    },
                }),
            ]);
        }
    });

    test("the RDS managed policy's documented actions cover what the failover action needs", () => {
        const rds = DOCUMENTED.find((d) => d.actionId === 'aws:rds:failover-db-cluster')!;
        expect(RDS_ACCESS_POLICY_ACTIONS).toEqual(expect.arrayContaining([...rds.permissions]));
    });
});
