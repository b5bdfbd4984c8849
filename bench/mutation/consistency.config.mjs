// Mutation testing of the rules about replication, consistency and residency: strong-needs-sync,
// mrsc-three-regions, strong-distance-limit and consensus-quorum-survival (consistency-rules.ts), and
// residency-violation (residency-rules.ts), static mutants counted, with the suites that reach them. Run one rule's
// lines with --mutate, e.g.:
//   nice -n 10 npx stryker run bench/mutation/consistency.config.mjs --mutate 'language/validation/rules/consistency-rules.ts:23-59'
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/consistency-rules.ts', 'language/validation/rules/residency-rules.ts'],
    // The rules' own suites, the quick fixes they offer and the per-cell merging; a static mutant runs all of them.
    testFiles: [
        'test/rules/consistency-rules.test.ts',
        'test/rules/consistency-findings.test.ts',
        'test/rules/residency-rules.test.ts',
        'test/rules/residency-findings.test.ts',
        'test/rules/quick-fixes.test.ts',
        'test/rules/per-cell.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-consistency.json',
    jsonReporter: { fileName: 'test-output/mutation/consistency-report.json' },
    tempDirName: 'test-output/stryker-tmp-consistency',
};
