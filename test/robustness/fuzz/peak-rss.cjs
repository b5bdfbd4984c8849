// Preloaded (node -r) into the CLI by the workspace fuzz stage: on exit, writes the process's peak resident memory
// in kilobytes (getrusage's maxrss, the VmHWM of /proc/<pid>/status) to the file MREGION_PEAK_RSS_FILE names, since
// a short-lived child's /proc entry is gone by the time its parent hears it exited.
const file = process.env.MREGION_PEAK_RSS_FILE;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
