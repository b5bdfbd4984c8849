// single-region-spof and standby-capacity, whole findings: message, place, related locations and fixes. The
// rule-cases table (availability-rules.test.ts) checks fragments only. As the rule pages say: a single-region part
// that promises 99.95 % or more, or that a multi-region service depends on, writes or reads, is a single point of
// failure (the S3 event of 2017 for an S3 store); a service with declared capacity whose region loss overloads the
// others, and whose failover adds none, fails the excess. Shares and downtime are worked by hand in each comment.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../language/validation/rules/catalog.js';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Web
region us-east-1 {}
region us-west-2 {}
`;

async function findings(code: string, design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    const languageErrors = diagnostics.filter((d) => d.severity === 1 && !(String(d.code) in RULES));
    expect(languageErrors.map((d) => d.message)).toEqual([]);
    return diagnostics
        .filter((d) => d.code === code)
        .map((d) => ({
            at: textAt(text, d),
            message: d.message,
            related: (d.relatedInformation ?? []).map((r) => [
                textAt(text, { range: r.location.range } as never),
                r.message,
            ]),
            fixes: fixesOf(d).map((f) => [f.title, f.preferred ?? false]),
        }));
}

describe('single-region-spof', () => {
    it.each([
        {
            // 0.05 % of a 30-day month: 0.0005 × 2,592,000 s = 1,296 s = 21 m 36 s.
            name: 'works out the downtime a month an availability objective allows',
            design: 'service api { regions us-east-1 objective availability 99.95% }',
            expected: [
                {
                    at: 'regions us-east-1',
                    message:
                        'api runs only in us-east-1 but promises 99.95% availability, about 21 m 36 s of downtime a month: one regional outage spends years of that budget (us-east-1 was impaired for about seven hours on 7 December 2021, docs/facts.md#us-east-1-2021-outage)',
                    related: [],
                    fixes: [],
                },
            ],
        },
        {
            name: 'names the S3 event of 2017 for an S3 bucket a multi-region service reads',
            design: `store assets { engine s3 regions us-east-1 holds shared blob }
service web { regions us-east-1, us-west-2 posture active-active reads assets }`,
            expected: [
                {
                    at: 'regions us-east-1',
                    message:
                        'assets runs only in us-east-1, and web (us-east-1 and us-west-2) reads it: losing us-east-1 takes web down in every region (S3 in us-east-1 failed for about four hours on 28 February 2017, and so did everything that read or wrote its buckets, docs/facts.md#s3-us-east-1-2017-outage)',
                    related: [['reads assets', 'web reads it']],
                    fixes: [],
                },
            ],
        },
        {
            name: 'says a multi-region service writes a single-region database, linked to its uses',
            design: `store db { engine postgres regions us-east-1 holds shared rows }
service web { regions us-east-1, us-west-2 posture active-active uses db }`,
            expected: [
                {
                    at: 'regions us-east-1',
                    message:
                        'db runs only in us-east-1, and web (us-east-1 and us-west-2) writes it: losing us-east-1 takes web down in every region',
                    related: [['uses db', 'web writes it']],
                    fixes: [],
                },
            ],
        },
        {
            name: 'says a multi-region service depends on a single-region one, linked to its depends-on',
            design: `service gateway { regions us-east-1 }
service web { regions us-east-1, us-west-2 posture active-active depends-on gateway }`,
            expected: [
                {
                    at: 'regions us-east-1',
                    message:
                        'gateway runs only in us-east-1, and web (us-east-1 and us-west-2) depends on it: losing us-east-1 takes web down in every region',
                    related: [['depends-on gateway', 'web depends on it']],
                    fixes: [],
                },
            ],
        },
        {
            // web runs in two regions but neither writes, reads nor depends on db.
            name: 'passes a single-region database a multi-region service does not use',
            design: `store db { engine postgres regions us-east-1 holds shared rows }
service web { regions us-east-1, us-west-2 posture active-active }`,
            expected: [],
        },
        {
            // Nothing promised, and its only user runs in one region too.
            name: 'passes a single-region database written only by a single-region service',
            design: `store db { engine postgres regions us-east-1 holds shared rows }
service web { regions us-east-1 uses db }`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings('single-region-spof', design)).toEqual(expected);
    });
});

describe('standby-capacity', () => {
    it.each([
        {
            // Half the load in each region at 50 % capacity: either loss puts 100 % on the other, 50 % fail. The two
            // losses tie: the first is named, and the other counted. 100 % is needed per region.
            name: 'names the first of two losses that fail the same share, and counts the other',
            design: `service web { regions us-east-1, us-west-2 posture active-active capacity 50% per region }
workload w for web { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'capacity 50% per region',
                    message:
                        'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it (losing one other region overloads too)',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // us-east-1 has room for everything (100 %), us-west-2 for half: only losing us-east-1 overloads.
            name: 'reports the one loss that overloads when the other fits',
            design: `service web { regions us-east-1, us-west-2 posture active-active capacity us-east-1 100%, us-west-2 50% }
workload w for web { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'capacity us-east-1 100%, us-west-2 50%',
                    message:
                        'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // No workload: the load is taken as even, 50 % each, as above.
            name: 'says an active-active load with no workload is taken as even',
            design: 'service web { regions us-east-1, us-west-2 posture active-active capacity 50% per region }',
            expected: [
                {
                    at: 'capacity 50% per region',
                    message:
                        'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it (losing one other region overloads too); no workload says where the load comes from, so it is taken as even over the regions',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // No workload, warm standby: all the load at the primary; losing it puts 100 % on a 50 % standby.
            name: 'says a standby’s load with no workload is taken as all at the primary',
            design: 'service web { regions us-east-1, us-west-2 posture warm-standby capacity 50% per region }',
            expected: [
                {
                    at: 'capacity 50% per region',
                    message:
                        'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it; no workload says where the load comes from, so it is taken as all at the primary',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // The first loss fits (us-west-2 has room for everything), the second does not: the second is named.
            name: 'names the loss that overloads when it comes second',
            design: `service web { regions us-east-1, us-west-2 posture active-active capacity us-east-1 50%, us-west-2 100% }
workload w for web { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'capacity us-east-1 50%, us-west-2 100%',
                    message:
                        'losing us-west-2 sends its users to us-east-1: us-east-1 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // A warm standby whose primary is listed second: losing that primary is the loss that moves the users.
            name: 'judges the loss of a declared primary listed second',
            design: 'service web { regions us-east-1, us-west-2 primary us-west-2 posture warm-standby capacity 50% per region }',
            expected: [
                {
                    at: 'capacity 50% per region',
                    message:
                        'losing us-west-2 sends its users to us-east-1: us-east-1 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it; no workload says where the load comes from, so it is taken as all at the primary',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // auth's load is one call per request of orders, half from each region: either loss puts 100 % on the
            // other region's 50 %.
            name: 'says a service’s load comes from the services that depend on it',
            design: `service auth { regions us-east-1, us-west-2 posture active-active capacity 50% per region }
service orders { regions us-east-1, us-west-2 posture active-active depends-on auth }
workload w for orders { writes 1000/s from us-east-1 50%, us-west-2 50% }`,
            expected: [
                {
                    at: 'capacity 50% per region',
                    message:
                        'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail or queue until capacity is added, and no failover action adds it (losing one other region overloads too); its load includes one call per request of orders (depends-on), served where they serve it',
                    related: [],
                    fixes: [
                        [
                            'Raise capacity to 100% per region (enough for the region that takes over to carry the load)',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            name: 'passes a failover that scales out',
            design: `service web { regions us-east-1, us-west-2 posture warm-standby capacity 50% per region }
failover web { detect health-check every 10s threshold 3 route anycast action scale-out web in us-west-2 takes 2m drill every 30d }`,
            expected: [],
        },
        {
            // Launching capacity is one of the failover's actions, not the only one.
            name: 'passes a failover that launches capacity among other actions',
            design: `service web { regions us-east-1, us-west-2 posture warm-standby capacity 50% per region }
failover web { detect health-check every 10s threshold 3 route anycast action shift-traffic action launch-capacity web in us-west-2 drill every 30d }`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings('standby-capacity', design)).toEqual(expected);
    });
});
