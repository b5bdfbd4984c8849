import { expectCompletion } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { InsertTextFormat } from 'vscode-languageserver-protocol';
import { KNOWN_REGIONS } from '../../language/semantics/facts/regions.js';
import { mregion } from '../helpers/services.js';
import { openAt } from './lsp-helpers.js';

const complete = expectCompletion(mregion);

async function itemsAt(marked: string, others: Record<string, string> = {}): Promise<CompletionItem[]> {
    const at = await openAt(marked, others);
    const list = await mregion.lsp.CompletionProvider!.getCompletion(at.document, {
        textDocument: at.params.textDocument,
        position: at.position,
    });
    return list?.items ?? [];
}

async function labelsAt(marked: string, others: Record<string, string> = {}): Promise<string[]> {
    return (await itemsAt(marked, others)).map((i) => i.label).sort();
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const BLOCKS = ['cell', 'failover', 'link', 'region', 'scenario', 'service', 'store', 'workload'];

describe('completion of keywords', () => {
    it.each([
        ['the clauses of an empty region block', 'region a { <|> }', ['city', 'jurisdiction', 'location', 'provider']],
        ['the providers after provider', 'region a { provider <|> }', ['aws', 'azure', 'cloudflare', 'gcp', 'on-prem']],
        [
            'the store clauses not yet written, leaving out engine',
            'store s {\n    engine redis\n    <|>\n}',
            [
                'backup',
                'caches',
                'catch-up',
                'conflicts',
                'consistency',
                'features',
                'holds',
                'invariant',
                'leader',
                'locality',
                'objective',
                'regions',
                'replicas',
                'replication',
                'residency',
                'size',
                'survive',
                'witness',
                'writes',
            ],
        ],
        [
            'no regions clause in a per-cell store, which takes its regions from the cell',
            'store s per cell {\n    engine redis\n    <|>\n}',
            [
                'backup',
                'caches',
                'catch-up',
                'conflicts',
                'consistency',
                'features',
                'holds',
                'invariant',
                'leader',
                'locality',
                'objective',
                'replicas',
                'replication',
                'residency',
                'size',
                'survive',
                'witness',
                'writes',
            ],
        ],
        [
            'a repeatable clause again (invariant) and the objective metrics not yet set',
            'store s {\n    invariant unique id\n    engine redis\n    regions a\n    holds shared rows\n    writes any-region\n    replication sync\n    consistency strong\n    conflicts reject\n    replicas 2\n    witness a\n    residency EU\n    features ttl\n    backup every 1h\n    size 1GB\n    objective rto 1m\n    <|>\n}',
            [
                'availability',
                'caches',
                'catch-up',
                'cost',
                'invariant',
                'leader',
                'locality',
                'rpo',
                'survive',
                'write-latency',
            ],
        ],
        [
            'the consistency levels',
            'store s { consistency <|> }',
            ['bounded-staleness', 'consistent-prefix', 'eventual', 'session', 'strong'],
        ],
        [
            "Cassandra's consistency-level clause in a Cassandra store only",
            'store s {\n    engine cassandra\n    <|>\n}',
            [
                'backup',
                'catch-up',
                'conflicts',
                'consistency',
                'consistency-level',
                'features',
                'holds',
                'invariant',
                'leader',
                'locality',
                'objective',
                'regions',
                'replicas',
                'replication',
                'residency',
                'size',
                'survive',
                'witness',
                'writes',
            ],
        ],
        [
            'the Cassandra consistency levels',
            'store s { engine cassandra consistency-level <|> }',
            ['each-quorum', 'local-quorum', 'local-serial', 'quorum', 'serial'],
        ],
    ])('offers %s', async (_what, text, expected) => {
        expect(await labelsAt(text)).toEqual(sorted(expected));
    });

    it('offers the top-level declarations and their snippets, and import and topology at the start of a file', async () => {
        const items = await itemsAt('<|>');
        expect(sorted(items.filter((i) => i.kind !== 15).map((i) => i.label))).toEqual(
            sorted([...BLOCKS, 'import', 'topology']),
        );
        expect(sorted(items.filter((i) => i.kind === 15).map((i) => i.label))).toEqual(BLOCKS);
    });

    it('offers no import or topology after the first declaration', async () => {
        expect(new Set(await labelsAt('region a { provider aws }\n<|>'))).toEqual(new Set(BLOCKS));
    });

    it('documents each keyword it offers from the keyword docs', async () => {
        const writes = (await itemsAt('workload w { <|> }')).find((i) => i.label === 'writes')!;
        expect(writes.detail).toBe(
            'Write rate of the workload, optionally split by origin region (from r1 60%, r2 40%; shares add up to 100%)',
        );
        expect(writes.documentation).toMatchObject({
            kind: 'markdown',
            value: expect.stringContaining('Value: a rate'),
        });
    });

    it('offers block snippets that format as the formatter would', async () => {
        const store = (await itemsAt('<|>')).find((i) => i.kind === 15 && i.label === 'store')!;
        expect(store.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(store.insertText).toMatch(/^store \$\{1:name\} \{\n\tengine      \$\{2\|dynamodb,/);
    });
});

describe('completion of names', () => {
    const awsDesign = 'region eu-west-1 { provider aws }\nregion us-east-1 { provider aws }\n';

    it("offers the known region codes of the design's provider not yet declared, with their jurisdiction", async () => {
        const items = await itemsAt(`${awsDesign}region <|>`);
        const expected = KNOWN_REGIONS.filter(
            (r) => r.provider === 'aws' && r.id !== 'eu-west-1' && r.id !== 'us-east-1',
        ).map((r) => r.id);
        expect(sorted(items.map((i) => i.label))).toEqual(sorted(expected));
        expect(items.find((i) => i.label === 'eu-central-1')?.detail).toBe('EU · Frankfurt · aws');
        expect(items.find((i) => i.label === 'ap-south-1')?.labelDetails?.description).toBe('IN');
    });

    it('offers the codes of the provider the region declares', async () => {
        const labels = await labelsAt(`${awsDesign}region <|>x { provider azure }`);
        expect(labels).toEqual(sorted(KNOWN_REGIONS.filter((r) => r.provider === 'azure').map((r) => r.id)));
    });

    it.each([
        ['a store', 'store <|>'],
        ['a topology', 'topology <|>'],
        ['a scenario', 'scenario <|>'],
    ])('offers no value words as the name of %s', async (_what, text) => {
        expect(await labelsAt(text)).toEqual([]);
    });

    it('offers declared regions in scope, leaving out those already listed', async () => {
        await complete({
            text: 'region a { provider aws }\nregion b { provider aws }\nregion c { provider aws }\nstore s { regions a, <|> }',
            index: 0,
            expectedItems: ['b', 'c'],
            disposeAfterCheck: true,
        });
    });

    it('offers names imported from another file, described by their numbers', async () => {
        const items = await itemsAt('import "base.mregion"\nregion b { provider aws }\ncell c { regions <|> }', {
            'base.mregion': 'region eu-west-1 { provider aws }\n',
        });
        expect(sorted(items.map((i) => i.label))).toEqual(['b', 'eu-west-1']);
        const imported = items.find((i) => i.label === 'eu-west-1')!;
        expect(imported.detail).toBe('aws · EU');
        expect(imported.documentation).toMatchObject({ value: expect.stringContaining('**region eu-west-1**') });
    });

    it('offers only stores where a store is expected and never the service itself in depends-on', async () => {
        const design =
            'region a { provider aws }\nstore db { engine redis  regions a }\nservice api { regions a }\nservice web { regions a  depends-on <|> }';
        expect(await labelsAt(design)).toEqual(['api']);
        expect(await labelsAt(design.replace('depends-on <|>', 'uses <|>'))).toEqual(['db']);
    });

    it.each([
        [
            'a region code',
            'region eu-west-1 { provider aws }\nregion eu-<|>',
            ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-2', 'eu-west-3'],
        ],
        [
            'a region reference',
            'region eu-west-1 { provider aws }\nregion us-east-1 { provider aws }\nstore s { regions eu-<|> }',
            ['eu-west-1'],
        ],
        ['a keyword', 'store s { writes any-<|> }', ['any-region']],
        ['a metric', 'scenario x { expect lost-<|> }', ['lost-writes']],
    ])('keeps offering %s while its dashed word is half typed', async (_what, text, expected) => {
        const items = await itemsAt(text);
        expect(items.map((i) => i.label).sort()).toEqual(expected);
        const typed = /[\w-]+-$/.exec(text.slice(0, text.indexOf('<|>')))![0];
        expect(
            items.every(
                (i) =>
                    i.textEdit &&
                    'range' in i.textEdit &&
                    i.textEdit.range.end.character - i.textEdit.range.start.character === typed.length,
            ),
        ).toBe(true);
    });

    it.each([
        ["a store's writes primary", 'store s { regions a, c  writes primary <|> }', ['a', 'c']],
        ["a service's primary", 'service s { regions a, c  primary <|> }', ['a', 'c']],
        ["a service's capacity entries, each once", 'service s { regions a, b, c  capacity a 50%, <|> }', ['b', 'c']],
    ])("offers only the declaration's own regions for %s", async (_what, text, expected) => {
        const labels = await labelsAt(
            `region a { provider aws }\nregion b { provider aws }\nregion c { provider aws }\n${text}`,
        );
        expect(labels.filter((l) => ['a', 'b', 'c'].includes(l))).toEqual(expected);
    });

    it('offers only the regions the target runs in after failover … from', async () => {
        const design =
            'region a { provider aws }\nregion b { provider aws }\nregion c { provider aws }\nservice api { regions a, b }\nfailover api from <|> {}';
        expect(await labelsAt(design)).toEqual(['a', 'b']);
    });
});

describe('completion in suppression comments', () => {
    it("offers the design rules' codes after mregion-ignore, and after a comma", async () => {
        const first = await itemsAt('// mregion-ignore dns-<|>\nfailover f { route dns ttl 300s }');
        expect(first.map((i) => i.label)).toEqual(['dns-ttl-too-long']);
        expect(first[0]!.detail).toBeTruthy();
        const second = await labelsAt(
            '// mregion-ignore dns-ttl-too-long, failover-<|>\nfailover f { route dns ttl 300s }',
        );
        expect(second).toEqual(['failover-never-rehearsed']);
    });

    it.each([
        ['the reason after the colon', '// mregion-ignore dns-ttl-too-long: legacy <|>\nfailover f { }'],
        ['an ordinary line comment', 'region a { provider aws }  // see <|>'],
        ['a block comment', 'region a { /* the <|> */ provider aws }'],
    ])('offers nothing inside %s', async (_what, text) => {
        expect(await labelsAt(text)).toEqual([]);
    });
});

describe('completion of CRDT types', () => {
    it.each([
        ['counter', ['bounded-counter', 'g-counter', 'pn-counter']],
        ['set', ['g-set', 'or-set', 'two-phase-set']],
        ['register', ['lww-register', 'mv-register']],
        ['sequence', ['rga']],
    ])('offers only the CRDTs that fit a %s', async (shape, expected) => {
        expect(await labelsAt(`store s {\n    holds shared ${shape}\n    conflicts crdt <|>\n}`)).toEqual(
            sorted(expected),
        );
    });

    it('offers every CRDT when the store declares no shape', async () => {
        expect(await labelsAt('store s { conflicts crdt <|> }')).toHaveLength(10);
    });
});

describe('completion of units after a number', () => {
    it.each([
        ['a DNS TTL', 'failover f { route dns ttl 60<|> }', ['60ms', '60s', '60m', '60h', '60d']],
        ['a TTL whose unit is half typed', 'failover f { route dns ttl 60m<|> }', ['60ms', '60m']],
        ['an egress price', 'link a <-> b { egress 0.02<|> }', ['$0.02/GB', '$0.02/TB']],
        ['an availability objective', 'service s { objective availability 99.99<|> }', ['99.99%']],
        ['a cost objective', 'service s { objective cost 5000<|> }', ['$5000/month']],
        ['a write rate', 'workload w { writes 2000<|> }', ['2000/s', '2000/m', '2000/h', '2000/d']],
        [
            'an item size',
            'workload w { item-size 1<|> }',
            ['1B', '1KB', '1MB', '1GB', '1TB', '1PB', '1KiB', '1MiB', '1GiB', '1TiB'],
        ],
        ['an expected RTO', 'scenario s { expect rto <= 5<|> }', ['5ms', '5s', '5m', '5h', '5d']],
    ])('offers the units of %s and nothing else', async (_what, text, expected) => {
        expect(await labelsAt(text)).toEqual(sorted(expected));
    });

    it('replaces the whole number with the chosen unit', async () => {
        const [item] = await itemsAt('link a <-> b { egress 0.02<|> }');
        expect(item!.textEdit).toEqual({
            newText: '$0.02/GB',
            range: { start: { line: 0, character: 22 }, end: { line: 0, character: 26 } },
        });
    });

    it('offers no unit where a plain number is expected', async () => {
        expect((await labelsAt('failover f { detect health-check threshold 3<|> }')).some((l) => /^3/.test(l))).toBe(
            false,
        );
    });
});
