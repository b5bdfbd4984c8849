// ElastiCache global datastores (AWS::ElastiCache::GlobalReplicationGroup and its member replication groups):
// one primary cluster that takes the writes and secondaries in other regions that only read, as a redis store.
import type { ImportContext } from '../context.js';
import type { ImportedStore } from '../design.js';
import { originOf, resourcesOfType, type Located } from '../template.js';
import { literal, objects, regionOfArn, regionValue } from '../values.js';
import { HOLDS_TODO, replicaLagTodo } from './todos.js';

interface Member {
    readonly group?: Located;
    readonly id: string;
    readonly region?: string;
    readonly primary: boolean;
}

export function importElastiCacheGlobalDatastores(context: ImportContext): ImportedStore[] {
    const groups = resourcesOfType(context.stacks, 'AWS::ElastiCache::ReplicationGroup');
    return resourcesOfType(context.stacks, 'AWS::ElastiCache::GlobalReplicationGroup').map((global) => {
        const props = global.resource.Properties;
        const members: Member[] = [];
        const add = (
            group: Located | undefined,
            id: string | undefined,
            region: string | undefined,
            primary: boolean,
        ) => {
            if (group !== undefined && members.some((m) => m.group === group)) return;
            const memberRegion = region ?? group?.stack.region ?? regionOfArn(id);
            members.push({
                ...(group ? { group } : {}),
                id: id ?? group?.logicalId ?? '?',
                ...(memberRegion !== undefined ? { region: memberRegion } : {}),
                primary,
            });
        };
        for (const member of objects(props.Members)) {
            const value = member.ReplicationGroupId;
            const group =
                context.points(global, value) ??
                groups.find(
                    (g) =>
                        literal(value) !== undefined &&
                        literal(g.resource.Properties.ReplicationGroupId) === literal(value),
                );
            add(
                group,
                literal(value) ?? (group ? literal(group.resource.Properties.ReplicationGroupId) : undefined),
                regionValue(member.ReplicationGroupRegion, undefined),
                literal(member.Role) === 'PRIMARY',
            );
        }
        // A secondary may instead name the global datastore it joins.
        for (const group of groups) {
            if (context.refersTo(group, group.resource.Properties.GlobalReplicationGroupId, global))
                add(group, literal(group.resource.Properties.ReplicationGroupId), undefined, false);
        }
        context.consume(global, ...members.flatMap((m) => (m.group ? [m.group] : [])));
        const primary = members.find((m) => m.primary);
        const regions = [
            ...new Set(
                [primary?.region, ...members.filter((m) => !m.primary).map((m) => m.region)].filter(
                    (r): r is string => r !== undefined,
                ),
            ),
        ];
        for (const m of members.filter((m) => m.region === undefined))
            context.warnings.push(`${global.stack.name}/${global.logicalId}: the region of member ${m.id} is unknown`);
        const engines = [
            ...new Set(
                members
                    .map((m) => literal(m.group?.resource.Properties.Engine))
                    .filter((e): e is string => e !== undefined),
            ),
        ];
        const notes = [
            `ElastiCache global datastore ${literal(props.GlobalReplicationGroupIdSuffix) ?? global.logicalId}`,
        ];
        if (engines.some((e) => e !== 'redis'))
            notes.push(`engine ${engines.join(', ')}: written as redis, the Redis-compatible engine the language has`);
        const todos = [
            HOLDS_TODO,
            {
                clause: 'consistency <strong|session|eventual>',
                why: 'what readers of the secondary clusters may see: the template does not say',
            },
            replicaLagTodo('a global datastore'),
        ];
        return {
            kind: 'store' as const,
            name: context.name(literal(props.GlobalReplicationGroupIdSuffix) ?? global.logicalId),
            engine: 'redis' as const,
            regions,
            ...(primary?.region !== undefined
                ? { writes: { policy: 'primary' as const, region: primary.region } }
                : {}),
            replication: {
                mode: 'async' as const,
                note: 'a global datastore: the primary cluster takes the writes and replicates them asynchronously (docs/facts.md#elasticache-global-datastore)',
            },
            notes,
            todos:
                primary?.region !== undefined
                    ? todos
                    : [...todos, { clause: 'writes primary <region>', why: 'the region of the primary cluster' }],
            origins: [originOf(global), ...members.flatMap((m) => (m.group ? [originOf(m.group)] : []))],
        };
    });
}
