// A model object's source keeps the AST node it came from and works its ranges out when asked
// (language/semantics/builder/node-source.ts): the ranges are those of the text (an independent oracle: the text
// at a name's range is the name, every range lies inside the document), nothing is made before it is asked for,
// and the source crosses JSON and the simulation worker's copy as plain data.
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { Model, Range, Source } from '../../language/semantics/model.js';
import { NodeSource } from '../../language/semantics/builder/node-source.js';
import { fromPlainModel, toPlainModel } from '../../simulation/plain-model.js';
import { modelOf } from '../helpers/services.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]);

/** Every source of the model's declarations, with the name it was declared under where it has one. */
function sourcesOf(model: Model): { name?: string; source: Source }[] {
    return [
        ...[...model.regions.values()],
        ...[...model.cells.values()],
        ...[...model.stores.values()],
        ...[...model.services.values()],
        ...[...model.workloads.values()],
        ...[...model.scenarios.values()],
        ...model.failovers,
        ...model.links,
    ].map((item) => ({
        name: 'name' in item && typeof item.name === 'string' ? item.name : undefined,
        source: item.source,
    }));
}

const isRange = (value: unknown): value is Range =>
    typeof value === 'object' && value !== null && 'start' in value && 'end' in value;

describe("a model object's source", () => {
    it.each(examples)('gives the ranges of the text it was declared in, in %s', async (_file, text) => {
        const { model } = await modelOf(text);
        const document = TextDocument.create('file:///x.mregion', 'mregion', 1, text);
        const offset = (range: Range) => [document.offsetAt(range.start), document.offsetAt(range.end)] as const;
        const sources = sourcesOf(model);
        expect(sources.length).toBeGreaterThan(0);
        for (const { name, source } of sources) {
            const [start, end] = offset(source.range);
            expect(start).toBeLessThan(end);
            const [nameStart, nameEnd] = offset(source.nameRange);
            expect(nameStart).toBeGreaterThanOrEqual(start);
            expect(nameEnd).toBeLessThanOrEqual(end);
            // Declared names are written as they are read (a per-cell instance's name is its declaration's).
            if (name !== undefined && !name.includes('@')) expect(document.getText(source.nameRange)).toBe(name);
            for (const range of Object.values(source.props)) {
                if (!range) continue;
                const [propStart, propEnd] = offset(range);
                expect(propStart).toBeGreaterThanOrEqual(start);
                expect(propEnd).toBeLessThanOrEqual(end);
            }
        }
    });

    it('keeps no range before one is asked for, and keeps the declaration and name ranges once read', async () => {
        const [, text] = examples[0]!;
        const { model } = await modelOf(text);
        const [store] = model.stores.values();
        // Built and validated: the rules read some sources; find one nothing read yet, as most are in a large design.
        const unread = sourcesOf(model)
            .map((s) => s.source)
            .find((s) => Object.values(s).every((value) => !isRange(value)));
        expect(unread).toBeInstanceOf(NodeSource);
        expect(store!.source.range).toBe(store!.source.range);
        expect(store!.source.nameRange).toBe(store!.source.nameRange);
    });

    it('is plain data in JSON (the language server sends ranges from it)', async () => {
        const [, text] = examples[0]!;
        const { model } = await modelOf(text);
        const [store] = model.stores.values();
        const json = JSON.parse(JSON.stringify({ location: store!.source })) as { location: Source };
        expect(json.location).toEqual({
            uri: store!.source.uri,
            range: store!.source.range,
            nameRange: store!.source.nameRange,
            props: store!.source.props,
        });
    });

    it.each(examples)(
        'crosses to the simulation worker as plain data with the same ranges, in %s',
        async (_file, text) => {
            const { model } = await modelOf(text);
            // What postMessage does to the message: a structured clone, which drops getters and refuses Proxies.
            const back = fromPlainModel(structuredClone(toPlainModel(model)));
            const plainSources = sourcesOf(back).map(({ source }) => ({ ...source }));
            const sources = sourcesOf(model).map(({ source }) => ({
                uri: source.uri,
                range: source.range,
                nameRange: source.nameRange,
                props: source.props,
            }));
            expect(plainSources).toEqual(sources);
        },
    );
});
