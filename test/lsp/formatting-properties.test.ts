import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';
import { messyFile } from './format-arbitraries.js';
import { formatText, tokenTexts } from './format-helpers.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.mregion'))
    .sort();

/** The model without positions: what the design means, not where it is written. */
function meaning(model: Model): unknown {
    return JSON.parse(
        JSON.stringify(model, (key, value: unknown) => {
            if (key === 'source' || key === 'range' || key === 'nameRange' || key === 'props' || key === 'uri')
                return undefined;
            if (value instanceof Map)
                return Object.fromEntries([...value.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
            // The expectation's source text differs only in whitespace.
            if (key === 'text' && typeof value === 'string') return value.replace(/\s+/g, ' ');
            if (typeof value === 'string') return value.replace(/line \d+/g, 'line #');
            return value;
        }),
    );
}

async function expectSameMeaning(before: string, after: string): Promise<void> {
    const a = await modelOf(before);
    const b = await modelOf(after);
    expect(meaning(b.model)).toEqual(meaning(a.model));
    expect(b.problems.map((p) => `${p.code} ${p.message.replace(/line \d+/g, 'line #')}`)).toEqual(
        a.problems.map((p) => `${p.code} ${p.message.replace(/line \d+/g, 'line #')}`),
    );
}

describe('formatting is stable and never changes meaning', () => {
    it.each(examples)('formatting %s twice changes nothing the second time and keeps its model', async (name) => {
        const text = readFileSync(new URL(name, examplesDir), 'utf8');
        const once = (await formatText(text))!;
        expect(once).toBeDefined();
        expect(await formatText(once)).toBe(once);
        expect(tokenTexts(once)).toEqual(tokenTexts(text));
        await expectSameMeaning(text, once);
    });

    it('formats random valid files idempotently, keeping every token and comment and the model', async () => {
        await fc.assert(
            fc.asyncProperty(messyFile, async (text) => {
                const once = await formatText(text);
                expect(once, 'the generator produced a file with syntax errors').toBeDefined();
                expect(await formatText(once!)).toBe(once);
                expect(tokenTexts(once!)).toEqual(tokenTexts(text));
                await expectSameMeaning(text, once!);
            }),
            { numRuns: 150, seed: 20261129 },
        );
    });
});
