// Properties over generated inputs (fast-check): the event queue pops in (time, rank, insertion) order
// whatever is pushed; and for any small two-region design, outage and conflict strategy, a run keeps its
// invariants — a schema-valid report, counts that never exceed what was written, an RPO no older than the
// replication delay, no discards outside last-write-wins, and the same report for the same seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../simulation/engine/event-queue.js';
import { designOf, dynamoStore, runModelWithDeadline, TWO_US_REGIONS } from './helpers.js';

describe('event queue', () => {
    it('pops events in time, then rank, then insertion order for any mix of pushes and pops', () => {
        const op = fc.oneof(
            fc.record({
                push: fc.constant(true),
                time: fc.integer({ min: 0, max: 50 }),
                rank: fc.integer({ min: 0, max: 4 }),
            }),
            fc.record({ push: fc.constant(false) }),
        );
        fc.assert(
            fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
                const queue = new EventQueue(4);
                const reference: { time: number; rank: number; id: number }[] = [];
                let id = 0;
                for (const o of ops) {
                    if ('time' in o) {
                        queue.push(o.time, o.rank, 0, id);
                        reference.push({ time: o.time, rank: o.rank, id: id++ });
                    } else if (reference.length > 0) {
                        reference.sort((a, b) => a.time - b.time || a.rank - b.rank || a.id - b.id);
                        const expected = reference.shift()!;
                        queue.pop();
                        expect([queue.time, queue.arg]).toEqual([expected.time, expected.id]);
                    }
                }
                expect(queue.size).toBe(reference.length);
            }),
            { numRuns: 200 },
        );
    });
});

describe('simulation invariants', () => {
    it('hold for generated two-region designs', async () => {
        const arbitrary = fc.record({
            rate: fc.integer({ min: 1, max: 400 }),
            lagMs: fc.integer({ min: 1, max: 3_000 }),
            strategy: fc.constantFrom('lww', 'crdt pn-counter', 'vector-clocks'),
            shared: fc.integer({ min: 0, max: 100 }),
            keys: fc.integer({ min: 1, max: 5_000 }),
            outageAt: fc.integer({ min: 0, max: 290 }),
            outageFor: fc.integer({ min: 1, max: 300 }),
            eastShare: fc.integer({ min: 0, max: 100 }),
            seed: fc.integer({ min: 0, max: 1_000 }),
        });
        await fc.assert(
            fc.asyncProperty(arbitrary, async (p) => {
                const model = await designOf(`${TWO_US_REGIONS}
${dynamoStore('db', { lag: `${p.lagMs}ms`, conflicts: p.strategy })}
workload w for db { writes ${p.rate}/s from us-east-1 ${p.eastShare}%, us-west-2 ${100 - p.eastShare}%  keys ${p.keys} shared ${p.shared}% }
scenario s { workload w  duration 5m  at ${p.outageAt}s outage region us-east-1 for ${p.outageFor}s  seed ${p.seed} }
`);
                const report = await runModelWithDeadline(model);
                const s = report.stores[0]!;
                const delay = Math.max(p.lagMs, 39);
                expect(s.lostWrites).toBeLessThanOrEqual(s.writes.acknowledged);
                expect(s.discardedWrites).toBeLessThanOrEqual(s.writes.acknowledged);
                if (s.rpoMs !== null) expect(s.rpoMs).toBeLessThanOrEqual(delay);
                if (p.strategy !== 'lww') expect(s.discardedWrites).toBe(0);
                if (p.strategy === 'lww') expect(s.merges + s.siblings).toBe(0);
                for (const r of s.replicas)
                    expect(r.appliedWrites + r.pendingWrites).toBeLessThanOrEqual(s.writes.acknowledged);
                expect(report.summary.availability!).toBeGreaterThanOrEqual(0);
                expect(report.summary.availability!).toBeLessThanOrEqual(1);
                expect(JSON.stringify(await runModelWithDeadline(model))).toBe(JSON.stringify(report));
            }),
            { numRuns: 25 },
        );
    });
});
