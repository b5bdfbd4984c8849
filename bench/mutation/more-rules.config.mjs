// Mutation testing of the design rules not measured before (issue 21): rpo-verdict.ts (the RPO test that
// rpo-unachievable and queue-not-replicated share), the queue, latency, drain, cell, global-dependency and cost
// rules, and the model index they look failovers up in; static mutants counted, with the suites that reach them.
// Run one module at a time (a static mutant runs every suite below), e.g.:
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/more-rules.config.mjs --mutate language/validation/rules/cost-rules.ts
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: [
        'language/validation/rules/rpo-verdict.ts',
        'language/validation/rules/queue-rules.ts',
        'language/validation/rules/latency-rules.ts',
        'language/validation/rules/drain-rules.ts',
        'language/validation/rules/cell-rules.ts',
        'language/validation/rules/global-dependency-rules.ts',
        'language/validation/rules/cost-rules.ts',
        'language/semantics/model-index.ts',
    ],
    // Each rule's fragment suite and its whole-finding suite (*-findings), the model index's own suite, then the
    // suites that also reach them: the RPO verdict through rpo-unachievable and the recovery rules, fixes through
    // quick-fixes, per-cell merging, the judge's ends on the latency and RPO rules, and cross-cell-write in the
    // residency suite. Each file runs in under 10 s here.
    testFiles: [
        'test/rules/queue-findings.test.ts',
        'test/rules/latency-findings.test.ts',
        'test/rules/drain-findings.test.ts',
        'test/rules/cost-findings.test.ts',
        'test/rules/global-dependency-findings.test.ts',
        'test/rules/cell-findings.test.ts',
        'test/rules/model-index.test.ts',
        'test/rules/queue-rules.test.ts',
        'test/rules/latency-rules.test.ts',
        'test/rules/unknown-latency-pairs.test.ts',
        'test/rules/drain-rules.test.ts',
        'test/rules/cost-rules.test.ts',
        'test/rules/global-dependency-rules.test.ts',
        'test/rules/rpo-unachievable.test.ts',
        'test/rules/recovery-rules.test.ts',
        'test/rules/judge.test.ts',
        'test/rules/residency-rules.test.ts',
        'test/rules/per-cell.test.ts',
        'test/rules/quick-fixes.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-more-rules.json',
    jsonReporter: { fileName: 'test-output/mutation/more-rules-report.json' },
    tempDirName: 'test-output/stryker-tmp-more-rules',
};
