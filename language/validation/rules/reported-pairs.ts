// Region pairs a rule has already reported, held as the groups they came from: a store over k regions stands for
// its k²/2 pairs without listing them, so remembering them costs O(k), not O(k²).
import { pairKey } from '../../semantics/latency.js';

export class ReportedPairs {
    /** Groups whose every pair was reported, and the groups each region belongs to. */
    private readonly groups: ReadonlySet<string>[] = [];
    private readonly groupsOf = new Map<string, number[]>();
    /** Hubs whose pairs with each of their spokes were reported (a witness and the regions of its store). */
    private readonly spokesOf = new Map<string, ReadonlySet<string>[]>();
    private readonly single = new Set<string>();
    private readonly singleRegions = new Set<string>();

    /** Whether a reported pair may contain `region` (when not, no pair with it was reported). */
    touches(region: string): boolean {
        return this.groupsOf.has(region) || this.spokesOf.has(region) || this.singleRegions.has(region);
    }

    has(a: string, b: string): boolean {
        for (const g of this.groupsOf.get(a) ?? []) if (this.groups[g]?.has(b)) return true;
        return this.inStar(a, b) || this.inStar(b, a) || (this.single.size > 0 && this.single.has(pairKey(a, b)));
    }

    /** Every pair of `regions`. */
    addGroup(regions: ReadonlySet<string>): void {
        const index = this.groups.push(regions) - 1;
        for (const r of regions) {
            const list = this.groupsOf.get(r);
            if (list) list.push(index);
            else this.groupsOf.set(r, [index]);
        }
    }

    /** `hub` with each of `spokes`. */
    addStar(hub: string, spokes: ReadonlySet<string>): void {
        const list = this.spokesOf.get(hub);
        if (list) list.push(spokes);
        else this.spokesOf.set(hub, [spokes]);
    }

    addPair(a: string, b: string): void {
        this.single.add(pairKey(a, b));
        this.singleRegions.add(a).add(b);
    }

    private inStar(hub: string, spoke: string): boolean {
        const stars = this.spokesOf.get(hub);
        return stars !== undefined && stars.some((s) => s.has(spoke));
    }
}
