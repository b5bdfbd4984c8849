// The counters' bookkeeping on its own (simulation/counter-increments.ts), without a simulation around it: which
// stores it follows, how many numbers it keeps, and what it counts as lost. Each case is a short history worked by
// hand: an increment reads its replica's current value and writes value + 1 at its time; a replica that adopts a
// replicated version takes its value; once converged the counter reads the newest version written anywhere, so
// lost = acknowledged − that version's value. A key whose write still waits on a cut link has not converged: its
// increments are counted apart, never as lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterState, CounterStates, followsIncrements } from '../../simulation/counter-increments.js';
import type { StorePlan } from '../../simulation/plan.js';

type Followed = Parameters<typeof followsIncrements>[0];
const plan = (mode: string, conflicts: string, shape: string): Followed =>
    ({ mode, conflicts, model: { shape } }) as unknown as Pick<StorePlan, 'mode' | 'conflicts' | 'model'>;

describe('which stores have their increments followed', () => {
    it.each([
        { name: 'an asynchronous LWW counter is followed', store: plan('async', 'lww', 'counter'), follows: true },
        { name: 'a synchronous counter loses nothing to LWW', store: plan('sync', 'lww', 'counter'), follows: false },
        { name: 'a CRDT counter merges increments', store: plan('async', 'crdt', 'counter'), follows: false },
        { name: 'an LWW register has no increments', store: plan('async', 'lww', 'register'), follows: false },
    ])('$name', ({ store, follows }) => {
        expect(followsIncrements(store)).toBe(follows);
    });
});

describe('the numbers kept are the ones the budget counts', () => {
    // Per key and replica one value; per key the acknowledged count and the newest version's time and value.
    it.each([
        { name: 'one key over two replicas keeps 2 + 3 = 5 numbers', keys: 1, replicas: 2, numbers: 5 },
        { name: '10 keys over three replicas keep 10 × (3 + 3) = 60 numbers', keys: 10, replicas: 3, numbers: 60 },
    ])('$name', ({ keys, replicas, numbers }) => {
        const states = new CounterStates(keys, replicas);
        const held =
            states.value.length + states.acknowledged.length + states.newestTime.length + states.newestValue.length;
        expect([counterState(keys, replicas), held]).toEqual([numbers, numbers]);
    });
});

type Step =
    | { readonly increment: readonly [key: number, slot: number, time: number] }
    | { readonly adopt: readonly [key: number, slot: number, value: number] };

/** Plays `steps` on fresh states; returns the value each increment wrote and the summary (`waiting` keys apart). */
function play(keys: number, replicas: number, steps: readonly Step[], waiting: readonly number[] = []) {
    const states = new CounterStates(keys, replicas);
    const written = steps.flatMap((s) =>
        'increment' in s ? [states.increment(...s.increment)] : (states.adopt(...s.adopt), []),
    );
    return { written, summary: states.summary((key) => waiting.includes(key)) };
}

describe('what an increment writes, and what is lost once replication converges', () => {
    it.each([
        {
            name: 'a key no one wrote loses nothing and is not counted as waiting, even on a cut link',
            keys: 1,
            steps: [],
            waiting: [0],
            written: [],
            summary: { lost: 0, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            name: 'three increments in one replica write 1, 2, 3 and lose none',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { increment: [0, 0, 1] }, { increment: [0, 0, 2] }],
            written: [1, 2, 3],
            summary: { lost: 0, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // A writes 1 at 0, B (stale) writes 1 at 0.5: the newest version (B's) holds 1 of 2.
            name: 'two concurrent increments in two replicas: the newest holds 1, so 1 is lost',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { increment: [0, 1, 0.5] }],
            written: [1, 1],
            summary: { lost: 1, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // B adopts A's version (1) before writing: B writes 2, which carries both.
            name: 'an increment after adopting the other replica’s version carries it: none lost',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { adopt: [0, 1, 1] }, { increment: [0, 1, 2] }],
            written: [1, 2],
            summary: { lost: 0, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // Key 1: A writes 1, B adopts it and writes 2, carrying both; key 0's values are untouched (B then writes 1
            // there, the only increment of key 0). Nothing lost on either key.
            name: 'a version adopted for one key leaves the other keys’ values alone',
            keys: 2,
            steps: [{ increment: [1, 0, 0] }, { adopt: [1, 1, 1] }, { increment: [1, 1, 1] }, { increment: [0, 1, 2] }],
            written: [1, 2, 1],
            summary: { lost: 0, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // A: 1 at 0, 2 at 0.1; B (stale) 1 at 0.5, the newest: 3 acknowledged − 1 = 2 lost.
            name: 'two increments overwritten by one newer concurrent write: 2 lost',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { increment: [0, 0, 0.1] }, { increment: [0, 1, 0.5] }],
            written: [1, 2, 1],
            summary: { lost: 2, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // A at 0 then 0.6 (writes 1, 2), B at 0.5 (writes 1): A's 2 at 0.6 is newest, 3 − 2 = 1 lost.
            name: 'a later write of the first replica carries its own earlier increment: 1 lost of 3',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { increment: [0, 1, 0.5] }, { increment: [0, 0, 0.6] }],
            written: [1, 1, 2],
            summary: { lost: 1, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // Two writes at the same time: the first keeps the newest version (value 2 from A), 3 − 2 = 1 lost; had
            // the tie gone to the second (B's 1), 2 would be lost.
            name: 'at a tie in time the first write stays the newest version',
            keys: 1,
            steps: [{ increment: [0, 0, 0] }, { increment: [0, 0, 1] }, { increment: [0, 1, 1] }],
            written: [1, 2, 1],
            summary: { lost: 1, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // The first write at time 0 is newer than "never written" (its time starts below any write's).
            name: 'a single write at time 0 is the newest version: none lost',
            keys: 1,
            steps: [{ increment: [0, 1, 0] }],
            written: [1],
            summary: { lost: 0, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // Key 0: A 1 at 0, B 1 at 1 → 1 lost. Key 1: three in C → none. Keys keep their own replicas' values.
            name: 'keys are counted apart, each with its own replicas',
            keys: 2,
            steps: [
                { increment: [0, 0, 0] },
                { increment: [1, 2, 0.2] },
                { increment: [1, 2, 0.4] },
                { increment: [0, 1, 1] },
                { increment: [1, 2, 0.6] },
            ],
            written: [1, 1, 2, 1, 3],
            summary: { lost: 1, notConvergedKeys: 0, notConvergedIncrements: 0 },
        },
        {
            // Key 0 waits on a cut link: its 2 increments are stranded, not lost. Key 1 lost 1 of 2 as above.
            name: 'a key waiting on a cut link counts its increments apart, not as lost',
            keys: 2,
            steps: [
                { increment: [0, 0, 0] },
                { increment: [0, 1, 0.5] },
                { increment: [1, 0, 0] },
                { increment: [1, 1, 0.5] },
            ],
            waiting: [0],
            written: [1, 1, 1, 1],
            summary: { lost: 1, notConvergedKeys: 1, notConvergedIncrements: 2 },
        },
        {
            name: 'every key waiting: nothing lost yet, every increment stranded',
            keys: 2,
            steps: [{ increment: [0, 0, 0] }, { increment: [1, 1, 0] }, { increment: [1, 1, 1] }],
            waiting: [0, 1],
            written: [1, 1, 2],
            summary: { lost: 0, notConvergedKeys: 2, notConvergedIncrements: 3 },
        },
    ] satisfies readonly {
        name: string;
        keys: number;
        steps: readonly Step[];
        waiting?: readonly number[];
        written: readonly number[];
        summary: object;
    }[])('$name', ({ keys, steps, waiting, written, summary }) => {
        expect(play(keys, 3, steps, waiting)).toEqual({ written, summary });
    });

    // Without replication every replica counts alone, so the newest version holds only its own replica's count:
    // lost = all increments − those the replica that wrote last had made by then (the first write at a tie).
    it('with no version adopted, the loss is every increment but those the newest version’s replica had made', () => {
        fc.assert(
            fc.property(
                fc.array(fc.record({ slot: fc.nat(2), time: fc.nat(50) }), { minLength: 1, maxLength: 40 }),
                (writes) => {
                    const ordered = [...writes].sort((a, b) => a.time - b.time);
                    const latest = Math.max(...ordered.map((w) => w.time));
                    const first = ordered.findIndex((w) => w.time === latest);
                    const last = ordered[first]!.slot;
                    const ownCount = ordered.slice(0, first + 1).filter((w) => w.slot === last).length;
                    const { summary } = play(
                        1,
                        3,
                        ordered.map((w) => ({ increment: [0, w.slot, w.time] as const })),
                    );
                    expect(summary.lost).toBe(ordered.length - ownCount);
                },
            ),
        );
    });
});
