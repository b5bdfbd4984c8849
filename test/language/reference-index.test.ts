// The reference index describes a document's references only when find references, rename or the question
// "which documents does this change affect" first asks (language/workspace/index-manager.ts), and the index of
// exported names keeps a declaration's description across edits (language/workspace/node-descriptions.ts). What
// they answer must be what indexes built afresh after every change would answer.
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument, type Reference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { isRegion, type Document } from '../../language/generated/ast.js';
import { createMregionServices } from '../../language/mregion-module.js';

function workspace() {
    const { shared, Mregion } = createMregionServices(EmptyFileSystem);
    const texts = shared.workspace.TextDocuments!;
    const versions = new Map<string, number>();
    const set = (name: string, text: string): URI => {
        const uri = URI.parse(`file:///index/${name}`);
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        texts.set(TextDocument.create(uri.toString(), 'mregion', version, text));
        return uri;
    };
    const open = async (files: Record<string, string>): Promise<void> => {
        const documents = Object.entries(files).map(([name, text]) => {
            const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(
                texts.get(set(name, text).toString())!,
            );
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    };
    const change = async (name: string, text: string): Promise<void> => {
        await shared.workspace.DocumentBuilder.update([set(name, text)], []);
    };
    const document = (name: string): LangiumDocument<Document> =>
        shared.workspace.LangiumDocuments.getDocument(URI.parse(`file:///index/${name}`)) as LangiumDocument<Document>;
    /** Lines of every reference to the named region, found through the index. */
    const referenceLines = (name: string, region: string): number[] => {
        const target = document(name).parseResult.value.elements.find((e) => isRegion(e) && e.name === region)!;
        const path = Mregion.workspace.AstNodeLocator.getAstNodePath(target);
        return shared.workspace.IndexManager.findAllReferences(target, path)
            .map((r) => r.segment.range.start.line)
            .toArray();
    };
    const unresolved = (name: string): string[] =>
        (document(name).diagnostics ?? [])
            .filter((d) => d.code === 'unresolved-reference')
            .map((d) => String(d.message));
    /** The index's descriptions of a file's declarations, with everything positional read out. */
    const exported = (name: string) =>
        [...shared.workspace.IndexManager.allElements(undefined, new Set([`file:///index/${name}`]))].map((d) => ({
            name: d.name,
            type: d.type,
            path: d.path,
            nameAt: d.nameSegment?.range,
            at: d.selectionSegment?.range,
            node: d.node?.$cstNode?.text,
        }));
    return { open, change, document, referenceLines, unresolved, exported };
}

const targetsIn = (document: LangiumDocument<Document>) =>
    AstUtils.streamAst(document.parseResult.value)
        .flatMap((n) => AstUtils.streamReferences(n))
        .map((r) => (r.reference as Reference).ref)
        .toArray();

const design = `region us-east-1 { provider aws }
region eu-west-1 { provider aws }
store carts { engine dynamodb  regions us-east-1, eu-west-1 }
store sessions { engine dynamodb  regions eu-west-1 }
`;

describe('the reference index', () => {
    it('finds the references of a region after edits that moved its uses and the declaration itself', async () => {
        const ws = workspace();
        await ws.open({ 'design.mregion': design });
        expect(ws.referenceLines('design.mregion', 'eu-west-1')).toEqual([2, 3]);
        const moved = `region ap-south-1 { provider aws }\n\n${design.replace('store sessions', '\nstore sessions')}`;
        await ws.change('design.mregion', moved);
        expect(ws.referenceLines('design.mregion', 'eu-west-1')).toEqual([4, 6]);
        expect(ws.referenceLines('design.mregion', 'us-east-1')).toEqual([4]);
    });

    it('relinks a file when a file it imports renames what it uses, and again when the name comes back', async () => {
        const ws = workspace();
        await ws.open({
            'regions.mregion': 'region eu-west-1 { provider aws }\n',
            'main.mregion': 'import "regions.mregion"\nstore sessions { engine dynamodb  regions eu-west-1 }\n',
        });
        expect(ws.unresolved('main.mregion')).toEqual([]);
        await ws.change('regions.mregion', 'region eu-west-2 { provider aws }\n');
        expect(ws.unresolved('main.mregion')).toEqual([expect.stringContaining("unknown region 'eu-west-1'")]);
        await ws.change('regions.mregion', 'region eu-west-1 { provider aws }\n');
        expect(ws.unresolved('main.mregion')).toEqual([]);
        expect(targetsIn(ws.document('main.mregion'))).toEqual([
            ws.document('regions.mregion').parseResult.value.elements[0],
        ]);
    });

    it('relinks a file when a file it imports changes a declaration it resolved to', async () => {
        const ws = workspace();
        await ws.open({
            'regions.mregion': 'region eu-west-1 { provider aws }\n',
            'main.mregion': 'import "regions.mregion"\nstore sessions { engine dynamodb  regions eu-west-1 }\n',
        });
        const before = ws.document('regions.mregion').parseResult.value.elements[0];
        await ws.change('regions.mregion', 'region eu-west-1 { provider aws  jurisdiction EU }\n');
        const after = ws.document('regions.mregion').parseResult.value.elements[0];
        expect(after).not.toBe(before);
        expect(targetsIn(ws.document('main.mregion'))).toEqual([after]);
    });

    it('describes every exported declaration with its current path and positions after edits around it', async () => {
        const ws = workspace();
        const fresh = workspace();
        await ws.open({ 'design.mregion': design });
        const edits = [
            design.replace('store carts', 'region ap-south-1 { provider aws }\n\nstore carts'),
            design.replace('region eu-west-1 { provider aws }', 'region eu-west-1 {\n    provider aws\n}'),
            design.replace('region us-east-1 { provider aws }\n', ''),
            design.replace('store sessions { engine dynamodb', 'store sessions {  engine dynamodb'),
        ];
        for (const [i, text] of edits.entries()) {
            await ws.change('design.mregion', text);
            await fresh.open({ [`fresh${i}.mregion`]: text });
            expect(ws.exported('design.mregion')).toEqual(fresh.exported(`fresh${i}.mregion`));
        }
    });
});
