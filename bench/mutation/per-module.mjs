// The suites to run for the modules named after --mutate, from a table of suites per module: a configuration
// that measures one module per run then runs only the suites that reach it. Ranges like `file:1-9` keep their
// file; a module missing from the table, or no --mutate at all, runs every suite of the table.
export function testFilesFor(suites, argv = process.argv) {
    const at = argv.indexOf('--mutate');
    const named = at >= 0 ? (argv[at + 1] ?? '').split(',').map((m) => m.split(':')[0]) : Object.keys(suites);
    return [...new Set(named.flatMap((m) => suites[m] ?? Object.values(suites).flat()))];
}
