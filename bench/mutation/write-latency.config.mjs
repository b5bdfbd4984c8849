// Mutation testing of the write-latency estimate (the coordinator, the quorum, sync and Cosmos DB strong waits,
// the leader-loss latency and the words hover and write-latency-budget show), static mutants counted, with the
// suites that reach it. Run:
//   npx stryker run bench/mutation/write-latency.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/semantics/estimators/write-latency.ts'],
    // The suites that reach this module without a simulation; a static mutant runs all of them.
    testFiles: [
        'test/estimators/write-latency.test.ts',
        'test/estimators/write-latency-range.test.ts',
        'test/estimators/write-latency-paths.test.ts',
        'test/rules/latency-rules.test.ts',
        'test/rules/consistency-rules.test.ts',
        'test/lsp/store-hover-lead.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-write-latency.json',
    jsonReporter: { fileName: 'test-output/mutation/write-latency-report.json' },
    tempDirName: 'test-output/stryker-tmp-write-latency',
};
