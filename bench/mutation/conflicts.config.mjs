// Mutation testing of last-write-wins: the loss estimate (estimators/lww-losses.ts) and the conflict rules
// (lww-on-shared-state, crdt-cannot-keep-invariant, crdt-shape-mismatch in conflict-rules.ts), static mutants
// counted, with the suites that reach them. Run one part with --mutate, e.g.:
//   nice -n 10 npx stryker run bench/mutation/conflicts.config.mjs --mutate language/semantics/estimators/lww-losses.ts
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/semantics/estimators/lww-losses.ts', 'language/validation/rules/conflict-rules.ts'],
    // The estimate's suite, the rules' suites, the quick fixes they offer, and hover (which shows the estimate and
    // its missing inputs); a static mutant runs all of them.
    testFiles: [
        'test/estimators/lww-losses.test.ts',
        'test/estimators/lww-losses-paths.test.ts',
        'test/rules/conflict-rules.test.ts',
        'test/rules/lww-on-shared-state.test.ts',
        'test/rules/quick-fixes.test.ts',
        'test/lsp/hover.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-conflicts.json',
    jsonReporter: { fileName: 'test-output/mutation/conflicts-report.json' },
    tempDirName: 'test-output/stryker-tmp-conflicts',
};
