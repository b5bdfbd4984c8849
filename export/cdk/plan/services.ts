// Services and objectives: where each service runs (a note in each region stack, since the design does not
// say what it runs), a Resilience Hub policy per RTO/RPO objective, and the failover steps for the README.
import type { ObjectiveM, ServiceM, StoreM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { resourceName } from '../names.js';
import { sourceRef, titleOf, type PlanCollector } from './collector.js';

export const RESILIENCE_TIER_KEY = 'mregion:resilience-tier';

export function planServices(c: PlanCollector): void {
    const skipped = new Set<string>();
    for (const service of c.model.services.values()) {
        const regions = service.regions.filter((r) => c.awsRegion(r));
        for (const region of regions) {
            const role =
                service.posture === 'active-active' || service.primary === undefined
                    ? 'serves traffic'
                    : region === service.primary
                      ? 'is the primary'
                      : `stands by (${service.posture ?? 'posture not declared'})`;
            c.addRegionItem(region, {
                kind: 'note',
                title: titleOf('service', service.name, service.cell),
                source: sourceRef(service.source),
                cell: c.cellRef(service.cell),
                name: service.name,
                text: `runs here and ${role}; its compute (containers, functions, instances) is not generated`,
            });
        }
        if (!skipped.has(service.name)) {
            skipped.add(service.name);
            c.skip(
                `service ${service.name}`,
                'compute is not generated: the design says where the service runs and how it fails over, not what it runs',
            );
        }
    }
}

export function planObjectives(c: PlanCollector): void {
    const owners = [...c.model.services.values(), ...c.model.stores.values()].filter((o) => o.objective);
    // A service and a store may share a name: the owner's kind keeps their keys apart.
    const keyOf = (owner: ServiceM | StoreM) => `${owner.kind} ${owner.id}`;
    const byKey = new Map(owners.map((o) => [keyOf(o), o]));
    const names = c.uniqueNames(
        [...byKey.keys()],
        (key, hashed) => resourceName([c.topologyName, byKey.get(key)!.id], 60, hashed),
        'Resilience Hub policy name',
    );
    for (const service of c.model.services.values()) {
        if (service.objective)
            planPolicy(
                c,
                service,
                service.objective,
                service.primary ?? service.regions.find((r) => c.awsRegion(r)),
                names.get(keyOf(service))!,
            );
    }
    for (const store of c.model.stores.values()) {
        if (store.objective) planPolicy(c, store, store.objective, storePrimary(store), names.get(keyOf(store))!);
    }
}

function storePrimary(store: StoreM): string | undefined {
    return store.writes.primary ?? store.regions[0];
}

function planPolicy(
    c: PlanCollector,
    owner: ServiceM | StoreM,
    objective: ObjectiveM,
    region: string | undefined,
    policyName: string,
): void {
    const title = titleOf(owner.kind, owner.name, owner.cell);
    if (objective.rtoMs === undefined && objective.rpoMs === undefined) return;
    if (objective.rtoMs === undefined || objective.rpoMs === undefined) {
        c.skip(
            `${title}: objective`,
            `a Resilience Hub policy needs both RTO and RPO; the design declares only ${objective.rtoMs === undefined ? 'rpo' : 'rto'}`,
        );
        return;
    }
    if (region === undefined || !c.awsRegion(region)) {
        c.skip(`${title}: objective`, 'a Resilience Hub policy lives in an AWS region; the owner has none');
        return;
    }
    c.context({
        key: RESILIENCE_TIER_KEY,
        value: 'NonCritical',
        kind: 'choice',
        description:
            'Resilience Hub tier of every generated policy (MissionCritical, Critical, Important, CoreServices or NonCritical); the design does not say how critical the system is',
    });
    c.addRegionItem(region, {
        kind: 'resiliency-policy',
        title,
        source: sourceRef(objective.source),
        cell: c.cellRef(owner.cell),
        name: owner.name,
        policyName,
        // Resilience Hub counts whole seconds; a fraction rounds up so the policy never promises more than the design.
        rtoSeconds: Math.ceil(objective.rtoMs / 1000),
        rpoSeconds: Math.ceil(objective.rpoMs / 1000),
        objectiveText: `objective rto ${formatDuration(objective.rtoMs)}, rpo ${formatDuration(objective.rpoMs)}`,
    });
}
