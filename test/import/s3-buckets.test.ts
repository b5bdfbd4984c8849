// Which S3 buckets the importer reads as stores: a replicating bucket with its replicas, and a named, versioned
// bucket that replicates nowhere (a one-region store, as the exporter writes one); an unnamed, unversioned bucket
// (access logs) is listed as not imported.
import { describe, expect, it } from 'vitest';
import { importStacks } from '../../import/index.js';
import type { CfnResource, DeployedStack } from '../../import/template.js';

const bucket = (properties: Record<string, unknown>): CfnResource => ({
    Type: 'AWS::S3::Bucket',
    Properties: properties,
});
const VERSIONED = { VersioningConfiguration: { Status: 'Enabled' } };

const stacks: DeployedStack[] = [
    {
        name: 'Shop-us-east-1',
        region: 'us-east-1',
        resources: new Map([
            ['Images', bucket({ BucketName: 'images-us-east-1-123456789012', ...VERSIONED })],
            [
                'Assets',
                bucket({
                    BucketName: 'assets-us-east-1-123456789012',
                    ...VERSIONED,
                    ReplicationConfiguration: {
                        Rules: [
                            {
                                Status: 'Enabled',
                                Destination: { Bucket: 'arn:aws:s3:::assets-us-west-2-123456789012' },
                            },
                        ],
                    },
                }),
            ],
            ['Logs', bucket({})],
        ]),
    },
    {
        name: 'Shop-us-west-2',
        region: 'us-west-2',
        resources: new Map([['AssetsReplica', bucket({ BucketName: 'assets-us-west-2-123456789012', ...VERSIONED })]]),
    },
];

describe('S3 buckets on import', () => {
    const design = importStacks(stacks);
    const stores = design.declarations.filter((d) => d.kind === 'store');

    it('reads a replicating bucket and its replica as one store over both regions', () => {
        expect(stores.find((s) => s.name === 'assets')).toMatchObject({
            engine: 's3',
            regions: ['us-east-1', 'us-west-2'],
        });
    });

    it('reads a named, versioned bucket that replicates nowhere as a one-region store', () => {
        expect(stores.find((s) => s.name === 'images')).toMatchObject({ engine: 's3', regions: ['us-east-1'] });
    });

    it('leaves an unnamed, unversioned bucket in the list of resources not imported', () => {
        expect(stores).toHaveLength(2);
        expect(design.notImported.find((n) => n.type === 'AWS::S3::Bucket')?.origins.map((o) => o.logicalId)).toEqual([
            'Logs',
        ]);
    });
});
