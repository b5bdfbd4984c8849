// lib/constructs/game-day-experiment.ts of the generated app (static: no model data inside).
export const GAME_DAY_EXPERIMENT = `// An AWS FIS experiment template for one scenario of the design in one region, with the IAM role FIS assumes
// and a stop condition: a CloudWatch alarm on the scenario's objectives. Targets are chosen by the app's
// topology tag, so the experiment acts on exactly what this app created in the region.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as fis from 'aws-cdk-lib/aws-fis';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export type FisActionId = 'aws:network:disrupt-connectivity' | 'aws:dynamodb:global-table-pause-replication' | 'aws:rds:failover-db-cluster';

export interface GameDayAction {
    readonly actionId: FisActionId;
    /** ISO 8601, for actions that last (one minute to twelve hours). */
    readonly duration?: string;
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

/** Per action: the target type it acts on, the name FIS gives that target in the action, and the action's name here. */
const ACTIONS: Readonly<Record<FisActionId, { resourceType: string; targetKey: string; name: string; target: string }>> = {
    'aws:network:disrupt-connectivity': { resourceType: 'aws:ec2:subnet', targetKey: 'Subnets', name: 'DisruptNetwork', target: 'Subnets' },
    'aws:dynamodb:global-table-pause-replication': { resourceType: 'aws:dynamodb:global-table', targetKey: 'Tables', name: 'PauseReplication', target: 'GlobalTables' },
    'aws:rds:failover-db-cluster': { resourceType: 'aws:rds:cluster', targetKey: 'Clusters', name: 'FailoverClusters', target: 'Clusters' },
};

/** The metric a game day publishes to stop the experiment: 1 when an objective of the scenario is breached. */
export const STOP_METRIC = { namespace: 'mregion/GameDay', metricName: 'ObjectiveBreached' } as const;

export class GameDayExperiment extends Construct {
    readonly template: fis.CfnExperimentTemplate;
    readonly role: iam.Role;
    readonly stopAlarm: cloudwatch.Alarm;

    constructor(scope: Construct, id: string, props: GameDayExperimentProps) {
        super(scope, id);
        this.role = new iam.Role(this, 'Role', {
            assumedBy: new iam.ServicePrincipal('fis.amazonaws.com'),
            description: 'Assumed by AWS FIS to run ' + id,
        });
        const used = new Set(props.actions.map((a) => a.actionId));
        // AWS keeps these managed policies in step with what the FIS actions need.
        const managed = [
            ...(used.has('aws:network:disrupt-connectivity') ? ['AWSFaultInjectionSimulatorNetworkAccess'] : []),
            ...(used.has('aws:rds:failover-db-cluster') ? ['AWSFaultInjectionSimulatorRDSAccess'] : []),
        ];
        for (const name of managed) {
            this.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/' + name));
            Validations.of(this.role).acknowledge({
                id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/' + name + ']',
                reason: 'AWS maintains the FIS managed policies to match what its actions need.',
            });
        }
        if (used.has('aws:dynamodb:global-table-pause-replication')) {
            this.role.addToPolicy(new iam.PolicyStatement({
                actions: ['dynamodb:PutResourcePolicy', 'dynamodb:DeleteResourcePolicy', 'dynamodb:GetResourcePolicy', 'dynamodb:DescribeTable', 'tag:GetResources'],
                resources: ['*'],
            }));
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
            tags: { Name: id.slice(0, 256) },
        });
    }
}
`;
