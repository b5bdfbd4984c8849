// Builds a seed sweep's report from the outcome of each seed's run (in seed order): the spread of every
// per-run metric, each expectation judged across the runs, and the worst run. Pure and order-preserving: the
// same outcomes give the same report, whichever worker finished first.
import type { Model } from '../language/semantics/model.js';
import { ENGINE_VERSION } from './report-builder.js';
import { judgeAcrossSeeds, rankOf, sweepValue } from './sweep-judge.js';
import { SEED_DERIVATION } from './sweep-seeds.js';
import { SWEEP_METRICS, type SeedOutcome, type SweepMetric } from './sweep-metrics.js';
import {
    SWEEP_SCHEMA_VERSION,
    type MetricSpread,
    type SweepObjective,
    type SweepReport,
    type SweepRun,
} from './sweep-report.js';
import { objectiveClauses, objectiveWording } from './objectives.js';
import { compileStructure } from './plan.js';
import { SimulationError } from './errors.js';
import { itemAt } from '../language/util/item-at.js';

export function buildSweep(
    model: Model,
    scenarioName: string,
    outcomes: readonly SeedOutcome[],
    notes: readonly string[] = [],
): SweepReport {
    const scenario = model.scenarios.get(scenarioName);
    if (!scenario) throw new SimulationError('unknown-scenario', `no scenario '${scenarioName}' to sweep`);
    const [first] = outcomes;
    if (!first) throw new SimulationError('invalid-options', `a seed sweep of ${scenarioName} needs at least one run`);
    const expectations = scenario.expectations.map((e, i) => judgeAcrossSeeds(e, i, outcomes));
    // The runs judged the same objective terms in the same order (which owners a workload reaches is structural).
    const objectives = objectiveClauses(compileStructure(model, scenario)).clauses.map((o, i): SweepObjective => {
        const { line: _line, ...judged } = judgeAcrossSeeds(
            o.clause,
            i,
            outcomes,
            (run) => run.objectives,
            objectiveWording(o),
        );
        return { ...judged, owner: o.owner.name, ownerKind: o.owner.kind, clause: o.ref };
    });
    const passedCount = expectations.filter((e) => e.passed).length;
    const worst = worstRun(first, outcomes);
    return {
        schemaVersion: SWEEP_SCHEMA_VERSION,
        kind: 'seed-sweep',
        generator: { name: 'mregion', engine: ENGINE_VERSION },
        design: { uri: model.uri, topology: model.topology?.name ?? null },
        scenario: {
            name: scenario.name,
            line: scenario.source.range.start.line + 1,
            durationMs: scenario.durationMs ?? 0,
        },
        seeds: { count: outcomes.length, base: first.seed, derivation: SEED_DERIVATION },
        summary: {
            passed: expectations.length === 0 ? null : passedCount === expectations.length,
            expectations: {
                total: expectations.length,
                passed: passedCount,
                failed: expectations.length - passedCount,
            },
            worstSeed: worst.seed,
            worstReason: worstReason(worst),
        },
        metrics: SWEEP_METRICS.map((m) => spread(m, outcomes)),
        expectations,
        objectives,
        runs: outcomes.map(sweepRun),
        notes,
    };
}

function spread(m: SweepMetric, outcomes: readonly SeedOutcome[]): MetricSpread {
    const measured = outcomes.flatMap((o) => {
        const v = o.metrics[m.id];
        return v === null ? [] : [{ v, seed: o.seed }];
    });
    const sorted = measured.map((x) => x.v).sort((a, b) => a - b);
    const at = (p: number) =>
        sorted.length === 0 ? null : sweepValue(itemAt(sorted, rankOf(p, sorted.length) - 1, 'sorted values'));
    let worst: { v: number; seed: number } | undefined;
    for (const x of measured) if (!worst || worse(m, x.v, worst.v) > 0) worst = x;
    return {
        id: m.id,
        label: m.label,
        unit: m.unit,
        worse: m.worse,
        runs: measured.length,
        min: at(0),
        p50: at(0.5),
        p95: at(0.95),
        max: at(1),
        worstSeed: worst?.seed ?? null,
    };
}

/** > 0 when `a` is worse than `b` for this metric; a missing value is never worse than a present one. */
function worse(m: SweepMetric, a: number | null, b: number | null): number {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    return m.worse === 'higher' ? Math.sign(a - b) : Math.sign(b - a);
}

/** Most failed expectations, then the worst value of each metric in SWEEP_METRICS order, then seed order. */
function worstRun(first: SeedOutcome, outcomes: readonly SeedOutcome[]): SeedOutcome {
    let worst = first;
    for (const o of outcomes) if (compareRuns(o, worst) > 0) worst = o;
    return worst;
}

function compareRuns(a: SeedOutcome, b: SeedOutcome): number {
    const failed = failedCount(a) - failedCount(b);
    if (failed !== 0) return failed;
    for (const m of SWEEP_METRICS) {
        const d = worse(m, a.metrics[m.id], b.metrics[m.id]);
        if (d !== 0) return d;
    }
    return 0;
}

function failedCount(o: SeedOutcome): number {
    return o.expectations.filter((e) => !e.passed).length;
}

function worstReason(o: SeedOutcome): string {
    const failed = failedCount(o);
    return o.expectations.length === 0
        ? 'no expectation declared: the worst run by RTO, then RPO, lost writes and availability'
        : failed === 0
          ? 'every run met every expectation: the worst by RTO, then RPO, lost writes and availability'
          : `fails ${failed} of ${o.expectations.length} expectation${o.expectations.length === 1 ? '' : 's'}, the most of any run (ties: the worst RTO, then RPO, lost writes, availability)`;
}

function sweepRun(o: SeedOutcome): SweepRun {
    const metrics = Object.fromEntries(
        SWEEP_METRICS.map((m) => [m.id, sweepValue(o.metrics[m.id])]),
    ) as SweepRun['metrics'];
    const failed = failedCount(o);
    return {
        seed: o.seed,
        passed: o.expectations.length === 0 ? null : failed === 0,
        failedExpectations: failed,
        metrics,
    };
}
