// S3 buckets with cross-region replication rules (AWS::S3::Bucket ReplicationConfiguration): the source region,
// the destination regions, and whether Replication Time Control bounds the lag.
import { sameScope, type ImportContext } from '../context.js';
import type { ImportedStore } from '../design.js';
import { originOf, resourcesOfType, type Located } from '../template.js';
import { literal, object, objects, referencedId, regionIn } from '../values.js';
import { HOLDS_TODO } from './todos.js';

export function importReplicatedBuckets(context: ImportContext): ImportedStore[] {
    const buckets = resourcesOfType(context.stacks, 'AWS::S3::Bucket');
    const stores: ImportedStore[] = [];
    for (const source of buckets) {
        const rules = objects(object(source.resource.Properties.ReplicationConfiguration)?.Rules).filter(
            (r) => literal(r.Status) !== 'Disabled',
        );
        if (rules.length === 0) continue;
        context.consume(source);
        const destinations: Located[] = [];
        const regions = source.stack.region !== undefined ? [source.stack.region] : [];
        if (source.stack.region === undefined)
            context.warnings.push(
                `${source.stack.name}/${source.logicalId}: the source bucket's region is unknown (give --region for a lone template)`,
            );
        let unknownDestinations = 0;
        for (const rule of rules) {
            const target = object(rule.Destination)?.Bucket;
            const found = findBucket(context, buckets, source, target);
            if (found) destinations.push(found);
            const region =
                found?.stack.region ??
                regionIn(literal(target) ?? (found ? literal(found.resource.Properties.BucketName) : undefined));
            if (region === undefined) unknownDestinations++;
            else if (!regions.includes(region)) regions.push(region);
        }
        context.consume(...destinations);
        // Terraform states a bucket and its replication configuration as two resources with the same bucket name.
        const sourceName = literal(source.resource.Properties.BucketName);
        const sameBucket =
            sourceName === undefined
                ? []
                : buckets.filter(
                      (b) =>
                          b !== source &&
                          sameScope(b.stack, source.stack) &&
                          literal(b.resource.Properties.BucketName) === sourceName,
                  );
        context.consume(...sameBucket);
        const rtc =
            rules.length > 0 &&
            rules.every((r) => literal(object(object(r.Destination)?.ReplicationTime)?.Status) === 'Enabled');
        const name = context.name(bucketStem(literal(source.resource.Properties.BucketName)) ?? source.logicalId);
        stores.push({
            kind: 'store',
            name,
            engine: 's3',
            regions,
            ...(source.stack.region !== undefined
                ? { writes: { policy: 'primary' as const, region: source.stack.region } }
                : {}),
            replication: rtc
                ? {
                      mode: 'async',
                      lag: '15m',
                      note: 'Replication Time Control: 99.99 % of objects within 15 minutes, an SLA bound (docs/facts.md#s3-cross-region-replication)',
                  }
                : {
                      mode: 'async',
                      note: 'no Replication Time Control: S3 promises no replication time (docs/facts.md#s3-cross-region-replication)',
                  },
            notes: [],
            todos:
                unknownDestinations > 0
                    ? [
                          HOLDS_TODO,
                          {
                              clause: 'regions <add the destination regions>',
                              why: `${unknownDestinations} replication destination${unknownDestinations === 1 ? '' : 's'} name no region the importer can tell`,
                          },
                      ]
                    : [HOLDS_TODO],
            origins: [originOf(source), ...sameBucket.map(originOf), ...destinations.map(originOf)],
        });
    }
    stores.push(...importLoneBuckets(context, buckets));
    return stores;
}

/**
 * Versioned, named buckets that replicate nowhere and receive no replica: a store in one region (the shape the
 * exporter writes for a one-region `engine s3` store). Unnamed or unversioned buckets — access logs, scratch — are
 * left to the list of resources not imported.
 */
function importLoneBuckets(context: ImportContext, buckets: readonly Located[]): ImportedStore[] {
    const stores: ImportedStore[] = [];
    for (const bucket of buckets) {
        if (context.isConsumed(bucket.stack.name, bucket.logicalId)) continue;
        const props = bucket.resource.Properties;
        const name = literal(props.BucketName);
        if (name === undefined || literal(object(props.VersioningConfiguration)?.Status) !== 'Enabled') continue;
        if (bucket.stack.region === undefined) continue;
        context.consume(bucket);
        stores.push({
            kind: 'store',
            name: context.name(bucketStem(name) ?? bucket.logicalId),
            engine: 's3',
            regions: [bucket.stack.region],
            notes: [],
            todos: [HOLDS_TODO],
            origins: [originOf(bucket)],
        });
    }
    return stores;
}

/** The destination bucket among the templates' buckets: by reference in the same stack, or by name or ARN. */
function findBucket(
    context: ImportContext,
    buckets: readonly Located[],
    source: Located,
    target: unknown,
): Located | undefined {
    if (referencedId(target) !== undefined) return buckets.find((b) => context.refersTo(source, target, b));
    const text = literal(target);
    if (text === undefined) return undefined;
    const name = text.startsWith('arn:') ? text.slice(text.lastIndexOf(':') + 1) : text;
    return buckets.find((b) => b !== source && literal(b.resource.Properties.BucketName) === name);
}

/** A bucket name without the region and account the exporter and many teams put in it. */
function bucketStem(name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    const region = regionIn(name);
    const stem = (region !== undefined ? name.replace(region, '') : name)
        .replace(/\d{12}/g, '')
        .replace(/[-.]+/g, '-')
        .replace(/^-|-$/g, '');
    return stem === '' ? undefined : stem;
}
