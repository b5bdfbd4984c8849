// Mutation testing of the engine's replication mechanisms, first measured on 2026-12-07, static mutants counted:
// logs, links, tracked deliveries, cuts, heals and drains (engine/mechanisms/replication.ts) and bounded staleness
// (engine/mechanisms/staleness.ts). Each module runs with its unit suites on a hand-built engine context (about a
// second together), chosen from the --mutate argument. The whole-simulation suites that also reach them (heal,
// key-states, bounded-staleness) are left out: vitest runs slow files first, so they cost every mutant their
// seconds (over an hour for replication.ts here). One module per run, each with its own incremental file:
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-replication.config.mjs \
//     --mutate simulation/engine/mechanisms/replication.ts \
//     --incrementalFile bench/mutation/stryker-incremental-sim-replication-replication.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/engine/mechanisms/replication.ts': [
        'test/simulation/engine-replication-unit.test.ts',
        'test/simulation/engine-heal-unit.test.ts',
        'test/simulation/steady-apply.test.ts',
        'test/simulation/engine-replication-survivors.test.ts',
    ],
    'simulation/engine/mechanisms/staleness.ts': ['test/simulation/staleness-unit.test.ts'],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-replication.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-replication-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-replication',
};
