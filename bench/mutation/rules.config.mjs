// Mutation testing of the design rules with the most logic: rpo-unachievable and rto-unachievable
// (recovery-rules.ts), lww-on-shared-state and the CRDT rules (conflict-rules.ts), static mutants counted, with the
// suites that reach them. Run:
//   npx stryker run bench/mutation/rules.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/recovery-rules.ts', 'language/validation/rules/conflict-rules.ts'],
    // The rules' own suites, the shared verdict table (judge) and the quick fixes they offer; a static mutant runs
    // all of them.
    testFiles: [
        'test/rules/recovery-rules.test.ts',
        'test/rules/rto-unachievable.test.ts',
        'test/rules/rpo-unachievable.test.ts',
        'test/rules/conflict-rules.test.ts',
        'test/rules/judge.test.ts',
        'test/rules/quick-fixes.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-rules.json',
    jsonReporter: { fileName: 'test-output/mutation/rules-report.json' },
    tempDirName: 'test-output/stryker-tmp-rules',
};
