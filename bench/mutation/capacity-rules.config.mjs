// Mutation testing of the capacity rules (capacity-rules.ts: single-region-spof, standby-capacity), static mutants
// counted, with the suites that reach them:
//   nice -n 10 npx stryker run bench/mutation/capacity-rules.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/capacity-rules.ts'],
    testFiles: [
        'test/rules/availability-rules.test.ts',
        'test/rules/capacity-findings.test.ts',
        'test/rules/quick-fixes.test.ts',
        'test/rules/per-cell.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-capacity-rules.json',
    jsonReporter: { fileName: 'test-output/mutation/capacity-rules-report.json' },
    tempDirName: 'test-output/stryker-tmp-capacity-rules',
};
