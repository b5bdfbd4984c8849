// lib/stacks/*.ts: one class per region stack and the global stack, printed from the plan. Every value
// from the model goes through tsString, every comment through CodeWriter.comment.
import { CodeWriter, commentText, tsString } from '../code.js';
import { tagValue } from '../names.js';
import type {
    AcceleratorItem,
    CellRef,
    DnsRoutingItem,
    ExportPlan,
    GlobalItem,
    GlobalStackPlan,
    RegionItem,
    RegionStackPlan,
} from '../plan/types.js';
import { RESILIENCE_TIER_KEY } from '../plan/services.js';
import { HOSTED_ZONE_ID_KEY, HOSTED_ZONE_NAME_KEY } from '../plan/routing.js';
import { existingVpcKey } from '../plan/index.js';
import { sourceRef } from '../plan/collector.js';
import {
    at,
    cellScope,
    durationCode,
    GENERATED_NOTE,
    Imports,
    Naming,
    TAG_RESIDENCY,
    type StackField,
} from './shared.js';
import { factRef } from '../../../language/semantics/facts/citation.js';

/** Construct files the stacks use; only these are written. */
export type ConstructFile = 'aurora' | 'bucket' | 'dns' | 'routing-controls' | 'accelerator' | 'resiliency-policy';

export const CONSTRUCT_MODULES: Readonly<Record<ConstructFile, string>> = {
    aurora: 'aurora-global-database',
    bucket: 'replicated-bucket',
    dns: 'dns-routing',
    'routing-controls': 'routing-controls',
    accelerator: 'accelerated-endpoints',
    'resiliency-policy': 'resiliency-policy',
};

function constructImport(imports: Imports, needs: Set<ConstructFile>, file: ConstructFile, ...names: string[]): void {
    needs.add(file);
    imports.add(`../constructs/${CONSTRUCT_MODULES[file]}`, ...names);
}

/** Items without a cell first, then each cell's items together, keeping their order otherwise. */
function groupByCell<T extends { readonly cell?: CellRef }>(items: readonly T[]): { cell?: CellRef; items: T[] }[] {
    const groups: { cell?: CellRef; items: T[] }[] = [];
    for (const item of items) {
        let group = groups.find((g) => g.cell?.name === item.cell?.name);
        if (!group) {
            group = { cell: item.cell, items: [] };
            groups.push(group);
        }
        group.items.push(item);
    }
    return groups.sort((a, b) => (a.cell === undefined ? 0 : 1) - (b.cell === undefined ? 0 : 1));
}

/**
 * A stack with a VPC names its availability zones. Looking them up would need the account at synth (and seeded
 * zone names are invented: us-west-1 has two per account, named differently in each); CDK's own answer for a
 * stack without an account is the first two zones of Fn::GetAZs, resolved at deploy time, because every AWS
 * region has at least two.
 */
function availabilityZonesAtDeploy(w: CodeWriter): void {
    w.blank();
    w.line(
        '/** The first two availability zones of the region, chosen at deploy time (Fn::GetAZs): synth needs no lookup. */',
    );
    w.block('override get availabilityZones(): string[] {', (b) =>
        b.line('return [Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs())];'),
    );
}

/** A region stack takes an existing VPC: from its props, else from an optional context value (README.md). */
interface ExistingVpc {
    readonly propsName: string;
    readonly contextKey: string;
    readonly region: string;
}

/** The file around a stack class; `body` was written two levels deep (class, constructor). */
function classFile(
    imports: Imports,
    header: string[],
    className: string,
    body: CodeWriter,
    members?: (w: CodeWriter) => void,
    fields: readonly StackField[] = [],
    vpc?: ExistingVpc,
): string {
    const w = new CodeWriter();
    for (const line of header) w.commentWrapped(line);
    imports.add('aws-cdk-lib', 'Stack').addType('aws-cdk-lib', 'StackProps').add('constructs', 'Construct');
    if (vpc !== undefined) imports.addType('aws-cdk-lib/aws-ec2', 'IVpc').add('../context', 'existingVpc');
    imports.write(w);
    w.blank();
    if (vpc !== undefined) {
        w.block(`export interface ${vpc.propsName} extends StackProps {`, (i) => {
            i.line(
                `/** An existing VPC in ${commentText(vpc.region)} for the databases (and the compute you add); without one, context ${commentText(vpc.contextKey)} (README.md), else each database gets a new isolated VPC. */`,
            );
            i.line('readonly vpc?: IVpc;');
        });
        w.blank();
    }
    w.block(`export class ${className} extends Stack {`, (c) => {
        if (vpc !== undefined) {
            c.line(
                '/** The existing VPC this stack was given, if any; databases created without one get their own. */',
            );
            c.line('readonly vpc?: IVpc;');
        }
        for (const field of fields) {
            c.line(`/** ${commentText(field.doc)} */`);
            c.line(`readonly ${field.name}: ${field.type};`);
        }
        if (fields.length > 0 || vpc !== undefined) c.blank();
        c.block(`constructor(scope: Construct, id: string, props: ${vpc?.propsName ?? 'StackProps'}) {`, (inner) => {
            inner.line('super(scope, id, props);');
            if (vpc !== undefined)
                inner.line(`this.vpc = props.vpc ?? existingVpc(this, ${tsString(vpc.contextKey)});`);
            const text = body.toString().trimEnd();
            if (text.length > 0) inner.line().append(text);
        });
        members?.(c);
    });
    return w.toString();
}

export function renderRegionStack(plan: ExportPlan, stack: RegionStackPlan, needs: Set<ConstructFile>): string {
    const imports = new Imports();
    const naming = new Naming();
    const body = new CodeWriter();
    body.indented((b) =>
        b.indented((w) => {
            const cells = new Map<string, string>();
            for (const group of groupByCell(stack.items)) {
                const resources = group.items.filter((i) => i.kind !== 'note');
                let scope = 'this';
                if (group.cell !== undefined && resources.length > 0) {
                    scope = cellScope(w, naming, imports, cells, group.cell);
                } else if (group.cell !== undefined) {
                    w.blank();
                    w.comment(
                        `cell ${group.cell.name}${group.cell.source ? ` (${at(group.cell.source)})` : ''}${group.cell.residency !== undefined ? `: data stays in ${group.cell.residency}` : ''}`,
                    );
                }
                for (const item of group.items) renderRegionItem(w, item, scope, naming, imports, needs);
            }
        }),
    );
    const region = stack.region;
    const header = [
        `${plan.topologyName} in ${region.name} (region ${region.name}, ${at(sourceRef(region.source))}). ${GENERATED_NOTE}`,
    ];
    const needsZones = stack.items.some((i) => i.kind === 'aurora-primary' || i.kind === 'aurora-secondary');
    if (needsZones) imports.add('aws-cdk-lib', 'Fn');
    const vpc: ExistingVpc = {
        propsName: `${stack.className}Props`,
        contextKey: existingVpcKey(region.name),
        region: region.name,
    };
    return classFile(
        imports,
        header,
        stack.className,
        body,
        needsZones ? availabilityZonesAtDeploy : undefined,
        naming.fields,
        vpc,
    );
}

function renderRegionItem(
    w: CodeWriter,
    item: RegionItem,
    scope: string,
    naming: Naming,
    imports: Imports,
    needs: Set<ConstructFile>,
): void {
    w.blank();
    const where = `${item.title} (${at(item.source)})`;
    switch (item.kind) {
        case 'note':
            w.commentWrapped(`${where}: ${item.text}.`);
            return;
        case 'dynamodb-table': {
            imports.namespace('aws-cdk-lib/aws-dynamodb', 'dynamodb');
            w.commentWrapped(`${where}: ${item.summary}.`);
            const variable = naming.field(item, 'table', 'dynamodb.TableV2');
            w.block(
                `${variable} = new dynamodb.TableV2(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
                (p) => {
                    if (item.partitionKey.fromInvariant) {
                        p.comment(
                            `DynamoDB keeps only the primary key unique, so 'invariant unique ${item.partitionKey.name}' makes it the partition key.`,
                        );
                    } else {
                        p.comment(
                            "The design declares no key: rename 'pk' before the first deployment (the key schema never changes later).",
                        );
                    }
                    p.line(
                        `partitionKey: { name: ${tsString(item.partitionKey.name)}, type: dynamodb.AttributeType.STRING },`,
                    );
                    if (item.replicaRegions.length > 0)
                        p.line(
                            `replicas: [${item.replicaRegions.map((r) => `{ region: ${tsString(r)} }`).join(', ')}],`,
                        );
                    if (item.strong) p.line('multiRegionConsistency: dynamodb.MultiRegionConsistency.STRONG,');
                    if (item.witnessRegion !== undefined) p.line(`witnessRegion: ${tsString(item.witnessRegion)},`);
                    if (item.streams) p.line('dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,');
                    p.line('pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },');
                    p.line('deletionProtection: true,');
                },
                '});',
            );
            residencyTag(w, imports, variable, item.residency);
            return;
        }
        case 'aurora-primary': {
            constructImport(imports, needs, 'aurora', 'AuroraGlobalPrimary');
            w.commentWrapped(`${where}: ${item.summary}.`);
            const variable = naming.field(item, 'database', 'AuroraGlobalPrimary');
            w.block(
                `${variable} = new AuroraGlobalPrimary(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
                (p) => {
                    if (item.secondaryRegions.length > 0) {
                        p.line(`globalClusterIdentifier: ${tsString(item.globalClusterIdentifier)},`);
                        p.line(`secondaryRegions: [${item.secondaryRegions.map(tsString).join(', ')}],`);
                    }
                    p.line('vpc: this.vpc,');
                },
                '});',
            );
            residencyTag(w, imports, variable, item.residency);
            return;
        }
        case 'aurora-secondary': {
            constructImport(imports, needs, 'aurora', 'AuroraGlobalSecondary');
            w.commentWrapped(
                `${where}: a secondary cluster of the Aurora Global Database written in ${item.primaryRegion}; promoting it is how this region takes over writes.`,
            );
            const variable = naming.field(item, 'database', 'AuroraGlobalSecondary');
            w.block(
                `${variable} = new AuroraGlobalSecondary(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
                (p) => {
                    p.line(`globalClusterIdentifier: ${tsString(item.globalClusterIdentifier)},`);
                    if (item.headless) {
                        p.comment(item.headlessText ?? 'pilot light');
                        p.line('headless: true,');
                    }
                    p.line('vpc: this.vpc,');
                },
                '});',
            );
            residencyTag(w, imports, variable, item.residency);
            return;
        }
        case 'bucket-source': {
            constructImport(imports, needs, 'bucket', 'ReplicatedBucket');
            w.commentWrapped(
                `${where}: versioned bucket${item.replicaRegions.length > 0 ? ` replicated asynchronously to ${item.replicaRegions.join(', ')}` : ''}.`,
            );
            const variable = naming.field(item, 'bucket', 'ReplicatedBucket');
            w.block(
                `${variable} = new ReplicatedBucket(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
                (p) => {
                    p.line(`namePrefix: ${tsString(item.namePrefix)},`);
                    p.line(`replicaRegions: [${item.replicaRegions.map(tsString).join(', ')}],`);
                    if (item.replicaRegions.length > 0) {
                        p.comment(item.replicationTimeText);
                        p.line(`replicationTimeControl: ${item.replicationTimeControl},`);
                    }
                },
                '});',
            );
            residencyTag(w, imports, variable, item.residency);
            return;
        }
        case 'bucket-replica': {
            constructImport(imports, needs, 'bucket', 'ReplicaBucket');
            w.commentWrapped(`${where}: replica of the bucket in ${item.sourceRegion}.`);
            const variable = naming.field(item, 'bucket', 'ReplicaBucket');
            w.block(
                `${variable} = new ReplicaBucket(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
                (p) => {
                    p.line(`namePrefix: ${tsString(item.namePrefix)},`);
                },
                '});',
            );
            residencyTag(w, imports, variable, item.residency);
            return;
        }
        case 'resiliency-policy': {
            constructImport(imports, needs, 'resiliency-policy', 'ResiliencyPolicy');
            imports.add('aws-cdk-lib', 'Duration').add('../context', 'contextValue');
            w.commentWrapped(`${where}: ${item.objectiveText}.`);
            w.block(
                `new ResiliencyPolicy(${scope}, ${tsString(naming.constructId(scope, item.name, 'resiliency policy'))}, {`,
                (p) => {
                    p.line(`policyName: ${tsString(item.policyName)},`);
                    p.line(`description: ${tsString(`${item.title}: ${item.objectiveText}`)},`);
                    p.line(`tier: contextValue(this, ${tsString(RESILIENCE_TIER_KEY)}),`);
                    p.line(`rto: ${durationCode(item.rtoSeconds)},`);
                    p.line(`rpo: ${durationCode(item.rpoSeconds)},`);
                },
                '});',
            );
            return;
        }
    }
}

function residencyTag(w: CodeWriter, imports: Imports, variable: string, residency: string | undefined): void {
    if (residency === undefined) return;
    imports.add('aws-cdk-lib', 'Tags');
    w.line(`Tags.of(${variable}).add(${tsString(TAG_RESIDENCY)}, ${tsString(tagValue(residency))});`);
}

export function renderGlobalStack(plan: ExportPlan, stack: GlobalStackPlan, needs: Set<ConstructFile>): string {
    const imports = new Imports();
    const naming = new Naming();
    const body = new CodeWriter();
    body.indented((b) =>
        b.indented((w) => {
            if (stack.items.some((i) => i.kind === 'dns')) {
                imports.namespace('aws-cdk-lib/aws-route53', 'route53').add('../context', 'contextValue');
                w.blank();
                w.comment('The hosted zone is imported by id and name, never looked up, so synth needs no AWS call.');
                w.block(
                    `const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {`,
                    (p) => {
                        p.line(`hostedZoneId: contextValue(this, ${tsString(HOSTED_ZONE_ID_KEY)}),`);
                        p.line(`zoneName: contextValue(this, ${tsString(HOSTED_ZONE_NAME_KEY)}),`);
                    },
                    '});',
                );
            }
            if (stack.arcClusterName !== undefined) {
                imports.namespace('aws-cdk-lib/aws-route53recoverycontrol', 'arc');
                w.blank();
                w.comment(
                    `One ARC cluster (five redundant regional endpoints, ${factRef('arc-routing-control')}) serves every routing-control failover.`,
                );
                w.line(
                    `const recoveryCluster = new arc.CfnCluster(this, 'RecoveryCluster', { name: ${tsString(stack.arcClusterName)} });`,
                );
                imports.add('aws-cdk-lib', 'CfnOutput');
                w.comment('Its ARN finds the five cluster endpoints that routing-control commands go to (README.md).');
                w.line(
                    `new CfnOutput(this, ${tsString(stack.arcClusterOutputId ?? 'RecoveryClusterArn')}, { value: recoveryCluster.attrClusterArn });`,
                );
            }
            const cells = new Map<string, string>();
            for (const group of groupByCell(stack.items)) {
                const scope = cellScope(w, naming, imports, cells, group.cell);
                for (const item of group.items) renderGlobalItem(w, item, scope, naming, imports, needs);
            }
        }),
    );
    const header = [
        `${plan.topologyName}: traffic routing between regions, deployed in ${stack.region}. ${stack.regionReason}. ${GENERATED_NOTE}`,
    ];
    return classFile(imports, header, stack.className, body);
}

function renderGlobalItem(
    w: CodeWriter,
    item: GlobalItem,
    scope: string,
    naming: Naming,
    imports: Imports,
    needs: Set<ConstructFile>,
): void {
    w.blank();
    if (item.kind === 'dns') renderDns(w, item, scope, naming, imports, needs);
    else renderAccelerator(w, item, scope, naming, imports, needs);
}

function renderDns(
    w: CodeWriter,
    item: DnsRoutingItem,
    scope: string,
    naming: Naming,
    imports: Imports,
    needs: Set<ConstructFile>,
): void {
    constructImport(imports, needs, 'dns', 'DnsRouting');
    imports.add('aws-cdk-lib', 'Duration').add('../context', 'contextValue');
    const where = `${item.title} (${at(item.source)})`;
    const how =
        item.mode === 'failover'
            ? `DNS failover from ${item.regions[0]?.region} to ${item.regions[1]?.region}`
            : `latency-based DNS across ${item.regions.map((r) => r.region).join(', ')} (active-active)`;
    w.commentWrapped(`${where}: ${how}${item.routingControls ? ', switched by ARC routing controls' : ''}.`);
    let switches: string | undefined;
    if (item.routingControls) {
        constructImport(imports, needs, 'routing-controls', 'RoutingControls');
        switches = naming.locals.get(item.name, 'switches');
        w.comment(`The safety rule's wait period is ${item.routingControls.waitPeriodText}.`);
        w.block(
            `const ${switches} = new RoutingControls(${scope}, ${tsString(naming.constructId(scope, item.name, 'routing controls'))}, {`,
            (p) => {
                p.line('clusterArn: recoveryCluster.attrClusterArn,');
                p.line(`controlPanelName: ${tsString(item.routingControls!.panelName)},`);
                p.line(`regions: [${item.regions.map((r) => tsString(r.region)).join(', ')}],`);
                p.line(
                    `outputIds: { ${item.routingControls!.controls.map((c) => `${tsString(c.region)}: ${tsString(c.outputId)}`).join(', ')} },`,
                );
                const ms = item.routingControls!.waitPeriodMs;
                p.line(`waitPeriod: ${ms % 1000 === 0 ? durationCode(ms / 1000) : `Duration.millis(${ms})`},`);
            },
            '});',
        );
    }
    w.block(
        `new DnsRouting(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
        (p) => {
            p.line('zone,');
            p.line(`recordName: ${tsString(item.recordName)},`);
            p.line(`ttl: ${durationCode(item.ttlSeconds)}, // ${commentText(item.ttlText)}`);
            p.line(`routing: ${tsString(item.mode)},`);
            p.block(
                'endpoints: [',
                (e) => {
                    for (const r of item.regions) {
                        const zone =
                            r.aliasZoneKey !== undefined
                                ? `, aliasHostedZoneId: optionalContext(this, ${tsString(r.aliasZoneKey)})`
                                : '';
                        if (zone !== '') imports.add('../context', 'optionalContext');
                        e.line(
                            `{ region: ${tsString(r.region)}, domainName: contextValue(this, ${tsString(r.contextKey)})${zone} },`,
                        );
                    }
                },
                '],',
            );
            if (item.healthCheck) {
                p.comment(item.healthCheck.text);
                p.line(
                    `healthCheck: { interval: ${durationCode(item.healthCheck.intervalSeconds)}, failureThreshold: ${item.healthCheck.failureThreshold} },`,
                );
            }
            if (switches !== undefined) p.line(`switches: ${switches},`);
        },
        '});',
    );
}

function renderAccelerator(
    w: CodeWriter,
    item: AcceleratorItem,
    scope: string,
    naming: Naming,
    imports: Imports,
    needs: Set<ConstructFile>,
): void {
    constructImport(imports, needs, 'accelerator', 'AcceleratedEndpoints');
    imports.add('../context', 'contextValue');
    w.commentWrapped(`${item.title} (${at(item.source)}): Global Accelerator. ${item.dialText}.`);
    w.block(
        `new AcceleratedEndpoints(${scope}, ${tsString(naming.constructId(scope, item.name))}, {`,
        (p) => {
            p.line(`acceleratorName: ${tsString(item.acceleratorName)},`);
            p.block(
                'groups: [',
                (g) => {
                    for (const group of item.groups) {
                        g.block(
                            '{',
                            (e) => {
                                e.line(`region: ${tsString(group.region)},`);
                                e.line(`endpointArn: contextValue(this, ${tsString(group.contextKey)}),`);
                                e.line(`trafficDialPercentage: ${group.trafficDialPercentage},`);
                            },
                            '},',
                        );
                    }
                },
                '],',
            );
            if (item.healthCheck) {
                imports.add('aws-cdk-lib', 'Duration');
                p.comment(item.healthCheck.text);
                p.line(
                    `healthCheck: { interval: ${durationCode(item.healthCheck.intervalSeconds)}, threshold: ${item.healthCheck.failureThreshold} },`,
                );
            }
        },
        '});',
    );
}
