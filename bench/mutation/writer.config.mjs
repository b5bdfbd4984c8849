// Mutation testing of the CDK writer (the only module that writes or removes files for an export: path checks,
// links never followed, refusals and the errors the file system gives), static mutants counted, with the suites
// that reach it. Run:
//   nice -n 10 npx stryker run bench/mutation/writer.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['export/cdk/writer.ts'],
    // The writer's own suites, and the editor's export into a folder (which removes and writes through it). The
    // suites that compile or synthesize an app also write through it but only as set-up, at minutes a run.
    testFiles: ['test/export/writer*.test.ts', 'test/client/export-folder.test.ts'],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-writer.json',
    jsonReporter: { fileName: 'test-output/mutation/writer-report.json' },
    tempDirName: 'test-output/stryker-tmp-writer',
};
