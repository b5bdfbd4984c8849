// The event budget bounds every run before it starts: a scenario beyond it is refused with the budget and the
// estimate, or — when it declares a resolution coarse enough — simulated one write in k, with the same keys
// sampled alike so per-key conflict rates, and therefore the counts once scaled, stay right. Half the writes of
// this design go to shared keys whose conflicts are tracked, which costs 43,200,000 events on top of its
// 14,400,000: a budget of 4,000,000 makes it one write in 15.
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../simulation/errors.js';
import { pathologicalDesign } from '../robustness/pathological-designs.js';
import { designOf, dynamoStore, runModel, TWO_US_REGIONS } from './helpers.js';

const design = (resolution: string) => `${TWO_US_REGIONS}
${dynamoStore('counter', { lag: '500ms' })}
workload w for counter { writes 2000/s from us-east-1 50%, us-west-2 50%  keys 2000 shared 50% }
scenario big {
    workload w
    duration 1h
    ${resolution}
    at 30m outage region us-east-1 for 5m
    seed 3
}
`;

describe('event budget', () => {
    it('refuses a scenario beyond the budget, naming the budget, the estimate and the resolution that would fit', async () => {
        const model = await designOf(design(''));
        let error: unknown;
        try {
            runModel(model, 'big', { eventBudget: 4_000_000 });
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(SimulationError);
        expect((error as SimulationError).kind).toBe('over-budget');
        expect((error as Error).message).toMatch(
            /^scenario big needs about 14,400,[0-9]{3} events \(7,200,000 writes, 7,200,000 replication deliveries, and conflict tracking on shared keys worth 43,200,000 events\) — more than the event budget of 4,000,000\. .* declare 'resolution 15ms' \(or coarser\) in the scenario to simulate one write in 15\.$/,
        );
    });

    it('refuses when the declared resolution is finer than the coarsening the budget needs', async () => {
        const model = await designOf(design('resolution 1ms'));
        expect(() => runModel(model, 'big', { eventBudget: 4_000_000 })).toThrow(
            /declared resolution of 1 ms allows simulating one write in 1 at most, and it needs one in 15: declare 'resolution 15ms' or coarser/,
        );
    });

    it('runs sampled within a declared resolution, with counts that match the exact run', async () => {
        const exact = runModel(await designOf(design('')), 'big', { eventBudget: 100_000_000 });
        const sampled = runModel(await designOf(design('resolution 10s')), 'big', { eventBudget: 4_000_000 });
        expect(exact.run.resolution).toMatchObject({ mode: 'exact', sampling: 1 });
        expect(sampled.run.resolution).toMatchObject({ mode: 'sampled', sampling: 15, declaredMs: 10_000 });
        expect(sampled.run.simulatedWrites).toBeLessThan(exact.run.simulatedWrites / 10);
        // Lost writes at the outage: ≈ 1000/s × 0.5 s = 500 exact; the sampled count is 15 × Poisson(≈ 33): ±4σ ≈ 366.
        expect(Math.abs(sampled.summary.lostWrites - exact.summary.lostWrites)).toBeLessThanOrEqual(
            4 * 15 * Math.sqrt(500 / 15) + 4 * Math.sqrt(500),
        );
        // LWW discards depend on per-key rates, which key sampling keeps: the scaled count stays within 10 %.
        expect(
            Math.abs(sampled.summary.discardedWrites - exact.summary.discardedWrites) / exact.summary.discardedWrites,
        ).toBeLessThan(0.1);
        // Recovery and availability do not depend on the sampling at all.
        expect(sampled.summary.worstRtoMs).toBe(exact.summary.worstRtoMs);
        expect(sampled.run.resolution.note).toContain('one write in 15 simulated');
    });
});

describe('faults outside the scenario', () => {
    const late = (fault: string) =>
        pathologicalDesign({
            workload: 'writes 10/s from us-east-1 50%, us-west-2 50%',
            scenario: `workload w  duration 2h\n${fault}`,
        });

    it('leaves out a fault that starts after the scenario ends, with a note naming it, instead of refusing for writes in flight', async () => {
        const report = runModel(await designOf(late('at 5h outage region us-east-1 for 99999999d'), true), 's');
        expect(report.notes.join('\n')).toBe(
            'the outage of us-east-1 at 5 h (line 28) starts after the scenario ends at 2 h, so it is not simulated: move it inside the scenario or lengthen the scenario',
        );
        expect(report.timeline.filter((t) => t.kind === 'fault-start')).toEqual([]);
        expect(report.summary.lostWrites).toBe(0);
    });

    it('counts a fault that lasts beyond the scenario only until the scenario ends', async () => {
        const report = runModel(await designOf(late('at 1h outage region us-east-1 for 99999999d'), true), 's');
        expect(report.run.resolution.mode).toBe('exact');
        expect(report.timeline.filter((t) => t.kind === 'fault-start')).toHaveLength(1);
    });
});
