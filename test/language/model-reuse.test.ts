// After an edit the model builder hands back the model of every declaration whose text, position, references and
// inputs from the rest of the model did not change (language/semantics/builder/declaration-memo.ts). These cases
// pin down when it must rebuild instead, and that what it reuses still sits on the right line and column.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';
import type { Model } from '../../language/semantics/model.js';
import { validate } from '../helpers/services.js';

const design = `topology Reuse "model reuse"
region us-east-1 { provider aws }
region eu-west-1 { provider aws }
region us-west-2 { provider gcp }

store carts {
    engine  dynamodb
    regions us-east-1, us-west-2
    holds   shared counter
    writes  any-region
}

store sessions {
    engine  dynamodb
    regions us-east-1, eu-west-1
    holds   per-user rows
    writes  any-region
}

failover sessions {
    detect health-check every 10s threshold 3
    action promote
    drill  every 30d
}
`;

type Pick = (model: Model) => unknown;
const region =
    (name: string): Pick =>
    (model) =>
        model.regions.get(name);
const store =
    (name: string): Pick =>
    (model) =>
        model.stores.get(name);
const failover =
    (target: string): Pick =>
    (model) =>
        model.failovers.find((f) => f.target.id === target);

interface Case {
    readonly edit: string;
    readonly from: string;
    readonly to: string;
    readonly declaration: string;
    readonly pick: Pick;
    readonly reused: boolean;
}

const cases: readonly Case[] = [
    {
        edit: 'a digit in a failover',
        from: 'every 10s',
        to: 'every 20s',
        declaration: 'store carts',
        pick: store('carts'),
        reused: true,
    },
    {
        edit: 'a digit in a failover',
        from: 'every 10s',
        to: 'every 20s',
        declaration: 'region us-west-2',
        pick: region('us-west-2'),
        reused: true,
    },
    {
        edit: 'a space on the line of an earlier declaration',
        from: 'region eu-west-1 { provider aws }',
        to: 'region eu-west-1 {  provider aws }',
        declaration: 'region us-west-2',
        pick: region('us-west-2'),
        reused: true,
    },
    {
        edit: 'a line added above',
        from: 'region eu-west-1 { provider aws }',
        to: 'region eu-west-1 {\n    provider aws\n}',
        declaration: 'region us-west-2',
        pick: region('us-west-2'),
        reused: false,
    },
    {
        edit: 'a line added above',
        from: 'region eu-west-1 { provider aws }',
        to: 'region eu-west-1 {\n    provider aws\n}',
        declaration: 'store carts',
        pick: store('carts'),
        reused: false,
    },
    {
        edit: 'its own text',
        from: 'holds   shared counter',
        to: 'holds   shared  counter',
        declaration: 'store carts',
        pick: store('carts'),
        reused: false,
    },
    {
        edit: 'a region it names, rebuilt',
        from: 'region us-west-2 { provider gcp }',
        to: 'region us-west-2 { provider  gcp }',
        declaration: 'store carts',
        pick: store('carts'),
        reused: false,
    },
    {
        edit: 'a store it fails over, rebuilt',
        from: 'holds   per-user rows',
        to: 'holds   per-user  rows',
        declaration: 'failover sessions',
        pick: failover('sessions'),
        reused: false,
    },
    {
        edit: 'a store it does not fail over, rebuilt',
        from: 'holds   shared counter',
        to: 'holds   shared  counter',
        declaration: 'failover sessions',
        pick: failover('sessions'),
        reused: true,
    },
    {
        edit: 'a region it names, removed',
        from: 'region us-west-2 { provider gcp }',
        to: '',
        declaration: 'store carts',
        pick: store('carts'),
        reused: false,
    },
    {
        edit: 'a cell declared (its cells are an input)',
        from: 'store sessions',
        to: 'cell eu { regions eu-west-1 }\n\nstore sessions',
        declaration: 'store carts',
        pick: store('carts'),
        reused: false,
    },
];

async function openAndEdit(from: string, to: string, rememberDeclarations = true) {
    const { shared, Mregion } = createMregionServices(EmptyFileSystem);
    Mregion.semantics.Models.rememberDeclarations = rememberDeclarations;
    const texts = shared.workspace.TextDocuments!;
    const uri = URI.parse('file:///reuse/design.mregion');
    texts.set(TextDocument.create(uri.toString(), 'mregion', 0, design));
    const document: LangiumDocument = shared.workspace.LangiumDocumentFactory.fromTextDocument(
        texts.get(uri.toString())!,
    );
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const before = Mregion.semantics.Models.modelFor(document).model;
    expect(design).toContain(from);
    const edited = design.replace(from, to);
    texts.set(TextDocument.create(uri.toString(), 'mregion', 1, edited));
    await shared.workspace.DocumentBuilder.update([uri], []);
    return { document, edited, before, after: Mregion.semantics.Models.modelFor(document).model };
}

const summary = (d: { code?: unknown; message: unknown; range: unknown }) => ({
    code: d.code,
    message: d.message,
    range: d.range,
});

describe('reusing the model of declarations an edit did not change', () => {
    it.each(cases)('after $edit, $declaration is reused: $reused', async ({ from, to, pick, reused }) => {
        const { document, edited, before, after } = await openAndEdit(from, to);
        expect(pick(before)).toBeDefined();
        if (reused) expect(pick(after)).toBe(pick(before));
        else expect(pick(after)).not.toBe(pick(before));
        const fresh = await validate(edited);
        expect(document.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
    });

    it('keeps the problems of a reused declaration, and moves them with it when lines are added above', async () => {
        const providerWarning = (diagnostics: readonly { message: unknown; range: { start: { line: number } } }[]) =>
            diagnostics.find((d) => String(d.message).startsWith('us-west-2 is an AWS region code'))?.range.start.line;
        const same = await openAndEdit('every 10s', 'every 20s');
        expect(providerWarning(same.document.diagnostics ?? [])).toBe(3);
        const moved = await openAndEdit('region eu-west-1 { provider aws }', 'region eu-west-1 {\n    provider aws\n}');
        expect(providerWarning(moved.document.diagnostics ?? [])).toBe(5);
    });

    it('reuses nothing when builds do not remember declarations, as in a one-shot check', async () => {
        const { document, edited, before, after } = await openAndEdit('every 10s', 'every 20s', false);
        expect(store('carts')(after)).not.toBe(store('carts')(before));
        expect(region('us-west-2')(after)).not.toBe(region('us-west-2')(before));
        const fresh = await validate(edited);
        expect(document.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
    });
});
