// Deleting documents leaves no empty folders behind in the workspace's document trie, which every listing of
// all documents walks.
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';
import { PruningUriTrie } from '../../language/workspace/documents.js';

describe('the workspace document trie', () => {
    it('removes the folders a deletion leaves empty, and keeps those that still hold something', () => {
        const trie = new PruningUriTrie<string>();
        trie.insert('file:///w/a/b/one.mregion', 'one');
        trie.insert('file:///w/a/two.mregion', 'two');
        trie.delete('file:///w/a/b/one.mregion');
        expect(trie.hasNode('file:///w/a/b')).toBe(false);
        expect(trie.hasNode('file:///w/a')).toBe(true);
        expect(trie.all()).toEqual(['two']);
        trie.delete('file:///w/a/two.mregion');
        expect(trie.hasNode('file:///w')).toBe(false);
        expect(trie.all()).toEqual([]);
    });

    it('is the trie the language services use: a deleted folder of documents leaves nothing behind', () => {
        const { shared } = createMregionServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        for (const name of ['a.mregion', 'b.mregion']) {
            documents.addDocument(
                shared.workspace.LangiumDocumentFactory.fromString(
                    'region r1 { provider aws }',
                    URI.parse(`file:///w/case-1/${name}`),
                ),
            );
        }
        documents.deleteDocuments(URI.parse('file:///w/case-1'));
        expect(documents.all.count()).toBe(0);
        expect(
            (documents as unknown as { documentTrie: PruningUriTrie<unknown> }).documentTrie.hasNode('file:///w'),
        ).toBe(false);
    });
});
