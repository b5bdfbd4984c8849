// The workspace fuzz stage, a few seeded cases: generated folders — designs importing each other in every shape,
// symlinks, a FIFO, a folder named x.mregion, `.mregion.json` of any content and kind, files of up to 2 MB in every
// encoding — through the real CLI (check, simulate, export-cdk) and the real server (the folder as its workspace,
// files opened and edited). No crash, no stack trace, exit codes 0–2, no hang, bounded memory, diagnostics inside
// their documents. The large run is `node scripts/fuzz.mjs --stage workspace`; see bench/robustness/README.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownIssueOf } from './fuzz/known-issues.js';
import { workspaceCase, type WorkspaceCase } from './fuzz/workspace-case.js';
import { runWorkspaceCase } from './fuzz/workspace-stage.js';

// Bounds that only catch a hang or a runaway: timing and memory on a shared machine are measured by the large run.
const OPTIONS = { hangMs: 60_000, memoryMB: 1_536 };

async function expectRobust(c: WorkspaceCase): Promise<void> {
    const outcome = await runWorkspaceCase(c, OPTIONS);
    const unknown = outcome.failures.filter((f) => !knownIssueOf(f));
    expect(unknown, c.origin).toEqual([]);
}

describe('fuzzing the workspace layer through the real CLI and server', () => {
    it('survives generated folders of every file kind, size, encoding and import graph', async () => {
        await fc.assert(fc.asyncProperty(workspaceCase(2_000_000), expectRobust), {
            numRuns: 6,
            seed: 20261206,
            endOnFailure: true,
        });
    }, 600_000);

    it('generates every file kind and import shape it promises', () => {
        // Guards the generator: a fuzzer that never writes a FIFO or a symlink cycle proves nothing about them.
        const cases = fc.sample(workspaceCase(2_000_000), { seed: 7, numRuns: 200 });
        const entries = cases.flatMap((c) => c.entries);
        const kinds = new Set(entries.map((e) => (e.kind === 'file' ? `file ${e.encoding}` : e.kind)));
        expect([...kinds].sort()).toEqual([
            'bytes',
            'fifo',
            'file invalid-utf8',
            'file nul-bytes',
            'file utf16be-bom',
            'file utf16le-bom',
            'file utf8',
            'file utf8-bom',
            'folder',
            'symlink',
        ]);
        const imports = entries.flatMap((e) =>
            e.kind === 'file' ? [...e.text.matchAll(/^import "([^"]*)"/gm)].map((m) => m[1]!) : [],
        );
        for (const target of [
            'main.mregion',
            'a.mregion',
            '../a.mregion',
            'fifo.mregion',
            'x.mregion',
            'notes.txt',
            'sub',
            '${CASE}/outside.mregion',
        ])
            expect(imports).toContain(target);
        expect(imports.some((p) => p.startsWith('../../'))).toBe(true);
        expect(entries.some((e) => e.kind === 'file' && e.path.endsWith('.mregion.json'))).toBe(true);
        expect(entries.some((e) => e.kind === 'file' && (e.pad?.bytes ?? 0) > 1_000_000)).toBe(true);
    });
});
