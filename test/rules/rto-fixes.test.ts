// rto-unachievable's quick fixes (rtoFixes in language/validation/rules/recovery-rules.ts): which are offered, what
// each promises in its title, which one is preferred and what it edits. The rule runs directly on each design's
// model. Times worked by hand from failover-time.ts: a health check every I, threshold N, timeout T detects in
// N·I + T at worst and (N − ½)·I + T typically; a DNS TTL adds TTL at worst and TTL/2 typically; an anycast or
// Global Accelerator route adds 0; actions add their `takes`; the posture's floor (pilot light 10 min, warm
// standby 1 min, backup and restore 1 h, active-active 0) bounds the total from below. The faster detection a fix
// writes is every 10 s, threshold 3, with a 6 s timeout: 36 s at worst, 31 s typically.
import { describe, expect, it } from 'vitest';
import type { Judge } from '../../language/semantics/estimators/range.js';
import { RULES } from '../../language/validation/rules/catalog.js';
import { recoveryRules } from '../../language/validation/rules/recovery-rules.js';
import type { Finding } from '../../language/validation/rules/rule.js';
import { errors, modelOf } from '../helpers/services.js';
import { describeEdit } from './whole-findings.js';

const AWS = 'region us-east-1 {}\nregion us-west-2 {}';
const ON_PREM = 'region dc1 { provider on-prem  jurisdiction US }\nregion dc2 { provider on-prem  jurisdiction US }';

interface Design {
    readonly posture?: string;
    readonly rto: string;
    /** The failover's clauses, one a line. */
    readonly failover: string[];
    readonly onPrem?: boolean;
}

function design({ posture = 'active-active', rto, failover, onPrem = false }: Design): string {
    const regions = onPrem ? 'dc1, dc2' : 'us-east-1, us-west-2';
    return `topology Fixes
${onPrem ? ON_PREM : AWS}

service orders {
    regions   ${regions}
    posture   ${posture}
    objective rto ${rto}
}

failover orders {
${failover.map((c) => `    ${c}`).join('\n')}
    drill  every 30d
}
`;
}

/** The fixes of the rule's failover-time finding: [title, preferred, edits]. */
async function fixesOf(d: Design, judge: Judge = 'worst'): Promise<[string, boolean | undefined, string[]][]> {
    return fixesIn(design(d), judge);
}

async function fixesIn(text: string, judge: Judge = 'worst'): Promise<[string, boolean | undefined, string[]][]> {
    const { model, diagnostics } = await modelOf(text);
    // The design is valid; the rules' own findings are what is under test.
    expect(errors(diagnostics).filter((e) => !(String(e.code) in RULES))).toEqual([]);
    const found: Finding[] = [];
    recoveryRules.rtoUnachievable.check({ model, judge, report: (f) => found.push(f) });
    const timed = found.filter((f) => f.message.startsWith('failover takes'));
    expect(timed).toHaveLength(1);
    return (timed[0]?.fixes?.() ?? []).map((f) => [f.title, f.preferred, f.edits.map((e) => describeEdit(text, e))]);
}

const DETECT = 'Detect faster: health checks every 10 s, threshold 3';
const VIA_GA = 'Route through Global Accelerator, which waits out no DNS TTL';
const VIA_ANYCAST = 'Route through anycast, which waits out no DNS TTL';
const PROVISION = 'Pre-provision capacity: warm standby that shifts traffic instead of launching';
const TO_10S = 'detect health-check every 10s threshold 3';

describe('rto-unachievable offers faster detection', () => {
    it.each<[string, Design, [string, boolean | undefined, string[]][]]>([
        [
            // 30 s × 3 = 90 s > 60 s; faster: 36 s.
            'checks every 30 s: detect faster, preferred',
            { rto: '1m', failover: ['detect health-check every 30s threshold 3 timeout 0s', 'route  anycast'] },
            [
                [
                    `${DETECT} (worst-case failover 36 s)`,
                    true,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
            ],
        ],
        [
            // 10 s × 4 + 60 s TTL = 100 s; faster detection: 36 + 60 = 96 s, still over; GA: 40 s.
            'threshold 4: detect faster, not enough',
            { rto: '1m', failover: ['detect health-check every 10s threshold 4 timeout 0s', 'route  dns ttl 60s'] },
            [
                [
                    `${DETECT} (worst-case failover 1 m 36 s)`,
                    false,
                    [`replace 'detect health-check every 10s threshold 4 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${VIA_GA} (worst-case failover 40 s)`,
                    true,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
        [
            // 10 s × 3 is already the fast setting: only the route is offered; 30 + 60 = 90 s, GA 30 s.
            'every 10 s, threshold 3: no detection fix',
            { rto: '1m', failover: ['detect health-check every 10s threshold 3 timeout 0s', 'route  dns ttl 60s'] },
            [
                [
                    `${VIA_GA} (worst-case failover 30 s)`,
                    true,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
        [
            // Manual detection after 5 m + manual routing after 1 m = 6 m; faster: 36 s + 1 m; GA: 5 m.
            'manual detection: detect faster',
            { rto: '2m', failover: ['detect manual after 5m', 'route  manual after 1m'] },
            [
                [
                    `${DETECT} (worst-case failover 1 m 36 s)`,
                    true,
                    [`replace 'detect manual after 5m' with '${TO_10S}'`],
                ],
                [
                    `${VIA_GA} (worst-case failover 5 m)`,
                    false,
                    [`replace 'route  manual after 1m' with 'route global-accelerator'`],
                ],
            ],
        ],
        [
            // No detect clause: the clause is added; manual routing after 10 m, so 36 s + 10 m. GA keeps the default
            // detection, Route 53's 30 s × 3 with its 6 s timeout: 1 m 36 s.
            'no detect clause: one is added',
            { rto: '1m', failover: ['route  manual after 10m'] },
            [
                [`${DETECT} (worst-case failover 10 m 36 s)`, false, [`add '${TO_10S}' to 'failover orders {'`]],
                [
                    `${VIA_GA} (worst-case failover 1 m 36 s)`,
                    false,
                    [`replace 'route  manual after 10m' with 'route global-accelerator'`],
                ],
            ],
        ],
        [
            // 30 s × 3 = 90 s; faster detection: 36 s, exactly the objective, which it meets.
            'a fix landing on the objective meets it',
            { rto: '36s', failover: ['detect health-check every 30s threshold 3 timeout 0s', 'route  anycast'] },
            [
                [
                    `${DETECT} (worst-case failover 36 s)`,
                    true,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
            ],
        ],
    ])('detect: %s', async (_, d, fixes) => {
        expect(await fixesOf(d)).toEqual(fixes);
    });
});

describe('rto-unachievable offers a route with no DNS TTL', () => {
    it.each<[string, Design, [string, boolean | undefined, string[]][]]>([
        [
            // 30 × 3 + 60 = 150 s > 2 m; faster detection: 36 + 60 = 96 s (preferred); GA: 90 s, also enough but
            // not preferred (one preferred fix).
            'both enough: the first is preferred',
            { rto: '2m', failover: ['detect health-check every 30s threshold 3 timeout 0s', 'route  dns ttl 60s'] },
            [
                [
                    `${DETECT} (worst-case failover 1 m 36 s)`,
                    true,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${VIA_GA} (worst-case failover 1 m 30 s)`,
                    false,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
        [
            // Outside AWS: anycast. 10 × 3 + 60 + 20 s record edit = 110 s; anycast drops the record edit: 30 s.
            'on premises: anycast, the record edit dropped',
            {
                rto: '1m',
                onPrem: true,
                failover: [
                    'detect health-check every 10s threshold 3 timeout 0s',
                    'route  dns ttl 60s',
                    'action edit-dns takes 20s',
                ],
            },
            [
                [
                    `${VIA_ANYCAST} (worst-case failover 30 s)`,
                    true,
                    [`replace 'route  dns ttl 60s' with 'route anycast'`, `delete 'action edit-dns takes 20s'`],
                ],
            ],
        ],
        [
            // ARC: 10 × 3 + flip + 60 s TTL + 15 s flip action + 5 s notify > 1 m; GA keeps only the notify: 35 s.
            'an ARC route: the flip dropped, the rest kept',
            {
                rto: '1m',
                failover: [
                    'detect health-check every 10s threshold 3 timeout 0s',
                    'route  arc-routing-control ttl 60s',
                    'action flip-routing-control takes 15s',
                    'action notify takes 5s',
                ],
            },
            [
                [
                    `${VIA_GA} (worst-case failover 35 s)`,
                    true,
                    [
                        `replace 'route  arc-routing-control ttl 60s' with 'route global-accelerator'`,
                        `delete 'action flip-routing-control takes 15s'`,
                    ],
                ],
            ],
        ],
        [
            // Anycast has no TTL to save: 10 × 3 + 50 s of actions = 80 s, and no fix applies.
            'anycast already: nothing to offer',
            {
                rto: '1m',
                failover: [
                    'detect health-check every 10s threshold 3 timeout 0s',
                    'route  anycast',
                    'action notify takes 50s',
                ],
            },
            [],
        ],
        [
            // 10 × 3 + 60 = 90 s; GA: 30 s, exactly the objective.
            'a route landing on the objective meets it',
            { rto: '30s', failover: ['detect health-check every 10s threshold 3 timeout 0s', 'route  dns ttl 60s'] },
            [
                [
                    `${VIA_GA} (worst-case failover 30 s)`,
                    true,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
    ])('route: %s', async (_, d, fixes) => {
        expect(await fixesOf(d)).toEqual(fixes);
    });
});

describe('rto-unachievable offers capacity that is already running', () => {
    const FAST = 'detect health-check every 10s threshold 3 timeout 0s';
    it.each<[string, Design, [string, boolean | undefined, string[]][]]>([
        [
            // Pilot light: 10 min floor. Warm standby shifting traffic with the declared 4 m kept: 30 s + 4 m = 4 m 30 s.
            'pilot light launching for 4 m: both edited',
            {
                posture: 'pilot-light',
                rto: '5m',
                failover: [FAST, 'route  anycast', 'action launch-capacity takes 4m'],
            },
            [
                [
                    `${PROVISION} (worst-case failover 4 m 30 s)`,
                    true,
                    [
                        `replace 'launch-capacity' with 'shift-traffic'`,
                        `replace 'posture   pilot-light' with 'posture warm-standby'`,
                    ],
                ],
            ],
        ],
        [
            // A launch with its default duration shifts traffic at once: 30 s, under the warm-standby floor of 1 m.
            'a launch of default duration takes none',
            { posture: 'pilot-light', rto: '5m', failover: [FAST, 'route  anycast', 'action launch-capacity'] },
            [
                [
                    `${PROVISION} (worst-case failover 1 m)`,
                    true,
                    [
                        `replace 'launch-capacity' with 'shift-traffic'`,
                        `replace 'posture   pilot-light' with 'posture warm-standby'`,
                    ],
                ],
            ],
        ],
        [
            // Backup and restore (1 h floor) with no launch: only the posture; 30 s under the 1 m floor.
            'backup and restore: the posture alone',
            { posture: 'backup-restore', rto: '5m', failover: [FAST, 'route  anycast'] },
            [
                [
                    `${PROVISION} (worst-case failover 1 m)`,
                    true,
                    [`replace 'posture   backup-restore' with 'posture warm-standby'`],
                ],
            ],
        ],
        [
            // Warm standby already: each launching kind becomes a shift; 30 s + 2 m + 1 m + 3 m + 5 m kept = 11 m 30 s.
            'every launching kind shifts traffic',
            {
                posture: 'warm-standby',
                rto: '5m',
                failover: [
                    FAST,
                    'route  anycast',
                    'action scale-out takes 2m',
                    'action create-resources takes 1m',
                    'action restore-backup takes 3m',
                    'action notify takes 5m',
                ],
            },
            [
                [
                    `${PROVISION} (worst-case failover 11 m 30 s)`,
                    false,
                    [
                        `replace 'scale-out' with 'shift-traffic'`,
                        `replace 'create-resources' with 'shift-traffic'`,
                        `replace 'restore-backup' with 'shift-traffic'`,
                    ],
                ],
            ],
        ],
        [
            // 30 s + a 10 min scale-out + a 1 min rehome (their defaults). Only the scale-out shifts traffic instead;
            // the rehome keeps its minute: 30 s + 1 m = 1 m 30 s.
            'a launch shifts, the other actions keep their time',
            {
                posture: 'warm-standby',
                rto: '2m',
                failover: [FAST, 'route  anycast', 'action scale-out', 'action rehome'],
            },
            [[`${PROVISION} (worst-case failover 1 m 30 s)`, true, [`replace 'scale-out' with 'shift-traffic'`]]],
        ],
        [
            // Warm standby with nothing launching: nothing to pre-provision (30 s + 6 m of notifying).
            'warm standby launching nothing: no fix',
            { posture: 'warm-standby', rto: '5m', failover: [FAST, 'route  anycast', 'action notify takes 6m'] },
            [],
        ],
        [
            // Pilot light launching for 4 m: the fix's 4 m 30 s is exactly the objective.
            'capacity landing on the objective meets it',
            {
                posture: 'pilot-light',
                rto: '270s',
                failover: [FAST, 'route  anycast', 'action launch-capacity takes 4m'],
            },
            [
                [
                    `${PROVISION} (worst-case failover 4 m 30 s)`,
                    true,
                    [
                        `replace 'launch-capacity' with 'shift-traffic'`,
                        `replace 'posture   pilot-light' with 'posture warm-standby'`,
                    ],
                ],
            ],
        ],
        [
            // Warm standby: 30 s × 3 + a 10 min default launch. Faster detection: 36 s + 10 m (over); shifting
            // traffic at once: 90 s, enough, and preferred since nothing before it is.
            'faster detection short, capacity preferred',
            {
                posture: 'warm-standby',
                rto: '2m',
                failover: [
                    'detect health-check every 30s threshold 3 timeout 0s',
                    'route  anycast',
                    'action launch-capacity',
                ],
            },
            [
                [
                    `${DETECT} (worst-case failover 10 m 36 s)`,
                    false,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${PROVISION} (worst-case failover 1 m 30 s)`,
                    true,
                    [`replace 'launch-capacity' with 'shift-traffic'`],
                ],
            ],
        ],
        [
            // Pilot light launching (10 min by default): max(90 s + 10 m, 10 m floor) = 11 m 30 s. Faster detection:
            // 36 s + 10 m = 10 m 36 s, enough (preferred); a warm standby shifting at once: 90 s, enough too.
            'both enough: detection first, capacity after',
            {
                posture: 'pilot-light',
                rto: '11m',
                failover: [
                    'detect health-check every 30s threshold 3 timeout 0s',
                    'route  anycast',
                    'action launch-capacity',
                ],
            },
            [
                [
                    `${DETECT} (worst-case failover 10 m 36 s)`,
                    true,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${PROVISION} (worst-case failover 1 m 30 s)`,
                    false,
                    [
                        `replace 'launch-capacity' with 'shift-traffic'`,
                        `replace 'posture   pilot-light' with 'posture warm-standby'`,
                    ],
                ],
            ],
        ],
    ])('capacity: %s', async (_, d, fixes) => {
        expect(await fixesOf(d)).toEqual(fixes);
    });
});

describe('a store failover has no route to change', () => {
    it('is offered faster detection alone', async () => {
        // 30 s × 3 = 90 s; faster detection: 36 s.
        const text = `topology Fixes
${AWS}

store db {
    engine      aurora
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    consistency session
    objective   rto 1m
}

failover db {
    detect health-check every 30s threshold 3 timeout 0s
    drill  every 30d
}
`;
        expect(await fixesIn(text)).toEqual([
            [
                `${DETECT} (worst-case failover 36 s)`,
                true,
                [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
            ],
        ]);
    });
});

describe('the fixes promise the end the rule judges', () => {
    it.each<[Judge, [string, boolean | undefined, string[]][]]>([
        // Worst: 30 × 3 + 60 = 150 s; faster: 36 + 60 = 96 s; GA: 90 s.
        [
            'worst',
            [
                [
                    `${DETECT} (worst-case failover 1 m 36 s)`,
                    false,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${VIA_GA} (worst-case failover 1 m 30 s)`,
                    false,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
        // Typical: 2.5 × 30 + 30 = 105 s; faster: 31 + 30 = 61 s, over 1 m by a second; GA: 75 s.
        [
            'typical',
            [
                [
                    `${DETECT} (typical failover 1 m 1 s)`,
                    false,
                    [`replace 'detect health-check every 30s threshold 3 timeout 0s' with '${TO_10S}'`],
                ],
                [
                    `${VIA_GA} (typical failover 1 m 15 s)`,
                    false,
                    [`replace 'route  dns ttl 60s' with 'route global-accelerator'`],
                ],
            ],
        ],
    ])('judged on the %s end', async (judge, fixes) => {
        const d = {
            rto: '1m',
            failover: ['detect health-check every 30s threshold 3 timeout 0s', 'route  dns ttl 60s'],
        };
        expect(await fixesOf(d, judge)).toEqual(fixes);
    });
});
