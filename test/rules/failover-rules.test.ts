import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Status
region us-east-1 {}
region us-west-2 {}
`;
const DB = `store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }\n`;
const SERVICE = (primary = 'us-east-1', posture = 'warm-standby') =>
    `service web { regions us-east-1, us-west-2 primary ${primary} posture ${posture} capacity 100% per region uses db }\n`;
const failover = (body: string, primary?: string, posture?: string) =>
    `${REGIONS}${DB}${SERVICE(primary, posture)}failover web {\n${body}\ndrill every 30d\n}\n`;

ruleCases('control-plane-failover', {
    valid: [
        {
            name: 'health-checked DNS routing and pre-provisioned capacity',
            text: failover('route dns ttl 60s\naction shift-traffic'),
        },
        {
            name: 'an ARC routing control flip',
            text: failover('route arc-routing-control\naction flip-routing-control'),
        },
        {
            name: 'promotion declared data-plane',
            text: failover('route dns ttl 60s\naction promote db via data-plane takes 30s'),
        },
        {
            name: 'promotion of an engine that fails over by itself',
            text: `${REGIONS}region us-east-2 {}\nstore t { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds shared rows }\nfailover t { action promote t drill every 30d }`,
        },
    ],
    invalid: [
        {
            name: 'a DNS record edit when the failover protects against us-east-1 (the 2021 lesson)',
            text: failover('route dns ttl 60s\naction edit-dns'),
            at: 'edit-dns',
            severity: 'error',
            says: [
                'editing the DNS record goes through the Route 53 control plane, homed in us-east-1 — the region this failover protects against',
                '7 December 2021',
            ],
        },
        {
            name: 'launching capacity through EC2 in the standby region',
            text: failover('route dns ttl 60s\naction launch-capacity web in us-west-2'),
            at: 'launch-capacity',
            says: ['launching capacity goes through the EC2 control plane, homed in us-west-2', 'REL11-BP04'],
        },
        {
            name: 'a console step, signing in through IAM in us-east-1',
            text: failover('route dns ttl 60s\naction console takes 5m'),
            at: 'console',
            severity: 'error',
            says: ['console sign-in / IAM control plane, homed in us-east-1'],
        },
        {
            name: 'promotion of Aurora Global through its management API',
            text: failover('route dns ttl 60s\naction promote db'),
            at: 'promote',
            says: ['the database management API, a control plane homed in us-west-2'],
        },
        {
            name: 'a DNS record edit when the failover protects against us-west-2, as a warning',
            text: failover('route dns ttl 60s\naction edit-dns', 'us-west-2'),
            at: 'edit-dns',
            severity: 'warning',
            says: ['homed in us-east-1: recovery depends on a control plane'],
        },
        {
            name: 'a DNS record edit in an active-active failover, where any region may be the failed one',
            text: failover('route dns ttl 60s\naction edit-dns', 'us-east-1', 'active-active'),
            at: 'edit-dns',
            severity: 'error',
        },
    ],
});

ruleCases('dns-ttl-too-long', {
    valid: [
        { name: 'a TTL of 60 s', text: failover('route dns ttl 60s\naction shift-traffic') },
        { name: 'a TTL of 59 s', text: failover('route dns ttl 59s\naction shift-traffic') },
        { name: 'anycast routing, which has no TTL', text: failover('route anycast\naction shift-traffic') },
        {
            name: 'an ARC routing control over records with a 60 s TTL',
            text: failover('route arc-routing-control ttl 60s\naction flip-routing-control'),
        },
    ],
    invalid: [
        {
            name: 'an ARC routing control over records with a 5-minute TTL, which clients wait out after the flip',
            text: failover('route arc-routing-control ttl 5m\naction flip-routing-control'),
            at: '5m',
            says: ['TTL 5 m keeps resolvers sending clients to the failed region', '4 m longer'],
        },
        {
            name: 'a TTL of 61 s',
            text: failover('route dns ttl 61s\naction shift-traffic'),
            at: '61s',
            says: [
                'TTL 1 m 1 s keeps resolvers sending clients to the failed region',
                '1 s longer than the 60 s recommended for failover records (docs/facts.md#route53-failover-ttl)',
            ],
        },
        {
            name: 'a TTL of 5 minutes',
            text: failover('route dns ttl 5m\naction shift-traffic'),
            at: '5m',
            says: ['for up to 5 m', '4 m longer'],
        },
        { name: 'a TTL of one day', text: failover('route dns ttl 1d\naction shift-traffic'), at: '1d', says: ['1 d'] },
    ],
});

const drilled = (drill: string) =>
    `${REGIONS}${DB}${SERVICE()}failover web {\nroute dns ttl 60s\naction shift-traffic\n${drill}\n}\n`;

ruleCases('failover-never-rehearsed', {
    valid: [
        { name: 'a drill every 30 days', text: drilled('drill every 30d') },
        { name: 'a drill every 90 days', text: drilled('drill every 90d') },
    ],
    invalid: [
        {
            name: 'a drill every 91 days',
            text: drilled('drill every 91d'),
            at: 'drill every 91d',
            says: ['the failover of web is drilled every 91 d, more than 90 days apart'],
        },
        {
            name: 'no drill at all, at the failover',
            text: drilled(''),
            at: 'web',
            says: ['declares no drill', 'Netflix'],
        },
        {
            name: 'a failover that is never drilled',
            text: drilled('drill never'),
            at: 'drill never',
            says: ['is never drilled'],
        },
    ],
});

const SESSIONS = (writes = 'home-region') =>
    `store sessions { engine dynamodb regions us-east-1, us-west-2 holds per-user register writes ${writes} }\n`;
const homed = (actions: string, writes?: string) =>
    `${REGIONS}${SESSIONS(writes)}service app { regions us-east-1, us-west-2 posture active-active uses sessions }\nfailover app {\nroute anycast\n${actions}\ndrill every 30d\n}\n`;

ruleCases('home-region-unrouted', {
    valid: [
        { name: 'a failover that re-homes the store', text: homed('action rehome sessions') },
        { name: 'a failover that accepts the outage explicitly', text: homed('action accept-outage sessions') },
        {
            name: 'a store failover with an untargeted re-homing',
            text: `${REGIONS}${SESSIONS()}failover sessions { action rehome drill every 30d }`,
        },
        { name: 'writes to any region', text: homed('action shift-traffic', 'any-region') },
        {
            name: 'a CockroachDB store, which moves its leaseholders to a surviving region by itself',
            text: `${REGIONS}region us-east-2 {}\nstore rows { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds per-user rows writes home-region }\n`,
        },
    ],
    invalid: [
        {
            name: 'a service failover that says nothing of the home region’s users',
            text: homed('action shift-traffic'),
            at: 'writes home-region',
            says: [
                'sessions writes each key in its home region (us-east-1 or us-west-2), but failover app says nothing of where',
            ],
        },
        {
            name: 'no failover at all',
            text: `${REGIONS}${SESSIONS()}`,
            at: 'writes home-region',
            says: ['and no failover concerns it'],
        },
        {
            name: 'a re-homing of another store',
            text: `${REGIONS}${SESSIONS()}store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes home-region }\nservice app { regions us-east-1, us-west-2 posture active-active uses sessions, carts }\nfailover app { route anycast action rehome carts drill every 30d }`,
            at: 'writes home-region',
        },
    ],
});

const detected = (detect: string, route = 'anycast') => `topology Web
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active capacity 100% per region }
failover web {
${detect}
route ${route}
drill every 30d
}
`;

ruleCases('health-check-interval', {
    valid: [
        { name: 'health checks every 10 s on AWS', text: detected('detect health-check every 10s threshold 3') },
        { name: 'health checks every 30 s on AWS', text: detected('detect health-check every 30s threshold 3') },
        { name: 'the default interval', text: detected('detect health-check threshold 3') },
        {
            name: 'a 5 s interval behind an application router, which has no Route 53 or Global Accelerator check',
            text: detected('detect health-check every 5s threshold 3', 'router'),
        },
        {
            name: 'a 5 s interval of the automation that flips an ARC routing control',
            text: detected('detect health-check every 5s threshold 3', 'arc-routing-control ttl 60s'),
        },
        {
            name: 'a 5 s interval of a store failover with no route',
            text: `topology Db\nregion us-east-1 {}\nregion us-west-2 {}\nstore db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }\nfailover db { detect health-check every 5s threshold 3 action promote db drill every 30d }\n`,
        },
        {
            name: 'a 5 s interval on a provider that offers it',
            text: detected('detect health-check every 5s threshold 3')
                .replaceAll('us-east-1', 'iad')
                .replaceAll('us-west-2', 'sjc')
                .replace('region iad {}', 'region iad { provider cloudflare jurisdiction US }')
                .replace('region sjc {}', 'region sjc { provider cloudflare jurisdiction US }'),
        },
    ],
    invalid: [
        {
            name: 'health checks every 5 s on AWS',
            text: detected('detect health-check every 5s threshold 3'),
            at: '5s',
            says: [
                'health checks every 5 s are not available on AWS',
                'every 10 s or 30 s (docs/facts.md#route53-health-check-interval, docs/facts.md#global-accelerator-health-check)',
                'Detection takes 10 s × 3 + 6 s timeout = 26–36 s, not the 16–21 s this design assumes',
            ],
        },
        {
            name: 'health checks every 20 s, between the two AWS offers',
            text: detected('detect health-check every 20s threshold 3'),
            at: '20s',
            says: ['36 s or 30 s × 3 + 6 s timeout = 1 m 6 s–1 m 36 s, not the 46 s–1 m 6 s'],
        },
        {
            name: 'health checks every minute',
            text: detected('detect health-check every 1m threshold 3'),
            at: '1m',
            says: ['30 s × 3 + 6 s timeout = 1 m 6 s–1 m 36 s, not the 2 m 6 s–3 m 6 s'],
        },
        {
            name: 'Route 53 health checks every 5 s behind a DNS failover record',
            text: detected('detect health-check every 5s threshold 3', 'dns ttl 60s'),
            at: '5s',
            says: ['health checks every 5 s are not available on AWS'],
        },
    ],
});
