// A misspelled name or keyword is one diagnostic with a did-you-mean quick fix, not a cascade: the design checks
// hold back what the broken declaration touches (language/validation/held-back.ts) until it reads and resolves,
// and applying the suggestion leaves the example exactly as clean as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionsFor, apply, check } from '../rules/fix-harness.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}.mregion`, import.meta.url), 'utf8');
const GLOBAL = example('cockroachdb-global');
const PODS = example('shopify-pods');
const AURORA = example('aurora-false-strong');

/** What the parser expects between declarations, in words: every keyword that opens one, in the grammar's order. */
const DECLARATION_EXPECTED =
    "expected a declaration ('import', 'topology', 'region', 'link', 'cell', 'store', 'service', 'failover', 'workload', 'scenario') or the end of the file";

/** The codes an example's header says it triggers, in order. */
function rulesOf(text: string): string[] {
    const listed = /^\/\/ rules: (.*)$/m.exec(text)![1]!.trim();
    return listed === 'none' ? [] : listed.split(/,\s*/);
}

/** Each code once, in the order of its first diagnostic: a header names a rule once however many findings it has. */
function distinct(codes: readonly unknown[]): unknown[] {
    return [...new Set(codes)];
}

/** `text` with `from` written as `to`, once; fails if `from` is not in the text. */
function typo(text: string, from: string, to: string): string {
    if (!text.includes(from)) throw new Error(`'${from}' is not in the example`);
    return text.replace(from, to);
}

interface TypoCase {
    readonly name: string;
    /** The example the typo is made in: after the fix, its diagnostics are exactly the rules its header names. */
    readonly example: string;
    readonly text: string;
    /** The one diagnostic the typo gives. */
    readonly message: string;
    /** The codes of the other diagnostics while the typo is there: findings about what the typo does not touch. */
    readonly others: readonly string[];
    /** The codes after the fix, when not exactly the example's rules. */
    readonly remaining?: readonly string[];
}

const cases: readonly TypoCase[] = [
    {
        name: 'a misspelled region in a store of three voters (no quorum-survival or latency finding about the partial store)',
        example: GLOBAL,
        text: typo(
            GLOBAL,
            'regions     us-east-1, eu-west-1, ap-northeast-1',
            'regions     us-east-1, eu-wset-1, ap-northeast-1',
        ),
        message: "unknown region 'eu-wset-1': did you mean 'eu-west-1'?",
        others: [],
    },
    {
        name: 'a misspelled region in a service (no standby-capacity finding about the two regions left)',
        example: GLOBAL,
        text: typo(
            GLOBAL,
            'regions   us-east-1, eu-west-1, ap-northeast-1\n    posture',
            'regions   us-east-1, eu-wset-1, ap-northeast-1\n    posture',
        ),
        message: "unknown region 'eu-wset-1': did you mean 'eu-west-1'?",
        others: [],
    },
    {
        name: "a misspelled region in a cell (no RPO finding about the cell's per-cell stores; the stores' own findings stay)",
        example: PODS,
        text: typo(PODS, 'cell pod1 { regions us-east-1, us-east-2 }', 'cell pod1 { regions us-eats-1, us-east-2 }'),
        message: "unknown region 'us-eats-1': did you mean 'us-east-1'?",
        others: ['catch-up-undeclared', 'no-backup'],
    },
    {
        name: 'a misspelled region next to a number without its unit still reports the unit (what is wrong in the text is never held back)',
        example: GLOBAL,
        text: typo(
            typo(
                GLOBAL,
                'regions     us-east-1, eu-west-1, ap-northeast-1',
                'regions     us-east-1, eu-wset-1, ap-northeast-1',
            ),
            'drill  every 30d',
            'drill  every 30',
        ),
        message: "unknown region 'eu-wset-1': did you mean 'eu-west-1'?",
        others: ['missing-unit'],
        remaining: ['missing-unit', 'rto-unachievable', 'standby-capacity', 'no-backup'],
    },
    {
        name: 'a misspelled store in a service',
        example: GLOBAL,
        text: typo(GLOBAL, 'uses      tickets', 'uses      tickest'),
        message: "unknown store 'tickest': did you mean 'tickets'?",
        others: [],
    },
    {
        name: 'a misspelled failover target (no RTO finding about the service it was meant for)',
        example: GLOBAL,
        text: typo(GLOBAL, 'failover box-office', 'failover box-ofice'),
        message: "unknown store or service 'box-ofice': did you mean 'box-office'?",
        others: [],
    },
    {
        name: 'a misspelled engine (no missing engine, undocumented promotion or control-plane finding)',
        example: GLOBAL,
        text: typo(GLOBAL, 'engine      cockroachdb', 'engine      cockroachbd'),
        message:
            "expected 'dynamodb', 'aurora', 'spanner', 'cockroachdb', 'cosmosdb', 'cassandra', …; found 'cockroachbd': did you mean 'cockroachdb'?",
        others: [],
    },
    {
        name: 'a misspelled clause keyword',
        example: GLOBAL,
        text: typo(GLOBAL, 'replication consensus', 'replicaton consensus'),
        message: "expected '}', found 'replicaton': did you mean 'replication'?",
        others: [],
    },
    {
        name: 'a misspelled value keyword',
        example: GLOBAL,
        text: typo(GLOBAL, 'replication consensus', 'replication consnsus'),
        message: "expected 'sync', 'async', 'consensus', 'none'; found 'consnsus': did you mean 'consensus'?",
        others: [],
    },
    {
        name: 'a misspelled declaration keyword (the store it declares is not read, and what follows from that is folded into the one diagnostic)',
        example: PODS,
        text: typo(PODS, 'store shop-db per cell {', 'stroe shop-db per cell {'),
        message: `${DECLARATION_EXPECTED}, found 'stroe': did you mean 'store'? Until it is fixed, the store 'shop-db' (lines 16–23) is not read (4 errors that follow from it are not shown).`,
        others: [],
    },
    {
        name: 'a declaration keyword with two letters swapped, whose service is used elsewhere in the file',
        example: PODS,
        text: typo(PODS, 'service storefront per cell {', 'servcie storefront per cell {'),
        message: `${DECLARATION_EXPECTED}, found 'servcie': did you mean 'service'? Until it is fixed, the service 'storefront' (lines 50–56) is not read (6 errors that follow from it are not shown).`,
        others: [],
    },
    {
        name: "a misspelled workload in a scenario still leaves the unrelated store's finding reported",
        example: AURORA,
        text: typo(
            AURORA,
            'scenario primary-lost {\n    workload reads-everywhere',
            'scenario primary-lost {\n    workload reads-everywere',
        ),
        message: "unknown workload 'reads-everywere': did you mean 'reads-everywhere'?",
        others: ['strong-needs-sync'],
    },
];

describe('a misspelled name or keyword', () => {
    it.each([
        ['cockroachdb-global', GLOBAL],
        ['shopify-pods', PODS],
        ['aurora-false-strong', AURORA],
    ])('starts from %s, whose diagnostics are exactly the rules its header names', async (_, text) => {
        expect(distinct((await check(text)).diagnostics.map((d) => d.code))).toEqual(rulesOf(text));
    });

    for (const c of cases) {
        it(`${c.name} is one diagnostic whose quick fix restores the example`, async () => {
            const { checked, actions, diagnostic } = await actionsFor(c.text, (d) =>
                /did you mean/.test(String(d.message)),
            );
            expect(diagnostic.message).toBe(c.message);
            expect(distinct(checked.diagnostics.filter((d) => d !== diagnostic).map((d) => d.code))).toEqual(c.others);
            const suggested = /did you mean '([^']+)'/.exec(c.message)![1]!;
            const fix = actions.find((a) => a.title === `Change to '${suggested}'`);
            expect(fix?.isPreferred).toBe(true);
            expect(distinct((await check(apply(checked, fix!))).diagnostics.map((d) => d.code))).toEqual(
                c.remaining ?? rulesOf(c.example),
            );
        });
    }

    it.each([
        ['a word far from every keyword', typo(GLOBAL, 'replication consensus', 'zzzzzzzz consensus')],
        [
            'a name where a name is expected',
            typo(
                GLOBAL,
                'region ap-northeast-1 { provider aws  jurisdiction JP }',
                'region ap-northeast-1 { provider aws  jurisdiction JP }\nregion',
            ),
        ],
    ])('offers no keyword for %s', async (_, text) => {
        const syntax = (await check(text)).diagnostics.filter((d) => d.code === 'syntax-error');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.filter((d) => /did you mean/.test(String(d.message))).map((d) => String(d.message))).toEqual([]);
    });

    it('never calls a brace a keyword to rename (a block opened where a name was expected)', async () => {
        const text = typo(GLOBAL, 'region ap-northeast-1 {', 'region {');
        const messages = (await check(text)).diagnostics.map((d) => String(d.message));
        expect(messages.filter((m) => /found '\{'/.test(m))).toHaveLength(1);
        expect(messages.filter((m) => /keyword of the language/.test(m))).toEqual([]);
    });
});
