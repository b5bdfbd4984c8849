// Mutation testing of the design rules' shared code, static mutants counted: the runner that isolates a failing
// rule, applies severities and merges per-cell findings (runner.ts), where findings point and how estimates are
// rounded (helpers.ts), the region pairs unknown-latency has reported (reported-pairs.ts) and the voter layout a
// quick fix leaves (voter-layout.ts). Each module runs with only its own unit suite on hand-built rules, sources
// and stores (a fraction of a second), picked from the --mutate argument; the runner also with rule-failure (a
// throwing rule inside a language server). The whole-document rule suites that also reach them are left out for
// time. The CRDT rules of conflict-rules.ts (crdt-cannot-keep-invariant, crdt-shape-mismatch, with the tables and
// the helpers they share with lww-on-shared-state) run with their own unit suite on hand-built stores and the
// rules' document suite; name their lines (the rest of the file is lww-on-shared-state, measured with
// conflicts.config.mjs):
//   --mutate 'language/validation/rules/conflict-rules.ts:1-88,language/validation/rules/conflict-rules.ts:160-242'
// rto-unachievable's quick fixes (recovery-rules.ts:65-201, the lines its rules.config.mjs runs left unmeasured) run
// with their own suite (test/rules/rto-fixes.test.ts: each fix's title, promised time, preference and edits on
// small designs) and the rule's document suites:
//   --mutate 'language/validation/rules/recovery-rules.ts:65-201'
// One module per run, each with its own incremental file (a run limited with --mutate keeps only its
// modules):
//   flock /tmp/stryker.lock nice -n 10 npx stryker run bench/mutation/rules-shared.config.mjs \
//     --mutate language/validation/rules/runner.ts --incrementalFile bench/mutation/stryker-incremental-rules-shared-runner.json
import base from '../../stryker.config.mjs';
import { testFilesFor } from './per-module.mjs';

const suites = {
    'language/validation/rules/runner.ts': ['test/rules/runner-unit.test.ts', 'test/rules/rule-failure.test.ts'],
    'language/validation/rules/helpers.ts': ['test/rules/helpers-unit.test.ts'],
    'language/validation/rules/reported-pairs.ts': ['test/rules/reported-pairs-unit.test.ts'],
    'language/validation/rules/voter-layout.ts': ['test/rules/voter-layout-unit.test.ts'],
    'language/validation/rules/recovery-rules.ts': [
        'test/rules/rto-fixes.test.ts',
        'test/rules/rto-unachievable.test.ts',
        'test/rules/recovery-rules.test.ts',
        'test/rules/quick-fixes.test.ts',
    ],
    'language/validation/rules/conflict-rules.ts': [
        'test/rules/crdt-rules-unit.test.ts',
        'test/rules/conflict-rules.test.ts',
    ],
};

export default {
    ...base,
    mutate: Object.keys(suites),
    testFiles: testFilesFor(suites),
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-rules-shared.json',
    jsonReporter: { fileName: 'test-output/mutation/rules-shared-report.json' },
    tempDirName: 'test-output/stryker-tmp-rules-shared',
};
