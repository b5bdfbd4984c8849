// Mutation testing of the region-loss, voters and nth-smallest estimators (standby-capacity, rto-unachievable's
// capacity finding, consensus quorums), static mutants counted, with the suites that reach them. Run:
//   npx stryker run bench/mutation/capacity.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: [
        'language/semantics/estimators/region-loss.ts',
        'language/semantics/estimators/voters.ts',
        'language/semantics/estimators/nth-smallest.ts',
    ],
    testFiles: [
        'test/estimators/region-loss.test.ts',
        'test/estimators/region-loss-routing.test.ts',
        'test/estimators/nth-smallest.test.ts',
        'test/estimators/voters-unit.test.ts',
        'test/estimators/write-latency.test.ts',
        'test/rules/availability-rules.test.ts',
        'test/rules/consistency-rules.test.ts',
        'test/rules/recovery-rules.test.ts',
        'test/language/consensus-clauses.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-capacity.json',
    jsonReporter: { fileName: 'test-output/mutation/capacity-report.json' },
    tempDirName: 'test-output/stryker-tmp-capacity',
};
