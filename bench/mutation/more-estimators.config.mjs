// Mutation testing of the five estimator modules not measured before (consensus write, object lag, ranges,
// restore, retry load), counting static mutants too (see estimators.config.mjs for why). Run:
//   npx stryker run bench/mutation/more-estimators.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: [
        'language/semantics/estimators/consensus-write.ts',
        'language/semantics/estimators/object-lag.ts',
        'language/semantics/estimators/range.ts',
        'language/semantics/estimators/restore.ts',
        'language/semantics/estimators/retry-load.ts',
    ],
    // The suites that reach these modules (a few seconds each); a static mutant runs all of them.
    testFiles: [
        'test/estimators/range.test.ts',
        'test/estimators/range-helpers.test.ts',
        'test/estimators/consensus-write.test.ts',
        'test/estimators/object-lag-units.test.ts',
        'test/estimators/restore-texts.test.ts',
        'test/estimators/retry-load.test.ts',
        'test/estimators/failover-range.test.ts',
        'test/estimators/write-latency-range.test.ts',
        'test/estimators/object-lag.test.ts',
        'test/estimators/restore.test.ts',
        'test/estimators/write-latency.test.ts',
        'test/estimators/region-loss.test.ts',
        'test/simulation/retries.test.ts',
        'test/rules/standby-capacity-retries.test.ts',
        'test/rules/judge.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-more-estimators.json',
    jsonReporter: { fileName: 'test-output/mutation/more-estimators-report.json' },
    tempDirName: 'test-output/stryker-tmp-more-estimators',
};
