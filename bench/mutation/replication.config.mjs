// Mutation testing of the simulation's replication streams (simulation/replication.ts), static mutants counted,
// with the suite that drives its exports on hand-built links and key states (a fraction of a second per mutant)
// and two small simulation suites that reach it (key states of many replicas, heals). The broad simulation
// suites, which also reach it, are left out: they take minutes per surviving mutant.
//   nice -n 10 npx stryker run bench/mutation/replication.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['simulation/replication.ts'],
    testFiles: [
        'test/simulation/replication-unit.test.ts',
        'test/simulation/key-states.test.ts',
        'test/simulation/heal.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-replication.json',
    jsonReporter: { fileName: 'test-output/mutation/replication-report.json' },
    tempDirName: 'test-output/stryker-tmp-replication',
};
