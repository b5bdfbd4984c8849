// The consensus clauses of a store — `leader`, `locality`, `survive` — with their defaults and their checks. Each
// invalid case marks with «…» the text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { votersOf } from '../../language/semantics/estimators/index.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2']
    .map((r) => `region ${r} { provider aws jurisdiction US }`)
    .join('\n');
const THREE = 'us-east-1, eu-west-1, ap-northeast-1';
const store = (body: string, engine = 'cockroachdb', regions = THREE) =>
    `topology T\n${REGIONS}\nstore s {\n    engine ${engine}\n    regions ${regions}\n    holds shared rows\n${body}\n}\n`;

const valid: readonly { name: string; text: string }[] = [
    {
        name: 'a CockroachDB store with a leader, a locality and a survival goal',
        text: store('    leader eu-west-1\n    locality global\n    survive region'),
    },
    { name: 'a Spanner store with a default leader', text: store('    leader us-east-1', 'spanner') },
    {
        name: 'a consensus store of another engine with a leader and zone survival',
        text: store(
            '    writes any-region\n    replication consensus\n    leader us-east-1\n    survive zone',
            'custom',
        ),
    },
    { name: 'a single-region consensus store without a leader', text: store('', 'cockroachdb', 'us-east-1') },
    { name: 'a consensus store whose primary is its leader', text: store('    writes primary eu-west-1') },
];

const invalid: readonly { name: string; text: string; code: string; severity: number; message: RegExp }[] = [
    {
        name: 'a consensus store over several regions with no leader',
        code: 'missing-property',
        severity: 2,
        message:
            /declares no 'leader': assuming us-east-1, its first region\. CockroachDB homes REGIONAL BY TABLE tables/,
        text: store('').replace('store s', 'store «s»'),
    },
    {
        name: 'a Spanner store with no leader',
        code: 'missing-property',
        severity: 2,
        message:
            /assuming us-east-1, its first region\. Spanner commits read-write transactions in the default leader region/,
        text: store('', 'spanner').replace('store s', 'store «s»'),
    },
    {
        name: "a leader outside the store's regions",
        code: 'value-out-of-range',
        severity: 1,
        message: /leader us-west-2 is not one of the store's regions \(us-east-1, eu-west-1 and ap-northeast-1\)/,
        text: store('    «leader us-west-2»'),
    },
    {
        name: 'a locality on Spanner',
        code: 'inapplicable-property',
        severity: 1,
        message: /'locality' is a CockroachDB table locality; store s runs on spanner/,
        text: store('    leader us-east-1\n    «locality regional-by-row»', 'spanner'),
    },
    {
        name: 'a leader on an asynchronous store',
        code: 'inapplicable-property',
        severity: 1,
        message: /'leader' applies to consensus stores \('replication consensus'\); store s replicates by async/,
        text: store('    «leader us-east-1»', 'dynamodb'),
    },
    {
        name: 'region survival over two regions',
        code: 'value-out-of-range',
        severity: 1,
        message: /'survive region' needs at least 3 regions, the store has 2/,
        text: store('    leader us-east-1\n    «survive region»', 'cockroachdb', 'us-east-1, eu-west-1'),
    },
    {
        name: 'a survival goal together with replicas',
        code: 'inapplicable-property',
        severity: 1,
        message: /'survive zone' places the voting replicas itself \(3\); remove 'replicas'/,
        text: store('    leader us-east-1\n    «replicas 3»\n    survive zone'),
    },
];

describe('consensus clauses', () => {
    test.each(valid)('accepts $name', async ({ text }) => {
        const { diagnostics } = await validate(text);
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
    });

    test.each(invalid)(
        'reports $name as $code at the offending text',
        async ({ text: source, code, severity, message }) => {
            const { text, ranges } = unmark(source);
            const { diagnostics } = await validate(text);
            const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
            expect(
                matching.map((d) => [d.range, d.severity]),
                JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
            ).toEqual([[ranges[0], severity]]);
        },
    );

    test("offers each of the store's regions as the leader when the declared one is not among them", async () => {
        const { problems } = await modelOf(store('    leader us-west-2'));
        const fixes = (problems.find((p) => p.code === 'value-out-of-range')?.data?.fixes ?? []) as {
            title: string;
            edits: { text: string }[];
        }[];
        expect(fixes.map((f) => [f.title, f.edits[0]!.text])).toEqual([
            ['Lead from us-east-1', 'us-east-1'],
            ['Lead from eu-west-1', 'eu-west-1'],
            ['Lead from ap-northeast-1', 'ap-northeast-1'],
        ]);
    });
});

describe('consensus defaults and voter placement', () => {
    const cases: readonly {
        name: string;
        body: string;
        engine?: string;
        leader: string;
        leaderKind: string;
        locality?: string;
        voters: string[];
    }[] = [
        {
            name: 'CockroachDB defaults to REGIONAL BY TABLE homed in the first region, one voter per region',
            body: '',
            leader: 'us-east-1',
            leaderKind: 'derived',
            locality: 'regional-by-table',
            voters: ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
        },
        {
            name: 'REGION survival puts 2 of 5 voters in the home region and spreads 3 over the others',
            body: '    leader eu-west-1\n    survive region',
            leader: 'eu-west-1',
            leaderKind: 'declared',
            locality: 'regional-by-table',
            voters: ['eu-west-1', 'eu-west-1', 'us-east-1', 'ap-northeast-1', 'us-east-1'],
        },
        {
            name: 'ZONE survival keeps its 3 voters in the home region',
            body: '    leader ap-northeast-1\n    survive zone',
            leader: 'ap-northeast-1',
            leaderKind: 'declared',
            locality: 'regional-by-table',
            voters: ['ap-northeast-1', 'ap-northeast-1', 'ap-northeast-1'],
        },
        {
            name: 'Spanner has a leader and no locality',
            body: '    leader us-east-1',
            engine: 'spanner',
            leader: 'us-east-1',
            leaderKind: 'declared',
            voters: ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
        },
    ];
    test.each(cases)('$name', async ({ body, engine, leader, leaderKind, locality, voters }) => {
        const { model } = await modelOf(store(body, engine));
        const s = model.stores.get('s')!;
        expect(s.consensus?.leader).toBe(leader);
        expect(s.consensus?.leaderProvenance.kind).toBe(leaderKind);
        expect(s.consensus?.locality).toBe(locality);
        expect(votersOf(s).map((v) => v.region)).toEqual(voters);
    });

    test('says the default locality comes from the CockroachDB facts', async () => {
        const { model } = await modelOf(store('    leader us-east-1'));
        expect(model.stores.get('s')!.consensus?.localityProvenance).toEqual({
            kind: 'default',
            source: expect.stringMatching(/REGIONAL BY TABLE is the default locality/),
        });
    });
});
