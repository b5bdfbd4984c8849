// Mutation testing of the report builder (simulation/report-builder.ts, issue 21): the report's figures from a
// run's state and the measurements `expect` clauses are judged on. The file is large, so it is measured in line
// ranges, each with its own incremental file (a run limited with --mutate keeps only its range), e.g. the
// Measurements class:
//   flock /tmp/stryker2.lock nice -n 10 npx stryker run bench/mutation/report-builder.config.mjs \
//     --mutate 'simulation/report-builder.ts:527-933' \
//     --incrementalFile bench/mutation/stryker-incremental-report-builder-measurements.json
// Only the suites that reach the measurements quickly run (each under ~15 s here), all simulating on the test's
// thread inside `it`: the unit suite of small designs, and the expectation metrics (corruption, duplicates).
// test/simulation/expectations.test.ts is left out: it runs its design once in beforeAll (in a worker), which
// made 287 of the 546 mutants of lines 527–933 "static" (each then runs every suite: hours). Static mutants
// are counted.
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/report-builder.ts': [
        'test/simulation/report-builder-unit.test.ts',
        'test/simulation/expectation-metrics.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-report-builder.json',
    jsonReporter: { fileName: 'test-output/mutation/report-builder-report.json' },
    tempDirName: 'test-output/stryker-tmp-report-builder',
};
