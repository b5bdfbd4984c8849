// lww-on-shared-state, whole findings: the message, where it points, its severity and the fixes offered (title and
// whether it is preferred). The rule-cases table (conflict-rules.test.ts) checks fragments only. What each case
// expects follows docs/rules/lww-on-shared-state.md: the engine that says nothing about the loss, one sentence per
// workload whose losses are known and above zero, an error and no CRDT fix when an invariant is declared, and a fix
// that names the finding it raises. Loss figures are worked by hand in each case's comment.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../language/validation/rules/catalog.js';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Shop
region us-east-1 {}
region eu-west-1 {}
region us-west-2 {}
`;

const SEVERITY: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** The rule's findings, in a design the language itself accepts (no error but those of the design rules). */
async function findings(design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    const languageErrors = diagnostics.filter((d) => d.severity === 1 && !(String(d.code) in RULES));
    expect(languageErrors.map((d) => d.message)).toEqual([]);
    return diagnostics
        .filter((d) => d.code === 'lww-on-shared-state')
        .map((d) => ({
            at: textAt(text, d),
            severity: SEVERITY[d.severity ?? 1],
            message: d.message,
            fixes: fixesOf(d).map((f) => [f.title, f.preferred ?? false]),
        }));
}

const HOME = "Route writes to each key's home region (writes home-region)";
const HOME_RAISES = `${HOME} — then home-region-unrouted: no failover re-homes the keys of a lost home region yet`;
const CONSENSUS = 'Use consensus for carts (replication consensus, conflicts consensus)';
const CONSENSUS_RAISES = `${CONSENSUS} — then consensus-quorum-survival: with voters in 2 regions, losing one stops writes`;
const MREC =
    'carts holds a shared counter written in us-east-1 and eu-west-1 with last-write-wins: of two concurrent writes to one key, one is discarded silently (DynamoDB MREC keeps the later item and logs nothing, docs/facts.md#dynamodb-mrec)';
// A counter's increments lost, apart from the overwritten writes. Workload c: μ = 250 / 10,000 per key and region,
// window 1 s, 2,000 shared keys: (2μ − μ ÷ (1 − e^{−μ}/2)) × 2,000 × 86,400 ≈ 208,000 a day; workload d: μ = 25 /
// 1,000,000, 10,000 shared keys ≈ 1.08 (test/estimators/counter-increments.test.ts derives the closed form).
const COUNTER_INCREMENTS =
    '. Those count overwritten writes; each can carry earlier increments of its region with it, so the counter loses more: workload c: ≈ 208,000 increments lost a day (exact for two writing regions); workload d: ≈ 1.08 increments lost a day (exact for two writing regions)';
const CART = 'store carts { engine dynamodb regions us-east-1, eu-west-1 holds shared counter writes any-region }';

describe('lww-on-shared-state', () => {
    it.each([
        {
            // DynamoDB in two regions: no failover re-homes keys, and consensus voters would sit in only 2 regions.
            name: 'names what DynamoDB MREC does, and offers the three fixes with what each raises',
            design: CART,
            expected: [
                {
                    at: 'writes any-region',
                    severity: 'warning',
                    message: MREC,
                    fixes: [
                        [HOME_RAISES, true],
                        ['Merge concurrent writes with a CRDT (conflicts crdt pn-counter)', false],
                        [CONSENSUS_RAISES, false],
                    ],
                },
            ],
        },
        {
            // A failover that re-homes the store's keys: routing writes home raises nothing.
            name: 'offers the home region plainly when a failover re-homes the keys',
            design: `${CART}\nfailover carts { detect health-check every 10s threshold 3 route anycast action rehome carts drill every 30d }`,
            expected: [
                {
                    at: 'writes any-region',
                    severity: 'warning',
                    message: MREC,
                    fixes: [
                        [HOME, true],
                        ['Merge concurrent writes with a CRDT (conflicts crdt pn-counter)', false],
                        [CONSENSUS_RAISES, false],
                    ],
                },
            ],
        },
        {
            // Two invariants: an error, no CRDT fix (no CRDT keeps them), consensus over 3 regions raises nothing.
            // Rows are plural: "holds shared rows", not "a shared rows".
            name: 'is an error naming both invariants on shared rows an engine records nothing about',
            design: 'store carts { engine custom regions us-east-1, eu-west-1, us-west-2 holds shared rows writes any-region replication async lag 1s consistency eventual conflicts lww invariant unique email invariant non-negative stock }',
            expected: [
                {
                    at: 'conflicts lww',
                    severity: 'error',
                    message:
                        'carts holds shared rows written in us-east-1, eu-west-1 and us-west-2 with last-write-wins: of two concurrent writes to one key, one is discarded silently (nothing records the loss). The invariants unique email and non-negative stock cannot hold either',
                    fixes: [
                        [HOME_RAISES, true],
                        [CONSENSUS, false],
                    ],
                },
            ],
        },
        {
            name: 'names the one invariant and what Cassandra does',
            design: 'store carts { engine cassandra regions us-east-1, eu-west-1 holds shared register writes any-region replication async lag 500ms consistency eventual conflicts lww invariant unique email }',
            expected: [
                {
                    at: 'conflicts lww',
                    severity: 'error',
                    message:
                        'carts holds a shared register written in us-east-1 and eu-west-1 with last-write-wins: of two concurrent writes to one key, one is discarded silently (Cassandra keeps the newer cell timestamp and logs nothing). The invariant unique email cannot hold either',
                    fixes: [
                        [HOME_RAISES, true],
                        [CONSENSUS_RAISES, false],
                    ],
                },
            ],
        },
        {
            // a: no key count, so no estimate; b: one writing region, 0 lost. c: the rule page's 205,000 a day.
            // d: 25 writes/s per region over 10⁶ keys, μ = 2.5·10⁻⁵ per key and s, window 1 s (DynamoDB's typical lag);
            // rare writes lose ≈ 2μ²w per shared key and s: 2 × 6.25·10⁻¹⁰ × 10,000 shared keys × 86,400 s ≈ 1.08.
            name: 'gives one sentence per workload whose losses are known and above zero, in declaration order',
            design: `${CART}
workload a for carts { writes 500/s from us-east-1 50%, eu-west-1 50% }
workload b for carts { writes 500/s from us-east-1 100% keys 100 shared 10% }
workload c for carts { writes 500/s from us-east-1 50%, eu-west-1 50% keys 10000 shared 20% }
workload d for carts { writes 50/s from us-east-1 50%, eu-west-1 50% keys 1000000 shared 1% }`,
            expected: [
                {
                    at: 'writes any-region',
                    severity: 'warning',
                    message: `${MREC}. Workload c: ≈ 205,000 lost writes a day (500 writes/s from 2 regions, 20% of 10,000 keys shared, replication window ≈ 1 s); Workload d: ≈ 1.08 lost writes a day (50 writes/s from 2 regions, 1% of 1,000,000 keys shared, replication window ≈ 1 s)${COUNTER_INCREMENTS}`,
                    fixes: [
                        [HOME_RAISES, true],
                        ['Merge concurrent writes with a CRDT (conflicts crdt pn-counter)', false],
                        [CONSENSUS_RAISES, false],
                    ],
                },
            ],
        },
        {
            // A register, not a counter: the same 205,000 overwritten writes a day as workload c above, and no
            // sentence about increments (a register keeps one value; the overwritten write is the loss).
            name: 'says nothing about increments for a shape that is not a counter',
            design: `store carts { engine dynamodb regions us-east-1, eu-west-1 holds shared register writes any-region }
workload c for carts { writes 500/s from us-east-1 50%, eu-west-1 50% keys 10000 shared 20% }`,
            expected: [
                {
                    at: 'writes any-region',
                    severity: 'warning',
                    message:
                        'carts holds a shared register written in us-east-1 and eu-west-1 with last-write-wins: of two concurrent writes to one key, one is discarded silently (DynamoDB MREC keeps the later item and logs nothing, docs/facts.md#dynamodb-mrec). Workload c: ≈ 205,000 lost writes a day (500 writes/s from 2 regions, 20% of 10,000 keys shared, replication window ≈ 1 s)',
                    fixes: [
                        [HOME_RAISES, true],
                        ['Merge concurrent writes with a CRDT (conflicts crdt mv-register)', false],
                        [CONSENSUS_RAISES, false],
                    ],
                },
            ],
        },
        {
            // Three writing regions: the increments are the Markov approximation, and the sentence says so. Per key
            // and s, μ = 0.2, 0.1, 0.1 (400 writes/s split 50/25/25 over 1,000 keys), one window w = 1 s for every
            // pair: Λ − Σμe^{μw} ÷ (Σe^{μw} − n + 1) = 0.4 − 0.465315 ÷ 1.431745 = 0.075002; × 1,000 × 86,400 ≈
            // 6,480,000 a day. The overwritten writes follow the n-region formula (test/estimators/lww-losses.test.ts).
            // Voters in three regions survive the loss of one: the consensus fix raises nothing.
            name: 'says the increments of a counter written in three regions are an approximation',
            design: `store carts { engine dynamodb regions us-east-1, eu-west-1, us-west-2 holds shared counter writes any-region }
workload t for carts { writes 400/s from us-east-1 50%, eu-west-1 25%, us-west-2 25% keys 1000 shared 100% }`,
            expected: [
                {
                    at: 'writes any-region',
                    severity: 'warning',
                    message:
                        'carts holds a shared counter written in us-east-1, eu-west-1 and us-west-2 with last-write-wins: of two concurrent writes to one key, one is discarded silently (DynamoDB MREC keeps the later item and logs nothing, docs/facts.md#dynamodb-mrec). Workload t: ≈ 6,200,000 lost writes a day (400 writes/s from 3 regions, 100% of 1,000 keys shared, replication window ≈ 1 s). Those count overwritten writes; each can carry earlier increments of its region with it, so the counter loses more: workload t: ≈ 6,480,000 increments lost a day (an approximation for three or more writing regions)',
                    fixes: [
                        [HOME_RAISES, true],
                        ['Merge concurrent writes with a CRDT (conflicts crdt pn-counter)', false],
                        [CONSENSUS, false],
                    ],
                },
            ],
        },
        {
            // replication none: each region keeps its own copy, nothing is replicated, so nothing is overwritten.
            name: 'passes independent copies per region that never replicate',
            design: 'store carts { engine redis regions us-east-1, eu-west-1 holds shared counter writes any-region replication none consistency eventual conflicts lww }',
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });
});
