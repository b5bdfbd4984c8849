// dns-ttl-too-long, whole findings: message, place and fix. The rule-cases table (failover-rules.test.ts) checks
// fragments only. As docs/rules/dns-ttl-too-long.md says: a failover routed by DNS or by an ARC routing control (which
// acts on DNS records) with a TTL above 60 s (docs/facts.md#route53-failover-ttl) keeps clients on the failed region
// for up to the TTL; 60 s passes, and routes without DNS caching (anycast, Global Accelerator, a router) have no TTL.
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Web
region us-east-1 {}
region us-west-2 {}
`;
const WEB = 'service web { regions us-east-1, us-west-2 posture active-active }\n';
const routed = (route: string) => `${REGIONS}${WEB}failover web {\n${route}\ndrill every 30d\n}\n`;

/** The message for a TTL written as `ttl` (read as `said`), `over` above the 60 s recommendation. */
const TOO_LONG = (said: string, over: string) =>
    `TTL ${said} keeps resolvers sending clients to the failed region for up to ${said} after the record fails over, ` +
    `${over} longer than the 60 s recommended for failover records (docs/facts.md#route53-failover-ttl); resolvers that ignore TTLs hold on longer still`;
const SET_60 = (ttl: string) => [
    { title: 'Set the TTL to 60s', preferred: true, edits: [`replace '${ttl}' with '60s'`] },
];

describe('dns-ttl-too-long', () => {
    it.each([
        {
            // 61 s − 60 s = 1 s; 61 s reads as 1 m 1 s.
            name: 'a TTL one second above 60 s is flagged at the TTL, with the 1 s excess',
            design: routed('route dns ttl 61s'),
            expected: [{ at: '61s', severity: 'warning', message: TOO_LONG('1 m 1 s', '1 s'), fixes: SET_60('61s') }],
        },
        {
            // 300 s − 60 s = 240 s = 4 m.
            name: 'a five-minute TTL written in seconds is four minutes too long',
            design: routed('route dns ttl 300s'),
            expected: [{ at: '300s', severity: 'warning', message: TOO_LONG('5 m', '4 m'), fixes: SET_60('300s') }],
        },
        {
            // 1 d − 60 s = 23 h 59 m.
            name: 'a one-day TTL is 23 h 59 m too long',
            design: routed('route dns ttl 1d'),
            expected: [{ at: '1d', severity: 'warning', message: TOO_LONG('1 d', '23 h 59 m'), fixes: SET_60('1d') }],
        },
        {
            // 90,000 ms − 60,000 ms = 30 s.
            name: 'a TTL written in milliseconds',
            design: routed('route dns ttl 90000ms'),
            expected: [
                { at: '90000ms', severity: 'warning', message: TOO_LONG('1 m 30 s', '30 s'), fixes: SET_60('90000ms') },
            ],
        },
        {
            // The routing control flips health checks on the records: clients still wait out their TTL.
            name: 'an ARC routing control over records with a two-minute TTL',
            design: routed('route arc-routing-control ttl 2m'),
            expected: [{ at: '2m', severity: 'warning', message: TOO_LONG('2 m', '1 m'), fixes: SET_60('2m') }],
        },
        {
            // One failover per cell, at one place: one finding.
            name: 'a per-cell service’s failover is one finding',
            design: `${REGIONS}cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\nservice app per cell { posture active-active }\nfailover app {\nroute dns ttl 5m\ndrill every 30d\n}\n`,
            expected: [{ at: '5m', severity: 'warning', message: TOO_LONG('5 m', '4 m'), fixes: SET_60('5m') }],
        },
        { name: 'passes a TTL of exactly 60 s', design: routed('route dns ttl 60s'), expected: [] },
        { name: 'passes 60,000 ms, the same 60 s', design: routed('route dns ttl 60000ms'), expected: [] },
        { name: 'passes a TTL below 60 s', design: routed('route dns ttl 30s'), expected: [] },
        {
            name: 'passes an ARC routing control with no TTL declared',
            design: routed('route arc-routing-control'),
            expected: [],
        },
        { name: 'passes anycast, which has no TTL', design: routed('route anycast'), expected: [] },
        {
            name: 'passes Global Accelerator, which has no TTL',
            design: routed('route global-accelerator'),
            expected: [],
        },
        { name: 'passes an application router', design: routed('route router'), expected: [] },
        { name: 'passes a manual route', design: routed('route manual after 5m'), expected: [] },
        {
            name: 'passes a store failover with no route',
            design: `${REGIONS}store db { engine dynamodb regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 }\nfailover db { action promote db takes 1m drill every 30d }\n`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('dns-ttl-too-long', design)).toEqual(expected);
    });
});
