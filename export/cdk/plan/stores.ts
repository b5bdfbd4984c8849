// Stores → region stack items: DynamoDB global tables, Aurora Global Database, S3 cross-region replication.
// Engines without an AWS equivalent are listed as not generated, never approximated.
import { AURORA, DYNAMODB } from '../../../language/semantics/facts/defaults.js';
import type { Engine, StoreM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { bucketNamePrefix, globalClusterIdentifier } from '../names.js';
import { sourceRef, titleOf, type PlanCollector } from './collector.js';
import { factRef } from '../../../language/semantics/facts/citation.js';
import { itemAt } from '../../../language/util/item-at.js';

type ExportedEngine = 'dynamodb' | 'aurora' | 's3';

/** Physical names by store id, distinct within the design (unique-names.ts). */
interface StoreNames {
    readonly bucket: ReadonlyMap<string, string>;
    readonly cluster: ReadonlyMap<string, string>;
}

/** Why an engine is not exported; the message tells the user what to do instead. */
const NOT_EXPORTED: Readonly<Record<Exclude<Engine, ExportedEngine>, string>> = {
    spanner: 'Spanner is a Google Cloud service; AWS CDK cannot deploy it',
    cosmosdb: 'Cosmos DB is an Azure service; AWS CDK cannot deploy it',
    cockroachdb:
        "CockroachDB has no AWS-managed equivalent; run it yourself (EC2, EKS) or on its vendor's managed service",
    cassandra:
        "Cassandra is not in the exporter's AWS mapping; run it yourself or pick a managed Cassandra-compatible service",
    postgres:
        'a self-managed PostgreSQL has no one-to-one AWS resource; declare `engine aurora` to export an Aurora Global Database',
    mysql: 'a self-managed MySQL has no one-to-one AWS resource; declare `engine aurora` to export an Aurora Global Database',
    redis: "caches are not in the exporter's AWS mapping (a cache cluster needs node sizes the design does not declare)",
    memcached:
        "caches are not in the exporter's AWS mapping (a cache cluster needs node sizes the design does not declare)",
    gcs: 'Cloud Storage is a Google Cloud service; AWS CDK cannot deploy it',
    'azure-blob': 'Azure Blob Storage is an Azure service; AWS CDK cannot deploy it',
    kafka: "Kafka and MirrorMaker 2 are not in the exporter's AWS mapping (an MSK cluster needs broker sizes the design does not declare)",
    kinesis: "Kinesis Data Streams are not in the exporter's AWS mapping yet; each region's stream is independent",
    sqs: "SQS queues are not in the exporter's AWS mapping yet; each region's queue is independent",
    'durable-object': 'Durable Objects are a Cloudflare service; AWS CDK cannot deploy them',
    'workers-kv': 'Workers KV is a Cloudflare service; AWS CDK cannot deploy it',
    custom: 'a custom engine has no AWS resource to generate',
};

export function planStores(c: PlanCollector): void {
    const stores = [...c.model.stores.values()];
    const ids = (engine: Engine) => stores.filter((s) => s.engine === engine).map((s) => s.id);
    const names: StoreNames = {
        bucket: c.uniqueNames(
            ids('s3'),
            (id, hashed) => bucketNamePrefix(c.topologyName, id, hashed),
            'S3 bucket name prefix',
        ),
        cluster: c.uniqueNames(
            ids('aurora'),
            (id, hashed) => globalClusterIdentifier(c.topologyName, id, hashed),
            'Aurora global cluster identifier',
        ),
    };
    // One "not generated" line per declaration, however many cells it is instantiated in.
    const skipped = new Map<string, { reason: string; cells: string[] }>();
    const skipStore = (store: StoreM, reason: string) => {
        const entry = skipped.get(store.name) ?? { reason, cells: [] };
        if (store.cell !== undefined) entry.cells.push(store.cell);
        skipped.set(store.name, entry);
    };

    for (const store of c.model.stores.values()) {
        for (const region of store.regions) if (c.awsRegion(region)) c.touchRegion(region);
        if (store.engine === undefined) {
            skipStore(store, 'the design declares no engine for it');
            continue;
        }
        if (store.engine !== 'dynamodb' && store.engine !== 'aurora' && store.engine !== 's3') {
            skipStore(store, `engine ${store.engine}: ${NOT_EXPORTED[store.engine]}`);
            continue;
        }
        const foreign = [...store.regions, ...(store.witness ? [store.witness] : [])].filter((r) => !c.awsRegion(r));
        if (foreign.length > 0) {
            skipStore(
                store,
                `engine ${store.engine} runs only in AWS regions, but ${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not an AWS region`,
            );
            continue;
        }
        if (store.regions.length === 0) {
            skipStore(store, 'the design gives it no regions');
            continue;
        }
        if (store.engine === 'dynamodb') planDynamo(c, store);
        else if (store.engine === 'aurora') planAurora(c, store, names.cluster.get(store.id)!);
        else planBucket(c, store, names.bucket.get(store.id)!);
    }

    for (const [name, { reason, cells }] of skipped) {
        c.skip(
            `store ${name}${cells.length > 0 ? ` (cell${cells.length > 1 ? 's' : ''} ${cells.join(', ')})` : ''}`,
            reason,
        );
    }
}

/** The region a store's writes go to first: its declared primary, else its first region (a store without regions
 * is not planned). */
function homeRegion(store: StoreM): string {
    const primary = store.writes.primary;
    return primary !== undefined && store.regions.includes(primary)
        ? primary
        : itemAt(store.regions, 0, 'store regions');
}

function base(c: PlanCollector, store: StoreM) {
    return {
        title: titleOf('store', store.name, store.cell),
        source: sourceRef(store.source),
        cell: c.cellRef(store.cell),
        residency: store.cell === undefined ? store.residency : undefined,
        name: store.name,
    };
}

function planDynamo(c: PlanCollector, store: StoreM): void {
    const title = titleOf('store', store.name, store.cell);
    const home = homeRegion(store);
    const replicaRegions = store.regions.filter((r) => r !== home);
    const strong = store.consistency.level === 'strong';

    if (strong) {
        const all = [...store.regions, ...(store.witness ? [store.witness] : [])];
        if (all.length !== 3) {
            c.issue(
                title,
                `DynamoDB strong consistency (MRSC) needs exactly three regions, or two plus a witness; the design has ${all.length} (${factRef('dynamodb-mrsc-region-sets')})`,
            );
            return;
        }
        const set = DYNAMODB.mrscRegionSets.value.find((s) => all.every((r) => s.includes(r)));
        if (!set) {
            c.issue(
                title,
                `DynamoDB strong consistency (MRSC) needs all three regions in one region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3); ${all.join(', ')} span several (${factRef('dynamodb-mrsc-region-sets')})`,
            );
            return;
        }
        const unsupported = store.features.filter((f) =>
            (DYNAMODB.mrscUnsupported.value as readonly string[]).includes(f),
        );
        if (unsupported.length > 0) {
            c.issue(
                title,
                `DynamoDB strong consistency (MRSC) does not support ${unsupported.join(', ')} (${factRef('dynamodb-mrsc-unsupported-features')})`,
            );
            return;
        }
    } else if (store.witness !== undefined) {
        c.issue(
            title,
            `a witness region (${store.witness}) exists only for DynamoDB strong consistency (MRSC); the store is ${store.consistency.level}`,
        );
        return;
    }
    if (store.features.includes('ttl')) {
        c.skip(
            `${title}: feature ttl`,
            'the design does not name the attribute that holds the expiry time; set `timeToLiveAttribute` on the table',
        );
    }
    if (store.features.includes('local-secondary-index')) {
        c.skip(
            `${title}: feature local-secondary-index`,
            'the design does not declare the index keys; add `localSecondaryIndexes` to the table (they can only be created with it)',
        );
    }

    const unique = store.invariants.find((i) => i.kind === 'unique');
    const lag =
        store.replication.lagMs !== undefined ? `, replication lag ${formatDuration(store.replication.lagMs)}` : '';
    const summary = strong
        ? `multi-region strong consistency (MRSC): writes replicate synchronously before they return; conflicting writes fail and can be retried (${factRef('dynamodb-mrsc-region-sets')})`
        : `multi-region eventual consistency (MREC)${lag}; conflicts: ${store.conflicts.strategy === 'lww' ? 'last writer wins per item' : store.conflicts.strategy} (${factRef('dynamodb-mrec')})`;

    c.addRegionItem(home, {
        kind: 'dynamodb-table',
        ...base(c, store),
        replicaRegions,
        witnessRegion: store.witness,
        strong,
        // DynamoDB keeps only the primary key unique, so a declared uniqueness invariant becomes the partition key.
        partitionKey: unique ? { name: unique.field, fromInvariant: true } : { name: 'pk', fromInvariant: false },
        streams: store.features.includes('streams'),
        summary,
    });
    for (const region of replicaRegions) {
        c.addRegionItem(region, {
            kind: 'note',
            ...base(c, store),
            text: `has a replica here, created by the global table in ${home}'s stack`,
        });
    }
}

function planAurora(c: PlanCollector, store: StoreM, identifier: string): void {
    const title = titleOf('store', store.name, store.cell);
    const primary = homeRegion(store);
    const secondaries = store.regions.filter((r) => r !== primary);
    if (secondaries.length > AURORA.maxSecondaries.value) {
        c.issue(
            title,
            `Aurora Global Database supports up to ${AURORA.maxSecondaries.value} secondary regions; the design has ${secondaries.length} (${factRef('aurora-global-max-secondaries')})`,
        );
        return;
    }
    if (store.writes.policy !== 'primary') {
        c.issue(title, `Aurora Global Database has one writer region; the design lets ${store.writes.policy} write`);
        return;
    }
    const lag = store.replication.lagMs !== undefined ? `, lag ${formatDuration(store.replication.lagMs)}` : '';
    c.addRegionItem(primary, {
        kind: 'aurora-primary',
        ...base(c, store),
        globalClusterIdentifier: identifier,
        secondaryRegions: secondaries,
        summary:
            secondaries.length > 0
                ? `Aurora Global Database: the writer is here; ${secondaries.join(', ')} receive${secondaries.length === 1 ? 's' : ''} asynchronous storage replication${lag} (${factRef('aurora-global-single-writer')})`
                : 'Aurora in one region: no global cluster to create',
    });
    for (const region of secondaries) {
        const pilotLight = headlessFor(c, store, region);
        c.addRegionItem(region, {
            kind: 'aurora-secondary',
            ...base(c, store),
            globalClusterIdentifier: identifier,
            primaryRegion: primary,
            headless: pilotLight.length > 0,
            headlessText:
                pilotLight.length > 0
                    ? `no DB instance: ${pilotLight.join(', ')} ${pilotLight.length === 1 ? 'is' : 'are'} pilot light here, and a headless secondary replicates storage without instances until a reader is added at failover (${factRef('aurora-global-single-writer')})`
                    : undefined,
        });
    }
}

/** With Replication Time Control, S3 replicates 99.99 % of objects within 15 minutes (its SLA); without it, no time (docs/facts.md#s3-cross-region-replication). */
const RTC_MS = 15 * 60_000;

/** The design's timing promises for a bucket's replicas: its replication lag and its RPO, when declared. */
function replicationPromises(store: StoreM): { what: string; ms: number }[] {
    return [
        ...(store.replication.lagMs !== undefined ? [{ what: 'replication lag', ms: store.replication.lagMs }] : []),
        ...(store.objective?.rpoMs !== undefined ? [{ what: 'RPO', ms: store.objective.rpoMs }] : []),
    ];
}

/**
 * Services that use the store in `region` when every one of them is pilot light there (a standby without
 * running capacity), else none: a headless secondary would leave a warmer standby without a database.
 */
function headlessFor(c: PlanCollector, store: StoreM, region: string): string[] {
    const users = [...c.model.services.values()].filter(
        (s) => s.regions.includes(region) && (s.uses.includes(store.id) || s.reads.includes(store.id)),
    );
    const standby = users.every((s) => s.posture === 'pilot-light' && s.primary !== region);
    return users.length > 0 && standby ? users.map((s) => titleOf('service', s.name, s.cell)) : [];
}

function planBucket(c: PlanCollector, store: StoreM, prefix: string): void {
    const title = titleOf('store', store.name, store.cell);
    const source = homeRegion(store);
    const replicas = store.regions.filter((r) => r !== source);
    const promises = replicas.length > 0 ? replicationPromises(store) : [];
    const tooTight = promises.filter((p) => p.ms < RTC_MS);
    if (tooTight.length > 0) {
        c.issue(
            title,
            `S3 cross-region replication promises no replication time, and with Replication Time Control 99.99 % of objects within 15 minutes (its SLA, ${factRef('s3-cross-region-replication')}); the design's ${tooTight.map((p) => `${p.what} of ${formatDuration(p.ms)}`).join(' and ')} cannot be kept: declare 15 min or more, or use a store that replicates faster`,
        );
        return;
    }
    const replicationTimeControl = promises.length > 0;
    const replicationTimeText = replicationTimeControl
        ? `Replication Time Control on: 99.99 % of objects replicate within 15 minutes (S3's SLA, ${factRef('s3-cross-region-replication')}), which keeps the design's ${promises.map((p) => `${p.what} of ${formatDuration(p.ms)}`).join(' and ')}`
        : `Replication Time Control off: the design promises no replication time, and without RTC S3 gives none (${factRef('s3-cross-region-replication')})`;
    if (store.writes.policy === 'any-region' && replicas.length > 0) {
        c.skip(
            `${title}: replication back to ${source}`,
            'two-way replication needs every bucket to exist before any replication rule points at it; deploy once, then add rules from the replicas to the source',
        );
    }
    c.addRegionItem(source, {
        kind: 'bucket-source',
        ...base(c, store),
        namePrefix: prefix,
        replicaRegions: replicas,
        replicationTimeControl,
        replicationTimeText,
    });
    for (const region of replicas) {
        c.addRegionItem(region, {
            kind: 'bucket-replica',
            ...base(c, store),
            namePrefix: prefix,
            sourceRegion: source,
        });
    }
}
