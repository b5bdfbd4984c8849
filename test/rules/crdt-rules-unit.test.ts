// The CRDT rules of language/validation/rules/conflict-rules.ts on hand-built stores, run directly:
// crdt-cannot-keep-invariant (an invariant no merge can keep while several regions write: which strategies and
// write policies, the exceptions for a per-key bound and the escrow counter, the fixes) and crdt-shape-mismatch
// (every CRDT against the shapes it merges, the CRDT suggested for each shape). Fast enough to run per mutant,
// which the suites that validate whole documents are not; every message is written out by hand.
import { describe, expect, it } from 'vitest';
import type { Model, Range, StoreM } from '../../language/semantics/model.js';
import { conflictRules } from '../../language/validation/rules/conflict-rules.js';
import type { Finding, Rule } from '../../language/validation/rules/rule.js';

const URI = 'file:///shop.mregion';
const line = (n: number): Range => ({ start: { line: n, character: 4 }, end: { line: n, character: 30 } });
const BLOCK: Range = { start: { line: 1, character: 0 }, end: { line: 12, character: 1 } };
const NAME = line(1);
const CONFLICTS = line(3);
const REPLICATION = line(4);
const LEADER = line(5);
const INVARIANT = line(9);
const SECOND_INVARIANT = line(10);

interface Spec {
    strategy?: string;
    crdt?: string;
    regions?: string[];
    policy?: string;
    shape?: string;
    invariants?: string[];
    witness?: string;
    written?: Record<string, Range>;
    cell?: string;
}

/** Only what the conflict rules read of a store. `invariants` are `kind field`, on lines 9, 10, … */
function store({
    strategy = 'crdt',
    crdt,
    regions = ['us-east-1', 'eu-west-1'],
    policy = 'any-region',
    shape,
    invariants = [],
    witness,
    written = { conflicts: CONFLICTS },
    cell,
}: Spec): StoreM {
    return {
        name: 'stock',
        cell,
        regions,
        witness,
        shape,
        writes: { policy },
        conflicts: { strategy, crdt },
        invariants: invariants.map((text, i) => {
            const [kind, field] = text.split(' ');
            return { kind, field, range: line(9 + i) };
        }),
        source: { uri: URI, range: BLOCK, nameRange: NAME, props: written },
    } as unknown as StoreM;
}

function findings(rule: Rule, ...stores: StoreM[]): Finding[] {
    const found: Finding[] = [];
    const model = { stores: new Map(stores.map((s, i) => [`s${i}`, s])) } as unknown as Model;
    rule.check({ model, judge: 'worst', report: (f) => found.push(f) });
    return found;
}

const invariantRule = conflictRules.crdtCannotKeepInvariant;
const shapeRule = conflictRules.crdtShapeMismatch;
const LIMITS = '(docs/facts.md#crdt-limits)';

describe('crdt-cannot-keep-invariant: when it reports', () => {
    it.each<[string, Spec, number]>([
        ['a CRDT, two regions, any region', { crdt: 'pn-counter', invariants: ['unique sku'] }, 1],
        ['last-write-wins writes in two regions', { strategy: 'lww', invariants: ['unique sku'] }, 1],
        ['vector clocks in two regions', { strategy: 'vector-clocks', invariants: ['unique sku'] }, 1],
        ['not: consensus keeps it', { strategy: 'consensus', invariants: ['unique sku'] }, 0],
        ['not: a single owner keeps it', { strategy: 'single-owner', invariants: ['unique sku'] }, 0],
        ['not: one region has one writer', { regions: ['us-east-1'], invariants: ['unique sku'] }, 0],
        ['not: a primary is the one writer', { policy: 'primary', invariants: ['unique sku'] }, 0],
        ['keys homed apart: a unique key', { policy: 'home-region', invariants: ['unique sku'] }, 1],
        ['keys homed apart: references', { policy: 'home-region', invariants: ['references owner'] }, 1],
        ['not: homed keys keep a per-key bound', { policy: 'home-region', invariants: ['non-negative stock'] }, 0],
        ['not: an escrow counter keeps the bound', { crdt: 'bounded-counter', invariants: ['non-negative stock'] }, 0],
        ['an escrow counter keeps no uniqueness', { crdt: 'bounded-counter', invariants: ['unique sku'] }, 1],
        ['not: no invariant, nothing to keep', { crdt: 'pn-counter' }, 0],
        ['each invariant once', { crdt: 'pn-counter', invariants: ['unique sku', 'non-negative stock'] }, 2],
        [
            'the homed bound skipped, the next kept',
            { policy: 'home-region', invariants: ['non-negative stock', 'unique sku'] },
            1,
        ],
    ])('crdt invariant: %s', (_, spec, count) => {
        expect(findings(invariantRule, store(spec))).toHaveLength(count);
    });
});

describe('crdt-cannot-keep-invariant: what it says', () => {
    it.each<[string, Spec, string]>([
        [
            'a unique key under a named CRDT',
            { crdt: 'or-set', invariants: ['unique sku'] },
            "invariant unique sku cannot hold with the or-set CRDT and writes in us-east-1 and eu-west-1: two regions can each accept the same sku before they see each other's write, and the merge keeps both. No CRDT keeps uniqueness without coordination",
        ],
        [
            'a bound under an unnamed CRDT',
            { invariants: ['non-negative stock'] },
            'invariant non-negative stock cannot hold with a CRDT and writes in us-east-1 and eu-west-1: two regions can each spend the last units of stock concurrently, and the merged value goes below zero. No CRDT keeps a bound under decrement without coordination',
        ],
        [
            'references under vector clocks, homed keys',
            {
                strategy: 'vector-clocks',
                policy: 'home-region',
                regions: ['a', 'b', 'c'],
                invariants: ['references owner'],
            },
            'invariant references owner cannot hold with vector clocks and keys homed in different regions (a, b and c): a delete in one region and a new reference to it in another both succeed, leaving owner dangling. No CRDT keeps referential integrity without coordination',
        ],
        [
            'last-write-wins named as such',
            { strategy: 'lww', invariants: ['unique email'] },
            "invariant unique email cannot hold with last-write-wins and writes in us-east-1 and eu-west-1: two regions can each accept the same email before they see each other's write, and the merge keeps both. No CRDT keeps uniqueness without coordination",
        ],
    ])('crdt invariant says: %s', (_, spec, message) => {
        expect(findings(invariantRule, store(spec)).map((f) => f.message)).toEqual([`${message} ${LIMITS}`]);
    });

    it('points at each invariant, keyed by store, kind and field, in its cell', () => {
        const found = findings(
            invariantRule,
            store({ crdt: 'pn-counter', invariants: ['unique sku', 'non-negative stock'], cell: 'eu' }),
        );
        expect(found.map((f) => [f.uri, f.range, f.key, f.cell, f.severity])).toEqual([
            [URI, INVARIANT, 'stock:unique:sku', 'eu', undefined],
            [URI, SECOND_INVARIANT, 'stock:non-negative:stock', 'eu', undefined],
        ]);
    });
});

describe('crdt-cannot-keep-invariant: the fixes', () => {
    const consensusTitle = 'Use consensus for stock (replication consensus, conflicts consensus)';
    const stopsWrites = (n: number) =>
        `${consensusTitle} — then consensus-quorum-survival: with voters in ${n} regions, losing one stops writes`;

    it.each<[string, Spec, string[]]>([
        ['two regions: consensus stops writes', { invariants: ['unique sku'] }, [stopsWrites(2)]],
        [
            'three regions: consensus outlives one',
            { regions: ['a', 'b', 'c'], invariants: ['unique sku'] },
            [consensusTitle],
        ],
        ['two regions and a witness: outlives one', { witness: 'w', invariants: ['unique sku'] }, [consensusTitle]],
        [
            'a witness in a store region counts once',
            { witness: 'us-east-1', invariants: ['unique sku'] },
            [stopsWrites(2)],
        ],
        [
            'a bound on a counter: escrow too',
            { shape: 'counter', invariants: ['non-negative stock'] },
            [stopsWrites(2), 'Keep the bound with an escrow counter (conflicts crdt bounded-counter)'],
        ],
        ['a bound on rows: no escrow', { shape: 'rows', invariants: ['non-negative stock'] }, [stopsWrites(2)]],
        ['a unique counter: no escrow', { shape: 'counter', invariants: ['unique sku'] }, [stopsWrites(2)]],
    ])('crdt invariant fixes: %s', (_, spec, titles) => {
        const [finding] = findings(invariantRule, store(spec));
        expect(finding?.fixes?.().map((f) => f.title)).toEqual(titles);
        expect(finding?.fixes?.().map((f) => f.preferred)).toEqual(titles.map((_t, i) => (i === 0 ? true : undefined)));
    });

    it.each<[string, Spec, object[]]>([
        [
            'clauses added, the leader named after the first region',
            { invariants: ['unique sku'], written: {} },
            [
                { kind: 'insert-clause', uri: URI, block: BLOCK, text: 'replication consensus' },
                { kind: 'insert-clause', uri: URI, block: BLOCK, text: 'conflicts consensus' },
                { kind: 'insert-clause', uri: URI, block: BLOCK, text: 'leader us-east-1' },
            ],
        ],
        [
            'written clauses replaced, a written leader kept',
            {
                invariants: ['unique sku'],
                written: { conflicts: CONFLICTS, replication: REPLICATION, leader: LEADER },
            },
            [
                { kind: 'replace', uri: URI, range: REPLICATION, text: 'replication consensus' },
                { kind: 'replace', uri: URI, range: CONFLICTS, text: 'conflicts consensus' },
            ],
        ],
    ])('crdt invariant consensus edits: %s', (_, spec, edits) => {
        const [finding] = findings(invariantRule, store(spec));
        expect(finding?.fixes?.()[0]?.edits).toEqual(edits);
    });

    it('the escrow fix sets the conflicts clause', () => {
        const [finding] = findings(invariantRule, store({ shape: 'counter', invariants: ['non-negative stock'] }));
        expect(finding?.fixes?.()[1]?.edits).toEqual([
            { kind: 'replace', uri: URI, range: CONFLICTS, text: 'conflicts crdt bounded-counter' },
        ]);
    });
});

describe('crdt-shape-mismatch: every CRDT against the shapes it merges', () => {
    it.each<[string, string, string, string]>([
        ['g-counter', 'counter', 'set', 'counters'],
        ['pn-counter', 'counter', 'register', 'counters'],
        ['bounded-counter', 'counter', 'sequence', 'counters'],
        ['g-set', 'set', 'counter', 'sets'],
        ['two-phase-set', 'set', 'document', 'sets'],
        ['or-set', 'set', 'blob', 'sets'],
        ['lww-register', 'blob', 'document', 'registers or blobs'],
        ['mv-register', 'document', 'rows', 'registers, blobs or documents'],
        ['rga', 'sequence', 'set', 'sequences'],
        ['or-map', 'rows', 'counter', 'documents or rows'],
    ])('%s fits a %s, not a %s', (crdt, fits, misfit, merges) => {
        expect(findings(shapeRule, store({ crdt, shape: fits }))).toEqual([]);
        const [finding] = findings(shapeRule, store({ crdt, shape: misfit }));
        expect(finding?.message.startsWith(`${crdt} merges ${merges}, but stock holds `)).toBe(true);
    });

    it.each<[string, string]>([
        ['lww-register', 'register'],
        ['mv-register', 'register'],
        ['mv-register', 'blob'],
        ['or-map', 'document'],
    ])('%s also fits a %s', (crdt, shape) => {
        expect(findings(shapeRule, store({ crdt, shape }))).toEqual([]);
    });
});

describe('crdt-shape-mismatch: the CRDT each shape is offered', () => {
    it.each<[string, string, string, string]>([
        ['counter', 'or-set', 'a counter', 'A counter fits pn-counter'],
        ['set', 'pn-counter', 'a set', 'A set fits or-set'],
        ['register', 'or-set', 'a register', 'A register fits mv-register'],
        ['blob', 'rga', 'a blob', 'A blob fits mv-register'],
        ['document', 'g-set', 'a document', 'A document fits or-map'],
        ['rows', 'g-counter', 'rows', 'Rows fit or-map'],
        ['sequence', 'or-map', 'a sequence', 'A sequence fits rga'],
    ])('a %s under %s is offered the general CRDT', (shape, crdt, phrase, fits) => {
        const [finding] = findings(shapeRule, store({ crdt, shape }));
        expect(finding?.message).toMatch(
            new RegExp(`, but stock holds ${phrase}: its merge has no meaning for this data\\. ${fits} \\(`),
        );
    });

    it.each<[string, Spec, string]>([
        [
            'a counter kept non-negative: escrow',
            { shape: 'counter', invariants: ['non-negative stock'] },
            'bounded-counter',
        ],
        ['a counter kept unique: the general one', { shape: 'counter', invariants: ['unique sku'] }, 'pn-counter'],
        ['a set kept non-negative: the general one', { shape: 'set', invariants: ['non-negative n'] }, 'or-set'],
    ])('offered: %s', (_, spec, best) => {
        const [finding] = findings(shapeRule, store({ crdt: 'rga', ...spec }));
        expect(finding?.fixes?.()).toEqual([
            {
                title: `Use ${best} (conflicts crdt ${best})`,
                edits: [{ kind: 'replace', uri: URI, range: CONFLICTS, text: `conflicts crdt ${best}` }],
                preferred: true,
            },
        ]);
    });

    it('says it all, at the conflicts clause, keyed by the store, in its cell', () => {
        const found = findings(shapeRule, store({ crdt: 'g-set', shape: 'counter', cell: 'eu' }));
        expect(found.map((f) => [f.uri, f.range, f.key, f.cell, f.message])).toEqual([
            [
                URI,
                CONFLICTS,
                'stock',
                'eu',
                `g-set merges sets, but stock holds a counter: its merge has no meaning for this data. A counter fits pn-counter ${LIMITS}`,
            ],
        ]);
    });

    it.each<[string, Spec]>([
        ['not a CRDT strategy', { strategy: 'lww', crdt: 'g-set', shape: 'counter' }],
        ['a CRDT not named', { shape: 'counter' }],
        ['no shape declared', { crdt: 'g-set' }],
    ])('nothing to judge: %s', (_, spec) => {
        expect(findings(shapeRule, store(spec))).toEqual([]);
    });

    it('points at the name when the conflicts clause is not written', () => {
        const [finding] = findings(shapeRule, store({ crdt: 'g-set', shape: 'counter', written: {} }));
        expect(finding?.range).toEqual(NAME);
        expect(finding?.fixes?.()[0]?.edits).toEqual([
            { kind: 'insert-clause', uri: URI, block: BLOCK, text: 'conflicts crdt pn-counter' },
        ]);
    });
});
