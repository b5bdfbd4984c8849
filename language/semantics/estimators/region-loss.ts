// The load each region of a service carries after losing one region (N−1), routed as the simulation routes it:
// an active-active service's users go to their own region while it runs, else to the nearest region of the
// service still up; other postures serve everything from the primary, and from the failover's destination once
// the primary is lost. A region loaded beyond its declared capacity fails (or queues) the excess — the same
// share the simulation's capacity factor drops. A service others `depends-on` also serves one call per request
// each dependent serves, in the region the dependent serves it (where the service runs there), and that part of
// its load moves as the dependents move when a region is lost (simulation/service-capacity.ts does the same).
// Pure: reads the semantic model only.
import { rttBetween } from '../latency.js';
import type { Model, ServiceM } from '../model.js';
import { dependentsOf, failoversOf, workloadsAimedAt } from '../model-index.js';
import { retryLoad, type RetryLoad } from './retry-load.js';

export interface ServiceLoad {
    /** Share of the service instance's requests (writes + reads) by origin region; sums to 1. */
    readonly byOrigin: ReadonlyMap<string, number>;
    /** No workload loads the instance: the shares are assumed (even over its regions, or all at the primary). */
    readonly assumed: boolean;
    /** Requests per second of its workloads (writes + reads), 0 when assumed. */
    readonly rate: number;
}

export interface RegionLoss {
    readonly lost: string;
    /** Regions that take the lost region's users. */
    readonly receivers: readonly string[];
    /**
     * Load share and capacity of each region that carries more than its capacity after the loss, and what its
     * clients then offer it with their declared retries (`offered`, = `load` without retries; retry-load.ts).
     */
    readonly overloaded: readonly {
        readonly region: string;
        readonly load: number;
        readonly capacity: number;
        readonly offered: number;
    }[];
    /** Share of all requests that fail or queue: the sum of the excess over capacity. */
    readonly failingShare: number;
    /** The largest share one surviving region carries: the capacity every region needs to absorb this loss. */
    readonly largestLoad: number;
    /** The share each surviving region carries after the loss. */
    readonly carried: ReadonlyMap<string, number>;
}

/**
 * Requests per origin region that reach `service` (one instance of a `per cell` declaration), from the
 * workloads aimed at it: an origin served by several instances (cells sharing a region) splits evenly between
 * them, and an origin outside every instance is served by all of them in equal parts — the plan's split.
 */
export function serviceLoad(model: Model, service: ServiceM): ServiceLoad {
    const siblings = (model.instances.get(service.name) ?? [])
        .map((id) => model.services.get(id))
        .filter((s): s is ServiceM => s !== undefined);
    const rates = new Map<string, number>();
    let total = 0;
    for (const w of workloadsAimedAt(model, service.name)) {
        const add = (region: string, rate: number) => {
            const serving = siblings.filter((s) => s.regions.includes(region));
            const share =
                serving.length > 0
                    ? serving.some((s) => s.id === service.id)
                        ? 1 / serving.length
                        : 0
                    : 1 / Math.max(1, siblings.length);
            if (rate * share <= 0) return;
            rates.set(region, (rates.get(region) ?? 0) + rate * share);
            total += rate * share;
        };
        for (const o of w.writeOrigins) add(o.region, w.writesPerS * o.share);
        for (const o of w.readOrigins) add(o.region, w.readsPerS * o.share);
    }
    if (total > 0)
        return { byOrigin: new Map([...rates].map(([r, x]) => [r, x / total])), assumed: false, rate: total };
    const activeActive = isActiveActive(service);
    const primary = primaryOf(service);
    const origins = activeActive ? service.regions : primary === undefined ? [] : [primary];
    return { byOrigin: new Map(origins.map((r) => [r, 1 / origins.length])), assumed: true, rate: 0 };
}

/** Where the load of each origin is served with every region up, and what each region then carries. */
export interface LoadPlacement {
    /** Shares of the service's whole load (its users' and its dependents' calls) by origin of its own users. */
    readonly byOrigin: ReadonlyMap<string, number>;
    readonly servedBy: ReadonlyMap<string, string>;
    /** Share of the whole load each region carries. */
    readonly carried: ReadonlyMap<string, number>;
    /** Requests per second reaching the service with every region up: its users' and its dependents' (0 if assumed). */
    readonly offered: number;
    /** The part of `carried` its own users bring, when dependents bring the rest. */
    readonly own?: ReadonlyMap<string, number>;
    /** The services that depend on it and load it, each with its share of the whole load and its own placement. */
    readonly dependents?: readonly DependentLoad[];
}

export interface DependentLoad {
    readonly service: ServiceM;
    readonly weight: number;
    readonly placement: LoadPlacement;
}

/** Services whose placement is being worked out: a `depends-on` cycle stops here instead of recursing forever. */
const placing = new Set<string>();

export function placeLoad(model: Model, service: ServiceM, load: ServiceLoad): LoadPlacement {
    const regions = new Set(service.regions);
    const servedBy = new Map<string, string>();
    const carried = new Map<string, number>();
    for (const [origin, share] of load.byOrigin) {
        const to = isActiveActive(service)
            ? servingRegion(model, service.regions, regions, origin)
            : primaryOf(service);
        if (to === undefined) continue;
        servedBy.set(origin, to);
        carried.set(to, (carried.get(to) ?? 0) + share);
    }
    const own: LoadPlacement = { byOrigin: load.byOrigin, servedBy, carried, offered: load.rate };
    const dependents = dependentPlacements(model, service);
    if (dependents.length === 0) return own;
    return withDependents(service, own, load.rate, dependents);
}

function dependentPlacements(model: Model, service: ServiceM): { service: ServiceM; placement: LoadPlacement }[] {
    if (placing.has(service.id)) return [];
    placing.add(service.id);
    try {
        return dependentsOf(model, service.id)
            .map((d) => ({ service: d, placement: placeLoad(model, d, serviceLoad(model, d)) }))
            .filter((d) => d.placement.offered > 0);
    } finally {
        placing.delete(service.id);
    }
}

/** The whole load: own users' shares scaled by their part, plus each dependent's carried load where this runs. */
function withDependents(
    service: ServiceM,
    own: LoadPlacement,
    ownRate: number,
    dependents: readonly { service: ServiceM; placement: LoadPlacement }[],
): LoadPlacement {
    const offered = ownRate + dependents.reduce((n, d) => n + d.placement.offered, 0);
    const ownPart = ownRate / offered;
    // With no users of its own (an assumed load), nothing of the service's own is placed or re-routed.
    const ownOnly = <T>(m: ReadonlyMap<string, T>, f: (x: T) => T) =>
        new Map(ownRate > 0 ? [...m].map(([r, x]) => [r, f(x)] as const) : []);
    const ownCarried = ownOnly(own.carried, (x) => x * ownPart);
    const carried = new Map(ownCarried);
    const runs = new Set(service.regions);
    const loads: DependentLoad[] = [];
    for (const d of dependents) {
        const weight = d.placement.offered / offered;
        loads.push({ service: d.service, weight, placement: d.placement });
        for (const [r, x] of d.placement.carried) if (runs.has(r)) carried.set(r, (carried.get(r) ?? 0) + weight * x);
    }
    return {
        byOrigin: ownOnly(own.byOrigin, (x) => x * ownPart),
        servedBy: ownOnly(own.servedBy, (x) => x),
        carried,
        offered,
        own: ownCarried,
        dependents: loads,
    };
}

/**
 * Whether losing `lost` can overload another region at all: its whole load landing on any one region still fits
 * that region's capacity. A cheap test (no RTT) that lets a service over many regions skip the routing.
 */
export function lossFits(service: ServiceM, placement: LoadPlacement, lost: string): boolean {
    const moves = placement.dependents !== undefined || isActiveActive(service) || primaryOf(service) === lost;
    const moved = moves ? (placement.carried.get(lost) ?? 0) : 0;
    if (moved === 0) return true;
    const capacity = service.capacity ?? {};
    return service.regions.every((r) => {
        const limit = capacity[r];
        return r === lost || limit === undefined || (placement.carried.get(r) ?? 0) + moved <= limit + 1e-9;
    });
}

/** Where each region's load goes once `lost` is down, and what overflows the declared capacity. */
export function regionLoss(model: Model, service: ServiceM, placement: LoadPlacement, lost: string): RegionLoss {
    const capacity = service.capacity ?? {};
    const own = placement.own ?? placement.carried;
    const carried = new Map(placement.own ?? placement.carried);
    carried.delete(lost);
    const receivers = new Set<string>();
    if (isActiveActive(service)) {
        const up = service.regions.filter((r) => r !== lost);
        const upSet = new Set(up);
        for (const [origin, by] of placement.servedBy) {
            if (by !== lost) continue;
            const to = servingRegion(model, up, upSet, origin);
            if (to === undefined) continue;
            receivers.add(to);
            carried.set(to, (carried.get(to) ?? 0) + (placement.byOrigin.get(origin) ?? 0));
        }
    } else if (primaryOf(service) === lost) {
        const to = failoverDestination(model, service, lost);
        if (to !== undefined) {
            receivers.add(to);
            carried.set(to, (carried.get(to) ?? 0) + (own.get(lost) ?? 0));
        }
    } else {
        carried.set(lost, own.get(lost) ?? 0);
    }
    // The dependents' calls follow the dependents: each moves its load as its own loss of that region does.
    const runs = new Set(service.regions);
    for (const d of placement.dependents ?? []) {
        const after = regionLoss(model, d.service, d.placement, lost).carried;
        for (const [r, x] of after) {
            if (!runs.has(r) || r === lost || x <= 0) continue;
            carried.set(r, (carried.get(r) ?? 0) + d.weight * x);
            if (x > (d.placement.carried.get(r) ?? 0) + 1e-9) receivers.add(r);
        }
    }
    const overloaded: { region: string; load: number; capacity: number; offered: number }[] = [];
    const retries = service.retries?.count ?? 0;
    let failingShare = 0;
    let largestLoad = 0;
    for (const [region, share] of carried) {
        largestLoad = Math.max(largestLoad, share);
        // A region with no declared capacity is not limited, as in the simulation.
        const cap = capacity[region];
        if (cap === undefined || share <= cap + 1e-9) continue;
        // Retries add load, not successes: over capacity what fails is still the excess (retry-load.ts).
        const offered = retries > 0 ? retryLoad(share, cap, 0, retries, scratch()).offered : share;
        overloaded.push({ region, load: share, capacity: cap, offered });
        failingShare += share - cap;
    }
    return { lost, receivers: [...receivers], overloaded, failingShare, largestLoad, carried };
}

function scratch(): RetryLoad {
    return { offered: 0, failedShare: 0, servedShare: 1, admittedShare: 1 };
}

function isActiveActive(service: ServiceM): boolean {
    return service.posture === 'active-active' || service.regions.length === 1;
}

/** Its declared primary, else its first region; none for a service without regions. */
function primaryOf(service: ServiceM): string | undefined {
    return service.primary ?? service.regions[0];
}

/** Where a failover of the service moves its primary: the declared destination, else its first other region. */
function failoverDestination(model: Model, service: ServiceM, lost: string): string | undefined {
    const failover = failoversOf(model, 'service', service.id).find((f) => f.to !== undefined && f.to !== lost);
    return failover?.to ?? service.regions.find((r) => r !== lost);
}

/** The origin itself when the service runs there, else the nearest region with a known RTT (ties: declaration order). */
function servingRegion(
    model: Model,
    regions: readonly string[],
    members: ReadonlySet<string>,
    origin: string,
): string | undefined {
    if (members.has(origin)) return origin;
    let best: string | undefined;
    let bestMs = Infinity;
    for (const r of regions) {
        const ms = rttBetween(model, origin, r).ms;
        if (ms !== undefined && ms < bestMs) {
            best = r;
            bestMs = ms;
        }
    }
    return best ?? regions[0];
}
