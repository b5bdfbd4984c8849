// The linker walks the tree with a plain stack instead of Langium's streams; it must still link every reference,
// in Langium's order (pre-order, properties in declaration order), since find-references and the reference index
// read `document.references` in that order.
import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { validate } from '../helpers/services.js';
import { exampleNames, examples } from './design-edits.js';

describe('linking', () => {
    it.each(examples.map((text, i) => [exampleNames[i]!, text] as const))('links every reference of %s in the order Langium streams them', async (_name, text) => {
        const { document } = await validate(text);
        const streamed = AstUtils.streamAst(document.parseResult.value).flatMap((node) => AstUtils.streamReferences(node)).map((r) => r.reference).toArray();
        expect(streamed.length).toBeGreaterThan(0);
        expect(document.references).toHaveLength(streamed.length);
        document.references.forEach((reference, i) => expect(reference).toBe(streamed[i]));
    });
});
