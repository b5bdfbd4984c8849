// The export plan: what the generated app will contain, decided from the model before any code is written.
// Planning holds every mapping decision (which region hosts what, which values come from context, what
// cannot be generated); rendering only prints the plan.
import type { RegionM } from '../../../language/semantics/model.js';
import type { GameDayExperiment } from './game-days.js';

/** Where a declaration is written, for the comments that point back to it (`fintech.mregion:42`). */
export interface SourceRef {
    readonly file: string;
    /** One-based. */
    readonly line: number;
}

/** A value the model does not contain, supplied through CDK context (cdk.json). */
export interface ContextEntry {
    readonly key: string;
    readonly value: string | readonly string[];
    /**
     * `todo`: a placeholder the user must replace before deploying (synth warns while it is unchanged);
     * `choice`: a value the exporter picked that the design does not decide (listed for review).
     * `optional`: read when set, never written to cdk.json (the README documents it; nothing is invented).
     * Nothing else: the app needs no lookup, so cdk.json holds no lookup result the exporter would have to invent.
     */
    readonly kind: 'todo' | 'choice' | 'optional';
    readonly description: string;
}

export interface NotGenerated {
    readonly name: string;
    readonly reason: string;
}

/** What a region stack's resource belongs to, for grouping and tags. */
export interface CellRef {
    readonly name: string;
    readonly residency?: string;
    readonly source?: SourceRef;
}

interface ItemBase {
    /** The declaration it comes from, e.g. `store sessions (cell eu)`. */
    readonly title: string;
    readonly source: SourceRef;
    readonly cell?: CellRef;
    /** Residency of the data, when the store declares one (cells tag their own scope). */
    readonly residency?: string;
    /** A readable name for the construct id (the store or service name). */
    readonly name: string;
}

export interface DynamoTableItem extends ItemBase {
    readonly kind: 'dynamodb-table';
    readonly replicaRegions: readonly string[];
    readonly witnessRegion?: string;
    readonly strong: boolean;
    readonly partitionKey: { readonly name: string; readonly fromInvariant: boolean };
    readonly streams: boolean;
    /** One-line facts for the comment above the table (consistency, lag, conflicts). */
    readonly summary: string;
}

export interface AuroraPrimaryItem extends ItemBase {
    readonly kind: 'aurora-primary';
    readonly globalClusterIdentifier: string;
    readonly secondaryRegions: readonly string[];
    readonly summary: string;
}

export interface AuroraSecondaryItem extends ItemBase {
    readonly kind: 'aurora-secondary';
    readonly globalClusterIdentifier: string;
    readonly primaryRegion: string;
    /** Pilot light: the secondary cluster has no DB instance until failover adds a reader. */
    readonly headless: boolean;
    readonly headlessText?: string;
}

export interface BucketSourceItem extends ItemBase {
    readonly kind: 'bucket-source';
    readonly namePrefix: string;
    readonly replicaRegions: readonly string[];
    /** S3 Replication Time Control: on when the design promises a lag or RPO (of 15 minutes or more). */
    readonly replicationTimeControl: boolean;
    /** Why RTC is on or off, for the comment and the README. */
    readonly replicationTimeText: string;
}

export interface BucketReplicaItem extends ItemBase {
    readonly kind: 'bucket-replica';
    readonly namePrefix: string;
    readonly sourceRegion: string;
}

export interface ResiliencyPolicyItem extends ItemBase {
    readonly kind: 'resiliency-policy';
    readonly policyName: string;
    readonly rtoSeconds: number;
    readonly rpoSeconds: number;
    /** The objective as written, for the comment (`rto 5 m, rpo 1 s`). */
    readonly objectiveText: string;
}

/** A service or replica that lives in the region without a resource of its own in this stack. */
export interface NoteItem extends ItemBase {
    readonly kind: 'note';
    readonly text: string;
}

export type RegionItem =
    | DynamoTableItem
    | AuroraPrimaryItem
    | AuroraSecondaryItem
    | BucketSourceItem
    | BucketReplicaItem
    | ResiliencyPolicyItem
    | NoteItem;

export interface StackDependency {
    /** The key of the stack it deploys after (its region, or `<region> replication`). */
    readonly stack: string;
    readonly stackName: string;
    readonly reason: string;
}

export interface RegionStackPlan {
    readonly region: RegionM;
    /** The second stack of a region whose resources other regions need while it needs theirs (see layout.ts). */
    readonly replication: boolean;
    readonly stackName: string;
    readonly className: string;
    readonly fileStem: string;
    readonly items: readonly RegionItem[];
    readonly dependsOn: readonly StackDependency[];
}

export interface HealthCheckSettings {
    readonly intervalSeconds: number;
    readonly failureThreshold: number;
    /** The clause it comes from, for the comment. */
    readonly text: string;
}

export interface RoutedRegion {
    readonly region: string;
    /** Context key holding the region's endpoint domain name (DNS) or endpoint ARN (Global Accelerator). */
    readonly contextKey: string;
    /** DNS only: the optional context key of a load balancer's canonical hosted zone id, for an alias record. */
    readonly aliasZoneKey?: string;
}

export interface DnsRoutingItem extends ItemBase {
    readonly kind: 'dns';
    readonly recordName: string;
    readonly ttlSeconds: number;
    readonly ttlText: string;
    /** `failover`: PRIMARY/SECONDARY records; `latency`: one record per region (active-active). */
    readonly mode: 'failover' | 'latency';
    /** In failover mode: [primary, secondary]. */
    readonly regions: readonly RoutedRegion[];
    /** Endpoint health checks from the design's `detect health-check`; absent for manual detection. */
    readonly healthCheck?: HealthCheckSettings;
    /** With ARC, routing-control health checks drive the records instead of the endpoint checks. */
    readonly routingControls?: {
        readonly panelName: string;
        readonly waitPeriodMs: number;
        readonly waitPeriodText: string;
        /** One routing control per routed region; its ARN is a stack output under `outputId` for the runbook. */
        readonly controls: readonly { readonly region: string; readonly outputId: string }[];
    };
}

export interface AcceleratorItem extends ItemBase {
    readonly kind: 'accelerator';
    readonly acceleratorName: string;
    readonly groups: readonly (RoutedRegion & { readonly trafficDialPercentage: number })[];
    readonly healthCheck?: HealthCheckSettings;
    readonly dialText: string;
}

export type GlobalItem = DnsRoutingItem | AcceleratorItem;

export interface GlobalStackPlan {
    readonly region: string;
    readonly regionReason: string;
    readonly stackName: string;
    readonly className: string;
    readonly items: readonly GlobalItem[];
    /** Name of the one ARC cluster shared by every routing-control failover, when any. */
    readonly arcClusterName?: string;
    /** The stack output holding that cluster's ARN. */
    readonly arcClusterOutputId?: string;
}

export interface ExportPlan {
    readonly topologyName: string;
    readonly description?: string;
    readonly sourceFile: string;
    readonly account: string;
    readonly accountIsPlaceholder: boolean;
    readonly regionStacks: readonly RegionStackPlan[];
    /** AWS regions the design uses where nothing is generated (services' compute, replicas made elsewhere). */
    readonly regionsWithoutStack: readonly { readonly region: string; readonly notes: readonly NoteItem[] }[];
    readonly globalStack?: GlobalStackPlan;
    readonly context: readonly ContextEntry[];
    readonly notGenerated: readonly NotGenerated[];
    /** Parts of the design the exporter cannot express faithfully: they block the export unless forced. */
    readonly issues: readonly NotGenerated[];
    /** Physical names two model names share even with the hash suffix: the export fails, forced or not. */
    readonly nameCollisions: readonly string[];
    /** Failover steps of the design, for the README's runbook section. */
    readonly runbooks: readonly Runbook[];
    /** The design's own warnings (`file:line:column code message`), carried into the README. */
    readonly designWarnings?: readonly string[];
    /** One game-day stack per region with experiments, deployed only when the context flag asks for it. */
    readonly gameDayStacks: readonly GameDayStackPlan[];
    /** What the scenarios do that FIS cannot inject, with the reason. */
    readonly notInjectable: readonly NotGenerated[];
    /** The monthly cost of what was generated, as far as docs/facts.md prices it. */
    readonly costs: readonly CostLine[];
}

export interface GameDayStackPlan {
    readonly region: string;
    readonly stackName: string;
    readonly className: string;
    readonly fileStem: string;
    /** The region stack it acts on, deployed first. */
    readonly regionStackName: string;
    readonly experiments: readonly GameDayExperiment[];
}

export interface Runbook {
    readonly title: string;
    readonly source: SourceRef;
    /** Each action of the design's failover, with the commands that carry it out (none where nothing is run by hand). */
    readonly steps: readonly {
        readonly text: string;
        readonly plane: 'control-plane' | 'data-plane';
        readonly commands: readonly string[];
        readonly note?: string;
    }[];
    /** Commands that move back once the failed region has recovered. */
    readonly failback: readonly string[];
}

/** One line of the README's monthly cost estimate. */
export interface CostLine {
    readonly item: string;
    /** USD per 30-day month, when docs/facts.md prices it. */
    readonly usdPerMonth?: number;
    /** What the figure is and where it comes from (with the price's date), or why there is none. */
    readonly basis: string;
}
