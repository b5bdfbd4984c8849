// A store whose scenarios heal a partition or an outage but that declares no catch-up rate: the simulation can
// only deliver its backlog at once, so the drain time it shows is a lower bound (docs/facts.md#catch-up-rate).
import { workloadsWriting } from '../../semantics/estimators/write-flows.js';
import { factRef } from '../../semantics/facts/citation.js';
import type { FaultM, Model, ScenarioM, StoreM } from '../../semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';
import { perModel } from '../../semantics/per-model.js';

/** The first fault of a scenario that cuts replicas of `store` apart and ends: an outage of one of its regions or a partition between two. */
function healingFault(store: StoreM, scenario: ScenarioM): { fault: FaultM; what: string } | undefined {
    const regions = new Set(store.regions);
    for (const fault of scenario.faults) {
        if (!(fault.durationMs > 0)) continue;
        if (fault.kind === 'outage' && regions.has(fault.region))
            return { fault, what: `the outage of ${fault.region}` };
        if (fault.kind === 'partition' && regions.has(fault.regions[0]) && regions.has(fault.regions[1])) {
            return { fault, what: `the partition ${fault.regions[0]} ↔ ${fault.regions[1]}` };
        }
    }
    return undefined;
}

interface ScenarioIndex {
    /** The scenarios that run each workload, in the model's order. */
    readonly byWorkload: ReadonlyMap<string, readonly ScenarioM[]>;
    readonly order: ReadonlyMap<ScenarioM, number>;
}

/** Per model, built once: looking up a store's scenarios through its writers keeps the rule linear in the design
 *  (a design with a scenario per store would otherwise cost stores × scenarios). */
const scenarioIndex = perModel((model): ScenarioIndex => {
    const byWorkload = new Map<string, ScenarioM[]>();
    const order = new Map<ScenarioM, number>();
    for (const scenario of model.scenarios.values()) {
        order.set(scenario, order.size);
        for (const workload of new Set(scenario.workloads)) {
            const list = byWorkload.get(workload);
            if (list === undefined) byWorkload.set(workload, [scenario]);
            else list.push(scenario);
        }
    }
    return { byWorkload, order };
});

/** The first scenario (in the design's order) that writes the store and heals a cut between its replicas. */
function firstHeal(model: Model, store: StoreM): { scenario: ScenarioM; fault: FaultM; what: string } | undefined {
    const { byWorkload, order } = scenarioIndex(model);
    const candidates = new Set<ScenarioM>();
    for (const writer of workloadsWriting(model, store)) {
        for (const scenario of byWorkload.get(writer.name) ?? []) candidates.add(scenario);
    }
    const inOrder = [...candidates].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const scenario of inOrder) {
        const found = healingFault(store, scenario);
        if (found) return { scenario, ...found };
    }
    return undefined;
}

const catchUpUndeclared: Rule = {
    code: 'catch-up-undeclared',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.catchUp !== undefined || store.replication.mode !== 'async' || new Set(store.regions).size < 2)
                continue;
            const heal = firstHeal(model, store);
            if (heal === undefined) continue;
            const lag = store.replication.lagMs !== undefined ? formatDuration(store.replication.lagMs) : 'its lag';
            report({
                ...at(store.source, 'replication', 'engine'),
                cell: store.cell,
                key: store.name,
                message:
                    `scenario ${heal.scenario.name} heals ${heal.what} after ${formatDuration(heal.fault.durationMs)}, but store ${store.name} declares no 'catch-up': ` +
                    `the simulation delivers its backlog at once, so the drain time it reports (one lag, ${lag}) is a lower bound. ` +
                    `Declare how fast its replication applies a backlog, in writes per second or as a throughput (${factRef('catch-up-rate')})`,
            });
        }
    },
};

export const drainRules = { catchUpUndeclared };
