// lib/constructs/aurora-global-database.ts of the generated app (static: no model data inside).
export const AURORA_GLOBAL_DATABASE = `// Aurora Global Database: the writer cluster and the global cluster in the primary region, and read-only
// secondary clusters that join it from other regions. aws-cdk-lib has no L2 construct for global clusters,
// so the global cluster and the secondaries use CloudFormation-level (L1) resources.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

// Choices the design does not make: review them before the first deployment (neither changes in place
// without a replacement or an upgrade). Aurora PostgreSQL supports global databases; they need
// memory-optimized instance classes.
export const ENGINE_VERSION = rds.AuroraPostgresEngineVersion.VER_16_6;
export const INSTANCE_TYPE = ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE);

// Every region's cluster listens on the same port, so clients keep their settings after a failover.
const PORT = 5432;
const LOG_EXPORTS = ['postgresql'];
const MASTER_USERNAME = 'postgres';
/** How often the master password rotates (Secrets Manager's rotation schedule). */
const ROTATION = Duration.days(30);

/**
 * One region's network for its cluster: an existing VPC when the stack is given one (its isolated subnets, else its
 * private ones), otherwise a new isolated VPC over two availability zones, with no internet route and flow logs on.
 */
class DatabaseNetwork extends Construct {
    readonly vpc: ec2.IVpc;
    readonly subnets: ec2.SubnetSelection;
    readonly securityGroup: ec2.SecurityGroup;
    readonly storageKey: kms.Key;
    private readonly created: boolean;

    constructor(scope: Construct, id: string, existing?: ec2.IVpc) {
        super(scope, id);
        this.created = existing === undefined;
        if (existing !== undefined) {
            // The VPC is the team's: its flow logs and endpoints are theirs to manage, so none are added to it.
            this.vpc = existing;
            this.subnets = { subnets: existing.isolatedSubnets.length > 0 ? existing.isolatedSubnets : existing.privateSubnets };
        } else {
            const vpc = new ec2.Vpc(this, 'Vpc', {
                maxAzs: 2,
                natGateways: 0,
                subnetConfiguration: [{ name: 'database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
            });
            vpc.addFlowLog('FlowLog');
            this.vpc = vpc;
            this.subnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
        }
        this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
            vpc: this.vpc,
            allowAllOutbound: false,
            description: 'Database access; allow each client security group explicitly',
        });
        this.storageKey = new kms.Key(this, 'StorageKey', {
            enableKeyRotation: true,
            description: 'Encrypts the database storage in this region',
        });
    }

    /**
     * The password rotation function runs in the database subnets. In a VPC created here it reaches Secrets Manager
     * through an interface endpoint open to its security group only (rotation itself opens the database port to
     * that group). An existing VPC gets no endpoint (a second Secrets Manager endpoint with private DNS would clash
     * with one it may have): its subnets need a route to Secrets Manager, through a NAT gateway or its own endpoint.
     */
    addRotationAccess(): { endpoint?: ec2.InterfaceVpcEndpoint; securityGroup: ec2.SecurityGroup } {
        const securityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
            vpc: this.vpc,
            allowAllOutbound: !this.created,
            description: 'Master password rotation function',
        });
        if (!this.created) return { securityGroup };
        const endpoint = this.vpc.addInterfaceEndpoint('SecretsManager', {
            service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            subnets: this.subnets,
            open: false,
        });
        endpoint.connections.allowDefaultPortFrom(securityGroup);
        return { endpoint, securityGroup };
    }
}

export interface AuroraGlobalPrimaryProps {
    /** The global cluster the secondaries join; absent for a database in one region. */
    readonly globalClusterIdentifier?: string;
    /** Regions of the secondary clusters: the master secret is replicated there, so a promoted secondary has it. */
    readonly secondaryRegions?: readonly string[];
    /** An existing VPC to place the cluster in; a new isolated one is created when absent. */
    readonly vpc?: ec2.IVpc;
}

/** The writer cluster, and the global cluster created from it. */
export class AuroraGlobalPrimary extends Construct {
    readonly cluster: rds.DatabaseCluster;
    /** The master user's secret (username and password), with a replica in each secondary region. */
    readonly secret: secretsmanager.ISecret;

    constructor(scope: Construct, id: string, props: AuroraGlobalPrimaryProps) {
        super(scope, id);
        const network = new DatabaseNetwork(this, 'Network', props.vpc);
        this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
            engine: rds.DatabaseClusterEngine.auroraPostgres({ version: ENGINE_VERSION }),
            writer: rds.ClusterInstance.provisioned('Writer', { instanceType: INSTANCE_TYPE }),
            vpc: network.vpc,
            vpcSubnets: network.subnets,
            securityGroups: [network.securityGroup],
            port: PORT,
            storageEncrypted: true,
            storageEncryptionKey: network.storageKey,
            // A password managed by RDS (manageMasterUserPassword) is not supported for clusters in a global
            // database (Aurora user guide, "Limitations for Secrets Manager integration"): the master password is
            // a generated Secrets Manager secret instead, replicated to every secondary region and rotated below.
            credentials: rds.Credentials.fromGeneratedSecret(MASTER_USERNAME, {
                replicaRegions: (props.secondaryRegions ?? []).map((region) => ({ region })),
            }),
            iamAuthentication: true,
            deletionProtection: true,
            cloudwatchLogsExports: LOG_EXPORTS,
            removalPolicy: RemovalPolicy.SNAPSHOT,
        });
        this.secret = this.cluster.secret!;
        // Rotating the primary secret updates its replicas; the password is the global cluster's, so one rotation serves every region.
        const rotation = network.addRotationAccess();
        this.cluster.addRotationSingleUser({
            automaticallyAfter: ROTATION,
            vpcSubnets: network.subnets,
            endpoint: rotation.endpoint,
            securityGroup: rotation.securityGroup,
        });
        if (props.globalClusterIdentifier !== undefined) {
            new rds.CfnGlobalCluster(this, 'GlobalCluster', {
                globalClusterIdentifier: props.globalClusterIdentifier,
                sourceDbClusterIdentifier: this.cluster.clusterIdentifier,
                deletionProtection: true,
            });
        }
    }
}

export interface AuroraGlobalSecondaryProps {
    /** The global cluster created by the primary region's stack (a stack dependency orders the deployment). */
    readonly globalClusterIdentifier: string;
    /**
     * Pilot light: the cluster replicates storage but runs no DB instance (no instance cost) until failover adds
     * a reader, which is then promoted. Otherwise one reader runs all the time.
     */
    readonly headless?: boolean;
    /** An existing VPC to place the cluster in; a new isolated one is created when absent. */
    readonly vpc?: ec2.IVpc;
}

/** A read-only cluster that replicates from the writer region and can be promoted when it fails. */
export class AuroraGlobalSecondary extends Construct {
    readonly cluster: rds.CfnDBCluster;

    constructor(scope: Construct, id: string, props: AuroraGlobalSecondaryProps) {
        super(scope, id);
        const network = new DatabaseNetwork(this, 'Network', props.vpc);
        const subnetGroup = new rds.CfnDBSubnetGroup(this, 'SubnetGroup', {
            dbSubnetGroupDescription: 'Database subnets of the secondary cluster',
            subnetIds: network.vpc.selectSubnets(network.subnets).subnetIds,
        });
        // No master user: a secondary takes its users and data from the writer through the global cluster.
        this.cluster = new rds.CfnDBCluster(this, 'Cluster', {
            engine: 'aurora-postgresql',
            engineVersion: ENGINE_VERSION.auroraPostgresFullVersion,
            globalClusterIdentifier: props.globalClusterIdentifier,
            dbSubnetGroupName: subnetGroup.ref,
            vpcSecurityGroupIds: [network.securityGroup.securityGroupId],
            port: PORT,
            storageEncrypted: true,
            kmsKeyId: network.storageKey.keyArn,
            enableIamDatabaseAuthentication: true,
            deletionProtection: true,
            enableCloudwatchLogsExports: LOG_EXPORTS,
            copyTagsToSnapshot: true,
        });
        this.cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        if (props.headless) return;
        new rds.CfnDBInstance(this, 'Reader', {
            dbClusterIdentifier: this.cluster.ref,
            dbInstanceClass: 'db.' + INSTANCE_TYPE.toString(),
            engine: 'aurora-postgresql',
        });
    }
}
`;
