// control-plane-failover, whole findings: message, place, severity and fixes (title, preferred, what each edit
// writes). The rule-cases table (failover-rules.test.ts) checks fragments only. As docs/rules/control-plane-failover.md
// says: an action that needs a control plane is flagged, as an error when that plane is homed in a region the
// failover protects against (its `from`, else its target's primary, or every region of an active-active target);
// Route 53 and console sign-in are homed in us-east-1, EC2 and the management APIs in the region the action acts in.
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Status
region us-east-1 {}
region us-west-2 {}
`;
const WEB = 'service web { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby }\n';
const DB =
    'store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }\n';
const failover = (body: string, head = 'web') =>
    `${REGIONS}${WEB}${DB}failover ${head} {\n${body}\ndrill every 30d\n}\n`;

/** The two endings of the message: the plane is in the failed region (an error), or elsewhere (a warning). */
const IN_FAILED =
    " — the region this failover protects against. On 7 December 2021 us-east-1's control planes were impaired for about seven hours while running instances kept serving (docs/facts.md#us-east-1-2021-outage): this step would wait for the outage to end";
const ELSEWHERE =
    ': recovery depends on a control plane staying healthy during the incident, while health-checked routing, ARC routing controls and pre-provisioned capacity are data-plane (docs/facts.md#control-plane-vs-data-plane, REL11-BP04)';

const REMOVE_EDIT = (clause: string) => ({
    title: 'Let health checks fail the DNS record over: remove the record edit (data plane)',
    preferred: true,
    edits: [`delete '${clause}'`],
});
const ARC = (preferred: boolean, ...edits: string[]) => ({
    title: 'Flip an ARC routing control instead (data plane; clients still wait out the TTL)',
    preferred,
    edits: ["replace 'edit-dns' with 'flip-routing-control'", ...edits],
});

/** The finding on an `action edit-dns` step: an error when Route 53's home is the failed region, else a warning. */
const EDIT_DNS = (fixes: object[], ending = IN_FAILED) => ({
    at: 'edit-dns',
    severity: ending === IN_FAILED ? 'error' : 'warning',
    message: `editing the DNS record goes through the Route 53 control plane, homed in us-east-1${ending}`,
    fixes,
});

describe('control-plane-failover', () => {
    it.each([
        {
            // web's primary is us-east-1, so the failover protects against us-east-1, where Route 53's control plane lives.
            name: 'a DNS record edit against us-east-1 is an error, with both data-plane fixes keeping the 60 s TTL',
            design: failover('route dns ttl 60s\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(false, "replace 'route dns ttl 60s' with 'route arc-routing-control ttl 60s'"),
                ]),
            ],
        },
        {
            // 1,500 ms is not a whole number of seconds: the routing control keeps it in milliseconds.
            name: 'the ARC fix keeps a TTL that is not a whole number of seconds in milliseconds',
            design: failover('route dns ttl 1500ms\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(false, "replace 'route dns ttl 1500ms' with 'route arc-routing-control ttl 1500ms'"),
                ]),
            ],
        },
        {
            name: 'the ARC fix writes a TTL of two minutes as 120s',
            design: failover('route dns ttl 2m\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(false, "replace 'route dns ttl 2m' with 'route arc-routing-control ttl 120s'"),
                ]),
            ],
        },
        {
            // The routing control acts on the same records: the resolvers that outlast their TTL (5 % of clients,
            // 2 m more) still do, so the new route keeps the tail as declared instead of dropping it from estimates.
            name: 'the ARC fix keeps a declared resolver tail',
            design: failover('route dns ttl 60s tail 5% 2m\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(
                        false,
                        "replace 'route dns ttl 60s tail 5% 2m' with 'route arc-routing-control ttl 60s tail 5% 120s'",
                    ),
                ]),
            ],
        },
        {
            // 0.7 × 100 is 70.00000000000001 in floating point: the share is written as the 70 % it was.
            name: 'the ARC fix writes a tail share and delay as they were declared',
            design: failover('route dns ttl 30s tail 70% 1500ms\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(
                        false,
                        "replace 'route dns ttl 30s tail 70% 1500ms' with 'route arc-routing-control ttl 30s tail 70% 1500ms'",
                    ),
                ]),
            ],
        },
        {
            // A tail of 0 % delays nobody (docs/facts.md#dns-resolver-tail gives no default share): nothing to keep.
            name: 'the ARC fix leaves out a tail of no clients',
            design: failover('route dns ttl 60s tail 0% 2m\naction edit-dns'),
            expected: [
                EDIT_DNS([
                    REMOVE_EDIT('action edit-dns'),
                    ARC(false, "replace 'route dns ttl 60s tail 0% 2m' with 'route arc-routing-control ttl 60s'"),
                ]),
            ],
        },
        {
            // One edit per cell of a per-cell service, at one place: one finding.
            name: 'a per-cell service’s record edit is one finding',
            design: `${REGIONS}cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\nservice app per cell { primary us-east-1 posture warm-standby }\nfailover app {\nroute anycast\naction edit-dns\ndrill every 30d\n}\n`,
            expected: [EDIT_DNS([ARC(true, "replace 'route anycast' with 'route arc-routing-control'")])],
        },
        {
            // Already an ARC route: only the action changes, and health checks cannot take over a record edit.
            name: 'a DNS record edit under an ARC route is offered only the flip, preferred, leaving the route',
            design: failover('route arc-routing-control ttl 60s\naction edit-dns'),
            expected: [EDIT_DNS([ARC(true)])],
        },
        {
            // Anycast has no TTL to keep: the new route has none.
            name: 'a DNS record edit under anycast is offered the flip with a route without a TTL',
            design: failover('route anycast\naction edit-dns'),
            expected: [EDIT_DNS([ARC(true, "replace 'route anycast' with 'route arc-routing-control'")])],
        },
        {
            // A store failover may have no route: the fix adds one.
            name: 'a DNS record edit in a store failover without a route is offered the flip with a new route',
            design: failover('action edit-dns', 'db'),
            expected: [EDIT_DNS([ARC(true, "add 'route arc-routing-control' to 'failover db {'")])],
        },
        {
            // From us-west-2, Route 53 (us-east-1) is a control plane elsewhere: a warning.
            name: 'a DNS record edit against us-west-2 is a warning',
            design: failover('route dns ttl 60s\naction edit-dns').replace(
                'failover web {',
                'failover web from us-west-2 {',
            ),
            expected: [
                EDIT_DNS(
                    [
                        REMOVE_EDIT('action edit-dns'),
                        ARC(false, "replace 'route dns ttl 60s' with 'route arc-routing-control ttl 60s'"),
                    ],
                    ELSEWHERE,
                ),
            ],
        },
        {
            name: 'a health-check update is offered creating the checks in advance',
            design: failover('route dns ttl 60s\naction update-health-check'),
            expected: [
                {
                    at: 'update-health-check',
                    severity: 'error',
                    message: `updating the health check goes through the Route 53 control plane, homed in us-east-1${IN_FAILED}`,
                    fixes: [
                        {
                            title: 'Create the health checks in advance: remove this step',
                            preferred: true,
                            edits: ["delete 'action update-health-check'"],
                        },
                    ],
                },
            ],
        },
        {
            // EC2 is homed in the region the action acts in: the standby us-west-2, not the failed us-east-1.
            name: 'launching capacity in the standby region is a warning, offered pre-provisioned capacity',
            design: failover('route dns ttl 60s\naction launch-capacity web in us-west-2'),
            expected: [
                {
                    at: 'launch-capacity',
                    severity: 'warning',
                    message: `launching capacity goes through the EC2 control plane, homed in us-west-2${ELSEWHERE}`,
                    fixes: [
                        {
                            title: 'Pre-provision capacity: shift traffic to capacity that is already running',
                            preferred: true,
                            edits: ["replace 'launch-capacity' with 'shift-traffic'"],
                        },
                    ],
                },
            ],
        },
        {
            // Launching in the region that failed waits for that region's EC2 control plane.
            name: 'scaling out in the failed region is an error',
            design: failover('route dns ttl 60s\naction scale-out web in us-east-1'),
            expected: [
                {
                    at: 'scale-out',
                    severity: 'error',
                    message: `scaling out goes through the EC2 Auto Scaling control plane, homed in us-east-1${IN_FAILED}`,
                    fixes: [
                        {
                            title: 'Pre-provision capacity: shift traffic to capacity that is already running',
                            preferred: true,
                            edits: ["replace 'scale-out' with 'shift-traffic'"],
                        },
                    ],
                },
            ],
        },
        {
            // With no `in`, the action acts in the failover's `to`: us-west-2, the other region of web.
            name: 'creating resources names the provider management API in the failover’s destination',
            design: failover('route dns ttl 60s\naction create-resources takes 5m'),
            expected: [
                {
                    at: 'create-resources',
                    severity: 'warning',
                    message: `creating resources goes through the provider management API, a control plane homed in us-west-2${ELSEWHERE}`,
                    fixes: [
                        {
                            title: 'Create the resources in advance: remove this step',
                            preferred: true,
                            edits: ["delete 'action create-resources takes 5m'"],
                        },
                    ],
                },
            ],
        },
        {
            name: 'promoting Aurora through its management API has no quick fix',
            design: failover('route dns ttl 60s\naction promote db'),
            expected: [
                {
                    at: 'promote',
                    severity: 'warning',
                    message: `promoting the replica goes through the database management API, a control plane homed in us-west-2${ELSEWHERE}`,
                    fixes: [],
                },
            ],
        },
        {
            name: 'restoring a backup names the backup service',
            design: failover('route dns ttl 60s\naction restore-backup db size 1TB throughput 1GB/s'),
            expected: [
                {
                    at: 'restore-backup',
                    severity: 'warning',
                    message: `restoring the backup goes through the backup service, a control plane homed in us-west-2${ELSEWHERE}`,
                    fixes: [],
                },
            ],
        },
        {
            name: 'a console step signs in through IAM in us-east-1',
            design: failover('route dns ttl 60s\naction console takes 5m'),
            expected: [
                {
                    at: 'console',
                    severity: 'error',
                    message: `the console step goes through the console sign-in / IAM control plane, homed in us-east-1${IN_FAILED}`,
                    fixes: [],
                },
            ],
        },
        {
            // A step with no words of its own is named by its kind; a declared plane has no name.
            name: 'a data-plane step declared through a control plane is named by its kind',
            design: failover('route dns ttl 60s\naction notify via control-plane us-east-1'),
            expected: [
                {
                    at: 'notify',
                    severity: 'error',
                    message: `notify goes through a control plane homed in us-east-1${IN_FAILED}`,
                    fixes: [],
                },
            ],
        },
        {
            name: 'a control plane with neither a name nor a region',
            design: failover('route dns ttl 60s\naction invalidate-cache via control-plane'),
            expected: [
                {
                    at: 'invalidate-cache',
                    severity: 'warning',
                    message: `invalidate-cache goes through a control plane${ELSEWHERE}`,
                    fixes: [],
                },
            ],
        },
        {
            // Route 53's control plane is homed in us-east-1 for AWS targets only: off AWS its home is not known.
            name: 'a DNS record edit for a target off AWS names Route 53 without a home',
            design: `topology Edge
region iad { provider cloudflare jurisdiction US }
region sjc { provider cloudflare jurisdiction US }
service web { regions iad, sjc primary iad posture warm-standby }
failover web {
route anycast
action edit-dns
drill every 30d
}
`,
            expected: [
                {
                    at: 'edit-dns',
                    severity: 'warning',
                    message: `editing the DNS record goes through the Route 53 control plane${ELSEWHERE}`,
                    fixes: [ARC(true, "replace 'route anycast' with 'route arc-routing-control'")],
                },
            ],
        },
        {
            // A store in one region has no other region to act in: the management API's home is not known.
            name: 'promoting a store in one region names the management API without a home',
            design: `${REGIONS}store one { engine aurora regions us-east-1 holds shared rows writes primary us-east-1 consistency session }
failover one { action promote one drill every 30d }
`,
            expected: [
                {
                    at: 'promote',
                    severity: 'warning',
                    message: `promoting the replica goes through the database management API, a control plane${ELSEWHERE}`,
                    fixes: [],
                },
            ],
        },
        {
            // Two edits of one failover are two findings, each at its own line.
            name: 'two record edits in one failover are two findings',
            design: failover('route anycast\naction edit-dns\naction edit-dns'),
            expected: [1, 2].map(() =>
                EDIT_DNS([ARC(true, "replace 'route anycast' with 'route arc-routing-control'")]),
            ),
        },
        {
            name: 'passes a failover with data-plane steps only',
            design: failover('route dns ttl 60s\naction shift-traffic\naction flip-routing-control\naction notify'),
            expected: [],
        },
        {
            name: 'passes a promotion declared data-plane',
            design: failover('route dns ttl 60s\naction promote db via data-plane takes 30s'),
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('control-plane-failover', design)).toEqual(expected);
    });
});
