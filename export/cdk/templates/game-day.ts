// lib/constructs/game-day-experiment.ts of the generated app (static: no model data inside).
export const GAME_DAY_EXPERIMENT = `// An AWS FIS experiment template for one scenario of the design in one region, with the IAM role FIS assumes
// and a stop condition: a CloudWatch alarm on the scenario's objectives. Targets are chosen by the app's
// topology tag, so the experiment acts on exactly what this app created in the region. Action ids, target keys,
// target types, parameters and permissions follow the AWS FIS actions reference:
// https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as fis from 'aws-cdk-lib/aws-fis';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export type FisActionId = 'aws:network:disrupt-connectivity' | 'aws:dynamodb:global-table-pause-replication' | 'aws:rds:failover-db-cluster';

export interface GameDayAction {
    readonly actionId: FisActionId;
    /** ISO 8601, for actions that last (one minute to twelve hours). */
    readonly duration?: string;
    /** The replication pause acts on a strongly consistent (MRSC) global table, which needs one more permission. */
    readonly mrsc?: boolean;
    readonly description: string;
}

export interface GameDayExperimentProps {
    readonly description: string;
    /** The tag every resource of the app carries, and its value: FIS selects its targets by it. */
    readonly tag: { readonly key: string; readonly value: string };
    /** The scenario's expectations, for the alarm's description. */
    readonly objectives: string;
    readonly actions: readonly GameDayAction[];
}

interface ActionSpec {
    /** The target type the action acts on, and the key FIS names that target by in the action. */
    readonly resourceType: string;
    readonly targetKey: string;
    /** The action's and the target's names in this template. */
    readonly name: string;
    readonly target: string;
    /** The AWS managed policy the reference names for the action, when it names one (AWS keeps it in step). */
    readonly managedPolicy?: string;
    /** Otherwise the permissions the reference lists for it. */
    readonly permissions?: readonly string[];
}

const ACTIONS: Readonly<Record<FisActionId, ActionSpec>> = {
    'aws:network:disrupt-connectivity': {
        resourceType: 'aws:ec2:subnet', targetKey: 'Subnets', name: 'DisruptNetwork', target: 'Subnets',
        managedPolicy: 'AWSFaultInjectionSimulatorNetworkAccess',
    },
    'aws:dynamodb:global-table-pause-replication': {
        resourceType: 'aws:dynamodb:global-table', targetKey: 'Tables', name: 'PauseReplication', target: 'GlobalTables',
        permissions: ['dynamodb:PutResourcePolicy', 'dynamodb:DeleteResourcePolicy', 'dynamodb:GetResourcePolicy', 'dynamodb:DescribeTable', 'tag:GetResources'],
    },
    'aws:rds:failover-db-cluster': {
        resourceType: 'aws:rds:cluster', targetKey: 'Clusters', name: 'FailoverClusters', target: 'Clusters',
        managedPolicy: 'AWSFaultInjectionSimulatorRDSAccess',
    },
};

/** Only for strongly consistent (MRSC) global tables, the replication pause also injects errors. */
const MRSC_PERMISSION = 'dynamodb:InjectError';

/** The metric a game day publishes to stop the experiment: 1 when an objective of the scenario is breached. */
export const STOP_METRIC = { namespace: 'mregion/GameDay', metricName: 'ObjectiveBreached' } as const;

export class GameDayExperiment extends Construct {
    readonly template: fis.CfnExperimentTemplate;
    readonly role: iam.Role;
    readonly stopAlarm: cloudwatch.Alarm;

    constructor(scope: Construct, id: string, props: GameDayExperimentProps) {
        super(scope, id);
        const stack = Stack.of(this);
        // Only FIS experiments of this account may assume the role (the confused-deputy conditions AWS recommends).
        this.role = new iam.Role(this, 'Role', {
            assumedBy: new iam.ServicePrincipal('fis.amazonaws.com', {
                conditions: {
                    StringEquals: { 'aws:SourceAccount': stack.account },
                    ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'fis', resource: 'experiment', resourceName: '*' }) },
                },
            }),
            description: 'Assumed by AWS FIS to run ' + id,
        });
        const specs = props.actions.map((a) => ACTIONS[a.actionId]);
        const managed = [...new Set(specs.flatMap((s) => (s.managedPolicy !== undefined ? [s.managedPolicy] : [])))];
        for (const name of managed) {
            this.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/' + name));
            Validations.of(this.role).acknowledge({
                id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/' + name + ']',
                reason: 'AWS maintains the FIS managed policies to match what its actions need.',
            });
        }
        const permissions = [
            ...specs.flatMap((s) => s.permissions ?? []),
            ...(props.actions.some((a) => a.mrsc === true) ? [MRSC_PERMISSION] : []),
        ];
        if (permissions.length > 0) {
            this.role.addToPolicy(new iam.PolicyStatement({ actions: [...new Set(permissions)], resources: ['*'] }));
            Validations.of(this.role).acknowledge({
                id: 'AwsSolutions-IAM5[Resource::*]',
                reason: 'FIS selects the tables by tag when the experiment starts, so their ARNs are not known here.',
            });
        }
        this.stopAlarm = new cloudwatch.Alarm(this, 'ObjectiveBreached', {
            metric: new cloudwatch.Metric({ ...STOP_METRIC, dimensionsMap: { Experiment: id }, period: Duration.minutes(1), statistic: 'Maximum' }),
            threshold: 1,
            evaluationPeriods: 1,
            comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
            alarmDescription: ('Stops the game day ' + id + ' when an objective is breached (' + props.objectives + '): publish ' + STOP_METRIC.namespace + ' ' + STOP_METRIC.metricName + ' = 1 with Experiment=' + id).slice(0, 1024),
        });
        const targets: Record<string, fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty> = {};
        const actions: Record<string, fis.CfnExperimentTemplate.ExperimentTemplateActionProperty> = {};
        for (const action of props.actions) {
            const spec = ACTIONS[action.actionId];
            targets[spec.target] = { resourceType: spec.resourceType, resourceTags: { [props.tag.key]: props.tag.value }, selectionMode: 'ALL' };
            const parameters: Record<string, string> = {};
            if (action.duration !== undefined) parameters.duration = action.duration;
            if (action.actionId === 'aws:network:disrupt-connectivity') parameters.scope = 'all';
            actions[spec.name] = {
                actionId: action.actionId,
                description: action.description.slice(0, 512),
                parameters: Object.keys(parameters).length > 0 ? parameters : undefined,
                targets: { [spec.targetKey]: spec.target },
            };
        }
        this.template = new fis.CfnExperimentTemplate(this, 'Template', {
            description: props.description.slice(0, 512),
            roleArn: this.role.roleArn,
            stopConditions: [{ source: 'aws:cloudwatch:alarm', value: this.stopAlarm.alarmArn }],
            targets,
            actions,
            // A target that finds nothing (say, untagged subnets of your own VPC) stops the experiment from starting
            // rather than letting it run without that fault.
            experimentOptions: { emptyTargetResolutionMode: 'fail' },
            tags: { Name: id.slice(0, 256) },
        });
    }
}
`;
