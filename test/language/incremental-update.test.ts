// What the editor sees after each change equals a fresh validation of the text: the document builder re-parses
// only the declarations a change touched, the linker and the model builder reuse what they looked up in the
// declarations it kept, and every diagnostic still lands on the right line and column after lines were added
// or removed above it.
import { describe, expect, it } from 'vitest';
import { checkAfterEveryEdit } from './edit-sequences.js';

const summary = (d: { code?: unknown; severity?: unknown; message: unknown; range: unknown }) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: d.range,
});

describe('validating a document after each change', () => {
    it('gives the diagnostics of a fresh validation after every change of a sequence', async () => {
        await checkAfterEveryEdit(20261129, (document, fresh) => {
            expect(document.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
        });
    });
});
