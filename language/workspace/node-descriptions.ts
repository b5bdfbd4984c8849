// Every build describes each named declaration again for the index of exported names, with its path and the
// segments of its name and of its whole text; on a 50k-line design that was thousands of objects per edit for
// declarations the edit did not touch. A top-level declaration's description is kept while the declaration sits at
// the same index under the same name (its path is then the same); the segments are read from the syntax tree
// whenever asked, so they follow the declaration when an edit above it moves it.
import {
    AstUtils,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    type AstNode,
    type AstNodeDescription,
    type DocumentSegment,
    type LangiumDocument,
    type NameProvider,
    type URI,
} from 'langium';

interface Kept {
    readonly index: number | undefined;
    readonly description: AstNodeDescription;
}

export class MregionAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly kept = new WeakMap<AstNode, Kept>();

    override createDescription(
        node: AstNode,
        name: string | undefined,
        document?: LangiumDocument,
    ): AstNodeDescription {
        // Below the top level a node's path depends on every container; those are described afresh.
        if (node.$container?.$container !== undefined) return super.createDescription(node, name, document);
        const named = name ?? this.nameProvider.getName(node);
        const kept = this.kept.get(node);
        if (kept && kept.index === node.$containerIndex && kept.description.name === named) return kept.description;
        if (!named) return super.createDescription(node, name, document);
        const description = new KeptDescription(
            node,
            named,
            (document ?? AstUtils.getDocument(node)).uri,
            this.astNodeLocator.getAstNodePath(node),
            this.nameProvider,
        );
        this.kept.set(node, { index: node.$containerIndex, description });
        return description;
    }
}

/** A class, not an object literal with getters: V8 keeps those as dictionaries, several times larger. */
class KeptDescription implements AstNodeDescription {
    readonly type: string;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly names: NameProvider,
    ) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
