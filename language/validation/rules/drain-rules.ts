// A store whose scenarios heal a partition or an outage but that declares no catch-up rate: the simulation can
// only deliver its backlog at once, so the drain time it shows is a lower bound (docs/facts.md#catch-up-rate).
import { workloadsWriting } from '../../semantics/estimators/write-flows.js';
import { factRef } from '../../semantics/facts/citation.js';
import type { FaultM, Model, ScenarioM, StoreM } from '../../semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';

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

/** The first scenario that writes the store and heals a cut between its replicas. */
function firstHeal(model: Model, store: StoreM): { scenario: ScenarioM; fault: FaultM; what: string } | undefined {
    const writers = new Set(workloadsWriting(model, store).map((w) => w.name));
    if (writers.size === 0) return undefined;
    for (const scenario of model.scenarios.values()) {
        if (!scenario.workloads.some((w) => writers.has(w))) continue;
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
