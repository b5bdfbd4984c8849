// `expect drain` judges the report's drain time. Oracle: a backlog B fed at w and served at the catch-up c is
// empty B ÷ (c − w) after it starts draining, one lag d after the heal (docs/facts.md#catch-up-rate); with c ≤ w
// it never is. B itself is λ(P + d) for a partition of P seconds; counts are Poisson, so the checks allow 4σ.
import { describe, expect, it } from 'vitest';
import { buildSweep } from '../../simulation/sweep.js';
import { seedOutcome } from '../../simulation/sweep-metrics.js';
import { designOf, expectValidSweep, runModel, SECOND, TWO_US_REGIONS } from './helpers.js';

const D = 1;
const W = 100;
const P = 60;

/** us-east-1 writes w/s to an async store replicated to us-west-2; a P-second partition at 60 s. */
function design(expectations: readonly string[], catchUp: string | undefined, partitionS = P): string {
    return `${TWO_US_REGIONS}
store db {
    engine      aurora
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag ${D}s
    consistency eventual
    ${catchUp === undefined ? '' : `catch-up ${catchUp}`}
}
service app {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      db
}
workload load for app { writes ${W}/s from us-east-1 100%  keys 10000 }
scenario s {
    workload load  duration 900s  at 60s partition us-east-1 <-> us-west-2 for ${partitionS}s  seed 11
    ${expectations.join('\n    ')}
}
`;
}

async function judged(expectations: readonly string[], catchUp?: string, partitionS = P) {
    const report = runModel(await designOf(design(expectations, catchUp, partitionS)), 's');
    return { report, results: report.expectations };
}

describe('expect drain is judged against the drain time of B ÷ (c − w) after one lag', () => {
    const cases = [
        { name: 'a catch-up of 300/s drains 6,100 writes in about 31 s', c: 300 },
        { name: 'a catch-up of 150/s drains them in about 123 s', c: 150 },
        { name: 'a catch-up of 1000/s drains them in about 7.8 s', c: 1_000 },
    ];
    for (const k of cases) {
        it(k.name, async () => {
            const { report, results } = await judged(
                ['expect drain <= 10m', 'expect drain of db in us-west-2 < 1s'],
                `${k.c}/s`,
            );
            const heal = report.stores[0]!.lag.find((l) => l.to === 'us-west-2')!.heals[0]!;
            const B = heal.backlogWrites;
            expect(Math.abs(B - W * (P + D))).toBeLessThanOrEqual(4 * Math.sqrt(W * (P + D)));
            const oracleMs = (D + B / (k.c - W)) * SECOND;
            const slackMs = ((4 * Math.sqrt((W * B) / (k.c - W))) / (k.c - W) + 0.01) * SECOND;
            const [loose, tight] = results;
            expect(Math.abs(loose!.measured! - oracleMs)).toBeLessThanOrEqual(slackMs);
            // The same number as the store's drain report.
            expect(loose!.measured).toBe(report.stores[0]!.drain!.drainMs);
            expect(loose!.passed).toBe(true);
            expect(tight!.passed).toBe(false);
            expect(tight!.message).toMatch(
                /^expect drain of db in us-west-2 < 1s failed: measured .* \(\+.*\) for db us-east-1 → us-west-2, healed at 2 m with [\d,]+ writes waiting$/,
            );
        });
    }

    it('a catch-up not above the write rate never drains, and the clause fails with "never"', async () => {
        const { results } = await judged(['expect drain <= 1h'], '100/s');
        expect(results[0]).toMatchObject({ passed: false, measured: null });
        expect(results[0]!.measuredText).toBe('never (a healed backlog had not drained by the end of the scenario)');
    });

    it('without a declared catch-up the time is one lag, and the message calls it a lower bound', async () => {
        const { results } = await judged(['expect drain <= 2s'], undefined);
        expect(results[0]!.passed).toBe(true);
        expect(results[0]!.measured).toBeCloseTo(D * SECOND, 0);
        expect(results[0]!.message).toContain('a lower bound: no catch-up is declared');
    });

    it('a replica with nothing to catch up measures 0', async () => {
        const { results } = await judged(['expect drain in us-east-1 == 0s'], '300/s');
        expect(results[0]).toMatchObject({ passed: true, measured: 0 });
        expect(results[0]!.where).toBe('(no heal in us-east-1 found a backlog)');
    });
});

describe('expect drain across seeds', () => {
    it('p95 of three seeds is the worst of the three drains, each B ÷ (c − w) after one lag', async () => {
        const model = await designOf(design(['expect drain p95 <= 40s'], '300/s'));
        const outcomes = [11, 12, 13].map((seed) => seedOutcome(runModel(model, 's', { seed })));
        const sweep = buildSweep(model, 's', outcomes);
        expectValidSweep(sweep);
        const clause = sweep.expectations[0]!;
        const drains = outcomes.map((o) => o.expectations[0]!.measured!);
        expect(clause.measured).toBe(Math.max(...drains));
        for (const ms of drains) expect(Math.abs(ms - (D + (W * (P + D)) / 200) * SECOND)).toBeLessThan(4 * SECOND);
        expect(clause).toMatchObject({ metric: 'drain', passed: true, seedsPassed: 3, seeds: 3 });
    });
});
