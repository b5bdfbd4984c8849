// The invariants of ARCHITECTURE.md, checked on the source: who may import what, and what every entry point
// loads first.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/bundles.js';

interface SourceFile {
    readonly file: string; // relative, forward slashes
    readonly imports: readonly string[]; // specifiers as written
}

const SOURCE_FOLDERS = [
    'language',
    'server',
    'client',
    'cli',
    'simulation',
    'export',
    'import',
    'protocol',
    'format',
    'webview',
];

function walk(folder: string): string[] {
    const absolute = path.join(ROOT, folder);
    if (!existsSync(absolute)) return [];
    return readdirSync(absolute).flatMap((entry) => {
        const full = path.join(absolute, entry);
        const relative = path.posix.join(folder, entry);
        if (statSync(full).isDirectory()) return entry === 'node_modules' ? [] : walk(relative);
        return /\.(ts|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts') ? [relative] : [];
    });
}

const IMPORT =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function read(file: string): SourceFile {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!).filter(Boolean);
    return { file, imports };
}

const files = SOURCE_FOLDERS.flatMap(walk).map(read);
const byFile = new Map(files.map((f) => [f.file, f]));

/** Repository-relative target of a relative import, without extension changes (.js → .ts). */
function resolve(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return joined.replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cjs');
}

function importers(predicate: (specifier: string, target: string | undefined, file: SourceFile) => boolean): string[] {
    return files.flatMap((f) =>
        f.imports.filter((s) => predicate(s, resolve(f.file, s), f)).map((s) => `${f.file} imports ${s}`),
    );
}

/** Files reachable from `start` through relative imports. */
function closure(start: string): Set<string> {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const s of byFile.get(file)?.imports ?? []) {
            const target = resolve(file, s);
            if (target && byFile.has(target)) queue.push(target);
        }
    }
    return seen;
}

/** The cycles of a graph: each as the nodes around the loop, from the first one the search met. */
function cyclesOf(nodes: readonly string[], edges: (node: string) => readonly string[]): string[] {
    // Depth-first search; an edge back to a node on the current path closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const cycles: string[] = [];
    const visit = (node: string): void => {
        state.set(node, 'open');
        path.push(node);
        for (const next of edges(node)) {
            const seen = state.get(next);
            if (seen === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
            else if (seen === undefined) visit(next);
        }
        path.pop();
        state.set(node, 'done');
    };
    for (const node of [...nodes].sort()) if (!state.has(node)) visit(node);
    return cycles;
}

/** The import cycles among `scope` (relative imports only, types included). */
function importCycles(scope: readonly string[]): string[] {
    const inScope = new Set(scope);
    return cyclesOf(scope, (file) =>
        (byFile.get(file)?.imports ?? [])
            .map((s) => resolve(file, s))
            .filter((t): t is string => t !== undefined && inScope.has(t)),
    );
}

const isLangium = (s: string) => s === 'langium' || s.startsWith('langium/');
const PURE_SEMANTICS = files
    .map((f) => f.file)
    .filter((f) => f.startsWith('language/semantics/') && !f.startsWith('language/semantics/builder/'));

describe('architecture invariants', () => {
    test('only client/ imports vscode', () => {
        expect(importers((s, _t, f) => s === 'vscode' && !f.file.startsWith('client/'))).toEqual([]);
    });

    test('only server/ and language/ import langium/lsp', () => {
        expect(
            importers(
                (s, _t, f) =>
                    s.startsWith('langium/lsp') && !f.file.startsWith('server/') && !f.file.startsWith('language/'),
            ),
        ).toEqual([]);
    });

    test('client/ imports nothing from language/', () => {
        expect(
            importers((_s, t, f) => f.file.startsWith('client/') && t !== undefined && t.startsWith('language/')),
        ).toEqual([]);
    });

    test('the semantic model and its pure helpers import neither langium nor the AST', () => {
        expect(PURE_SEMANTICS).toContain('language/semantics/model.ts');
        const offenders = PURE_SEMANTICS.flatMap((file) => [...closure(file)]).flatMap((file) =>
            (byFile.get(file)?.imports ?? [])
                .filter((s) => isLangium(s) || (resolve(file, s) ?? '').startsWith('language/generated/'))
                .map((s) => `${file} imports ${s}`),
        );
        expect([...new Set(offenders)]).toEqual([]);
    });

    test('simulation/ and export/ import the semantic model, never the AST, Langium or vscode', () => {
        const offenders = files
            .filter((f) => f.file.startsWith('simulation/') || f.file.startsWith('export/'))
            .flatMap((f) => [...closure(f.file)])
            .flatMap((file) =>
                (byFile.get(file)?.imports ?? [])
                    .filter(
                        (s) =>
                            isLangium(s) ||
                            s === 'vscode' ||
                            s.startsWith('vscode-language') ||
                            (resolve(file, s) ?? '').startsWith('language/generated/') ||
                            (resolve(file, s) ?? '').startsWith('language/semantics/builder/'),
                    )
                    .map((s) => `${file} imports ${s}`),
            );
        expect([...new Set(offenders)]).toEqual([]);
    });

    test('import/ imports only itself, the pure semantic model and protocol/ (and Node built-ins)', () => {
        expect(
            importers(
                (s, t, f) =>
                    f.file.startsWith('import/') &&
                    (t === undefined
                        ? !s.startsWith('node:')
                        : !t.startsWith('import/') && !PURE_SEMANTICS.includes(t) && !t.startsWith('protocol/')),
            ),
        ).toEqual([]);
    });

    test('only cli/ and server/ import import/', () => {
        expect(
            importers(
                (_s, t, f) =>
                    t !== undefined &&
                    t.startsWith('import/') &&
                    !f.file.startsWith('import/') &&
                    !f.file.startsWith('cli/') &&
                    !f.file.startsWith('server/'),
            ),
        ).toEqual([]);
    });

    test('format/ imports nothing outside itself, so every program and the webviews may import it', () => {
        expect(byFile.has('format/quantities.ts')).toBe(true);
        expect(
            importers((_s, t, f) => f.file.startsWith('format/') && (t === undefined || !t.startsWith('format/'))),
        ).toEqual([]);
    });

    test('numbers are formatted for people in format/ only: no other source calls toLocaleString or defines a formatter of its own', () => {
        const offenders = files
            .filter((f) => !f.file.startsWith('format/'))
            .flatMap((f) => {
                const text = readFileSync(path.join(ROOT, f.file), 'utf8');
                return [
                    ...text.matchAll(
                        /\.toLocaleString\(|function (formatDuration|formatCount|formatPercent|formatShare|formatUsd|formatBytes)\b/g,
                    ),
                ].map((m) => `${f.file}: ${m[0]}`);
            });
        expect(offenders).toEqual([]);
    });

    test('the messages between the extension and its webviews are declared once, in protocol/webview-messages.ts', () => {
        const text = (f: SourceFile) => readFileSync(path.join(ROOT, f.file), 'utf8');
        const sides = files.filter(
            (f) =>
                (f.file.startsWith('client/') || f.file.startsWith('webview/')) &&
                /\.postMessage\(|onDidReceiveMessage\(|addEventListener\('message'/.test(text(f)),
        );
        expect(sides.map((f) => f.file)).toEqual(
            expect.arrayContaining(['client/views/simulation-panel.ts', 'webview/simulation/main.ts']),
        );
        const protocol = 'protocol/webview-messages.ts';
        expect(sides.filter((f) => !f.imports.some((s) => resolve(f.file, s) === protocol)).map((f) => f.file)).toEqual(
            [],
        );
        // A type with a `type: '…'` member outside protocol/ would be a second declaration of a message.
        const declared = files
            .filter((f) => f.file.startsWith('client/') || f.file.startsWith('webview/'))
            .flatMap((f) =>
                [...text(f).matchAll(/(?:\btype \w+\s*=|\binterface \w+)[^;]*?\btype\??:\s*'/g)].map(
                    (m) => `${f.file}: ${m[0]}`,
                ),
            );
        expect(declared).toEqual([]);
    });

    test.each<{ graph: Record<string, string[]>; cycles: string[] }>([
        { graph: { a: ['b'], b: ['c'], c: [] }, cycles: [] },
        { graph: { a: ['a'] }, cycles: ['a → a'] },
        { graph: { a: ['b'], b: ['a'] }, cycles: ['a → b → a'] },
        { graph: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, cycles: [] },
        { graph: { a: ['b'], b: ['c'], c: ['b'] }, cycles: ['b → c → b'] },
    ])('the cycle search finds $cycles in $graph', ({ graph, cycles }) => {
        expect(cyclesOf(Object.keys(graph), (node) => graph[node] ?? [])).toEqual(cycles);
    });

    test('no file of simulation/ imports, through any chain of imports (types included), a file that imports it back', () => {
        const inSimulation = files.map((f) => f.file).filter((f) => f.startsWith('simulation/'));
        expect(inSimulation).toContain('simulation/engine/simulation.ts');
        expect(importCycles(inSimulation)).toEqual([]);
    });

    test('only the engine core imports the mechanisms, and a mechanism imports neither another mechanism nor the core', () => {
        const core = 'simulation/engine/simulation.ts';
        const isMechanism = (file: string | undefined) => file?.startsWith('simulation/engine/mechanisms/') === true;
        expect(files.filter((f) => isMechanism(f.file)).length).toBeGreaterThanOrEqual(7);
        expect(importers((_s, t, f) => isMechanism(t) && f.file !== core)).toEqual([]);
        // What one mechanism needs from another goes through EngineContext (engine/context.ts), which the core implements.
        expect(importers((_s, t, f) => isMechanism(f.file) && t === core)).toEqual([]);
    });

    test('every event kind has a handler in the engine core: the hot one in its step, the others in its dispatch', () => {
        const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
        const kinds = [...text('simulation/engine/event-kinds.ts').matchAll(/^\s+(\w+): \d+,$/gm)].map((m) => m[1]);
        expect(kinds).toContain('delivery');
        const core = text('simulation/engine/simulation.ts');
        const loop = core.slice(core.indexOf('private step('), core.indexOf('private writes('));
        // Writes come from the arrival process, compared with the queue's head in the same step.
        expect(loop).toContain('arrivals.next');
        const dispatch = core.slice(core.indexOf('private dispatch('), core.indexOf('default:'));
        const handled = (kind: string | undefined) =>
            loop.includes(`=== EventKind.${kind})`) || dispatch.includes(`case EventKind.${kind}:`);
        expect(kinds.filter((k) => !handled(k))).toEqual([]);
    });

    test('every Node entry point loads the Object.groupBy polyfill before anything else', () => {
        const entries = ['server/main.ts', 'cli/main.ts', 'simulation/worker.ts'].filter((f) => byFile.has(f));
        expect(entries).toContain('server/main.ts');
        for (const entry of entries) {
            expect(byFile.get(entry)!.imports[0], entry).toMatch(/language\/polyfill\/object-group-by\.cjs$/);
        }
    });

    test('the polyfill provides Object.groupBy where the runtime lacks it', async () => {
        const saved = Object.getOwnPropertyDescriptor(Object, 'groupBy');
        try {
            delete (Object as { groupBy?: unknown }).groupBy;
            const module = path.join(ROOT, 'language/polyfill/object-group-by.cjs');
            // Evaluate the file's source fresh: module caching would skip it after the first load.
            new Function('require', readFileSync(module, 'utf8'))(() => undefined);
            const grouped = (
                Object as unknown as {
                    groupBy: (items: number[], key: (n: number) => string) => Record<string, number[]>;
                }
            ).groupBy([1, 2, 3, 4], (n) => (n % 2 ? 'odd' : 'even'));
            expect({ ...grouped }).toEqual({ odd: [1, 3], even: [2, 4] });
        } finally {
            if (saved) Object.defineProperty(Object, 'groupBy', saved);
        }
    });
});
