// The faults in effect at the current simulated time. Fault start and end are events; between them this
// state answers the questions routing, replication and failover ask: is a region down, are two regions cut
// off from each other, can a control plane take requests, what lag does a store replicate with right now,
// and does a health check see its endpoint as failing.
import type { FaultPlan, Plan } from './plan.js';
import { itemAt } from '../language/util/item-at.js';
import { int32At } from './typed-at.js';

/** Counts of faults in effect per region or pair: an index outside the plan's regions is a broken plan. */
function add(counts: Int32Array, index: number, delta: number, what: string): void {
    counts[index] = int32At(counts, index, what) + delta;
}

export class FaultState {
    private readonly down: Int32Array;
    private readonly cut: Int32Array;
    private readonly impaired: Int32Array;
    private readonly active = new Set<number>();
    private readonly R: number;

    constructor(private readonly plan: Plan) {
        this.R = plan.regions.length;
        this.down = new Int32Array(this.R);
        this.cut = new Int32Array(this.R * this.R);
        this.impaired = new Int32Array(this.R);
    }

    start(f: FaultPlan): void {
        this.active.add(f.index);
        this.apply(f, 1);
    }

    end(f: FaultPlan): void {
        this.active.delete(f.index);
        this.apply(f, -1);
    }

    private apply(f: FaultPlan, delta: number): void {
        switch (f.kind) {
            case 'outage':
            case 'destroy':
                add(this.down, f.region, delta, 'down regions');
                break;
            case 'partition':
                add(this.cut, f.a * this.R + f.b, delta, 'cut pairs');
                add(this.cut, f.b * this.R + f.a, delta, 'cut pairs');
                break;
            case 'control-plane':
                add(this.impaired, f.region, delta, 'impaired control planes');
                break;
            default:
                break;
        }
    }

    /** Faults in effect now. */
    get activeCount(): number {
        return this.active.size;
    }

    isDown(region: number): boolean {
        return int32At(this.down, region, 'down regions') > 0;
    }

    /** True when a and b cannot exchange traffic: either is down, or a partition separates them. */
    unreachable(a: number, b: number): boolean {
        return this.isDown(a) || this.isDown(b) || this.partitioned(a, b);
    }

    partitioned(a: number, b: number): boolean {
        return a !== b && int32At(this.cut, a * this.R + b, 'cut pairs') > 0;
    }

    /** A region's control plane takes requests unless it is impaired or the whole region is down. */
    controlPlaneAvailable(region: number): boolean {
        return int32At(this.impaired, region, 'impaired control planes') === 0 && !this.isDown(region);
    }

    /** Indices of the faults in effect, oldest start first. */
    activeFaults(): number[] {
        const at = (index: number) => itemAt(this.plan.faults, index, 'fault').at;
        return [...this.active].sort((a, b) => at(a) - at(b) || a - b);
    }

    /**
     * Whether a health check of `targetName` in `region` sees a failure at `time` because of a declared flap.
     * With `every P` the check fails for P, passes for P, and so on from the flap's start; without a period
     * it fails on every other probe (`probeNumber` odd/even).
     */
    flapFails(targetName: string, region: number, time: number, probeNumber: number): boolean {
        for (const index of this.active) {
            const f = itemAt(this.plan.faults, index, 'fault');
            if (f.kind !== 'flap' || f.region !== region) continue;
            if (f.targetName !== undefined && f.targetName !== targetName) continue;
            if (f.periodMs === undefined) return probeNumber % 2 === 0;
            return Math.floor((time - f.at) / f.periodMs) % 2 === 0;
        }
        return false;
    }
}

/**
 * Replication lag of an async store for a write sent at `time`: the declared lag, or the spike's while one is
 * in effect. The declared lag is the commit-to-apply delay (how AWS reports it for DynamoDB global tables and
 * Aurora Global, docs/facts.md#dynamodb-mrec-lag, docs/facts.md#aurora-global-lag), so it already contains the network transit; the one-way transit RTT/2 is only
 * a floor, for a lag declared shorter than physics allows.
 */
export function lagFor(
    store: {
        readonly lagMs: number;
        readonly spikes: readonly { readonly from: number; readonly to: number; readonly lagMs: number }[];
    },
    time: number,
): number {
    let lag = store.lagMs;
    for (const s of store.spikes) if (time >= s.from && time < s.to && s.lagMs > lag) lag = s.lagMs;
    return lag;
}
