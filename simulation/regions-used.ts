// The regions a run can touch: those of the stores (replicas, primaries, voters), of the services (regions,
// primaries, capacities), the origins of the scenario's workloads, the regions its faults name and those of
// the failovers (from, to, where their actions act and whose control plane they need). Only these get an index
// in the plan, so the RTT matrix and every per-region array grow with what the design uses, not with what it
// declares: a design declaring 6,000 regions and using 3 builds a 3 × 3 matrix.
import type { Model, ScenarioM, WorkloadM } from '../language/semantics/model.js';
import { votersOf } from '../language/semantics/estimators/voters.js';

/** The declared regions the scenario can touch, in declaration order (which breaks ties, so it must not change). */
export function regionsUsed(model: Model, scenario: ScenarioM, workloads: readonly WorkloadM[]): string[] {
    const used = new Set<string | undefined>();
    for (const s of model.stores.values()) {
        for (const r of s.regions) used.add(r);
        used.add(s.writes.primary);
        for (const v of votersOf(s)) used.add(v.region);
    }
    for (const s of model.services.values()) {
        for (const r of s.regions) used.add(r);
        used.add(s.primary);
        for (const r of Object.keys(s.capacity ?? {})) used.add(r);
    }
    for (const w of workloads) for (const o of [...w.writeOrigins, ...w.readOrigins]) used.add(o.region);
    for (const f of model.failovers) {
        used.add(f.from);
        used.add(f.to);
        for (const a of f.actions) {
            used.add(a.region);
            used.add(a.controlPlaneRegion);
        }
    }
    for (const f of scenario.faults) {
        if (f.kind === 'partition') for (const r of f.regions) used.add(r);
        else if (f.kind !== 'lag-spike' && f.kind !== 'corrupt') used.add(f.region);
    }
    return [...model.regions.keys()].filter((r) => used.has(r));
}
