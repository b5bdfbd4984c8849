// The monthly cost of what the app creates, priced only from docs/facts.md: an item without a price there is
// listed as such, never given an invented figure.
import { describeEgress, estimateMonthlyEgress } from '../../../language/semantics/estimators/egress.js';
import { ARC_CLUSTER_PRICE, PRICE_DATES } from '../costs.js';
import { titleOf, type PlanCollector } from './collector.js';
import type { CostLine, GlobalStackPlan, RegionStackPlan } from './types.js';

export const NO_PRICE = 'price not in docs/facts.md';

export function planCosts(
    c: PlanCollector,
    stacks: readonly RegionStackPlan[],
    global: GlobalStackPlan | undefined,
): CostLine[] {
    const lines: CostLine[] = [];
    const items = stacks.flatMap((s) => s.items);
    const globalItems = global?.items ?? [];
    if (global?.arcClusterName !== undefined) {
        lines.push({
            item: `ARC cluster \`${global.arcClusterName}\``,
            usdPerMonth: ARC_CLUSTER_PRICE.usdPerMonth.value,
            basis: `a typical price, not a bound: ${ARC_CLUSTER_PRICE.usdPerMonth.source}, ${PRICE_DATES['arc-cluster-price']}`,
        });
    }
    const accelerators = globalItems.filter((i) => i.kind === 'accelerator').length;
    if (accelerators > 0) lines.push({ item: plural(accelerators, 'Global Accelerator'), basis: NO_PRICE });
    const writers = items.filter((i) => i.kind === 'aurora-primary').length;
    const readers = items.filter((i) => i.kind === 'aurora-secondary' && !i.headless).length;
    if (writers + readers > 0) {
        lines.push({
            item: `${plural(writers + readers, 'Aurora PostgreSQL instance')} (${writers} writer${writers === 1 ? '' : 's'}, ${readers} secondary reader${readers === 1 ? '' : 's'}; the class is INSTANCE_TYPE in lib/constructs/aurora-global-database.ts)`,
            basis: NO_PRICE,
        });
    }
    const checks = globalItems.flatMap((i) =>
        i.kind === 'dns' && i.healthCheck ? i.regions.map(() => i.healthCheck!.intervalSeconds) : [],
    );
    const fast = checks.filter((s) => s === 10).length;
    if (fast > 0)
        lines.push({ item: `${plural(fast, 'Route 53 health check')} at the fast 10 s interval`, basis: NO_PRICE });
    if (checks.length - fast > 0)
        lines.push({
            item: `${plural(checks.length - fast, 'Route 53 health check')} at the 30 s interval`,
            basis: NO_PRICE,
        });
    for (const item of items) {
        if (item.kind === 'dynamodb-table' && item.replicaRegions.length > 0) {
            lines.push({
                item: `replicated writes of ${item.title} into ${plural(item.replicaRegions.length, 'other region')} (DynamoDB replicated write units)`,
                basis: NO_PRICE,
            });
        }
    }
    // Every replicated store's inter-region transfer, from the same estimate the hover and the egress-cost rule show.
    for (const item of items) {
        const replicated =
            (item.kind === 'dynamodb-table' && item.replicaRegions.length > 0) ||
            (item.kind === 'aurora-primary' && item.secondaryRegions.length > 0) ||
            (item.kind === 'bucket-source' && item.replicaRegions.length > 0);
        if (!replicated) continue;
        const store = [...c.model.stores.values()].find((s) => titleOf('store', s.name, s.cell) === item.title);
        if (!store) continue;
        const egress = estimateMonthlyEgress(c.model, store);
        lines.push({
            item: `inter-region transfer of ${item.title}'s replicated writes`,
            usdPerMonth: egress.missing === undefined ? egress.usdPerMonth : undefined,
            basis:
                egress.missing === undefined
                    ? `an estimate: ${describeEgress(egress)}; prices of docs/facts.md#aws-inter-region-transfer-price (${PRICE_DATES['aws-inter-region-transfer-price']})`
                    : `no estimate: ${egress.missing}`,
        });
    }
    return lines;
}

function plural(n: number, what: string): string {
    return `${n} ${what}${n === 1 ? '' : 's'}`;
}
