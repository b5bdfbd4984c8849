// Write latency of a store as seen from one region: the round trips a write must wait for before it is
// acknowledged. Shared by hover, inlay hints, write-latency-budget and the simulation's oracle tests.
import { COSMOS, CONSENSUS } from '../facts/defaults.js';
import { rttBetween } from '../latency.js';
import type { Model, StoreM } from '../model.js';
import { formatDuration } from '../../../format/quantities.js';
import { commitWaitMs, consensusHomeOf, homedPerRow, quorumRoundTrip } from './consensus-write.js';
import { quorumOf, votersOf } from './voters.js';
import { factRef } from '../facts/citation.js';
import { pointRange, type EstimateRange } from './range.js';
import { itemAt } from '../../util/item-at.js';
import { perModel } from '../per-model.js';

export type WriteLatencyKind =
    /** Acknowledged by the region that accepts it (async or no replication). */
    | 'local'
    /** Synchronous replication: acknowledged once the nearest other replica region has it (docs/facts.md#dynamodb-mrsc-region-sets). */
    | 'sync'
    /** Consensus: acknowledged once a quorum of voters has it (docs/facts.md#spanner-multi-region). */
    | 'quorum'
    /** Cosmos DB strong: a global majority write, p99 ≈ 2 × RTT(farthest regions) + 10 ms as a p99 upper bound (docs/facts.md#cosmos-strong-write-latency). */
    | 'cosmos-strong';

export interface WriteLatencyEstimate {
    readonly store: string;
    /** The region the write is issued from. */
    readonly from: string;
    /** The replica region that accepts the write (the origin itself, the primary, or the nearest replica). */
    readonly coordinator: string;
    readonly kind: WriteLatencyKind;
    /** Estimated latency in ms (the typical end of `range`, or Cosmos DB's p99 bound); undefined when an RTT it needs is unknown. */
    readonly ms?: number;
    /** Best / typical / worst; undefined with `ms`. The RTTs are means, so only Cosmos DB's documented p99 bound closes the worst end. */
    readonly range?: EstimateRange;
    /** Round trip from the origin to the coordinator (0 when the origin accepts the write itself). */
    readonly forwardMs?: number;
    /** The replication part (quorum, sync or Cosmos strong), in ms. */
    readonly replicationMs?: number;
    /** Regions whose acknowledgement the write waits for (the one that closes the quorum, or the farthest pair). */
    readonly waitsFor: readonly string[];
    readonly quorum?: number;
    readonly voters?: number;
    /** Region pairs with no RTT at all (no link, no table entry, no location); the first 100 of them. */
    readonly unknownPairs: readonly (readonly [string, string])[];
    /** e.g. "quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms". */
    readonly formula: string;
}

/** The replica region that accepts a write issued in `from` (for a consensus store: its leader or the row's home). */
export function coordinatorOf(model: Model, store: StoreM, from: string): string {
    if (store.consensus)
        return consensusHomeOf(homedPerRow(store), store.consensus.leader, from, (r) => store.regions.includes(r));
    if (store.writes.policy === 'primary' && store.writes.primary !== undefined) return store.writes.primary;
    if (store.regions.includes(from)) return from;
    return nearest(model, from, store.regions) ?? store.regions[0] ?? from;
}

function nearest(model: Model, from: string, candidates: readonly string[]): string | undefined {
    let best: { region: string; ms: number } | undefined;
    for (const c of candidates) {
        const ms = rttBetween(model, from, c).ms;
        if (ms !== undefined && (best === undefined || ms < best.ms)) best = { region: c, ms };
    }
    return best?.region;
}

/**
 * Estimated latency of one write to `store` issued in region `from`, in ms:
 *
 *   latency = RTT(from, coordinator) + replication wait
 *
 * where the coordinator of a non-consensus store is `from` when it holds a replica that may write, else the
 * primary, else the nearest replica; and the replication wait is
 * - consensus: the coordinator is the leader (Spanner's default leader, CockroachDB's leaseholder), or a
 *   regional-by-row row's home; the wait is the leader's quorum round trip, the RTT to its q-th nearest voter
 *   (own-region voters at 0 ms), q = the quorum (declared, or a majority of the voters), plus the max clock
 *   offset for a GLOBAL table (docs/facts.md#spanner-multi-region, docs/facts.md#cockroachdb-multi-region).
 * - sync: RTT to the nearest other replica region (docs/facts.md#dynamodb-mrsc-region-sets: "sync to ≥ 1 other region before the
 *   write returns").
 * - Cosmos DB with strong consistency over several regions: 2 × RTT(two farthest regions) + 10 ms
 *   (docs/facts.md#cosmos-strong-write-latency).
 * - async / none: 0 (acknowledged locally).
 * RTTs come from `rttBetween` (declared link, then the measured matrix of docs/facts.md#cloudping-rtt-matrix, then great-circle estimate).
 */
export function estimateWriteLatency(model: Model, store: StoreM, from: string): WriteLatencyEstimate {
    const coordinator = coordinatorOf(model, store, from);
    const unknownPairs: (readonly [string, string])[] = [];
    const rtt = (a: string, b: string): number | undefined => {
        const ms = rttBetween(model, a, b).ms;
        if (ms === undefined) unknownPairs.push([a, b]);
        return ms;
    };
    const forwardMs = rtt(from, coordinator);
    const forwardText = coordinator === from ? '' : `RTT ${from} → ${coordinator} ${formatMs(forwardMs)} + `;
    const base = { store: store.id, from, coordinator, forwardMs, unknownPairs };
    const done = (
        kind: WriteLatencyKind,
        replicationMs: number | undefined,
        waitsFor: string[],
        formula: string,
        extra: { quorum?: number; voters?: number } = {},
    ): WriteLatencyEstimate => {
        const ms = forwardMs === undefined || replicationMs === undefined ? undefined : forwardMs + replicationMs;
        return {
            ...base,
            kind,
            replicationMs,
            waitsFor,
            formula: `${forwardText}${formula}`,
            ...extra,
            ms,
            ...(ms !== undefined ? { range: latencyRange(kind, ms) } : {}),
        };
    };

    if (store.engine === 'cosmosdb' && store.consistency.level === 'strong' && store.regions.length > 1) {
        const { far, unknown } = farthestPairOf(model, store);
        unknownPairs.push(...unknown);
        if (!far)
            return done('cosmos-strong', undefined, [], 'Cosmos DB strong: RTT between the farthest regions unknown');
        const ms = 2 * far.ms + COSMOS.strongWriteOverheadMs.value;
        return done(
            'cosmos-strong',
            ms,
            [far.a, far.b],
            `2 × RTT ${far.a} ↔ ${far.b} ${formatMs(far.ms)} + ${COSMOS.strongWriteOverheadMs.value} ms for Cosmos DB strong, ${factRef('cosmos-strong-write-latency')}`,
        );
    }
    // Cassandra EACH_QUORUM waits for a quorum in every datacenter: the farthest one closes the write (docs/facts.md#cassandra-multi-datacenter).
    const eachQuorum = (coordinator: string, others: readonly string[]): WriteLatencyEstimate => {
        let far: { region: string; ms: number } | undefined;
        for (const o of others) {
            const ms = rtt(coordinator, o);
            if (ms === undefined) return done('sync', undefined, [], 'EACH_QUORUM: the RTT to a datacenter is unknown');
            if (far === undefined || ms > far.ms) far = { region: o, ms };
        }
        return done(
            'sync',
            far!.ms,
            [far!.region],
            `EACH_QUORUM waits for a quorum in every datacenter: RTT ${coordinator} → ${far!.region} ${formatMs(far!.ms)}`,
        );
    };
    switch (store.replication.mode) {
        case 'consensus': {
            const voters = votersOf(store, coordinator);
            const quorum = quorumOf(store);
            const q = quorumRoundTrip(
                coordinator,
                voters.map((v) => v.region),
                quorum,
                rtt,
            );
            const counts = { quorum, voters: voters.length };
            if (q.kind === 'unknown')
                return done('quorum', undefined, [], `quorum ${quorum} of ${voters.length}: an RTT is unknown`, counts);
            if (q.kind === 'no-quorum')
                return done(
                    'quorum',
                    undefined,
                    [],
                    `quorum ${quorum} of ${voters.length} voters can never be reached`,
                    counts,
                );
            const wait = commitWaitMs(store);
            const quorumText =
                q.ms === 0
                    ? `quorum ${quorum} of ${voters.length} inside ${coordinator}`
                    : `quorum ${quorum} of ${voters.length}: RTT ${coordinator} → ${q.closing} ${formatMs(q.ms)}`;
            const waitText =
                wait > 0
                    ? ` + ${formatMs(wait)} commit wait of a GLOBAL table (max clock offset, ${factRef(CONSENSUS.maxClockOffsetMs.id)})`
                    : '';
            return done('quorum', q.ms + wait, q.ms === 0 ? [] : [q.closing], `${quorumText}${waitText}`, counts);
        }
        case 'sync': {
            const others = store.regions.filter((r) => r !== coordinator);
            if (others.length === 0) return done('sync', 0, [], `sync inside ${coordinator}`);
            if (store.cassandraLevel?.level === 'each-quorum') return eachQuorum(coordinator, others);
            const near = nearest(model, coordinator, others);
            others.forEach((o) => rtt(coordinator, o));
            if (near === undefined) return done('sync', undefined, [], 'sync: RTT to the other replicas unknown');
            const ms = rttBetween(model, coordinator, near).ms!;
            return done(
                'sync',
                ms,
                [near],
                `sync to the nearest replica: RTT ${coordinator} → ${near} ${formatMs(ms)}`,
            );
        }
        default:
            return done('local', 0, [], `acknowledged in ${coordinator} (${store.replication.mode} replication)`);
    }
}

/**
 * The range of one write's latency. The measured matrix gives mean RTTs (docs/facts.md#cloudping-rtt-matrix: typical, not
 * a bound) and no source gives a lower percentile or the links' p99: the estimate is the typical end, the best end
 * is the same figure, and the worst end is left open. Cosmos DB strong's figure is a documented p99 upper bound
 * (docs/facts.md#cosmos-strong-write-latency), so it closes the worst end (and stands for the typical one, which is not sourced).
 * A write acknowledged where it is issued waits for no round trip at all.
 */
function latencyRange(kind: WriteLatencyKind, ms: number): EstimateRange {
    if (ms === 0) return pointRange(0, 'acknowledged where it is written');
    if (kind === 'cosmos-strong') {
        const why = `no typical figure is sourced: the p99 bound (${factRef('cosmos-strong-write-latency')})`;
        return {
            bestMs: ms,
            typicalMs: ms,
            worstMs: ms,
            why: {
                best: why,
                typical: why,
                worst: `the documented p99 bound (${factRef('cosmos-strong-write-latency')})`,
            },
        };
    }
    return {
        bestMs: ms,
        typicalMs: ms,
        why: {
            best: 'no lower percentile of the links is sourced',
            typical: `mean RTTs (${factRef('cloudping-rtt-matrix')}) or the declared links`,
            worst: `the links' p99 is not sourced (${factRef('cloudping-rtt-matrix')} gives means)`,
        },
    };
}

/** What a write-latency figure is, for labels: "typical" (mean RTTs) or "p99 bound" (Cosmos DB strong). */
export function latencyKindOf(e: WriteLatencyEstimate): 'typical' | 'p99 bound' | 'none' {
    if (e.range === undefined) return 'typical';
    if (e.range.worstMs === 0) return 'none';
    return e.range.worstMs !== undefined ? 'p99 bound' : 'typical';
}

export interface LeaderLossLatency {
    /** The leader's region, lost. */
    readonly failed: string;
    /** Where the surviving voters elect the new leader; undefined when none can reach a quorum. */
    readonly leader?: string;
    /** The latency of a write from the origin once the new leader serves it; undefined when unknown or no quorum. */
    readonly ms?: number;
    readonly formula: string;
}

/**
 * Leader placement after a failure: when the leader's region is lost, the surviving voter region holding most
 * voters that still reaches a quorum is elected (ties: placement order), as simulation/leadership.ts elects, and a
 * write from `from` pays RTT(from, new leader) + the new leader's quorum round trip over the surviving voters
 * (+ a GLOBAL table's commit wait). Undefined for stores without a leader, for writes that a row's home orders,
 * and for writes issued in the lost region itself.
 */
export function writeLatencyAfterLeaderLoss(model: Model, store: StoreM, from: string): LeaderLossLatency | undefined {
    if (!store.consensus || store.replication.mode !== 'consensus') return undefined;
    const failed = store.consensus.leader;
    if (from === failed || coordinatorOf(model, store, from) !== failed) return undefined;
    const voters = votersOf(store).map((v) => v.region);
    const quorum = quorumOf(store);
    const rtt = (a: string, b: string) => rttBetween(model, a, b).ms;
    const counts = new Map<string, number>();
    for (const v of voters) counts.set(v, (counts.get(v) ?? 0) + 1);
    let elected: { region: string; votes: number; ms: number; closing: string } | undefined;
    for (const [region, votes] of counts) {
        if (region === failed || (elected !== undefined && votes <= elected.votes)) continue;
        const q = quorumRoundTrip(region, voters, quorum, rtt, (v) => v !== failed);
        if (q.kind === 'ok') elected = { region, votes, ms: q.ms, closing: q.closing };
    }
    if (!elected) return { failed, formula: `no surviving region reaches a quorum of ${quorum}` };
    const forward = from === elected.region ? 0 : rtt(from, elected.region);
    if (forward === undefined)
        return { failed, leader: elected.region, formula: `RTT ${from} → ${elected.region} unknown` };
    const wait = commitWaitMs(store);
    const quorumText =
        elected.ms === 0
            ? `quorum inside ${elected.region}`
            : `quorum RTT ${elected.region} → ${elected.closing} ${formatMs(elected.ms)}`;
    return {
        failed,
        leader: elected.region,
        ms: forward + elected.ms + wait,
        formula: `${forward > 0 ? `RTT ${from} → ${elected.region} ${formatMs(forward)} + ` : ''}${quorumText}${wait > 0 ? ` + ${formatMs(wait)} commit wait` : ''}`,
    };
}

/** The worst write latency over the given origin regions (undefined parts ignored unless all are unknown). */
export function worstWriteLatency(
    model: Model,
    store: StoreM,
    origins: readonly string[],
): WriteLatencyEstimate | undefined {
    let worst: WriteLatencyEstimate | undefined;
    for (const from of origins) {
        const e = estimateWriteLatency(model, store, from);
        if (worst === undefined || (e.ms ?? -1) > (worst.ms ?? -1)) worst = e;
    }
    return worst;
}

/** Unknown pairs an estimate lists (a store over k regions may have k²/2). */
const MAX_UNKNOWN_PAIRS = 100;

interface FarthestPair {
    readonly far?: { readonly a: string; readonly b: string; readonly ms: number };
    readonly unknown: readonly (readonly [string, string])[];
}

/** The farthest pair of a store's regions does not depend on where a write comes from: found once per model. */
const farthestPairs = perModel(() => new WeakMap<StoreM, FarthestPair>());

function farthestPairOf(model: Model, store: StoreM): FarthestPair {
    const byStore = farthestPairs(model);
    let found = byStore.get(store);
    if (!found) byStore.set(store, (found = farthestPair(model, store.regions)));
    return found;
}

function farthestPair(model: Model, regions: readonly string[]): FarthestPair {
    let far: FarthestPair['far'];
    const unknown: [string, string][] = [];
    for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
            const [a, b] = [itemAt(regions, i, 'region'), itemAt(regions, j, 'region')];
            const ms = rttBetween(model, a, b).ms;
            if (ms === undefined) {
                if (unknown.length < MAX_UNKNOWN_PAIRS) unknown.push([a, b]);
                continue;
            }
            if (far === undefined || ms > far.ms) far = { a, b, ms };
        }
    }
    return { far, unknown };
}

function formatMs(ms: number | undefined): string {
    return ms === undefined ? 'unknown' : formatDuration(ms);
}
