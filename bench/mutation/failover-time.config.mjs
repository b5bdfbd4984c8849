// Mutation testing of the failover-time estimate (detection, routing, actions, the DR tier's floor and the
// words hover and the rto-unachievable rule show), static mutants counted, with the suites that reach it. Run:
//   npx stryker run bench/mutation/failover-time.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/semantics/estimators/failover-time.ts'],
    // The suites that reach this module without a simulation (the simulation's oracle tests reach it too, but
    // take minutes per mutant); a static mutant runs all of them, so the list is kept to those.
    testFiles: [
        'test/estimators/failover-time.test.ts',
        'test/estimators/failover-range.test.ts',
        'test/estimators/failover-paths.test.ts',
        'test/rules/recovery-rules.test.ts',
        'test/rules/failover-rules.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-failover-time.json',
    jsonReporter: { fileName: 'test-output/mutation/failover-time-report.json' },
    tempDirName: 'test-output/stryker-tmp-failover-time',
};
