// The failover/failback runbook of each failover of the design: the declared actions in order, each with the
// AWS CLI commands that carry it out on what the app created. Values only known after deploying are written
// as <placeholders> naming where to read them.
import { ARC } from '../../../language/semantics/facts/defaults.js';
import type { ActionM, FailoverM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { sourceRef, titleOf, type PlanCollector } from './collector.js';
import type { AuroraPrimaryItem, AuroraSecondaryItem, Runbook } from './types.js';

interface Step {
    text: string;
    plane: 'control-plane' | 'data-plane';
    commands: string[];
    note?: string;
}

export function planRunbooks(c: PlanCollector): Runbook[] {
    return c.model.failovers.map((f) => {
        const failback: string[] = [];
        const steps = f.actions.map((a) => step(c, f, a, failback));
        return {
            title: `${titleOf('failover', f.target.id.replace(/@.*$/, ''), f.cell)}${f.from && f.to ? `: ${f.from} → ${f.to}` : ''}`,
            source: sourceRef(f.source),
            steps,
            failback,
        };
    });
}

function describe(a: ActionM): string {
    return [
        a.kind,
        a.target?.id,
        a.region ? `in ${a.region}` : undefined,
        a.durationMs !== undefined && a.durationMs > 0 ? `(${formatDuration(a.durationMs)})` : undefined,
        a.controlPlaneName
            ? `through ${a.controlPlaneName}${a.controlPlaneRegion ? ` (homed in ${a.controlPlaneRegion})` : ''}`
            : undefined,
    ]
        .filter((p) => p !== undefined)
        .join(' ');
}

/** The Aurora items the app created for a store id (`orders`, `orders@eu`). */
function auroraOf(
    c: PlanCollector,
    storeId: string,
): { primary?: AuroraPrimaryItem & { region: string }; secondaries: (AuroraSecondaryItem & { region: string })[] } {
    const store = c.model.stores.get(storeId);
    if (!store) return { secondaries: [] };
    const title = titleOf('store', store.name, store.cell);
    let primary: (AuroraPrimaryItem & { region: string }) | undefined;
    const secondaries: (AuroraSecondaryItem & { region: string })[] = [];
    for (const [region, items] of c.regionItems) {
        for (const item of items) {
            if (item.title !== title) continue;
            if (item.kind === 'aurora-primary') primary = { ...item, region };
            if (item.kind === 'aurora-secondary') secondaries.push({ ...item, region });
        }
    }
    return { primary, secondaries };
}

function step(c: PlanCollector, f: FailoverM, a: ActionM, failback: string[]): Step {
    const base: Step = { text: describe(a), plane: a.plane, commands: [] };
    const to = a.region ?? f.to;
    const from = f.from;
    if (a.kind === 'promote' && a.target?.kind === 'store') {
        const store = c.model.stores.get(a.target.id);
        if (store?.engine === 'dynamodb')
            return { ...base, note: 'nothing to run: every replica of a DynamoDB global table accepts writes' };
        const aurora = auroraOf(c, a.target.id);
        if (aurora.primary === undefined || to === undefined)
            return { ...base, note: 'no command: the app did not create this store on Aurora' };
        const id = aurora.primary.globalClusterIdentifier;
        const target = aurora.secondaries.find((s) => s.region === to);
        const clusterArn = (region: string) =>
            `<ARN of the ${region} cluster: aws rds describe-global-clusters --region ${region} --global-cluster-identifier ${id} --query "GlobalClusters[0].GlobalClusterMembers[].DBClusterArn">`;
        if (target?.headless) {
            base.commands.push(
                `aws rds create-db-instance --region ${to} --db-cluster-identifier <id of the ${to} cluster> --db-instance-identifier ${id}-${to} --db-instance-class <the writer's instance class> --engine aurora-postgresql`,
            );
        }
        // An outage: fail over and accept losing what had not replicated yet; the way back, once healthy, is a switchover (no loss).
        base.commands.push(
            `aws rds failover-global-cluster --region ${to} --global-cluster-identifier ${id} --target-db-cluster-identifier ${clusterArn(to)} --allow-data-loss`,
        );
        if (from !== undefined)
            failback.push(
                `aws rds switchover-global-cluster --region ${from} --global-cluster-identifier ${id} --target-db-cluster-identifier ${clusterArn(from)}`,
            );
        return base;
    }
    if ((a.kind === 'shift-traffic' || a.kind === 'flip-routing-control') && f.target.kind === 'service') {
        const route = f.route?.method;
        if (route === 'dns')
            return {
                ...base,
                note: 'nothing to run: Route 53 stops answering with the region whose health check fails, and answers with it again once it passes',
            };
        if (route === 'arc-routing-control')
            return {
                ...base,
                note: 'the update-routing-control-states commands in "Routing controls (ARC)" below, for this service',
            };
        if ((route === 'global-accelerator' || route === 'anycast') && to !== undefined && from !== undefined) {
            const dial = (region: string, percent: number) =>
                `aws globalaccelerator update-endpoint-group --region ${ARC.controlPlaneRegion.value} --endpoint-group-arn <endpoint group ARN of ${region}: aws globalaccelerator list-endpoint-groups --region ${ARC.controlPlaneRegion.value} --listener-arn <listener ARN>> --traffic-dial-percentage ${percent}`;
            base.commands.push(dial(to, 100), dial(from, 0));
            failback.push(dial(from, 100), dial(to, 0));
            return {
                ...base,
                note: 'Global Accelerator already moves traffic off unhealthy endpoints; the dials make the move explicit and keep it',
            };
        }
    }
    return base;
}
