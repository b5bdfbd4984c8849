// Who leads a consensus store after a fault (simulation/leadership.ts) and how the engine moves leadership
// (simulation/engine/mechanisms/leadership.ts), on hand-built plans over three regions with the
// docs/facts.md#cloudping-rtt-matrix RTTs (us-east-1↔eu-west-1 76, us-east-1↔ap-northeast-1 163,
// eu-west-1↔ap-northeast-1 220 ms) and a real fault state. The store has five voters, two in us-east-1 (its
// leader), two in eu-west-1 and one in ap-northeast-1, quorum 3: a leader's quorum round trip is the third
// smallest of its round trips to the voters it reaches. Every figure is worked by hand in its row (fast enough
// to run per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import { CONSENSUS } from '../../language/semantics/facts/defaults.js';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import { onElectionDone, updateLeadership } from '../../simulation/engine/mechanisms/leadership.js';
import { FaultState } from '../../simulation/faults.js';
import { canLead, electedLeader, electionOf } from '../../simulation/leadership.js';
import type { FaultPlan, Plan, StorePlan } from '../../simulation/plan.js';
import type { StoreRouting } from '../../simulation/routing.js';
import { APNE1, EUW1, REGIONS, RTT, USE1 } from './fault-design.js';
import { timelineRecorder } from './timeline-recorder.js';

const ELECTION_MS = CONSENSUS.cockroachLeaseFailoverMs.value;

interface StoreSpec {
    id?: string;
    engine?: string;
    mode?: string;
    voters?: number[];
    quorum?: number;
    leader?: number;
    commitWaitMs?: number;
    /** Regional-by-row stores: the voters of rows homed in a region. */
    votersByHome?: [number, number[]][];
}

/** Only what the leadership modules read of a store. */
function storePlan(index: number, spec: StoreSpec = {}): StorePlan {
    return {
        index,
        id: spec.id ?? 'tickets',
        mode: spec.mode ?? 'consensus',
        voters: spec.voters ?? [USE1, USE1, EUW1, EUW1, APNE1],
        quorum: spec.quorum ?? 3,
        leader: spec.leader ?? USE1,
        votersByHome: new Map(spec.votersByHome ?? []),
        commitWaitMs: spec.commitWaitMs ?? 0,
        model: { engine: 'engine' in spec ? spec.engine : 'cockroachdb', source: { store: index } },
    } as unknown as StorePlan;
}

type FaultSpec = { kind: 'outage'; region: number } | { kind: 'partition'; a: number; b: number };

/** A plan with `stores` and the faults `faults` (none in effect until started). */
function planOf(stores: StoreSpec[], faults: FaultSpec[] = []): Plan {
    return {
        regions: REGIONS,
        rtt: Float64Array.from(RTT),
        stores: stores.map((s, i) => storePlan(i, s)),
        faults: faults.map((f, index) => ({ index, at: 0, until: 1e9, label: `f${index}`, ...f }) as FaultPlan),
    } as unknown as Plan;
}

/** A fault state with every fault of the plan in effect. */
function faultsOf(plan: Plan): FaultState {
    const state = new FaultState(plan);
    plan.faults.forEach((f) => state.start(f));
    return state;
}

const outage = (region: number): FaultSpec => ({ kind: 'outage', region });
const partition = (a: number, b: number): FaultSpec => ({ kind: 'partition', a, b });

describe('which regions can lead and which one an election picks', () => {
    it.each<[string, StoreSpec, FaultSpec[], boolean[], number]>([
        ['no fault: every region reaches all five voters', {}, [], [true, true, true], USE1],
        [
            "the leader's region down: the other two reach 2 + 1 voters, eu-west-1's two win",
            {},
            [outage(USE1)],
            [false, true, true],
            EUW1,
        ],
        [
            'us-east-1 cut off from both others: it reaches its own 2 of 3; eu-west-1 wins',
            {},
            [partition(USE1, EUW1), partition(APNE1, USE1)],
            [false, true, true],
            EUW1,
        ],
        [
            'eu-west-1 cut from ap-northeast-1: each still reaches 4 or 3 voters; us-east-1 keeps it',
            {},
            [partition(EUW1, APNE1)],
            [true, true, true],
            USE1,
        ],
        [
            'two regions down: the last reaches its one voter, no quorum, no leader',
            {},
            [outage(USE1), outage(EUW1)],
            [false, false, false],
            -1,
        ],
        [
            'ties go to placement order: two voters each in ap-northeast-1 then eu-west-1',
            { voters: [APNE1, APNE1, EUW1, EUW1, USE1] },
            [],
            [true, true, true],
            APNE1,
        ],
        [
            'the most voters win over placement order: 1 in ap-northeast-1 first, 2 in eu-west-1',
            { voters: [APNE1, EUW1, EUW1, USE1, USE1] },
            [outage(USE1)],
            [false, true, true],
            EUW1,
        ],
        [
            'a region holding no voter can lead if it reaches a quorum, but never wins',
            { voters: [EUW1, APNE1, APNE1], quorum: 2 },
            [],
            [true, true, true],
            APNE1,
        ],
        [
            'quorum 1 of one voter: only a region reaching it can lead',
            { voters: [EUW1], quorum: 1 },
            [partition(USE1, EUW1)],
            [false, true, true],
            EUW1,
        ],
    ])('%s', (_, store, faults, lead, elected) => {
        const plan = planOf([store], faults);
        const state = faultsOf(plan);
        const s = plan.stores[0]!;
        expect([USE1, EUW1, APNE1].map((r) => canLead(plan, state, s, r))).toEqual(lead);
        expect(electedLeader(plan, state, s)).toBe(elected);
    });
});

describe('a broken plan fails where it is read', () => {
    it('an RTT matrix smaller than regions × regions: asking whether a region can lead names the RTT', () => {
        const plan = { ...planOf([{}]), rtt: Float64Array.from([0]) } as Plan;
        expect(() => canLead(plan, new FaultState(plan), plan.stores[0]!, USE1)).toThrow(/RTT: no element at index 1/);
    });
});

describe('how long an election stops writes', () => {
    it.each<[string, string | undefined, number, string]>([
        [
            'CockroachDB: its documented lease failover bound',
            'cockroachdb',
            ELECTION_MS,
            CONSENSUS.cockroachLeaseFailoverMs.source,
        ],
        [
            'Spanner: no documented figure, taken as immediate',
            'spanner',
            0,
            'no documented election time for spanner: taken as immediate (a lower bound)',
        ],
        [
            'no engine declared: immediate, said of "this engine"',
            undefined,
            0,
            'no documented election time for this engine: taken as immediate (a lower bound)',
        ],
    ])('%s', (_, engine, ms, source) => {
        expect(electionOf(storePlan(0, { engine }))).toEqual({ ms, source });
    });
});

/** An engine context over `stores` whose faults are started and ended by the test; it records what it is asked. */
function engine(stores: StoreSpec[], faults: FaultSpec[]) {
    const plan = planOf(stores, faults);
    const state = new FaultState(plan);
    const { rows, record } = timelineRecorder();
    const pushed: [number, number, number, number, number][] = [];
    const calls: string[] = [];
    const storeRouting = plan.stores.map(
        (s) => ({ leader: s.leader, candidate: -1, electionStamp: 0 }) as unknown as StoreRouting,
    );
    const ctx = {
        plan,
        faults: state,
        work: { scans: 0 },
        storeRouting,
        queue: {
            push: (t: number, rank: number, kind: number, a: number, b: number) => pushed.push([t, rank, kind, a, b]),
        },
        record(...row: Parameters<typeof record>) {
            record(...row);
            calls.push('record');
        },
        integrate: (t: number) => calls.push(`integrate ${t}`),
        changed: (t: number) => calls.push(`changed ${t}`),
    } as unknown as EngineContext;
    const start = (i: number) => state.start(plan.faults[i]!);
    const end = (i: number) => state.end(plan.faults[i]!);
    return { ctx, rows, pushed, calls, routing: storeRouting, start, end, plan };
}

const T = 300_000;
const SOURCE = CONSENSUS.cockroachLeaseFailoverMs.source;

describe('an election after the leader is lost, and leadership returning', () => {
    it("the leader's region goes down: an election of eu-west-1 is queued for 9 s later, writes fail meanwhile", () => {
        const e = engine([{}], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: EUW1, electionStamp: 1 });
        expect(e.rows).toEqual([
            {
                t: T,
                kind: 'routing-change',
                text: `tickets: the leader in us-east-1 is lost; electing one in eu-west-1 (9 s, ${SOURCE}), writes fail meanwhile`,
                target: 'tickets',
                region: USE1,
                cause: { store: 0 },
            },
        ]);
        expect(e.pushed).toEqual([[T + ELECTION_MS, Rank.control, EventKind.election, 0, 1]]);
        // Each look at a consensus store scans its five voters.
        expect(e.ctx.work.scans).toBe(5);
    });

    it('the election completes: eu-west-1 leads, a write there waits for 220 ms (its third nearest voter)', () => {
        const e = engine([{}], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        e.calls.length = 0;
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        expect(e.routing[0]).toEqual({ leader: EUW1, candidate: -1, electionStamp: 1 });
        // The read flow is integrated up to the change first, and the tables rebuilt after it.
        expect(e.calls).toEqual([`integrate ${T + ELECTION_MS}`, 'record', `changed ${T + ELECTION_MS}`]);
        expect(e.rows[1]).toEqual({
            t: T + ELECTION_MS,
            kind: 'routing-change',
            text: 'tickets: new leader in eu-west-1; a write issued there now waits 220 ms for its quorum',
            target: 'tickets',
            region: EUW1,
            cause: { store: 0 },
        });
    });

    it('a stale election event (an older stamp) changes nothing', () => {
        const e = engine([{}], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        e.calls.length = 0;
        onElectionDone(e.ctx, 0, 0, T + ELECTION_MS);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: EUW1, electionStamp: 1 });
        expect(e.calls).toEqual([]);
    });

    it('an election event with no candidate left changes nothing', () => {
        const e = engine([{}], [outage(USE1), outage(EUW1)]);
        e.start(0);
        e.start(1);
        updateLeadership(e.ctx, T);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 1 });
        e.calls.length = 0;
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 1 });
        expect(e.calls).toEqual([]);
    });

    it('the preferred region back: leadership returns at once, writes wait 76 ms again', () => {
        const e = engine([{}], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        e.end(0);
        updateLeadership(e.ctx, 2 * T);
        expect(e.routing[0]).toEqual({ leader: USE1, candidate: -1, electionStamp: 2 });
        expect(e.rows.slice(2)).toEqual([
            {
                t: 2 * T,
                kind: 'routing-change',
                text: 'tickets: leadership returns to us-east-1; a write issued there now waits 76 ms for its quorum',
                target: 'tickets',
                region: USE1,
                cause: { store: 0 },
            },
        ]);
        expect(e.pushed).toHaveLength(1);
    });

    it('the preferred region back while the election runs: it leads again, the queued election is stale', () => {
        const e = engine([{}], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        e.end(0);
        updateLeadership(e.ctx, T + 1000);
        expect(e.routing[0]).toEqual({ leader: USE1, candidate: -1, electionStamp: 2 });
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        expect(e.routing[0]).toEqual({ leader: USE1, candidate: -1, electionStamp: 2 });
    });

    it('a GLOBAL table adds its commit wait to the quorum wait it reports', () => {
        const e = engine([{ commitWaitMs: 250 }], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        // 220 ms to the third voter + 250 ms of commit wait.
        expect(e.rows[1]!.text).toBe(
            'tickets: new leader in eu-west-1; a write issued there now waits 470 ms for its quorum',
        );
    });
});

describe('when leadership stays where it is', () => {
    it.each<[string, FaultSpec[], number[], StoreRouting]>([
        [
            'the preferred leader can lead and leads: nothing happens',
            [partition(EUW1, APNE1)],
            [0],
            { leader: USE1, candidate: -1, electionStamp: 0 } as StoreRouting,
        ],
        [
            'an election runs and its candidate can still lead: it goes on',
            [outage(USE1), partition(USE1, APNE1)],
            [0, 1],
            { leader: -1, candidate: EUW1, electionStamp: 1 } as StoreRouting,
        ],
    ])('%s', (_, faults, started, after) => {
        const e = engine([{}], faults);
        e.start(started[0]!);
        updateLeadership(e.ctx, T);
        const rows = e.rows.length;
        for (const i of started.slice(1)) e.start(i);
        updateLeadership(e.ctx, T + 1000);
        expect(e.routing[0]).toEqual(after);
        expect(e.rows).toHaveLength(rows);
        expect(e.pushed).toHaveLength(e.routing[0]!.candidate >= 0 ? 1 : 0);
    });

    it('a new leader that can still lead keeps leading when another fault starts', () => {
        const e = engine([{}], [outage(USE1), partition(USE1, APNE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        e.start(1);
        updateLeadership(e.ctx, T + 20_000);
        expect(e.routing[0]).toEqual({ leader: EUW1, candidate: -1, electionStamp: 1 });
        expect(e.rows).toHaveLength(2);
    });

    it.each<[string, StoreSpec]>([
        ['a store that does not replicate by consensus is skipped', { mode: 'sync' }],
        ['a consensus store without a leader is skipped', { leader: -1 }],
    ])('%s', (_, spec) => {
        const e = engine([spec], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        expect(e.rows).toEqual([]);
        expect(e.pushed).toEqual([]);
        expect(e.ctx.work.scans).toBe(0);
        expect(e.routing[0]!.electionStamp).toBe(0);
    });
});

describe('when no region reaches a quorum', () => {
    it('both voter-holding majorities down: no candidate, no election queued, writes fail', () => {
        const e = engine([{}], [outage(USE1), outage(EUW1)]);
        e.start(0);
        e.start(1);
        updateLeadership(e.ctx, T);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 1 });
        expect(e.rows).toEqual([
            {
                t: T,
                kind: 'routing-change',
                text: 'tickets: the leader in us-east-1 is lost and no region reaches a quorum of voters: writes fail',
                target: 'tickets',
                region: USE1,
                cause: { store: 0 },
            },
        ]);
        expect(e.pushed).toEqual([]);
    });

    it('a quorum reachable again without the preferred region: an election starts from the lost preferred leader', () => {
        const e = engine([{}], [outage(USE1), outage(EUW1)]);
        e.start(0);
        e.start(1);
        updateLeadership(e.ctx, T);
        e.end(1);
        updateLeadership(e.ctx, 2 * T);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: EUW1, electionStamp: 2 });
        expect(e.rows[1]!.text).toBe(
            `tickets: the leader in us-east-1 is lost; electing one in eu-west-1 (9 s, ${SOURCE}), writes fail meanwhile`,
        );
        expect(e.pushed).toEqual([[2 * T + ELECTION_MS, Rank.control, EventKind.election, 0, 2]]);
    });

    it('the elected leader loses its quorum too: the row names its region, not the preferred one', () => {
        const e = engine([{}], [outage(USE1), partition(EUW1, APNE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        e.start(1);
        updateLeadership(e.ctx, T + 20_000);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 2 });
        expect(e.rows[2]).toEqual({
            t: T + 20_000,
            kind: 'routing-change',
            text: 'tickets: the leader in eu-west-1 is lost and no region reaches a quorum of voters: writes fail',
            target: 'tickets',
            region: EUW1,
            cause: { store: 0 },
        });
    });

    it("a leader whose rows' voters it cannot reach reports no quorum instead of a wait", () => {
        // A regional-by-row store: rows homed in us-east-1 vote in ap-northeast-1 (three voters, quorum 3), which a
        // partition cuts off; us-east-1 still reaches 4 of the store's five voters, so it leads.
        const e = engine([{ votersByHome: [[USE1, [APNE1, APNE1, APNE1]]] }], [outage(USE1), partition(USE1, APNE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        e.end(0);
        e.start(1);
        updateLeadership(e.ctx, 2 * T);
        expect(e.routing[0]!.leader).toBe(USE1);
        expect(e.rows[2]!.text).toBe('tickets: leadership returns to us-east-1; no quorum reachable');
    });
});

describe('a store whose preferred leader is in ap-northeast-1, so the elected one can be us-east-1 (index 0)', () => {
    // Voters: one in ap-northeast-1, two each in us-east-1 and eu-west-1; us-east-1's come first, so it wins.
    const store = (engine: string): StoreSpec => ({ engine, leader: APNE1, voters: [APNE1, USE1, USE1, EUW1, EUW1] });
    const faults = [outage(APNE1), partition(EUW1, APNE1), outage(USE1)];

    it('CockroachDB: the election of us-east-1 runs on through an unrelated fault change and completes', () => {
        const e = engine([store('cockroachdb')], faults);
        e.start(0);
        updateLeadership(e.ctx, T);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: USE1, electionStamp: 1 });
        e.start(1);
        updateLeadership(e.ctx, T + 1000);
        expect(e.routing[0]).toEqual({ leader: -1, candidate: USE1, electionStamp: 1 });
        onElectionDone(e.ctx, 0, 1, T + ELECTION_MS);
        expect(e.routing[0]).toEqual({ leader: USE1, candidate: -1, electionStamp: 1 });
        expect(e.rows.map((r) => r.text)).toEqual([
            `tickets: the leader in ap-northeast-1 is lost; electing one in us-east-1 (9 s, ${SOURCE}), writes fail meanwhile`,
            'tickets: new leader in us-east-1; a write issued there now waits 76 ms for its quorum',
        ]);
    });

    it('Spanner: us-east-1 leads through an unrelated fault change, and its loss is named as its own', () => {
        const e = engine([store('spanner')], faults);
        e.start(0);
        updateLeadership(e.ctx, T);
        e.start(1);
        updateLeadership(e.ctx, T + 1000);
        expect(e.routing[0]).toEqual({ leader: USE1, candidate: -1, electionStamp: 1 });
        expect(e.rows).toHaveLength(2);
        e.start(2);
        updateLeadership(e.ctx, T + 2000);
        // eu-west-1 alone reaches its own two voters of five.
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 2 });
        expect(e.rows[2]!.text).toBe(
            'tickets: the leader in us-east-1 is lost and no region reaches a quorum of voters: writes fail',
        );
        expect(e.rows[2]!.region).toBe(USE1);
    });
});

describe('the quorum wait a leader reports', () => {
    it('a leader holding a quorum of voters in its own region waits 0 ms', () => {
        // Three of five voters in us-east-1: its third nearest voter is its own.
        const e = engine([{ voters: [USE1, USE1, USE1, EUW1, APNE1] }], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        // The two voters left cannot form a quorum of three: no election.
        expect(e.routing[0]).toEqual({ leader: -1, candidate: -1, electionStamp: 1 });
        e.end(0);
        updateLeadership(e.ctx, 2 * T);
        expect(e.rows[1]!.text).toBe(
            'tickets: leadership returns to us-east-1; a write issued there now waits 0 ms for its quorum',
        );
    });
});

describe('an engine without a documented election time elects at once', () => {
    it('Spanner: the loss and the new leader in one instant, nothing queued', () => {
        const e = engine([{ engine: 'spanner', id: 'ledger' }], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        expect(e.routing[0]).toEqual({ leader: EUW1, candidate: -1, electionStamp: 1 });
        expect(e.rows.map((r) => [r.t, r.region, r.text])).toEqual([
            [
                T,
                USE1,
                'ledger: the leader in us-east-1 is lost; electing one in eu-west-1 (0 ms, no documented election time for spanner: taken as immediate (a lower bound)), writes fail meanwhile',
            ],
            [T, EUW1, 'ledger: new leader in eu-west-1; a write issued there now waits 220 ms for its quorum'],
        ]);
        expect(e.pushed).toEqual([]);
        // The core integrates and rebuilds the tables after every fault change: elect() itself does neither.
        expect(e.calls).toEqual(['record', 'record']);
    });

    it('two stores: each is looked at, and each election carries its own store index', () => {
        const e = engine([{ engine: 'spanner', id: 'ledger' }, { id: 'tickets' }], [outage(USE1)]);
        e.start(0);
        updateLeadership(e.ctx, T);
        expect(e.routing.map((r) => r.leader)).toEqual([EUW1, -1]);
        expect(e.pushed).toEqual([[T + ELECTION_MS, Rank.control, EventKind.election, 1, 1]]);
        expect(e.ctx.work.scans).toBe(10);
        onElectionDone(e.ctx, 1, 1, T + ELECTION_MS);
        expect(e.routing.map((r) => r.leader)).toEqual([EUW1, EUW1]);
    });
});
