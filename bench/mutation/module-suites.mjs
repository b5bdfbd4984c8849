// The suites a per-module configuration runs: those of the modules named after --mutate (ranges like `file:1-9`
// keep their file; a module not in the table runs every suite), or every suite without --mutate. A static mutant
// runs every listed suite, so naming one module keeps it to that module's own fast suites.
export function suitesFor(suites, argv = process.argv) {
    const at = argv.indexOf('--mutate');
    const named = at >= 0 ? (argv[at + 1] ?? '').split(',').map((m) => m.split(':')[0]) : Object.keys(suites);
    return [...new Set(named.flatMap((m) => suites[m] ?? Object.values(suites).flat()))];
}
