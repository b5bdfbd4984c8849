// The results view's reading of a seed sweep: expectations with the run they were judged on, one row per metric
// with its four values in the view's units and the worst seed, and a clear refusal of what it cannot show.
import { describe, expect, it } from 'vitest';
import { buildSweep } from '../../simulation/sweep.js';
import type { RunMetrics, SeedOutcome } from '../../simulation/sweep-metrics.js';
import { adaptSweep, isSweep } from '../../webview/simulation/adapt-sweep.js';
import { designOf } from '../simulation/helpers.js';
import { sweepDesign } from '../simulation/sweep-design.js';

const run = (seed: number, rto: number, lost: number, passed: boolean): SeedOutcome => ({
    seed,
    metrics: {
        rto: rto,
        rpo: 0,
        'lost-writes': lost,
        availability: 0.99,
        'stranded-writes': 0,
        'overwritten-at-heal': 0,
        'split-brain-writes': 0,
        'rejected-writes': 0,
        'throttled-writes': 0,
        'discarded-writes': 0,
        'lost-increments': null,
        'stranded-messages': null,
        duplicates: null,
        'stale-reads': null,
        'write-latency-p99': 12.5,
    } satisfies RunMetrics,
    expectations: [{ passed, measured: rto, measuredText: `${rto / 1000} s` }],
    objectives: [],
});

describe('the seed sweep in the results view', () => {
    it('shows each expectation with the judged run, and each metric with min / p50 / p95 / max and its worst seed', async () => {
        const model = await designOf(sweepDesign(['expect rto p50 <= 145s']));
        const sweep = buildSweep(model, 's', [
            run(7, 141_000, 3, true),
            run(8, 149_000, 9, false),
            run(9, Infinity, 1, false),
        ]);
        const view = adaptSweep(JSON.parse(JSON.stringify(sweep)));
        expect(view.scenario).toBe('s');
        expect(view.expectations).toEqual([
            expect.objectContaining({
                text: 'expect rto p50 <= 145s',
                passed: false,
                measured: 'p50 run: 149 s (seed 8); 1 of 3 runs met it',
            }),
        ]);
        expect(view.spread.find((r) => r.metric === 'RTO (worst interruption)')).toEqual({
            metric: 'RTO (worst interruption)',
            values: ['2 m 21 s', '2 m 29 s', 'never', 'never'],
            worstSeed: '9',
        });
        expect(view.spread.find((r) => r.metric === 'lost writes')).toEqual({
            metric: 'lost writes',
            values: ['1', '3', '9', '9'],
            worstSeed: '8',
        });
        expect(view.spread.find((r) => r.metric.startsWith('stale reads'))).toEqual({
            metric: 'stale reads (0 of 3 runs)',
            values: ['—', '—', '—', '—'],
            worstSeed: '—',
        });
        expect(view.facts[1]).toEqual({
            label: 'Worst run',
            value: expect.stringMatching(/^seed 9 — fails 1 of 1 expectation/),
        });
    });

    it.each([
        {
            name: 'a single run report is not a sweep',
            value: { schemaVersion: '1.1.0', expectations: [] },
            error: 'the report is not a seed sweep',
        },
        {
            name: 'a future major version',
            value: { kind: 'seed-sweep', schemaVersion: '2.0.0' },
            error: 'seed sweep schema version 2.0.0 is not supported by this view (expected 1.x)',
        },
        {
            name: 'a sweep without its lists',
            value: { kind: 'seed-sweep', schemaVersion: '1.0.0' },
            error: 'the seed sweep has no expectations list',
        },
    ])('refuses $name with a message', ({ value, error }) => {
        expect(() => adaptSweep(value)).toThrow(error);
    });

    it('lists each declared objective with the run it was judged on and links it to its term', async () => {
        const text = sweepDesign([]).replace('    uses      db\n', '    uses      db\n    objective rto 145s\n');
        // The checker predicts the miss (rto-unachievable); a sweep still runs and judges it.
        const model = await designOf(text, true);
        const judged = (rto: number, passed: boolean) => ({
            ...run(rto === 141_000 ? 7 : 8, rto, 0, passed),
            expectations: [],
            objectives: [{ passed, measured: rto, measuredText: `${rto / 1000} s` }],
        });
        const view = adaptSweep(
            JSON.parse(JSON.stringify(buildSweep(model, 's', [judged(141_000, true), judged(149_000, false)]))),
        );
        const line = text.split('\n').findIndex((l) => l.includes('objective rto 145s'));
        expect(view.objectives).toEqual([
            {
                text: 'api: objective rto 2 m 25 s',
                passed: false,
                measured: 'worst run: 149 s (seed 8); 1 of 2 runs met it',
                location: { uri: model.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } },
            },
        ]);
    });

    it('shows no objectives for a sweep from before schema 1.2', async () => {
        const model = await designOf(sweepDesign([]));
        const { objectives: _none, ...old } = {
            ...buildSweep(model, 's', [run(7, 141_000, 0, true)]),
            schemaVersion: '1.1.0',
        };
        expect(adaptSweep(old).objectives).toEqual([]);
    });

    it('tells a sweep from a single run', () => {
        expect([isSweep({ kind: 'seed-sweep' }), isSweep({ schemaVersion: '1.1.0' }), isSweep(null)]).toEqual([
            true,
            false,
            false,
        ]);
    });
});
