// RDS cross-region read replicas (AWS::RDS::DBInstance with SourceDBInstanceIdentifier, which names the source
// by ARN when it is in another region): one store per source instance that has a replica in another region,
// written by the source's region only.
import type { ImportContext } from '../context.js';
import type { ImportedStore, Todo } from '../design.js';
import { originOf, resourcesOfType, type Located } from '../template.js';
import { literal, regionOfArn, regionValue } from '../values.js';
import { HOLDS_TODO, replicaLagTodo } from './todos.js';

interface Source {
    readonly key: string;
    readonly located?: Located;
    readonly identifier: string;
    readonly region?: string;
    /** A source is recorded with its first replica. */
    readonly replicas: [Located, ...Located[]];
}

export function importRdsReadReplicas(context: ImportContext): ImportedStore[] {
    const instances = resourcesOfType(context.stacks, 'AWS::RDS::DBInstance');
    const sources = new Map<string, Source>();
    for (const replica of instances) {
        const value = replica.resource.Properties.SourceDBInstanceIdentifier;
        if (value === undefined) continue;
        const text = literal(value);
        const located =
            context.points(replica, value) ??
            instances.find(
                (i) =>
                    i !== replica &&
                    text !== undefined &&
                    literal(i.resource.Properties.DBInstanceIdentifier) === identifierOf(text),
            );
        const identifier =
            (located ? literal(located.resource.Properties.DBInstanceIdentifier) : undefined) ??
            (text !== undefined ? identifierOf(text) : undefined) ??
            located?.logicalId ??
            replica.logicalId;
        // A source named by identifier alone is in the replica's own region; another region's is named by ARN.
        const region =
            located?.stack.region ??
            regionValue(replica.resource.Properties.SourceRegion, undefined) ??
            regionOfArn(text) ??
            (text !== undefined && !text.startsWith('arn:') ? replica.stack.region : undefined);
        const key = located ? `${located.stack.name}\u0000${located.logicalId}` : `id\u0000${identifier}`;
        const known = sources.get(key);
        if (known) known.replicas.push(replica);
        else
            sources.set(key, {
                key,
                ...(located ? { located } : {}),
                identifier,
                ...(region !== undefined ? { region } : {}),
                replicas: [replica],
            });
    }
    const stores: ImportedStore[] = [];
    for (const source of sources.values()) {
        const crossRegion = source.replicas.some(
            (r) => r.stack.region === undefined || source.region === undefined || r.stack.region !== source.region,
        );
        if (!crossRegion) continue; // replicas in the source's region only: read scaling, not a multi-region store
        context.consume(...source.replicas, ...(source.located ? [source.located] : []));
        const regions: string[] = source.region !== undefined ? [source.region] : [];
        for (const replica of source.replicas) {
            if (replica.stack.region === undefined)
                context.warnings.push(
                    `${replica.stack.name}/${replica.logicalId}: the read replica's region is unknown (give --region for a lone template)`,
                );
            else if (!regions.includes(replica.stack.region)) regions.push(replica.stack.region);
        }
        const engineName = [source.located, ...source.replicas]
            .map((l) => literal(l?.resource.Properties.Engine))
            .find((e) => e !== undefined);
        const engine = languageEngine(engineName);
        const notes = [`RDS ${engineName ?? 'DB instance'} ${source.identifier} and its read replicas`];
        if (engine === 'custom')
            notes.push(
                `engine ${engineName ?? 'unknown'}: the language has no engine for it, so it is written as custom`,
            );
        const todos: Todo[] = [
            HOLDS_TODO,
            {
                clause: 'consistency <strong|session|eventual>',
                why: 'what readers of the replicas may see: the template does not say',
            },
            replicaLagTodo('RDS read replicas'),
        ];
        if (source.region === undefined) {
            context.warnings.push(
                `${source.replicas[0].stack.name}/${source.replicas[0].logicalId}: the region of the source instance ${source.identifier} is unknown`,
            );
            todos.push({
                clause: 'writes primary <region>',
                why: `the region of the source instance ${source.identifier}`,
            });
        }
        stores.push({
            kind: 'store',
            name: context.name(source.identifier),
            engine,
            regions,
            ...(source.region !== undefined ? { writes: { policy: 'primary' as const, region: source.region } } : {}),
            replication: {
                mode: 'async',
                note: "RDS copies the source's changes to its read replicas asynchronously (docs/facts.md#rds-cross-region-read-replica)",
            },
            notes,
            todos,
            origins: [...(source.located ? [originOf(source.located)] : []), ...source.replicas.map(originOf)],
        });
    }
    return stores;
}

/** `arn:aws:rds:eu-west-1:123456789012:db:orders` → `orders`; an identifier stays as it is. */
function identifierOf(text: string): string {
    return text.startsWith('arn:') ? text.slice(text.lastIndexOf(':') + 1) : text;
}

function languageEngine(engine: string | undefined): 'postgres' | 'mysql' | 'custom' {
    if (engine === 'postgres') return 'postgres';
    if (engine === 'mysql' || engine === 'mariadb') return 'mysql';
    return 'custom';
}
