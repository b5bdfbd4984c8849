// Where the readers of each cache store are served, over the run, for the cold-cache report: every change of a
// reading group's serving region and of a region's up/down state, recorded after each state change (routing
// refreshes its tables then). Kept only when some cache declares `caches`; the report works out the miss load in
// closed form from these steps (cold-cache-report.ts).
import type { FaultState } from './faults.js';
import type { Plan } from './plan.js';
import type { GroupRuntime } from './runtime.js';

export interface ServedStep {
    readonly atMs: number;
    /** Group index, or -1 for a region's up/down change. */
    readonly group: number;
    /** The group's serving region (-1: none), or for a region change the region. */
    readonly region: number;
    /** For a region change: whether it is down from now on. */
    readonly down: boolean;
}

export class CacheReaders {
    readonly steps: ServedStep[] = [];
    /** Groups that read a cache store with a `caches` clause. */
    private readonly readers: readonly number[];
    private readonly lastRegion: Int32Array;
    private readonly lastDown: Uint8Array;
    private started = false;

    constructor(plan: Plan) {
        const caches = new Set(plan.stores.filter((s) => s.model.caches !== undefined).map((s) => s.index));
        this.readers = plan.groups
            .filter((g) => g.kind === 'service' && g.readRate > 0 && g.readsFrom.some((s) => caches.has(s)))
            .map((g) => g.index);
        this.lastRegion = new Int32Array(plan.groups.length).fill(-1);
        this.lastDown = new Uint8Array(plan.regions.length);
    }

    static for(plan: Plan): CacheReaders | null {
        return plan.stores.some((s) => s.model.caches !== undefined) ? new CacheReaders(plan) : null;
    }

    observe(groups: readonly GroupRuntime[], faults: FaultState, nowMs: number): void {
        for (let r = 0; r < this.lastDown.length; r++) {
            const down = faults.isDown(r) ? 1 : 0;
            if (down !== this.lastDown[r] || !this.started) {
                if (down !== this.lastDown[r]) this.steps.push({ atMs: nowMs, group: -1, region: r, down: down === 1 });
                this.lastDown[r] = down;
            }
        }
        for (const gi of this.readers) {
            const dest = groups[gi]?.dest ?? -1;
            if (this.started && dest === this.lastRegion[gi]) continue;
            this.steps.push({ atMs: nowMs, group: gi, region: dest, down: false });
            this.lastRegion[gi] = dest;
        }
        this.started = true;
    }
}
