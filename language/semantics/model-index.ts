// Lookups over a model, each built once per model on first use. A rule or estimator that asks them for every
// service or store then costs one pass over the design, not one pass per declaration (issue 15: cost stays
// linear in every dimension). The model is immutable once built, so an index never goes stale.
import type { FailoverM, Model, ScenarioM, ServiceM, WorkloadM } from './model.js';
import { perModel } from './per-model.js';

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
}

// Each lookup reads one part of the model (failovers, workloads, services or scenarios), so a rule that asks one
// reads only that part: the editor reruns a rule after an edit only when a part it read has changed
// (validation/rules/findings-memo.ts).

/** Failovers by `kind:id` of their target. */
const failoversByTarget = perModel((model) => {
    const byTarget = new Map<string, FailoverM[]>();
    for (const f of model.failovers) push(byTarget, `${f.target.kind}:${f.target.id}`, f);
    return byTarget;
});

const workloadsByTarget = perModel((model) => {
    const byService = new Map<string, WorkloadM[]>();
    const byStore = new Map<string, WorkloadM[]>();
    for (const w of model.workloads.values()) {
        if (w.target?.kind === 'service') push(byService, w.target.name, w);
        else if (w.target?.kind === 'store') push(byStore, w.target.name, w);
    }
    return { byService, byStore };
});

/** By service id: the services whose `depends-on` names it; by store id: those whose `uses` does, and `reads`. */
const servicesByTarget = perModel((model) => {
    const dependents = new Map<string, ServiceM[]>();
    const writers = new Map<string, ServiceM[]>();
    const readers = new Map<string, ServiceM[]>();
    const order = new Map<ServiceM, number>();
    for (const s of model.services.values()) {
        order.set(s, order.size);
        for (const id of new Set(s.dependsOn)) push(dependents, id, s);
        for (const id of new Set(s.uses)) push(writers, id, s);
        for (const id of new Set(s.reads)) push(readers, id, s);
    }
    return { dependents, writers, readers, order };
});

/** By store name: the scenarios with an `at T corrupt <store>`. */
const corruptingByStore = perModel((model) => {
    const byStore = new Map<string, ScenarioM[]>();
    for (const scenario of model.scenarios.values()) {
        const stores = new Set(scenario.faults.flatMap((f) => (f.kind === 'corrupt' ? [f.store] : [])));
        for (const store of stores) push(byStore, store, scenario);
    }
    return byStore;
});

/** The failovers of one service or store instance (by its id), in the design's order. */
export function failoversOf(model: Model, kind: 'service' | 'store', id: string): readonly FailoverM[] {
    return failoversByTarget(model).get(`${kind}:${id}`) ?? [];
}

/** The workloads aimed at a service declaration (by name: every instance of a `per cell` service), in the design's order. */
export function workloadsAimedAt(model: Model, service: string): readonly WorkloadM[] {
    return workloadsByTarget(model).byService.get(service) ?? [];
}

/** The workloads written straight at a store (`workload w for <store>`), by the store's declared name. */
export function workloadsAimedAtStore(model: Model, store: string): readonly WorkloadM[] {
    return workloadsByTarget(model).byStore.get(store) ?? [];
}

/** The services `service` depends on (`depends-on`), directly or through others, each once, nearest first. */
export function dependenciesOf(model: Model, service: ServiceM): ServiceM[] {
    const found = new Map<string, ServiceM>();
    const queue = [...service.dependsOn];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const d = model.services.get(id);
        if (d === undefined || found.has(id) || id === service.id) continue;
        found.set(id, d);
        queue.push(...d.dependsOn);
    }
    return [...found.values()];
}

/** The service instances whose `depends-on` names this one (by its id), in the design's order. */
export function dependentsOf(model: Model, service: string): readonly ServiceM[] {
    return servicesByTarget(model).dependents.get(service) ?? [];
}

/** The service instances whose `uses` names this store (by its id), in the design's order. */
export function writersOf(model: Model, store: string): readonly ServiceM[] {
    return servicesByTarget(model).writers.get(store) ?? [];
}

/** The service instances that name a store or service (by its id) in `uses`, `reads` or (unless `dependsOn` is
 *  false) `depends-on`, each once, in the design's order. */
export function servicesOn(model: Model, id: string, { dependsOn = true } = {}): ServiceM[] {
    const { writers, readers, dependents, order } = servicesByTarget(model);
    const on = new Set([
        ...(writers.get(id) ?? []),
        ...(readers.get(id) ?? []),
        ...(dependsOn ? (dependents.get(id) ?? []) : []),
    ]);
    return [...on].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The scenarios that corrupt a store (by its declared name), in the design's order. */
export function scenariosCorrupting(model: Model, store: string): readonly ScenarioM[] {
    return corruptingByStore(model).get(store) ?? [];
}
