// Mutation testing of the estimators that no other run covers yet, counting static mutants too: most estimator
// code is reached while a rule suite builds its models in a `beforeAll`, which Stryker calls static, and the base
// configuration leaves static mutants out. Function bodies read the active mutant when they run, so a static
// mutant here is tested for real (all of this run's test files run for each). Run:
//   npx stryker run bench/mutation/estimators.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/semantics/estimators/egress.ts', 'language/semantics/estimators/write-flows.ts'],
    // The suites that reach these modules; a static mutant runs all of them, so the list is kept to those.
    testFiles: [
        'test/estimators/egress.test.ts',
        'test/estimators/egress-aggregation.test.ts',
        'test/estimators/egress-details.test.ts',
        'test/estimators/lww-losses.test.ts',
        'test/estimators/write-flows.test.ts',
        'test/rules/cost-rules.test.ts',
        'test/lsp/store-hover-lead.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-estimators.json',
    jsonReporter: { fileName: 'test-output/mutation/estimators-report.json' },
    tempDirName: 'test-output/stryker-tmp-estimators',
};
