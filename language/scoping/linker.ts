// Langium's linker forgets every resolved reference of a changed document and resolves them all again, walking the
// whole tree (with a cancellation check per node) to find them; on large designs that was a fifth of an edit's
// time. An edit re-parses only the declarations it touched (language/parser/declaration-splice.ts), so this linker
// keeps what a reference resolved to when that cannot have changed, and takes each declaration's references from
// `referencesBelow`, which walks a declaration once. A kept reference:
// - resolved to a declaration of this document that is still in its tree (a replaced declaration is a new node);
// - has a name that no declaration added to or removed from the document since the last linking has. A file's own
//   declarations come before imported ones in its scope (scope-provider.ts), so a change in another file never
//   changes what a name resolves to inside this one; references into other files are always resolved again.
// Everything else (unresolved references, references into other files, the first linking of a tree, a linking
// after a cancelled one) is resolved as Langium does. The order of `document.references` is Langium's
// (pre-order, properties in order). test/language/incremental-update.test.ts compares the diagnostics after edit
// sequences with a fresh validation; test/language/linker.test.ts checks order and targets.
import {
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    isAstNode,
    type AstNode,
    type LangiumDocument,
    type ReferenceInfo,
} from 'langium';
import { forgetResolution, resolvedTarget } from '../langium/internals.js';
import { ownReferences, referencesBelow } from '../util/subtree-references.js';
import { itemAt } from '../util/item-at.js';

const REFERENCES_PER_CHECK = 256;

interface Linked {
    readonly root: AstNode;
    readonly declarations: readonly AstNode[];
}

export class MregionLinker extends DefaultLinker {
    /** Each document's tree and top-level declarations as its last completed linking saw them. */
    private readonly lastLinked = new WeakMap<LangiumDocument, Linked>();

    /** Resolutions stay on the references; `link` decides which are still true. */
    override unlink(document: LangiumDocument): void {
        document.references = [];
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const root = document.parseResult.value;
        const declarations = declarationsOf(root);
        const changedNames = this.namesChangedSinceLastLinking(document, root, declarations);
        // A cancelled linking leaves a mix of old and new resolutions: the next one starts from scratch.
        this.lastLinked.delete(document);
        const stillTrue = (info: ReferenceInfo): boolean => {
            if (changedNames === undefined) return false;
            const target = resolvedTarget(info.reference);
            if (!isAstNode(target) || changedNames.has(info.reference.$refText)) return false;
            const top = topLevelOf(target);
            return declarations[top.$containerIndex ?? -1] === top;
        };
        // The root is the one node whose children change; its own references, then each child's subtree in order
        // make the same pre-order as one walk.
        const own: ReferenceInfo[] = [];
        const children: AstNode[] = [];
        ownReferences(root, own, children);
        let linked = 0;
        for (let i = -1; i < children.length; i++) {
            const infos = i < 0 ? own : referencesBelow(itemAt(children, i, 'root child'));
            // Index loops: an iterator per declaration was most of what linking left for the garbage collector.
            for (let j = 0; j < infos.length; j++) {
                const info = itemAt(infos, j, 'reference');
                if (++linked % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
                if (stillTrue(info)) {
                    document.references.push(info.reference);
                } else {
                    forgetResolution(info.reference);
                    this.doLink(info, document);
                }
            }
        }
        this.lastLinked.set(document, { root, declarations: [...declarations] });
    }

    /** Names declared by the declarations added or removed since the last linking; undefined: keep nothing. */
    private namesChangedSinceLastLinking(
        document: LangiumDocument,
        root: AstNode,
        declarations: readonly AstNode[],
    ): Set<string> | undefined {
        const last = this.lastLinked.get(document);
        if (!last || last.root !== root) return undefined;
        // An edit replaces one run of declarations (language/parser/declaration-splice.ts): what lies between the
        // common head and tail of the two lists was removed or added. For any other change this is a superset.
        const before = last.declarations;
        const shorter = Math.min(before.length, declarations.length);
        let head = 0;
        while (head < shorter && before[head] === declarations[head]) head++;
        let tail = 0;
        while (
            tail < shorter - head &&
            before[before.length - 1 - tail] === declarations[declarations.length - 1 - tail]
        )
            tail++;
        const names = new Set<string>();
        for (let i = head; i < before.length - tail; i++) addName(names, itemAt(before, i, 'earlier declaration'));
        for (let i = head; i < declarations.length - tail; i++) addName(names, itemAt(declarations, i, 'declaration'));
        return names;
    }
}

function declarationsOf(root: AstNode): readonly AstNode[] {
    const elements = (root as { elements?: unknown }).elements;
    return Array.isArray(elements) ? (elements as AstNode[]) : [];
}

function addName(names: Set<string>, declaration: AstNode): void {
    const name = (declaration as { name?: unknown }).name;
    if (typeof name === 'string') names.add(name);
}

function topLevelOf(node: AstNode): AstNode {
    let top = node;
    while (top.$container?.$container !== undefined) top = top.$container;
    return top;
}
