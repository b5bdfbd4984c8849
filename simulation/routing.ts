// Where a request goes and what happens to it there, given the faults and failover state of the moment.
// The engine recomputes these outcomes only when something changes (a fault starts or ends, a failover
// acts, routing moves), so each simulated write is a table lookup, not a walk over the topology.
import type { FaultState } from './faults.js';
import type { Plan, StorePlan } from './plan.js';
import { consensusHomeOf, quorumRoundTrip } from '../language/semantics/estimators/consensus-write.js';

export const Status = { ok: 0, unavailable: 1, noQuorum: 2 } as const;

/** The mutable part of a store during a run: where it accepts writes now. */
export interface StoreRouting {
    /** Current primary region index for `writes primary` stores (moves on promotion), else -1. */
    primary: number;
    /** A former primary that was not fenced (split-brain.ts): writes issued in its region still land there; -1. */
    stalePrimary: number;
    /** Consensus stores: the region whose leader orders writes now (moves on election), else -1; -1 too while an election runs. */
    leader: number;
    /** Consensus stores without a leader: the region an election in progress will install, or -1 when none can lead. */
    candidate: number;
    /** Bumped whenever leadership changes, so a stale election event is ignored. */
    electionStamp: number;
    /** For home-region stores: where the keys homed in each region are written now (moves on re-homing). */
    readonly homeLocation: Int32Array;
}

export interface WriteOutcome {
    status: number;
    /** Region whose replica accepts the write (the coordinator), or -1. */
    location: number;
    /** Network time from the serving region: forward to the coordinator plus the replication wait. */
    latencyMs: number;
}

export function initialStoreRouting(plan: Plan, store: StorePlan): StoreRouting {
    const R = plan.regions.length;
    const homeLocation = new Int32Array(R);
    for (let h = 0; h < R; h++) homeLocation[h] = store.slotOf[h]! >= 0 ? h : nearestOf(plan, h, store.replicas);
    return {
        primary: store.primary,
        stalePrimary: -1,
        leader: store.leader,
        candidate: -1,
        electionStamp: 0,
        homeLocation,
    };
}

/** The region of `candidates` with the smallest RTT from `from` (ties: declaration order), or -1. */
export function nearestOf(
    plan: Plan,
    from: number,
    candidates: readonly number[],
    usable: (r: number) => boolean = () => true,
): number {
    const R = plan.regions.length;
    let best = -1;
    let bestMs = Infinity;
    for (const c of candidates) {
        if (!usable(c)) continue;
        const ms = c === from ? 0 : plan.rtt[from * R + c]!;
        if (ms < bestMs) {
            best = c;
            bestMs = ms;
        }
    }
    return best;
}

/**
 * What a write issued by a service running in region `from` does to `store`, for a key homed in `home`.
 * - The coordinator: the primary (`writes primary`), the key's home (`home-region`), else the replica in
 *   `from`, else the nearest reachable replica.
 * - The wait before the write is acknowledged: nothing for async and unreplicated stores; the RTT to the
 *   nearest other replica region for sync (docs/facts.md#dynamodb-mrsc-region-sets), the farthest for Cassandra
 *   EACH_QUORUM (docs/facts.md#cassandra-multi-datacenter); the RTT to the voter that completes the quorum
 *   for consensus (docs/facts.md#spanner-multi-region); 2 × RTT(farthest regions) + 10 ms for Cosmos DB strong (docs/facts.md#cosmos-strong-write-latency) — the same
 *   formulas as the write-latency estimator, applied to the regions reachable at that moment.
 */
export function writeOutcome(
    plan: Plan,
    faults: FaultState,
    store: StorePlan,
    routing: StoreRouting,
    from: number,
    home: number,
    out: WriteOutcome,
): WriteOutcome {
    const R = plan.regions.length;
    out.status = Status.unavailable;
    out.location = -1;
    out.latencyMs = 0;
    if (from < 0 || faults.isDown(from)) return out;
    let location: number;
    if (store.mode === 'consensus' && store.leader >= 0) {
        const ownRow = store.perRow && store.slotOf[from]! >= 0;
        // No leader: an election is running (the write fails) or no region can reach a quorum (it is refused).
        if (!ownRow && routing.leader < 0) return routing.candidate < 0 ? noQuorum(out) : out;
        location = consensusHomeOf(store.perRow, routing.leader, from, (r) => store.slotOf[r]! >= 0);
        // A client cut off from the leader is on a side without a quorum.
        if (faults.unreachable(from, location)) return noQuorum(out);
    } else if (store.policy === 'primary') location = routing.stalePrimary === from ? from : routing.primary;
    else if (store.policy === 'home-region') location = routing.homeLocation[home]!;
    else location = nearestOf(plan, from, store.replicas, (r) => !faults.unreachable(from, r));
    if (location < 0 || faults.unreachable(from, location)) return out;
    out.location = location;
    const forward = location === from ? 0 : plan.rtt[from * R + location]!;
    let wait = 0;
    if (store.cosmosStrongMs !== undefined) {
        // A global majority of the account's regions must be reachable for a strong write.
        let reachable = 0;
        for (const r of store.replicas) if (!faults.unreachable(location, r)) reachable++;
        if (reachable * 2 <= store.replicas.length) return noQuorum(out);
        wait = store.cosmosStrongMs;
    } else if (store.mode === 'sync' && store.model.cassandraLevel?.level === 'each-quorum') {
        // EACH_QUORUM needs a quorum in every datacenter: the farthest closes the write, and one out of reach fails it.
        for (const r of votingRegions(store)) {
            if (r === location) continue;
            if (faults.unreachable(location, r)) return noQuorum(out);
            wait = Math.max(wait, plan.rtt[location * R + r]!);
        }
    } else if (store.mode === 'sync') {
        const other = nearestOf(
            plan,
            location,
            votingRegions(store),
            (r) => r !== location && !faults.unreachable(location, r),
        );
        if (other < 0) return noQuorum(out);
        wait = plan.rtt[location * R + other]!;
    } else if (store.mode === 'consensus') {
        const q = quorumWait(plan, faults, store, location);
        if (q < 0) return noQuorum(out);
        wait = q + store.commitWaitMs;
    }
    out.status = Status.ok;
    out.latencyMs = forward + wait;
    return out;
}

function noQuorum(out: WriteOutcome): WriteOutcome {
    out.status = Status.noQuorum;
    return out;
}

function votingRegions(store: StorePlan): number[] {
    const regions: number[] = [];
    store.votes.forEach((v, r) => {
        if (v > 0) regions.push(r);
    });
    return regions;
}

/**
 * The leader's quorum round trip (write-latency estimator's `quorumRoundTrip`) from the coordinator, counting only
 * the voters it can reach; -1 when they cannot form a quorum. Consensus stores vote with their placed voters
 * (those of the row's home for a regional-by-row store), other stores with their votes per region.
 */
export function quorumWait(plan: Plan, faults: FaultState, store: StorePlan, location: number): number {
    const R = plan.regions.length;
    const voters =
        store.mode === 'consensus' && store.leader >= 0
            ? (store.votersByHome.get(location) ?? store.voters)
            : votersOfPlan(store);
    const q = quorumRoundTrip(
        location,
        voters,
        store.quorum,
        (a, b) => plan.rtt[a * R + b]!,
        (r) => !faults.unreachable(location, r),
    );
    return q.kind === 'ok' ? q.ms : -1;
}

function votersOfPlan(store: StorePlan): number[] {
    const voters: number[] = [];
    store.votes.forEach((v, r) => {
        for (let i = 0; i < v; i++) voters.push(r);
    });
    return voters;
}

/**
 * The replica region a read from `from` is served by, or -1 when none can serve it: strong reads of a
 * sync/consensus store need the coordinator and its quorum; every other read takes the nearest replica that
 * is up and reachable (the local one when it is).
 */
export function readReplica(
    plan: Plan,
    faults: FaultState,
    store: StorePlan,
    routing: StoreRouting,
    from: number,
): number {
    if (from < 0 || faults.isDown(from)) return -1;
    if (store.strongReads) {
        const scratch: WriteOutcome = { status: 0, location: -1, latencyMs: 0 };
        const o = writeOutcome(plan, faults, store, routing, from, from, scratch);
        return o.status === Status.ok ? o.location : -1;
    }
    return nearestOf(plan, from, store.replicas, (r) => !faults.unreachable(from, r));
}
