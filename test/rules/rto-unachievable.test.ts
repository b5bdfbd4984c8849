// rto-unachievable, whole findings: the full message, where it points and what it links to, for the paths the
// rule-cases table reaches only by fragments — no failover (with and without a DR tier floor, for a service and a
// store), regions left short of capacity (which loss is worst, which actions add capacity) and a failover slower
// than the objective. Shares worked by hand from the workloads and capacities in each case's comment.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
`;

/** The rule's findings: [text the finding is on, message, [related text, related message]…]. */
async function findings(design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    return diagnostics
        .filter((d) => d.code === 'rto-unachievable')
        .map((d) => ({
            at: textAt(text, d),
            message: d.message,
            related: (d.relatedInformation ?? []).map((r) => [
                textAt(text, { range: r.location.range } as never),
                r.message,
            ]),
        }));
}

const ANYCAST = 'detect health-check every 10s threshold 3 route anycast drill every 30d';

describe('rto-unachievable', () => {
    it.each([
        {
            // Warm standby's floor is 1 m (docs/facts.md#dr-strategy-recovery-time).
            name: 'says a service with no failover waits for its region, and names its tier’s floor',
            design: 'service orders { regions us-east-1, us-west-2 posture warm-standby objective rto 5m }',
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'RTO objective 5 m, but no failover of orders says how traffic leaves a failed region (us-east-1 and us-west-2): recovery waits for the region to return; even its warm-standby tier needs at least 1 m (docs/facts.md#dr-strategy-recovery-time)',
                    related: [],
                },
            ],
        },
        {
            // Active-active has no floor (0): nothing to add about the tier.
            name: 'says an active-active service with no failover waits for its region, without a tier',
            design: 'service orders { regions us-east-1, us-west-2 posture active-active objective rto 5m }',
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'RTO objective 5 m, but no failover of orders says how traffic leaves a failed region (us-east-1 and us-west-2): recovery waits for the region to return',
                    related: [],
                },
            ],
        },
        {
            // A store has no DR tier.
            name: 'says a store with no failover waits for its region',
            design: 'store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session objective rto 5m }',
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'RTO objective 5 m, but no failover of db says how traffic leaves a failed region (us-east-1 and us-west-2): recovery waits for the region to return',
                    related: [],
                },
            ],
        },
        {
            // Load us-east-1 20 %, us-east-2 50 %, us-west-2 30 %; 50 % capacity each. Losing us-east-1 moves 20 % to
            // us-east-2 (70 %: 20 % fail); losing us-east-2 moves 50 % to us-east-1 (70 %: 20 % fail); losing us-west-2
            // moves 30 % to its nearest, us-east-2 (80 %: 30 % fail). The worst, us-west-2, is named.
            name: 'names the loss that fails the most requests when regions are left short of capacity',
            design: `service orders { regions us-east-1, us-east-2, us-west-2 posture active-active capacity 50% per region objective rto 5m }
failover orders { ${ANYCAST} }
workload w for orders { writes 1000/s from us-east-1 20%, us-east-2 50%, us-west-2 30% }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1, us-east-2 or us-west-2 leaves the other regions short of capacity, and about 30% of requests fail until us-west-2 returns, since no action of the failover adds capacity (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // Two regions at 50 % with half the load each: either loss puts 100 % on the other, 50 % fail.
            name: 'finds a two-region service short of capacity',
            design: `service orders { regions us-east-1, us-west-2 posture active-active capacity 50% per region objective rto 5m }
failover orders { ${ANYCAST} }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-west-2 leaves the other regions short of capacity, and about 50% of requests fail until us-east-1 returns, since no action of the failover adds capacity (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // orders declares no capacity, but depends on auth: 50 % capacity per region, half its load in each. Losing
            // either region puts auth's whole load on the other: 100 % against 50 %, so 50 % of auth's requests fail.
            name: 'finds a service it depends on short of capacity after a loss',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 50% per region }
workload w for auth { writes 1000/s from us-east-1 50%, us-west-2 50% }
service orders { regions us-east-1, us-west-2 posture active-active depends-on auth objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-west-2 leaves auth, which it depends on, short of capacity, and about 50% of the requests auth serves fail until capacity is added, since no failover adds it (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // orders calls edge, which calls auth: the same 50 % shortfall of auth reaches orders through edge.
            name: 'finds a shortfall two dependencies away',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 50% per region }
workload w for auth { writes 1000/s from us-east-1 50%, us-west-2 50% }
service edge { regions us-east-1, us-west-2 posture active-active depends-on auth }
service orders { regions us-east-1, us-west-2 posture active-active depends-on edge objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-west-2 leaves auth, which it depends on, short of capacity, and about 50% of the requests auth serves fail until capacity is added, since no failover adds it (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // auth has room for all of its load in either region (100 %): losing one leaves nothing short.
            name: 'finds nothing when the service it depends on can absorb a loss',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 100% per region }
workload w for auth { writes 1000/s from us-east-1 50%, us-west-2 50% }
service orders { regions us-east-1, us-west-2 posture active-active depends-on auth objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [],
        },
        {
            // orders and auth depend on each other: auth (50 % capacity, half its load per region) is short by 50 %
            // after either loss, found once; the walk through the cycle ends.
            name: 'follows a cycle of dependencies once',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 50% per region depends-on orders }
workload w for auth { writes 1000/s from us-east-1 50%, us-west-2 50% }
service orders { regions us-east-1, us-west-2 posture active-active depends-on auth objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-west-2 leaves auth, which it depends on, short of capacity, and about 50% of the requests auth serves fail until capacity is added, since no failover adds it (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // The same dependency, but auth's own failover scales out: capacity is added, so no finding.
            name: 'leaves a dependency’s shortfall to its failover that scales out',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 50% per region }
workload w for auth { writes 1000/s from us-east-1 50%, us-west-2 50% }
failover auth { detect health-check every 10s threshold 3 route anycast action scale-out auth in us-west-2 takes 2m drill every 30d }
service orders { regions us-east-1, us-west-2 posture active-active depends-on auth objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [],
        },
        {
            // The same shortfall with a failover that only shifts traffic: no capacity is added, still 50 % fail.
            name: 'finds the shortfall when the failover’s actions add no capacity',
            design: `service orders { regions us-east-1, us-west-2 posture active-active capacity 50% per region objective rto 5m }
failover orders { detect health-check every 10s threshold 3 route anycast action shift-traffic drill every 30d }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing any one of us-east-1 or us-west-2 leaves the other regions short of capacity, and about 50% of requests fail until us-east-1 returns, since no action of the failover adds capacity (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // The same shortfall, but the failover protects us-east-1 only: one loss, named alone.
            name: 'names the one loss a failover from a region handles',
            design: `service orders { regions us-east-1, us-west-2 posture active-active capacity 50% per region objective rto 5m }
failover orders from us-east-1 to us-west-2 { ${ANYCAST} }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'rto 5m',
                    message:
                        'the RTO objective of orders (5 m) is missed for some users however fast the failover: losing us-east-1 leaves the other regions short of capacity, and about 50% of requests fail until us-east-1 returns, since no action of the failover adds capacity (standby-capacity)',
                    related: [['orders', 'failover of orders']],
                },
            ],
        },
        {
            // The same shortfall, but the failover launches capacity (10 m, docs/facts.md#capacity-launch-time): its
            // time, 36 s detection + 10 m, is what counts, and 1 h allows it.
            name: 'leaves a shortfall to a failover that launches capacity',
            design: `service orders { regions us-east-1, us-west-2 posture active-active capacity 50% per region objective rto 1h }
failover orders { detect health-check every 10s threshold 3 route anycast action launch-capacity orders in us-west-2 drill every 30d }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [],
        },
        {
            // No declared capacity: nothing limits a region, so no loss leaves it short; 36 s detection meets 5 m.
            name: 'finds nothing for a service with no declared capacity and a fast failover',
            design: `service orders { regions us-east-1, us-west-2 posture active-active objective rto 5m }
failover orders { ${ANYCAST} }`,
            expected: [],
        },
        {
            // 10 s × 3 + 6 s timeout = 36 s worst (anycast adds nothing) against 30 s.
            name: 'points a failover slower than the objective at the failover, linked to the objective',
            design: `service orders { regions us-east-1, us-west-2 posture active-active objective rto 30s }
failover orders { ${ANYCAST} }`,
            expected: [
                {
                    at: 'orders',
                    message:
                        'failover takes 26–36 s, typical 31 s (worst when the failure lands just after a check: 10 s × 3 + 6 s timeout detection) but the RTO objective of orders is 30 s (judged: the worst case, 36 s)',
                    related: [['rto 30s', 'RTO objective of orders']],
                },
            ],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });
});

// Per-cell instances share one declaration: their findings are one diagnostic when they say the same thing in every
// cell (no cell suffix), each naming its cells when they differ. Two cells over the same regions say the same.
describe('rto-unachievable on a per-cell service', () => {
    const cells = (second: string) => `cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions ${second} }\n`;
    const orders = `service orders per cell { posture active-active capacity 50% per region objective rto 30s }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`;
    // Each cell: half its load per region, 50 % capacity; losing either region puts 100 % on the other, 50 % fail.
    const shortfall = (first: string, other: string) =>
        `the RTO objective of orders (30 s) is missed for some users however fast the failover: losing any one of ${first} or ${other} leaves the other regions short of capacity, and about 50% of requests fail until ${first} returns, since no action of the failover adds capacity (standby-capacity)`;
    const slower =
        'failover takes 26–36 s, typical 31 s (worst when the failure lands just after a check: 10 s × 3 + 6 s timeout detection) but the RTO objective of orders is 30 s (judged: the worst case, 36 s)';

    it.each([
        {
            name: 'says a shortfall and a slow failover once each when every cell is alike',
            design: `${cells('us-east-1, us-west-2')}${orders}\nfailover orders { ${ANYCAST} }`,
            expected: [
                [shortfall('us-east-1', 'us-west-2'), 'rto 30s'],
                [slower, 'orders'],
            ],
        },
        {
            name: 'says the missing failover once for every cell',
            design: `${cells('us-east-1, us-west-2')}${orders}`,
            expected: [
                [
                    'RTO objective 30 s, but no failover of orders says how traffic leaves a failed region (us-east-1 and us-west-2): recovery waits for the region to return',
                    'rto 30s',
                ],
            ],
        },
        {
            // c2 over us-east-2 and us-west-2 serves the us-east-1 half from its nearest region, us-east-2: its own
            // two losses, each putting 100 % on the other region (50 % fail). The shortfalls differ, so each names its
            // cell; the failover's time is the same in both, so it is said once.
            name: 'names the cells when their shortfalls differ',
            design: `${cells('us-east-2, us-west-2')}${orders}\nfailover orders { ${ANYCAST} }`,
            expected: [
                [`${shortfall('us-east-1', 'us-west-2')} (cell c1)`, 'rto 30s'],
                [`${shortfall('us-east-2', 'us-west-2')} (cell c2)`, 'rto 30s'],
                [slower, 'orders'],
            ],
        },
    ])('$name', async ({ design, expected }) => {
        expect((await findings(design)).map((f) => [f.message, f.at])).toEqual(expected);
    });
});
