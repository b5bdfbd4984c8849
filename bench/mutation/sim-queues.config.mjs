// Mutation testing of the simulation's queues and corruption, first measured on 2026-12-07 (outside `language/`),
// static mutants counted: the pure helpers of queues and streams (queues.ts), the backlogs, checkpoints and consumer
// moves (engine/mechanisms/queues.ts) and a corruption's spread and restore point (corruption.ts). Each module runs
// with its fast unit suite on hand-built inputs (a fraction of a second) and one small existing simulation suite
// that reaches it: `expectation-metrics` runs the Kafka MirrorMaker 2 fixture (a consumer move, its duplicates)
// and corruptions, `corruption` the restore figures. The broad `queues.test.ts` (over 20 s here) is left out: a
// surviving mutant would cost that much each. Picked from the --mutate argument; one module per run, each with
// its own incremental file (a run limited with --mutate keeps only its modules):
//   flock /tmp/stryker2.lock nice -n 10 npx stryker run bench/mutation/sim-queues.config.mjs \
//     --mutate simulation/queues.ts --incrementalFile bench/mutation/stryker-incremental-sim-queues-queues.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/queues.ts': ['test/simulation/queues-unit.test.ts', 'test/simulation/expectation-metrics.test.ts'],
    'simulation/engine/mechanisms/queues.ts': [
        'test/simulation/queues-unit.test.ts',
        'test/simulation/expectation-metrics.test.ts',
    ],
    'simulation/corruption.ts': [
        'test/simulation/corruption-unit.test.ts',
        'test/simulation/corruption.test.ts',
        'test/simulation/expectation-metrics.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-queues.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-queues-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-queues',
};
