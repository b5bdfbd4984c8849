// Terraform resources in CloudFormation's shape, so that one set of importers (resources/) reads both: each
// recognized `aws_…` type becomes the CloudFormation type that states the same thing, with the properties the
// importers read. A reference to another resource becomes `{ Ref: <address> }`: the plan's configuration names
// it, or (a state, or a plan's known value) an identifying attribute of the target equals the value.
import type { CfnResource } from '../template.js';
import { literal, object, objects } from '../values.js';
import { referencesAt, type TfResource } from './json.js';

export interface Translated {
    readonly resource: CfnResource;
    /** A region the resource takes from another one (an S3 replication configuration from its bucket). */
    readonly region?: string;
}

type Path = readonly (string | number)[];

class Index {
    private readonly byType = new Map<string, TfResource[]>();

    constructor(readonly all: readonly TfResource[]) {
        for (const r of all) {
            const list = this.byType.get(r.type) ?? [];
            list.push(r);
            this.byType.set(r.type, list);
        }
    }

    of(type: string): readonly TfResource[] {
        return this.byType.get(type) ?? [];
    }

    /** The resource of `type` the value at `path` of `from` refers to, by configuration reference or by equal identifying attribute. */
    target(from: TfResource, path: Path, type: string, keys: readonly string[]): TfResource | undefined {
        const candidates = this.of(type);
        for (const reference of referencesAt(from, path)) {
            const full = `${from.module}${reference}`;
            const found = candidates.find(
                (c) =>
                    full === c.configAddress ||
                    full.startsWith(`${c.configAddress}.`) ||
                    full.startsWith(`${c.configAddress}[`),
            );
            if (found) return found;
        }
        const value = literal(valueAt(from.values, path));
        return value === undefined
            ? undefined
            : candidates.find((c) => keys.some((k) => literal(c.values[k]) === value));
    }

    /** `{ Ref: address }` for a resource the value refers to, else the literal value (an ARN still names a region). */
    ref(from: TfResource, path: Path, type: string, keys: readonly string[]): unknown {
        const found = this.target(from, path, type, keys);
        return found ? { Ref: found.address } : literal(valueAt(from.values, path));
    }
}

function valueAt(values: Readonly<Record<string, unknown>>, path: Path): unknown {
    let node: unknown = values;
    for (const step of path)
        node = Array.isArray(node) ? node[typeof step === 'number' ? step : 0] : object(node)?.[String(step)];
    return node;
}

/** An object without its undefined properties (the importers test presence: a `Failover` key means a failover record). */
function defined(properties: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined && v !== null));
}

/** Terraform's tag map as CloudFormation's tag list. */
function tags(values: Readonly<Record<string, unknown>>): { Key: string; Value: string }[] | undefined {
    const map = object(values.tags);
    return map === undefined
        ? undefined
        : Object.entries(map).flatMap(([Key, v]) => (typeof v === 'string' ? [{ Key, Value: v }] : []));
}

const first = (value: unknown): Record<string, unknown> | undefined => objects(value)[0];

type Translation = (r: TfResource, index: Index) => Translated | undefined;

const cfn = (Type: string, r: TfResource, properties: Record<string, unknown>, region?: string): Translated => ({
    resource: { Type, SourceType: r.type, Properties: defined(properties) },
    ...(region !== undefined ? { region } : {}),
});

const TRANSLATIONS: Readonly<Record<string, Translation>> = {
    aws_dynamodb_table: (r) => {
        const replicas = objects(r.values.replica);
        if (replicas.length === 0) return undefined; // a table in one region: nothing multi-region to import
        return cfn('AWS::DynamoDB::GlobalTable', r, {
            TableName: literal(r.values.name),
            Replicas: [
                { Region: { Ref: 'AWS::Region' } },
                ...replicas.map((x) => ({ Region: literal(x.region_name) })),
            ],
            // Every replica STRONG is multi-Region strong consistency; the table's own region follows its replicas.
            MultiRegionConsistency: replicas.every((x) => literal(x.consistency_mode) === 'STRONG')
                ? 'STRONG'
                : undefined,
            Tags: tags(r.values),
        });
    },
    aws_rds_global_cluster: (r, index) => {
        const writerArn = objects(r.values.global_cluster_members).find((m) => m.is_writer === true)?.db_cluster_arn;
        const writer =
            index.target(r, ['source_db_cluster_identifier'], 'aws_rds_cluster', ['arn', 'cluster_identifier', 'id']) ??
            index
                .of('aws_rds_cluster')
                .find((c) => writerArn !== undefined && literal(c.values.arn) === literal(writerArn));
        return cfn('AWS::RDS::GlobalCluster', r, {
            GlobalClusterIdentifier: literal(r.values.global_cluster_identifier),
            SourceDBClusterIdentifier: writer
                ? { Ref: writer.address }
                : (literal(r.values.source_db_cluster_identifier) ?? literal(writerArn)),
        });
    },
    aws_rds_cluster: (r, index) =>
        cfn('AWS::RDS::DBCluster', r, {
            DBClusterIdentifier: literal(r.values.cluster_identifier),
            Engine: literal(r.values.engine),
            GlobalClusterIdentifier: index.ref(r, ['global_cluster_identifier'], 'aws_rds_global_cluster', [
                'global_cluster_identifier',
                'id',
            ]),
            MasterUsername: literal(r.values.master_username),
            Tags: tags(r.values),
        }),
    aws_rds_cluster_instance: (r, index) =>
        cfn('AWS::RDS::DBInstance', r, {
            DBInstanceIdentifier: literal(r.values.identifier),
            DBClusterIdentifier: index.ref(r, ['cluster_identifier'], 'aws_rds_cluster', ['cluster_identifier', 'id']),
        }),
    aws_db_instance: (r, index) =>
        cfn('AWS::RDS::DBInstance', r, {
            DBInstanceIdentifier: literal(r.values.identifier),
            Engine: literal(r.values.engine),
            SourceDBInstanceIdentifier: index.ref(r, ['replicate_source_db'], 'aws_db_instance', ['identifier', 'arn']),
            Tags: tags(r.values),
        }),
    aws_s3_bucket: (r) => cfn('AWS::S3::Bucket', r, { BucketName: literal(r.values.bucket), Tags: tags(r.values) }),
    // The replication configuration is a resource of its own in Terraform: it becomes the replicating bucket, in
    // the region of the bucket it configures.
    aws_s3_bucket_replication_configuration: (r, index) => {
        const bucket = index.target(r, ['bucket'], 'aws_s3_bucket', ['bucket', 'id']);
        const rules = objects(r.values.rule).map((rule, i) => {
            const destination = first(rule.destination);
            return defined({
                Status: literal(rule.status),
                Destination: defined({
                    Bucket: index.ref(r, ['rule', i, 'destination', 0, 'bucket'], 'aws_s3_bucket', ['arn']),
                    ReplicationTime:
                        destination && first(destination.replication_time)
                            ? { Status: literal(first(destination.replication_time)!.status) }
                            : undefined,
                }),
            });
        });
        return cfn(
            'AWS::S3::Bucket',
            r,
            {
                BucketName: literal(r.values.bucket) ?? (bucket ? literal(bucket.values.bucket) : undefined),
                ReplicationConfiguration: { Rules: rules },
            },
            r.region === undefined ? bucket?.region : undefined,
        );
    },
    aws_route53_record: (r, index) =>
        cfn('AWS::Route53::RecordSet', r, {
            Name: literal(r.values.fqdn) ?? literal(r.values.name),
            Type: literal(r.values.type),
            TTL: r.values.ttl,
            ResourceRecords: Array.isArray(r.values.records) ? r.values.records : undefined,
            SetIdentifier: literal(r.values.set_identifier),
            HealthCheckId: index.ref(r, ['health_check_id'], 'aws_route53_health_check', ['id']),
            Failover: literal(first(r.values.failover_routing_policy)?.type),
            Region: literal(first(r.values.latency_routing_policy)?.region),
            Weight: first(r.values.weighted_routing_policy)?.weight,
            AliasTarget: first(r.values.alias) ? { DNSName: literal(first(r.values.alias)!.name) } : undefined,
        }),
    aws_route53_health_check: (r) =>
        cfn('AWS::Route53::HealthCheck', r, {
            HealthCheckConfig: defined({
                Type: literal(r.values.type),
                FullyQualifiedDomainName: literal(r.values.fqdn),
                RequestInterval: r.values.request_interval,
                FailureThreshold: r.values.failure_threshold,
            }),
            HealthCheckTags: tags(r.values),
        }),
    aws_route53recoverycontrolconfig_cluster: (r) =>
        cfn('AWS::Route53RecoveryControl::Cluster', r, { Name: literal(r.values.name) }),
    aws_route53recoverycontrolconfig_control_panel: (r) =>
        cfn('AWS::Route53RecoveryControl::ControlPanel', r, { Name: literal(r.values.name) }),
    aws_route53recoverycontrolconfig_routing_control: (r) =>
        cfn('AWS::Route53RecoveryControl::RoutingControl', r, { Name: literal(r.values.name) }),
    aws_route53recoverycontrolconfig_safety_rule: (r) =>
        cfn('AWS::Route53RecoveryControl::SafetyRule', r, { Name: literal(r.values.name) }),
    aws_globalaccelerator_accelerator: (r) =>
        cfn('AWS::GlobalAccelerator::Accelerator', r, { Name: literal(r.values.name), Tags: tags(r.values) }),
    aws_globalaccelerator_listener: (r, index) =>
        cfn('AWS::GlobalAccelerator::Listener', r, {
            AcceleratorArn: index.ref(r, ['accelerator_arn'], 'aws_globalaccelerator_accelerator', ['arn', 'id']),
        }),
    aws_globalaccelerator_endpoint_group: (r, index) =>
        cfn('AWS::GlobalAccelerator::EndpointGroup', r, {
            ListenerArn: index.ref(r, ['listener_arn'], 'aws_globalaccelerator_listener', ['arn', 'id']),
            EndpointGroupRegion: literal(r.values.endpoint_group_region),
            HealthCheckIntervalSeconds: r.values.health_check_interval_seconds,
            ThresholdCount: r.values.threshold_count,
            TrafficDialPercentage: r.values.traffic_dial_percentage,
            EndpointConfigurations: objects(r.values.endpoint_configuration).map((e) =>
                defined({ EndpointId: literal(e.endpoint_id) }),
            ),
        }),
    // Terraform writes the objectives as Go durations (`1h`, `2h45m`, `30m15s`); CloudFormation as seconds.
    aws_resiliencehub_resiliency_policy: (r) => {
        const region = first(first(r.values.policy)?.region);
        return cfn('AWS::ResilienceHub::ResiliencyPolicy', r, {
            PolicyName: literal(r.values.name),
            Policy: {
                Region: defined({
                    RtoInSecs: goDurationSeconds(region?.rto),
                    RpoInSecs: goDurationSeconds(region?.rpo),
                }),
            },
        });
    },
    // Terraform names the members from the other side: the primary on the global group, each secondary's
    // replication group names the global group it joins.
    aws_elasticache_global_replication_group: (r, index) => {
        const groupKeys = ['replication_group_id', 'id', 'arn'];
        const primary = index.ref(r, ['primary_replication_group_id'], 'aws_elasticache_replication_group', groupKeys);
        const secondaries = index
            .of('aws_elasticache_replication_group')
            .filter(
                (g) =>
                    index.target(g, ['global_replication_group_id'], 'aws_elasticache_global_replication_group', [
                        'global_replication_group_id',
                        'id',
                    ]) === r,
            );
        return cfn('AWS::ElastiCache::GlobalReplicationGroup', r, {
            GlobalReplicationGroupIdSuffix: literal(r.values.global_replication_group_id_suffix),
            Members: [
                ...(primary !== undefined ? [{ ReplicationGroupId: primary, Role: 'PRIMARY' }] : []),
                ...secondaries
                    .filter((g) => !(object(primary)?.Ref === g.address))
                    .map((g) => ({ ReplicationGroupId: { Ref: g.address }, Role: 'SECONDARY' })),
            ],
        });
    },
    aws_elasticache_replication_group: (r, index) =>
        cfn('AWS::ElastiCache::ReplicationGroup', r, {
            ReplicationGroupId: literal(r.values.replication_group_id),
            Engine: literal(r.values.engine),
            GlobalReplicationGroupId: index.ref(
                r,
                ['global_replication_group_id'],
                'aws_elasticache_global_replication_group',
                ['global_replication_group_id', 'id'],
            ),
        }),
};

const GO_UNITS = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 } as const;

/** A Go duration in whole seconds (`2h45m` → 9900); undefined when it is not one, or not whole seconds. */
export function goDurationSeconds(value: unknown): number | undefined {
    const text = literal(value);
    if (text === undefined || !/^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(text)) return undefined;
    let seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g))
        seconds += Number(amount) * GO_UNITS[unit as keyof typeof GO_UNITS];
    const rounded = Math.round(seconds * 1e6) / 1e6;
    return Number.isInteger(rounded) ? rounded : undefined;
}

/** Every resource in CloudFormation's shape where a translation exists, else under its Terraform type (listed as not imported). */
export function translate(resources: readonly TfResource[]): Map<TfResource, Translated> {
    const index = new Index(resources);
    const out = new Map<TfResource, Translated>();
    for (const r of resources) {
        const translated = TRANSLATIONS[r.type]?.(r, index);
        out.set(r, translated ?? { resource: { Type: r.type, Properties: {} } });
    }
    return out;
}
