import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLanguageReference } from '../../language/lsp/language-reference.js';
import { KEYWORD_DOCS } from '../../language/lsp/keyword-docs.js';

describe('docs/language-reference.md', () => {
    it('is what scripts/generate-language-reference.mjs produces from the keyword docs today', () => {
        const committed = readFileSync(new URL('../../docs/language-reference.md', import.meta.url), 'utf8');
        expect(committed, 'stale: run `node scripts/generate-language-reference.mjs`').toBe(renderLanguageReference());
    });

    it('has a heading for every documented keyword', () => {
        const text = renderLanguageReference();
        const missing = Object.keys(KEYWORD_DOCS).filter((k) => !text.includes(`### \`${k}\``));
        expect(missing).toEqual([]);
    });
});
