// Mutation testing of where requests go and what writes do in the simulation, first measured on 2026-12-07,
// static mutants counted: a write's coordinator and wait (simulation/routing.ts), the outcome tables and the DNS
// transition after a failover (engine/mechanisms/routing.ts), and writes accepted, refused, throttled and counted
// (engine/mechanisms/writes.ts). Whole simulations are too slow per mutant, so each module runs with its unit suite
// on hand-built inputs (well under a second) and one or two small simulation suites about the same concern (1–2 s
// each here), chosen from the --mutate argument. One module per run, each with its own incremental file:
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-routing.config.mjs \
//     --mutate simulation/routing.ts --incrementalFile bench/mutation/stryker-incremental-sim-routing-routing.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'simulation/routing.ts': [
        'test/simulation/routing-unit.test.ts',
        'test/simulation/cassandra-levels.test.ts',
        'test/simulation/leader-election.test.ts',
    ],
    'simulation/engine/mechanisms/routing.ts': [
        'test/simulation/routing-tables-unit.test.ts',
        'test/simulation/failover-effects.test.ts',
    ],
    'simulation/engine/mechanisms/writes.ts': [
        'test/simulation/writes-unit.test.ts',
        'test/simulation/conflict-refusal.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-routing.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-routing-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-routing',
};
