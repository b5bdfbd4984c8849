// What the checker predicts for the outage of one region, per objective, read from the rules themselves (run on
// the model with a collecting report, so a finding's key tells which target it is about), and the scenario that
// simulates that outage: the design's own when it is exactly that outage, else a short one on its workloads.
import { RULE_REGISTRY } from '../../language/validation/rules/registry.js';
import type { Finding } from '../../language/validation/rules/rule.js';
import { placeLoad, regionLoss, serviceLoad } from '../../language/semantics/estimators/region-loss.js';
import { protectedRegions } from '../../language/semantics/estimators/failover-time.js';
import type { Model, ScenarioM, ServiceM, StoreM } from '../../language/semantics/model.js';
import { dependenciesOf } from '../../language/semantics/model-index.js';

export interface Row {
    readonly design: string;
    readonly rule: 'rto-unachievable' | 'rpo-unachievable' | 'standby-capacity';
    /** The service or store instance (id) the objective belongs to. */
    readonly target: string;
    /** For RPO: the store whose loss the rule judges. */
    readonly store?: string;
    readonly region: string;
    /** The objective judged; for standby-capacity none: what it predicts is "failing until the region returns". */
    readonly objectiveMs?: number;
    /** The rule reported this objective as missed (standby-capacity: the loss of this region overloads the rest). */
    readonly missed: boolean;
}

export function findings(model: Model, rule: Row['rule']): Finding[] {
    const found: Finding[] = [];
    // The worst end of each range, as the rules judge by default (and as the one figure they judged before ranges).
    RULE_REGISTRY[rule].check({ model, judge: 'worst', report: (f) => found.push(f) });
    return found;
}

const base = (id: string) => id.replace(/@.*$/, '');

function writerRegions(store: StoreM): readonly string[] {
    return store.writes.policy === 'primary' && store.writes.primary ? [store.writes.primary] : store.regions;
}

/** One row per objective and region whose outage the rule's verdict is about. */
export function rows(design: string, model: Model): Row[] {
    const out: Row[] = [];
    const rto = findings(model, 'rto-unachievable');
    for (const f of model.failovers) {
        const target: ServiceM | StoreM | undefined = model.services.get(f.target.id) ?? model.stores.get(f.target.id);
        const rtoMs = target?.objective?.rtoMs;
        if (!target || rtoMs === undefined) continue;
        const found = (key: string) =>
            rto.some((x) => x.key === key && (x.cell ?? undefined) === (f.cell ?? undefined));
        const slow = found(base(f.id));
        // The capacity finding is about the losses that leave the other regions short: read which from the
        // estimator the rule calls, as for standby-capacity below.
        const short = found(`${base(f.id)}:capacity`);
        const placement = target.kind === 'service' ? placeLoad(model, target, serviceLoad(model, target)) : undefined;
        // …or that leave a service it depends on short (its shortfall fails this service's requests too).
        const dependencies = target.kind === 'service' ? dependenciesOf(model, target) : [];
        for (const region of protectedRegions(model, f)) {
            const overloads =
                short &&
                placement !== undefined &&
                (regionLoss(model, target as ServiceM, placement, region).failingShare > 1e-9 ||
                    dependencies.some(
                        (d) =>
                            d.capacity !== undefined &&
                            d.regions.length >= 2 &&
                            regionLoss(model, d, placeLoad(model, d, serviceLoad(model, d)), region).failingShare >
                                1e-9,
                    ));
            out.push({
                design,
                rule: 'rto-unachievable',
                target: target.id,
                region,
                objectiveMs: rtoMs,
                missed: slow || overloads,
            });
        }
    }
    const rpo = findings(model, 'rpo-unachievable');
    const owners = [...model.services.values(), ...model.stores.values()];
    for (const owner of owners) {
        const rpoMs = owner.objective?.rpoMs;
        if (rpoMs === undefined) continue;
        const stores =
            owner.kind === 'service'
                ? owner.uses.map((id) => model.stores.get(id)).filter((s): s is StoreM => s !== undefined)
                : [owner as StoreM];
        for (const store of stores) {
            if (store.regions.length < 2) continue; // a single-region store loses its data: no failover to simulate
            const missed = rpo.some(
                (x) => x.key === `${owner.name}:${store.name}` && (x.cell ?? undefined) === (owner.cell ?? undefined),
            );
            for (const region of writerRegions(store))
                out.push({
                    design,
                    rule: 'rpo-unachievable',
                    target: owner.id,
                    store: store.id,
                    region,
                    objectiveMs: rpoMs,
                    missed,
                });
        }
    }
    out.push(...capacityRows(design, model));
    return out;
}

/**
 * standby-capacity reports a service once, naming its worst loss; which of its candidate regions overload is read
 * from the estimator the rule calls (regionLoss), and the rule's own finding must agree that one does.
 */
function capacityRows(design: string, model: Model): Row[] {
    const reported = new Set(findings(model, 'standby-capacity').map((f) => `${f.key}|${f.cell ?? ''}`));
    const out: Row[] = [];
    for (const service of model.services.values()) {
        if (!service.capacity || service.regions.length < 2) continue;
        // A failover that launches or scales out capacity is what the rule leaves alone: its time is the RTO's.
        if (
            model.failovers.some(
                (f) =>
                    f.target.id === service.id &&
                    f.actions.some((a) => a.kind === 'launch-capacity' || a.kind === 'scale-out'),
            )
        )
            continue;
        const placement = placeLoad(model, service, serviceLoad(model, service));
        const candidates =
            service.posture === 'active-active' ? service.regions : [service.primary ?? service.regions[0]!];
        const fired = reported.has(`${service.name}|${service.cell ?? ''}`);
        const overloads = candidates.filter((r) => regionLoss(model, service, placement, r).failingShare > 1e-9);
        if (fired !== overloads.length > 0)
            throw new Error(
                `${design}: standby-capacity ${fired ? 'reports' : 'is silent on'} ${service.id}, but regionLoss says ${overloads.length} regions overload`,
            );
        // Only the losses it reports: a silent rule says nothing about the RTO, which other causes (a strong store
        // that stops writing, a missing failover) can stretch to the whole outage, and the report has no
        // capacity-only measure to hold a silent verdict against.
        for (const region of overloads)
            out.push({ design, rule: 'standby-capacity', target: service.id, region, missed: true });
    }
    return out;
}

/** The design's own scenario when it is exactly the outage of `region`. */
export function ownOutage(model: Model, region: string): ScenarioM | undefined {
    return [...model.scenarios.values()].find(
        (s) =>
            s.faults.length === 1 &&
            s.faults[0]!.kind === 'outage' &&
            (s.faults[0] as { region?: string }).region === region,
    );
}
