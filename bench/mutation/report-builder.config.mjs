// Mutation testing of the report builder (simulation/report-builder.ts, issue 21): the report's figures from a
// run's state and the measurements `expect` clauses are judged on. The file is large, so it is measured in line
// ranges, each with its own incremental file (a run limited with --mutate keeps only its range), e.g. the
// Measurements class:
//   flock /tmp/stryker2.lock nice -n 10 npx stryker run bench/mutation/report-builder.config.mjs \
//     --mutate 'simulation/report-builder.ts:527-933' \
//     --incrementalFile bench/mutation/stryker-incremental-report-builder-measurements.json
// Only the suites that reach the report quickly run (each under ~15 s here), all simulating on the test's thread
// inside `it`: the report's own figures (lines 1–525: small designs stopped before the report, their counters,
// interruptions and histograms set by hand; --incrementalFile
// bench/mutation/stryker-incremental-report-builder-figures.json), the unit suite of small designs, and the
// expectation metrics (corruption, duplicates).
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
const FIGURES = 'test/simulation/report-figures-unit.test.ts';

// Lines 1–525 (the report's own figures) run with their own suite alone: every test reaches buildReport, so
// with the other two each mutant there loads three suites, which takes a run of those lines past two hours
// here. Lines from 526 (the measurements) keep the two suites above; a run over both ranges, or with no
// --mutate, runs all three.
function linesOf(argv = process.argv) {
    const at = argv.indexOf('--mutate');
    if (at < 0) return null;
    const ranges = (argv[at + 1] ?? '').split(',').map((m) => /:(\d+)-(\d+)$/.exec(m));
    return ranges.every((r) => r !== null) ? ranges.map((r) => [Number(r[1]), Number(r[2])]) : null;
}
function testFiles() {
    const lines = linesOf();
    if (lines?.every(([, to]) => to <= 525)) return [FIGURES];
    if (lines?.every(([from]) => from >= 526)) return testFilesFor(suites);
    return [FIGURES, ...testFilesFor(suites)];
}

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFiles(),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-report-builder.json',
    jsonReporter: { fileName: 'test-output/mutation/report-builder-report.json' },
    tempDirName: 'test-output/stryker-tmp-report-builder',
};
