// Mutation testing of the queue rules (validation/rules/queue-rules.ts) and the consumer re-delivery estimate they
// and hover use (estimators/consumer-redelivery.ts), static mutants counted, with the rules' suite and the editor
// suite of queues and object storage (hover and quick fixes on queues):
//   nice -n 10 npx stryker run bench/mutation/queues.config.mjs
import base from '../../stryker.config.mjs';

export default {
    ...base,
    mutate: ['language/validation/rules/queue-rules.ts', 'language/semantics/estimators/consumer-redelivery.ts'],
    testFiles: [
        'test/rules/queue-rules.test.ts',
        'test/lsp/queue-and-object-editor.test.ts',
        'test/estimators/consumer-redelivery.test.ts',
    ],
    ignoreStatic: false,
    incrementalFile: 'bench/mutation/stryker-incremental-queues.json',
    jsonReporter: { fileName: 'test-output/mutation/queues-report.json' },
    tempDirName: 'test-output/stryker-tmp-queues',
};
