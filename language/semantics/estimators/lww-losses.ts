// Expected writes silently discarded by last-write-wins: concurrent writes to one key from two regions
// within the replication window. perDay counts overwritten writes; for a counter, the increments lost are a
// different and larger number (an overwritten write can take with it earlier increments of its region that only
// it carried), estimated apart in counter-increments.ts. The simulation counts both event by event; these are
// their closed-form expectations (the simulation spec's oracle for LWW).
import type { Model, StoreM, WorkloadM } from '../model.js';
import { formatCount, formatDuration, formatPercent } from '../../../format/quantities.js';
import { replicationWindowMs, workloadsWriting, writeFlows, writesByWriter } from './write-flows.js';
import { incrementsLostPerSecond, MAX_COUNTER_WRITERS } from './counter-increments.js';

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
    /** What perDay counts: overwritten writes, not counter increments. */
    readonly counts: 'overwritten writes';
    /** For a counter-shaped store: expected increments lost a day (counter-increments.ts). */
    readonly incrementsLostPerDay?: number;
    /** How incrementsLostPerDay is obtained: exact for two writing regions, a Markov approximation beyond. */
    readonly incrementsModel?: 'exact' | 'approximation';
    /** Why a counter-shaped store has no incrementsLostPerDay although perDay is known. */
    readonly incrementsMissing?: string;
    /** e.g. "500 writes/s over 2 regions, 20% of 10,000 keys shared, window ≈ 1 s". */
    readonly formula: string;
}

/**
 * Expected writes per day that last-write-wins discards, for one workload on one store.
 *
 * Model (the same rule the simulation applies, so hover, the rule and the report agree): writes are spread
 * evenly over `keys`; a share `s` of the keys is written from several regions. A shared key receives writes from
 * region i as a Poisson process of rate μᵢ = λᵢ / keys (λᵢ = writes/s accepted in region i). A write x from i
 * stays i's value until i writes the key again (after X ~ Exp(μᵢ)) or a newer write from elsewhere arrives. The
 * first newer write from j is at uⱼ ~ Exp(μⱼ) and arrives at aⱼ = uⱼ + wⱼ (w = max(lag, RTT(i, j)/2), the
 * replication window); it has not seen x when uⱼ < wⱼ, i.e. aⱼ < 2wⱼ. x is silently lost when the first of
 * those arrivals comes before X and has not seen x:
 *
 *   P(x lost) = Σⱼ μⱼ ∫_{wⱼ}^{2wⱼ} S(a) da,   S(a) = exp(−μᵢa − Σₖ μₖ (a − wₖ)⁺)
 *
 * (S: i has not written again and no other region's first write has arrived by a). For two regions that is
 * μⱼ e^{−μᵢw} (1 − e^{−(μᵢ+μⱼ)w}) / (μᵢ+μⱼ); for n regions of rate μ and one window, (n−1)/n · e^{−μw}(1 − e^{−nμw}).
 * Per shared key lost/s = Σᵢ μᵢ P(x from i lost); the total is that × s × keys × 86,400 s/day. For rare writes
 * it is ≈ Σ_{i≠j} μᵢ μⱼ wᵢⱼ per key, the Poisson overlap count. Units: rates per s, windows in s.
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
    const keys = workload.keys;
    const rates = regions.map((r) => (byRegion.get(r) ?? 0) / keys);
    // The window of every ordered pair, s, looked up once for both estimates (an RTT may be a distance estimate).
    const windowsS: number[][] = [];
    let windowMs = 0;
    for (const i of regions) {
        const row: number[] = [];
        for (const j of regions) {
            const windowOrUnknown = j === i ? 0 : replicationWindowMs(model, store, i, j);
            if (windowOrUnknown === undefined)
                return { ...base, sharedKeys, missing: `the RTT between ${i} and ${j} is unknown`, formula: '' };
            windowMs = Math.max(windowMs, windowOrUnknown);
            row.push(windowOrUnknown / 1_000);
        }
        windowsS.push(row);
    }
    let lostPerS = 0;
    rates.forEach((mi, i) => {
        const others = rates.flatMap((rate, j) => (j === i ? [] : [{ rate, windowS: windowsS[i]?.[j] ?? 0 }]));
        if (mi > 0) lostPerS += mi * probabilityOverwritten(mi, others);
    });
    const perDay = lostPerS * sharedKeys * SECONDS_PER_DAY;
    return {
        ...base,
        perDay,
        ...(store.shape === 'counter' ? counterIncrements(rates, windowsS, sharedKeys) : {}),
        sharedKeys,
        windowMs: regions.length > 1 ? windowMs : undefined,
        formula:
            `${formatCount(total)} writes/s from ${regions.length} region${regions.length === 1 ? '' : 's'}, ` +
            `${formatPercent(workload.sharedKeyShare)} of ${formatCount(workload.keys)} keys shared` +
            (regions.length > 1 ? `, replication window ≈ ${formatDuration(windowMs)}` : ''),
    };
}

/**
 * P(x lost) of the model above for a write from a region writing at `own` per s: Σⱼ μⱼ ∫_{wⱼ}^{2wⱼ} S(a) da, with
 * S piecewise exponential between the windows (its rate grows by μₖ at each wₖ). O(n log n).
 */
function probabilityOverwritten(own: number, others: readonly { rate: number; windowS: number }[]): number {
    const changes = [...others].sort((a, b) => a.windowS - b.windowS);
    const points = others
        .flatMap((o, index) => [
            { at: o.windowS, index, sign: -1 },
            { at: 2 * o.windowS, index, sign: 1 },
        ])
        .sort((a, b) => a.at - b.at);
    const integral = new Array<number>(others.length).fill(0);
    let position = 0;
    let logSurvival = 0;
    let rate = own;
    let next = 0;
    let accumulated = 0; // ∫₀^position S
    const applyChangesAtPosition = () => {
        for (let c = changes[next]; c !== undefined && c.windowS <= position; c = changes[++next]) rate += c.rate;
    };
    applyChangesAtPosition();
    for (const p of points) {
        while (position < p.at) {
            const end = Math.min(p.at, changes[next]?.windowS ?? Infinity);
            const length = end - position;
            accumulated += (Math.exp(logSurvival) * -Math.expm1(-rate * length)) / rate;
            logSurvival -= rate * length;
            position = end;
            applyChangesAtPosition();
        }
        integral[p.index] = (integral[p.index] ?? 0) + p.sign * accumulated;
    }
    return others.reduce((sum, o, k) => sum + o.rate * (integral[k] ?? 0), 0);
}

/** Increments lost a day on the shared keys of a counter, from each region's write rate per key and the windows. */
function counterIncrements(
    rates: readonly number[],
    windowsS: readonly (readonly number[])[],
    sharedKeys: number,
): Pick<LwwLossEstimate, 'incrementsLostPerDay' | 'incrementsModel' | 'incrementsMissing'> {
    const perKey = incrementsLostPerSecond(rates, (from, to) => windowsS[from]?.[to] ?? 0);
    if (perKey === undefined)
        return { incrementsMissing: `more than ${MAX_COUNTER_WRITERS} regions write the counter` };
    const writers = rates.filter((r) => r > 0).length;
    return {
        incrementsLostPerDay: perKey * sharedKeys * SECONDS_PER_DAY,
        incrementsModel: writers <= 2 ? 'exact' : 'approximation',
    };
}

/** How the increments figure was obtained, in the words the rule and the hover both use. */
export function incrementsModelPhrase(model: LwwLossEstimate['incrementsModel']): string {
    return model === 'exact' ? 'exact for two writing regions' : 'an approximation for three or more writing regions';
}

/** The estimate for every workload that writes the store. */
export function lwwLossesForStore(model: Model, store: StoreM): LwwLossEstimate[] {
    return workloadsWriting(model, store).map((w) => estimateLwwLosses(model, store, w));
}
