// The faults in effect (simulation/faults.ts) on hand-built fault plans over three regions: which regions are down,
// which pairs a partition cuts, which control planes are impaired, overlapping faults counted one by one, the
// order of the faults in effect, a flap's failing probes, and a store's lag under spikes. Every answer is read off
// the fault list in its row (fast enough to run per mutant, which the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import { FaultState, lagFor } from '../../simulation/faults.js';
import type { FaultPlan, Plan } from '../../simulation/plan.js';
import { REGIONS } from './fault-design.js';

type Spec =
    | { kind: 'outage' | 'destroy' | 'control-plane'; region: number; at?: number }
    | { kind: 'partition'; a: number; b: number; at?: number }
    | { kind: 'lag-spike'; at?: number }
    | { kind: 'flap'; region: number; targetName?: string; periodMs?: number; at?: number }
    | { kind: 'degrade' | 'fail'; region: number; at?: number };

/** Fault i of the plan is `specs[i]`, starting at its `at` (0 unless given). */
function stateOf(specs: Spec[]): { state: FaultState; faults: FaultPlan[] } {
    const faults = specs.map((s, index) => ({ index, at: 0, until: 1e9, label: `fault ${index}`, ...s }) as FaultPlan);
    const plan = { regions: REGIONS, faults } as unknown as Plan;
    return { state: new FaultState(plan), faults };
}

/** Every answer of the state over the three regions, as lists a row can spell out. */
function answers(state: FaultState) {
    const pairs = [
        [0, 1],
        [0, 2],
        [1, 2],
    ];
    const name = ([a, b]: number[]) => `${a}-${b}`;
    return {
        down: [0, 1, 2].filter((r) => state.isDown(r)),
        partitioned: pairs.filter(([a, b]) => state.partitioned(a!, b!) && state.partitioned(b!, a!)).map(name),
        /** Cut one way only: a partition must cut both. */
        oneWay: pairs.filter(([a, b]) => state.partitioned(a!, b!) !== state.partitioned(b!, a!)).map(name),
        unreachable: pairs.filter(([a, b]) => state.unreachable(a!, b!) && state.unreachable(b!, a!)).map(name),
        controlPlaneDown: [0, 1, 2].filter((r) => !state.controlPlaneAvailable(r)),
    };
}

const NOTHING = { down: [], partitioned: [], oneWay: [], unreachable: [], controlPlaneDown: [] };

describe('what the faults in effect take away', () => {
    it.each<[string, Spec[], Partial<ReturnType<typeof answers>>]>([
        [
            'an outage takes its region down: unreachable from both others, its control plane with it',
            [{ kind: 'outage', region: 1 }],
            { down: [1], unreachable: ['0-1', '1-2'], controlPlaneDown: [1] },
        ],
        [
            'a destroy takes its region down exactly as an outage does',
            [{ kind: 'destroy', region: 2 }],
            { down: [2], unreachable: ['0-2', '1-2'], controlPlaneDown: [2] },
        ],
        [
            'a partition cuts its pair both ways and leaves every region up',
            [{ kind: 'partition', a: 0, b: 2 }],
            { partitioned: ['0-2'], unreachable: ['0-2'] },
        ],
        [
            'a partition written the other way round cuts the same pair',
            [{ kind: 'partition', a: 2, b: 1 }],
            { partitioned: ['1-2'], unreachable: ['1-2'] },
        ],
        [
            'a control-plane impairment leaves its region up and reachable',
            [{ kind: 'control-plane', region: 0 }],
            { controlPlaneDown: [0] },
        ],
        [
            'a lag spike, a flap, a degrade and a fail take nothing down',
            [
                { kind: 'lag-spike' },
                { kind: 'flap', region: 0 },
                { kind: 'degrade', region: 1 },
                { kind: 'fail', region: 2 },
            ],
            {},
        ],
        [
            'an outage and a partition together: the outage cuts two pairs, the partition the third',
            [
                { kind: 'outage', region: 0 },
                { kind: 'partition', a: 1, b: 2 },
            ],
            { down: [0], partitioned: ['1-2'], unreachable: ['0-1', '0-2', '1-2'], controlPlaneDown: [0] },
        ],
    ])('%s', (_, specs, expected) => {
        const { state, faults } = stateOf(specs);
        expect(answers(state)).toEqual(NOTHING);
        faults.forEach((f) => state.start(f));
        expect(answers(state)).toEqual({ ...NOTHING, ...expected });
        expect(state.activeCount).toBe(specs.length);
        faults.forEach((f) => state.end(f));
        expect(answers(state)).toEqual(NOTHING);
        expect(state.activeCount).toBe(0);
    });

    it('a region never counts as partitioned from itself, even inside a partition of itself', () => {
        const { state, faults } = stateOf([{ kind: 'partition', a: 1, b: 1 }]);
        state.start(faults[0]!);
        expect([0, 1, 2].map((r) => state.partitioned(r, r))).toEqual([false, false, false]);
        expect(state.unreachable(1, 1)).toBe(false);
    });
});

describe('overlapping faults are counted, so the first to end leaves the other in effect', () => {
    it.each<[string, Spec[], Partial<ReturnType<typeof answers>>]>([
        [
            'two outages of one region: down until both end',
            [
                { kind: 'outage', region: 1 },
                { kind: 'outage', region: 1 },
            ],
            { down: [1], unreachable: ['0-1', '1-2'], controlPlaneDown: [1] },
        ],
        [
            'two partitions of one pair, written both ways: cut until both end',
            [
                { kind: 'partition', a: 0, b: 1 },
                { kind: 'partition', a: 1, b: 0 },
            ],
            { partitioned: ['0-1'], unreachable: ['0-1'] },
        ],
        [
            'two control-plane impairments of one region: impaired until both end',
            [
                { kind: 'control-plane', region: 2 },
                { kind: 'control-plane', region: 2 },
            ],
            { controlPlaneDown: [2] },
        ],
    ])('%s', (_, specs, whileOne) => {
        const { state, faults } = stateOf(specs);
        faults.forEach((f) => state.start(f));
        state.end(faults[0]!);
        expect(answers(state)).toEqual({ ...NOTHING, ...whileOne });
        expect(state.activeCount).toBe(1);
        state.end(faults[1]!);
        expect(answers(state)).toEqual(NOTHING);
    });
});

describe('the faults in effect, oldest start first', () => {
    it.each<[string, number[], number[], number[], number[]]>([
        ['later starts come after earlier ones, whatever the start order', [300, 100, 200], [0, 1, 2], [], [1, 2, 0]],
        ['equal starts keep the fault order', [100, 100, 50], [1, 0, 2], [], [2, 0, 1]],
        ['an ended fault is no longer listed', [100, 200, 300], [2, 0, 1], [1], [0, 2]],
    ])('%s', (_, starts, startOrder, ended, expected) => {
        const { state, faults } = stateOf(starts.map((at) => ({ kind: 'outage', region: 0, at })));
        for (const i of startOrder) state.start(faults[i]!);
        for (const i of ended) state.end(faults[i]!);
        expect(state.activeFaults()).toEqual(expected);
        expect(state.activeCount).toBe(expected.length);
    });
});

describe('whether a declared flap fails a health check', () => {
    // A flap from 2.5 s: with `every 1s` the check fails in [2.5, 3.5) s, passes in [3.5, 4.5) s, fails in
    // [4.5, 5.5) s … (a start that is not a whole number of periods tells time − start from time + start).
    it.each<[string, Spec, string, number, number, number, boolean]>([
        [
            'with a period: fails at its very start',
            { kind: 'flap', region: 1, periodMs: 1000 },
            'api',
            1,
            2500,
            1,
            true,
        ],
        [
            'with a period: still fails 1 ms before P',
            { kind: 'flap', region: 1, periodMs: 1000 },
            'api',
            1,
            3499,
            1,
            true,
        ],
        ['with a period: passes from P to 2P', { kind: 'flap', region: 1, periodMs: 1000 }, 'api', 1, 3500, 0, false],
        ['with a period: fails again from 2P', { kind: 'flap', region: 1, periodMs: 1000 }, 'api', 1, 5000, 1, true],
        ['without a period: fails on even probes', { kind: 'flap', region: 1 }, 'api', 1, 9000, 4, true],
        ['without a period: passes on odd probes', { kind: 'flap', region: 1 }, 'api', 1, 5000, 3, false],
        ['of the named target: fails its checks', { kind: 'flap', region: 1, targetName: 'api' }, 'api', 1, 0, 0, true],
        [
            'of another target: never fails this one',
            { kind: 'flap', region: 1, targetName: 'web' },
            'api',
            1,
            0,
            0,
            false,
        ],
        ['in another region: never fails this one', { kind: 'flap', region: 2 }, 'api', 1, 0, 0, false],
        ['an outage in the region is no flap: passes', { kind: 'outage', region: 1 }, 'api', 1, 0, 0, false],
    ])('%s', (_, spec, target, region, time, probe, fails) => {
        const { state, faults } = stateOf([{ ...spec, at: 2500 }]);
        expect(state.flapFails(target, region, time, probe)).toBe(false);
        state.start(faults[0]!);
        expect(state.flapFails(target, region, time, probe)).toBe(fails);
        state.end(faults[0]!);
        expect(state.flapFails(target, region, time, probe)).toBe(false);
    });

    it('an outage in the region before the flap is skipped, and the flap answers', () => {
        const { state, faults } = stateOf([
            { kind: 'outage', region: 1 },
            { kind: 'flap', region: 1, periodMs: 1000, at: 0 },
        ]);
        faults.forEach((f) => state.start(f));
        // At 1.5 s the flap is in its passing half; at 2.5 s in its failing one.
        expect([1500, 2500].map((t) => state.flapFails('api', 1, t, 0))).toEqual([false, true]);
    });
});

describe('a broken plan fails where it is read', () => {
    it.each<[string, Spec, RegExp]>([
        ['an outage of a region outside the plan', { kind: 'outage', region: 3 }, /down regions/],
        // Its first pair, 0 × 3 + 3, is in the R × R table; its second, 3 × 3 + 0, is not.
        [
            'a partition of a region outside the plan',
            { kind: 'partition', a: 0, b: 3 },
            /cut pairs: no element at index 9/,
        ],
        ['a control-plane impairment outside the plan', { kind: 'control-plane', region: -1 }, /impaired control/],
    ])('%s', (_, spec, message) => {
        const { state, faults } = stateOf([spec]);
        expect(() => state.start(faults[0]!)).toThrow(message);
    });

    // The pair table is R × R: (2, 3) reads index 2 × 3 + 3 = 9, one past its end.
    it('a fault whose index is not its place in the plan, when the faults in effect are listed or read', () => {
        // Two in effect, so the sort compares their starts.
        const { state, faults } = stateOf([
            { kind: 'flap', region: 1 },
            { kind: 'outage', region: 2 },
        ]);
        state.start({ ...faults[0]!, index: 7 });
        state.start(faults[1]!);
        expect(() => state.activeFaults()).toThrow(/fault: no element at index 7/);
        expect(() => state.flapFails('api', 1, 0, 0)).toThrow(/fault: no element at index 7/);
    });

    it('asking about a region outside the plan', () => {
        const { state } = stateOf([]);
        expect(() => state.isDown(3)).toThrow(/down regions/);
        expect(() => state.controlPlaneAvailable(3)).toThrow(/impaired control planes/);
        expect(() => state.partitioned(2, 3)).toThrow(/cut pairs/);
    });
});

describe("a store's replication lag for a write sent at a time", () => {
    // Declared 100 ms; a spike to 500 ms over [1, 2) s and one to 300 ms over [1.5, 3) s; one to 50 ms over [0, 4) s.
    const store = {
        lagMs: 100,
        spikes: [
            { from: 1000, to: 2000, lagMs: 500 },
            { from: 1500, to: 3000, lagMs: 300 },
            { from: 0, to: 4000, lagMs: 50 },
        ],
    };
    it.each([
        ['before any spike higher than declared: the declared lag', 999, 100],
        ['at a spike start: the spike', 1000, 500],
        ['where two spikes overlap: the higher', 1700, 500],
        ['1 ms before the spike ends: the spike', 1999, 500],
        ['at the end of one spike: the other, still on', 2000, 300],
        ['at the last spike end: the declared lag again', 3000, 100],
        ['under a spike lower than declared: the declared lag', 3500, 100],
    ])('%s', (_, time, lag) => {
        expect(lagFor(store, time)).toBe(lag);
    });

    it('with no spike: the declared lag', () => {
        expect(lagFor({ lagMs: 80, spikes: [] }, 0)).toBe(80);
    });
});
