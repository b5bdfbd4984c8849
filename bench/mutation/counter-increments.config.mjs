// Mutation testing of the counters' accounting under last-writer-wins (simulation/counter-increments.ts), static
// mutants counted, with its own two suites: the bookkeeping alone (hand-worked histories) and the engine against a
// Monte Carlo (a simulation per case, seconds per mutant):
//   nice -n 10 npx stryker run bench/mutation/counter-increments.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['simulation/counter-increments.ts'],
    testFiles: ['test/simulation/counter-increments.test.ts', 'test/simulation/counter-states.test.ts'],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-counter-increments.json',
    jsonReporter: { fileName: 'test-output/mutation/counter-increments-report.json' },
    tempDirName: 'test-output/stryker-tmp-counter-increments',
};
