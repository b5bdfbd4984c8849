// Langium keeps the workspace's documents in a trie of URI path segments, and deleting a document leaves its
// folders behind as empty nodes that every listing of all documents walks again. A long session that creates
// and removes many folders (a fuzz run removes two per case) slowed down a little with every folder. This trie
// removes the folders a deletion leaves empty.
import {
    DefaultLangiumDocuments,
    UriTrie,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type URI,
} from 'langium';

export class PruningUriTrie<T> extends UriTrie<T> {
    override delete(uri: URI | string): void {
        const node = this.getNode(this.normalizeUri(uri), false);
        if (!node?.parent) return;
        node.parent.children.delete(node.name);
        let folder = node.parent;
        while (folder.parent && folder.element === undefined && folder.children.size === 0) {
            folder.parent.children.delete(folder.name);
            folder = folder.parent;
        }
    }
}

export class MregionLangiumDocuments extends DefaultLangiumDocuments {
    protected override readonly documentTrie = new PruningUriTrie<LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }
}
