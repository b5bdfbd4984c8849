// Monthly cost of the design as the report states it: the cross-region replication egress at the workloads'
// declared rates (the same estimator the editor's hover and the egress-cost rule use, so the numbers agree)
// and each service's DR-tier multiplier (docs/facts.md#dr-strategy-cost-multiplier). The design declares no single-region baseline cost, so
// the multiplier is reported as a factor, never turned into dollars with an invented baseline.
import { estimateMonthlyEgress } from '../language/semantics/estimators/egress.js';
import { POSTURE } from '../language/semantics/facts/defaults.js';
import type { Model } from '../language/semantics/model.js';
import type { CostReport } from './report.js';
import { factRef } from '../language/semantics/facts/citation.js';

export function costOf(model: Model): CostReport {
    const egress = [...model.stores.values()]
        .filter(
            (s) =>
                s.regions.length > 1 &&
                (s.replication.mode === 'async' || s.replication.mode === 'sync' || s.replication.mode === 'consensus'),
        )
        .map((s) => {
            const e = estimateMonthlyEgress(model, s);
            return { store: s.id, usdPerMonth: e.usdPerMonth ?? null, formula: e.formula, missing: e.missing ?? null };
        });
    const priced = egress.filter((e) => e.usdPerMonth !== null);
    const egressUsdPerMonth = priced.length > 0 ? priced.reduce((sum, e) => sum + e.usdPerMonth!, 0) : null;
    const postures = [...model.services.values()]
        .filter((s) => s.posture !== undefined)
        .map((s) => ({
            service: s.id,
            posture: s.posture!,
            multiplier: POSTURE[s.posture!].costMultiplier.value,
            source: POSTURE[s.posture!].costMultiplier.source,
        }));
    return {
        egressUsdPerMonth,
        egress,
        postures,
        totalUsdPerMonth: egressUsdPerMonth,
        note:
            `Egress of replication at the declared write rates, per 30-day month (${factRef('aws-inter-region-transfer-price')} prices or declared links). ` +
            `Compute and storage are not included: the design declares no single-region baseline, so each service's DR posture is shown as its cost multiplier (${factRef('dr-strategy-cost-multiplier')}).`,
    };
}
