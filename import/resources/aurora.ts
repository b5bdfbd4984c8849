// Aurora global databases (AWS::RDS::GlobalCluster and the AWS::RDS::DBCluster members in every stack): the
// writer region, the secondaries, and headless secondaries (a member cluster with no DB instance).
import type { ImportContext } from '../context.js';
import type { ImportedStore, Todo } from '../design.js';
import { originOf, resourcesOfType, type Located } from '../template.js';
import { literal, regionOfArn } from '../values.js';
import { HOLDS_TODO } from './todos.js';

interface Member {
    readonly cluster: Located;
    readonly region?: string;
    readonly primary: boolean;
    readonly headless: boolean;
}

export function importAuroraGlobalClusters(context: ImportContext): ImportedStore[] {
    const clusters = resourcesOfType(context.stacks, 'AWS::RDS::DBCluster');
    const instances = resourcesOfType(context.stacks, 'AWS::RDS::DBInstance');
    return resourcesOfType(context.stacks, 'AWS::RDS::GlobalCluster').map((global) => {
        const props = global.resource.Properties;
        const identifier = literal(props.GlobalClusterIdentifier);
        const source = props.SourceDBClusterIdentifier;
        const sourceCluster = context.points(global, source);
        const members: Member[] = [];
        for (const cluster of clusters) {
            const joins =
                cluster === sourceCluster ||
                sameCluster(cluster, sourceCluster) ||
                (identifier !== undefined &&
                    literal(cluster.resource.Properties.GlobalClusterIdentifier) === identifier) ||
                context.refersTo(cluster, cluster.resource.Properties.GlobalClusterIdentifier, global);
            if (!joins) continue;
            const ownInstances = instances.filter((i) =>
                context.refersTo(i, i.resource.Properties.DBClusterIdentifier, cluster),
            );
            context.consume(cluster, ...ownInstances);
            members.push({
                cluster,
                ...(cluster.stack.region !== undefined ? { region: cluster.stack.region } : {}),
                // Only the writer's cluster sets the master user; a secondary inherits it from the global cluster.
                primary:
                    sameCluster(cluster, sourceCluster) ||
                    (sourceCluster === undefined && cluster.resource.Properties.MasterUsername !== undefined),
                headless: ownInstances.length === 0,
            });
        }
        context.consume(global);
        const name = context.name(identifier ?? global.logicalId);
        const writer = members.find((m) => m.primary)?.region ?? regionOfArn(source);
        const regions = [
            ...new Set(
                [writer, ...members.filter((m) => !m.primary).map((m) => m.region)].filter(
                    (r): r is string => r !== undefined,
                ),
            ),
        ];
        const todos: Todo[] = [
            HOLDS_TODO,
            {
                clause: 'consistency <strong|session|eventual>',
                why: 'what readers in the secondaries may see: the template does not say',
            },
        ];
        const notes: string[] = [];
        for (const m of members.filter((m) => m.region === undefined)) {
            context.warnings.push(
                `${m.cluster.stack.name}/${m.cluster.logicalId}: the cluster's region is unknown (no stack environment; give --region for a lone template)`,
            );
        }
        const headless = members
            .filter((m) => m.headless && !m.primary && m.region !== undefined)
            .map((m) => m.region!);
        if (headless.length > 0)
            notes.push(
                `headless secondary (no DB instance) in ${headless.join(', ')}: storage replicates, but a reader must be added at failover`,
            );
        if (writer === undefined)
            context.warnings.push(
                `${global.stack.name}/${global.logicalId}: the writer region of the global cluster is unknown`,
            );
        const store: ImportedStore = {
            kind: 'store',
            name,
            engine: 'aurora',
            regions,
            ...(writer !== undefined ? { writes: { policy: 'primary' as const, region: writer } } : {}),
            replication: {
                mode: 'async',
                note: 'Aurora Global Database: one writer, storage replicated asynchronously (docs/facts.md#aurora-global-single-writer)',
            },
            notes,
            todos:
                writer !== undefined
                    ? todos
                    : [...todos, { clause: 'writes primary <region>', why: 'the writer region of the global cluster' }],
            origins: [originOf(global), ...members.map((m) => originOf(m.cluster))],
        };
        return store;
    });
}

function sameCluster(a: Located, b: Located | undefined): boolean {
    return b !== undefined && a.stack === b.stack && a.logicalId === b.logicalId;
}
