// Model → export plan. Pure: reads the semantic model, decides every mapping, never throws on odd input.
import { ARC } from '../../../language/semantics/facts/defaults.js';
import type { Model } from '../../../language/semantics/model.js';
import { IdentifierScope } from '../code.js';
import { contextKeyPart, fileStem, stackName } from '../names.js';
import { baseName, PlanCollector } from './collector.js';
import { ARC_CLUSTER_OUTPUT_ID, planRouting } from './routing.js';
import { planObjectives, planServices } from './services.js';
import { planRunbooks } from './runbooks.js';
import { planCosts } from './costs.js';
import { planStores } from './stores.js';
import { layoutStacks } from './layout.js';
import type { ExportPlan, GameDayStackPlan, GlobalStackPlan, NoteItem, RegionStackPlan } from './types.js';
import { ARC_NOT_INJECTABLE, planGameDays } from './game-days.js';

export const ACCOUNT_KEY = 'mregion:account';

/** The optional context value naming an existing VPC for a region's stacks (README.md documents its shape). */
export function existingVpcKey(region: string): string {
    return `mregion:vpc:${contextKeyPart(region)}`;
}
/** The documentation placeholder account id AWS itself uses in examples; synth warns while it is set. */
export const PLACEHOLDER_ACCOUNT = '123456789012';

/** AWS region ids: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4, … */
const AWS_REGION_ID = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

export interface PlanOptions {
    /** 12-digit AWS account id; a placeholder is used (and reported) when absent. */
    readonly account?: string;
}

export function planExport(model: Model, options: PlanOptions = {}): ExportPlan {
    const sourceFile = baseName(model.uri);
    const topologyName = model.topology?.name ?? sourceFile.replace(/\.mregion$/, '');
    const account = options.account ?? PLACEHOLDER_ACCOUNT;
    const c = new PlanCollector(model, topologyName, account);

    c.context({
        key: ACCOUNT_KEY,
        value: account,
        kind: options.account !== undefined ? 'choice' : 'todo',
        description: 'the AWS account every stack deploys to',
    });
    for (const region of model.regions.values()) {
        if (region.provider === 'aws' && !AWS_REGION_ID.test(region.name)) {
            c.issue(
                `region ${region.name}`,
                'not an AWS region id (like eu-west-1): stacks, replicas and bucket names in it cannot deploy',
            );
        }
    }
    planStores(c);
    planServices(c);
    planObjectives(c);
    planRouting(c);

    const classes = new IdentifierScope('pascal', ['App', 'Stack', 'Construct', 'GlobalStack']);
    const stems = new Set(['global']);
    // CloudFormation rejects a template without resources: a region where only services run (their compute
    // is not generated) or only replicas live (created by another region's stack) gets no stack of its own.
    const hasResources = (name: string) => (c.regionItems.get(name) ?? []).some((i) => i.kind !== 'note');
    const regionsWithoutStack = [...model.regions.keys()]
        .filter((name) => c.regionItems.has(name) && !hasResources(name))
        .map((name) => ({
            region: name,
            notes: c.regionItems.get(name)!.filter((i): i is NoteItem => i.kind === 'note'),
        }));
    const layout = layoutStacks([...model.regions.keys()].filter(hasResources), (region) => c.regionItems.get(region)!);
    for (const cycle of layout.cycles) {
        c.issue(
            `stacks ${cycle.keys.join(' → ')}`,
            `the stacks depend on each other (${cycle.reasons.join('; ')}), so no deployment order exists; move one of these stores to another region`,
        );
    }
    const gameDays = planGameDays(
        c,
        layout.slots.map((slot) => slot.region),
    );
    const gameDayRegions = [...new Set(gameDays.experiments.map((e) => e.region))];
    const names = c.uniqueNames(
        [...layout.slots.map((slot) => slot.key), 'global', 'recovery', ...gameDayRegions.map((r) => `${r} gameday`)],
        (key, hashed) => stackName(topologyName, key, hashed),
        'stack name',
    );
    for (const region of new Set(layout.slots.map((slot) => slot.region))) {
        c.context({
            key: existingVpcKey(region),
            value: '',
            kind: 'optional',
            description: `an existing VPC for the stacks in ${region}, as {"vpcId": "vpc-…", "availabilityZones": ["…", "…"], "subnetIds": ["subnet-…", "subnet-…"]} (one subnet per zone, in the same order; more subnets per zone are listed zone by zone); databases go into its subnets instead of a new isolated VPC. Nothing is looked up: synth stays offline`,
        });
    }
    const regionStacks: RegionStackPlan[] = layout.slots.map((slot) => ({
        region: model.regions.get(slot.region)!,
        replication: slot.replication,
        stackName: names.get(slot.key)!,
        className: classes.get(slot.key, 'Stack'),
        fileStem: uniqueStem(stems, fileStem(slot.key, 'region')),
        items: slot.items,
        dependsOn: slot.dependsOn.map((d) => ({ stack: d.key, stackName: names.get(d.key)!, reason: d.reason })),
    }));

    const gameDayStacks: GameDayStackPlan[] = gameDayRegions.map((region) => ({
        region,
        stackName: names.get(`${region} gameday`)!,
        className: classes.get(`${region} game day`, 'Stack'),
        fileStem: uniqueStem(stems, fileStem(`${region} gameday`, 'region')),
        regionStackName: regionStacks.find((s) => s.region.name === region && !s.replication)!.stackName,
        experiments: gameDays.experiments.filter((e) => e.region === region),
    }));
    const arcFailovers = c.globalItems
        .filter((i) => i.kind === 'dns' && i.routingControls !== undefined)
        .map((i) => i.title);
    const notInjectable = [
        ...gameDays.notInjectable,
        ...(gameDays.experiments.length > 0 ? arcFailovers.map((name) => ({ name, reason: ARC_NOT_INJECTABLE })) : []),
    ];

    const globalStack: GlobalStackPlan | undefined =
        c.globalItems.length === 0
            ? undefined
            : {
                  region: ARC.controlPlaneRegion.value,
                  regionReason: `Global Accelerator and ARC objects are created through their control planes in ${ARC.controlPlaneRegion.value} (${ARC.controlPlaneRegion.source}); Route 53 is global`,
                  stackName: names.get('global')!,
                  className: 'GlobalStack',
                  items: c.globalItems,
                  arcClusterName: c.globalItems.some((i) => i.kind === 'dns' && i.routingControls)
                      ? names.get('recovery')!.slice(0, 64)
                      : undefined,
                  arcClusterOutputId: c.globalItems.some((i) => i.kind === 'dns' && i.routingControls)
                      ? ARC_CLUSTER_OUTPUT_ID
                      : undefined,
              };

    return {
        topologyName,
        description: model.topology?.description,
        sourceFile,
        account,
        accountIsPlaceholder: options.account === undefined,
        regionStacks,
        regionsWithoutStack,
        globalStack,
        context: c.contextList,
        notGenerated: c.notGenerated,
        issues: c.issues,
        nameCollisions: c.nameCollisions,
        runbooks: planRunbooks(c),
        costs: planCosts(c, regionStacks, globalStack),
        gameDayStacks,
        notInjectable,
    };
}

function uniqueStem(taken: Set<string>, stem: string): string {
    let unique = stem;
    for (let n = 2; taken.has(unique); n++) unique = `${stem}-${n}`;
    taken.add(unique);
    return unique;
}
