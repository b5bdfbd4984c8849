// The objectives' own logic (simulation/objectives.ts) on hand-built objectives and plans: which terms an
// objective has and in what order, which owners are judged (declared once, reached by a workload), how a term
// reads, which line it points at, and how a measurement becomes met or missed. The whole-simulation suite
// (objectives.test.ts) shows a run judges them like the matching `expect`; this one is fast enough to run per
// mutant and names every figure.
import { describe, expect, it } from 'vitest';
import type { ExpectationM, ObjectiveM, Range, Source } from '../../language/semantics/model.js';
import type { Measurement } from '../../simulation/expectations.js';
import {
    judgeObjectives,
    objectiveClauses,
    objectiveOwners,
    objectiveText,
    objectiveWording,
    termsOf,
} from '../../simulation/objectives.js';
import type { PlanStructure } from '../../simulation/plan.js';

const at = (line: number): Range => ({ start: { line, character: 4 }, end: { line, character: 30 } });

/** A source on lines `line`…`line + 5`, with each named prop on a line of its own. */
function sourceAt(line: number, props: Record<string, number> = {}): Source {
    return {
        uri: 'file:///design.mregion',
        range: { start: { line, character: 0 }, end: { line: line + 5, character: 1 } },
        nameRange: at(line),
        props: Object.fromEntries(Object.entries(props).map(([k, l]) => [k, at(l)])),
    };
}

const objective = (terms: Omit<ObjectiveM, 'source'>, source = sourceAt(10)): ObjectiveM => ({ ...terms, source });

interface GroupSpec {
    kind: 'service' | 'store';
    target?: string;
    writes?: number[];
    reads?: number[];
}

/** Only what objectives.ts reads of a plan: services' and stores' names and objectives, groups' targets. */
function planOf(
    services: { name: string; objective?: ObjectiveM }[],
    stores: { name: string; objective?: ObjectiveM }[],
    groups: GroupSpec[],
): PlanStructure {
    return {
        services: services.map((s, index) => ({ index, name: s.name, model: { objective: s.objective } })),
        stores: stores.map((s, index) => ({ index, name: s.name, model: { objective: s.objective } })),
        groups: groups.map((g) => ({
            kind: g.kind,
            targetName: g.target ?? '',
            writes: g.writes ?? [],
            readsFrom: g.reads ?? [],
        })),
    } as unknown as PlanStructure;
}

const measured = (value: number | null, reason?: string): Measurement => ({
    value,
    where: 'users of us-east-1',
    atMs: value === null ? null : 60_000,
    ...(reason ? { reason } : {}),
});

describe('the terms of an objective', () => {
    it.each([
        {
            name: 'all four, in the order the docs list them',
            terms: { rtoMs: 300_000, rpoMs: 1_000, availability: 0.9999, writeLatency: { percentile: 0.99, ms: 150 } },
            expected: [
                ['rto', 'rto', '<=', 300_000, undefined],
                ['rpo', 'rpo', '<=', 1_000, undefined],
                ['availability', 'availability', '>=', 0.9999, undefined],
                ['write-latency', 'writeLatency', '<=', 150, 0.99],
            ],
        },
        { name: 'rto alone', terms: { rtoMs: 60_000 }, expected: [['rto', 'rto', '<=', 60_000, undefined]] },
        { name: 'rpo alone, zero kept', terms: { rpoMs: 0 }, expected: [['rpo', 'rpo', '<=', 0, undefined]] },
        {
            name: 'availability alone',
            terms: { availability: 0.5 },
            expected: [['availability', 'availability', '>=', 0.5, undefined]],
        },
        {
            name: 'write latency alone',
            terms: { writeLatency: { percentile: 0.5, ms: 20 } },
            expected: [['write-latency', 'writeLatency', '<=', 20, 0.5]],
        },
        { name: 'cost only: no judged term', terms: { costUsdPerMonth: 1_000 }, expected: [] },
    ])('termsOf: $name', ({ terms, expected }) => {
        const got = termsOf(objective(terms)).map((t) => [t.metric, t.prop, t.op, t.value, t.percentile]);
        expect(got).toEqual(expected);
    });
});

describe('how a term reads', () => {
    it.each([
        { term: { rtoMs: 300_000 }, text: 'objective rto 5 m' },
        { term: { rpoMs: 1_000 }, text: 'objective rpo 1 s' },
        { term: { availability: 0.9999 }, text: 'objective availability 99.99%' },
        { term: { writeLatency: { percentile: 0.99, ms: 150 } }, text: 'objective write-latency p99 150 ms' },
        { term: { writeLatency: { percentile: 0.5, ms: 90_000 } }, text: 'objective write-latency p50 1 m 30 s' },
    ])('objectiveText of $text', ({ term, text }) => {
        expect(objectiveText(termsOf(objective(term))[0]!)).toBe(text);
    });
});

describe('which owners have objectives', () => {
    const rto = objective({ rtoMs: 60_000 });
    it.each([
        {
            name: 'services first, then stores, each in declaration order',
            services: [{ name: 'api', objective: rto }, { name: 'web' }, { name: 'pay', objective: rto }],
            stores: [{ name: 'orders', objective: rto }],
            owners: ['service:api', 'service:pay', 'store:orders'],
        },
        {
            name: 'per-cell instances of one declaration once',
            services: [
                { name: 'api', objective: rto },
                { name: 'api', objective: rto },
            ],
            stores: [
                { name: 'ledger', objective: rto },
                { name: 'ledger', objective: rto },
            ],
            owners: ['service:api', 'store:ledger'],
        },
        {
            name: 'a service and a store of one name both',
            services: [{ name: 'orders', objective: rto }],
            stores: [{ name: 'orders', objective: rto }],
            owners: ['service:orders', 'store:orders'],
        },
        {
            name: 'a cost-only objective is not an owner',
            services: [{ name: 'api', objective: objective({ costUsdPerMonth: 10 }) }],
            stores: [],
            owners: [],
        },
    ])('objectiveOwners: $name', ({ services, stores, owners }) => {
        const got = objectiveOwners(planOf(services, stores, []));
        expect(got.map((o) => `${o.kind}:${o.name}`)).toEqual(owners);
    });
});

describe('the clauses judged in a scenario', () => {
    const both = objective({ rtoMs: 300_000, rpoMs: 1_000 }, sourceAt(20, { rto: 21, rpo: 22 }));
    const services = [{ name: 'api', objective: both }];
    const stores = [
        { name: 'orders', objective: objective({ availability: 0.999 }, sourceAt(40)) },
        { name: 'audit', objective: objective({ rpoMs: 0 }, sourceAt(50, { rpo: 52 })) },
        { name: 'cache', objective: objective({ rtoMs: 1_000 }, sourceAt(60)) },
    ];

    it.each([
        {
            name: 'reached through a service, a write and a read',
            groups: [
                { kind: 'service', target: 'api' },
                { kind: 'store', writes: [0] },
                { kind: 'store', reads: [1] },
                { kind: 'store', reads: [2] },
            ] as GroupSpec[],
            clauses: [
                'service api objective rto 5 m line 22',
                'service api objective rpo 1 s line 23',
                'store orders objective availability 99.9% line 41',
                'store audit objective rpo 0 ms line 53',
                'store cache objective rto 1 s line 61',
            ],
            note: undefined,
        },
        {
            name: 'one owner left out',
            groups: [
                { kind: 'service', target: 'api' },
                { kind: 'store', writes: [0, 1] },
            ] as GroupSpec[],
            clauses: [
                'service api objective rto 5 m line 22',
                'service api objective rpo 1 s line 23',
                'store orders objective availability 99.9% line 41',
                'store audit objective rpo 0 ms line 53',
            ],
            note: 'objectives of store cache are not judged: no workload of this scenario reaches it',
        },
        {
            name: 'a store group never reaches a service of its name',
            groups: [{ kind: 'store', target: 'api', writes: [2] }] as GroupSpec[],
            clauses: ['store cache objective rto 1 s line 61'],
            note: 'objectives of service api, store orders and store audit are not judged: no workload of this scenario reaches them',
        },
        {
            name: 'a service group never reaches a store of its name',
            groups: [{ kind: 'service', target: 'orders' }] as GroupSpec[],
            clauses: [],
            note: 'objectives of service api, store orders, store audit and store cache are not judged: no workload of this scenario reaches them',
        },
    ])('objectiveClauses: $name', ({ groups, clauses, note }) => {
        const got = objectiveClauses(planOf(services, stores, groups));
        expect(got.clauses.map((c) => `${c.owner.kind} ${c.owner.name} ${c.clause.text} line ${c.ref.line}`)).toEqual(
            clauses,
        );
        expect(got.note).toBe(note);
        expect('note' in got).toBe(note !== undefined);
    });

    it('objectiveClauses: each clause is the expect clause it is judged as, aimed at its owner', () => {
        const wl = objective({ writeLatency: { percentile: 0.99, ms: 150 } }, sourceAt(70, { writeLatency: 73 }));
        const plan = planOf([{ name: 'api', objective: wl }], [], [{ kind: 'service', target: 'api' }]);
        const [c] = objectiveClauses(plan).clauses;
        expect(c!.clause).toEqual({
            metric: 'write-latency',
            op: '<=',
            value: 150,
            text: 'objective write-latency p99 150 ms',
            source: wl.source,
            target: { kind: 'service', name: 'api' },
            percentile: 0.99,
        });
        expect(c!.ref).toEqual({ uri: 'file:///design.mregion', line: 74, endLine: 74 });
    });

    it('objectiveClauses: a term with no range of its own points at the whole objective', () => {
        const plan = planOf([], [stores[0]!], [{ kind: 'store', reads: [0] }]);
        const [c] = objectiveClauses(plan).clauses;
        expect(c!.ref).toEqual({ uri: 'file:///design.mregion', line: 41, endLine: 46 });
        expect('percentile' in c!.clause).toBe(false);
    });
});

describe('judging an objective on a run', () => {
    const plan = planOf(
        [{ name: 'api', objective: objective({ rtoMs: 300_000, availability: 0.999 }, sourceAt(5, { rto: 6 })) }],
        [],
        [{ kind: 'service', target: 'api' }],
    );
    const { clauses } = objectiveClauses(plan);
    const byMetric = (values: Record<string, Measurement>) => (e: ExpectationM) => values[e.metric]!;

    it.each([
        {
            name: 'both met',
            rto: measured(240_000),
            availability: measured(0.9995),
            passed: [true, true],
            messages: [
                'api: objective rto 5 m met: measured 4 m users of us-east-1',
                'api: objective availability 99.9% met: measured 99.95% users of us-east-1',
            ],
        },
        {
            name: 'rto missed by a minute',
            rto: measured(360_000),
            availability: measured(0.999),
            passed: [false, true],
            messages: [
                'api: objective rto 5 m missed: measured 6 m (+1 m) users of us-east-1',
                'api: objective availability 99.9% met: measured 99.9% users of us-east-1',
            ],
        },
        {
            name: 'not measured',
            rto: measured(null, 'no outage reaches api'),
            availability: measured(0.5),
            passed: [false, false],
            messages: [
                'api: objective rto 5 m missed: measured not measured (no outage reaches api) users of us-east-1',
                'api: objective availability 99.9% missed: measured 50% (−49.9 pp) users of us-east-1',
            ],
        },
    ])('judgeObjectives: $name', ({ rto, availability, passed, messages }) => {
        const results = judgeObjectives(clauses, byMetric({ rto, availability }));
        expect(results.map((r) => r.passed)).toEqual(passed);
        expect(results.map((r) => r.message)).toEqual(messages);
        for (const r of results) {
            expect(r.owner).toBe('api');
            expect(r.ownerKind).toBe('service');
            expect('line' in r).toBe(false);
        }
        expect(results.map((r) => r.clause.line)).toEqual([7, 6]);
    });

    it('objectiveWording: names the owner and says met or missed', () => {
        expect(objectiveWording(clauses[0]!)).toEqual({
            text: 'objective rto 5 m',
            subject: 'api: ',
            verbs: ['met', 'missed'],
        });
    });
});
