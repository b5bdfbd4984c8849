// Mutation testing of the backup rules (backup-rules.ts: no-backup, backup-same-region, restore-exceeds-rto),
// static mutants counted, with the suites that reach them:
//   nice -n 10 npx stryker run bench/mutation/backup.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/backup-rules.ts'],
    testFiles: ['test/rules/backup-rules.test.ts', 'test/rules/backup-findings.test.ts', 'test/rules/per-cell.test.ts'],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-backup.json',
    jsonReporter: { fileName: 'test-output/mutation/backup-report.json' },
    tempDirName: 'test-output/stryker-tmp-backup',
};
