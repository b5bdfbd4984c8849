// `mregion simulate --seeds N` as users run it (dist/cli.cjs with its worker): the spread it prints is the
// nearest-rank percentiles of the single runs of the same seeds (each run on its own with --seed, an oracle
// independent of the sweep's workers), the worst seed replays to the same numbers, reruns are byte-identical in
// every format, clauses are judged across the runs, and a bad N is refused with exit 2.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import type { SweepReport } from '../../simulation/sweep-report.js';
import { cliHarness } from './cli-harness.js';
import { expectValidSweep } from './helpers.js';
import { RTO_HIGH_MS, RTO_LOW_MS, sweepDesign } from './sweep-design.js';

const { mregion, design } = cliHarness('mregion-sweep-cli-');

function sweepOf(file: string, seeds: number, ...more: string[]): { status: number | null; sweep: SweepReport } {
    const r = mregion('simulate', file, '--seeds', String(seeds), '--format', 'json', ...more);
    const sweeps = JSON.parse(r.stdout) as SweepReport[];
    expect(sweeps).toHaveLength(1);
    expectValidSweep(sweeps[0]);
    return { status: r.status, sweep: sweeps[0]! };
}

function singleRun(file: string, seed: number): SimulationReport {
    return (
        JSON.parse(mregion('simulate', file, '--seed', String(seed), '--format', 'json').stdout) as SimulationReport[]
    )[0]!;
}

/** Nearest rank, written out here: the value at rank ⌈p·n⌉ of the ascending values. */
function nearestRank(values: readonly number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(1, Math.ceil(p * sorted.length - 1e-9)) - 1]!;
}

describe('mregion simulate --seeds', () => {
    it('reports the percentiles of the single runs of the same seeds, whose RTOs stay in the closed-form range', () => {
        const file = design('spread', sweepDesign(['expect rto <= 10m']));
        const { status, sweep } = sweepOf(file, 6);
        expect(status).toBe(0);
        expect(sweep.runs.map((r) => r.seed)[0]).toBe(7);
        const singles = sweep.runs.map((r) => singleRun(file, r.seed));
        const fields = {
            rto: (r: SimulationReport) => r.summary.worstRtoMs!,
            'lost-writes': (r: SimulationReport) => r.summary.lostWrites,
            availability: (r: SimulationReport) => r.summary.availability!,
            'stranded-writes': (r: SimulationReport) => r.summary.strandedWrites,
        };
        for (const [id, read] of Object.entries(fields)) {
            const values = singles.map(read);
            expect(
                sweep.metrics.find((m) => m.id === id),
                id,
            ).toMatchObject({
                runs: 6,
                min: Math.min(...values),
                p50: nearestRank(values, 0.5),
                p95: nearestRank(values, 0.95),
                max: Math.max(...values),
            });
        }
        const rtos = singles.map((r) => r.summary.worstRtoMs!);
        expect(Math.min(...rtos)).toBeGreaterThanOrEqual(RTO_LOW_MS);
        expect(Math.max(...rtos)).toBeLessThan(RTO_HIGH_MS);
        expect(new Set(rtos).size).toBeGreaterThan(1);
    });

    it('names a worst seed that replays to the same numbers with --seed', () => {
        const file = design('worst', sweepDesign(['expect rto p50 <= 145s', 'expect lost-writes <= 15']));
        const { sweep } = sweepOf(file, 8);
        const worst = sweep.runs.find((r) => r.seed === sweep.summary.worstSeed)!;
        expect(worst.failedExpectations).toBe(Math.max(...sweep.runs.map((r) => r.failedExpectations)));
        const replay = singleRun(file, sweep.summary.worstSeed);
        expect(replay.scenario.seed).toBe(sweep.summary.worstSeed);
        expect({
            rto: replay.summary.worstRtoMs,
            lost: replay.summary.lostWrites,
            availability: replay.summary.availability,
            failed: replay.summary.expectations.failed,
        }).toEqual({
            rto: worst.metrics['rto'],
            lost: worst.metrics['lost-writes'],
            availability: worst.metrics['availability'],
            failed: worst.failedExpectations,
        });
    });

    it.each(['json', 'text', 'markdown'])('prints byte-identical %s when rerun with the same seeds', (format) => {
        const file = design(`same-${format}`, sweepDesign(['expect rto p95 <= 150s']));
        const a = mregion('simulate', file, '--seeds', '5', '--format', format);
        const b = mregion('simulate', file, '--seeds', '5', '--format', format);
        expect(a.status).toBe(0);
        expect(a.stdout.length).toBeGreaterThan(0);
        expect(b.stdout).toBe(a.stdout);
    });

    it('judges a percentile clause by the single runs that meet it, and exits 1 when too few do', () => {
        // 145 s splits the closed-form range [140 s, 150 s): which runs meet it depends on the seed.
        const file = design(
            'judge',
            sweepDesign(['expect rto p50 <= 145s', 'expect rto p95 <= 150s', 'expect rto p50 < 140s']),
        );
        const { status, sweep } = sweepOf(file, 10);
        const rtos = sweep.runs.map((r) => singleRun(file, r.seed).summary.worstRtoMs!);
        const meeting = rtos.filter((v) => v <= 145_000).length;
        expect(sweep.expectations.map((e) => ({ text: e.text, passed: e.passed, seedsPassed: e.seedsPassed }))).toEqual(
            [
                { text: 'expect rto p50 <= 145s', passed: meeting >= 5, seedsPassed: meeting },
                { text: 'expect rto p95 <= 150s', passed: true, seedsPassed: 10 },
                { text: 'expect rto p50 < 140s', passed: false, seedsPassed: 0 },
            ],
        );
        expect(status).toBe(1);
    });

    it('prints the spread as a table with the worst seed in text, and the verdicts across seeds', () => {
        const file = design('text', sweepDesign(['expect rto p95 <= 150s']));
        const { status, stdout } = mregion('simulate', file, '--seeds', '4');
        expect(status).toBe(0);
        expect(stdout).toContain('Scenario s (text.mregion:');
        expect(stdout).toContain('4 seeds from seed 7');
        expect(stdout).toMatch(
            /✔ expect rto p95 <= 150s passed: p95 of 4 seeds 2 m 2\d s \(seed \d+\); 4 of 4 seeds met it, 4 needed/,
        );
        expect(stdout).toMatch(/\n {2}RTO \(worst interruption\) +2 m 2\d s +2 m 2\d s +2 m 2\d s +2 m 2\d s +\d+\n/);
        expect(stdout).toMatch(/worst run: seed \d+ .*replay it with --scenario s --seed \d+/);
    });

    it('runs one seed as exactly the single run', () => {
        const file = design('one', sweepDesign([]));
        const { sweep } = sweepOf(file, 1);
        const single = singleRun(file, 7);
        expect(sweep.runs).toEqual([
            {
                seed: 7,
                passed: null,
                failedExpectations: 0,
                metrics: expect.objectContaining({
                    rto: single.summary.worstRtoMs,
                    'lost-writes': single.summary.lostWrites,
                }),
            },
        ]);
    });

    it('derives the seeds from --seed when one is given', () => {
        const file = design('base', sweepDesign([]));
        expect(sweepOf(file, 2, '--seed', '123').sweep.seeds.base).toBe(123);
    });

    it.each([
        { value: '0', why: 'zero runs' },
        { value: '10001', why: 'over the cap' },
        { value: '-1', why: 'negative' },
        { value: '2.5', why: 'not whole' },
        { value: 'many', why: 'not a number' },
        { value: '', why: 'empty' },
    ])('refuses --seeds $value ($why) with exit 2 and says what it takes', ({ value }) => {
        const file = design('bad-n', sweepDesign([]));
        const r = mregion('simulate', file, '--seeds', value);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`--seeds must be a whole number from 1 to 10,000, got '${value}'`);
    });

    it('refuses a scenario over the event budget with exit 2, as a single run does, before printing anything', () => {
        const r = mregion('simulate', design('budget', sweepDesign([])), '--seeds', '3', '--event-budget', '1000');
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^mregion: scenario s needs .* more than the event budget of 1,000/);
    });

    it('accepts the largest count, 10,000, as a valid option (validated before any run)', () => {
        const r = mregion('simulate', design('cap', sweepDesign([])), '--seeds', '10_000', '--scenario', 'nope');
        // The option parses; the unknown scenario is what stops it.
        expect(r.status).toBe(2);
        expect(r.stderr).toContain("no scenario 'nope'");
    });
});
