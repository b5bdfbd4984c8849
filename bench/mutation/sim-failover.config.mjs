// Mutation testing of the simulation's failover mechanism (simulation/engine/mechanisms/failover.ts and
// detection.ts: health probes, detection, the actions, control-plane waits, delayed routing), static mutants
// counted, with the fast failover suites (test/simulation/failover-*.test.ts: small designs run for minutes of
// simulated time, and the mechanisms driven on a hand-built engine context) and the small simulation suites
// that reach it, each under 4 s here. Left out for time: gray-failures (17 s), and timeline-clauses, whose runs
// happen while its suites are collected, so every mutant they reach would count as static and run every test.
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/sim-failover.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['simulation/engine/mechanisms/failover.ts', 'simulation/engine/mechanisms/detection.ts'],
    testFiles: [
        'test/simulation/failover-*.test.ts',
        'test/simulation/irreversible-actions.test.ts',
        'test/simulation/leader-election.test.ts',
        'test/simulation/faults.test.ts',
        'test/simulation/quota.test.ts',
        'test/simulation/independent-copies.test.ts',
        'test/simulation/cold-cache.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-sim-failover.json',
    jsonReporter: { fileName: 'test-output/mutation/sim-failover-report.json' },
    tempDirName: 'test-output/stryker-tmp-sim-failover',
};
