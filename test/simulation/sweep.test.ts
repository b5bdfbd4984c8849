// Seed sweeps without the CLI: how seeds derive from the base, how clauses are judged across runs (a table whose
// expected verdicts are counted by hand from the runs), the spread of each metric, the worst run, and what a
// single run says about a percentile clause.
import { describe, expect, it } from 'vitest';
import type { ExpectationM } from '../../language/semantics/model.js';
import { buildSweep } from '../../simulation/sweep.js';
import { judgeAcrossSeeds } from '../../simulation/sweep-judge.js';
import { runMetrics, type RunMetrics, type SeedOutcome } from '../../simulation/sweep-metrics.js';
import { fmix32, MAX_SWEEP_SEEDS, seedCountProblem, sweepSeeds } from '../../simulation/sweep-seeds.js';
import { designOf, MINUTE, runModel } from './helpers.js';
import { sweepDesign } from './sweep-design.js';

const NO_METRICS: RunMetrics = {
    rto: null,
    rpo: 0,
    'lost-writes': 0,
    availability: 1,
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
    'write-latency-p99': null,
};

/** Run i (seed 100 + i) measured `values[i]` for the one clause, passing as the clause itself decides. */
function outcomes(
    values: readonly (number | null)[],
    passes: (v: number) => boolean,
    metrics: (v: number | null) => Partial<RunMetrics> = () => ({}),
): SeedOutcome[] {
    return values.map((v, i) => ({
        seed: 100 + i,
        metrics: { ...NO_METRICS, ...metrics(v) },
        expectations: [
            {
                passed: v !== null && passes(v),
                measured: v,
                measuredText:
                    v === null
                        ? 'not measured (no data)'
                        : v === Infinity
                          ? 'never (not recovered by the end of the scenario)'
                          : String(v),
            },
        ],
        objectives: [],
    }));
}

/** The clause of a scenario that holds only it. */
async function clause(text: string): Promise<ExpectationM> {
    const model = await designOf(sweepDesign([text]));
    return model.scenarios.get('s')!.expectations[0]!;
}

describe('seeds of a sweep', () => {
    it('start with the base seed, so one seed is exactly the single run', () => {
        expect(sweepSeeds(42, 1)).toEqual([42]);
        expect(sweepSeeds(0, 3)[0]).toBe(0);
        expect(sweepSeeds(4294967295, 2)[0]).toBe(4294967295);
    });

    it('continue with MurmurHash3 fmix32 of a Weyl sequence (published vector: fmix32(1) = 0x514E28B7)', () => {
        expect(fmix32(1)).toBe(0x514e28b7);
        expect(fmix32(0)).toBe(0);
        expect(sweepSeeds(42, 3)).toEqual([
            42,
            fmix32((42 + 0x9e3779b9) >>> 0),
            fmix32((42 + 2 * 0x9e3779b9) % 2 ** 32),
        ]);
    });

    it('are distinct 32-bit seeds and the same for the same base', () => {
        const seeds = sweepSeeds(7, MAX_SWEEP_SEEDS);
        expect(new Set(seeds).size).toBe(MAX_SWEEP_SEEDS);
        expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= 0xffffffff)).toBe(true);
        expect(sweepSeeds(7, 50)).toEqual(seeds.slice(0, 50));
    });

    it.each([
        { n: 1, ok: true },
        { n: MAX_SWEEP_SEEDS, ok: true },
        { n: 0, ok: false },
        { n: MAX_SWEEP_SEEDS + 1, ok: false },
        { n: 2.5, ok: false },
        { n: -3, ok: false },
        { n: Number.NaN, ok: false },
    ])('a count of $n is accepted: $ok', ({ n, ok }) => {
        expect(seedCountProblem(n)).toBe(
            ok ? undefined : `the number of seeds must be a whole number from 1 to 10,000, got ${n}`,
        );
    });
});

describe('expectations judged across seeds', () => {
    // Twenty runs with RTOs of 1, 2, …, 20 minutes. `rto pP <= X` needs ⌈P × 20⌉ runs at or under X.
    const minutes = Array.from({ length: 20 }, (_, i) => (i + 1) * MINUTE);
    const cases = [
        {
            name: 'p95 <= 19m passes: 19 of 20 runs meet it, 19 needed',
            text: 'expect rto p95 <= 19m',
            passed: true,
            seedsPassed: 19,
            judgedSeed: 118,
            measured: 19 * MINUTE,
        },
        {
            name: 'p95 <= 18m fails: 18 of 20 runs meet it, 19 needed',
            text: 'expect rto p95 <= 18m',
            passed: false,
            seedsPassed: 18,
            judgedSeed: 118,
            measured: 19 * MINUTE,
        },
        {
            name: 'p50 <= 10m passes: 10 of 20 meet it, 10 needed',
            text: 'expect rto p50 <= 10m',
            passed: true,
            seedsPassed: 10,
            judgedSeed: 109,
            measured: 10 * MINUTE,
        },
        {
            name: 'p50 < 10m fails: 9 of 20 meet it',
            text: 'expect rto p50 < 10m',
            passed: false,
            seedsPassed: 9,
            judgedSeed: 109,
            measured: 10 * MINUTE,
        },
        {
            name: 'no percentile means every run: <= 20m passes',
            text: 'expect rto <= 20m',
            passed: true,
            seedsPassed: 20,
            judgedSeed: 119,
            measured: 20 * MINUTE,
        },
        {
            name: 'no percentile means every run: <= 19m fails on the worst run',
            text: 'expect rto <= 19m',
            passed: false,
            seedsPassed: 19,
            judgedSeed: 119,
            measured: 20 * MINUTE,
        },
        {
            name: 'p99 of 20 runs needs all 20 (⌈19.8⌉)',
            text: 'expect rto p99 <= 19m',
            passed: false,
            seedsPassed: 19,
            judgedSeed: 119,
            measured: 20 * MINUTE,
        },
        {
            name: '>= counts from the high end: p90 >= 3m needs 18 runs at or over 3 minutes, and 18 are',
            text: 'expect rto p90 >= 3m',
            passed: true,
            seedsPassed: 18,
            judgedSeed: 102,
            measured: 3 * MINUTE,
        },
        {
            name: '>= p90 >= 4m fails: 17 runs',
            text: 'expect rto p90 >= 4m',
            passed: false,
            seedsPassed: 17,
            judgedSeed: 102,
            measured: 3 * MINUTE,
        },
    ];
    it.each(cases)('$name', async (c) => {
        const e = await clause(c.text);
        const limit = e.value;
        const passes = (v: number) => (e.op === '<=' ? v <= limit : e.op === '<' ? v < limit : v >= limit);
        const judged = judgeAcrossSeeds(e, 0, outcomes(minutes, passes));
        expect({
            passed: judged.passed,
            seedsPassed: judged.seedsPassed,
            seed: judged.seed,
            measured: judged.measured,
        }).toEqual({ passed: c.passed, seedsPassed: c.seedsPassed, seed: c.judgedSeed, measured: c.measured });
    });

    it('ranks runs that never recovered, or measured nothing, as the worst', async () => {
        const e = await clause('expect rto p50 <= 5m');
        const judged = judgeAcrossSeeds(
            e,
            0,
            outcomes([Infinity, MINUTE, null, 2 * MINUTE], (v) => v <= 5 * MINUTE),
        );
        // Ranked best first: 1 m (seed 101), 2 m (103), never (100), not measured (102); p50 of 4 is rank 2.
        expect(judged).toMatchObject({ passed: true, seedsPassed: 2, seed: 103, measured: 2 * MINUTE });
        const worst = judgeAcrossSeeds(
            await clause('expect rto <= 5m'),
            0,
            outcomes([Infinity, MINUTE], (v) => v <= 5 * MINUTE),
        );
        expect(worst).toMatchObject({ passed: false, seed: 100, measured: 'never' });
        expect(worst.message).toBe(
            'expect rto <= 5m failed: worst of 2 seeds never (not recovered by the end of the scenario) (seed 100); 1 of 2 seeds met it',
        );
    });

    it('names the percentile and the rank needed in its message', async () => {
        const judged = judgeAcrossSeeds(
            await clause('expect rto p95 <= 18m'),
            0,
            outcomes(minutes, (v) => v <= 18 * MINUTE),
        );
        expect(judged.message).toBe(
            `expect rto p95 <= 18m failed: p95 of 20 seeds ${19 * MINUTE} (seed 118); 18 of 20 seeds met it, 19 needed`,
        );
    });
});

describe('the spread of a sweep', () => {
    it('gives nearest-rank min, p50, p95 and max per metric, and the seed of the worst run', async () => {
        const model = await designOf(sweepDesign(['expect lost-writes <= 3']));
        // Lost writes 0…19 in a shuffled seed order; availability falls as losses rise.
        const order = [7, 3, 19, 0, 12, 5, 18, 1, 9, 14, 2, 16, 11, 6, 4, 17, 8, 13, 10, 15];
        const runs = outcomes(
            order,
            (v) => v <= 3,
            (v) => ({ 'lost-writes': v, availability: 1 - v! / 100, rto: v === 19 ? Infinity : v! * 1000 }),
        );
        const sweep = buildSweep(model, 's', runs);
        const lost = sweep.metrics.find((m) => m.id === 'lost-writes')!;
        // 20 values 0…19: rank ⌈0.5·20⌉ = 10 → 9; rank ⌈0.95·20⌉ = 19 → 18.
        expect(lost).toMatchObject({ runs: 20, min: 0, p50: 9, p95: 18, max: 19, worstSeed: 100 + order.indexOf(19) });
        const availability = sweep.metrics.find((m) => m.id === 'availability')!;
        // Plain ascending percentiles of 0.81…1.00 (the worst run is the lowest, whatever column it lands in).
        expect(availability).toMatchObject({
            min: 0.81,
            p50: 0.9,
            p95: 0.99,
            max: 1,
            worstSeed: 100 + order.indexOf(19),
        });
        expect(sweep.metrics.find((m) => m.id === 'rto')).toMatchObject({
            min: 0,
            p50: 9000,
            p95: 18000,
            max: 'never',
        });
        expect(sweep.metrics.find((m) => m.id === 'stale-reads')).toMatchObject({
            runs: 0,
            min: null,
            max: null,
            worstSeed: null,
        });
        expect(sweep.summary).toMatchObject({ passed: false, worstSeed: 100 + order.indexOf(19) });
        expect(sweep.runs.map((r) => r.seed)).toEqual(order.map((_, i) => 100 + i));
    });

    it('breaks a tie in failed expectations by the worst RTO', async () => {
        const model = await designOf(sweepDesign(['expect lost-writes <= 3']));
        const runs = outcomes(
            [5, 5, 5],
            () => false,
            (v) => ({ 'lost-writes': v }),
        );
        const withRto = runs.map((r, i) => ({ ...r, metrics: { ...r.metrics, rto: [1000, 3000, 2000][i]! } }));
        expect(buildSweep(model, 's', withRto).summary.worstSeed).toBe(101);
    });
});

describe('a percentile clause in a single run', () => {
    it('builds as a share of seeds on any metric but write-latency, whose percentile is over writes', async () => {
        expect((await clause('expect rto p95 <= 5m')).acrossSeeds).toBe(0.95);
        expect((await clause('expect availability p999 >= 99%')).acrossSeeds).toBe(0.999);
        const latency = await clause('expect write-latency p99 <= 200ms');
        expect({ percentile: latency.percentile, acrossSeeds: latency.acrossSeeds }).toEqual({
            percentile: 0.99,
            acrossSeeds: undefined,
        });
    });

    it('is judged on the run itself, and the message says so', async () => {
        const model = await designOf(sweepDesign(['expect rto p95 <= 10m']));
        const report = runModel(model, 's');
        expect(report.expectations[0]!.passed).toBe(true);
        expect(report.expectations[0]!.message).toMatch(
            /^expect rto p95 <= 10m passed: measured 2 m 2\d s for users of us-east-1 on api, from the outage of us-east-1 at 5 m — p95 across seeds, judged on this one run \(a seed sweep judges it across seeds\)$/,
        );
    });

    it('reads every metric from the report through one function', async () => {
        const report = runModel(await designOf(sweepDesign([])), 's');
        const m = runMetrics(report);
        expect(m['rto']).toBe(report.summary.worstRtoMs);
        expect(m['lost-writes']).toBe(report.summary.lostWrites);
        expect(m['availability']).toBe(report.summary.availability);
        expect(m['stranded-writes']).toBe(report.summary.strandedWrites);
        expect(m['split-brain-writes']).toBe(report.summary.splitBrainWrites);
        expect(m['rto']!).toBeGreaterThanOrEqual(140_000);
        expect(m['rto']!).toBeLessThan(150_000);
        expect(m['throttled-writes']).toBe(report.summary.throttledWrites);
        // No store holds a counter: no increments to count, which is not the same as none lost.
        expect(m['lost-increments']).toBeNull();
        // No queue or stream either.
        expect(m['stranded-messages']).toBeNull();
        expect(m.duplicates).toBeNull();
    });

    it('sums the increments lost over the counters under last-writer-wins', async () => {
        const report = runModel(
            await designOf(`topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
store hits { engine dynamodb regions us-east-1, us-west-2 holds shared counter writes any-region replication async lag 1s conflicts lww }
store likes { engine dynamodb regions us-east-1, us-west-2 holds shared counter writes any-region replication async lag 1s conflicts lww }
workload h for hits { writes 2/s from us-east-1 50%, us-west-2 50%  keys 1 shared 100% }
workload l for likes { writes 2/s from us-east-1 50%, us-west-2 50%  keys 1 shared 100% }
scenario s { workload h, l  duration 10m  seed 3 }
`),
            's',
        );
        const [hits, likes] = report.stores.map((st) => st.lostIncrements!.lost);
        expect(hits).toBeGreaterThan(0);
        expect(likes).toBeGreaterThan(0);
        expect(runMetrics(report)['lost-increments']).toBe(hits! + likes!);
    });
});
