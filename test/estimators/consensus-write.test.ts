// The parts of a consensus write on hand-built inputs: who orders a write, the quorum round trip (the quorum-th
// nearest reachable voter, worked by hand from an RTT table) and a GLOBAL table's commit wait
// (docs/facts.md#cockroachdb-multi-region: 250 ms recommended max clock offset).
import { describe, expect, it } from 'vitest';
import {
    commitWaitMs,
    consensusHomeOf,
    homedPerRow,
    quorumRoundTrip,
    readsLocally,
} from '../../language/semantics/estimators/consensus-write.js';
import type { Locality, StoreM, WritePolicy } from '../../language/semantics/model.js';

// Only the fields these functions read; the rest of a consensus block does not matter here.
const storeOf = (locality: Locality | undefined, policy: WritePolicy = 'primary') =>
    ({
        consensus: locality === undefined ? undefined : { locality },
        writes: { policy, provenance: { kind: 'declared' } },
    }) as unknown as Pick<StoreM, 'consensus' | 'writes'>;

describe('where a consensus write is ordered', () => {
    it.each([
        { name: 'a regional-by-row table homes rows per row', locality: 'regional-by-row' as const, perRow: true },
        {
            name: 'writes home-region home rows per row',
            locality: undefined,
            policy: 'home-region' as const,
            perRow: true,
        },
        { name: 'a GLOBAL table does not', locality: 'global' as const, perRow: false },
        { name: 'a regional-by-table table does not', locality: 'regional-by-table' as const, perRow: false },
        { name: 'a store without consensus and a primary does not', locality: undefined, perRow: false },
    ])('$name', ({ locality, policy, perRow }) => {
        expect(homedPerRow(storeOf(locality, policy))).toBe(perRow);
    });

    it.each([
        { name: 'a per-row write from a store region is ordered there', perRow: true, from: 'eu', home: 'eu' },
        { name: 'a per-row write from elsewhere goes to the leader', perRow: true, from: 'ap', home: 'us' },
        { name: 'any other write goes to the leader', perRow: false, from: 'eu', home: 'us' },
    ])('$name', ({ perRow, from, home }) => {
        expect(consensusHomeOf(perRow, 'us', from, (r) => r === 'us' || r === 'eu')).toBe(home);
    });
});

// RTTs from the leader a: b 10 ms, c 30 ms, d 60 ms, e 90 ms; the leader's own vote is 0 ms.
const RTT: Record<string, number> = { 'a-b': 10, 'a-c': 30, 'a-d': 60, 'a-e': 90 };
const rtt = (x: string, y: string) => RTT[`${x}-${y}`];
const VOTERS = ['e', 'c', 'a', 'd', 'b'];

describe('the leader’s quorum round trip', () => {
    it.each([
        { name: 'a quorum of 1 is the leader’s own vote, 0 ms', quorum: 1, down: [], ms: 0, closing: 'a' },
        {
            name: 'a quorum of 3 of 5 waits for the 2nd nearest other voter, 30 ms',
            quorum: 3,
            down: [],
            ms: 30,
            closing: 'c',
        },
        { name: 'a quorum of 5 waits for the farthest voter, 90 ms', quorum: 5, down: [], ms: 90, closing: 'e' },
        { name: 'with c unreachable, a quorum of 3 waits for d, 60 ms', quorum: 3, down: ['c'], ms: 60, closing: 'd' },
        {
            name: 'with b and c unreachable, a quorum of 3 waits for e, 90 ms',
            quorum: 3,
            down: ['b', 'c'],
            ms: 90,
            closing: 'e',
        },
    ])('$name', ({ quorum, down, ms, closing }) => {
        expect(quorumRoundTrip('a', VOTERS, quorum, rtt, (r) => !down.includes(r))).toEqual({
            kind: 'ok',
            ms,
            closing,
        });
    });

    it('counts every voter as reachable when nothing says otherwise', () => {
        expect(quorumRoundTrip('a', VOTERS, 4, rtt)).toEqual({ kind: 'ok', ms: 60, closing: 'd' });
    });

    it.each([
        { name: 'a quorum of 0 is no quorum', quorum: 0, down: [] },
        { name: 'a quorum larger than the voters is no quorum', quorum: 6, down: [] },
        { name: 'a quorum of 5 with one voter unreachable is no quorum', quorum: 5, down: ['d'] },
    ])('$name', ({ quorum, down }) => {
        expect(quorumRoundTrip('a', VOTERS, quorum, rtt, (r) => !down.includes(r))).toEqual({ kind: 'no-quorum' });
    });

    it('is unknown when the RTT to a reachable voter is unknown, and ignores it for an unreachable one', () => {
        expect(quorumRoundTrip('a', [...VOTERS, 'f'], 2, rtt)).toEqual({ kind: 'unknown' });
        expect(quorumRoundTrip('a', [...VOTERS, 'f'], 2, rtt, (r) => r !== 'f')).toEqual({
            kind: 'ok',
            ms: 10,
            closing: 'b',
        });
    });
});

describe('what a write waits after its quorum, and where it reads', () => {
    it.each([
        // docs/facts.md#cockroachdb-multi-region: a GLOBAL table waits out the 250 ms max clock offset.
        { name: 'a GLOBAL table waits 250 ms and reads locally', locality: 'global' as const, wait: 250, local: true },
        { name: 'a regional-by-row table waits nothing', locality: 'regional-by-row' as const, wait: 0, local: false },
        {
            name: 'a regional-by-table table waits nothing',
            locality: 'regional-by-table' as const,
            wait: 0,
            local: false,
        },
        { name: 'a store without a locality waits nothing', locality: undefined, wait: 0, local: false },
    ])('$name', ({ locality, wait, local }) => {
        expect(commitWaitMs(storeOf(locality))).toBe(wait);
        expect(readsLocally(storeOf(locality))).toBe(local);
    });
});
