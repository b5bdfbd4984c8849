// Whatever scenario a user writes against a design, a run ends with a report or a SimulationError that says
// why — never another exception, never a hang (the budget bounds it). Generated scenarios over the examples'
// regions and services: random durations, rates, faults of every kind at random times, random seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../simulation/errors.js';
import { modelOf } from '../helpers/services.js';
import { simulateWithDeadline } from '../helpers/simulation-deadline.js';
import { isRuleCode } from '../../language/validation/rules/catalog.js';
import { designOfExample, expectValidReport } from './helpers.js';

const EXAMPLES = [
    'fintech',
    'netflix',
    'cloudflare',
    'control-plane-2021',
    'dynamodb-mrsc',
    'shopify-pods',
    'cockroachdb-global',
];

/** Generated scenarios, and how many of them must end with a report (the rest may exceed the budget). */
const RUNS = 40;
const MIN_REPORTS = 15;

describe('robustness', () => {
    it('ends every generated scenario with a schema-valid report or a SimulationError', async () => {
        const fault = (regions: string[]) =>
            fc.oneof(
                fc
                    .record({ kind: fc.constant('outage'), r: fc.constantFrom(...regions) })
                    .map((f) => `outage region ${f.r}`),
                fc
                    .record({ kind: fc.constant('impair'), r: fc.constantFrom(...regions) })
                    .map((f) => `impair control-plane ${f.r}`),
                fc
                    .record({ a: fc.constantFrom(...regions), b: fc.constantFrom(...regions) })
                    .filter((f) => f.a !== f.b)
                    .map((f) => `partition ${f.a} <-> ${f.b}`),
                fc.integer({ min: 1, max: 120 }).map((s) => `lag-spike to ${s}s`),
                fc
                    .record({ r: fc.constantFrom(...regions), p: fc.integer({ min: 1, max: 300 }) })
                    .map((f) => `flap health-check in ${f.r} every ${f.p}s`),
            );
        const arbitrary = fc.constantFrom(...EXAMPLES).chain((name) => {
            const design = designOfExample(name);
            const regions = [...design.matchAll(/^region (\S+)/gm)].map((m) => m[1]!);
            const target = /^failover (\S+)/m.exec(design)?.[1] ?? /^service (\S+)/m.exec(design)![1]!;
            return fc.record({
                name: fc.constant(name),
                design: fc.constant(design),
                target: fc.constant(target),
                rate: fc.integer({ min: 0, max: 3_000 }),
                reads: fc.integer({ min: 0, max: 50_000 }),
                origin: fc.constantFrom(...regions),
                keys: fc.integer({ min: 1, max: 100_000 }),
                shared: fc.integer({ min: 0, max: 100 }),
                minutes: fc.integer({ min: 1, max: 90 }),
                faults: fc.array(
                    fc.record({
                        at: fc.integer({ min: 0, max: 100 }),
                        lasts: fc.integer({ min: 1, max: 100 }),
                        what: fault(regions),
                    }),
                    { maxLength: 4 },
                ),
                seed: fc.integer({ min: 0, max: 10_000 }),
            });
        });
        let reports = 0;
        await fc.assert(
            fc.asyncProperty(arbitrary, async (p) => {
                const text = `${p.design}
workload generated for ${p.target} { writes ${p.rate}/s from ${p.origin} 100%  reads ${p.reads}/s  keys ${p.keys} shared ${p.shared}%  item-size 1KB }
scenario generated {
    workload generated
    duration ${p.minutes}m
${p.faults.map((f) => `    at ${f.at}m ${f.what} for ${f.lasts}m`).join('\n')}
    seed ${p.seed}
}
`;
                const { model, diagnostics } = await modelOf(text);
                if (diagnostics.some((d) => d.severity === 1 && !isRuleCode(String(d.code)))) return;
                try {
                    expectValidReport(await simulateWithDeadline(model, 'generated', { eventBudget: 3_000_000 }));
                    reports++;
                } catch (error) {
                    if (!(error instanceof SimulationError)) throw error;
                    // The one refusal a generated scenario may get: the run would exceed the event budget.
                    expect(error.message).toMatch(/event budget/);
                }
            }),
            { numRuns: RUNS, seed: 20261206 },
        );
        // A run refused by the budget passes, so an engine that refused everything would too: with this seed 20
        // of the 40 scenarios fit the budget (the rest ask for up to 48 million events), so at least 15 must
        // reach a report.
        expect(reports).toBeGreaterThanOrEqual(MIN_REPORTS);
    });
});
