// Mutation testing of the simulation's faults and leadership, first measured on 2026-12-07 (issue 21), static
// mutants counted: the fault state (faults.ts), who can lead a consensus store (leadership.ts), what a partial
// fault cuts off (partial-faults.ts), and the engine's mechanisms that change them (engine/mechanisms/faults.ts,
// engine/mechanisms/leadership.ts). Each module runs with its fast unit suite on hand-built inputs plus one or two
// small whole-simulation suites that reach it (all under ~10 s here), chosen from the --mutate argument, so a
// static mutant (which runs every listed suite) costs seconds, not a minute. One module per run, each with its own
// incremental file (a run limited with --mutate keeps only its modules):
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-faults.config.mjs \
//     --mutate simulation/faults.ts --incrementalFile bench/mutation/stryker-incremental-sim-faults-faults.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/faults.ts': ['test/simulation/fault-state-unit.test.ts', 'test/simulation/faults.test.ts'],
    'simulation/leadership.ts': ['test/simulation/leadership-unit.test.ts', 'test/simulation/leader-election.test.ts'],
    'simulation/engine/mechanisms/leadership.ts': [
        'test/simulation/leadership-unit.test.ts',
        'test/simulation/leader-election.test.ts',
    ],
    'simulation/partial-faults.ts': [
        'test/simulation/partial-faults-unit.test.ts',
        'test/simulation/global-dependencies.test.ts',
    ],
    'simulation/engine/mechanisms/faults.ts': [
        'test/simulation/faults-unit.test.ts',
        'test/simulation/faults.test.ts',
        'test/simulation/global-dependencies.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-faults.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-faults-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-faults',
};
