// Lookups over a model, each built once per model on first use. A rule or estimator that asks them for every
// service or store then costs one pass over the design, not one pass per declaration (issue 15: cost stays
// linear in every dimension). The model is immutable once built, so an index never goes stale.
import type { FailoverM, Model, ScenarioM, ServiceM, WorkloadM } from './model.js';

interface ModelIndex {
    readonly failoversByTarget: ReadonlyMap<string, readonly FailoverM[]>;
    readonly workloadsByService: ReadonlyMap<string, readonly WorkloadM[]>;
    readonly workloadsByStore: ReadonlyMap<string, readonly WorkloadM[]>;
    readonly dependentsByService: ReadonlyMap<string, readonly ServiceM[]>;
    /** By store id: the service instances whose `uses` names it, and whose `reads` does. */
    readonly writersByStore: ReadonlyMap<string, readonly ServiceM[]>;
    readonly readersByStore: ReadonlyMap<string, readonly ServiceM[]>;
    /** By store name: the scenarios with an `at T corrupt <store>`. */
    readonly corruptingByStore: ReadonlyMap<string, readonly ScenarioM[]>;
    /** Each service instance's place in the design's order. */
    readonly serviceOrder: ReadonlyMap<ServiceM, number>;
}

const indexes = new WeakMap<Model, ModelIndex>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
}

function indexOf(model: Model): ModelIndex {
    let index = indexes.get(model);
    if (index === undefined) {
        const failoversByTarget = new Map<string, FailoverM[]>();
        for (const f of model.failovers) push(failoversByTarget, `${f.target.kind}:${f.target.id}`, f);
        const workloadsByService = new Map<string, WorkloadM[]>();
        const workloadsByStore = new Map<string, WorkloadM[]>();
        for (const w of model.workloads.values()) {
            if (w.target?.kind === 'service') push(workloadsByService, w.target.name, w);
            else if (w.target?.kind === 'store') push(workloadsByStore, w.target.name, w);
        }
        const dependentsByService = new Map<string, ServiceM[]>();
        const writersByStore = new Map<string, ServiceM[]>();
        const readersByStore = new Map<string, ServiceM[]>();
        for (const s of model.services.values()) {
            for (const id of new Set(s.dependsOn)) push(dependentsByService, id, s);
            for (const id of new Set(s.uses)) push(writersByStore, id, s);
            for (const id of new Set(s.reads)) push(readersByStore, id, s);
        }
        const corruptingByStore = new Map<string, ScenarioM[]>();
        for (const scenario of model.scenarios.values()) {
            const stores = new Set(scenario.faults.flatMap((f) => (f.kind === 'corrupt' ? [f.store] : [])));
            for (const store of stores) push(corruptingByStore, store, scenario);
        }
        index = {
            failoversByTarget,
            workloadsByService,
            workloadsByStore,
            dependentsByService,
            writersByStore,
            readersByStore,
            corruptingByStore,
            serviceOrder: new Map([...model.services.values()].map((s, i) => [s, i])),
        };
        indexes.set(model, index);
    }
    return index;
}

/** The failovers of one service or store instance (by its id), in the design's order. */
export function failoversOf(model: Model, kind: 'service' | 'store', id: string): readonly FailoverM[] {
    return indexOf(model).failoversByTarget.get(`${kind}:${id}`) ?? [];
}

/** The workloads aimed at a service declaration (by name: every instance of a `per cell` service), in the design's order. */
export function workloadsAimedAt(model: Model, service: string): readonly WorkloadM[] {
    return indexOf(model).workloadsByService.get(service) ?? [];
}

/** The workloads written straight at a store (`workload w for <store>`), by the store's declared name. */
export function workloadsAimedAtStore(model: Model, store: string): readonly WorkloadM[] {
    return indexOf(model).workloadsByStore.get(store) ?? [];
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
    return indexOf(model).dependentsByService.get(service) ?? [];
}

/** The service instances whose `uses` names this store (by its id), in the design's order. */
export function writersOf(model: Model, store: string): readonly ServiceM[] {
    return indexOf(model).writersByStore.get(store) ?? [];
}

/** The service instances that name a store or service (by its id) in `uses`, `reads` or (unless `dependsOn` is
 *  false) `depends-on`, each once, in the design's order. */
export function servicesOn(model: Model, id: string, { dependsOn = true } = {}): ServiceM[] {
    const index = indexOf(model);
    const on = new Set([
        ...(index.writersByStore.get(id) ?? []),
        ...(index.readersByStore.get(id) ?? []),
        ...(dependsOn ? (index.dependentsByService.get(id) ?? []) : []),
    ]);
    const order = index.serviceOrder;
    return [...on].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The scenarios that corrupt a store (by its declared name), in the design's order. */
export function scenariosCorrupting(model: Model, store: string): readonly ScenarioM[] {
    return indexOf(model).corruptingByStore.get(store) ?? [];
}
