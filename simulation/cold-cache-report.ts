// A cache in front of a store (`caches B hit-rate H warm-up W`): the reads its misses send to B, per region, over
// the run. Users served in a region from the start find its cache warm (a share H of their reads hit); users
// routed there later find their keys cold, and their hit rate ramps linearly from 0 to H over W. So the miss
// load of a region is, per reading group served there while it is up, rate × (1 − H × ramp): linear between the
// recorded changes and the ends of warm-ups, which makes the trapezoids below exact. A group that arrives reads
// rate × H × W / 2 more from B over a whole warm-up than a warm cache would send. Stores declare no capacity, so
// no limit is judged: the peak and its multiple of the steady state are what the report gives.
import { factRef } from '../language/semantics/facts/citation.js';
import type { ServedStep } from './cold-cache.js';
import type { RunState } from './engine/context.js';
import type { ColdCacheReport } from './report.js';

interface Segment {
    readonly group: number;
    readonly region: number;
    readonly from: number;
    readonly to: number;
    /** Start of its warm-up, or null when the cache was warm for it (its placement at the start). */
    readonly coldAt: number | null;
}

export function coldCacheReport(sim: RunState, index: number): ColdCacheReport | null {
    const store = sim.plan.stores[index];
    const caches = store?.model.caches;
    if (store === undefined || caches === undefined) return null;
    const steps = sim.cacheReaders?.steps ?? [];
    const endMs = sim.plan.durationMs;
    const { hitRate: h, warmUpMs: w } = caches;
    const readers = new Set(
        sim.plan.groups.filter((g) => g.kind === 'service' && g.readsFrom.includes(index)).map((g) => g.index),
    );
    const segments = segmentsOf(steps, readers, endMs);
    const downs = downIntervals(steps, endMs);
    const rateOf = (g: number) => sim.plan.groups[g]?.readRate ?? 0;
    const ramp = (s: Segment, t: number) => (s.coldAt === null || w === 0 ? 1 : Math.min(1, (t - s.coldAt) / w));

    const regions: ColdCacheReport['regions'][number][] = [];
    for (const r of store.replicas) {
        const mine = segments.filter((s) => s.region === r && s.to > s.from);
        const cuts = new Set<number>([0, endMs]);
        for (const s of mine) {
            cuts.add(s.from);
            cuts.add(s.to);
            if (s.coldAt !== null && s.coldAt + w < endMs) cuts.add(s.coldAt + w);
        }
        for (const [a, b] of downs.get(r) ?? []) {
            cuts.add(a);
            cuts.add(b);
        }
        const times = [...cuts].filter((t) => t >= 0 && t <= endMs).sort((x, y) => x - y);
        const miss = (t: number, a: number, warm: boolean) => {
            if (isDown(downs.get(r) ?? [], a)) return 0;
            let sum = 0;
            for (const s of mine)
                if (s.from <= a && a < s.to) sum += rateOf(s.group) * (1 - h * (warm ? 1 : ramp(s, t)));
            return sum;
        };
        const series: { atMs: number; missReadsPerS: number }[] = [];
        let extra = 0;
        let peak = 0;
        for (let k = 0; k + 1 < times.length; k++) {
            const a = times[k] ?? 0;
            const b = times[k + 1] ?? a;
            const left = miss(a, a, false);
            const right = miss(b, a, false);
            extra += ((left - miss(a, a, true) + right - miss(b, a, true)) / 2) * ((b - a) / 1000);
            peak = Math.max(peak, left, right);
            push(series, a, left);
            push(series, b, right);
        }
        const steady = times.length > 1 ? miss(0, 0, true) : 0;
        if (mine.length === 0) continue;
        regions.push({
            region: sim.plan.regions[r] ?? String(r),
            steadyMissReadsPerS: round(steady),
            peakMissReadsPerS: round(peak),
            multiplier: steady > 0 ? round(peak / steady) : null,
            extraMissReads: round(extra),
            series,
        });
    }
    return {
        backingStore: caches.store,
        hitRate: h,
        warmUpMs: w,
        regions,
        backingCapacity: null,
        note: 'users routed to a region find its cache cold for their keys: their hit rate ramps linearly from 0 over the warm-up (an estimate); stores declare no capacity, so no limit is judged',
        source: factRef('cold-cache'),
    };
}

/** Each reading group's stretches in one serving region; a later arrival in a region starts its warm-up. */
function segmentsOf(steps: readonly ServedStep[], readers: ReadonlySet<number>, endMs: number): Segment[] {
    const open = new Map<number, { region: number; from: number; coldAt: number | null }>();
    const out: Segment[] = [];
    for (const step of steps) {
        if (step.group < 0 || !readers.has(step.group)) continue;
        const prev = open.get(step.group);
        if (prev !== undefined)
            out.push({ group: step.group, region: prev.region, from: prev.from, to: step.atMs, coldAt: prev.coldAt });
        open.set(step.group, { region: step.region, from: step.atMs, coldAt: prev === undefined ? null : step.atMs });
    }
    for (const [group, s] of open) out.push({ group, region: s.region, from: s.from, to: endMs, coldAt: s.coldAt });
    return out;
}

function downIntervals(steps: readonly ServedStep[], endMs: number): Map<number, [number, number][]> {
    const since = new Map<number, number>();
    const out = new Map<number, [number, number][]>();
    for (const s of steps) {
        if (s.group >= 0) continue;
        if (s.down) since.set(s.region, s.atMs);
        else {
            const from = since.get(s.region);
            if (from === undefined) continue;
            since.delete(s.region);
            out.set(s.region, [...(out.get(s.region) ?? []), [from, s.atMs]]);
        }
    }
    for (const [r, from] of since) out.set(r, [...(out.get(r) ?? []), [from, endMs]]);
    return out;
}

function isDown(intervals: readonly [number, number][], t: number): boolean {
    return intervals.some(([a, b]) => a <= t && t < b);
}

function push(series: { atMs: number; missReadsPerS: number }[], atMs: number, value: number): void {
    const v = round(value);
    const at = Math.round(atMs * 1000) / 1000;
    const last = series[series.length - 1];
    if (last !== undefined && last.atMs === at && last.missReadsPerS === v) return;
    series.push({ atMs: at, missReadsPerS: v });
}

function round(n: number): number {
    return Math.round(n * 1e6) / 1e6;
}
