// Model → export plan. Pure: reads the semantic model, decides every mapping, never throws on odd input.
import { ARC } from '../../../language/semantics/facts/defaults.js';
import type { Model } from '../../../language/semantics/model.js';
import { IdentifierScope } from '../code.js';
import { fileStem, stackName } from '../names.js';
import { baseName, PlanCollector } from './collector.js';
import { planRouting } from './routing.js';
import { planObjectives, planRunbooks, planServices } from './services.js';
import { planStores } from './stores.js';
import type { ContextEntry, ExportPlan, GlobalStackPlan, NoteItem, RegionStackPlan } from './types.js';

export const ACCOUNT_KEY = 'mregion:account';
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
            c.issue(`region ${region.name}`, 'not an AWS region id (like eu-west-1): stacks, replicas and bucket names in it cannot deploy');
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
        .map((name) => ({ region: name, notes: c.regionItems.get(name)!.filter((i): i is NoteItem => i.kind === 'note') }));
    breakCycles(c, [...model.regions.keys()].filter(hasResources));
    const regionStacks: RegionStackPlan[] = [...model.regions.keys()]
        .filter(hasResources)
        .map((name) => ({
            region: model.regions.get(name)!,
            stackName: stackName(topologyName, name),
            className: classes.get(name, 'Stack'),
            fileStem: uniqueStem(stems, fileStem(name, 'region')),
            items: c.regionItems.get(name)!,
            dependsOn: c.dependencies.get(name) ?? [],
        }));

    const globalStack: GlobalStackPlan | undefined = c.globalItems.length === 0 ? undefined : {
        region: ARC.controlPlaneRegion.value,
        regionReason: `Global Accelerator and ARC objects are created through their control planes in ${ARC.controlPlaneRegion.value} (${ARC.controlPlaneRegion.source}); Route 53 is global`,
        stackName: stackName(topologyName, 'global'),
        className: 'GlobalStack',
        items: c.globalItems,
        arcClusterName: c.globalItems.some((i) => i.kind === 'dns' && i.routingControls) ? `${stackName(topologyName, 'recovery')}`.slice(0, 64) : undefined,
    };

    const stackRegions = new Set([...regionStacks.map((s) => s.region.name), ...(globalStack ? [globalStack.region] : [])]);
    for (const region of stackRegions) c.context(availabilityZones(account, region));

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
        runbooks: planRunbooks(c),
    };
}

function uniqueStem(taken: Set<string>, stem: string): string {
    let unique = stem;
    for (let n = 2; taken.has(unique); n++) unique = `${stem}-${n}`;
    taken.add(unique);
    return unique;
}

/**
 * The availability-zone lookup cdk would make for each stack environment, seeded so `cdk synth` runs offline.
 * The names assume the usual a/b/c zones; `cdk context --reset` and a synth with credentials replace them.
 */
function availabilityZones(account: string, region: string): ContextEntry {
    return {
        key: `availability-zones:account=${account}:region=${region}`,
        value: ['a', 'b', 'c'].map((z) => `${region}${z}`),
        kind: 'cache',
        description: `availability zones of ${region} (seeded so synth needs no AWS call)`,
    };
}

/**
 * Stacks deploy in dependency order; a cycle (A needs B's resource and B needs A's) cannot deploy at all. Each
 * cycle is reported, and its closing dependency dropped so that a forced export still builds.
 */
function breakCycles(c: PlanCollector, regions: readonly string[]): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (region: string, path: string[]): void => {
        state.set(region, 'visiting');
        for (const dep of [...(c.dependencies.get(region) ?? [])]) {
            if (state.get(dep.region) === 'visiting') {
                const cycle = [...path.slice(path.indexOf(dep.region)), region, dep.region];
                const reasons = cycle.slice(0, -1).map((r, i) => c.dependencies.get(r)?.find((d) => d.region === cycle[i + 1])?.reason ?? '');
                c.issue(`stacks ${cycle.join(' → ')}`, `the regions depend on each other (${reasons.join('; ')}), so no deployment order exists; move one of these stores to another region`);
                c.dependencies.set(region, (c.dependencies.get(region) ?? []).filter((d) => d !== dep));
            } else if (state.get(dep.region) !== 'done') {
                visit(dep.region, [...path, region]);
            }
        }
        state.set(region, 'done');
    };
    for (const region of regions) if (!state.has(region)) visit(region, []);
}
