// README.md of the generated app: what was generated, what was not and why, the context values to fill in,
// the choices to review, the design's failover steps and how to deploy.
import { formatUsd } from '../../../format/quantities.js';
import { ARC_CLUSTER_PRICE } from '../costs.js';
import type { DnsRoutingItem, ExportPlan, GlobalItem, RegionItem } from '../plan/types.js';
import { CONSTRUCT_MODULES, type ConstructFile } from './stacks.js';
import { factRef } from '../../../language/semantics/facts/citation.js';

/** Text inside a Markdown table cell or list item: one line, no column breaks, no raw HTML. */
function md(text: string): string {
    return text
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

/** Inline code that survives backticks in the value. */
function code(text: string): string {
    const clean = md(text);
    const fence = clean.includes('`') ? '`` ' : '`';
    return `${fence}${clean}${fence === '`` ' ? ' ``' : '`'}`;
}

function describeRegionItem(item: RegionItem): string | undefined {
    switch (item.kind) {
        case 'dynamodb-table':
            return `${item.title}: DynamoDB global table (${item.strong ? 'MRSC, strong' : 'MREC, eventual'})${item.replicaRegions.length > 0 ? `, replicas in ${item.replicaRegions.join(', ')}` : ''}${item.witnessRegion ? `, witness ${item.witnessRegion}` : ''}`;
        case 'aurora-primary':
            return `${item.title}: Aurora PostgreSQL writer cluster${item.secondaryRegions.length > 0 ? ` and global cluster \`${item.globalClusterIdentifier}\`` : ''}`;
        case 'aurora-secondary':
            return `${item.title}: Aurora secondary cluster (joins the global cluster from ${item.primaryRegion})${item.headless ? ", headless (pilot light): add a reader before promoting it (`aws rds create-db-instance --db-cluster-identifier CLUSTER --db-instance-identifier NAME --db-instance-class CLASS --engine aurora-postgresql`, with the secondary cluster's id and the writer's instance class)" : ''}`;
        case 'bucket-source':
            return `${item.title}: versioned S3 bucket${item.replicaRegions.length > 0 ? ` replicating to ${item.replicaRegions.join(', ')} (${item.replicationTimeText})` : ''}`;
        case 'bucket-replica':
            return `${item.title}: S3 replica bucket (from ${item.sourceRegion})`;
        case 'resiliency-policy':
            return `${item.title}: Resilience Hub policy (${item.objectiveText})`;
        case 'note':
            return undefined;
    }
}

function describeGlobalItem(item: GlobalItem): string {
    if (item.kind === 'accelerator') {
        return `${item.title}: Global Accelerator with endpoint groups in ${item.groups.map((g) => `${g.region} (dial ${g.trafficDialPercentage} %)`).join(', ')}`;
    }
    const how =
        item.mode === 'failover'
            ? `failover records ${item.regions.map((r) => r.region).join(' → ')}`
            : `latency records in ${item.regions.map((r) => r.region).join(', ')}`;
    const checks = item.healthCheck
        ? `, health checks every ${item.healthCheck.intervalSeconds} s (threshold ${item.healthCheck.failureThreshold})`
        : '';
    const arc = item.routingControls
        ? `, ARC routing controls on control panel \`${item.routingControls.panelName}\``
        : '';
    return `${item.title}: Route 53 ${how}, TTL ${item.ttlSeconds} s${checks}${arc}`;
}

/** The JSON list `update-routing-control-states` takes, with each ARN as the output key to read it from. */
function stateEntries(states: readonly { outputId: string; on: boolean }[]): string {
    return JSON.stringify(
        states.map((s) => ({ RoutingControlArn: `<${s.outputId}>`, RoutingControlState: s.on ? 'On' : 'Off' })),
    );
}

function updateCommand(states: readonly { outputId: string; on: boolean }[]): string {
    return `aws route53-recovery-cluster update-routing-control-states --region <endpoint Region> --endpoint-url <endpoint> --update-routing-control-state-entries '${stateEntries(states)}'`;
}

/**
 * ARC routing controls start Off, and a record whose routing control is Off is unhealthy: the README says so, gives
 * the command that sets the initial states, the failover and failback commands, and what the cluster costs.
 */
function routingControlSteps(plan: ExportPlan, p: (...lines: string[]) => number): void {
    const items = (plan.globalStack?.items ?? []).filter(
        (i): i is DnsRoutingItem => i.kind === 'dns' && i.routingControls !== undefined,
    );
    if (items.length === 0 || !plan.globalStack) return;
    const stack = plan.globalStack;
    const price = ARC_CLUSTER_PRICE;
    p('## Routing controls (ARC): set them after deploying', '');
    p(
        'New routing controls start Off (ARC developer guide, "List and update routing controls and states with the AWS CLI"), and a DNS record whose routing control is Off is unhealthy: until the states below are set, the records of ' +
            `${items.map((i) => `\`${md(i.recordName)}\``).join(', ')} have no healthy answer. Set them after the first \`cdk deploy\`, before sending traffic.`,
        '',
    );
    p(
        `The ARC cluster \`${md(stack.arcClusterName ?? '')}\` costs about $${price.usdPerHour.value.toFixed(2)} per hour (about ${formatUsd(price.usdPerMonth.value)} per month) for as long as it exists, however many routing controls it hosts: a typical price, not a bound (${md(price.usdPerHour.source)}).`,
        '',
    );
    p(
        '1. Once after each deployment, read the values an operator needs during an outage. These are control-plane calls in us-west-2: keep the answers where you can read them while that region is impaired.',
        '',
    );
    p(
        '```sh',
        `aws cloudformation describe-stacks --region ${stack.region} --stack-name ${stack.stackName} --query "Stacks[0].Outputs" --output table`,
        `aws route53-recovery-control-config describe-cluster --region ${stack.region} --cluster-arn <${stack.arcClusterOutputId}> --query "Cluster.ClusterEndpoints"`,
        '```',
        '',
    );
    p(
        "2. Every command below is a data-plane call to one of the cluster's five endpoints: `<endpoint Region>` and `<endpoint>` are the `Region` and `Endpoint` of one of them; if it does not answer, use the next. `<…RoutingControlArn>` is the stack output of that name. The safety rule keeps at least one region On, so each change sets every state in one call.",
        '',
    );
    for (const item of items) {
        const controls = item.routingControls!.controls;
        p(`### ${md(item.title)}: \`${md(item.recordName)}\``, '');
        if (item.mode === 'failover') {
            const [primary, secondary] = controls;
            if (!primary || !secondary) continue;
            const command = (on: string) =>
                updateCommand([
                    { outputId: primary.outputId, on: on === primary.region },
                    { outputId: secondary.outputId, on: on === secondary.region },
                ]);
            p(
                `Initial state, and failback to ${md(primary.region)}: ${md(primary.region)} On, ${md(secondary.region)} Off.`,
                '',
                '```sh',
                command(primary.region),
                '```',
                '',
            );
            p(
                `Failover to ${md(secondary.region)}: ${md(primary.region)} Off, ${md(secondary.region)} On.`,
                '',
                '```sh',
                command(secondary.region),
                '```',
                '',
            );
        } else {
            p(
                'Initial state, and failback after any failover: every region On.',
                '',
                '```sh',
                updateCommand(controls.map((c) => ({ outputId: c.outputId, on: true }))),
                '```',
                '',
            );
            for (const out of controls) {
                p(
                    `Take ${md(out.region)} out (the others keep serving):`,
                    '',
                    '```sh',
                    updateCommand(controls.map((c) => ({ outputId: c.outputId, on: c !== out }))),
                    '```',
                    '',
                );
            }
        }
    }
}

/** A command on one line: design names inside it cannot start another. */
function oneLine(text: string): string {
    return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function costSection(plan: ExportPlan, p: (...lines: string[]) => number): void {
    if (plan.costs.length === 0) return;
    p('## Monthly cost of what was generated', '');
    p(
        "Only prices recorded in mregion's facts table (docs/facts.md) are used, with their dates; an item without one says so rather than guessing. Compute you add, storage, requests and data served to clients come on top.",
        '',
    );
    p('| Item | USD per month | Basis |', '|---|---|---|');
    for (const line of plan.costs)
        p(
            `| ${md(line.item)} | ${line.usdPerMonth === undefined ? '—' : formatUsd(line.usdPerMonth)} | ${md(line.basis)} |`,
        );
    const priced = plan.costs.filter((l) => l.usdPerMonth !== undefined);
    if (priced.length > 0) {
        const total = priced.reduce((sum, l) => sum + l.usdPerMonth!, 0);
        p(
            `| **priced items together** | **${formatUsd(total)}** | the sum of the rows with a price; the others are not included |`,
        );
    }
    p('');
}

function warningSection(plan: ExportPlan, p: (...lines: string[]) => number): void {
    const warnings = plan.designWarnings ?? [];
    if (warnings.length === 0) return;
    p('## Warnings from the design', '');
    p('`mregion check` reported these for the design this app was exported from; the app inherits them.', '');
    for (const w of warnings) p(`- ${md(w)}`);
    p('');
}

function gameDaySection(plan: ExportPlan, p: (...lines: string[]) => number): void {
    if (plan.gameDayStacks.length === 0 && plan.notInjectable.length === 0) return;
    p('## Game days (AWS FIS)', '');
    if (plan.gameDayStacks.length > 0) {
        p(
            'Each scenario of the design that takes an AWS region down becomes an AWS FIS experiment template in a stack of its own, with the IAM role FIS assumes and a stop condition. These stacks deploy only when asked, and an experiment only runs when started:',
            '',
        );
        p('```sh', 'npx cdk deploy --all -c mregion:game-days=true', '```', '');
        p(
            "| Stack | Scenario | FIS actions (targets: this app's resources in the region, by the `mregion:topology` tag) |",
            '|---|---|---|',
        );
        for (const stack of plan.gameDayStacks) {
            for (const e of stack.experiments)
                p(
                    `| \`${md(stack.stackName)}\` (${md(stack.region)}) | ${md(e.scenario)} | ${md(e.actions.map((a) => `\`${a.actionId}\`${a.duration ? ` for ${a.duration}` : ''}: ${a.why}`).join('; '))} |`,
                );
        }
        p(
            '',
            "Start one with `aws fis start-experiment --region <region> --experiment-template-id <id>` (`aws fis list-experiment-templates --region <region>` lists the ids). Its stop condition is the CloudWatch alarm `ObjectiveBreached` of the experiment: publish `mregion/GameDay` `ObjectiveBreached` = 1 with the dimension `Experiment` = the experiment's construct id while an objective of the scenario is breached (`aws cloudwatch put-metric-data --region <region> --namespace mregion/GameDay --metric-name ObjectiveBreached --dimensions Experiment=<id> --value 1`), and FIS stops the experiment. Subnets of an existing VPC do not carry the app's tag: tag those you want disrupted with `mregion:topology`, or the network action finds no target and the experiment does not start (its empty-target mode is `fail`, so no fault is silently left out). Check the actions against `aws fis get-action --id <action id>` before the first run.",
            '',
        );
    }
    if (plan.notInjectable.length > 0) {
        p('What FIS cannot inject, and why:', '', '| Scenario part | Why |', '|---|---|');
        for (const n of plan.notInjectable) p(`| ${md(n.name)} | ${md(n.reason)} |`);
        p('');
    }
}

export function renderReadme(plan: ExportPlan, needs: ReadonlySet<ConstructFile>): string {
    const out: string[] = [];
    const p = (...lines: string[]) => out.push(...lines);

    p(`# ${md(plan.topologyName)}: AWS CDK app`, '');
    if (plan.description) p(`> ${md(plan.description)}`, '');
    p(
        `Exported from \`${md(plan.sourceFile)}\` by \`mregion export-cdk\`. The design is the source of truth: change it there and export`,
        'again, or treat this folder as ordinary CDK code from now on.',
        '',
    );

    p('## What is in this app', '');
    p('| Stack | Region | Contents |', '|---|---|---|');
    for (const stack of plan.regionStacks) {
        const contents = stack.items.map(describeRegionItem).filter((d): d is string => d !== undefined);
        const services = [
            ...new Set(
                stack.items.filter((i) => i.kind === 'note' && i.title.startsWith('service ')).map((i) => i.title),
            ),
        ];
        if (services.length > 0)
            contents.push(`where ${services.join(', ')} run${services.length === 1 ? 's' : ''}: add compute here`);
        p(
            `| \`${md(stack.stackName)}\` (\`lib/stacks/${stack.fileStem}-stack.ts\`) | ${md(stack.region.name)} | ${contents.length > 0 ? md(contents.join('; ')) : 'nothing yet'} |`,
        );
    }
    if (plan.globalStack) {
        p(
            `| \`${md(plan.globalStack.stackName)}\` (\`lib/stacks/global-stack.ts\`) | ${plan.globalStack.region} | ${md(plan.globalStack.items.map(describeGlobalItem).join('; '))} |`,
        );
    }
    p('');
    if (plan.regionsWithoutStack.length > 0) {
        p('Regions of the design without a stack (CloudFormation needs at least one resource per stack):', '');
        for (const r of plan.regionsWithoutStack) {
            p(`- ${md(r.region)}: ${md(r.notes.map((n) => `${n.title} ${n.text}`).join('; '))}.`);
        }
        p('', "Add a stack per region for the services' compute in `lib/app.ts`, next to the others.", '');
    }
    p(
        `Every stack is tagged \`mregion:topology\`; resources of a cell are tagged \`mregion:cell\` and, when the cell or store declares one, \`mregion:residency\`.`,
    );
    const deps = plan.regionStacks.flatMap((s) =>
        s.dependsOn.map((d) => `\`${md(s.stackName)}\` deploys after \`${md(d.stackName)}\`: ${md(d.reason)}`),
    );
    if (deps.length > 0) p('', 'Deployment order (`cdk deploy --all` follows it):', '', ...deps.map((d) => `- ${d}`));
    if (plan.regionStacks.some((s) => s.replication)) {
        p(
            '',
            "A region whose resources another region needs, while it needs that region's, has two stacks: the first holds what other regions need, the `-replication` one what needs another region, so every stack has a deployment order.",
        );
    }
    p('');
    p(
        'Every `cdk synth` runs [cdk-nag](https://github.com/cdklabs/cdk-nag) AWS Solutions checks and CloudFormation validation in strict mode',
        `(\`@aws-cdk/core:validateAgainstDefaultRules\` and \`@aws-cdk/core:strictCfnValidateErrors\` in \`cdk.json\`): an unacknowledged finding fails synth.`,
        '`cdk.json` also holds the feature flags `cdk init` recommends for this aws-cdk-lib version, except `@aws-cdk/core:annotationsInValidationReport`,',
        'which is off so that the placeholder warnings below do not fail strict synth.',
    );
    const acks: string[] = [];
    if (needs.has('bucket')) {
        acks.push(
            "`AwsSolutions-S1` on each access-log bucket: it receives the data bucket's access logs, and logging its own access would recurse.",
        );
        acks.push(
            '`AwsSolutions-IAM5` on each replication role: S3 replication acts on every object (`bucket/*`) of the replicated buckets, and only those.',
        );
    }
    if (acks.length > 0)
        p('', 'Findings acknowledged in the code, with their reasons:', '', ...acks.map((a) => `- ${a}`));
    p('');

    p('## What was not generated, and why', '');
    if (plan.notGenerated.length === 0) {
        p('Everything in the design has an AWS counterpart here.');
    } else {
        p('| Declaration | Why |', '|---|---|');
        for (const n of plan.notGenerated) p(`| ${md(n.name)} | ${md(n.reason)} |`);
    }
    p('', 'Workloads and scenarios describe load and drills for `mregion simulate`; they have no infrastructure.', '');

    const todos = plan.context.filter((c) => c.kind === 'todo');
    p('## Context values to set before deploying', '');
    p(
        'The design does not contain these values, so `cdk.json` holds placeholders. Synth works with them (and warns about each one still in use); deploying needs the real values. Edit `cdk.json` or pass `-c key=value`.',
        '',
    );
    p('| Context key | Placeholder | What it is |', '|---|---|---|');
    for (const c of todos) p(`| ${code(c.key)} | ${code(String(c.value))} | ${md(c.description)} |`);
    p('');
    const optional = plan.context.filter((c) => c.kind === 'optional');
    if (optional.length > 0) {
        p('## Optional context values', '');
        p(
            'The app reads these only when they are set; `cdk.json` does not hold them, because no value could be guessed. Add them to its `context` or pass `-c key=value`.',
            '',
        );
        p('| Context key | What it is |', '|---|---|');
        for (const c of optional) p(`| ${code(c.key)} | ${md(c.description)} |`);
        p('');
    }

    p('## Choices to review', '');
    for (const c of plan.context.filter((e) => e.kind === 'choice'))
        p(`- ${code(c.key)} = ${code(String(c.value))}: ${md(c.description)}.`);
    const items = plan.regionStacks.flatMap((s) => s.items);
    const genericKey = items
        .filter((i) => i.kind === 'dynamodb-table' && !i.partitionKey.fromInvariant)
        .map((i) => i.title);
    if (genericKey.length > 0)
        p(
            `- DynamoDB partition key \`pk\` (string) for ${md(genericKey.join(', '))}: the design declares no key. The key schema cannot change after creation.`,
        );
    const derivedKey = items.filter((i) => i.kind === 'dynamodb-table' && i.partitionKey.fromInvariant);
    if (derivedKey.length > 0)
        p(
            `- DynamoDB partition keys from \`invariant unique\`: ${md(derivedKey.map((i) => (i.kind === 'dynamodb-table' ? `${i.title} → \`${i.partitionKey.name}\`` : '')).join(', '))} (DynamoDB keeps only the primary key unique).`,
        );
    if (needs.has('aurora')) {
        p(
            `- Aurora engine version and instance class: \`ENGINE_VERSION\` and \`INSTANCE_TYPE\` in \`lib/constructs/${CONSTRUCT_MODULES.aurora}.ts\` (Aurora PostgreSQL, a memory-optimized class as global databases require). Each region gets an isolated two-AZ VPC with flow logs, unless its stacks are given an existing VPC (the stack prop \`vpc\`, or the optional context value \`mregion:vpc:<region>\` below): then the databases use its isolated subnets (else its private ones), no flow log or endpoint is added to it, and the password rotation function needs a route from those subnets to Secrets Manager (a NAT gateway or the VPC's own endpoint). Allow your clients' security groups into the database security group.`,
        );
        p(
            '- The master password: RDS cannot manage it for a cluster in a global database (Aurora user guide, "Limitations for Secrets Manager integration"), so it is a Secrets Manager secret generated at deploy, replicated to every secondary region (a promoted secondary finds it there) and rotated every 30 days by a function in the isolated subnets, which reaches Secrets Manager through a VPC endpoint.',
        );
    }
    if (needs.has('bucket'))
        p(
            '- S3 replication copies delete markers: a delete in the source hides the object in every replica too, so all regions read the same bucket. Replication never deletes an object version, so a deleted object stays recoverable in each region. Replication Time Control is on only where the design promises a lag or RPO (15 minutes or more: S3 promises nothing shorter).',
        );
    if (needs.has('accelerator')) {
        p(`- Global Accelerator listens on TCP 443 (\`lib/constructs/${CONSTRUCT_MODULES.accelerator}.ts\`).`);
        p(
            "- Global Accelerator applies an endpoint group's health-check settings only to EC2 instance and Elastic IP endpoints; a load balancer endpoint is judged by the load balancer's own target-group health checks (Global Accelerator developer guide, \"Endpoint groups\"). So the design's interval and threshold are set on the endpoint groups only when the endpoint context value is an instance or Elastic IP id; for a load balancer ARN, configure its target groups with `targetGroupHealthCheck` of `AcceleratedEndpoints` (synth prints the values). Target groups accept thresholds of 2–10 (Elastic Load Balancing API reference, CreateTargetGroup).",
        );
    }
    if (needs.has('dns')) {
        p(
            `- Route 53 health checks are HTTPS requests to each endpoint on port 443, path \`/\` (\`lib/constructs/${CONSTRUCT_MODULES.dns}.ts\`). Record names are the service name (plus the cell) under the hosted zone.`,
        );
        p(
            "- The record type follows each endpoint value: a load balancer's, Global Accelerator's or CloudFront's DNS name gets an alias A record that evaluates the target's own health (also under ARC routing controls: a region switched On whose target is unhealthy does not answer); an IP address gets an A or AAAA record (an endpoint outside AWS); any other host name a CNAME. Route 53 routes between records of one name and one type, so the regions of one service must all be host names, all IPv4 addresses or alias targets, or all IPv6 addresses; and Route 53 cannot evaluate a CloudFront alias's health, so CloudFront can be a latency record's target but not a failover record's. Synth stops with the reason otherwise.",
        );
    }
    if (needs.has('aurora'))
        p(
            "- Each database VPC uses the region's first two availability zones, chosen at deploy time (`Fn::GetAZs`; every AWS region has at least two), so synth needs no lookup and `cdk.json` holds no zone names.",
        );
    p('');

    costSection(plan, p);
    warningSection(plan, p);

    if (plan.runbooks.length > 0) {
        p('## Failover and failback runbook', '');
        p(
            `One section per failover of the design, its actions in the declared order with the commands that carry them out. Health-checked DNS, Global Accelerator and ARC move traffic by themselves or with one data-plane call; control-plane steps depend on management APIs that may be impaired in an outage (${factRef('control-plane-vs-data-plane')}). \`<…>\` marks a value to read first, with the command that reads it.`,
            '',
        );
        for (const r of plan.runbooks) {
            p(`### ${md(r.title)} (\`${md(r.source.file)}:${r.source.line}\`)`, '');
            if (r.steps.length === 0) p('No actions declared.');
            r.steps.forEach((s, i) => {
                p(`${i + 1}. ${md(s.text)}: ${s.plane}${s.note ? `; ${md(s.note)}` : ''}`);
                if (s.commands.length > 0)
                    p('', '   ```sh', ...s.commands.map((c) => `   ${oneLine(c)}`), '   ```', '');
            });
            p('');
            if (r.failback.length > 0)
                p(
                    'Failback, once the region has recovered and caught up:',
                    '',
                    '```sh',
                    ...r.failback.map(oneLine),
                    '```',
                    '',
                );
        }
    }

    routingControlSteps(plan, p);
    gameDaySection(plan, p);

    p('## Deploy', '');
    p(
        '```sh',
        'npm install',
        'npx cdk synth --no-lookups --no-notices   # offline; lists every placeholder still in cdk.json',
    );
    const regions = [
        ...new Set([
            ...plan.regionStacks.map((s) => s.region.name),
            ...(plan.globalStack ? [plan.globalStack.region] : []),
        ]),
    ];
    p(
        `npx cdk bootstrap ${regions.map((r) => `aws://${plan.accountIsPlaceholder ? 'ACCOUNT' : plan.account}/${r.replace(/[^A-Za-z0-9-]/g, '')}`).join(' ')}`,
    );
    p('npx cdk deploy --all', '```', '');
    p(
        '`npm test` synthesizes the app (game-day stacks included, with cdk-nag) and checks the templates for what would fail or be ignored at deploy but passes synth: an RDS-managed password on a global cluster, Global Accelerator health checks where they do not apply, physical names used twice, lookups `--no-lookups` could not answer (`test/deploy-checks.test.ts`).',
        '',
    );
    p(
        '`npm run build` type-checks the app. Stacks keep their data when deleted (tables, buckets and clusters are retained or snapshotted, with deletion protection on).',
    );
    return `${out.join('\n').trimEnd()}\n`;
}
