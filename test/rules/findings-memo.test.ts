// The editor's memo of rule findings (language/validation/rules/findings-memo.ts): a rule's findings are reused
// only while every part of the model its check read holds the same entries, and a reused result, quick fixes
// included, is what a fresh validation gives — checked on hand-made models, after deleting each declaration of
// every example, and after random edit sequences through the editor's path.
import * as fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMregionServices } from '../../language/mregion-module.js';
import type { Model } from '../../language/semantics/model.js';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { findingsMemoIn } from '../../language/validation/model-checks.js';
import { ModelView, RuleFindingsMemo } from '../../language/validation/rules/findings-memo.js';
import type { Finding, Rule } from '../../language/validation/rules/rule.js';
import { runRules } from '../../language/validation/rules/runner.js';
import { applyEdit, designEdits, exampleNames, examples } from '../language/design-edits.js';
import { mregion, modelOf, validate } from '../helpers/services.js';

const DESIGN = `topology Memo
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
link a <-> b { rtt 10ms }
store db { engine postgres regions a, b holds shared rows writes primary a replication async lag 1s consistency session }
service api { regions a, b posture active-passive uses db }
failover api from a to b { route dns ttl 60s drill every 30d }
workload w for api { writes 10/s from a 100% }
scenario s { workload w duration 1h at 10m outage a for 1m }
`;

/** A rule that reads the named parts of the model and reports one finding per entry it saw. */
function reading(...parts: (keyof Model)[]): Rule & { runs: number } {
    const rule = {
        code: 'egress-cost' as const,
        runs: 0,
        check({ model, report }: Parameters<Rule['check']>[0]) {
            rule.runs++;
            for (const part of parts) {
                const value = model[part];
                const size = value instanceof Map ? value.size : Array.isArray(value) ? value.length : 1;
                report({ uri: model.uri, range: RANGE, message: `${part}: ${size}` });
            }
        },
    };
    return rule;
}

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const collect = (rule: Rule) => (model: Model) => {
    const found: Finding[] = [];
    rule.check({ model, judge: 'worst', report: (f) => found.push(f) });
    return found;
};

/** A copy of a map with one entry's value replaced by a copy of it (what the builder does to a changed declaration). */
function withCopiedEntry<V extends object>(map: ReadonlyMap<string, V>): Map<string, V> {
    const [first] = map.keys();
    return new Map([...map].map(([k, v]) => [k, k === first ? { ...v } : v]));
}

const NEXT_MODELS: readonly { name: string; next: (m: Model) => Model; changed: readonly (keyof Model)[] }[] = [
    { name: 'the same model', next: (m) => m, changed: [] },
    {
        name: 'a model of new maps and lists holding the same entries',
        next: (m) => ({
            ...m,
            stores: new Map(m.stores),
            failovers: [...m.failovers],
            instances: new Map([...m.instances].map(([k, ids]) => [k, [...ids]])),
        }),
        changed: [],
    },
    {
        name: 'a model with one store rebuilt',
        next: (m) => ({ ...m, stores: withCopiedEntry(m.stores) }),
        changed: ['stores'],
    },
    {
        name: 'a model with one failover rebuilt',
        next: (m) => ({ ...m, failovers: m.failovers.map((f, i) => (i === 0 ? { ...f } : f)) }),
        changed: ['failovers'],
    },
    {
        name: 'a model with a store removed',
        next: (m) => ({ ...m, stores: new Map([...m.stores].slice(1)) }),
        changed: ['stores'],
    },
    {
        name: 'a model with its stores in another order',
        next: (m) => ({ ...m, stores: new Map([...m.stores].reverse()) }),
        changed: ['stores'],
    },
    {
        name: 'a model with an instance id changed',
        next: (m) => ({
            ...m,
            instances: new Map([...m.instances].map(([k, ids]) => [k, ids.map((id) => `${id}-x`)])),
        }),
        changed: ['instances'],
    },
];

describe('the memo of rule findings', () => {
    it.each(NEXT_MODELS)(
        'after $name, reruns exactly the rules that read a changed part',
        async ({ next, changed }) => {
            const { model } = await modelOf(
                `${DESIGN}store cache { engine redis regions a, b holds per-user document writes any-region replication none consistency eventual conflicts lww }\n`,
            );
            const memo = new RuleFindingsMemo();
            const rules = (['stores', 'failovers', 'instances', 'services'] as const).map((part) => ({
                part,
                rule: reading(part),
            }));
            for (const { rule } of rules) memo.findings(rule, model, 'worst', collect(rule));
            const nextModel = next(model);
            for (const { part, rule } of rules) {
                const found = memo.findings(rule, nextModel, 'worst', collect(rule));
                expect(rule.runs, part).toBe(changed.includes(part) ? 2 : 1);
                expect(found).toEqual(collect(rule)(nextModel));
            }
        },
    );

    it('reruns a rule when the judge changes, and keeps nothing of a rule that threw', async () => {
        const { model } = await modelOf(DESIGN);
        const memo = new RuleFindingsMemo();
        const rule = reading('stores');
        memo.findings(rule, model, 'worst', collect(rule));
        memo.findings(rule, model, 'typical', collect(rule));
        expect(rule.runs).toBe(2);
        let calls = 0;
        const throwing: Rule = {
            code: 'no-backup',
            check({ model: m }) {
                calls++;
                if (m.stores.size > 0) throw new Error('broken rule');
            },
        };
        for (let i = 0; i < 2; i++)
            expect(() => memo.findings(throwing, model, 'worst', collect(throwing))).toThrow('broken rule');
        expect(calls).toBe(2);
    });

    it("works a reused finding's quick fixes out on the model it is reused for", async () => {
        const { model } = await modelOf(DESIGN);
        const memo = new RuleFindingsMemo();
        let runs = 0;
        // The check reads the stores; its fix, worked out later, the failovers.
        const rule: Rule = {
            code: 'no-backup',
            check({ model: m, report }) {
                runs++;
                for (const store of m.stores.values())
                    report({
                        uri: m.uri,
                        range: RANGE,
                        message: store.name,
                        fixes: () => [{ title: `${m.failovers.length} failovers`, edits: [] }],
                    });
            },
        };
        memo.findings(rule, model, 'worst', collect(rule));
        const later = { ...model, failovers: [] };
        const [reused] = memo.findings(rule, later, 'worst', collect(rule));
        expect(runs).toBe(1);
        expect(reused?.fixes?.()).toEqual([{ title: '0 failovers', edits: [] }]);
        // Once a fix has read the failovers, a change to them reruns the rule.
        memo.findings(rule, model, 'worst', collect(rule));
        expect(runs).toBe(2);
    });

    it('sees every way a rule can read the model: a property, `in`, and listing them', async () => {
        const { model } = await modelOf(DESIGN);
        const view = new ModelView(model);
        void view.model.stores;
        void ('failovers' in view.model);
        expect([...view.read.keys()]).toEqual(['stores', 'failovers']);
        const all = new ModelView(model);
        expect({ ...all.model }).toEqual({ ...model });
        expect([...all.read.keys()].sort()).toEqual(Object.keys(model).sort());
    });
});

type Summarized = Parameters<typeof fixesOf>[0];
/** What a user sees of a diagnostic, its quick fixes worked out (their edits' file named alike in both runs). */
const summary = (d: Summarized) => [
    d.code,
    d.severity,
    d.message,
    d.range,
    JSON.stringify(fixesOf(d)).replace(/"uri":"[^"]*"/g, '"uri":"the design"'),
];

/** An editor's services, and a document opened in them with `text`. */
async function opened(text: string, uri: URI) {
    const { shared } = createMregionServices(EmptyFileSystem);
    const texts = shared.workspace.TextDocuments!;
    texts.set(TextDocument.create(uri.toString(), 'mregion', 0, text));
    const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(texts.get(uri.toString())!);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const edit = async (next: string, version: number) => {
        texts.set(TextDocument.create(uri.toString(), 'mregion', version, next));
        await shared.workspace.DocumentBuilder.update([uri], []);
    };
    return { document, edit, close: () => shared.workspace.DocumentBuilder.update([], [uri]) };
}

/** Each top-level declaration of `text` deleted in turn (starting with a keyword at the start of a line). */
function withEachDeclarationDeleted(text: string): string[] {
    const starts = [...text.matchAll(/^(region|link|cell|store|service|failover|workload|scenario) /gm)]
        .map((m) => m.index)
        .concat(text.length);
    return starts.slice(0, -1).map((start, i) => text.slice(0, start) + text.slice(starts[i + 1]));
}

describe("the runner's diagnostics of reused findings", () => {
    it('are the same objects while the findings, the setting and the cells are, and made again when one changes', async () => {
        const { model } = await modelOf(DESIGN);
        const memo = new RuleFindingsMemo();
        const rule = reading('stores', 'failovers');
        const first = runRules(model, [rule], { memo });
        const again = runRules({ ...model, failovers: [...model.failovers] }, [rule], { memo });
        expect(rule.runs).toBe(1);
        expect(again).toHaveLength(2);
        again.forEach((d, i) => expect(d).toBe(first[i]));

        const asError = runRules(model, [rule], { memo, settingOf: () => 'error' });
        expect(asError.map((d) => d.severity)).toEqual(['error', 'error']);
        const withCells = runRules({ ...model, cells: new Map([['c1', { name: 'c1' } as never]]) }, [rule], { memo });
        expect(withCells[0]).not.toBe(first[0]);
        expect(withCells).toEqual(first);
        // Held-back findings depend on the document's errors: filtered on every run, never kept.
        const held = runRules(model, [rule], { memo, heldBack: (f) => f.message.startsWith('stores') });
        expect(held.map((d) => d.message)).toEqual(['failovers: 1']);
        expect(runRules(model, [rule], { memo })).toHaveLength(2);
        expect(rule.runs).toBe(1);
    });
});

describe('the editor after edits', () => {
    it('keeps no findings for a document validated once, and keeps them from its second validation on', async () => {
        const { document } = await validate(DESIGN);
        expect(findingsMemoIn(document)).toBeUndefined();
        const { document: edited, edit, close } = await opened(DESIGN, URI.parse('file:///memo/twice.mregion'));
        expect(findingsMemoIn(edited)).toBeUndefined();
        await edit(`${DESIGN}\n`, 1);
        expect(findingsMemoIn(edited)?.checksRun).toBeGreaterThan(0);
        await close();
    });

    it.each(exampleNames.map((name, i) => ({ name, text: examples[i]! })))(
        'after deleting any one declaration of $name, gives what a fresh validation gives, quick fixes included',
        async ({ name, text }) => {
            let deletions = 0;
            let checksRun = 0;
            for (const [i, edited] of withEachDeclarationDeleted(text).entries()) {
                const { document, edit, close } = await opened(text, URI.parse(`file:///memo/${name}/${i}.mregion`));
                // A document keeps findings from its second validation on: a blank line at the end (which moves no
                // declaration) is that one. The fixes are first worked out after the deletion: a reused finding's
                // must read the edited model.
                await edit(`${text}\n`, 1);
                await edit(edited, 2);
                const fresh = await validate(edited);
                expect(document.diagnostics?.map(summary), `declaration ${i}`).toEqual(fresh.diagnostics.map(summary));
                checksRun += findingsMemoIn(document)?.checksRun ?? 0;
                await close();
                deletions++;
            }
            expect(deletions).toBeGreaterThan(3);
            // Every rule ran at the blank line; after the deletions, some were reused.
            expect(checksRun).toBeLessThan(2 * deletions * mregion.semantics.Rules.length);
        },
    );

    it("gives an importer's diagnostics what a fresh validation gives after edits of the file it imports", async () => {
        const imported = (rto: string) => `topology Shared
region a { provider aws jurisdiction US }
region b { provider aws jurisdiction US }
link a <-> b { rtt 10ms }
store db { engine postgres regions a, b holds shared rows writes primary a replication async lag 1s consistency session }
service api { regions a, b posture active-passive uses db objective rto ${rto} rpo 5s }
`;
        const importer = `import "b.mregion"
topology Importer
failover api from a to b { detect health-check every 10s threshold 3 route dns ttl 300s action promote db takes 5m drill every 30d }
workload w for api { writes 10/s from a 100% }
scenario s { workload w duration 1h at 10m outage a for 20m }
`;
        const { shared } = createMregionServices(EmptyFileSystem);
        const texts = shared.workspace.TextDocuments!;
        const [aUri, bUri] = ['file:///memo/imports/a.mregion', 'file:///memo/imports/b.mregion'];
        texts.set(TextDocument.create(bUri, 'mregion', 0, imported('15m')));
        texts.set(TextDocument.create(aUri, 'mregion', 0, importer));
        const documents = [bUri, aUri].map((uri) => {
            const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(texts.get(uri)!);
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const a = documents[1]!;
        // A blank line (the importer's second validation, which makes its memo), then objectives that change what
        // the importer's rules say about its failover (30 s: the failover cannot make it), and back.
        const edits = [`${imported('15m')}\n`, imported('30s'), imported('2h'), imported('15m')];
        const seen = new Set<string>();
        for (const [version, text] of edits.entries()) {
            texts.set(TextDocument.create(bUri, 'mregion', version + 1, text));
            await shared.workspace.DocumentBuilder.update([URI.parse(bUri)], []);
            const fresh = await validate(importer, { 'b.mregion': text });
            expect(a.diagnostics?.map(summary), `after edit ${version}`).toEqual(fresh.diagnostics.map(summary));
            seen.add(JSON.stringify(a.diagnostics?.map((d) => d.code)));
        }
        expect(seen.size).toBeGreaterThan(1);
        expect(findingsMemoIn(a)?.checksRun).toBeLessThan(edits.length * mregion.semantics.Rules.length);
    });

    it('reuses findings after random edit sequences and still gives what a fresh validation gives', async () => {
        const rules = mregion.semantics.Rules.length;
        let builds = 0;
        let checksRun = 0;
        let run = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(designEdits, { minLength: 1, maxLength: 6 }), async (sequence) => {
                let text = examples[sequence[0]!.example]!;
                const { document, edit, close } = await opened(text, URI.parse(`file:///memo/run${++run}.mregion`));
                for (const [version, change] of sequence.entries()) {
                    text = applyEdit(text, change);
                    await edit(text, version + 1);
                    const fresh = await validate(text);
                    expect(document.diagnostics?.map(summary)).toEqual(fresh.diagnostics.map(summary));
                }
                builds += sequence.length;
                // Made at the first edit, which runs every rule that runs.
                checksRun += findingsMemoIn(document)?.checksRun ?? 0;
                await close();
            }),
            { numRuns: 30, seed: 20261207 },
        );
        // Random keystrokes mostly leave syntax errors, after which the whole model is new and every rule reruns;
        // the edits that keep the design whole reuse most rules' findings.
        expect(checksRun).toBeLessThan(builds * rules);
    });
});
