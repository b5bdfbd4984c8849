// Cost: the estimated replication egress against a monthly cost objective (docs/facts.md#aws-inter-region-transfer-price).
import { estimateMonthlyEgress } from '../../semantics/estimators/index.js';
import type { Deployable, StoreM } from '../../semantics/model.js';
import { formatUsd } from '../../../format/quantities.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';

const egressCost: Rule = {
    code: 'egress-cost',
    check({ model, report }) {
        const check = (owner: Deployable, stores: readonly StoreM[]) => {
            const objective = owner.objective;
            if (objective?.costUsdPerMonth === undefined) return;
            const estimates = stores
                .map((s) => estimateMonthlyEgress(model, s))
                .filter((e) => e.usdPerMonth !== undefined && e.usdPerMonth > 0);
            const total = estimates.reduce((sum, e) => sum + e.usdPerMonth!, 0);
            if (total <= objective.costUsdPerMonth) return;
            const parts = estimates.map(
                (e) => `${e.store.replace(/@.*$/, '')} ≈ ${formatUsd(e.usdPerMonth!)} (${e.formula})`,
            );
            report({
                ...at(objective.source, 'cost'),
                cell: owner.cell,
                key: owner.name,
                message:
                    `cross-region replication alone costs ≈ ${formatUsd(total)}/month, above the cost objective of ${formatUsd(objective.costUsdPerMonth)}/month: ` +
                    `${parts.join('; ')} — at the source region's transfer price (${factRef('aws-inter-region-transfer-price')})`,
            });
        };
        for (const service of model.services.values()) {
            check(
                service,
                service.uses.map((id) => model.stores.get(id)).filter((s): s is StoreM => s !== undefined),
            );
        }
        for (const store of model.stores.values()) check(store, [store]);
    },
};

export const costRules = { egressCost };
