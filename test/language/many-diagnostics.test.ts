// A file's checks may report any number of diagnostics: Langium appended them with `push(...list)`, which
// overflows the stack past about 150,000 and then dropped every one of them with a console error. The validator
// appends them one by one; outside the server (the CLI, these services) none is capped.
import { EmptyFileSystem, type ValidationAcceptor } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../language/generated/ast.js';
import { createMregionServices } from '../../language/mregion-module.js';

describe('a document with very many diagnostics', () => {
    it.each([10_000, 300_000])('keeps all %i diagnostics a check reports', async (count) => {
        const { Mregion } = createMregionServices(EmptyFileSystem);
        Mregion.validation.ValidationRegistry.register({
            Document: (root: Document, accept: ValidationAcceptor) => {
                for (let i = 0; i < count; i++) accept('warning', `finding ${i}`, { node: root });
            },
        });
        const document = await parseHelper<Document>(Mregion)('topology T\n', { validation: true });
        const findings = (document.diagnostics ?? []).filter((d) => String(d.message).startsWith('finding '));
        expect(findings).toHaveLength(count);
    });
});
