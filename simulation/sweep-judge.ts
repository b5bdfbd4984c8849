// Judges a scenario's `expect` clauses across the runs of a seed sweep. `expect rto p95 <= 5m` passes when at
// least 95 % of the runs meet `rto <= 5m`; a clause without a percentile must hold in every run. The value shown
// is the run at the judged rank, counted from the best run: the ⌈p × N⌉-th (for `<=` that is the nearest-rank
// p95 of the values; for `>=` the p5, the value 95 % of the runs reach), and its seed replays it.
import type { ExpectationM } from '../language/semantics/model.js';
import { clauseText, type Wording } from './expectations.js';
import { percentileName } from './percentile.js';
import type { Metric } from './report.js';
import type { SeedExpectation, SeedOutcome } from './sweep-metrics.js';
import type { SweepExpectation, SweepValue } from './sweep-report.js';
import { itemAt } from '../language/util/item-at.js';

/**
 * `judged` picks the clause's outcome in a run (an expect clause by default; a declared objective with
 * `wording` met/missed).
 */
export function judgeAcrossSeeds(
    e: ExpectationM,
    index: number,
    runs: readonly SeedOutcome[],
    judged: (run: SeedOutcome) => readonly SeedExpectation[] = (run) => run.expectations,
    wording: Wording = { text: clauseText(e), verbs: ['passed', 'failed'] },
): SweepExpectation {
    const required = e.acrossSeeds ?? 1;
    const n = runs.length;
    // Every run judged the same clauses in the same order, so each has one at `index`.
    const clauseOf = (run: SeedOutcome) => itemAt(judged(run), index, `seed ${run.seed}'s judged clauses`);
    const ranked = runs
        .map((run, i) => ({ run, x: clauseOf(run), i }))
        .sort((a, b) => badness(e, a.x) - badness(e, b.x) || a.i - b.i);
    const rank = rankOf(required, n);
    // Among runs as bad as the one at that rank, the first in seed order (the same run whatever the tie); the
    // one at that rank is among them, so the search always finds one.
    const atRank = itemAt(ranked, rank - 1, 'runs ranked by badness');
    const chosen = ranked.find((x) => sameBadness(e, x.x, atRank.x)) ?? atRank;
    const seedsPassed = runs.filter((r) => clauseOf(r).passed).length;

    const passed = seedsPassed >= rank;
    const text = wording.text;
    const which =
        e.acrossSeeds === undefined
            ? `worst of ${n} seed${n === 1 ? '' : 's'}`
            : `${percentileName(required)} of ${n} seed${n === 1 ? '' : 's'}`;
    const message =
        `${wording.subject ?? ''}${text} ${passed ? wording.verbs[0] : wording.verbs[1]}: ${which} ${chosen.x.measuredText} (seed ${chosen.run.seed}); ${seedsPassed} of ${n} seed${n === 1 ? '' : 's'} met it` +
        `${e.acrossSeeds === undefined ? '' : `, ${rank} needed`}`;
    return {
        text,
        line: e.source.range.start.line + 1,
        metric: e.metric as Metric,
        required,
        passed,
        seedsPassed,
        seeds: n,
        seed: chosen.run.seed,
        measured: sweepValue(chosen.x.measured),
        measuredText: chosen.x.measuredText,
        message,
    };
}

/** The 1-based rank a share `p` of `n` runs must reach: ⌈p × n⌉, at least 1 (the float product is trimmed first). */
export function rankOf(p: number, n: number): number {
    return Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9)));
}

/** How far a run is from meeting the clause, for ordering: lower is better; unmeasured and "never" are worst. */
function badness(e: ExpectationM, x: SeedExpectation): number {
    if (x.measured === null || Number.isNaN(x.measured)) return Infinity;
    switch (e.op) {
        case '<=':
        case '<':
            return x.measured;
        case '>=':
        case '>':
            return -x.measured;
        case '==':
            return Math.abs(x.measured - e.value);
    }
}

function sameBadness(e: ExpectationM, a: SeedExpectation, b: SeedExpectation): boolean {
    return badness(e, a) === badness(e, b);
}

export function sweepValue(v: number | null): SweepValue | null {
    return v === null ? null : v === Infinity ? 'never' : v;
}
