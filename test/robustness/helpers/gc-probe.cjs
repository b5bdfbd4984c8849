// Preloaded into the language server by the load test (NODE_OPTIONS=--require …): on SIGUSR2 it runs a full garbage
// collection and writes the process's memory to standard error as one line, `gc-probe {"rss":…,"heapUsed":…}`.
// Retained memory is only comparable after a full collection; the server itself has no request for that.
'use strict';
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => {
    // Twice: the first collection can leave objects whose finalizers free more on the second.
    gc();
    gc();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.stderr.write(`gc-probe ${JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers })}\n`);
});
