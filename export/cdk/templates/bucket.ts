// lib/constructs/replicated-bucket.ts of the generated app (static: no model data inside).
export const REPLICATED_BUCKET = `// S3 cross-region replication: a versioned source bucket whose replication rules copy every object to
// versioned replica buckets in other regions. Bucket names are fixed (prefix-region-account) so the source
// stack can name a replica without a cross-region reference; a stack dependency deploys replicas first.
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

export function bucketName(prefix: string, region: string, account: string): string {
    return [prefix, region, account].join('-');
}

function bucketArn(name: string, region: string): string {
    return ['arn', RegionInfo.get(region).partition ?? 'aws', 's3', '', '', name].join(':');
}

/** Encrypted, private, TLS-only: the settings every bucket here shares. */
const SECURE: s3.BucketProps = {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
};

/** Server access logs of one bucket, kept in its own region. */
function accessLogBucket(scope: Construct): s3.Bucket {
    const logs = new s3.Bucket(scope, 'AccessLogs', { ...SECURE, removalPolicy: RemovalPolicy.RETAIN });
    Validations.of(logs).acknowledge({
        id: 'AwsSolutions-S1',
        reason: 'This bucket receives the access logs of the data bucket beside it; logging its own access would recurse.',
    });
    return logs;
}

export interface ReplicaBucketProps {
    readonly namePrefix: string;
}

/** A bucket that receives replicated objects. */
export class ReplicaBucket extends Construct {
    readonly bucket: s3.Bucket;

    constructor(scope: Construct, id: string, props: ReplicaBucketProps) {
        super(scope, id);
        const stack = Stack.of(this);
        this.bucket = new s3.Bucket(this, 'Bucket', {
            ...SECURE,
            bucketName: bucketName(props.namePrefix, stack.region, stack.account),
            versioned: true,
            serverAccessLogsBucket: accessLogBucket(this),
            removalPolicy: RemovalPolicy.RETAIN,
        });
    }
}

export interface ReplicatedBucketProps {
    readonly namePrefix: string;
    /** Regions holding a ReplicaBucket with the same prefix. */
    readonly replicaRegions: readonly string[];
    /**
     * S3 Replication Time Control: 99.99 % of objects replicated within 15 minutes (its SLA), with replication
     * metrics and events past that threshold. Without it S3 replicates asynchronously with no time guarantee.
     */
    readonly replicationTimeControl?: boolean;
}

/** The bucket writes go to, replicating to every replica region. */
export class ReplicatedBucket extends Construct {
    readonly bucket: s3.Bucket;

    constructor(scope: Construct, id: string, props: ReplicatedBucketProps) {
        super(scope, id);
        const stack = Stack.of(this);
        const sourceName = bucketName(props.namePrefix, stack.region, stack.account);
        const sourceArn = bucketArn(sourceName, stack.region);
        const replicaArns = props.replicaRegions.map((region) => bucketArn(bucketName(props.namePrefix, region, stack.account), region));

        // Replication reads object versions here and writes them into the replicas: object-level access is
        // what S3 replication needs, and it is limited to these buckets.
        const role = new iam.Role(this, 'ReplicationRole', {
            assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
            description: 'S3 replication from ' + sourceName,
        });
        role.addToPolicy(new iam.PolicyStatement({
            actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
            resources: [sourceArn],
        }));
        role.addToPolicy(new iam.PolicyStatement({
            actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
            resources: [sourceArn + '/*'],
        }));
        if (replicaArns.length > 0) {
            role.addToPolicy(new iam.PolicyStatement({
                actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
                resources: replicaArns.map((arn) => arn + '/*'),
            }));
        }
        for (const arn of [sourceArn, ...replicaArns]) {
            Validations.of(role).acknowledge({
                id: 'AwsSolutions-IAM5[Resource::' + arn + '/*]',
                reason: 'S3 replication acts on every object of the bucket; access is limited to the replicated buckets.',
            });
        }

        this.bucket = new s3.Bucket(this, 'Bucket', {
            ...SECURE,
            bucketName: sourceName,
            versioned: true,
            serverAccessLogsBucket: accessLogBucket(this),
            removalPolicy: RemovalPolicy.RETAIN,
            replicationRole: replicaArns.length > 0 ? role : undefined,
            replicationRules: props.replicaRegions.length > 0
                ? props.replicaRegions.map((region, index) => ({
                    destination: s3.Bucket.fromBucketAttributes(this, 'Replica' + (index + 1), {
                        bucketName: bucketName(props.namePrefix, region, stack.account),
                        region,
                    }),
                    priority: index + 1,
                    // A delete in the source (a delete marker) hides the object in the replicas too, so every region
                    // reads the same bucket. Replication never deletes an object version, so a deleted object stays
                    // recoverable in each region.
                    deleteMarkerReplication: true,
                    replicationTimeControl: props.replicationTimeControl ? s3.ReplicationTimeValue.FIFTEEN_MINUTES : undefined,
                    metrics: props.replicationTimeControl ? s3.ReplicationTimeValue.FIFTEEN_MINUTES : undefined,
                }))
                : undefined,
        });
    }
}
`;
