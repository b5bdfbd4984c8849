// Mutation testing of simulation modules first measured on 2026-12-07, static mutants counted: the closed-form
// read integral (engine/read-flow.ts), a backlog's drain after a heal (drain.ts), bounded staleness
// (staleness-bound.ts) and the report's objectives and expectations (objectives.ts, expectations.ts).
// Each module runs with only the suites that reach it (all under ~10 s here), chosen from the --mutate argument,
// so a static mutant (which runs every listed suite) costs seconds, not a minute. One module per run, each with
// its own incremental file (a run limited with --mutate keeps only its modules):
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-more.config.mjs \
//     --mutate simulation/drain.ts --incrementalFile bench/mutation/stryker-incremental-sim-more-drain.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/engine/read-flow.ts': ['test/simulation/read-flow.test.ts', 'test/simulation/reads-unit.test.ts'],
    'simulation/drain.ts': [
        'test/simulation/drain-unit.test.ts',
        'test/simulation/drain.test.ts',
        'test/simulation/drain-expectation.test.ts',
    ],
    'simulation/staleness-bound.ts': [
        'test/simulation/staleness-bound-unit.test.ts',
        'test/simulation/bounded-staleness.test.ts',
    ],
    'simulation/objectives.ts': ['test/simulation/objectives-unit.test.ts', 'test/simulation/objectives.test.ts'],
    'simulation/expectations.ts': [
        'test/simulation/expectations-unit.test.ts',
        'test/simulation/expectations.test.ts',
        'test/simulation/expectation-metrics.test.ts',
        'test/simulation/drain-expectation.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-more.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-more-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-more',
};
