// The CLI builds each model once. The declaration memo then pays only where one model reuses another's
// declarations — through imports — so the CLI records for reuse exactly when some loaded file imports another.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../cli/workspace.js';

const folder = mkdtempSync(path.join(tmpdir(), 'mregion-cli-models-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(files: Record<string, string>): string[] {
    const dir = mkdtempSync(path.join(folder, 'case-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return Object.keys(files).map((name) => path.join(dir, name));
}

describe('models the CLI builds', () => {
    it.each<{ what: string; files: Record<string, string>; remembers: boolean }>([
        {
            what: 'one design without imports',
            files: { 'a.mregion': 'region us-east-1 { provider aws }\n' },
            remembers: false,
        },
        {
            what: 'two designs that import nothing',
            files: {
                'a.mregion': 'region us-east-1 { provider aws }\n',
                'b.mregion': 'region eu-west-1 { provider aws }\n',
            },
            remembers: false,
        },
        {
            what: 'a design importing another',
            files: {
                'a.mregion': 'import "b.mregion"\nregion us-east-1 { provider aws }\n',
                'b.mregion': 'region eu-west-1 { provider aws }\n',
            },
            remembers: true,
        },
    ])('records declarations for reuse only where another model reuses them: $what', async ({ files, remembers }) => {
        const workspace = await loadWorkspace(write(files));
        expect(workspace.services.semantics.Models.rememberDeclarations).toBe(remembers);
        expect(workspace.all).toHaveLength(Object.keys(files).length);
    });
});
