// Mutation testing of the simulation's failover mechanism (simulation/engine/mechanisms/failover.ts and
// detection.ts: health probes, detection, the actions, control-plane waits, delayed routing) and of the split-brain
// window (simulation/split-brain.ts), static mutants counted, with the fast suites (test/simulation/failover-*.test.ts:
// small designs run for minutes of simulated time, and the handlers on a hand-built engine context, about 4.5 s for
// all; split-brain-unit on hand-built stores) and one small simulation suite about the same concern,
// irreversible-actions (4 tests, about 4 s). The other simulation suites that reach these modules (leader-election,
// faults, quota, independent-copies, cold-cache: 2–4 s each) are left out: a surviving mutant runs every test that
// covers it, and with them a survivor took about 40 s on the shared 2 cores (a full run was estimated at over 3
// hours). Left out for the same reason: gray-failures (17 s), and timeline-clauses, whose runs happen while its
// suites are collected (every mutant they reach would count as static).
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-failover.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: [
        'simulation/engine/mechanisms/failover.ts',
        'simulation/engine/mechanisms/detection.ts',
        'simulation/split-brain.ts',
    ],
    testFiles: [
        'test/simulation/failover-*.test.ts',
        'test/simulation/split-brain-unit.test.ts',
        'test/simulation/irreversible-actions.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-failover.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-failover-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-failover',
};
