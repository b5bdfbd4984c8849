// simulation/split-brain.ts on hand-built stores and counters: which promotions leave the old primary writable,
// and how a window counts the writes each side accepted while it was open.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../language/semantics/model.js';
import type { StorePlan } from '../../simulation/plan.js';
import {
    endSplitBrain,
    oldPrimaryStaysWritable,
    startSplitBrain,
    type SplitBrain,
} from '../../simulation/split-brain.js';

/** A store with replicas in regions 0 and 2 (slots 0 and 1); region 1 has none. */
const store = (mode: string, engine?: Engine) =>
    ({ id: 'db', mode, model: { engine }, slotOf: Int32Array.from([0, -1, 1]) }) as unknown as StorePlan;

describe('an old primary stays writable after a promotion', () => {
    it.each([
        {
            name: 'an asynchronous PostgreSQL copy: nothing fences it',
            mode: 'async',
            engine: 'postgres',
            writable: true,
        },
        {
            name: 'an asynchronous store of no declared engine: nothing says it is fenced',
            mode: 'async',
            engine: undefined,
            writable: true,
        },
        { name: "Aurora's managed failover fences it", mode: 'async', engine: 'aurora', writable: false },
        {
            name: 'an Azure Storage account failover moves its one endpoint',
            mode: 'async',
            engine: 'azure-blob',
            writable: false,
        },
        { name: 'a synchronous copy leaves no writable one behind', mode: 'sync', engine: 'postgres', writable: false },
        {
            name: 'a consensus store leaves no writable one behind',
            mode: 'consensus',
            engine: 'cockroachdb',
            writable: false,
        },
        {
            name: 'copies without replication are independent, not a second primary',
            mode: 'none',
            engine: 'redis',
            writable: false,
        },
    ] as const)('$name', ({ mode, engine, writable }) => {
        expect(oldPrimaryStaysWritable(store(mode, engine as Engine | undefined))).toBe(writable);
    });
});

describe('a split-brain window counts what each side accepted while it was open', () => {
    const window = (): SplitBrain => ({
        store: 0,
        oldPrimary: 0,
        newPrimary: 2,
        promotedAt: 1_000,
        startAt: -1,
        endAt: -1,
        oldAtStart: 0,
        newAtStart: 0,
        oldWrites: 0,
        newWrites: 0,
    });
    const db = store('async', 'postgres');

    it('opened at 5 s with 10 and 3 accepted, closed at 9 s with 17 and 11: 7 and 8 writes, ending at 9 s', () => {
        const b = window();
        startSplitBrain(b, 5_000, Float64Array.from([10, 3]), db);
        expect([b.startAt, b.oldAtStart, b.newAtStart]).toEqual([5_000, 10, 3]);
        endSplitBrain(b, 9_000, Float64Array.from([17, 11]), db, false);
        expect([b.endAt, b.oldWrites, b.newWrites]).toEqual([9_000, 7, 8]);
    });

    it('still open when the run ends: counted to the end, with no end time', () => {
        const b = window();
        startSplitBrain(b, 5_000, Float64Array.from([10, 3]), db);
        endSplitBrain(b, 60_000, Float64Array.from([12, 4]), db, true);
        expect([b.endAt, b.oldWrites, b.newWrites]).toEqual([-1, 2, 1]);
    });

    it('never opened (the old region never came back): nothing counted', () => {
        const b = window();
        endSplitBrain(b, 9_000, Float64Array.from([17, 11]), db, false);
        expect([b.endAt, b.oldWrites, b.newWrites]).toEqual([-1, 0, 0]);
    });

    it('closed once: a second close counts nothing more', () => {
        const b = window();
        startSplitBrain(b, 5_000, Float64Array.from([10, 3]), db);
        endSplitBrain(b, 9_000, Float64Array.from([17, 11]), db, false);
        endSplitBrain(b, 20_000, Float64Array.from([30, 30]), db, true);
        expect([b.endAt, b.oldWrites, b.newWrites]).toEqual([9_000, 7, 8]);
    });

    it('opened and closed at 0 s (the -1 of “not yet” is the only sentinel): counted once', () => {
        const b = window();
        startSplitBrain(b, 0, Float64Array.from([10, 3]), db);
        endSplitBrain(b, 0, Float64Array.from([12, 4]), db, false);
        endSplitBrain(b, 5_000, Float64Array.from([30, 30]), db, true);
        expect([b.startAt, b.endAt, b.oldWrites, b.newWrites]).toEqual([0, 0, 2, 1]);
    });

    it('a primary in a region beyond the plan’s regions is a broken plan, said so', () => {
        const b = { ...window(), oldPrimary: 5 };
        expect(() => startSplitBrain(b, 5_000, Float64Array.from([10, 3]), db)).toThrow(/db's replica slots/);
    });

    it('a primary in a region where the store has no replica is a broken plan, said so', () => {
        const b = { ...window(), newPrimary: 1 };
        expect(() => startSplitBrain(b, 5_000, Float64Array.from([10, 3]), db)).toThrow(/db's accepted writes/);
    });
});
