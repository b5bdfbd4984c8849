// Mutation testing of the simulation's accounting, static mutants counted: the losses of a promotion or a
// destroyed region and the split-brain windows (engine/mechanisms/losses.ts), the fate of stranded writes
// (data-fate.ts), the read flow's integration (engine/mechanisms/reads.ts) and the interruptions
// (engine/mechanisms/availability.ts). The fast unit suites drive their exports on hand-built inputs; four small
// simulation suites that reach them are kept (under ~10 s each here); the broad simulation suites are left
// out, as for replication.config.mjs: they take minutes per surviving mutant.
// One module at a time, each with its own incremental file (a run limited with --mutate keeps only its modules):
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-accounting.config.mjs \
//     --mutate simulation/data-fate.ts --incrementalFile bench/mutation/stryker-incremental-sim-accounting-data-fate.json
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: [
        'simulation/engine/mechanisms/losses.ts',
        'simulation/data-fate.ts',
        'simulation/engine/mechanisms/reads.ts',
        'simulation/engine/mechanisms/availability.ts',
    ],
    testFiles: [
        'test/simulation/losses-unit.test.ts',
        'test/simulation/data-fate-unit.test.ts',
        'test/simulation/reads-unit.test.ts',
        'test/simulation/availability-unit.test.ts',
        'test/simulation/data-fate.test.ts',
        'test/simulation/exact-accounting.test.ts',
        'test/simulation/irreversible-actions.test.ts',
        'test/simulation/heal.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-accounting.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-accounting-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-accounting',
};
