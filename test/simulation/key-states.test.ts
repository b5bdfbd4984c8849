// Per-key conflict state keeps the replica each value came from exactly, however many replicas a store has:
// a wrong origin would silently turn a last-write-wins discard into an ordinary apply, or a live value into one
// already counted as lost.
import { describe, expect, it } from 'vitest';
import { applyRemote, ApplyResult, KeyStates, slotArray } from '../../simulation/replication.js';
import { pathologicalDesign, regionNames } from '../robustness/pathological-designs.js';
import { designOf, runModel } from './helpers.js';

describe('key states of stores with many replicas', () => {
    it.each([
        { replicas: 2, slot: 1 },
        { replicas: 128, slot: 127 },
        { replicas: 129, slot: 128 },
        { replicas: 255, slot: 200 },
        { replicas: 255, slot: 254 },
    ])(
        'remembers that replica $slot of $replicas wrote a key and counts its value discarded by a concurrent write',
        ({ replicas, slot }) => {
            const states = new KeyStates(1, replicas);
            states.writeLocal(0, slot, 10);
            expect(states.valueOrigin[slot]).toBe(slot);
            // Replica 0 wrote the key at 20 ms without having seen the write at 10 ms: concurrent, and later.
            const seen = new Float64Array(replicas).fill(-1);
            seen[0] = 20;
            expect(applyRemote(states, 'lww', 0, slot, 0, 20, seen, 0)).toBe(ApplyResult.discardedLocal);
        },
    );
});

describe('a store replicated to more than 127 regions', () => {
    it('counts the last-write-wins discards of the replica in its 130th region', async () => {
        const last = regionNames(128).at(-1)!;
        const model = await designOf(
            pathologicalDesign({
                extraRegions: 128,
                workload: `writes 50/s from us-east-1 50%, ${last} 50%  keys 10 shared 100%`,
                scenario: `workload w  duration 10s\nexpect discarded-writes in us-east-1 > 0\nexpect discarded-writes in ${last} > 0`,
            }),
            true,
        );
        const report = runModel(model, 's');
        expect(report.expectations.map((e) => `${e.text}: ${e.passed}`)).toEqual([
            'expect discarded-writes in us-east-1 > 0: true',
            `expect discarded-writes in ${last} > 0: true`,
        ]);
    });
});

describe('the array of replica slots', () => {
    it.each([1, 128, 129, 32_768, 32_769, 1_000_000])(
        'holds every slot of %i replicas and the lost-value mark',
        (replicas) => {
            const slots = slotArray(2, replicas);
            slots[0] = replicas - 1;
            slots[1] = -2;
            expect([...slots]).toEqual([replicas - 1, -2]);
        },
    );
});
