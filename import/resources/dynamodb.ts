// DynamoDB global tables (AWS::DynamoDB::GlobalTable): the replica regions, MREC or MRSC, and an MRSC witness.
import type { ImportContext } from '../context.js';
import type { ImportedStore, Todo } from '../design.js';
import { originOf, resourcesOfType } from '../template.js';
import { literal, objects, regionValue } from '../values.js';
import { HOLDS_TODO } from './todos.js';

export function importDynamoTables(context: ImportContext): ImportedStore[] {
    return resourcesOfType(context.stacks, 'AWS::DynamoDB::GlobalTable').map((table) => {
        context.consume(table);
        const props = table.resource.Properties;
        const name = context.name(literal(props.TableName) ?? table.logicalId);
        const regions: string[] = [];
        const todos: Todo[] = [HOLDS_TODO];
        for (const replica of objects(props.Replicas)) {
            const region = regionValue(replica.Region, table.stack.region);
            if (region === undefined) {
                context.warnings.push(
                    `${table.stack.name}/${table.logicalId}: a replica's region is not written in the template (give --region for a lone template)`,
                );
            } else if (!regions.includes(region)) {
                regions.push(region);
            }
        }
        const witness = objects(props.GlobalTableWitnesses)
            .map((w) => regionValue(w.Region, table.stack.region))
            .find((r) => r !== undefined);
        const strong = literal(props.MultiRegionConsistency) === 'STRONG';
        const store: ImportedStore = {
            kind: 'store',
            name,
            engine: 'dynamodb',
            regions,
            writes: { policy: 'any-region' },
            replication: strong
                ? {
                      mode: 'sync',
                      note: 'MultiRegionConsistency STRONG (MRSC): writes replicate before they return (docs/facts.md#dynamodb-mrsc-region-sets)',
                  }
                : {
                      mode: 'async',
                      note: 'no MultiRegionConsistency: eventual consistency (MREC), last writer wins (docs/facts.md#dynamodb-mrec)',
                  },
            consistency: strong ? 'strong' : 'eventual',
            conflicts: strong ? 'reject' : 'lww',
            ...(witness !== undefined ? { witness } : {}),
            ...(table.resource.SourceType !== undefined ? { witnessUnknown: true } : {}),
            notes: [],
            todos,
            origins: [originOf(table)],
        };
        return store;
    });
}
