// Preloaded into the CLI and the server by large-file.mjs (node --require …): when the process exits it writes its
// peak resident memory and CPU time to standard error as one line, `peak-usage {"maxRssKiB":…,"cpuMs":…}`. CPU time
// is reported beside wall time because the benchmark machine is shared and wall time depends on its load.
'use strict';
process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    process.stderr.write(
        `\npeak-usage ${JSON.stringify({ maxRssKiB: maxRSS, cpuMs: Math.round((userCPUTime + systemCPUTime) / 1000) })}\n`,
    );
});
