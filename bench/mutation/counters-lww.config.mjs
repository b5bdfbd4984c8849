// Mutation testing of the counter increments lost under last-writer-wins (estimators/counter-increments.ts: the
// backward walk over regions and its stationary distribution) and of the loss estimate that calls it
// (estimators/lww-losses.ts: probabilityOverwritten, counterIncrements), static mutants counted. Hover and the
// simulation oracles also reach them but take minutes per static mutant; they are left out:
//   nice -n 10 npx stryker run bench/mutation/counters-lww.config.mjs --mutate 'language/semantics/estimators/lww-losses.ts:100-160'
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/semantics/estimators/counter-increments.ts', 'language/semantics/estimators/lww-losses.ts'],
    testFiles: [
        'test/estimators/counter-increments.test.ts',
        'test/estimators/lww-losses.test.ts',
        'test/estimators/lww-losses-paths.test.ts',
        'test/rules/lww-on-shared-state.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-counters-lww.json',
    jsonReporter: { fileName: 'test-output/mutation/counters-lww-report.json' },
    tempDirName: 'test-output/stryker-tmp-counters-lww',
};
