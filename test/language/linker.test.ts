// The linker takes each declaration's references from a cache and keeps resolutions an edit cannot have changed;
// it must still link every reference, in Langium's order (pre-order, properties in declaration order), since
// find-references and the reference index read `document.references` in that order, and to the node a fresh
// linking would choose.
import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import { validate } from '../helpers/services.js';
import { exampleNames, examples } from './design-edits.js';
import { checkAfterEveryEdit } from './edit-sequences.js';

describe('linking', () => {
    it.each(examples.map((text, i) => [exampleNames[i]!, text] as const))(
        'links every reference of %s in the order Langium streams them',
        async (_name, text) => {
            const { document } = await validate(text);
            const streamed = AstUtils.streamAst(document.parseResult.value)
                .flatMap((node) => AstUtils.streamReferences(node))
                .map((r) => r.reference)
                .toArray();
            expect(streamed.length).toBeGreaterThan(0);
            expect(document.references).toHaveLength(streamed.length);
            document.references.forEach((reference, i) => expect(reference).toBe(streamed[i]));
        },
    );
});

describe('linking after edits', () => {
    const where = (node: AstNode | undefined): string | undefined => {
        if (!node) return undefined;
        const index = AstUtils.streamAst(AstUtils.findRootNode(node)).toArray().indexOf(node);
        return `${AstUtils.getDocument(node).uri.path}#${index}`;
    };
    const targets = (document: LangiumDocument): (string | undefined)[] =>
        document.references.map((r) => where((r as Reference).ref));

    it('resolves every reference to the node a fresh linking of the text resolves it to, after every change of a sequence', async () => {
        const local = (t: string | undefined) => t?.replace(/^.*#/, '#');
        await checkAfterEveryEdit(20261130, (document, fresh) => {
            expect(targets(document).map(local)).toEqual(targets(fresh.document).map(local));
            expect(targets(document).every((t) => t === undefined || t.startsWith(`${document.uri.path}#`))).toBe(true);
        });
    });
});
