// Scenarios → AWS FIS experiment templates (game days). A region outage becomes what FIS can do to one region:
// cut the network of its subnets, pause the replication of its DynamoDB global tables, fail its Aurora clusters
// over. Action ids, target types and parameters are those of the AWS FIS actions reference
// (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html); test/export/game-days.test.ts pins
// them. Everything else a scenario does is listed with the reason FIS cannot inject it.
import type { FaultM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { factRef } from '../../../language/semantics/facts/citation.js';
import { sourceRef, type PlanCollector } from './collector.js';
import type { AuroraPrimaryItem, AuroraSecondaryItem, DynamoTableItem, NotGenerated, SourceRef } from './types.js';

/**
 * The range the FIS actions reference gives for an action's `duration`: one minute to twelve hours
 * (docs/facts.md#fis-action-duration). The DynamoDB replication pause states no range; the same one is used.
 */
export const FIS_MIN_DURATION_S = 60;
export const FIS_MAX_DURATION_S = 12 * 3600;

export type FisActionId =
    'aws:network:disrupt-connectivity' | 'aws:dynamodb:global-table-pause-replication' | 'aws:rds:failover-db-cluster';

export interface FisAction {
    readonly actionId: FisActionId;
    /** The FIS target type the action acts on. */
    readonly resourceType: 'aws:ec2:subnet' | 'aws:dynamodb:global-table' | 'aws:rds:cluster';
    /** ISO 8601 duration, for actions that last. */
    readonly duration?: string;
    /**
     * The replication pause targets a strongly consistent (MRSC) global table: FIS then also needs
     * `dynamodb:InjectError` (AWS FIS actions reference, aws:dynamodb:global-table-pause-replication, Permissions).
     */
    readonly mrsc?: boolean;
    readonly why: string;
}

export interface GameDayExperiment {
    /** `<scenario> <region>`, for ids. */
    readonly key: string;
    readonly scenario: string;
    readonly region: string;
    readonly source: SourceRef;
    readonly actions: readonly FisAction[];
    /** The scenario's expectations, for the stop-condition alarm's description. */
    readonly objectives: string;
}

export interface GameDayPlan {
    readonly experiments: readonly GameDayExperiment[];
    readonly notInjectable: readonly NotGenerated[];
}

/** The context flag that adds the game-day stacks; without it the app deploys no experiment. */
export const GAME_DAYS_KEY = 'mregion:game-days';

function isoDuration(seconds: number): string {
    const s = Math.min(FIS_MAX_DURATION_S, Math.max(FIS_MIN_DURATION_S, Math.round(seconds)));
    return s % 60 === 0 ? `PT${s / 60}M` : `PT${s}S`;
}

export function planGameDays(c: PlanCollector, stackRegions: readonly string[]): GameDayPlan {
    const experiments: GameDayExperiment[] = [];
    const notInjectable: NotGenerated[] = [];
    const stacked = new Set(stackRegions);
    for (const scenario of c.model.scenarios.values()) {
        const byRegion = new Map<string, FisAction[]>();
        const add = (region: string, action: FisAction) => {
            const list = byRegion.get(region) ?? [];
            if (!list.some((a) => a.actionId === action.actionId)) list.push(action);
            byRegion.set(region, list);
        };
        for (const fault of scenario.faults) {
            const name = `scenario ${scenario.name}: ${describeFault(fault)}`;
            const reason = mapFault(c, fault, stacked, add, (what, why) =>
                notInjectable.push({ name: `scenario ${scenario.name}: ${what}`, reason: why }),
            );
            if (reason !== undefined) notInjectable.push({ name, reason });
        }
        const objectives = scenario.expectations.map((e) => e.text).join(', ') || 'none declared';
        for (const [region, actions] of byRegion) {
            experiments.push({
                key: `${scenario.name} ${region}`,
                scenario: scenario.name,
                region,
                source: sourceRef(scenario.source),
                actions,
                objectives,
            });
        }
        if (scenario.faults.some((f) => f.atMs > 0)) {
            notInjectable.push({
                name: `scenario ${scenario.name}: fault times`,
                reason: "an experiment starts every action when it starts; the scenario's offsets (`at …`) are not kept, so start the experiment at the moment the scenario injects its fault",
            });
        }
    }
    return { experiments, notInjectable };
}

function describeFault(f: FaultM): string {
    switch (f.kind) {
        case 'outage':
            return `outage region ${f.region} for ${formatDuration(f.durationMs)}`;
        case 'destroy':
            return `destroy region ${f.region}`;
        case 'partition':
            return `partition ${f.regions[0]} / ${f.regions[1]}`;
        case 'control-plane':
            return `control-plane outage in ${f.region}`;
        case 'lag-spike':
            return `lag-spike${f.store ? ` on ${f.store}` : ''}`;
        case 'flap':
            return `flap in ${f.region}`;
        case 'degrade':
            return `degrade ${f.target.name} in ${f.region}`;
        case 'fail':
            return `fail ${f.target.name} in ${f.region}`;
        case 'corrupt':
            return `corrupt ${f.store}`;
    }
}

/** Adds the FIS actions for one fault, or says why FIS cannot inject it. */
function mapFault(
    c: PlanCollector,
    f: FaultM,
    stacked: ReadonlySet<string>,
    add: (region: string, action: FisAction) => void,
    skip: (what: string, reason: string) => void,
): string | undefined {
    switch (f.kind) {
        case 'outage': {
            if (!c.awsRegion(f.region)) return `${f.region} is not an AWS region: FIS acts on AWS resources only`;
            if (!stacked.has(f.region))
                return `the app creates nothing in ${f.region} for FIS to act on (its services' compute is yours to add; target it with your own experiment)`;
            const duration = isoDuration(f.durationMs / 1000);
            const clusters = (c.regionItems.get(f.region) ?? []).filter(
                (i): i is AuroraPrimaryItem | AuroraSecondaryItem =>
                    i.kind === 'aurora-primary' || i.kind === 'aurora-secondary',
            );
            // The app's only subnets are those of its Aurora clusters' VPCs; without one, the network action
            // would find no target and the experiment would not start.
            if (clusters.length > 0) {
                add(f.region, {
                    actionId: 'aws:network:disrupt-connectivity',
                    resourceType: 'aws:ec2:subnet',
                    duration,
                    why: `cuts all traffic of the region's subnets (scope all) for ${formatDuration(f.durationMs)}`,
                });
            } else {
                skip(
                    `network of ${f.region}`,
                    `the app creates no subnet in ${f.region} (its only subnets hold Aurora clusters); target your compute's subnets there with aws:network:disrupt-connectivity`,
                );
            }
            const tables = globalTablesIn(c, f.region);
            if (tables.length > 0) {
                add(f.region, {
                    actionId: 'aws:dynamodb:global-table-pause-replication',
                    resourceType: 'aws:dynamodb:global-table',
                    duration,
                    ...(tables.some((t) => t.strong) ? { mrsc: true } : {}),
                    why: `pauses replication to and from the region's global-table replicas, as a cut-off region would; replication may go on for up to 5 minutes after the action starts (a documented bound, ${factRef('fis-pause-replication')})`,
                });
            }
            if (clusters.some((i) => i.kind === 'aurora-primary' || !i.headless)) {
                add(f.region, {
                    actionId: 'aws:rds:failover-db-cluster',
                    resourceType: 'aws:rds:cluster',
                    why: "fails the region's Aurora clusters over to another instance; FIS has no action that fails a global database over to another region, so promoting a secondary stays the runbook's step",
                });
            } else if (clusters.length > 0) {
                skip(
                    `Aurora failover of ${clusters.map((i) => i.title).join(', ')} in ${f.region}`,
                    'the secondary cluster there is headless (no DB instance, pilot light), and a cluster failover promotes one of its instances; add a reader first (the runbook says how)',
                );
            }
            return undefined;
        }
        case 'destroy':
            return "FIS cannot destroy a region's storage; rehearse it as an outage that never heals (an outage fault), with the runbook's promotion";
        case 'partition':
            return "FIS cuts cross-region traffic only where it leaves subnets (route tables, transit gateways); the app's only subnets hold its databases, whose cross-region replication AWS carries itself, so there is nothing of the app's to cut: target your compute's subnets with aws:network:route-table-disrupt-cross-region-connectivity";
        case 'control-plane':
            return 'FIS cannot make an AWS management API unavailable for the whole region; its API-error actions cover only EC2 and Kinesis Data Streams calls made by a role you choose';
        case 'lag-spike':
            return "FIS can pause DynamoDB replication but cannot slow it by a set amount; a pause of the spike's length is the closest rehearsal";
        case 'flap':
            return 'an FIS action runs once per experiment; a flapping fault needs a repeated one, which a template cannot express';
        case 'degrade':
        case 'fail':
            return `it acts on ${f.target.name}'s compute, which the app does not create; FIS actions for that compute (EC2, ECS, EKS, Lambda) target it once you add it`;
        case 'corrupt':
            return 'FIS injects infrastructure faults, not bad data; rehearse a corruption as a restore drill: restore a backup to a new table or cluster and time it';
    }
}

/** The generated global tables with a replica in the region (their home region's item lists the others). */
function globalTablesIn(c: PlanCollector, region: string): DynamoTableItem[] {
    return [...c.regionItems.entries()].flatMap(([home, items]) =>
        items.filter(
            (i): i is DynamoTableItem =>
                i.kind === 'dynamodb-table' &&
                i.replicaRegions.length > 0 &&
                (home === region || i.replicaRegions.includes(region)),
        ),
    );
}

export const ARC_NOT_INJECTABLE =
    "the FIS actions reference lists no action that changes ARC routing-control states; flip them with the runbook's update-routing-control-states commands during the game day";
