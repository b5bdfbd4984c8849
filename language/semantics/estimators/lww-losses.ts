// Expected writes silently discarded by last-write-wins: concurrent writes to one key from two regions
// within the replication window. It counts overwritten writes, not lost counter increments: for a counter each
// overwritten write loses its own increment and can take with it earlier increments of its region that only it
// carried, so the increments lost are at least this many (a lower bound; the simulation reports both, and
// test/simulation/counter-increments.test.ts checks the bound against a Monte Carlo). The simulation counts the same thing event by event; this is its
// closed-form expectation (the simulation spec's oracle for LWW).
import type { Model, StoreM, WorkloadM } from '../model.js';
import { formatCount, formatDuration, formatPercent } from '../../../format/quantities.js';
import { replicationWindowMs, workloadsWriting, writeFlows, writesByWriter } from './write-flows.js';

const SECONDS_PER_DAY = 86_400;

export interface LwwLossEstimate {
    readonly store: string;
    readonly workload: string;
    /** Expected silently discarded writes per day; undefined when the workload lacks what the estimate needs. */
    readonly perDay?: number;
    /** Keys written from several regions (keys × shared share). */
    readonly sharedKeys?: number;
    /** Writes/s accepted per region. */
    readonly writesByRegion: ReadonlyMap<string, number>;
    /** The largest replication window between two writer regions, in ms (max(lag, RTT/2)). */
    readonly windowMs?: number;
    readonly missing?: string;
    /** What perDay counts: overwritten writes (for a counter, a lower bound on the increments lost). */
    readonly counts: 'overwritten writes';
    /** For a counter-shaped store: perDay again, as the lower bound on increments lost a day. */
    readonly incrementsLostAtLeastPerDay?: number;
    /** e.g. "500 writes/s over 2 regions, 20% of 10,000 keys shared, window ≈ 1 s". */
    readonly formula: string;
}

/**
 * Expected writes per day that last-write-wins discards, for one workload on one store.
 *
 * Model (the same rule the simulation applies, so hover, the rule and the report agree): writes are spread
 * evenly over `keys`; a share `s` of the keys is written from several regions. A shared key receives writes from
 * region i as a Poisson process of rate μᵢ = λᵢ / keys (λᵢ = writes/s accepted in region i). A write x from i is
 * silently lost when region j's next write to the key lands within the replication window w = wᵢⱼ =
 * max(lag, RTT(i, j)/2) after it (j has not seen x, and its later timestamp wins) and i does not write the key
 * again before j's write reaches i (i's next write has seen x and would win instead):
 *
 *   P(x lost to j) = ∫₀ʷ μⱼ e^{−μⱼu} · e^{−μᵢ(u+w)} du = μⱼ e^{−μᵢw} (1 − e^{−(μᵢ+μⱼ)w}) / (μᵢ+μⱼ)
 *
 * so per shared key lost/s = Σᵢ μᵢ Σ_{j≠i} P(x lost to j), and the total is that × s × keys × 86,400 s/day. It
 * is exact for two writing regions (the simulation's oracle) and sums pairs for more. For rare writes it is
 * ≈ Σ_{i≠j} μᵢ μⱼ wᵢⱼ per key, the Poisson overlap count. Units: rates per s, windows in s.
 */
export function estimateLwwLosses(model: Model, store: StoreM, workload: WorkloadM): LwwLossEstimate {
    const byRegion = writesByWriter(writeFlows(model, store, workload));
    const base = {
        store: store.id,
        workload: workload.name,
        writesByRegion: byRegion,
        counts: 'overwritten writes' as const,
    };
    if (workload.keys === undefined)
        return {
            ...base,
            missing: `workload ${workload.name} declares no key count ('keys N shared S%')`,
            formula: '',
        };
    const sharedKeys = workload.keys * workload.sharedKeyShare;
    const regions = [...byRegion.keys()];
    const total = [...byRegion.values()].reduce((a, b) => a + b, 0);
    let lostPerS = 0;
    let windowMs = 0;
    for (const i of regions) {
        const mi = byRegion.get(i)! / workload.keys;
        for (const j of regions) {
            if (j === i) continue;
            const windowOrUnknown = replicationWindowMs(model, store, i, j);
            if (windowOrUnknown === undefined)
                return { ...base, sharedKeys, missing: `the RTT between ${i} and ${j} is unknown`, formula: '' };
            windowMs = Math.max(windowMs, windowOrUnknown);
            const w = windowOrUnknown / 1_000;
            const mj = byRegion.get(j)! / workload.keys;
            if (mi + mj > 0) lostPerS += (mi * mj * Math.exp(-mi * w) * (1 - Math.exp(-(mi + mj) * w))) / (mi + mj);
        }
    }
    const perDay = lostPerS * sharedKeys * SECONDS_PER_DAY;
    return {
        ...base,
        perDay,
        ...(store.shape === 'counter' ? { incrementsLostAtLeastPerDay: perDay } : {}),
        sharedKeys,
        windowMs: regions.length > 1 ? windowMs : undefined,
        formula:
            `${formatCount(total)} writes/s from ${regions.length} region${regions.length === 1 ? '' : 's'}, ` +
            `${formatPercent(workload.sharedKeyShare)} of ${formatCount(workload.keys)} keys shared` +
            (regions.length > 1 ? `, replication window ≈ ${formatDuration(windowMs)}` : ''),
    };
}

/** The estimate for every workload that writes the store. */
export function lwwLossesForStore(model: Model, store: StoreM): LwwLossEstimate[] {
    return workloadsWriting(model, store).map((w) => estimateLwwLosses(model, store, w));
}
