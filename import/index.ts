// From deployed templates to a design: `importStacks(stacks)` gathers what every resource importer recognizes
// into an ImportedDesign (plain data), and `renderDesign` writes it as .mregion text. Reading the files is the
// caller's (read.ts, given a file reader); formatting and checking the text is the CLI's.
import { ImportContext } from './context.js';
import type { ImportedDeclaration, ImportedDesign } from './design.js';
import { importAccelerators } from './resources/accelerator.js';
import { importAuroraGlobalClusters } from './resources/aurora.js';
import { importDynamoTables } from './resources/dynamodb.js';
import { importElastiCacheGlobalDatastores } from './resources/elasticache.js';
import { importRdsReadReplicas } from './resources/rds-replicas.js';
import { attachResiliencePolicies } from './resources/resilience.js';
import { importRoutedRecords } from './resources/route53.js';
import { importReplicatedBuckets } from './resources/s3.js';
import { originOf, type DeployedStack, type Origin } from './template.js';
import { tagValue } from './values.js';

export type { ImportedDesign } from './design.js';
export type { DeployedStack } from './template.js';
export { readDeployed, type DeployedFiles } from './read.js';
export { renderDesign } from './render.js';

/** CDK's own bookkeeping: no infrastructure, so not worth listing as not imported. */
const BOOKKEEPING = new Set(['AWS::CDK::Metadata']);

export function importStacks(stacks: readonly DeployedStack[]): ImportedDesign {
    const topology = topologyName(stacks);
    const context = new ImportContext(stacks, topology);
    const found: ImportedDeclaration[] = [
        ...importDynamoTables(context),
        ...importAuroraGlobalClusters(context),
        ...importRdsReadReplicas(context),
        ...importElastiCacheGlobalDatastores(context),
        ...importReplicatedBuckets(context),
        ...importRoutedRecords(context),
        ...importAccelerators(context),
    ];
    const declarations = attachResiliencePolicies(context, found);
    return {
        ...(topology !== undefined ? { topology } : {}),
        regions: regionsOf(declarations),
        declarations,
        notImported: leftOver(context, stacks),
        warnings: context.warnings,
    };
}

/** The mregion:topology tag the exporter puts on resources, when the templates carry one. */
function topologyName(stacks: readonly DeployedStack[]): string | undefined {
    for (const stack of stacks) {
        for (const resource of stack.resources.values()) {
            const props = resource.Properties;
            const tag = tagValue(props.Tags, 'mregion:topology') ?? tagValue(props.HealthCheckTags, 'mregion:topology');
            if (tag !== undefined && /^[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*$/.test(tag)) return tag;
        }
    }
    return undefined;
}

function regionsOf(declarations: readonly ImportedDeclaration[]): string[] {
    const regions = new Set<string>();
    for (const d of declarations) {
        if (d.kind === 'failover') continue;
        for (const r of d.regions) regions.add(r);
        if (d.kind === 'store' && d.witness !== undefined) regions.add(d.witness);
        if (d.kind === 'store' && d.writes?.policy === 'primary') regions.add(d.writes.region);
        if (d.kind === 'service' && d.primary !== undefined) regions.add(d.primary);
    }
    return [...regions];
}

function leftOver(context: ImportContext, stacks: readonly DeployedStack[]): { type: string; origins: Origin[] }[] {
    const byType = new Map<string, Origin[]>();
    for (const stack of stacks) {
        for (const [logicalId, resource] of stack.resources) {
            if (context.isConsumed(stack.name, logicalId) || BOOKKEEPING.has(resource.Type)) continue;
            const type = resource.SourceType ?? resource.Type;
            const list = byType.get(type) ?? [];
            list.push(originOf({ stack, logicalId, resource }));
            byType.set(type, list);
        }
    }
    return [...byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, origins]) => ({ type, origins }));
}
