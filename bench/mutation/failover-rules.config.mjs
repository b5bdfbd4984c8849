// Mutation testing of the failover rules (failover-rules.ts: control-plane-failover, dns-ttl-too-long,
// failover-never-rehearsed, home-region-unrouted, health-check-interval), static mutants counted, with the suites
// that reach them. Run one rule's lines with --mutate, e.g.:
//   nice -n 10 npx stryker run bench/mutation/failover-rules.config.mjs --mutate 'language/validation/rules/failover-rules.ts:12-126'
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/failover-rules.ts'],
    // The rules' own suites (fragments, then whole findings per rule), the quick fixes they offer, the per-cell
    // merging, and the LWW rule's home-region fix, which asks home-region-unrouted's question; a static mutant runs
    // all of them.
    testFiles: [
        'test/rules/failover-rules.test.ts',
        'test/rules/control-plane-failover.test.ts',
        'test/rules/dns-ttl-too-long.test.ts',
        'test/rules/failover-never-rehearsed.test.ts',
        'test/rules/health-check-interval.test.ts',
        'test/rules/home-region-unrouted.test.ts',
        'test/rules/quick-fixes.test.ts',
        'test/rules/per-cell.test.ts',
        'test/rules/lww-on-shared-state.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-failover-rules.json',
    jsonReporter: { fileName: 'test-output/mutation/failover-rules-report.json' },
    tempDirName: 'test-output/stryker-tmp-failover-rules',
};
