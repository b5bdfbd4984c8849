// Langium >= 4.2.2 calls Object.groupBy, which Node 20 (and older VS Code extension hosts) lack.
// Loaded before anything else in every entry point: server, CLI, simulation worker, tests, codegen.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        },
    });
}
